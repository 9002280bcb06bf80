import type { JsonValue } from "../../model/json-value";
import type { ConversionResult } from "../import-types";

export interface PostmanConvertOptions {
  /** A Postman environment (its parsed JSON) dropped with the collection. */
  environment?: JsonValue;
  /** The input file name, for report sources. */
  sourceName: string;
}

/** True when the value looks like a Postman collection (v1, v2.0, v2.1, or wrapped in `collection`). */
export function isPostmanCollection(value: JsonValue): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const root = "collection" in value && typeof value.collection === "object" ? value.collection : value;
  if (typeof root !== "object" || root === null || Array.isArray(root)) return false;
  const info = root.info;
  if (typeof info === "object" && info !== null && !Array.isArray(info)) {
    return typeof info.schema === "string" && info.schema.includes("schema.getpostman.com");
  }
  return Array.isArray(root.requests) && typeof root.name === "string";
}

/**
 * Converts a Postman collection to a connector (Swagger 2.0 + apiProperties.json).
 * TODO(postman): implement (issue: Postman and OpenAPI 3 import).
 */
export function convertPostman(_collection: JsonValue, _options: PostmanConvertOptions): ConversionResult {
  throw new Error("Postman collections cannot be imported yet.");
}
