import type { JsonValue } from "../../model/json-value";
import type { Schema } from "../../model/swagger-types";

export interface InferredSchema {
  schema: Schema;
  /** Things worth telling the maker (e.g. an empty array whose item type is unknown), with JSON paths. */
  notes: { path: string; message: string }[];
}

/**
 * Infers a Swagger 2.0 schema from one or more JSON samples of the same thing (all examples of one status
 * code, or one sample body). Integers → `integer`/`int32`, decimals → `number`/`float`, ISO dates →
 * `string`/`date-time`, arrays from all their items; a key is required only when present in every sample;
 * `null` never yields `type: null` (Swagger 2.0 has none): `x-nullable` with the type seen elsewhere.
 * TODO(postman): implement.
 */
export function inferSchema(samples: readonly JsonValue[]): InferredSchema {
  void samples;
  return { schema: {}, notes: [] };
}
