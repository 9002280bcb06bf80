/** Any JSON value as parsed from a connector file. */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

/** A JSON object. Objects parsed by `parseJsonText` may carry the lossless side tables below. */
export interface JsonObject {
  [key: string]: JsonValue | undefined;
}

/**
 * Source key order of an object whose keys JavaScript would enumerate differently (integer-like keys such
 * as "200" are always enumerated first). Stored as an enumerable symbol so that object spread and rest
 * (the way every edit copies objects) carry it along, while JSON.stringify and Object.keys ignore it.
 */
export const KEY_ORDER: unique symbol = Symbol.for("connector-studio.key-order");

/**
 * Raw lexemes of numbers whose text would not survive `String(Number(text))` (e.g. `1.0`, `1e3`,
 * `12345678901234567890`), keyed by property name (or index, for arrays). Used by the serialiser only
 * while the value is unchanged, so an untouched import exports the same JSON text.
 */
export const RAW_NUMBERS: unique symbol = Symbol.for("connector-studio.raw-numbers");

/**
 * `{ ...base, ...extra }`, for copies that add keys on hot paths. Node 20's V8 takes a slow path when a key
 * is added to an object made by spread (3–6 µs each, 20–50× the copy; Chromium's newer V8 does not), which
 * made the importers' per-parameter copies their largest cost in the CLI. `Object.assign` onto `{}` copies
 * the same own enumerable keys and symbols in the same order; spread is kept for a `"__proto__"` key, which
 * `Object.assign` would turn into a prototype instead of copying.
 */
/** A shallow copy that later gets keys added; see {@link extendObject} for why not `{ ...obj }`. */
export function copyObject<T extends object>(obj: T): T {
  return Object.hasOwn(obj, "__proto__") ? { ...obj } : Object.assign({}, obj);
}

export function extendObject<T extends object, U extends object>(base: T, extra: U): Omit<T, keyof U> & U {
  if (Object.hasOwn(base, "__proto__") || Object.hasOwn(extra, "__proto__")) return { ...base, ...extra };
  return Object.assign({}, base, extra);
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Own string keys of `obj` in source order (honours {@link KEY_ORDER}). */
export function orderedKeys(obj: object): string[] {
  const natural = Object.keys(obj);
  const order = (obj as { [KEY_ORDER]?: readonly string[] })[KEY_ORDER];
  if (!order) return natural;
  const present = new Set(natural);
  const seen = new Set<string>();
  const keys: string[] = [];
  for (const key of order) {
    if (present.has(key) && !seen.has(key)) {
      keys.push(key);
      seen.add(key);
    }
  }
  for (const key of natural) if (!seen.has(key)) keys.push(key);
  return keys;
}
