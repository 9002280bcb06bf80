import Ajv from "ajv-draft-04";
import type { ConnectorDocument } from "../model/connector-document";
import { isJsonObject, type JsonObject, type JsonValue } from "../model/json-value";
import type { Schema } from "../model/swagger-types";

/** One place where a response body does not match the schema. */
export interface SchemaMismatch {
  /** JSON path in the body, e.g. `$.items[0].id`. */
  path: string;
  message: string;
}

/**
 * Rewrites a Swagger 2.0 schema into draft-04 JSON Schema: `x-nullable: true` allows `null`, `$ref`s to
 * `#/definitions/…` keep working against a copy of the definitions, `file` types accept anything.
 */
function toDraft04(schema: JsonValue | undefined, depth = 0): JsonValue | undefined {
  if (depth > 200 || !isJsonObject(schema)) return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (
      key.startsWith("x-") ||
      key === "discriminator" ||
      key === "example" ||
      key === "xml" ||
      key === "externalDocs"
    )
      continue;
    if (key === "properties" && isJsonObject(value)) {
      out.properties = Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, toDraft04(v, depth + 1) ?? {}]),
      );
    } else if (key === "items" || key === "additionalProperties") {
      out[key] = typeof value === "boolean" ? value : (toDraft04(value, depth + 1) ?? {});
    } else if (key === "allOf" && Array.isArray(value)) {
      out.allOf = value.map((v) => toDraft04(v, depth + 1) ?? {});
    } else {
      out[key] = value;
    }
  }
  if (out.type === "file") delete out.type;
  if (schema["x-nullable"] === true) {
    if (typeof out.type === "string") out.type = [out.type, "null"];
    else if (out.$ref) return { anyOf: [{ type: "null" }, out] };
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  }
  return out;
}

function toPathSegment(instancePath: string): string {
  if (!instancePath) return "$";
  return (
    "$" +
    instancePath
      .split("/")
      .slice(1)
      .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
      .map((s) =>
        /^\d+$/.test(s) ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`,
      )
      .join("")
  );
}

/**
 * Checks a response body against the operation's response schema with draft-04 semantics and `x-nullable`,
 * listing every mismatch at its JSON path. Unknown formats are not errors (the platform does not enforce them).
 */
export function checkResponseAgainstSchema(
  doc: ConnectorDocument,
  schema: Schema,
  body: JsonValue,
): SchemaMismatch[] {
  const definitions: JsonObject = {};
  for (const [name, def] of Object.entries(doc.definition.definitions ?? {}))
    definitions[name] = toDraft04(def) ?? {};
  const root = { ...(toDraft04(schema) as JsonObject), definitions };
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, verbose: true });
  let validate;
  try {
    validate = ajv.compile(root);
  } catch (error) {
    return [
      {
        path: "$",
        message: `The response schema cannot be checked: ${error instanceof Error ? error.message : String(error)}`,
      },
    ];
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => {
    const params = e.params as Record<string, unknown>;
    const where = toPathSegment(e.instancePath);
    if (e.keyword === "required")
      return {
        path: `${where === "$" ? "$" : where}.${String(params.missingProperty)}`,
        message: "is required by the schema but missing",
      };
    if (e.keyword === "type")
      return { path: where, message: `should be ${String(params.type)} but is ${describe(e.data)}` };
    return { path: where, message: e.message ?? e.keyword };
  });
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)}`;
}
