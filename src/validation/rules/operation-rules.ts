import { isJsonObject } from "../../model/json-value";
import { child } from "../rule-context";
import { DEFINITION_FILE, type OperationInfo, type Rule } from "../rule-types";

const D = DEFINITION_FILE;

/** Longest operationId the platform keeps without truncating (the validator's `{n}`). */
export const MAX_OPERATION_ID_LENGTH = 128;
/** The validator's summary threshold; the string guidance (and certification) asks for ≤ 80. */
export const MAX_SUMMARY_LENGTH = 120;

function describeOp(op: OperationInfo): string {
  const id = op.operation.operationId;
  return typeof id === "string" && id !== "" ? `"${id}"` : `${op.method.toUpperCase()} ${op.path}`;
}

/** Variables of a path template: `/a/{x}/{y}` → x, y. */
export function templateVariables(path: string): string[] {
  return [...path.matchAll(/\{([^}/]+)\}/g)].map((m) => m[1] as string);
}

/** operationId with every character other than letters, digits and `_` removed (what the platform does). */
export function sanitizeOperationId(id: string): string {
  const cleaned = id
    .split(/[^A-Za-z0-9_]+/)
    .filter((part) => part !== "")
    .map((part, i) => (i === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1)))
    .join("");
  return cleaned === "" ? "Operation" : /^[0-9]/.test(cleaned) ? `Op${cleaned}` : cleaned;
}

/** Rules about operations and their parameters. */
export const operationRules: Rule[] = [
  {
    id: "OperationIdRequired",
    severity: "error",
    file: D,
    summary: "Every operation has an operationId.",
    *check(ctx) {
      for (const op of ctx.operations) {
        const id = op.operation.operationId;
        if (typeof id !== "string" || id.trim() === "") {
          yield {
            path: op.pointer,
            message: `${op.method.toUpperCase()} ${op.path} has no operationId. Give it a unique name such as "GetItem"; flows, policies and code refer to operations by it.`,
          };
        }
      }
    },
  },
  {
    id: "OperationIdNotUnique",
    severity: "error",
    file: D,
    summary: "operationIds are unique (compared without case, as the platform does).",
    *check(ctx) {
      const seen = new Map<string, OperationInfo>();
      for (const op of ctx.operations) {
        const id = op.operation.operationId;
        if (typeof id !== "string" || id === "") continue;
        const first = seen.get(id.toLowerCase());
        if (first) {
          yield {
            path: child(op.pointer, "operationId"),
            message: `The operationId "${id}" is already used by ${first.method.toUpperCase()} ${first.path}. Rename one of them.`,
          };
        } else seen.set(id.toLowerCase(), op);
      }
    },
  },
  {
    id: "OperationIdSanitized",
    severity: "warning",
    file: D,
    summary: "operationId with characters other than letters, digits and `_` (the platform strips them).",
    *check(ctx) {
      for (const op of ctx.operations) {
        const id = op.operation.operationId;
        if (typeof id === "string" && id !== "" && /[^A-Za-z0-9_]/.test(id)) {
          yield {
            path: child(op.pointer, "operationId"),
            message: `The operationId "${id}" contains characters other than letters, digits and "_"; the platform will change it, which breaks references. Rename it to "${sanitizeOperationId(id)}".`,
          };
        }
      }
    },
  },
  {
    id: "OperationIdTooLong",
    severity: "warning",
    file: D,
    summary: `operationId longer than ${MAX_OPERATION_ID_LENGTH} characters.`,
    *check(ctx) {
      for (const op of ctx.operations) {
        const id = op.operation.operationId;
        if (typeof id === "string" && id.length > MAX_OPERATION_ID_LENGTH) {
          yield {
            path: child(op.pointer, "operationId"),
            message: `The operationId is ${id.length} characters long; keep it to ${MAX_OPERATION_ID_LENGTH} or fewer.`,
          };
        }
      }
    },
  },
  {
    id: "OperationSummaryTooLong",
    severity: "warning",
    file: D,
    summary: `Summary longer than ${MAX_SUMMARY_LENGTH} characters.`,
    *check(ctx) {
      for (const op of ctx.operations) {
        const s = op.operation.summary;
        if (typeof s === "string" && s.length > MAX_SUMMARY_LENGTH) {
          yield {
            path: child(op.pointer, "summary"),
            message: `The summary of ${describeOp(op)} is ${s.length} characters; the designer shows at most ${MAX_SUMMARY_LENGTH} (80 is recommended). Shorten it and move detail to the description.`,
          };
        }
      }
    },
  },
  {
    id: "RestrictedCharactersInSummary",
    severity: "warning",
    file: D,
    summary: "Summary with `/`, a line break or a leading/trailing space or full stop.",
    *check(ctx) {
      for (const op of ctx.operations) {
        const s = op.operation.summary;
        if (typeof s !== "string" || s === "") continue;
        if (/[/\r\n\t]/.test(s) || /^\s|\s$/.test(s) || /\.$/.test(s)) {
          yield {
            path: child(op.pointer, "summary"),
            message: `The summary "${s}" of ${describeOp(op)} has a "/", a line break, a leading or trailing space or a final full stop. Summaries are short titles such as "Get item".`,
          };
        }
      }
    },
  },
  {
    id: "OperationMissingPathParameter",
    severity: "error",
    file: D,
    summary: "Every `{variable}` of the path template is declared as an `in: path` parameter.",
    *check(ctx) {
      for (const op of ctx.operations) {
        const declared = new Set(op.parameters.filter((p) => p.param.in === "path").map((p) => p.param.name));
        for (const v of templateVariables(op.path)) {
          if (!declared.has(v)) {
            yield {
              path: op.pointer,
              message: `${describeOp(op)} uses {${v}} in its path "${op.path}" but declares no path parameter "${v}". Add a required parameter named "${v}" with "in": "path".`,
            };
          }
        }
      }
    },
  },
  {
    id: "PathParameterNotDefinedInTemplate",
    severity: "error",
    file: D,
    summary: "Every `in: path` parameter appears as `{name}` in the path template.",
    *check(ctx) {
      for (const op of ctx.operations) {
        const vars = new Set(templateVariables(op.path));
        for (const p of op.parameters) {
          if (p.param.in === "path" && typeof p.param.name === "string" && !vars.has(p.param.name)) {
            yield {
              path: p.pointer,
              message: `The path parameter "${p.param.name}" of ${describeOp(op)} does not appear in the path "${op.path}". Add {${p.param.name}} to the path or change the parameter's location.`,
            };
          }
        }
      }
    },
  },
  {
    id: "PathParameterMustBeRequired",
    severity: "error",
    file: D,
    summary: "Path parameters have `required: true`.",
    *check(ctx) {
      const reported = new Set<string>();
      for (const op of ctx.operations) {
        for (const p of op.parameters) {
          if (p.param.in === "path" && p.param.required !== true && !reported.has(p.targetPointer)) {
            reported.add(p.targetPointer);
            yield {
              path: p.targetPointer,
              message: `The path parameter "${String(p.param.name)}" must be required: a URL cannot be built without it. Set "required": true.`,
            };
          }
        }
      }
    },
  },
  {
    id: "PathParameterMissingEncoding",
    severity: "warning",
    file: D,
    summary: 'Path parameters should say how values are encoded (`x-ms-url-encoding`: "single" or "double").',
    *check(ctx) {
      const reported = new Set<string>();
      for (const op of ctx.operations) {
        for (const p of op.parameters) {
          if (
            p.param.in === "path" &&
            p.param["x-ms-url-encoding"] === undefined &&
            !reported.has(p.targetPointer)
          ) {
            reported.add(p.targetPointer);
            yield {
              path: p.targetPointer,
              message: `The path parameter "${String(p.param.name)}" has no "x-ms-url-encoding". Add "x-ms-url-encoding": "single" so values with "/" or spaces are encoded the way your API expects.`,
            };
          }
        }
      }
    },
  },
  {
    id: "QueryParameterEncodingNotSupported",
    severity: "warning",
    file: D,
    summary: "`x-ms-url-encoding` only works on path parameters.",
    *check(ctx) {
      const reported = new Set<string>();
      for (const op of ctx.operations) {
        for (const p of op.parameters) {
          if (
            p.param.in !== "path" &&
            p.param["x-ms-url-encoding"] !== undefined &&
            !reported.has(p.targetPointer)
          ) {
            reported.add(p.targetPointer);
            yield {
              path: child(p.targetPointer, "x-ms-url-encoding"),
              message: `"x-ms-url-encoding" on the ${String(p.param.in)} parameter "${String(p.param.name)}" has no effect; it only applies to path parameters. Remove it.`,
            };
          }
        }
      }
    },
  },
  {
    id: "BodyOrFormDataParameterInFetchOperationNotAllowed",
    severity: "error",
    file: D,
    summary: "GET operations take no body or formData parameter.",
    *check(ctx) {
      for (const op of ctx.operations) {
        if (op.method !== "get") continue;
        for (const p of op.parameters) {
          if (p.param.in === "body" || p.param.in === "formData") {
            yield {
              path: p.pointer,
              message: `The GET operation ${describeOp(op)} has a ${p.param.in} parameter "${String(p.param.name)}"; GET requests cannot carry a body. Use query parameters or change the method to POST.`,
            };
          }
        }
      }
    },
  },
  {
    id: "OperationParametersContainMultipleBodyParameters",
    severity: "error",
    file: D,
    summary: "At most one body parameter per operation.",
    *check(ctx) {
      for (const op of ctx.operations) {
        const bodies = op.parameters.filter((p) => p.param.in === "body");
        for (const extra of bodies.slice(1)) {
          yield {
            path: extra.pointer,
            message: `${describeOp(op)} has more than one body parameter. Merge them into one body schema with several properties.`,
          };
        }
      }
    },
  },
  {
    id: "ParameterListContainsFormDataAndBody",
    severity: "error",
    file: D,
    summary: "An operation does not mix body and formData parameters.",
    *check(ctx) {
      for (const op of ctx.operations) {
        const body = op.parameters.find((p) => p.param.in === "body");
        if (body && op.parameters.some((p) => p.param.in === "formData")) {
          yield {
            path: body.pointer,
            message: `${describeOp(op)} has both a body parameter and formData parameters. Use one or the other.`,
          };
        }
      }
    },
  },
  {
    id: "OperationParametersContainDuplicateParameter",
    severity: "error",
    file: D,
    summary: "No two parameters with the same name and location.",
    *check(ctx) {
      const pathLevelSeen = new Set<string>();
      for (const op of ctx.operations) {
        const seen = new Set<string>();
        for (const p of op.parameters) {
          const key = `${String(p.param.in)}|${String(p.param.name)}`;
          if (seen.has(key)) {
            const pathLevel = p.level === "path";
            if (pathLevel && pathLevelSeen.has(p.pointer)) continue;
            if (pathLevel) pathLevelSeen.add(p.pointer);
            yield {
              path: p.pointer,
              ruleId: pathLevel ? "PathParametersContainDuplicateParameter" : undefined,
              message: `The ${String(p.param.in)} parameter "${String(p.param.name)}" is listed twice for ${describeOp(op)}. Remove the duplicate.`,
            };
          }
          seen.add(key);
        }
      }
    },
  },
  {
    id: "ConnectionIdParameterNotAllowed",
    severity: "error",
    file: D,
    summary: "No parameter may be named `connectionId` (reserved by the platform).",
    *check(ctx) {
      const reported = new Set<string>();
      for (const op of ctx.operations) {
        for (const p of op.parameters) {
          if (
            typeof p.param.name === "string" &&
            p.param.name.toLowerCase() === "connectionid" &&
            !reported.has(p.targetPointer)
          ) {
            reported.add(p.targetPointer);
            yield {
              path: p.targetPointer,
              message: `The parameter name "${p.param.name}" is reserved by Power Platform. Rename the parameter (the API name can stay the same through a policy).`,
            };
          }
        }
      }
    },
  },
  {
    id: "AuthorizationHeaderNotAllowed",
    severity: "warning",
    file: D,
    summary:
      'A header parameter named "Authorization" is rejected; use API Key authentication named Authorization.',
    *check(ctx) {
      const reported = new Set<string>();
      for (const op of ctx.operations) {
        for (const p of op.parameters) {
          if (
            p.param.in === "header" &&
            typeof p.param.name === "string" &&
            p.param.name.toLowerCase() === "authorization" &&
            !reported.has(p.targetPointer)
          ) {
            reported.add(p.targetPointer);
            yield {
              path: p.targetPointer,
              message: `A header parameter named "Authorization" is not allowed in the designer. Use the Security step (API Key with parameter name "Authorization") instead.`,
            };
          }
        }
      }
    },
  },
  {
    id: "FileParameterMustBeInFormData",
    severity: "error",
    file: D,
    summary: "Parameters of type `file` are formData parameters.",
    *check(ctx) {
      const reported = new Set<string>();
      for (const op of ctx.operations) {
        for (const p of op.parameters) {
          if (p.param.type === "file" && p.param.in !== "formData" && !reported.has(p.targetPointer)) {
            reported.add(p.targetPointer);
            yield {
              path: p.targetPointer,
              message: `The parameter "${String(p.param.name)}" has type "file" but is "in": "${String(p.param.in)}". File uploads must be formData parameters.`,
            };
          }
        }
      }
    },
  },
  {
    id: "MimeTypeNotCompatibleWithRequestContentSchemaType",
    severity: "warning",
    file: D,
    summary:
      "Operations with formData or file parameters consume multipart/form-data or application/x-www-form-urlencoded. A warning: 2 published connectors miss it and were accepted.",
    *check(ctx) {
      const rootConsumes = Array.isArray(ctx.definition.consumes) ? ctx.definition.consumes : [];
      for (const op of ctx.operations) {
        const form = op.parameters.find((p) => p.param.in === "formData");
        if (!form) continue;
        const consumes = Array.isArray(op.operation.consumes) ? op.operation.consumes : rootConsumes;
        if (
          !consumes.some(
            (c) =>
              typeof c === "string" && /^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(c),
          )
        ) {
          yield {
            path: Array.isArray(op.operation.consumes) ? child(op.pointer, "consumes") : op.pointer,
            message: `${describeOp(op)} has form fields${form.param.type === "file" ? " with a file" : ""} but does not consume "multipart/form-data" or "application/x-www-form-urlencoded". Add the right one to "consumes".`,
          };
        }
      }
    },
  },
  {
    id: "MimeTypeNotValid",
    severity: "warning",
    file: D,
    summary: "`consumes` and `produces` entries are MIME types (type/subtype).",
    *check(ctx) {
      const check = function* (list: unknown, pointer: string) {
        if (!Array.isArray(list)) return;
        for (const [i, m] of list.entries()) {
          if (typeof m !== "string" || !/^[\w.+*-]+\/[\w.+*-]+(\s*;.*)?$/.test(m.trim())) {
            yield {
              path: child(pointer, i),
              message: `${JSON.stringify(m)} is not a MIME type such as "application/json".`,
            };
          }
        }
      };
      yield* check(ctx.definition.consumes, "/consumes");
      yield* check(ctx.definition.produces, "/produces");
      for (const op of ctx.operations) {
        yield* check(op.operation.consumes, child(op.pointer, "consumes"));
        yield* check(op.operation.produces, child(op.pointer, "produces"));
      }
    },
  },
  {
    id: "InvalidNextLinkNameValue",
    severity: "error",
    file: D,
    summary: '`x-ms-pageable.nextLinkName` is "nextLink" or "@odata.nextLink".',
    *check(ctx) {
      for (const op of ctx.operations) {
        const pageable = op.operation["x-ms-pageable"];
        if (pageable === undefined) continue;
        const name = isJsonObject(pageable) ? pageable.nextLinkName : undefined;
        if (name !== "nextLink" && name !== "@odata.nextLink") {
          const caseOnly =
            typeof name === "string" && ["nextlink", "@odata.nextlink"].includes(name.toLowerCase());
          yield {
            severity: caseOnly ? "warning" : "error",
            path: child(op.pointer, "x-ms-pageable"),
            message: `The next-link name ${JSON.stringify(name ?? null)} of ${describeOp(op)} is not supported. Use "nextLink" or "@odata.nextLink" (add an "updatenextlink" policy if your API uses another name).`,
          };
        }
      }
    },
  },
  {
    id: "ApiAnnotationExtensionReplacementInfoForNonDeprecatedOperations",
    severity: "warning",
    file: D,
    summary: "`x-ms-api-annotation.replacement` only on deprecated operations, with `api` and `operationId`.",
    *check(ctx) {
      for (const op of ctx.operations) {
        const ann = op.operation["x-ms-api-annotation"];
        if (!isJsonObject(ann) || ann.replacement === undefined) continue;
        const path = child(child(op.pointer, "x-ms-api-annotation"), "replacement");
        if (op.operation.deprecated !== true) {
          yield {
            path,
            message: `${describeOp(op)} names a replacement but is not deprecated. Set "deprecated": true or remove the replacement.`,
          };
        }
        const rep = ann.replacement;
        if (isJsonObject(rep)) {
          if (typeof rep.api !== "string") {
            yield {
              path,
              ruleId: "ApiAnnotationExtensionReplacementInfoMissingApiProperty",
              message: `The replacement of ${describeOp(op)} needs an "api" name.`,
            };
          }
          if (typeof rep.operationId !== "string") {
            yield {
              path,
              ruleId: "ApiAnnotationExtensionReplacementInfoMissingOperationIdProperty",
              message: `The replacement of ${describeOp(op)} needs an "operationId".`,
            };
          }
        }
      }
    },
  },
  {
    id: "OperationFamilyHasDuplicateRevisions",
    severity: "error",
    file: D,
    summary: "Operations of one `x-ms-api-annotation.family` have distinct revisions.",
    *check(ctx) {
      const families = new Map<string, Map<number, OperationInfo>>();
      for (const op of ctx.operations) {
        const ann = op.operation["x-ms-api-annotation"];
        if (!isJsonObject(ann) || typeof ann.family !== "string" || typeof ann.revision !== "number")
          continue;
        const revs = families.get(ann.family) ?? new Map<number, OperationInfo>();
        families.set(ann.family, revs);
        const first = revs.get(ann.revision);
        if (first) {
          yield {
            path: child(op.pointer, "x-ms-api-annotation"),
            message: `${describeOp(op)} and ${describeOp(first)} are both revision ${ann.revision} of family "${ann.family}". Give each revision its own number.`,
          };
        } else revs.set(ann.revision, op);
      }
    },
  },
];
