/**
 * The Parameter pane's form model (no React): values derived from the parameter in the document, the
 * context its rules need (location, path template, the operation's other parameters) and the zod schema
 * that checks each field while the maker types. The document stays the source of truth: the form shows
 * it and writes only valid values back through commands.
 */
import { z } from "zod";
import type { ZodError } from "zod";
import { getAtPointer, parsePointer } from "../../model/json-pointer";
import { isJsonObject, type JsonObject } from "../../model/json-value";
import {
  dropdownKind,
  literalFromText,
  literalProblem,
  literalToText,
  readStaticValues,
  resolveParameter,
} from "../../model/operations/parameters";
import { HTTP_METHODS, type SwaggerDocument } from "../../model/swagger-types";

export const PARAM_TYPES = ["string", "integer", "number", "boolean", "array", "file"] as const;
const VISIBILITIES = ["none", "advanced", "internal", "important"] as const;
const URL_ENCODINGS = ["", "single", "double"] as const;
const DROPDOWNS = ["none", "static", "dynamic"] as const;

export type ParameterFormValues = z.infer<ReturnType<typeof makeParameterSchema>>;

/** What the rules of one parameter depend on besides its own fields. */
export interface ParameterContext {
  /** `in` of the parameter (query, header, path, formData, body). */
  location: string;
  /** The path template of the operation (`/lists/{listId}`), "" when unknown. */
  path: string;
  /** Names of the operation's other parameters in the same location. */
  siblingNames: readonly string[];
}

/** The form values of a parameter object. */
export function parameterFormValues(node: JsonObject): ParameterFormValues {
  const str = (v: unknown) => (typeof v === "string" ? v : "");
  const visibility = VISIBILITIES.find((v) => v === node["x-ms-visibility"]) ?? "none";
  const encoding = URL_ENCODINGS.find((v) => v !== "" && v === node["x-ms-url-encoding"]) ?? "";
  return {
    name: str(node.name),
    summary: str(node["x-ms-summary"]),
    description: str(node.description),
    default: literalToText(node.default),
    required: node.required === true,
    visibility,
    type: typeof node.type === "string" ? node.type : "string",
    format: str(node.format),
    urlEncoding: encoding,
    dropdown: dropdownKind(node),
    staticValues: readStaticValues(node),
  };
}

/** The context of the parameter at `pointer` (`/paths/<path>/<verb>/parameters/<i>` or a path item's). */
export function parameterContext(definition: SwaggerDocument, pointer: string): ParameterContext {
  const node = getAtPointer(definition, pointer);
  const location = isJsonObject(node) && typeof node.in === "string" ? node.in : "";
  let segments: string[];
  try {
    segments = parsePointer(pointer);
  } catch {
    return { location, path: "", siblingNames: [] };
  }
  const path = segments[0] === "paths" ? (segments[1] ?? "") : "";
  const index = Number(segments[segments.length - 1]);
  const owner = getAtPointer(definition, segments.slice(0, -2));
  const list = isJsonObject(owner) && Array.isArray(owner.parameters) ? owner.parameters : [];
  const siblingNames: string[] = [];
  list.forEach((raw, i) => {
    if (i === index) return;
    const p = resolveParameter(definition, raw);
    if (p && p.in === location && typeof p.name === "string") siblingNames.push(p.name);
  });
  const isOperation = (HTTP_METHODS as readonly string[]).includes(segments[2] ?? "");
  return { location, path: isOperation || segments[2] === "parameters" ? path : "", siblingNames };
}

const HEADER_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function nameProblem(name: string, ctx: ParameterContext): string | null {
  if (name.trim() === "") return "A parameter needs a name.";
  if (name !== name.trim()) return "Remove the spaces around the name.";
  if (name === "connectionId") return "“connectionId” is reserved for the connection.";
  const header = ctx.location === "header";
  if (header && !HEADER_TOKEN.test(name)) return "A header name cannot contain spaces, “:” or quotes.";
  if (header && name.toLowerCase() === "authorization")
    return "An “Authorization” header is not allowed. Use API key authentication named Authorization in the Security step.";
  const same = (other: string) => (header ? other.toLowerCase() === name.toLowerCase() : other === name);
  if (ctx.siblingNames.some(same))
    return `Another ${ctx.location || "parameter"} parameter of this operation is already named “${name}”.`;
  if (ctx.location === "path" && ctx.path !== "") {
    const placeholders = [...ctx.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    if (!placeholders.includes(name))
      return placeholders.length === 0
        ? `The path ${ctx.path} has no {placeholder}: a path parameter is named after one.`
        : `A path parameter is named after a placeholder of ${ctx.path}: ${placeholders.map((p) => `“${p}”`).join(", ")}.`;
  }
  return null;
}

/** The zod schema of the Parameter pane for one parameter's context. */
export function makeParameterSchema(ctx: ParameterContext) {
  return z
    .object({
      name: z.string().superRefine((name, issues) => {
        const problem = nameProblem(name, ctx);
        if (problem) issues.addIssue({ code: "custom", message: problem });
      }),
      summary: z.string().max(80, "Keep the summary to 80 characters or fewer."),
      description: z.string(),
      default: z.string(),
      required: z
        .boolean()
        .refine((r) => r || ctx.location !== "path", "Path parameters are always required."),
      visibility: z.enum(VISIBILITIES),
      type: z.string(),
      format: z.string(),
      urlEncoding: z.enum(URL_ENCODINGS),
      dropdown: z.enum(DROPDOWNS),
      staticValues: z.array(z.object({ value: z.string(), displayName: z.string() })),
    })
    .superRefine((v, issues) => {
      if (ctx.location === "body") return;
      const seen = new Map<string, number>();
      const listed = v.dropdown === "static";
      if (listed) {
        v.staticValues.forEach((row, i) => {
          const problem =
            row.value === "" && v.type !== "string"
              ? "Enter a value."
              : row.value === ""
                ? null
                : literalProblem(row.value, v.type, v.format);
          if (problem) {
            issues.addIssue({ code: "custom", path: ["staticValues", i, "value"], message: problem });
            return;
          }
          const key = JSON.stringify(literalFromText(row.value, v.type) ?? "");
          const first = seen.get(key);
          if (first !== undefined)
            issues.addIssue({
              code: "custom",
              path: ["staticValues", i, "value"],
              message: `Value ${first + 1} is already ${row.value === "" ? "empty" : `“${row.value}”`}.`,
            });
          else seen.set(key, i);
        });
      }
      if (v.default === "") return;
      const problem = literalProblem(v.default, v.type, v.format);
      if (problem) issues.addIssue({ code: "custom", path: ["default"], message: problem });
      else if (listed && !seen.has(JSON.stringify(literalFromText(v.default, v.type))))
        issues.addIssue({
          code: "custom",
          path: ["default"],
          message: "The default value must be one of the dropdown values.",
        });
    });
}

/** A field of the form as a path: `name`, `default`, `staticValues.2.value`… */
export type ParameterFieldPath = string;

/** The first error of one field (by its RHF path) in a zod result, or undefined when the field is valid. */
export function fieldError(error: ZodError | undefined, field: ParameterFieldPath): string | undefined {
  if (!error) return undefined;
  return error.issues.find((issue) => issue.path.join(".") === field)?.message;
}
