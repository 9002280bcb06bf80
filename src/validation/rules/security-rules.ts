import { isJsonObject } from "../../model/json-value";
import { child } from "../rule-context";
import { DEFINITION_FILE, type Finding, type Rule, type RuleContext } from "../rule-types";

const D = DEFINITION_FILE;

/** Every security requirement list (root and per operation) with its pointer. */
function* requirements(ctx: RuleContext): Generator<{ req: Record<string, unknown>; pointer: string }> {
  const walk = function* (list: unknown, base: string) {
    if (!Array.isArray(list)) return;
    for (const [i, req] of list.entries()) if (isJsonObject(req)) yield { req, pointer: child(base, i) };
  };
  yield* walk(ctx.definition.security, "/security");
  for (const op of ctx.operations) yield* walk(op.operation.security, child(op.pointer, "security"));
}

/** Rules about `securityDefinitions` and `security`. */
export const securityRules: Rule[] = [
  {
    id: "SecuritySchemePropertyRequired",
    severity: "error",
    file: D,
    summary: "Each security scheme has the fields its type needs (apiKey: name, in; oauth2: flow and URLs).",
    *check(ctx) {
      const defs = ctx.definition.securityDefinitions;
      if (!isJsonObject(defs)) return;
      for (const key of Object.keys(defs)) {
        const s = defs[key];
        const at = child("/securityDefinitions", key);
        if (!isJsonObject(s)) continue;
        const need = (field: string, why: string): Finding | null =>
          s[field] === undefined
            ? { path: at, message: `The security scheme "${key}" needs "${field}" (${why}).` }
            : null;
        const found: (Finding | null)[] = [];
        if (s.type === "apiKey") {
          found.push(
            need("name", "the header or query name the API expects"),
            need("in", '"header" or "query"'),
          );
          if (s.in !== undefined && s.in !== "header" && s.in !== "query") {
            found.push({
              path: child(at, "in"),
              ruleId: "SecuritySchemePropertyNotValid",
              message: `An API key is sent in "header" or "query", not ${JSON.stringify(s.in)}.`,
            });
          }
        } else if (s.type === "oauth2") {
          found.push(need("flow", '"accessCode"'));
          if (s.flow === "accessCode" || s.flow === "implicit")
            found.push(need("authorizationUrl", "the sign-in page"));
          if (s.flow === "accessCode" || s.flow === "password" || s.flow === "application")
            found.push(need("tokenUrl", "where codes are exchanged for tokens"));
        } else if (s.type !== "basic") {
          found.push({
            path: child(at, "type"),
            ruleId: "SecuritySchemePropertyNotValid",
            message: `The security scheme "${key}" has type ${JSON.stringify(s.type)}; use "basic", "apiKey" or "oauth2".`,
          });
        }
        for (const f of found) if (f) yield f;
      }
    },
  },
  {
    id: "OAuthFlowNotSupported",
    severity: "warning",
    file: D,
    summary:
      'Our rule: OAuth 2.0 flows other than "accessCode" (the platform only runs the authorization-code grant; 3 published connectors declare "implicit").',
    *check(ctx) {
      const defs = ctx.definition.securityDefinitions;
      if (!isJsonObject(defs)) return;
      for (const key of Object.keys(defs)) {
        const s = defs[key];
        if (isJsonObject(s) && s.type === "oauth2" && s.flow !== undefined && s.flow !== "accessCode") {
          yield {
            path: child(child("/securityDefinitions", key), "flow"),
            message: `The OAuth flow "${String(s.flow)}" is not supported: Power Platform only uses the authorization-code grant and will treat it as "accessCode". Set "flow": "accessCode".`,
          };
        }
      }
    },
  },
  {
    id: "SecurityDefinitionKeyedUndefined",
    severity: "warning",
    file: D,
    summary:
      'Our rule: a security definition keyed "undefined" (a serialisation bug of the old wizard; 22 published connectors).',
    *check(ctx) {
      const defs = ctx.definition.securityDefinitions;
      if (isJsonObject(defs) && defs.undefined !== undefined) {
        yield {
          path: "/securityDefinitions/undefined",
          message:
            'A security definition is named "undefined", a leftover of a bug in the old wizard. Rename it (e.g. "oauth2_auth" or "api_key") and update "security".',
        };
      }
    },
  },
  {
    id: "SecurityRequirementMustBeDefined",
    severity: "warning",
    file: D,
    summary:
      "Names in `security` requirements are defined in `securityDefinitions`; scopes only for OAuth (SecurityRequirementMustHaveEmptyValue, OAuthSecurityRequirementValueMustBeScopeName). A warning: 29 published connectors name undefined schemes (auth lives in apiProperties) and were accepted.",
    *check(ctx) {
      const defs = isJsonObject(ctx.definition.securityDefinitions) ? ctx.definition.securityDefinitions : {};
      for (const { req, pointer } of requirements(ctx)) {
        for (const name of Object.keys(req)) {
          const scheme = defs[name];
          const at = child(pointer, name);
          if (!isJsonObject(scheme)) {
            yield {
              path: at,
              message: `The security requirement "${name}" has no matching entry in "securityDefinitions". Add it or fix the name.`,
            };
            continue;
          }
          const value = req[name];
          if (!Array.isArray(value)) continue;
          if (scheme.type !== "oauth2" && value.length > 0) {
            yield {
              path: at,
              ruleId: "SecurityRequirementMustHaveEmptyValue",
              message: `"${name}" is not an OAuth scheme, so its requirement must be an empty list [].`,
            };
          } else if (scheme.type === "oauth2" && isJsonObject(scheme.scopes)) {
            for (const [i, scope] of value.entries()) {
              if (typeof scope === "string" && !(scope in (scheme.scopes as object))) {
                yield {
                  path: child(at, i),
                  ruleId: "OAuthSecurityRequirementValueMustBeScopeName",
                  severity: "warning",
                  message: `The scope "${scope}" is not one of the scopes declared by "${name}". Add it to its "scopes".`,
                };
              }
            }
          }
        }
      }
    },
  },
  {
    id: "MultipleSecurityDefinitions",
    severity: "info",
    file: D,
    summary:
      "Our rule: more than one security definition; the wizard keeps only the first (use connectionParameterSets for multi-auth).",
    *check(ctx) {
      const defs = ctx.definition.securityDefinitions;
      if (isJsonObject(defs) && Object.keys(defs).length > 1) {
        yield {
          path: "/securityDefinitions",
          message: `There are ${Object.keys(defs).length} security definitions; Power Platform uses only the first. For several sign-in options use connection parameter sets in apiProperties.json.`,
        };
      }
    },
  },
];
