import type { ConnectorDocument } from "../model/connector-document";
import { getAtPointer } from "../model/json-pointer";
import { isJsonObject, type JsonValue } from "../model/json-value";
import type { Schema } from "../model/swagger-types";

/**
 * A sample value for a schema, to pre-fill the body editor: `example`/`default` where given, the first enum
 * value, else a placeholder of the right type. `$ref`s to `#/definitions/…` are followed (cycles stop).
 */
export function exampleFromSchema(
  doc: ConnectorDocument,
  schema: unknown,
  seen: ReadonlySet<string> = new Set(),
  depth = 0,
): JsonValue {
  if (!isJsonObject(schema) || depth > 12) return null;
  if (typeof schema.$ref === "string") {
    if (seen.has(schema.$ref) || !schema.$ref.startsWith("#")) return {};
    const target = getAtPointer(doc.definition, schema.$ref.slice(1));
    return exampleFromSchema(doc, target, new Set([...seen, schema.$ref]), depth + 1);
  }
  const s = schema as Schema;
  if (s.example !== undefined) return s.example as JsonValue;
  if (s.default !== undefined) return s.default as JsonValue;
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[0] as JsonValue;
  if (Array.isArray(s.allOf)) {
    const merged: Record<string, JsonValue> = {};
    for (const part of s.allOf) {
      const value = exampleFromSchema(doc, part, seen, depth + 1);
      if (isJsonObject(value)) Object.assign(merged, value);
    }
    return merged;
  }
  const type = typeof s.type === "string" ? s.type : s.properties ? "object" : undefined;
  switch (type) {
    case "object": {
      const out: Record<string, JsonValue> = {};
      for (const [name, child] of Object.entries(s.properties ?? {}))
        out[name] = exampleFromSchema(doc, child, seen, depth + 1);
      return out;
    }
    case "array":
      return s.items ? [exampleFromSchema(doc, s.items, seen, depth + 1)] : [];
    case "integer":
    case "number":
      return 0;
    case "boolean":
      return false;
    case "string":
      return s.format === "date-time" ? new Date(0).toISOString() : s.format === "date" ? "1970-01-01" : "";
    default:
      return null;
  }
}
