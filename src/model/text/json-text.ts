import type { TextProblem } from "../diagnostic";
import type { JsonValue } from "../json-value";

export type ParseOutcome<T> =
  { ok: true; value: T; notes: TextProblem[] } | { ok: false; problem: TextProblem };

/**
 * Parses JSON text losslessly: key order (also for integer-like keys), raw number lexemes, duplicate keys
 * (the last wins, and a note with line and column says so). A syntax error names line and column.
 * TODO(core): replace with the lossless implementation.
 */
export function parseJsonText(text: string, file: string): ParseOutcome<JsonValue> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) as JsonValue, notes: [] };
  } catch (error) {
    return { ok: false, problem: { file, message: error instanceof Error ? error.message : String(error) } };
  }
}

/**
 * Serialises JSON with the given indentation (4 spaces for connector files), honouring the lossless side
 * tables (source key order, raw number lexemes).
 * TODO(core): honour KEY_ORDER and RAW_NUMBERS.
 */
export function stringifyJson(value: JsonValue, indent: number | string = 4): string {
  return JSON.stringify(value, null, indent);
}
