import type { JsonValue } from "../../model/json-value";
import type { ConversionResult } from "../import-types";

export interface OpenApi3ConvertOptions {
  sourceName: string;
  /** Other files dropped with it (multi-file documents), parsed, keyed by their path. */
  companions?: Record<string, JsonValue>;
}

/** True when the value is an OpenAPI 3.x document. */
export function isOpenApi3(value: JsonValue): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    typeof value.openapi === "string" &&
    value.openapi.startsWith("3.")
  );
}

/**
 * Converts OpenAPI 3.0/3.1 to a connector.
 * TODO(openapi3): implement (issue: Postman and OpenAPI 3 import).
 */
export function convertOpenApi3(_document: JsonValue, _options: OpenApi3ConvertOptions): ConversionResult {
  throw new Error("OpenAPI 3 documents cannot be imported yet.");
}
