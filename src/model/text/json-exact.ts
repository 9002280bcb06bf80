import { KEY_ORDER, RAW_NUMBERS, type JsonObject, type JsonValue } from "../json-value";

/**
 * The exact (slow) JSON parser behind `parseJsonText`. It is used for the rare files the native fast path
 * cannot take losslessly (integer-like keys out of JavaScript's order, number lexemes that `String(Number(x))`
 * would change, duplicate keys) and to name the line and column of a syntax error. Strict RFC 8259, as
 * `JSON.parse`: it accepts exactly the texts `JSON.parse` accepts.
 */

export interface ExactDuplicate {
  key: string;
  /** Offset of the repeated key's opening quote. */
  offset: number;
}

export type ExactParseResult =
  | { ok: true; value: JsonValue; duplicates: ExactDuplicate[]; hasTables: boolean }
  | { ok: false; offset: number; message: string };

/** Objects and arrays deeper than this are refused (the parser and the serialiser recurse). */
export const MAX_DEPTH = 1000;

class JsonSyntaxError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** Whether `key` is an array index, which JavaScript enumerates before every other key. */
export function isArrayIndexKey(key: string): boolean {
  const n = key.length;
  if (n === 0 || n > 10) return false;
  const first = key.charCodeAt(0);
  if (first < 48 || first > 57 || (first === 48 && n > 1)) return false;
  for (let i = 1; i < n; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return n < 10 || Number(key) <= 4294967294;
}

/** Whether a number lexeme would come back unchanged from `String(Number(lexeme))`. */
export function isCanonicalNumber(lexeme: string): boolean {
  const n = lexeme.length;
  if (n <= 15) {
    let i = 0;
    let c = lexeme.charCodeAt(0);
    if (c === 45) {
      if (n === 1) return false;
      c = lexeme.charCodeAt(1);
      if (c === 48) return String(Number(lexeme)) === lexeme;
      i = 1;
    }
    for (; i < n; i++) {
      c = lexeme.charCodeAt(i);
      if (c < 48 || c > 57) return String(Number(lexeme)) === lexeme;
    }
    return true;
  }
  return String(Number(lexeme)) === lexeme;
}

const NAMED_CHARS: Record<number, string> = {
  0x09: "a tab",
  0x0a: "a line break",
  0x0d: "a carriage return",
  0x00: "a NUL character",
  0xa0: "a no-break space (U+00A0)",
  0x2003: "an em space (U+2003)",
  0xfeff: "a byte order mark (U+FEFF)",
};

function isUnicodeSpace(c: number): boolean {
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Describes the character at `offset` for an error message: `'x'`, "the end of the file", or a code point. */
function describeAt(text: string, offset: number): string {
  if (offset >= text.length) return "the end of the file";
  const c = text.charCodeAt(offset);
  const named = NAMED_CHARS[c];
  if (named) return named;
  if (c < 0x20 || (c >= 0x7f && c < 0xa0)) return `the control character U+${hex4(c)}`;
  if (isUnicodeSpace(c)) return `the space character U+${hex4(c)}`;
  const cp = text.codePointAt(offset) ?? c;
  return `'${String.fromCodePoint(cp)}'`;
}

function spaceHint(c: number): string {
  return isUnicodeSpace(c) ? " (only spaces, tabs and line breaks may separate JSON tokens)" : "";
}

function hex4(c: number): string {
  return c.toString(16).toUpperCase().padStart(4, "0");
}

const ESCAPES: Record<number, string> = {
  0x22: '"',
  0x5c: "\\",
  0x2f: "/",
  0x62: "\b",
  0x66: "\f",
  0x6e: "\n",
  0x72: "\r",
  0x74: "\t",
};

type RawTable = Record<string, string>;

function defineProto(obj: JsonObject, value: JsonValue): void {
  Object.defineProperty(obj, "__proto__", { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Parses `text` exactly. Never throws: a syntax error comes back as `{ ok: false, offset, message }`, with a
 * plain message and the offset of the character at fault.
 */
export function parseJsonExact(text: string): ExactParseResult {
  const n = text.length;
  let p = 0;
  let nextBackslash = -2;
  let hasTables = false;
  const duplicates: ExactDuplicate[] = [];
  /** Offsets of the containers being read, to say which one is left open. */
  const openers: number[] = [];

  const fail = (offset: number, message: string): never => {
    throw new JsonSyntaxError(offset, message);
  };

  const skipWs = (): number => {
    let c = text.charCodeAt(p);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(++p);
    return c;
  };

  const unclosedHint = (): string => {
    const open = openers[openers.length - 1];
    if (open === undefined) return "";
    const kind = text.charCodeAt(open) === 123 ? "'{'" : "'['";
    return ` (the ${kind} at ${where(open)} is not closed)`;
  };

  // Line and column inside a message (the problem itself carries the error position).
  const where = (offset: number): string => {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
        line++;
        lineStart = i + 1;
      }
    }
    return `line ${line}, column ${offset - lineStart + 1}`;
  };

  const readString = (): string => {
    // p is at the opening quote.
    const start = p + 1;
    const end = text.indexOf('"', start);
    if (nextBackslash !== -1 && nextBackslash < start) nextBackslash = text.indexOf("\\", start);
    if (end >= 0 && (nextBackslash === -1 || nextBackslash > end)) {
      // No escape: check for raw control characters, then slice.
      for (let i = start; i < end; i++) {
        if (text.charCodeAt(i) < 0x20) controlInString(i);
      }
      p = end + 1;
      return text.slice(start, end);
    }
    let out = "";
    let chunk = start;
    let i = start;
    for (;;) {
      if (i >= n) fail(p, `This string is never closed: a '"' is missing`);
      const c = text.charCodeAt(i);
      if (c === 34) break;
      if (c < 0x20) controlInString(i);
      if (c !== 92) {
        i++;
        continue;
      }
      out += text.slice(chunk, i);
      const e = text.charCodeAt(i + 1);
      const simple = ESCAPES[e];
      if (simple !== undefined) {
        out += simple;
        i += 2;
      } else if (e === 0x75) {
        let code = 0;
        for (let k = 2; k < 6; k++) {
          const h = text.charCodeAt(i + k);
          const d =
            h >= 48 && h <= 57 ? h - 48 : h >= 65 && h <= 70 ? h - 55 : h >= 97 && h <= 102 ? h - 87 : -1;
          if (d < 0) fail(i, "Invalid \\u escape in a string: \\u must be followed by 4 hexadecimal digits");
          code = code * 16 + d;
        }
        out += String.fromCharCode(code);
        i += 6;
      } else if (i + 1 >= n) {
        fail(p, `This string is never closed: a '"' is missing`);
      } else {
        fail(i, `Invalid escape '\\${String.fromCodePoint(text.codePointAt(i + 1) ?? e)}' in a string`);
      }
      chunk = i;
    }
    out += text.slice(chunk, i);
    p = i + 1;
    nextBackslash = text.indexOf("\\", p);
    return out;
  };

  const controlInString = (i: number): never => {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13)
      fail(
        i,
        "Line break inside a string: a string must end on the line where it starts (write \\n for a line break), or a '\"' is missing",
      );
    if (c === 9) fail(i, "Raw tab character inside a string: write it as \\t");
    return fail(i, `Control character U+${hex4(c)} inside a string: write it as \\u${hex4(c).toLowerCase()}`);
  };

  const readNumber = (): { lexeme: string; value: number } => {
    const s = p;
    let c = text.charCodeAt(p);
    if (c === 45) c = text.charCodeAt(++p);
    if (c === 48) {
      c = text.charCodeAt(++p);
      if (c >= 48 && c <= 57) fail(p - 1, "Invalid number: a number cannot start with 0 followed by digits");
    } else if (c >= 49 && c <= 57) {
      do c = text.charCodeAt(++p);
      while (c >= 48 && c <= 57);
    } else {
      fail(p, `Invalid number: expected a digit after '-', found ${describeAt(text, p)}`);
    }
    if (c === 46) {
      c = text.charCodeAt(++p);
      if (!(c >= 48 && c <= 57))
        fail(p, `Invalid number: expected a digit after '.', found ${describeAt(text, p)}`);
      do c = text.charCodeAt(++p);
      while (c >= 48 && c <= 57);
    }
    if (c === 101 || c === 69) {
      c = text.charCodeAt(++p);
      if (c === 43 || c === 45) c = text.charCodeAt(++p);
      if (!(c >= 48 && c <= 57))
        fail(p, `Invalid number: expected a digit in the exponent, found ${describeAt(text, p)}`);
      do c = text.charCodeAt(++p);
      while (c >= 48 && c <= 57);
    }
    const lexeme = text.slice(s, p);
    return { lexeme, value: Number(lexeme) };
  };

  const expectLiteral = (word: string, value: JsonValue): JsonValue => {
    if (text.startsWith(word, p)) {
      p += word.length;
      return value;
    }
    return unexpectedValue();
  };

  const unexpectedValue = (): never => {
    const c = text.charCodeAt(p);
    if (p >= n) return fail(p, `Unexpected end of file: expected a value${unclosedHint()}`);
    if (c === 47) return fail(p, "Comments are not allowed in JSON");
    if (c === 39) return fail(p, 'Strings must be in double quotes ("), not single quotes');
    if (isUnicodeSpace(c))
      return fail(
        p,
        `Unexpected ${describeAt(text, p)}: only spaces, tabs and line breaks may separate JSON tokens`,
      );
    const word = /^[A-Za-z_][\w-]*/.exec(text.slice(p, p + 40));
    if (word)
      return fail(
        p,
        `Unexpected '${word[0]}': expected a value (a string in double quotes, a number, an object, an array, true, false or null)`,
      );
    return fail(
      p,
      `Unexpected ${describeAt(text, p)}: expected a value (a string, a number, an object, an array, true, false or null)`,
    );
  };

  const readValue = (depth: number): JsonValue => {
    const c = skipWs();
    if (c === 123) return readObject(depth + 1);
    if (c === 91) return readArray(depth + 1);
    if (c === 34) return readString();
    if (c === 45 || (c >= 48 && c <= 57)) return readNumber().value;
    if (c === 116) return expectLiteral("true", true);
    if (c === 102) return expectLiteral("false", false);
    if (c === 110) return expectLiteral("null", null);
    return unexpectedValue();
  };

  // Reads a value that may be a number and records its lexeme in `raw` when it is not canonical.
  const readMember = (depth: number, key: string, container: { raw: RawTable | null }): JsonValue => {
    const c = skipWs();
    if (c === 45 || (c >= 48 && c <= 57)) {
      const { lexeme, value } = readNumber();
      if (!isCanonicalNumber(lexeme)) {
        (container.raw ??= Object.create(null) as RawTable)[key] = lexeme;
      } else if (container.raw && key in container.raw) {
        delete container.raw[key]; // a later duplicate replaced a raw number
      }
      return value;
    }
    if (container.raw && key in container.raw) delete container.raw[key];
    return readValue(depth);
  };

  const tooDeep = (): never => fail(p, `The JSON is nested more than ${MAX_DEPTH} levels deep`);

  const readObject = (depth: number): JsonObject => {
    if (depth > MAX_DEPTH) tooDeep();
    const open = p;
    openers.push(open);
    p++;
    const obj: JsonObject = {};
    const table = { raw: null as RawTable | null };
    let c = skipWs();
    if (c === 125) {
      p++;
      openers.pop();
      return obj;
    }
    const keys: string[] = [];
    let orderMayDiffer = false;
    let seenNonIndex = false;
    let lastIndex = -1;
    let hasDuplicate = false;
    for (;;) {
      if (c !== 34) {
        if (p >= n) fail(p, `Unexpected end of file: expected a property name${unclosedHint()}`);
        if (c === 39) fail(p, 'Property names must be in double quotes ("), not single quotes');
        if (c === 47) fail(p, "Comments are not allowed in JSON");
        if (c === 123 || c === 91)
          fail(
            p,
            `Expected a property name in double quotes, found ${describeAt(text, p)} (is a '}' missing before it?)`,
          );
        fail(p, `Expected a property name in double quotes, found ${describeAt(text, p)}`);
      }
      const keyOffset = p;
      const key = readString();
      if (skipWs() !== 58) {
        fail(p, `Expected ':' after the property name "${key}", found ${describeAt(text, p)}`);
      }
      p++;
      const value = readMember(depth, key, table);
      if (Object.prototype.hasOwnProperty.call(obj, key)) {
        duplicates.push({ key, offset: keyOffset });
        hasDuplicate = true;
      } else {
        keys.push(key);
        if (isArrayIndexKey(key)) {
          const index = Number(key);
          if (seenNonIndex || index < lastIndex) orderMayDiffer = true;
          lastIndex = index;
        } else seenNonIndex = true;
      }
      if (key === "__proto__") defineProto(obj, value);
      else obj[key] = value;
      c = skipWs();
      if (c === 44) {
        const comma = p;
        p++;
        c = skipWs();
        if (c === 125) fail(comma, "Trailing comma: remove the ',' before '}'");
        continue;
      }
      if (c === 125) {
        p++;
        break;
      }
      if (p >= n) fail(p, `Unexpected end of file: expected ',' or '}'${unclosedHint()}`);
      if (c === 47) fail(p, "Comments are not allowed in JSON");
      if (c === 34)
        fail(p, `Expected ',' or '}' after a property value, found '"' (is a comma missing before it?)`);
      if (c === 93)
        fail(
          p,
          `Expected ',' or '}' after a property value, found ']' (the '{' at ${where(open)} is not closed)`,
        );
      fail(p, `Expected ',' or '}' after a property value, found ${describeAt(text, p)}${spaceHint(c)}`);
    }
    openers.pop();
    if (table.raw) {
      (obj as { [RAW_NUMBERS]?: RawTable })[RAW_NUMBERS] = table.raw;
      hasTables = true;
    }
    if (orderMayDiffer || (hasDuplicate && keys.some(isArrayIndexKey))) {
      const natural = Object.keys(obj);
      let differs = natural.length !== keys.length;
      for (let i = 0; !differs && i < keys.length; i++) if (natural[i] !== keys[i]) differs = true;
      if (differs) {
        (obj as { [KEY_ORDER]?: readonly string[] })[KEY_ORDER] = keys;
        hasTables = true;
      }
    }
    return obj;
  };

  const readArray = (depth: number): JsonValue[] => {
    if (depth > MAX_DEPTH) tooDeep();
    const open = p;
    openers.push(open);
    p++;
    const arr: JsonValue[] = [];
    let raw: RawTable | null = null;
    let c = skipWs();
    if (c === 93) {
      p++;
      openers.pop();
      return arr;
    }
    for (;;) {
      if (c === 45 || (c >= 48 && c <= 57)) {
        const { lexeme, value } = readNumber();
        if (!isCanonicalNumber(lexeme)) (raw ??= Object.create(null) as RawTable)[arr.length] = lexeme;
        arr.push(value);
      } else arr.push(readValue(depth));
      c = skipWs();
      if (c === 44) {
        const comma = p;
        p++;
        c = skipWs();
        if (c === 93) fail(comma, "Trailing comma: remove the ',' before ']'");
        continue;
      }
      if (c === 93) {
        p++;
        break;
      }
      if (p >= n) fail(p, `Unexpected end of file: expected ',' or ']'${unclosedHint()}`);
      if (c === 47) fail(p, "Comments are not allowed in JSON");
      if (c === 125)
        fail(
          p,
          `Expected ',' or ']' after an array element, found '}' (the '[' at ${where(open)} is not closed)`,
        );
      if (c === 34 || c === 123 || c === 91)
        fail(
          p,
          `Expected ',' or ']' after an array element, found ${describeAt(text, p)} (is a comma missing?)`,
        );
      fail(p, `Expected ',' or ']' after an array element, found ${describeAt(text, p)}${spaceHint(c)}`);
    }
    openers.pop();
    if (raw) {
      (arr as { [RAW_NUMBERS]?: RawTable })[RAW_NUMBERS] = raw;
      hasTables = true;
    }
    return arr;
  };

  try {
    skipWs();
    if (p >= n) {
      return {
        ok: false,
        offset: p,
        message: n === 0 ? "The file is empty" : "The file holds only white space",
      };
    }
    let value: JsonValue;
    const c = text.charCodeAt(p);
    if (c === 45 || (c >= 48 && c <= 57)) {
      value = readNumber().value; // a bare number at the root has nowhere to keep a raw lexeme
    } else value = readValue(0);
    const rootEnd = p - 1;
    skipWs();
    if (p < n) {
      if (text.charCodeAt(p) === 47) fail(p, "Comments are not allowed in JSON");
      const closer = text.charCodeAt(rootEnd);
      const extra =
        closer === 125 || closer === 93
          ? ` (the document's outermost '${String.fromCharCode(closer)}' is at ${where(rootEnd)}: is there an extra '${String.fromCharCode(closer)}' before it?)`
          : "";
      fail(p, `Unexpected ${describeAt(text, p)} after the end of the JSON document${extra}`);
    }
    return { ok: true, value, duplicates, hasTables };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, offset: error.offset, message: error.message };
    if (error instanceof RangeError)
      return { ok: false, offset: p, message: "The JSON is nested too deeply" };
    throw error;
  }
}
