/** The response schema learnt from a real response (the Test step's "Use response as schema"). */
import type { Command } from "../command";
import { inferSchema } from "../infer-schema";
import { getAtPointer, setAtPointer, toPointer } from "../json-pointer";
import { isJsonObject, type JsonObject, type JsonValue } from "../json-value";
import type { HttpMethod, Schema } from "../swagger-types";

const KEEP_FROM_MAKER = [
  "description",
  "title",
  "x-ms-summary",
  "x-ms-visibility",
  "format",
  "enum",
  "default",
  "x-ms-dynamic-values",
];

/**
 * Merges a schema inferred from a real response into the one the maker wrote. The response decides the shape:
 * its type, format and other facts replace the written ones, except the maker's words and choices
 * (descriptions, summaries, visibility, formats, enums, defaults, dynamic values) where the types agree;
 * properties seen only in the response are added; properties the maker wrote but the response lacks are kept
 * (one response rarely shows every field). Compare `mergeSampleKeepingEdits` (Import from sample), which only adds.
 */
export function mergeResponseIntoSchema(written: Schema | undefined, inferred: Schema, depth = 0): Schema {
  if (!written || !isJsonObject(written) || written.$ref || depth > 50)
    return written?.$ref ? written : inferred;
  if (written.type !== undefined && inferred.type !== undefined && written.type !== inferred.type)
    return { ...inferred, ...pick(written, ["description", "title", "x-ms-summary", "x-ms-visibility"]) };
  const merged: Schema = { ...written };
  for (const [key, value] of Object.entries(inferred)) {
    if (key === "properties" || key === "items" || key === "required") continue;
    if (!(key in merged) || !KEEP_FROM_MAKER.includes(key)) (merged as JsonObject)[key] = value as JsonValue;
  }
  if (inferred.properties || written.properties) {
    const props: Record<string, Schema> = { ...(written.properties ?? {}) };
    for (const [name, child] of Object.entries(inferred.properties ?? {}))
      props[name] = mergeResponseIntoSchema(props[name], child, depth + 1);
    merged.properties = props;
  }
  if (inferred.items || written.items)
    merged.items = inferred.items
      ? mergeResponseIntoSchema(written.items, inferred.items, depth + 1)
      : written.items;
  return merged;
}

function pick(obj: JsonObject, keys: string[]): JsonObject {
  const out: JsonObject = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
}

/**
 * Test's "Use response as schema": sets the response schema for `status` from a real body, merged with what was
 * written ({@link mergeResponseIntoSchema}).
 */
export function setResponseSchemaFromBody(
  path: string,
  method: HttpMethod,
  status: string,
  body: JsonValue,
): Command {
  return {
    name: "definition:set:response-schema-from-test",
    label: "Use response as schema",
    apply: (doc) => {
      const responsePointer = toPointer(["paths", path, method, "responses", status]);
      const existing = getAtPointer(doc.definition, responsePointer);
      const response: JsonObject = isJsonObject(existing)
        ? existing
        : { description: status === "200" ? "OK" : `Status ${status}` };
      const written = isJsonObject(response.schema) ? (response.schema as Schema) : undefined;
      const schema = mergeResponseIntoSchema(written, inferSchema([body]).schema);
      return { ...doc, definition: setAtPointer(doc.definition, responsePointer, { ...response, schema }) };
    },
  };
}
