import { isJsonObject, type JsonObject, type JsonValue } from "../../model/json-value";
import { child } from "../rule-context";
import { DEFINITION_FILE, type Finding, type Rule, type RuleContext } from "../rule-types";

const D = DEFINITION_FILE;

/** Formats the platform knows (Swagger 2.0's plus its own `date-no-tz`, `html`, `email`, `uri`, `uuid`). */
export const KNOWN_FORMATS = new Set([
  "int32",
  "int64",
  "float",
  "double",
  "byte",
  "binary",
  "date",
  "date-time",
  "password",
  "date-no-tz",
  "email",
  "html",
  "uri",
  "uuid",
]);
const KNOWN_TYPES = new Set(["string", "number", "integer", "boolean", "array", "object", "file", "null"]);

/** Where a `$ref` in this position must point, by the location of the object holding it. */
function expectedRefKind(pointer: string): "parameters" | "responses" | "definitions" {
  // `/paths/p/get/parameters/0` and `/paths/p/parameters/0` are parameter slots.
  if (/^\/paths\/[^/]+(\/[^/]+)?\/parameters\/\d+$/.test(pointer)) return "parameters";
  if (/^\/paths\/[^/]+\/[^/]+\/responses\/[^/]+$/.test(pointer)) return "responses";
  return "definitions";
}

const REF_RULES = {
  definitions: { notFound: "SchemaReferenceNotFound", notValid: "SchemaReferenceNotValid", what: "schema" },
  parameters: {
    notFound: "ParameterReferenceNotFound",
    notValid: "ParameterReferenceNotValid",
    what: "parameter",
  },
  responses: {
    notFound: "ResponseReferenceNotFound",
    notValid: "ResponseReferenceNotValid",
    what: "response",
  },
} as const;

function valueMatchesType(value: JsonValue, type: unknown): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "number":
      return typeof value === "number";
    case "boolean":
      return typeof value === "boolean";
    case "array":
      return Array.isArray(value);
    case "object":
      return isJsonObject(value);
    default:
      return true;
  }
}

/** Schema-like objects: every walked schema plus every non-body parameter (they carry type, items, enum). */
function* typedNodes(ctx: RuleContext): Generator<{ node: JsonObject; pointer: string }> {
  for (const s of ctx.schemas) yield { node: s.schema, pointer: s.pointer };
  const seen = new Set<string>();
  for (const op of ctx.operations) {
    for (const p of op.parameters) {
      if (p.param.in === "body" || seen.has(p.targetPointer)) continue;
      seen.add(p.targetPointer);
      yield { node: p.param, pointer: p.targetPointer };
      if (isJsonObject(p.param.items))
        yield { node: p.param.items, pointer: child(p.targetPointer, "items") };
    }
  }
}

/** Rules about references and schemas. */
export const schemaRules: Rule[] = [
  {
    id: "SchemaReferenceNotFound",
    severity: "error",
    file: D,
    summary:
      "Every `$ref` is local and resolves (also ParameterReference… and ResponseReference…NotFound/NotValid). An external `$ref` is an error naming the URL; it is never fetched.",
    *check(ctx) {
      for (const { ref, pointer } of ctx.refs) {
        // AutoRest's x-ms-parameterized-host refers to parameters; Power Platform ignores the extension.
        if (pointer.startsWith("/x-ms-parameterized-host/")) continue;
        const kind = expectedRefKind(pointer);
        const rule = REF_RULES[kind];
        if (!ref.startsWith("#")) {
          yield {
            path: pointer,
            ruleId: rule.notValid,
            message: `The reference "${ref}" points outside this file. Connectors must be self-contained: copy the ${rule.what} into "#/${kind}" and refer to it there. (It was not fetched.)`,
          };
          continue;
        }
        if (!ref.startsWith(`#/${kind}/`)) {
          yield {
            path: pointer,
            ruleId: rule.notValid,
            message: `The ${rule.what} reference "${ref}" must point into "#/${kind}/".`,
          };
          continue;
        }
        if (ctx.resolve(ref) === undefined) {
          yield {
            path: pointer,
            ruleId: rule.notFound,
            message: `The reference "${ref}" points to a ${rule.what} that does not exist. Add "${ref.slice(2 + kind.length + 1)}" under "${kind}" or fix the name.`,
          };
        }
      }
    },
  },
  {
    id: "ArrayHasNoItems",
    severity: "error",
    file: D,
    summary:
      "`type: array` needs `items`: an error on parameters and body/response schemas, a warning on nested properties (one published connector has such a property).",
    *check(ctx) {
      const nested = new Set(
        ctx.schemas
          .filter((s) => s.role === "property" || s.role === "items" || s.role === "additional")
          .map((s) => s.pointer),
      );
      for (const { node, pointer } of typedNodes(ctx)) {
        if (node.type === "array" && node.items === undefined) {
          yield {
            severity: nested.has(pointer) ? "warning" : "error",
            path: pointer,
            message: `This array has no "items", so the designer cannot show its elements. Add "items" with the element schema (e.g. {"type": "string"}).`,
          };
        }
      }
    },
  },
  {
    id: "RequiredPropertyArrayEmpty",
    severity: "warning",
    file: D,
    summary: "An empty `required: []` list.",
    *check(ctx) {
      for (const s of ctx.schemas) {
        if (Array.isArray(s.schema.required) && s.schema.required.length === 0) {
          yield {
            path: child(s.pointer, "required"),
            message: 'The "required" list is empty. Remove it or list the required properties.',
          };
        }
      }
    },
  },
  {
    id: "RequiredPropertyDefinitionMissing",
    severity: "warning",
    file: D,
    summary: "Names in `required` exist in `properties`.",
    *check(ctx) {
      for (const s of ctx.schemas) {
        const req = s.schema.required;
        const props = s.schema.properties;
        if (!Array.isArray(req) || !isJsonObject(props) || s.schema.allOf !== undefined) continue;
        for (const [i, name] of req.entries()) {
          if (typeof name === "string" && !(name in props)) {
            yield {
              path: child(child(s.pointer, "required"), i),
              message: `"${name}" is listed as required but is not one of the properties. Remove it from "required" or add the property.`,
            };
          }
        }
      }
    },
  },
  {
    id: "EnumMustContainAtLeastOneElement",
    severity: "error",
    file: D,
    summary: "`enum` lists at least one value.",
    *check(ctx) {
      for (const { node, pointer } of typedNodes(ctx)) {
        if (Array.isArray(node.enum) && node.enum.length === 0) {
          yield {
            path: child(pointer, "enum"),
            message: 'The "enum" list is empty. Add the allowed values or remove "enum".',
          };
        }
      }
    },
  },
  {
    id: "InvalidEnumValue",
    severity: "warning",
    file: D,
    summary: "Enum values match the declared type.",
    *check(ctx) {
      for (const { node, pointer } of typedNodes(ctx)) {
        if (!Array.isArray(node.enum) || typeof node.type !== "string") continue;
        for (const [i, value] of node.enum.entries()) {
          if (value !== null && !valueMatchesType(value, node.type)) {
            yield {
              path: child(child(pointer, "enum"), i),
              message: `The enum value ${JSON.stringify(value)} is not of type "${node.type}". Write it as a ${node.type}.`,
            };
          }
        }
      }
    },
  },
  {
    id: "InvalidEnumValuesExtensionValue",
    severity: "warning",
    file: D,
    summary:
      "Every `x-ms-enum-values[].value` is in `enum`, without duplicates (DuplicateEnumValuesInExtension).",
    *check(ctx) {
      for (const { node, pointer } of typedNodes(ctx)) {
        const ext = node["x-ms-enum-values"];
        if (!Array.isArray(ext)) continue;
        const allowed = Array.isArray(node.enum) ? node.enum.map((v) => JSON.stringify(v)) : null;
        const seen = new Set<string>();
        for (const [i, item] of ext.entries()) {
          if (!isJsonObject(item)) continue;
          const key = JSON.stringify(item.value);
          const at = child(child(pointer, "x-ms-enum-values"), i);
          if (seen.has(key)) {
            yield {
              path: at,
              ruleId: "DuplicateEnumValuesInExtension",
              message: `The value ${key} is listed twice in "x-ms-enum-values". Remove one.`,
            };
          }
          seen.add(key);
          if (allowed && !allowed.includes(key)) {
            yield {
              path: at,
              message: `"x-ms-enum-values" names ${key}, which is not in "enum". Add it to "enum" or remove it here.`,
            };
          }
        }
      }
    },
  },
  {
    id: "DefaultValueMustMatchType",
    severity: "warning",
    file: D,
    summary: "A `default` value matches the declared type.",
    *check(ctx) {
      for (const { node, pointer } of typedNodes(ctx)) {
        const def = node.default;
        if (def === undefined || def === null || typeof node.type !== "string") continue;
        if (!valueMatchesType(def, node.type)) {
          yield {
            path: child(pointer, "default"),
            message: `The default ${JSON.stringify(def)} is not of type "${node.type}". Write it as a ${node.type}.`,
          };
        }
      }
    },
  },
  {
    id: "UnrecognizedTypeFormat",
    severity: "warning",
    file: D,
    summary: "Known `type` values and `format` values (Swagger's plus date-no-tz, html, email, uri, uuid).",
    *check(ctx) {
      for (const { node, pointer } of typedNodes(ctx)) {
        if (typeof node.type === "string" && !KNOWN_TYPES.has(node.type)) {
          yield {
            path: child(pointer, "type"),
            message: `"${node.type}" is not a type. Use string, number, integer, boolean, array or object.`,
          };
        }
        if (typeof node.format === "string" && node.format !== "" && !KNOWN_FORMATS.has(node.format)) {
          yield {
            path: child(pointer, "format"),
            severity: "info",
            message: `The format "${node.format}" is not one the designer knows; values are treated as plain ${typeof node.type === "string" ? node.type : "values"}.`,
          };
        }
      }
    },
  },
  {
    id: "MinimumShouldBeLessThanOrEqualToMaximum",
    severity: "warning",
    file: D,
    summary:
      "minimum ≤ maximum, minLength ≤ maxLength, minItems ≤ maxItems; `pattern` is a valid regular expression.",
    *check(ctx) {
      const pairs: [string, string, string][] = [
        ["minimum", "maximum", "MinimumShouldBeLessThanOrEqualToMaximum"],
        ["minLength", "maxLength", "MinLengthShouldBeLessThanOrEqualToMaxLength"],
        ["minItems", "maxItems", "MinItemsShouldBeLessThanOrEqualToMaxItems"],
      ];
      for (const { node, pointer } of typedNodes(ctx)) {
        for (const [lo, hi, ruleId] of pairs) {
          const a = node[lo];
          const b = node[hi];
          if (typeof a === "number" && typeof b === "number" && a > b) {
            yield {
              path: child(pointer, lo),
              ruleId,
              message: `"${lo}" (${a}) is greater than "${hi}" (${b}).`,
            };
          }
        }
        if (typeof node.pattern === "string") {
          try {
            new RegExp(node.pattern, "u");
          } catch {
            try {
              new RegExp(node.pattern);
            } catch {
              yield {
                path: child(pointer, "pattern"),
                ruleId: "PatternShouldBeValidRegularExpression",
                message: `The pattern ${JSON.stringify(node.pattern)} is not a valid regular expression.`,
              };
            }
          }
        }
      }
    },
  },
  {
    id: "InvalidCustomEditorExtensionDictionaryValue",
    severity: "warning",
    file: D,
    summary: '`x-ms-editor: "dictionary"` only on objects with additionalProperties.',
    *check(ctx) {
      for (const s of ctx.schemas) {
        if (
          s.schema["x-ms-editor"] === "dictionary" &&
          !(
            s.schema.type === "object" &&
            s.schema.additionalProperties !== undefined &&
            s.schema.additionalProperties !== false
          )
        ) {
          yield {
            path: child(s.pointer, "x-ms-editor"),
            message:
              'The "dictionary" editor only works on an object with "additionalProperties". Add them or remove "x-ms-editor".',
          };
        }
      }
    },
  },
];

export type { Finding };
