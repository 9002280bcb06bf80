import { policyOperationNameSites, POLICY_OPERATIONS_KEY } from "../../model/api-properties";
import { isJsonObject, type JsonObject } from "../../model/json-value";
import { child } from "../rule-context";
import { PROPERTIES_FILE, type Finding, type Rule, type RuleContext } from "../rule-types";

const P = PROPERTIES_FILE;
const BASE = "/properties";

/** Allowed `customParameters` per identity provider (paconn-apiProperties schema, case-folded). */
export const PROVIDER_CUSTOM_PARAMETERS: Record<string, { allowed: string[]; required: string[] }> = {
  oauth2: { allowed: ["authorizationUrl", "tokenUrl", "refreshUrl"], required: [] },
  oauth2generic: {
    allowed: [
      "authorizationUrlTemplate",
      "authorizationUrlQueryStringTemplate",
      "tokenUrlTemplate",
      "tokenUrlQueryStringTemplate",
      "tokenBodyTemplate",
      "refreshUrlTemplate",
      "refreshUrlQueryStringTemplate",
      "refreshBodyTemplate",
      "scopeListDelimiter",
    ],
    required: [],
  },
  aad: {
    allowed: ["resourceUri", "loginUri", "tenantId", "enableOnbehalfOfLogin"],
    required: ["resourceUri"],
  },
  aadcertificate: {
    allowed: ["resourceUri", "loginUri", "loginUriAAD", "tenantId"],
    required: ["resourceUri"],
  },
  facebook: { allowed: [], required: [] },
};

/** Policy templates and their required parameters (without the `x-ms-apimTemplateParameter.` prefix). */
export const POLICY_TEMPLATES: Record<string, string[]> = {
  setheader: ["name", "value"],
  setqueryparameter: ["name", "value"],
  dynamichosturl: ["urlTemplate"],
  routerequesttoendpoint: ["newPath"],
  setproperty: ["newPropertyParentPathTemplate", "newPropertySubPathTemplate", "propertyValuePathTemplate"],
  pollingtrigger: ["triggerConfig", "triggerDataPath"],
  updatenextlink: ["nextLinkPropertyName"],
  setvaluefromurl: ["parameterTemplate", "parameterValueUrl", "parameterValuePathTemplate"],
  stringreplace: ["propertyParentPath", "newPropertyPath"],
  stringtoarray: ["propertyParentPath", "newPropertyPath"],
  convertarraytoobject: ["propertyParentPath", "newPropertyPath"],
  convertobjecttoarray: ["propertyParentPath", "newPropertyPath"],
  encodepropertyvalue: ["propertyParentPath", "newPropertyPath"],
  // Seen in published connectors, not in the repo schema: accepted by the platform.
  dynamicsubdomain: [],
  moveproperties: [],
  setconnectionstatustounauthenticated: [],
};

const PARAMETER_TYPES = ["string", "securestring", "int", "bool", "oauthSetting", "gatewaySetting"];
const PARAM_PREFIX = "x-ms-apimTemplateParameter.";

/** Every connection parameter, in `connectionParameters` and in each `connectionParameterSets` value. */
function* connectionParameters(
  ctx: RuleContext,
): Generator<{ name: string; param: JsonObject; pointer: string }> {
  const direct = ctx.apiProperties.connectionParameters;
  if (isJsonObject(direct)) {
    for (const name of Object.keys(direct)) {
      const p = direct[name];
      if (isJsonObject(p))
        yield { name, param: p, pointer: child(child(BASE, "connectionParameters"), name) };
    }
  }
  const sets = ctx.apiProperties.connectionParameterSets;
  const values = isJsonObject(sets) ? sets.values : undefined;
  if (Array.isArray(values)) {
    for (const [i, set] of values.entries()) {
      if (!isJsonObject(set) || !isJsonObject(set.parameters)) continue;
      for (const name of Object.keys(set.parameters)) {
        const p = set.parameters[name];
        if (isJsonObject(p))
          yield {
            name,
            param: p,
            pointer: child(
              child(child(child(child(BASE, "connectionParameterSets"), "values"), i), "parameters"),
              name,
            ),
          };
      }
    }
  }
}

function* policies(ctx: RuleContext): Generator<{ policy: JsonObject; pointer: string; index: number }> {
  const list = ctx.apiProperties.policyTemplateInstances;
  if (!Array.isArray(list)) return;
  for (const [index, policy] of list.entries()) {
    if (isJsonObject(policy))
      yield { policy, index, pointer: child(child(BASE, "policyTemplateInstances"), index) };
  }
}

/** Rules about apiProperties.json. */
export const apiPropertiesRules: Rule[] = [
  {
    id: "IconBrandColorNotValid",
    severity: "error",
    file: P,
    summary: "`iconBrandColor` is present (the only required apiProperties field) and a hex colour.",
    *check(ctx) {
      if (!isJsonObject(ctx.doc.properties.properties)) {
        yield {
          path: "",
          ruleId: "RequiredPropertyMissing",
          message: 'apiProperties.json needs a "properties" object (with at least "iconBrandColor").',
        };
        return;
      }
      const color = ctx.apiProperties.iconBrandColor;
      if (color === undefined) {
        yield {
          path: BASE,
          ruleId: "RequiredPropertyMissing",
          message:
            'apiProperties.json has no "iconBrandColor". Set the icon background colour (e.g. "#0f5fb8") in the General step.',
        };
      } else if (typeof color !== "string" || !/^#[0-9a-fA-F]{6}$/.test(color)) {
        yield {
          path: child(BASE, "iconBrandColor"),
          message: `The icon background colour ${JSON.stringify(color)} is not a hex colour such as "#0f5fb8".`,
        };
      }
    },
  },
  {
    id: "ConnectionParameterNameNotValid",
    severity: "warning",
    file: P,
    summary: "Connection parameter names use letters, digits and `_` (or `name:sub`).",
    *check(ctx) {
      for (const { name, pointer } of connectionParameters(ctx)) {
        if (!/^[0-9a-zA-Z_]+(:[0-9a-zA-Z_]+)?$/.test(name)) {
          yield {
            path: pointer,
            message: `The connection parameter name "${name}" may only contain letters, digits and "_" (optionally "name:sub"). Rename it, and update policies that use @connectionParameters('${name}').`,
          };
        }
      }
    },
  },
  {
    id: "ConnectionParameterTypeNotValid",
    severity: "error",
    file: P,
    summary:
      "Connection parameter types are string, securestring, int, bool, oauthSetting or gatewaySetting (wrong case is a warning).",
    *check(ctx) {
      for (const { name, param, pointer } of connectionParameters(ctx)) {
        const type = param.type;
        if (typeof type === "string" && PARAMETER_TYPES.includes(type)) continue;
        const fixed =
          typeof type === "string"
            ? PARAMETER_TYPES.find((t) => t.toLowerCase() === type.toLowerCase())
            : undefined;
        yield {
          path: child(pointer, "type"),
          severity: fixed ? "warning" : "error",
          message: fixed
            ? `The connection parameter "${name}" has type "${String(type)}"; write "${fixed}".`
            : `The connection parameter "${name}" has type ${JSON.stringify(type)}; use one of ${PARAMETER_TYPES.join(", ")}.`,
        };
      }
    },
  },
  {
    id: "ConstraintValueNotString",
    severity: "info",
    file: P,
    summary:
      'Our rule: `uiDefinition.constraints.required`/`hidden` are the strings "true"/"false", not booleans.',
    *check(ctx) {
      for (const { name, param, pointer } of connectionParameters(ctx)) {
        const ui = param.uiDefinition;
        const constraints = isJsonObject(ui) ? ui.constraints : undefined;
        if (!isJsonObject(constraints)) continue;
        for (const key of ["required", "hidden"]) {
          if (typeof constraints[key] === "boolean") {
            yield {
              path: child(child(child(pointer, "uiDefinition"), "constraints"), key),
              message: `"${key}" of the connection parameter "${name}" is a boolean; the schema expects the string "${String(constraints[key])}".`,
            };
          }
        }
      }
    },
  },
  {
    id: "IdentityProviderNotValid",
    severity: "warning",
    file: P,
    summary:
      "OAuth parameters name a known identity provider, with the customParameters that provider takes (aad needs resourceUri) and a known redirectMode.",
    *check(ctx) {
      for (const { name, param, pointer } of connectionParameters(ctx)) {
        if (typeof param.type !== "string" || param.type.toLowerCase() !== "oauthsetting") continue;
        const settings = param.oAuthSettings;
        const at = child(pointer, "oAuthSettings");
        if (!isJsonObject(settings)) {
          yield {
            path: pointer,
            ruleId: "RequiredPropertyMissing",
            message: `The OAuth parameter "${name}" has no "oAuthSettings", so no sign-in can be configured for it.`,
          };
          continue;
        }
        const provider = settings.identityProvider;
        const spec = typeof provider === "string" ? PROVIDER_CUSTOM_PARAMETERS[provider] : undefined;
        if (typeof provider !== "string") {
          yield {
            path: at,
            severity: "error",
            ruleId: "RequiredPropertyMissing",
            message: `The OAuth settings of "${name}" name no "identityProvider".`,
          };
        } else if (!spec) {
          yield {
            path: child(at, "identityProvider"),
            message: `The identity provider "${provider}" is not one the designer knows (oauth2, oauth2generic, aad, aadcertificate, facebook). It may work for a certified connector but cannot be edited here.`,
          };
        }
        const redirect = settings.redirectMode;
        if (
          redirect !== undefined &&
          redirect !== "Global" &&
          redirect !== "GlobalPerConnector" &&
          redirect !== "Direct"
        ) {
          yield {
            path: child(at, "redirectMode"),
            message: `The redirect mode ${JSON.stringify(redirect)} is not valid; use "Global", "GlobalPerConnector" or "Direct" (capitalised).`,
          };
        }
        if (!spec) continue;
        const custom = isJsonObject(settings.customParameters) ? settings.customParameters : {};
        for (const key of Object.keys(custom)) {
          if (!spec.allowed.includes(key)) {
            const fix = spec.allowed.find((k) => k.toLowerCase() === key.toLowerCase());
            yield {
              path: child(child(at, "customParameters"), key),
              severity: "info",
              message: fix
                ? `The custom parameter "${key}" should be spelled "${fix}".`
                : `The ${String(provider)} provider does not use the custom parameter "${key}".`,
            };
          }
        }
        for (const key of spec.required) {
          const present = Object.keys(custom).some((k) => k.toLowerCase() === key.toLowerCase());
          if (!present) {
            yield {
              path: at,
              message: `The ${String(provider)} provider needs the custom parameter "${key}" (e.g. the resource URL of your API).`,
            };
          }
        }
      }
    },
  },
  {
    id: "PolicyTemplateNotValid",
    severity: "warning",
    file: P,
    summary:
      "Policy templateIds are known (any case) and their required parameters and enumerations are set.",
    *check(ctx) {
      for (const { policy, pointer } of policies(ctx)) {
        const id = policy.templateId;
        if (typeof id !== "string") {
          yield {
            path: pointer,
            severity: "error",
            ruleId: "RequiredPropertyMissing",
            message: 'This policy has no "templateId".',
          };
          continue;
        }
        const required = POLICY_TEMPLATES[id.toLowerCase()];
        const label = typeof policy.title === "string" ? `"${policy.title}"` : `"${id}"`;
        if (!required) {
          yield {
            path: child(pointer, "templateId"),
            message: `The policy template "${id}" is not known; the platform may reject it. Known templates: ${Object.keys(POLICY_TEMPLATES).slice(0, 13).join(", ")}.`,
          };
          continue;
        }
        const params = isJsonObject(policy.parameters) ? policy.parameters : {};
        for (const name of required) {
          const v = params[PARAM_PREFIX + name];
          if (v === undefined || v === "") {
            yield {
              path: child(pointer, "parameters"),
              message: `The policy ${label} (${id}) needs the parameter "${name}".`,
            };
          }
        }
        const exists = params[`${PARAM_PREFIX}existsAction`];
        if (exists !== undefined && !["override", "skip", "append"].includes(String(exists))) {
          yield {
            path: child(child(pointer, "parameters"), `${PARAM_PREFIX}existsAction`),
            message: `"existsAction" of the policy ${label} is ${JSON.stringify(exists)}; use "override", "skip" or "append".`,
          };
        }
        const section = params["x-ms-apimTemplate-policySection"];
        if (section !== undefined && !["Request", "Response", "Failure"].includes(String(section))) {
          yield {
            path: child(child(pointer, "parameters"), "x-ms-apimTemplate-policySection"),
            message: `The policy ${label} runs on ${JSON.stringify(section)}; use "Request", "Response" or "Failure".`,
          };
        }
      }
    },
  },
  {
    id: "PolicyOperationIdNotFound",
    severity: "warning",
    file: P,
    summary: `Operation ids named by policies (\`${POLICY_OPERATIONS_KEY}\`) and by custom code (\`scriptOperations\`) exist (OperationIdNotFound). A warning: the name is simply never matched, and 7 published connectors carry such leftovers.`,
    *check(ctx) {
      const out: Finding[] = [];
      for (const { policy, pointer } of policies(ctx)) {
        for (const { name, segments } of policyOperationNameSites(policy)) {
          if (!ctx.operationIds.has(name)) {
            out.push({
              path: segments.reduce(child, pointer),
              ruleId: "OperationIdNotFound",
              message: `The policy "${String(policy.title ?? policy.templateId)}" applies to the operation "${name}", which does not exist. Remove it from the policy's operations or fix the name.`,
            });
          }
        }
      }
      const script = ctx.apiProperties.scriptOperations;
      if (Array.isArray(script)) {
        for (const [i, name] of script.entries()) {
          if (typeof name === "string" && !ctx.operationIds.has(name)) {
            out.push({
              path: child(child(BASE, "scriptOperations"), i),
              ruleId: "OperationIdNotFound",
              message: `Custom code is set to run for the operation "${name}", which does not exist. Remove it in the Code step or fix the name.`,
            });
          }
        }
      }
      yield* out;
    },
  },
  {
    id: "ScriptOperationsWithoutScript",
    severity: "info",
    file: P,
    summary:
      "Our rule: custom code is enabled for operations but there is no script (or a script and no operations).",
    *check(ctx) {
      const ops = ctx.apiProperties.scriptOperations;
      // Any entry counts, named or not: the list is not the empty "every operation" one.
      const hasOps = Array.isArray(ops) && ops.length > 0;
      if (hasOps && (ctx.doc.script === null || ctx.doc.script.trim() === "")) {
        yield {
          path: child(BASE, "scriptOperations"),
          message:
            "Custom code is enabled for some operations but the connector has no script.csx. Add the code in the Code step or clear the operation list.",
        };
      }
    },
  },
  {
    id: "CustomCodeSizeExceeded",
    severity: "error",
    file: "script.csx",
    summary: "script.csx is at most 1 MB.",
    *check(ctx) {
      const script = ctx.doc.script;
      if (script && new TextEncoder().encode(script).length > 1024 * 1024) {
        yield {
          path: "",
          message:
            "The custom code is larger than 1 MB, the platform's limit. Move helpers out or shorten it.",
        };
      }
    },
  },
];
