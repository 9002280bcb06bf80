import type { JsonValue } from "../../model/json-value";
import type { Schema } from "../../model/swagger-types";

export interface InferredSchema {
  schema: Schema;
  /** Things worth telling the maker (e.g. an empty array whose item type is unknown), with JSON paths. */
  notes: { path: string; message: string }[];
}

/** Deeper than this, samples are described as "any" (a mutated or hostile input must not overflow the stack). */
const MAX_DEPTH = 64;

const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

type Kind = "null" | "boolean" | "integer" | "number" | "string" | "array" | "object";

function kindOf(value: JsonValue): Kind {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  switch (typeof value) {
    case "boolean":
      return "boolean";
    case "number":
      return Number.isInteger(value) ? "integer" : "number";
    case "string":
      return "string";
    default:
      return "object";
  }
}

/**
 * Infers a Swagger 2.0 schema from one or more JSON samples of the same thing (all examples of one status
 * code, or one sample body). Integers → `integer`/`int32` (`int64` beyond 32 bits), decimals →
 * `number`/`float`, ISO dates → `string`/`date-time` or `date`, arrays from all their items; a key is
 * required only when present in every sample; `null` never yields `type: null` (Swagger 2.0 has none):
 * `x-nullable` with the type seen elsewhere. Empty arrays, null-only values and mixed types are noted.
 */
export function inferSchema(samples: readonly JsonValue[]): InferredSchema {
  const notes: InferredSchema["notes"] = [];
  if (samples.length === 0) return { schema: {}, notes };
  const schema = inferFrom(samples, "$", 0, notes);
  return { schema, notes };
}

function inferFrom(
  values: readonly JsonValue[],
  path: string,
  depth: number,
  notes: InferredSchema["notes"],
): Schema {
  if (depth > MAX_DEPTH) {
    notes.push({ path, message: `nested deeper than ${MAX_DEPTH} levels; described as any value` });
    return {};
  }
  const kinds = new Set<Kind>();
  for (const v of values) kinds.add(kindOf(v));
  const nullable = kinds.delete("null");
  // integer and number mix into number; anything else mixed has no Swagger 2.0 form (no oneOf).
  if (kinds.has("integer") && kinds.has("number")) kinds.delete("integer");

  let schema: Schema;
  if (kinds.size === 0) {
    notes.push({ path, message: "only null was seen; assumed a nullable string" });
    return { type: "string", "x-nullable": true };
  }
  if (kinds.size > 1) {
    notes.push({ path, message: `values of several types (${[...kinds].join(", ")}); left untyped` });
    schema = {};
  } else {
    const kind = [...kinds][0] as Kind;
    const present = nullable ? values.filter((v) => v !== null) : values;
    schema = inferKind(kind, present, path, depth, notes);
  }
  if (nullable) schema["x-nullable"] = true;
  return schema;
}

function inferKind(
  kind: Kind,
  values: readonly JsonValue[],
  path: string,
  depth: number,
  notes: InferredSchema["notes"],
): Schema {
  switch (kind) {
    case "boolean":
      return { type: "boolean" };
    case "integer": {
      const wide = values.some((v) => (v as number) < INT32_MIN || (v as number) > INT32_MAX);
      return { type: "integer", format: wide ? "int64" : "int32" };
    }
    case "number":
      return { type: "number", format: "float" };
    case "string": {
      const strings = values as readonly string[];
      if (strings.every((s) => DATE_TIME.test(s))) return { type: "string", format: "date-time" };
      if (strings.every((s) => DATE.test(s))) return { type: "string", format: "date" };
      return { type: "string" };
    }
    case "array": {
      const items: JsonValue[] = [];
      for (const arr of values as readonly JsonValue[][]) for (const item of arr) items.push(item);
      if (items.length === 0) {
        notes.push({
          path,
          message: "empty array in every sample: item type unknown, add a sample with items",
        });
        return { type: "array", items: {} };
      }
      return { type: "array", items: inferFrom(items, `${path}[]`, depth + 1, notes) };
    }
    default:
      return inferObject(values as readonly Record<string, JsonValue>[], path, depth, notes);
  }
}

function inferObject(
  objects: readonly Record<string, JsonValue>[],
  path: string,
  depth: number,
  notes: InferredSchema["notes"],
): Schema {
  // Keys in order of first appearance; per key, its values and how many samples had it.
  const byKey = new Map<string, JsonValue[]>();
  for (const obj of objects) {
    for (const key of Object.keys(obj)) {
      const value = obj[key];
      if (value === undefined) continue;
      let list = byKey.get(key);
      if (!list) {
        list = [];
        byKey.set(key, list);
      }
      list.push(value);
    }
  }
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  for (const [key, list] of byKey) {
    const property = inferFrom(list, `${path}.${key}`, depth + 1, notes);
    // defineProperty: a sample key named "__proto__" must become a property, not a prototype.
    Object.defineProperty(properties, key, {
      value: property,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    if (list.length === objects.length) required.push(key);
  }
  const schema: Schema = { type: "object", properties };
  // Swagger 2.0 (JSON Schema draft 4) rejects an empty `required` array.
  if (required.length > 0) schema.required = required;
  return schema;
}
