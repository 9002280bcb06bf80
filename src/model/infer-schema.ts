import type { JsonValue } from "./json-value";
import type { Schema } from "./swagger-types";

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

function maybeDate(s: string): boolean {
  const c = s.charCodeAt(0);
  return s.length >= 10 && c >= 48 && c <= 57 && s.charCodeAt(4) === 45;
}

type Kind = "null" | "boolean" | "integer" | "number" | "string" | "array" | "object";
const KINDS: readonly Kind[] = ["boolean", "integer", "number", "string", "array", "object"];
const KIND_BIT: Record<Kind, number> = {
  null: 1,
  boolean: 2,
  integer: 4,
  number: 8,
  string: 16,
  array: 32,
  object: 64,
};

/**
 * Where a value sits in the sample, kept as a chain and turned into text (`$.a.b[]`) only for a note:
 * building the text for every key of a large sample costs more than inferring it.
 */
/** `key` null = the items of an array. */
type SamplePath = { parent: SamplePath; key: string | null } | null;

function pathText(path: SamplePath): string {
  const steps: string[] = [];
  for (let p = path; p; p = p.parent) steps.push(p.key === null ? "[]" : `.${p.key}`);
  return `$${steps.reverse().join("")}`;
}

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
  const schema =
    samples.length === 1
      ? inferOne(samples[0] as JsonValue, null, 0, notes)
      : inferFrom(samples, null, 0, notes);
  return { schema, notes };
}

function inferFrom(
  values: readonly JsonValue[],
  path: SamplePath,
  depth: number,
  notes: InferredSchema["notes"],
): Schema {
  if (depth > MAX_DEPTH) {
    notes.push({
      path: pathText(path),
      message: `nested deeper than ${MAX_DEPTH} levels; described as any value`,
    });
    return {};
  }
  // Kinds as a bit set: this runs for every value of every sample, so no Set or array per call.
  let mask = 0;
  for (const v of values) mask |= KIND_BIT[kindOf(v)];
  const nullable = (mask & KIND_BIT.null) !== 0;
  mask &= ~KIND_BIT.null;
  // integer and number mix into number; anything else mixed has no Swagger 2.0 form (no oneOf).
  if (mask & KIND_BIT.number) mask &= ~KIND_BIT.integer;

  let schema: Schema;
  if (mask === 0) {
    notes.push({ path: pathText(path), message: "only null was seen; assumed a nullable string" });
    return { type: "string", "x-nullable": true };
  }
  const kinds = KINDS.filter((k) => (mask & KIND_BIT[k]) !== 0);
  if (kinds.length > 1) {
    notes.push({
      path: pathText(path),
      message: `values of several types (${kinds.join(", ")}); left untyped`,
    });
    schema = {};
  } else {
    const kind = kinds[0] as Kind;
    const present = nullable ? values.filter((v) => v !== null) : values;
    schema = inferKind(kind, present, path, depth, notes);
  }
  if (nullable) schema["x-nullable"] = true;
  return schema;
}

/**
 * The common case, one sample: same result as `inferFrom([value])` without the per-key lists and maps
 * (a 3 MB Postman collection of request bodies is mostly this path).
 */
function inferOne(value: JsonValue, path: SamplePath, depth: number, notes: InferredSchema["notes"]): Schema {
  if (depth > MAX_DEPTH) return inferFrom([value], path, depth, notes);
  if (value === null) {
    notes.push({ path: pathText(path), message: "only null was seen; assumed a nullable string" });
    return { type: "string", "x-nullable": true };
  }
  if (Array.isArray(value)) return inferKind("array", [value], path, depth, notes);
  switch (typeof value) {
    case "string":
      return maybeDate(value) ? inferKind("string", [value], path, depth, notes) : { type: "string" };
    case "boolean":
      return { type: "boolean" };
    case "number":
      return inferKind(kindOf(value), [value], path, depth, notes);
  }
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (v === undefined) continue;
    const property = inferOne(v, { parent: path, key }, depth + 1, notes);
    if (key === "__proto__") {
      Object.defineProperty(properties, key, {
        value: property,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      properties[key] = property;
    }
    required.push(key);
  }
  const schema: Schema = { type: "object", properties };
  if (required.length > 0) schema.required = required;
  return schema;
}

function inferKind(
  kind: Kind,
  values: readonly JsonValue[],
  path: SamplePath,
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
      // Cheap test first: a date starts with four digits and is at least 10 characters long.
      if (!strings.every(maybeDate)) return { type: "string" };
      if (strings.every((s) => DATE_TIME.test(s))) return { type: "string", format: "date-time" };
      if (strings.every((s) => DATE.test(s))) return { type: "string", format: "date" };
      return { type: "string" };
    }
    case "array": {
      const items: JsonValue[] = [];
      for (const arr of values as readonly JsonValue[][]) for (const item of arr) items.push(item);
      if (items.length === 0) {
        notes.push({
          path: pathText(path),
          message: "empty array in every sample: item type unknown, add a sample with items",
        });
        return { type: "array", items: {} };
      }
      return { type: "array", items: inferFrom(items, { parent: path, key: null }, depth + 1, notes) };
    }
    default:
      return inferObject(values as readonly Record<string, JsonValue>[], path, depth, notes);
  }
}

function inferObject(
  objects: readonly Record<string, JsonValue>[],
  path: SamplePath,
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
    const property = inferFrom(list, { parent: path, key }, depth + 1, notes);
    if (key === "__proto__") {
      // defineProperty: a sample key named "__proto__" must become a property, not a prototype.
      Object.defineProperty(properties, key, {
        value: property,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      properties[key] = property;
    }
    if (list.length === objects.length) required.push(key);
  }
  const schema: Schema = { type: "object", properties };
  // Swagger 2.0 (JSON Schema draft 4) rejects an empty `required` array.
  if (required.length > 0) schema.required = required;
  return schema;
}
