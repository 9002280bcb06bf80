import { isJsonObject } from "../../model/json-value";
import { child } from "../rule-context";
import { DEFINITION_FILE, type Finding, type Rule, type RuleContext } from "../rule-types";

const D = DEFINITION_FILE;

/** Policies that send calls to another host than `host` (a placeholder host is then fine). */
const HOST_POLICIES = new Set(["dynamichosturl", "routerequesttoendpoint"]);

/**
 * Placeholder host names: api.contoso.com (what a blank connector and a Postman import without a base URL
 * get), contoso.com and its subdomains, example.com/.org/.net and the reserved .example, .test and .invalid
 * top-level names (RFC 2606).
 */
export function isPlaceholderHost(host: string): boolean {
  const name = host.toLowerCase().replace(/:\d+$/, "");
  return (
    /(^|\.)contoso\.com$/.test(name) ||
    /(^|\.)example\.(com|org|net)$/.test(name) ||
    /\.(example|test|invalid)$/.test(name)
  );
}

/** Rules about the document as a whole: version, host, base path, schemes and the path templates. */
export const definitionRules: Rule[] = [
  {
    id: "SpecificationVersionIncorrect",
    severity: "error",
    file: D,
    summary: '`swagger` must be "2.0" (OpenAPI 3 is not accepted by the platform).',
    *check(ctx) {
      const v = ctx.definition.swagger;
      if (v !== "2.0") {
        yield {
          path: v === undefined ? "" : "/swagger",
          message:
            v === undefined
              ? 'The definition has no "swagger" field. Add "swagger": "2.0"; Power Platform only reads Swagger 2.0.'
              : `"swagger" is ${JSON.stringify(v)}; Power Platform only reads Swagger 2.0. Set it to "2.0" (convert OpenAPI 3 first).`,
        };
      }
    },
  },
  {
    id: "HostNameNotValid",
    severity: "error",
    file: D,
    summary: "`host` is a bare host name with an optional port: no scheme, path, braces or spaces.",
    *check(ctx) {
      const host = ctx.definition.host;
      if (host === undefined) return;
      if (typeof host !== "string" || !/^[^{}/ :\\]+(?::\d+)?$/.test(host)) {
        // A placeholder host replaced at run time by a "Set host URL" policy is accepted (JotForm Enterprise).
        const policies = ctx.apiProperties.policyTemplateInstances;
        const dynamicHost =
          Array.isArray(policies) &&
          policies.some(
            (p) =>
              isJsonObject(p) &&
              typeof p.templateId === "string" &&
              p.templateId.toLowerCase() === "dynamichosturl",
          );
        yield {
          path: "/host",
          severity: dynamicHost && typeof host === "string" && !host.includes("/") ? "warning" : "error",
          message: `The host ${JSON.stringify(host)} is not a host name. Write only the name (and an optional :port), e.g. "api.example.com"; the scheme goes in Scheme and the path in Base URL.`,
        };
      }
    },
  },
  {
    id: "PlaceholderHostName",
    severity: "warning",
    file: D,
    summary:
      "Our rule: the host is a placeholder (api.contoso.com, which imports without a base URL get, or example.com and the reserved .example/.test/.invalid names) and no policy sets the host.",
    *check(ctx) {
      const host = ctx.definition.host;
      if (typeof host !== "string" || !isPlaceholderHost(host)) return;
      const policies = ctx.apiProperties.policyTemplateInstances;
      const setsHost =
        Array.isArray(policies) &&
        policies.some(
          (p) =>
            isJsonObject(p) &&
            typeof p.templateId === "string" &&
            HOST_POLICIES.has(p.templateId.toLowerCase()),
        );
      if (setsHost) return;
      yield {
        path: "/host",
        message: `The host "${host}" is a placeholder, not the API's address: calls will not reach your API. Set the real host on the General step (an import without a base URL gets this placeholder).`,
      };
    },
  },
  {
    id: "BasePathNotValid",
    severity: "error",
    file: D,
    summary: "`basePath` must start with `/`.",
    *check(ctx) {
      const basePath = ctx.definition.basePath;
      if (basePath === undefined) return;
      if (typeof basePath !== "string" || !basePath.startsWith("/") || /[?#{}\s]/.test(basePath)) {
        // A placeholder with spaces in an otherwise valid base path (MongoDB, published) is a warning.
        yield {
          severity:
            typeof basePath === "string" && basePath.startsWith("/") && !/[?#]/.test(basePath)
              ? "warning"
              : "error",
          path: "/basePath",
          message: `The base URL ${JSON.stringify(basePath)} must start with "/" and contain no query, fragment, braces or spaces (e.g. "/api/v1").`,
        };
      }
    },
  },
  {
    id: "SchemesArrayEmpty",
    severity: "error",
    file: D,
    summary: "`schemes` may not be an empty list.",
    *check(ctx) {
      const schemes = ctx.definition.schemes;
      if (Array.isArray(schemes) && schemes.length === 0) {
        yield { path: "/schemes", message: 'The scheme list is empty. Add "https".' };
      }
    },
  },
  {
    id: "SchemeNotValid",
    severity: "error",
    file: D,
    summary: "Schemes are `http` or `https` (WebSocket schemes are reported as SchemeNotSupported).",
    *check(ctx) {
      const schemes = ctx.definition.schemes;
      if (!Array.isArray(schemes)) return;
      for (const [i, s] of schemes.entries()) {
        if (s === "ws" || s === "wss") {
          yield {
            path: `/schemes/${i}`,
            ruleId: "SchemeNotSupported",
            message: `The scheme "${s}" (WebSocket) is not supported by connectors. Use "https".`,
          };
        } else if (s !== "http" && s !== "https") {
          yield {
            path: `/schemes/${i}`,
            message: `The scheme ${JSON.stringify(s)} is not valid. Use "https" or "http".`,
          };
        }
      }
    },
  },
  {
    id: "OperationPathMustStartWithSlash",
    severity: "error",
    file: D,
    summary: "Every path starts with `/`.",
    *check(ctx) {
      for (const path of pathKeys(ctx)) {
        if (!path.startsWith("/") && !path.startsWith("x-")) {
          yield {
            path: child("/paths", path),
            message: `The path "${path}" must start with "/". Write "/${path}".`,
          };
        }
      }
    },
  },
  {
    id: "OperationPathContainsUnsupportedCharacters",
    severity: "error",
    file: D,
    summary: "`*` is not allowed in a path.",
    *check(ctx) {
      for (const path of pathKeys(ctx)) {
        if (path.includes("*")) {
          yield {
            path: child("/paths", path),
            message: `The path "${path}" contains "*", which connectors cannot route. Remove it.`,
          };
        }
      }
    },
  },
  {
    id: "OperationPathMayNotContainQueryOrFragment",
    severity: "error",
    file: D,
    summary: "No `?` or `#` in a path; query values are query parameters.",
    *check(ctx) {
      for (const path of pathKeys(ctx)) {
        if (path.includes("?")) {
          yield {
            path: child("/paths", path),
            message: `The path "${path}" contains "?". Query values are declared as query parameters, not in the path.`,
          };
        } else if (path.includes("#")) {
          // A fragment is never sent to the server: query parameters would be the wrong advice.
          yield {
            path: child("/paths", path),
            message: `The path "${path}" contains "#". A fragment is never sent to the server: remove it from the path (if it only tells two operations on the same path apart, merge them or give one another path).`,
          };
        }
      }
    },
  },
  {
    id: "OperationPathTemplateNotValid",
    severity: "error",
    file: D,
    summary: "Every `{variable}` sits inside one segment and braces are balanced.",
    *check(ctx) {
      for (const path of pathKeys(ctx)) {
        if (!templateIsValid(path)) {
          yield {
            path: child("/paths", path),
            message: `The path template "${path}" is not valid: each {variable} must be closed, not nested and inside one segment.`,
          };
        } else if (/\{[^}]*=[^}]*\}/.test(path)) {
          yield {
            path: child("/paths", path),
            ruleId: "OperationPathVariablesContainDefaults",
            message: `The path "${path}" gives a path variable a default with "=". Remove it and set the parameter's default instead.`,
          };
        }
      }
    },
  },
  {
    id: "PathRedefined",
    severity: "error",
    file: D,
    summary: "The same path may not be defined twice with different capitalisation.",
    *check(ctx) {
      const seen = new Map<string, string>();
      for (const path of pathKeys(ctx)) {
        const key = path.toLowerCase();
        const first = seen.get(key);
        if (first !== undefined) {
          yield {
            path: child("/paths", path),
            message: `The path "${path}" is defined again with different capitalisation ("${first}"). Merge them into one path.`,
          };
        } else seen.set(key, path);
      }
    },
  },
  {
    id: "DuplicateOperationPath",
    severity: "error",
    file: D,
    summary: "Two operations with the same method whose path templates differ only in variable names.",
    *check(ctx) {
      const seen = new Map<string, string>();
      for (const op of ctx.operations) {
        const shape = `${op.method} ${op.path.replace(/\{[^}]*\}/g, "{}").toLowerCase()}`;
        const first = seen.get(shape);
        if (first !== undefined && first !== op.path) {
          yield {
            path: op.pointer,
            message: `${op.method.toUpperCase()} ${op.path} cannot be told apart from ${op.method.toUpperCase()} ${first}: only the variable names differ. Keep one of them.`,
          };
        } else seen.set(shape, op.path);
      }
    },
  },
  {
    id: "PathItemRefNotSuppored",
    severity: "error",
    file: D,
    summary: "A path item may not be a `$ref` (the platform's id keeps Microsoft's spelling).",
    *check(ctx) {
      const paths = ctx.definition.paths;
      if (!isJsonObject(paths)) return;
      for (const path of Object.keys(paths)) {
        const item = paths[path];
        if (isJsonObject(item) && typeof item.$ref === "string") {
          yield {
            path: child("/paths", path),
            message: `The path "${path}" is a $ref to ${item.$ref}. Connectors do not support referenced path items; write the operations inline.`,
          };
        }
      }
    },
  },
];

function pathKeys(ctx: RuleContext): string[] {
  const paths = ctx.definition.paths;
  return isJsonObject(paths) ? Object.keys(paths).filter((p) => !p.startsWith("x-")) : [];
}

/** Balanced, non-nested braces, and no brace spanning a `/`. */
export function templateIsValid(path: string): boolean {
  let open = false;
  for (const ch of path) {
    if (ch === "{") {
      if (open) return false;
      open = true;
    } else if (ch === "}") {
      if (!open) return false;
      open = false;
    } else if (ch === "/" && open) return false;
  }
  return !open;
}

export type { Finding };
