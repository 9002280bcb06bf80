import { copyObject, isJsonObject, type JsonObject, type JsonValue } from "./json-value";

/** Escapes one reference token (RFC 6901: `~` → `~0`, `/` → `~1`). */
export function escapePointerToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** Builds a JSON pointer from path segments: `["paths", "/items/{id}"]` → `/paths/~1items~1{id}`. */
export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => "/" + escapePointerToken(String(s))).join("");
}

/** Splits a JSON pointer into its unescaped segments. Accepts `""` (the root) and `#`-prefixed URI fragments. */
export function parsePointer(pointer: string): string[] {
  let p = pointer;
  if (p.startsWith("#")) p = decodeURIComponent(p.slice(1));
  if (p === "") return [];
  if (!p.startsWith("/")) throw new Error(`Not a JSON pointer: ${pointer}`);
  return p.slice(1).split("/").map(unescapePointerToken);
}

/** Reads the value at `pointer`, or `undefined` when any step is missing. */
export function getAtPointer(root: unknown, pointer: string | readonly string[]): unknown {
  const segments = typeof pointer === "string" ? parsePointer(pointer) : pointer;
  let node: unknown = root;
  for (const segment of segments) {
    if (Array.isArray(node)) {
      node = node[Number(segment)];
    } else if (isJsonObject(node)) {
      node = Object.prototype.hasOwnProperty.call(node, segment) ? node[segment] : undefined;
    } else {
      return undefined;
    }
  }
  return node;
}

/**
 * Returns a copy of `root` with `value` at `pointer`, sharing every untouched branch. Missing objects
 * on the way are created. Key order is kept: an existing key stays where it is, a new key goes last.
 * Object copies use spread, which carries the lossless side tables (key order, raw numbers).
 */
export function setAtPointer<T>(root: T, pointer: string | readonly string[], value: unknown): T {
  const segments = typeof pointer === "string" ? parsePointer(pointer) : pointer;
  return setIn(root, segments, 0, value) as T;
}

function setIn(node: unknown, segments: readonly string[], index: number, value: unknown): unknown {
  if (index === segments.length) return value;
  const segment = segments[index] as string;
  if (Array.isArray(node)) {
    const i = segment === "-" ? node.length : Number(segment);
    if (!Number.isInteger(i) || i < 0 || i > node.length) throw new Error(`Bad array index "${segment}"`);
    const copy = node.slice();
    copy[i] = setIn(node[i], segments, index + 1, value) as JsonValue;
    return copy;
  }
  const obj = isJsonObject(node) ? node : {};
  const child = Object.prototype.hasOwnProperty.call(obj, segment) ? obj[segment] : undefined;
  const next = setIn(child, segments, index + 1, value);
  if (child === next && Object.prototype.hasOwnProperty.call(obj, segment)) return obj;
  return withKey(obj, segment, next);
}

/**
 * A copy of `obj` with `key` set. `"__proto__"` is defined as an own key (assignment would set the
 * prototype); other keys are assigned, which is several times faster.
 */
function withKey(obj: JsonObject, key: string, value: unknown): JsonObject {
  const copy = copyObject(obj);
  if (key === "__proto__")
    Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  else copy[key] = value as JsonValue;
  return copy;
}

/** Returns a copy of `root` without the value at `pointer` (array items are spliced out). */
export function removeAtPointer<T>(root: T, pointer: string | readonly string[]): T {
  const segments = typeof pointer === "string" ? parsePointer(pointer) : pointer;
  if (segments.length === 0) throw new Error("Cannot remove the root");
  return removeIn(root, segments, 0) as T;
}

function removeIn(node: unknown, segments: readonly string[], index: number): unknown {
  const segment = segments[index] as string;
  const last = index === segments.length - 1;
  if (Array.isArray(node)) {
    const i = Number(segment);
    if (!(i >= 0 && i < node.length)) return node;
    const copy = node.slice();
    if (last) copy.splice(i, 1);
    else copy[i] = removeIn(node[i], segments, index + 1) as JsonValue;
    return copy;
  }
  if (!isJsonObject(node) || !Object.prototype.hasOwnProperty.call(node, segment)) return node;
  if (last) {
    const copy = { ...node };
    delete copy[segment];
    return copy;
  }
  const child = node[segment];
  const next = removeIn(child, segments, index + 1);
  if (next === child) return node;
  return withKey(node, segment, next);
}
