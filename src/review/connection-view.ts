import type { ConnectorDocument } from "../model/connector-document";
import { POLICY_OPERATIONS_KEY } from "../model/api-properties";
import { isJsonObject, type JsonObject, type JsonValue } from "../model/json-value";

/** OAuth settings as a reviewer reads them; the client secret is never part of it. */
export interface OAuthView {
  identityProvider: string;
  clientId: string | null;
  scopes: string[];
  redirectMode: string;
  redirectUrl: string | null;
  /** Authorization, token, refresh URLs and the other custom parameters, by name. */
  urls: { name: string; value: string }[];
  /** True when the file carries a client secret (never shown, never written). */
  hasClientSecret: boolean;
}

/** One connection parameter as the connection dialog shows it. */
export interface ConnectionFieldView {
  name: string;
  label: string;
  tooltip: string | null;
  description: string | null;
  type: string;
  required: boolean;
  hidden: boolean;
  allowedValues: { text: string; value: string }[];
  oauth: OAuthView | null;
}

/** One policy with its values and the operations it runs on. */
export interface PolicyView {
  title: string;
  templateId: string;
  /** The template's name in the Definition step's policy list, when known. */
  templateName: string | null;
  values: { name: string; value: string }[];
  /** Operation ids, or null for every operation. */
  operations: string[] | null;
}

export interface ConnectionView {
  /** Authentication options (multi-auth `connectionParameterSets`), each with its fields; one unnamed otherwise. */
  options: { name: string | null; fields: ConnectionFieldView[] }[];
  policies: PolicyView[];
}

/** The wizard's names of the policy templates (connector-format reference, §4.8). */
const TEMPLATE_NAMES: Record<string, string> = {
  setheader: "Set HTTP header",
  dynamichosturl: "Set host URL",
  routerequesttoendpoint: "Route request",
  setproperty: "Set property",
  setqueryparameter: "Set query string parameter",
  pollingtrigger: "Polling trigger",
  stringreplace: "String replace",
  updatenextlink: "Update next link",
  convertobjecttoarray: "Convert an object to an array",
  setvaluefromurl: "Set header/query parameter value from URL",
  convertarraytoobject: "Convert an array to an object",
  stringtoarray: "Convert delimited string into array of objects",
  encodepropertyvalue: "Encode property value",
};

const PARAMETER_PREFIX = "x-ms-apimTemplateParameter.";

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

function words(value: JsonValue | undefined): string {
  return typeof value === "string" ? value : JSON.stringify(value ?? null);
}

function oauthView(settings: JsonObject): OAuthView {
  const custom = isJsonObject(settings.customParameters) ? settings.customParameters : {};
  return {
    identityProvider: text(settings.identityProvider) ?? "oauth2",
    clientId: text(settings.clientId),
    scopes: Array.isArray(settings.scopes)
      ? settings.scopes.filter((s): s is string => typeof s === "string")
      : [],
    redirectMode: text(settings.redirectMode) ?? "Global",
    redirectUrl: text(settings.redirectUrl),
    urls: Object.entries(custom).map(([name, v]) => ({
      name,
      value: isJsonObject(v) && v.value !== undefined ? words(v.value) : words(v),
    })),
    hasClientSecret: settings.clientSecret !== undefined,
  };
}

function fieldView(name: string, param: JsonObject): ConnectionFieldView {
  const ui = isJsonObject(param.uiDefinition) ? param.uiDefinition : {};
  const constraints = isJsonObject(ui.constraints) ? ui.constraints : {};
  const allowed = Array.isArray(constraints.allowedValues)
    ? constraints.allowedValues.filter(isJsonObject)
    : [];
  const type = text(param.type) ?? "string";
  return {
    name,
    label: text(ui.displayName) ?? name,
    tooltip: text(ui.tooltip),
    description: text(ui.description),
    type,
    // An OAuth connection is always signed in to; other parameters are required when the platform's string says.
    required: type === "oauthSetting" || String(constraints.required) === "true",
    hidden: String(constraints.hidden) === "true",
    allowedValues: allowed.map((a) => ({ text: text(a.text) ?? words(a.value), value: words(a.value) })),
    oauth:
      type === "oauthSetting" && isJsonObject(param.oAuthSettings) ? oauthView(param.oAuthSettings) : null,
  };
}

function fieldsOf(params: unknown): ConnectionFieldView[] {
  if (!isJsonObject(params)) return [];
  const fields = Object.entries(params)
    .filter((entry): entry is [string, JsonObject] => isJsonObject(entry[1]))
    .map(([name, p]) => fieldView(name, p));
  const tabIndex = (name: string) => {
    const p = params[name];
    const ui = isJsonObject(p) && isJsonObject(p.uiDefinition) ? p.uiDefinition : {};
    const c = isJsonObject(ui.constraints) ? ui.constraints : {};
    return typeof c.tabIndex === "number" ? c.tabIndex : Number.MAX_SAFE_INTEGER;
  };
  // The dialog orders its fields by tabIndex; those without one keep the file's order.
  return fields
    .map((f, i) => ({ f, i, t: tabIndex(f.name) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.f);
}

function policyView(policy: JsonObject): PolicyView {
  const templateId = text(policy.templateId) ?? "unknown";
  const params = isJsonObject(policy.parameters) ? policy.parameters : {};
  const ops = params[POLICY_OPERATIONS_KEY];
  return {
    title: text(policy.title) ?? templateId,
    templateId,
    templateName: TEMPLATE_NAMES[templateId.toLowerCase()] ?? null,
    values: Object.entries(params)
      .filter(([k]) => k !== POLICY_OPERATIONS_KEY)
      .map(([k, v]) => ({
        name: k.startsWith(PARAMETER_PREFIX) ? k.slice(PARAMETER_PREFIX.length) : k,
        value: words(v),
      })),
    operations: Array.isArray(ops) && ops.length > 0 ? ops.map((o) => words(o)) : null,
  };
}

/**
 * `apiProperties.json` as a reviewer reads it: the connection dialog's fields (label, tooltip, type,
 * required or optional, allowed values; OAuth: identity provider, scopes, redirect mode, client id, never the
 * secret), each authentication option of a multi-auth connector, and each policy with its values and the
 * operations it runs on.
 */
export function describeConnection(doc: ConnectorDocument): ConnectionView {
  const props = isJsonObject(doc.properties.properties) ? doc.properties.properties : {};
  const sets = isJsonObject(props.connectionParameterSets) ? props.connectionParameterSets : null;
  const options =
    sets && Array.isArray(sets.values)
      ? sets.values.filter(isJsonObject).map((set) => {
          const ui = isJsonObject(set.uiDefinition) ? set.uiDefinition : {};
          return { name: text(ui.displayName) ?? text(set.name), fields: fieldsOf(set.parameters) };
        })
      : [{ name: null, fields: fieldsOf(props.connectionParameters) }];
  const policies = Array.isArray(props.policyTemplateInstances)
    ? props.policyTemplateInstances.filter(isJsonObject).map(policyView)
    : [];
  return { options, policies };
}
