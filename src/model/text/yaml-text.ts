import { parse, stringify } from "yaml";
import type { JsonValue } from "../json-value";
import type { ParseOutcome } from "./json-text";

/**
 * Parses YAML into JSON values. Errors name line and column.
 * TODO(core): duplicate-key notes and line/column of errors; measured parser choice.
 */
export function parseYamlText(text: string, file: string): ParseOutcome<JsonValue> {
  try {
    return { ok: true, value: parse(text) as JsonValue, notes: [] };
  } catch (error) {
    return { ok: false, problem: { file, message: error instanceof Error ? error.message : String(error) } };
  }
}

/** Serialises a JSON value as YAML, keeping key order. */
export function stringifyYaml(value: JsonValue): string {
  return stringify(value);
}
