import type { Command } from "../model/command";
import { getAtPointer, setAtPointer, toPointer } from "../model/json-pointer";
import { isJsonObject, type JsonObject, type JsonValue } from "../model/json-value";
import type { HttpMethod, Schema } from "../model/swagger-types";
import { inferSchema } from "../importers/sample-to-schema/infer-schema";

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
 * Merges a schema inferred from a real response into the one the maker wrote: what the maker wrote wins where the
 * types agree (descriptions, summaries, visibility, formats); properties seen only in the response are added;
 * properties the maker wrote but the response lacks are kept (one response rarely shows every field).
 */
export function mergeSchemas(written: Schema | undefined, inferred: Schema, depth = 0): Schema {
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
      props[name] = mergeSchemas(props[name], child, depth + 1);
    merged.properties = props;
  }
  if (inferred.items || written.items)
    merged.items = inferred.items ? mergeSchemas(written.items, inferred.items, depth + 1) : written.items;
  return merged;
}

function pick(obj: JsonObject, keys: string[]): JsonObject {
  const out: JsonObject = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
}

/** "Use response as schema": sets the response schema for `status` from a real body, merged with what was written. */
export function useResponseAsSchema(
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
      const schema = mergeSchemas(written, inferSchema([body]).schema);
      return { ...doc, definition: setAtPointer(doc.definition, responsePointer, { ...response, schema }) };
    },
  };
}
