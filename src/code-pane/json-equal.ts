import { orderedKeys, RAW_NUMBERS } from "../model/json-value";

/**
 * Deep equality of two JSON values, key order included (a reordered object is a real change in a lossless
 * document). The Swagger editor uses it to skip dispatching when typed text only changed formatting.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") {
    // NaN does not occur in JSON; plain === covers strings, numbers and booleans.
    return false;
  }
  if (!sameRawNumbers(a as object, b as object)) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keysA = orderedKeys(a as object);
  const keysB = orderedKeys(b as object);
  if (keysA.length !== keysB.length) return false;
  for (let i = 0; i < keysA.length; i++) {
    const key = keysA[i] as string;
    if (key !== keysB[i]) return false;
    if (!jsonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** Raw number lexemes (`1.0` vs `1`) are part of what the user typed, so they count as a difference. */
function sameRawNumbers(a: object, b: object): boolean {
  const rawA = (a as { [RAW_NUMBERS]?: unknown })[RAW_NUMBERS];
  const rawB = (b as { [RAW_NUMBERS]?: unknown })[RAW_NUMBERS];
  if (rawA === rawB) return true;
  return JSON.stringify(rawA ?? {}) === JSON.stringify(rawB ?? {});
}
