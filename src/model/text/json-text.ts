import type { TextProblem } from "../diagnostic";
import { KEY_ORDER, RAW_NUMBERS, orderedKeys, type JsonValue } from "../json-value";
import { annotateParsedJson } from "./json-annotate";
import { isArrayIndexKey, isCanonicalNumber, MAX_DEPTH, parseJsonExact } from "./json-exact";
import { LineIndex } from "./line-index";

export type ParseOutcome<T> =
  { ok: true; value: T; notes: TextProblem[] } | { ok: false; problem: TextProblem };

/**
 * Roots returned by the native fast path of {@link parseJsonText}: proven to carry no side table anywhere, so
 * {@link stringifyJson} can hand them straight to `JSON.stringify`. Parsed values are immutable by the model's
 * rule (every edit copies the branches it changes), so membership stays true.
 */
const tableFreeRoots = new WeakSet<object>();

/**
 * Parses JSON text losslessly: key order (also for integer-like keys, kept in {@link KEY_ORDER} on the objects
 * whose JavaScript enumeration order differs), raw number lexemes that `String(Number(x))` would change
 * ({@link RAW_NUMBERS}), duplicate keys (the last wins, and a note with line and column says so), `__proto__`
 * kept as an ordinary key. A syntax error comes back as `{ ok: false, problem }` naming line and column
 * (1-based; CRLF counts as one line break) with a plain message. Never throws. A leading BOM is ignored.
 *
 * How (measured on the corpus, see `npm run bench -- <corpus> --only roundtrip`): native `JSON.parse`, then one
 * scan of the text that proves nothing special is present (number lexemes canonical, integer-like keys already
 * in JavaScript's order, as many keys in the text as in the value). Files that fail the proof keep
 * `JSON.parse`'s value and get their side tables from `json-annotate.ts`; files with duplicate keys and
 * broken files go through the exact parser (`json-exact.ts`), which also names the line and column of errors.
 */
export function parseJsonText(text: string, file: string): ParseOutcome<JsonValue> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: JsonValue;
  try {
    value = JSON.parse(body) as JsonValue;
  } catch (error) {
    return exactParse(body, file, error);
  }
  if (typeof value !== "object" || value === null) {
    // A bare number at the root (e.g. `1.0`) cannot keep its lexeme; everything else is exact.
    return { ok: true, value, notes: [] };
  }
  let keysInText: number;
  try {
    keysInText = scanForSpecialCases(body);
    if (keysInText >= 0 && keysInText === countKeys(value)) {
      tableFreeRoots.add(value);
      return { ok: true, value, notes: [] };
    }
  } catch (error) {
    if (!(error instanceof RangeError)) throw error; // nested too deeply for the walk
    return exactParse(body, file, null);
  }
  if (keysInText >= 0) return exactParse(body, file, null); // fewer keys in the value than in the text: duplicates
  // Integer-like keys out of JavaScript's order or unusual number lexemes: add the side tables to
  // JSON.parse's value; a duplicate key sends the file to the exact parser (which knows the last one wins).
  try {
    const annotated = annotateParsedJson(body, value);
    if (annotated !== "duplicate") {
      if (!annotated) tableFreeRoots.add(value);
      return { ok: true, value, notes: [] };
    }
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
  return exactParse(body, file, null);
}

function exactParse(body: string, file: string, nativeError: unknown): ParseOutcome<JsonValue> {
  const result = parseJsonExact(body);
  const lines = new LineIndex(body);
  if (!result.ok) {
    const at = lines.at(result.offset);
    return { ok: false, problem: { file, line: at.line, column: at.column, message: result.message } };
  }
  if (nativeError !== null) {
    // Cannot happen (both parsers are strict RFC 8259); if it does, trust JSON.parse's refusal.
    const message = nativeError instanceof Error ? nativeError.message : String(nativeError);
    return { ok: false, problem: { file, message } };
  }
  if (!result.hasTables && typeof result.value === "object" && result.value !== null) {
    tableFreeRoots.add(result.value);
  }
  const notes: TextProblem[] = result.duplicates.map((dup) => {
    const at = lines.at(dup.offset);
    return {
      file,
      line: at.line,
      column: at.column,
      message: `Duplicate key "${dup.key}": only its last value is kept`,
    };
  });
  return { ok: true, value: result.value, notes };
}

/**
 * Parses JSON text for its values alone: no side tables for key order or number lexemes, no duplicate-key notes.
 * For checking a document (CLI `validate`), where only the values count; it skips the lossless proof scan, a
 * third of {@link parseJsonText}'s time. Whatever `JSON.parse` refuses, and text nested near
 * {@link MAX_DEPTH}, goes to {@link parseJsonText}, so the outcome (a problem with line and column, or the
 * same values) is what that gives.
 */
export function parseJsonValues(text: string, file: string): ParseOutcome<JsonValue> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: JsonValue;
  try {
    value = JSON.parse(body) as JsonValue;
  } catch {
    return parseJsonText(text, file);
  }
  if (nestsDeeperThan(value, MAX_DEPTH - 2)) return parseJsonText(text, file);
  return { ok: true, value, notes: [] };
}

/** Whether containers nest in `value` more than `limit` levels below it. */
function nestsDeeperThan(value: JsonValue, limit: number): boolean {
  if (typeof value !== "object" || value === null) return false;
  if (limit < 0) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (nestsDeeperThan(value[i] as JsonValue, limit - 1)) return true;
    return false;
  }
  for (const key in value) if (nestsDeeperThan(value[key] as JsonValue, limit - 1)) return true;
  return false;
}

/**
 * One pass over valid JSON (JSON.parse accepted it) that returns the number of object keys in the text, or
 * -1 when the text needs the exact parser: an integer-like key after another key that JavaScript would move
 * (or out of ascending order), a key with escapes that decodes to an integer-like key, or a number lexeme
 * that `String(Number(x))` would change. Strings are skipped with `indexOf`, so the cost is mostly the
 * structural characters and indentation.
 */
export function scanForSpecialCases(text: string): number {
  const n = text.length;
  let p = 0;
  let nextBackslash = text.indexOf("\\");
  let keys = 0;
  // Per open container: -2 = an array or an object that has had a non-index key; else the last index key.
  // (A typed array: with a plain array, V8's optimised code for this loop ran 10,000× slower on Node 20.)
  let state = new Float64Array(64);
  let depth = -1;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (c === 34) {
      const start = p + 1;
      let end = text.indexOf('"', start);
      let escaped = false;
      if (nextBackslash !== -1 && nextBackslash < start) nextBackslash = text.indexOf("\\", start);
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
      let d = text.charCodeAt(p);
      while (d === 32 || d === 10 || d === 13 || d === 9) d = text.charCodeAt(++p);
      if (d !== 58) continue; // a string value
      p++;
      keys++;
      const first = text.charCodeAt(start);
      let indexKey = -1;
      if (escaped) {
        const key = JSON.parse(text.slice(start - 1, end + 1)) as string;
        if (isArrayIndexKey(key)) indexKey = Number(key);
      } else if (first >= 48 && first <= 57) {
        const key = text.slice(start, end);
        if (isArrayIndexKey(key)) indexKey = Number(key);
      }
      if (indexKey >= 0) {
        const last = state[depth] as number;
        if (last === -2 || indexKey <= last) return -1;
        state[depth] = indexKey;
      } else state[depth] = -2;
      continue;
    }
    if (c === 123 || c === 91) {
      if (++depth >= MAX_DEPTH) return -1; // the exact parser refuses it with a message
      if (depth === state.length) {
        const grown = new Float64Array(state.length * 2);
        grown.set(state);
        state = grown;
      }
      state[depth] = c === 123 ? -1 : -2;
      p++;
    } else if (c === 125 || c === 93) {
      depth--;
      p++;
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      const s = p;
      let d = text.charCodeAt(++p);
      while ((d >= 48 && d <= 57) || d === 46 || d === 101 || d === 69 || d === 43 || d === 45) {
        d = text.charCodeAt(++p);
      }
      const len = p - s;
      // Short plain integers (not "-0…") are canonical; anything else is checked exactly.
      let plain = len <= 15 && !(c === 45 && text.charCodeAt(s + 1) === 48);
      for (let i = s + 1; plain && i < p; i++) {
        const e = text.charCodeAt(i);
        if (e < 48 || e > 57) plain = false;
      }
      if (!plain && !isCanonicalNumber(text.slice(s, p))) return -1;
    } else p++;
  }
  return keys;
}

/** Number of own keys of every object in a JSON value. */
function countKeys(value: JsonValue): number {
  if (typeof value !== "object" || value === null) return 0;
  let count = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = value[i] as JsonValue;
      if (typeof item === "object" && item !== null) count += countKeys(item);
    }
    return count;
  }
  const keys = Object.keys(value);
  count = keys.length;
  for (let i = 0; i < keys.length; i++) {
    const item = value[keys[i] as string] as JsonValue;
    if (typeof item === "object" && item !== null) count += countKeys(item);
  }
  return count;
}

type WithTables = { [KEY_ORDER]?: readonly string[]; [RAW_NUMBERS]?: Record<string, string> };

/** `JSON.rawJSON` where the engine has it (Chromium, Node 22+): raw number lexemes without placeholders. */
const rawJson = (JSON as unknown as { rawJSON?: (text: string) => unknown }).rawJSON;

/**
 * Serialises JSON with the given indentation (4 spaces for connector files), honouring the lossless side
 * tables: {@link KEY_ORDER} (source key order) and {@link RAW_NUMBERS} (a raw lexeme is written only while
 * the number still equals it). Without side tables the output is exactly `JSON.stringify(value, null, indent)`.
 *
 * With side tables, one native `JSON.stringify` still writes everything: the objects on the way to a table
 * are shallow-copied into a view, an object whose source order JavaScript would not keep becomes a proxy
 * that lists its keys in that order (JSON.stringify follows a proxy's key order), and a raw number becomes
 * `JSON.rawJSON(lexeme)` or, where the engine lacks it, a unique placeholder string replaced afterwards.
 */
export function stringifyJson(value: JsonValue, indent: number | string = 4): string {
  if (typeof value !== "object" || value === null || tableFreeRoots.has(value)) {
    return JSON.stringify(value, null, indent);
  }
  const dirty = new Set<object>();
  if (!markTables(value, dirty)) return JSON.stringify(value, null, indent);
  const raws: string[] = [];
  const marker = `\uE000${Math.random().toString(36).slice(2, 10)}:`;
  const view = buildView(value, dirty, raws, marker);
  const text = JSON.stringify(view, null, indent);
  if (raws.length === 0) return text;
  const placeholder = new RegExp(`"${marker}(\\d+)"`, "g");
  return text.replace(placeholder, (_, i: string) => raws[Number(i)] as string);
}

/** Whether any object or array in `value` carries a side table. */
export function hasSideTables(value: JsonValue): boolean {
  if (typeof value !== "object" || value === null || tableFreeRoots.has(value)) return false;
  return markTables(value, new Set());
}

/** Collects the objects that carry a side table and their ancestors; true when there is any. */
function markTables(value: object, dirty: Set<object>): boolean {
  let found =
    (value as WithTables)[KEY_ORDER] !== undefined || (value as WithTables)[RAW_NUMBERS] !== undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === "object" && item !== null && markTables(item, dirty)) found = true;
    }
  } else {
    for (const key in value) {
      const item: unknown = (value as Record<string, unknown>)[key];
      if (typeof item === "object" && item !== null && markTables(item, dirty)) found = true;
    }
  }
  if (found) dirty.add(value);
  return found;
}

function buildView(value: unknown, dirty: Set<object>, raws: string[], marker: string): unknown {
  if (typeof value !== "object" || value === null || !dirty.has(value)) return value;
  const raw = (value as WithTables)[RAW_NUMBERS];
  const item = (key: string | number, v: unknown): unknown => {
    const lexeme = raw?.[key];
    if (lexeme !== undefined && typeof v === "number" && Object.is(Number(lexeme), v)) {
      if (rawJson) return rawJson(lexeme);
      raws.push(lexeme);
      return `${marker}${raws.length - 1}`;
    }
    return buildView(v, dirty, raws, marker);
  };
  if (Array.isArray(value)) return value.map((v: unknown, i) => item(i, v));
  const keys = orderedKeys(value);
  const copy: Record<string, unknown> = {};
  for (const key of keys) {
    const v = item(key, (value as Record<string, unknown>)[key]);
    if (key === "__proto__")
      Object.defineProperty(copy, key, { value: v, enumerable: true, writable: true, configurable: true });
    else copy[key] = v;
  }
  const natural = Object.keys(copy);
  if (natural.every((k, i) => k === keys[i])) return copy;
  return new Proxy(copy, { ownKeys: () => keys });
}
