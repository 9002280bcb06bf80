import { KEY_ORDER, RAW_NUMBERS, type JsonValue } from "../json-value";
import { isArrayIndexKey, isCanonicalNumber, MAX_DEPTH } from "./json-exact";

type RawTable = Record<string, string>;
type Container = Record<string, unknown> & { [KEY_ORDER]?: readonly string[]; [RAW_NUMBERS]?: RawTable };

/**
 * Adds the lossless side tables to a value that `JSON.parse` produced from `text`: walks the text and the
 * value together and records, where needed, the source key order ({@link KEY_ORDER}) and raw number lexemes
 * ({@link RAW_NUMBERS}). Strings are skipped, not built, so this costs far less than parsing again, and the
 * values stay `JSON.parse`'s own (compact, not slices of the text).
 *
 * Only for valid JSON without duplicate keys: returns `"duplicate"` as soon as it meets a repeated key (the
 * caller then uses the exact parser, which knows which occurrence wins), else whether it added any table.
 */
export function annotateParsedJson(text: string, root: JsonValue): boolean | "duplicate" {
  const n = text.length;
  let p = 0;
  let nextBackslash = -2;
  let hasTables = false;

  const skipWs = (): number => {
    let c = text.charCodeAt(p);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(++p);
    return c;
  };

  /** Skips a string at p; returns its end quote's offset and whether it has escapes. */
  const skipString = (): { end: number; escaped: boolean } => {
    const start = p + 1;
    let end = text.indexOf('"', start);
    if (nextBackslash !== -1 && nextBackslash < start) nextBackslash = text.indexOf("\\", start);
    let escaped = false;
    if (nextBackslash !== -1 && nextBackslash < end) {
      let i = nextBackslash;
      for (;;) {
        const d = text.charCodeAt(i);
        if (d === 92) i += 2;
        else if (d === 34) break;
        else i++;
      }
      end = i;
      escaped = true;
      nextBackslash = text.indexOf("\\", end);
    }
    p = end + 1;
    return { end, escaped };
  };

  /** Skips a number at p; returns its lexeme when `String(Number(lexeme))` would change it. */
  const numberLexeme = (): string | null => {
    const s = p;
    const first = text.charCodeAt(p);
    let c = text.charCodeAt(++p);
    let plain = true;
    while (c >= 48 && c <= 57) c = text.charCodeAt(++p);
    while (c === 46 || c === 101 || c === 69 || c === 43 || c === 45 || (c >= 48 && c <= 57)) {
      plain = false;
      c = text.charCodeAt(++p);
    }
    if (plain && p - s <= 15 && !(first === 45 && text.charCodeAt(s + 1) === 48)) return null;
    const lexeme = text.slice(s, p);
    return isCanonicalNumber(lexeme) ? null : lexeme;
  };

  let duplicate = false;

  const value = (node: unknown, depth: number): void => {
    const c = skipWs();
    if (c === 123) object(node as Container, depth + 1);
    else if (c === 91) array(node as unknown[], depth + 1);
    else if (c === 34) skipString();
    else if (c === 45 || (c >= 48 && c <= 57)) numberLexeme();
    else p += c === 102 ? 5 : 4; // false / true / null
  };

  const object = (obj: Container, depth: number): void => {
    if (depth > MAX_DEPTH) throw new RangeError("too deep");
    p++;
    let c = skipWs();
    if (c === 125) {
      p++;
      return;
    }
    let keys: string[] | null = null;
    let seen: Set<string> | null = null;
    let count = 0;
    let orderMayDiffer = false;
    let seenNonIndex = false;
    let lastIndex = -1;
    let raw: RawTable | null = null;
    for (;;) {
      const start = p + 1;
      const { end, escaped } = skipString();
      const key = escaped ? (JSON.parse(text.slice(start - 1, end + 1)) as string) : text.slice(start, end);
      if (isArrayIndexKey(key)) {
        const index = Number(key);
        if (seenNonIndex || index <= lastIndex) orderMayDiffer = true;
        lastIndex = index;
      } else seenNonIndex = true;
      // Duplicates: compare with the keys so far (a set once the object grows).
      if (count < 16) {
        keys ??= [];
        if (keys.includes(key)) {
          duplicate = true;
          return;
        }
      } else {
        if (!seen) seen = new Set(keys);
        if (seen.has(key)) {
          duplicate = true;
          return;
        }
        seen.add(key);
      }
      (keys ??= []).push(key);
      count++;
      skipWs(); // ':'
      p++;
      c = skipWs();
      if (c === 45 || (c >= 48 && c <= 57)) {
        const lexeme = numberLexeme();
        if (lexeme !== null) (raw ??= Object.create(null) as RawTable)[key] = lexeme;
      } else {
        value(Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined, depth);
        if (duplicate) return;
      }
      c = skipWs();
      p++;
      if (c === 125) break;
      skipWs();
    }
    if (raw) {
      obj[RAW_NUMBERS] = raw;
      hasTables = true;
    }
    if (orderMayDiffer && keys) {
      const natural = Object.keys(obj);
      if (natural.some((k, i) => k !== keys[i])) {
        obj[KEY_ORDER] = keys;
        hasTables = true;
      }
    }
  };

  const array = (arr: unknown[], depth: number): void => {
    if (depth > MAX_DEPTH) throw new RangeError("too deep");
    p++;
    let c = skipWs();
    if (c === 93) {
      p++;
      return;
    }
    let raw: RawTable | null = null;
    for (let i = 0; ; i++) {
      if (c === 45 || (c >= 48 && c <= 57)) {
        const lexeme = numberLexeme();
        if (lexeme !== null) (raw ??= Object.create(null) as RawTable)[i] = lexeme;
      } else {
        value(arr[i], depth);
        if (duplicate) return;
      }
      c = skipWs();
      p++;
      if (c === 93) break;
      c = skipWs();
    }
    if (raw) {
      (arr as unknown as Container)[RAW_NUMBERS] = raw;
      hasTables = true;
    }
  };

  if (p < n) value(root, 0);
  return duplicate ? "duplicate" : hasTables;
}
