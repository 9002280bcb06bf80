import { isJsonObject, orderedKeys, RAW_NUMBERS, type JsonValue } from "../../model/json-value";

/** Words Bicep gives a meaning to: quoted when they are property names, so that no reader can mistake them. */
const KEYWORDS = new Set([
  "true",
  "false",
  "null",
  "if",
  "for",
  "in",
  "resource",
  "param",
  "var",
  "output",
  "module",
  "import",
  "existing",
  "type",
  "metadata",
  "func",
  "targetScope",
  "using",
]);

/** A Bicep string literal: single quotes; `\`, `'`, `${`, line breaks, tabs and control characters escaped. */
export function bicepString(text: string): string {
  let out = "'";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const code = text.charCodeAt(i);
    if (ch === "\\") out += "\\\\";
    else if (ch === "'") out += "\\'";
    else if (ch === "$" && text[i + 1] === "{") out += "\\$";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f) out += `\\u{${code.toString(16).toUpperCase()}}`;
    else out += ch;
  }
  return `${out}'`;
}

function bicepKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) && !KEYWORDS.has(key) ? key : bicepString(key);
}

const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

/**
 * A number as Bicep can say it: Bicep literals are 64-bit integers only, so a fraction, an exponent or a
 * lexeme JavaScript would change (`1.0`, `12345678901234567890`) goes through `json('…')`, which keeps it.
 */
function bicepNumber(value: number, raw: string | undefined): string {
  const lexeme = raw !== undefined && Number(raw) === value ? raw : String(value);
  if (/^-?\d+$/.test(lexeme)) {
    const big = BigInt(lexeme);
    if (big <= INT64_MAX && big >= INT64_MIN) return lexeme;
  }
  return `json(${bicepString(lexeme)})`;
}

export interface BicepValueOptions {
  /** Bicep expressions written instead of the value at these JSON pointers (e.g. a secure parameter's name). */
  expressions?: ReadonlyMap<string, string>;
  /** Indentation of the value's first line, in steps of two spaces. */
  depth?: number;
}

function escapeToken(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * A JSON value as a Bicep value (objects and arrays one member per line, source key order kept), for a
 * template's resource body. Strings are never read as expressions in Bicep, so no ARM escaping is needed.
 */
export function bicepValue(value: JsonValue, options: BicepValueOptions = {}): string {
  const expressions = options.expressions ?? new Map<string, string>();
  const write = (item: JsonValue, depth: number, pointer: string, raw: string | undefined): string => {
    const expression = expressions.get(pointer);
    if (expression !== undefined) return expression;
    if (item === null) return "null";
    if (typeof item === "boolean") return String(item);
    if (typeof item === "number") return bicepNumber(item, raw);
    if (typeof item === "string") return bicepString(item);
    const pad = "  ".repeat(depth + 1);
    const end = "  ".repeat(depth);
    const rawNumbers = (item as { [RAW_NUMBERS]?: Record<string, string> })[RAW_NUMBERS];
    if (Array.isArray(item)) {
      if (item.length === 0) return "[]";
      const lines = item.map(
        (child, i) => `${pad}${write(child, depth + 1, `${pointer}/${i}`, rawNumbers?.[String(i)])}`,
      );
      return `[\n${lines.join("\n")}\n${end}]`;
    }
    if (!isJsonObject(item)) return "null";
    const keys = orderedKeys(item).filter((key) => item[key] !== undefined);
    if (keys.length === 0) return "{}";
    const lines = keys.map(
      (key) =>
        `${pad}${bicepKey(key)}: ${write(item[key] as JsonValue, depth + 1, `${pointer}/${escapeToken(key)}`, rawNumbers?.[key])}`,
    );
    return `{\n${lines.join("\n")}\n${end}}`;
  };
  return write(value, options.depth ?? 0, "", undefined);
}
