import { isJsonObject, RAW_NUMBERS, type JsonValue } from "../../model/json-value";

/**
 * Azure Resource Manager reads a string value that starts with `[` and ends with `]` as a template expression
 * (`[parameters('x')]`); a literal such string is written with the first bracket doubled (`[[x]`), and the
 * deployment turns it back into `[x]`.
 */
function looksLikeExpression(text: string): boolean {
  return text.length >= 2 && text.startsWith("[") && text.endsWith("]");
}

/** A literal string as ARM must read it. */
export function escapeArmString(text: string): string {
  return looksLikeExpression(text) ? `[${text}` : text;
}

/** Whether a string in a template is an ARM expression (not an escaped literal). */
export function isArmExpression(text: string): boolean {
  return looksLikeExpression(text) && !text.startsWith("[[");
}

/** The literal a template string stands for: `[[x]` → `[x]`; anything else as it is. */
export function unescapeArmString(text: string): string {
  return looksLikeExpression(text) && text.startsWith("[[") ? text.slice(1) : text;
}

type Tables = { [RAW_NUMBERS]?: Record<string, string> };

/**
 * Maps every string value (never a key) of a JSON value, copying only the branches that change. Copies keep
 * the lossless side tables (key order, raw numbers), so the value serialises as before but for those strings.
 */
export function mapStrings(value: JsonValue, map: (text: string) => string): JsonValue {
  if (typeof value === "string") return map(value);
  if (Array.isArray(value)) {
    let copy: JsonValue[] | null = null;
    value.forEach((item, i) => {
      const next = mapStrings(item, map);
      if (next !== item) {
        copy ??= [...value];
        copy[i] = next;
      }
    });
    if (copy === null) return value;
    // Array spread drops symbol-keyed tables: carry the raw number lexemes over by hand.
    const raw = (value as Tables)[RAW_NUMBERS];
    if (raw) (copy as Tables)[RAW_NUMBERS] = raw;
    return copy;
  }
  if (!isJsonObject(value)) return value;
  let copy: typeof value | null = null;
  for (const key of Object.keys(value)) {
    const child = value[key];
    if (child === undefined) continue;
    const next = mapStrings(child, map);
    if (next !== child) {
      copy ??= { ...value }; // object spread keeps the enumerable symbol tables
      copy[key] = next;
    }
  }
  return copy ?? value;
}

/** How many string values of a JSON value satisfy `test`. */
export function countStrings(value: JsonValue, test: (text: string) => boolean): number {
  if (typeof value === "string") return test(value) ? 1 : 0;
  if (Array.isArray(value)) return value.reduce<number>((n, item) => n + countStrings(item, test), 0);
  if (!isJsonObject(value)) return 0;
  let n = 0;
  for (const child of Object.values(value)) if (child !== undefined) n += countStrings(child, test);
  return n;
}
