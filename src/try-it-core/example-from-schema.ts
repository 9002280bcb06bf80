import type { ConnectorDocument } from "../model/connector-document";
import { resolveLocalRef } from "../model/refs";
import { isJsonObject, type JsonValue } from "../model/json-value";
import { createNodeBudget, type NodeBudget } from "../model/node-budget";
import type { Schema } from "../model/swagger-types";

/**
 * A sample value for a schema, to pre-fill the body editor: `example`/`default` where given, the first enum
 * value, else a placeholder of the right type. `$ref`s to `#/definitions/…` are followed (cycles stop). The walk
 * has the shared schema node budget: schemas that reference each other many levels deep get a sample of the
 * first {@link createNodeBudget} nodes (the rest are `null`), never millions.
 */
export function exampleFromSchema(doc: ConnectorDocument, schema: unknown): JsonValue {
  return example(doc, schema, new Set(), 0, createNodeBudget());
}

function example(
  doc: ConnectorDocument,
  schema: unknown,
  seen: ReadonlySet<string>,
  depth: number,
  budget: NodeBudget,
): JsonValue {
  if (!isJsonObject(schema) || depth > 12 || !budget.take()) return null;
  if (typeof schema.$ref === "string") {
    if (seen.has(schema.$ref) || !schema.$ref.startsWith("#")) return {};
    const target = resolveLocalRef(doc.definition, schema.$ref);
    return example(doc, target, new Set([...seen, schema.$ref]), depth + 1, budget);
  }
  const s = schema as Schema;
  if (s.example !== undefined) return s.example as JsonValue;
  if (s.default !== undefined) return s.default as JsonValue;
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[0] as JsonValue;
  if (Array.isArray(s.allOf)) {
    const merged: Record<string, JsonValue> = {};
    for (const part of s.allOf) {
      const value = example(doc, part, seen, depth + 1, budget);
      if (isJsonObject(value)) Object.assign(merged, value);
    }
    return merged;
  }
  const type = typeof s.type === "string" ? s.type : s.properties ? "object" : undefined;
  switch (type) {
    case "object": {
      const out: Record<string, JsonValue> = {};
      for (const [name, child] of Object.entries(s.properties ?? {})) {
        if (budget.exhausted) break;
        out[name] = example(doc, child, seen, depth + 1, budget);
      }
      return out;
    }
    case "array":
      return s.items ? [example(doc, s.items, seen, depth + 1, budget)] : [];
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
