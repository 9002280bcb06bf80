/**
 * The Security step as pure functions. Authentication lives in two files: the definition's
 * `securityDefinitions`/`security` and apiProperties' `connectionParameters` (or `connectionParameterSets`
 * for several authentication options). Readers derive flat form values; writers change one field in every
 * place it lives, as published connectors hold it, and are no-ops when the value is already there.
 *
 * Client secrets never enter the document: the form does not write `clientSecret`, and
 * {@link stripClientSecrets} removes one that an imported file carried. Every writer leaves it out anyway
 * (`documentForWriting` in model/secrets).
 */
import type { Command } from "../command";
import type { ConnectorDocument } from "../connector-document";
import { getAtPointer, removeAtPointer, setAtPointer, toPointer } from "../json-pointer";
import { isJsonObject, KEY_ORDER, orderedKeys, type JsonObject } from "../json-value";
import { hasClientSecret, withoutClientSecrets } from "../secrets";
import { hasGateway } from "./general";

export type AuthType = "none" | "basic" | "apiKey" | "oauth2";

export const AUTH_TYPES: readonly { id: AuthType; label: string }[] = [
  { id: "none", label: "No authentication" },
  { id: "basic", label: "Basic authentication" },
  { id: "apiKey", label: "API Key" },
  { id: "oauth2", label: "OAuth 2.0" },
];

/** Why an auth type cannot be used with the on-premises data gateway, or null when it can. */
export function gatewayRestriction(type: AuthType): string | null {
  if (type === "apiKey") return "not supported through the on-premises data gateway";
  if (type === "oauth2") return "not supported through the on-premises data gateway";
  return null;
}

/**
 * OAuth identity providers. `oauth2`, `aad`, `oauth2generic`, `aadcertificate` and `facebook` are seen in
 * published connectors; the other social provider ids follow the same lower-case pattern (not confirmed in
 * published files). An unknown provider from an imported file is shown as is and kept.
 */
export const IDENTITY_PROVIDERS: readonly { id: string; label: string }[] = [
  { id: "oauth2", label: "Generic OAuth 2" },
  { id: "aad", label: "Azure Active Directory" },
  { id: "oauth2generic", label: "Generic OAuth 2 (URL and body templates)" },
  { id: "aadcertificate", label: "Azure Active Directory (certificate, first party)" },
  { id: "facebook", label: "Facebook" },
  { id: "google", label: "Google" },
  { id: "github", label: "GitHub" },
  { id: "dropbox", label: "Dropbox" },
  { id: "salesforce", label: "Salesforce" },
  { id: "microsoftaccount", label: "Microsoft account" },
];

export const REDIRECT_MODES = ["Global", "GlobalPerConnector", "Direct"] as const;
export type RedirectMode = (typeof REDIRECT_MODES)[number];
export const GLOBAL_REDIRECT_URL = "https://global.consent.azure-apim.net/redirect";
export const DEFAULT_AAD_LOGIN_URI = "https://login.microsoftonline.com";

/** `customParameters` of the generic-template provider (`oauth2generic`), in the order the form shows them. */
export const OAUTH_TEMPLATE_KEYS = [
  "authorizationUrlTemplate",
  "authorizationUrlQueryStringTemplate",
  "tokenUrlTemplate",
  "tokenUrlQueryStringTemplate",
  "tokenBodyTemplate",
  "refreshUrlTemplate",
  "refreshUrlQueryStringTemplate",
  "refreshBodyTemplate",
  "scopeListDelimiter",
] as const;
export type OAuthTemplateKey = (typeof OAUTH_TEMPLATE_KEYS)[number];

export interface SecurityFormValues {
  authType: AuthType;
  userNameLabel: string;
  passwordLabel: string;
  apiKeyLabel: string;
  apiKeyName: string;
  apiKeyLocation: "header" | "query";
  identityProvider: string;
  clientId: string;
  authorizationUrl: string;
  tokenUrl: string;
  refreshUrl: string;
  scope: string;
  redirectMode: RedirectMode;
  loginUri: string;
  tenantId: string;
  resourceUri: string;
  loginUriAAD: string;
  onBehalfOf: boolean;
  templates: Record<OAuthTemplateKey, string>;
}

/** A field of the Security form that one command writes. */
export type SecurityField =
  Exclude<keyof SecurityFormValues, "authType" | "templates"> | `template:${OAuthTemplateKey}`;

const CP = "/properties/connectionParameters";

function str(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function connectionParameters(doc: ConnectorDocument): JsonObject {
  const cp = getAtPointer(doc.properties, CP);
  return isJsonObject(cp) ? cp : {};
}

/** The key of the security scheme the form edits (the first one, as the original wizard does). */
export function primarySchemeName(doc: ConnectorDocument): string | null {
  const defs = doc.definition.securityDefinitions;
  if (!isJsonObject(defs)) return null;
  const first = orderedKeys(defs).find((key) => isJsonObject(defs[key]));
  return first ?? null;
}

function primaryScheme(doc: ConnectorDocument): JsonObject {
  const name = primarySchemeName(doc);
  const scheme = name ? doc.definition.securityDefinitions?.[name] : undefined;
  return isJsonObject(scheme) ? scheme : {};
}

/** The name of the connection parameter of type `oauthSetting` (usually `token`), or null. */
export function oauthParameterName(doc: ConnectorDocument): string | null {
  const cp = connectionParameters(doc);
  return orderedKeys(cp).find((key) => isJsonObject(cp[key]) && cp[key].type === "oauthSetting") ?? null;
}

/** The connection parameter that holds the API key (`api_key` by convention). */
export function apiKeyParameterName(doc: ConnectorDocument): string {
  const cp = connectionParameters(doc);
  if (isJsonObject(cp.api_key)) return "api_key";
  const schemeName = primarySchemeName(doc);
  if (schemeName && isJsonObject(cp[schemeName])) return schemeName;
  const secure = orderedKeys(cp).find(
    (key) =>
      isJsonObject(cp[key]) && cp[key].type === "securestring" && key !== "username" && key !== "password",
  );
  return secure ?? "api_key";
}

/** Which authentication type the document uses. */
export function readAuthType(doc: ConnectorDocument): AuthType {
  const type = primaryScheme(doc).type;
  if (type === "basic" || type === "apiKey" || type === "oauth2") return type;
  if (oauthParameterName(doc)) return "oauth2";
  return "none";
}

function oauthSettingsPointer(doc: ConnectorDocument): string | null {
  const name = oauthParameterName(doc);
  return name ? `${CP}/${escape(name)}/oAuthSettings` : null;
}

function escape(token: string): string {
  return toPointer([token]).slice(1);
}

function oauthSettings(doc: ConnectorDocument): JsonObject {
  const pointer = oauthSettingsPointer(doc);
  const settings = pointer ? getAtPointer(doc.properties, pointer) : undefined;
  return isJsonObject(settings) ? settings : {};
}

function customValue(settings: JsonObject, key: string): string {
  const custom = settings.customParameters;
  if (!isJsonObject(custom)) return "";
  const entry = custom[key];
  return isJsonObject(entry) ? str(entry.value) : "";
}

function normalizeRedirectMode(value: unknown): RedirectMode {
  const text = str(value).toLowerCase();
  return REDIRECT_MODES.find((mode) => mode.toLowerCase() === text) ?? "Global";
}

function scopesText(doc: ConnectorDocument): string {
  const scopes = oauthSettings(doc).scopes;
  if (Array.isArray(scopes)) return scopes.filter((s) => typeof s === "string").join(" ");
  const swaggerScopes = primaryScheme(doc).scopes;
  return isJsonObject(swaggerScopes) ? orderedKeys(swaggerScopes).join(" ") : "";
}

function displayNameOf(doc: ConnectorDocument, param: string): string {
  return str(getAtPointer(doc.properties, `${CP}/${escape(param)}/uiDefinition/displayName`));
}

/** Reads the Security form values from a document. */
export function toSecurityFormValues(doc: ConnectorDocument): SecurityFormValues {
  const scheme = primaryScheme(doc);
  const settings = oauthSettings(doc);
  const props = isJsonObject(settings.properties) ? settings.properties : {};
  const provider = str(settings.identityProvider) || "oauth2";
  const isGenericOAuth = provider === "oauth2";
  const templates = Object.fromEntries(
    OAUTH_TEMPLATE_KEYS.map((key) => [key, customValue(settings, key)]),
  ) as Record<OAuthTemplateKey, string>;
  return {
    authType: readAuthType(doc),
    userNameLabel: displayNameOf(doc, "username"),
    passwordLabel: displayNameOf(doc, "password"),
    apiKeyLabel: displayNameOf(doc, apiKeyParameterName(doc)),
    apiKeyName: str(scheme.name),
    apiKeyLocation: scheme.in === "query" ? "query" : "header",
    identityProvider: provider,
    clientId: str(settings.clientId),
    authorizationUrl:
      (isGenericOAuth && customValue(settings, "authorizationUrl")) || str(scheme.authorizationUrl),
    tokenUrl: (isGenericOAuth && customValue(settings, "tokenUrl")) || str(scheme.tokenUrl),
    refreshUrl: customValue(settings, "refreshUrl"),
    scope: scopesText(doc),
    redirectMode: normalizeRedirectMode(settings.redirectMode),
    loginUri: customValue(settings, "loginUri"),
    tenantId: customValue(settings, "tenantId"),
    resourceUri: customValue(settings, "resourceUri"),
    loginUriAAD: customValue(settings, "loginUriAAD"),
    onBehalfOf:
      props.IsOnbehalfofLoginSupported === true ||
      str(props.IsOnbehalfofLoginSupported).toLowerCase() === "true",
    templates,
  };
}

/** The redirect URL the connection will use (read-only in the form). */
export function redirectUrlFor(doc: ConnectorDocument): string {
  const settings = oauthSettings(doc);
  const stored = str(settings.redirectUrl);
  if (stored !== "") return stored;
  const mode = normalizeRedirectMode(settings.redirectMode);
  if (mode === "GlobalPerConnector") return `${GLOBAL_REDIRECT_URL}/${connectorSlug(doc)}`;
  return GLOBAL_REDIRECT_URL;
}

function connectorSlug(doc: ConnectorDocument): string {
  return (str(doc.definition.info?.title) || "connector").toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** True when an imported apiProperties.json carries a client secret value (every writer leaves it out). */
export function hasStoredClientSecret(properties: JsonObject): boolean {
  return hasClientSecret(properties);
}

/** Removes every `oAuthSettings.clientSecret` value, the way every writer does (`documentForWriting` in model/secrets). */
export function stripClientSecrets(properties: JsonObject): JsonObject {
  return withoutClientSecrets(properties).properties;
}

/** A command that removes stored client secrets from the document. */
export function removeClientSecrets(): Command {
  return {
    name: "security:remove:client-secret",
    label: "Remove client secret",
    apply: (doc) => {
      const properties = stripClientSecrets(doc.properties);
      return properties === doc.properties ? doc : { ...doc, properties };
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Field writers

function setProp(doc: ConnectorDocument, pointer: string, value: unknown): ConnectorDocument {
  if (getAtPointer(doc.properties, pointer) === value) return doc;
  return { ...doc, properties: setAtPointer(doc.properties, pointer, value) };
}

function setDef(doc: ConnectorDocument, pointer: string, value: unknown): ConnectorDocument {
  if (getAtPointer(doc.definition, pointer) === value) return doc;
  return { ...doc, definition: setAtPointer(doc.definition, pointer, value) };
}

function removeProp(doc: ConnectorDocument, pointer: string): ConnectorDocument {
  if (getAtPointer(doc.properties, pointer) === undefined) return doc;
  return { ...doc, properties: removeAtPointer(doc.properties, pointer) };
}

function schemePointer(doc: ConnectorDocument): string | null {
  const name = primarySchemeName(doc);
  return name ? `/securityDefinitions/${escape(name)}` : null;
}

function setCustomParameter(doc: ConnectorDocument, key: string, value: string): ConnectorDocument {
  const base = oauthSettingsPointer(doc);
  if (!base) return doc;
  const pointer = `${base}/customParameters/${escape(key)}`;
  if (value === "") return removeProp(doc, pointer);
  const existing = getAtPointer(doc.properties, pointer);
  if (isJsonObject(existing)) return setProp(doc, `${pointer}/value`, value);
  return setProp(doc, pointer, { value });
}

function setSchemeUrl(
  doc: ConnectorDocument,
  key: "authorizationUrl" | "tokenUrl",
  value: string,
): ConnectorDocument {
  const pointer = schemePointer(doc);
  if (!pointer || primaryScheme(doc).type !== "oauth2") return doc;
  return setDef(doc, `${pointer}/${key}`, value);
}

/** Splits the Scope field into scopes (spaces or commas between them). */
export function parseScopes(text: string): string[] {
  return text.split(/[\s,]+/).filter((s) => s !== "");
}

function writeScopes(doc: ConnectorDocument, text: string): ConnectorDocument {
  if (scopesText(doc) === text) return doc;
  const scopes = parseScopes(text);
  let next = doc;
  const base = oauthSettingsPointer(doc);
  if (base) next = setProp(next, `${base}/scopes`, scopes);
  const pointer = schemePointer(doc);
  const name = primarySchemeName(doc);
  if (pointer && name && primaryScheme(doc).type === "oauth2") {
    next = setDef(next, `${pointer}/scopes`, Object.fromEntries(scopes.map((s) => [s, s])));
    next = writeSecurityRequirement(next, name, scopes);
  }
  return next;
}

/** Sets the requirement for `name` in `security`, adding `[{ name: scopes }]` when there is none. */
function writeSecurityRequirement(doc: ConnectorDocument, name: string, scopes: string[]): ConnectorDocument {
  const security = doc.definition.security;
  const list = Array.isArray(security) ? security : [];
  const index = list.findIndex((req) => isJsonObject(req) && name in req);
  if (index >= 0) return setDef(doc, toPointer(["security", index, name]), scopes);
  return setDef(doc, "/security", [...list, { [name]: scopes }]);
}

function aadAuthorizeUrl(loginUri: string, tenantId: string): string {
  return `${(loginUri || DEFAULT_AAD_LOGIN_URI).replace(/\/+$/, "")}/${tenantId || "common"}/oauth2/authorize`;
}

function syncAadSwaggerUrls(doc: ConnectorDocument): ConnectorDocument {
  const values = toSecurityFormValues(doc);
  if (values.identityProvider !== "aad" && values.identityProvider !== "aadcertificate") return doc;
  const url = aadAuthorizeUrl(values.loginUri, values.tenantId);
  return setSchemeUrl(setSchemeUrl(doc, "authorizationUrl", url), "tokenUrl", url);
}

const SECURITY_LABELS: Partial<Record<string, string>> = {
  userNameLabel: "Change user name label",
  passwordLabel: "Change password label",
  apiKeyLabel: "Change API key label",
  apiKeyName: "Change API key parameter name",
  apiKeyLocation: "Change API key location",
  clientId: "Change client ID",
  authorizationUrl: "Change authorization URL",
  tokenUrl: "Change token URL",
  refreshUrl: "Change refresh URL",
  scope: "Change scope",
  redirectMode: "Change redirect mode",
  loginUri: "Change login URL",
  tenantId: "Change tenant ID",
  resourceUri: "Change resource URL",
  loginUriAAD: "Change AAD login URL",
  onBehalfOf: "Change on-behalf-of login",
  identityProvider: "Change identity provider",
};

/** Writes one Security field to every place it lives. No-op when the value is already there. */
export function setSecurityField(field: SecurityField, value: string | boolean): Command {
  return {
    name: `security:set:${field}`,
    label: SECURITY_LABELS[field] ?? "Change OAuth template",
    apply: (doc) => applySecurityField(doc, field, value),
  };
}

function applySecurityField(
  doc: ConnectorDocument,
  field: SecurityField,
  value: string | boolean,
): ConnectorDocument {
  const text = typeof value === "string" ? value : "";
  const current = toSecurityFormValues(doc);
  if (field.startsWith("template:")) {
    const key = field.slice("template:".length) as OAuthTemplateKey;
    return current.templates[key] === text ? doc : setCustomParameter(doc, key, text);
  }
  const key = field as Exclude<SecurityField, `template:${string}`>;
  if (current[key] === value) return doc;
  const oauth = oauthSettingsPointer(doc);
  switch (key) {
    // Labels live on existing parameters only: never create a partial parameter (e.g. when the parameters
    // moved into connectionParameterSets).
    case "userNameLabel":
      return setLabel(doc, "username", text);
    case "passwordLabel":
      return setLabel(doc, "password", text);
    case "apiKeyLabel":
      return setLabel(doc, apiKeyParameterName(doc), text);
    case "apiKeyName": {
      const pointer = schemePointer(doc);
      return pointer ? setDef(doc, `${pointer}/name`, text) : doc;
    }
    case "apiKeyLocation": {
      const pointer = schemePointer(doc);
      return pointer ? setDef(doc, `${pointer}/in`, text === "query" ? "query" : "header") : doc;
    }
    case "identityProvider":
      return switchIdentityProvider(doc, text);
    case "clientId":
      return oauth ? setProp(doc, `${oauth}/clientId`, text) : doc;
    case "authorizationUrl": {
      const next =
        current.identityProvider === "oauth2" ? setCustomParameter(doc, "authorizationUrl", text) : doc;
      return setSchemeUrl(next, "authorizationUrl", text);
    }
    case "tokenUrl": {
      const next = current.identityProvider === "oauth2" ? setCustomParameter(doc, "tokenUrl", text) : doc;
      return setSchemeUrl(next, "tokenUrl", text);
    }
    case "refreshUrl":
      return setCustomParameter(doc, "refreshUrl", text);
    case "scope":
      return writeScopes(doc, text);
    case "redirectMode": {
      if (!oauth) return doc;
      const mode = normalizeRedirectMode(text);
      let next = setProp(doc, `${oauth}/redirectMode`, mode);
      if (mode === "Global") next = setProp(next, `${oauth}/redirectUrl`, GLOBAL_REDIRECT_URL);
      if (mode === "GlobalPerConnector") {
        next = setProp(next, `${oauth}/redirectUrl`, `${GLOBAL_REDIRECT_URL}/${connectorSlug(doc)}`);
      }
      return next;
    }
    case "loginUri":
    case "tenantId":
      return syncAadSwaggerUrls(setCustomParameter(doc, key, text));
    case "resourceUri":
    case "loginUriAAD":
      return setCustomParameter(doc, key, text);
    case "onBehalfOf":
      return oauth ? setProp(doc, `${oauth}/properties/IsOnbehalfofLoginSupported`, value === true) : doc;
    default:
      return doc;
  }
}

function setLabel(doc: ConnectorDocument, param: string, text: string): ConnectorDocument {
  const pointer = `${CP}/${escape(param)}`;
  if (!isJsonObject(getAtPointer(doc.properties, pointer))) return doc;
  return setProp(doc, `${pointer}/uiDefinition/displayName`, text);
}

/** Custom parameters each provider accepts (others are dropped when switching provider). */
const PROVIDER_CUSTOM_PARAMETERS: Record<string, readonly string[]> = {
  oauth2: ["authorizationUrl", "tokenUrl", "refreshUrl"],
  aad: ["loginUri", "tenantId", "resourceUri", "enableOnbehalfOfLogin"],
  aadcertificate: ["loginUri", "tenantId", "resourceUri", "loginUriAAD"],
  oauth2generic: OAUTH_TEMPLATE_KEYS,
};

function switchIdentityProvider(doc: ConnectorDocument, provider: string): ConnectorDocument {
  const base = oauthSettingsPointer(doc);
  if (!base) return doc;
  const settings = oauthSettings(doc);
  const allowed = PROVIDER_CUSTOM_PARAMETERS[provider] ?? [];
  const oldCustom = isJsonObject(settings.customParameters) ? settings.customParameters : {};
  const custom: JsonObject = {};
  for (const key of allowed) if (oldCustom[key] !== undefined) custom[key] = oldCustom[key];
  if (provider === "aad" || provider === "aadcertificate") {
    custom.loginUri ??= { value: DEFAULT_AAD_LOGIN_URI };
    custom.tenantId ??= { value: "common" };
    custom.resourceUri ??= { value: "" };
  }
  if (provider === "oauth2") {
    const scheme = primaryScheme(doc);
    custom.authorizationUrl ??= { value: str(scheme.authorizationUrl) };
    custom.tokenUrl ??= { value: str(scheme.tokenUrl) };
    custom.refreshUrl ??= { value: str(scheme.tokenUrl) };
  }
  const next: JsonObject = { ...settings, identityProvider: provider };
  if (Object.keys(custom).length > 0) next.customParameters = custom;
  else delete next.customParameters;
  const properties = isJsonObject(settings.properties) ? { ...settings.properties } : {};
  properties.IsFirstParty = provider === "aadcertificate" ? "True" : "False";
  next.properties = properties;
  return syncAadSwaggerUrls(setProp(doc, base, next));
}

// ---------------------------------------------------------------------------------------------------------
// Switching the authentication type

/** Connection parameters the wizard creates for an auth type (shapes of published connectors). */
export function authConnectionParameters(type: AuthType, withGateway = false): JsonObject {
  const capability = withGateway ? { capability: ["gateway"] } : {};
  switch (type) {
    case "basic":
      return {
        username: {
          type: "securestring",
          uiDefinition: {
            displayName: "User name",
            description: "The username for this api",
            tooltip: "Provide the username",
            constraints: { tabIndex: 2, clearText: true, required: "true", ...capability },
          },
        },
        password: {
          type: "securestring",
          uiDefinition: {
            displayName: "Password",
            description: "The password for this api",
            tooltip: "Provide the password",
            constraints: { tabIndex: 3, clearText: false, required: "true", ...capability },
          },
        },
      };
    case "apiKey":
      return {
        api_key: {
          type: "securestring",
          uiDefinition: {
            displayName: "API Key",
            description: "The API Key for this api",
            tooltip: "Provide your API Key",
            constraints: { tabIndex: 2, clearText: false, required: "true" },
          },
        },
      };
    case "oauth2":
      return {
        token: {
          type: "oauthSetting",
          oAuthSettings: {
            identityProvider: "oauth2",
            clientId: "",
            scopes: [],
            redirectMode: "Global",
            redirectUrl: GLOBAL_REDIRECT_URL,
            properties: { IsFirstParty: "False" },
            customParameters: {
              authorizationUrl: { value: "" },
              tokenUrl: { value: "" },
              refreshUrl: { value: "" },
            },
          },
        },
      };
    default:
      return {};
  }
}

/** The `securityDefinitions` entry and its key for an auth type. */
function authSecurityScheme(type: AuthType): [string, JsonObject] | null {
  switch (type) {
    case "basic":
      return ["basic_auth", { type: "basic" }];
    case "apiKey":
      return ["API Key", { type: "apiKey", in: "header", name: "api_key" }];
    case "oauth2":
      return [
        "oauth2_auth",
        { type: "oauth2", flow: "accessCode", authorizationUrl: "", tokenUrl: "", scopes: {} },
      ];
    default:
      return null;
  }
}

/** Names of the connection parameters that belong to the current auth type (removed when it changes). */
export function authParameterNames(doc: ConnectorDocument, type: AuthType = readAuthType(doc)): string[] {
  const cp = connectionParameters(doc);
  const keys = orderedKeys(cp);
  switch (type) {
    case "basic":
      return keys.filter((k) => k === "username" || k === "password");
    case "apiKey":
      return keys.filter((k) => k === apiKeyParameterName(doc));
    case "oauth2":
      return keys.filter(
        (k) => (isJsonObject(cp[k]) && cp[k].type === "oauthSetting") || k.startsWith("token:"),
      );
    default:
      return [];
  }
}

/** What switching would discard (for the confirm dialog); empty when nothing is lost. */
export function describeAuthDiscard(doc: ConnectorDocument): string[] {
  const lost: string[] = [];
  const name = primarySchemeName(doc);
  if (name) lost.push(`security definition "${name}"`);
  for (const param of authParameterNames(doc)) lost.push(`connection parameter "${param}"`);
  return lost;
}

/**
 * Replaces the authentication: `securityDefinitions`/`security` get the new scheme and the old auth's
 * connection parameters give way to the new ones. Other connection parameters (extra ones, the gateway)
 * stay. One command, so one undo step.
 */
export function switchAuthType(type: AuthType): Command {
  return {
    name: "security:switch:auth-type",
    label: "Change authentication type",
    apply: (doc) => {
      if (readAuthType(doc) === type && (type !== "none" || primarySchemeName(doc) === null)) return doc;
      const scheme = authSecurityScheme(type);
      let definition = setAtPointer(
        doc.definition,
        "/securityDefinitions",
        scheme ? { [scheme[0]]: scheme[1] } : {},
      );
      definition = setAtPointer(definition, "/security", scheme ? [{ [scheme[0]]: [] }] : []);
      const cp = connectionParameters(doc);
      const drop = new Set(authParameterNames(doc));
      const kept: JsonObject = {};
      for (const key of orderedKeys(cp)) if (!drop.has(key)) kept[key] = cp[key];
      const added = authConnectionParameters(type, hasGateway(doc));
      // Auth parameters go first, as the wizard writes them; the gateway and extra ones follow.
      const nextCp: JsonObject = { ...added, ...kept };
      const properties = setAtPointer(doc.properties, CP, nextCp);
      return { ...doc, definition, properties };
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Extra connection parameters (and parameters inside connectionParameterSets)

export const EXTRA_PARAMETER_TYPES = ["string", "securestring", "int", "bool"] as const;
export type ExtraParameterType = (typeof EXTRA_PARAMETER_TYPES)[number];

export interface ConnectionParameterValues {
  name: string;
  type: string;
  label: string;
  description: string;
  tooltip: string;
  required: boolean;
  /** One line per allowed value: `value`, or `Display text | value`. */
  allowedValues: string;
}

export type ConnectionParameterField = Exclude<keyof ConnectionParameterValues, "name">;

/** Reads one connection parameter into form values. */
export function readConnectionParameter(name: string, param: JsonObject): ConnectionParameterValues {
  const ui = isJsonObject(param.uiDefinition) ? param.uiDefinition : {};
  const constraints = isJsonObject(ui.constraints) ? ui.constraints : {};
  const allowed = Array.isArray(constraints.allowedValues) ? constraints.allowedValues : [];
  return {
    name,
    type: str(param.type),
    label: str(ui.displayName),
    description: str(ui.description),
    tooltip: str(ui.tooltip),
    required: constraints.required === true || str(constraints.required).toLowerCase() === "true",
    allowedValues: allowed
      .filter(isJsonObject)
      .map((item) => {
        const value = str(item.value);
        const text = str(item.text);
        return text !== "" && text !== value ? `${text} | ${value}` : value;
      })
      .join("\n"),
  };
}

/** Parses the allowed-values text into `[{ text, value }]`. */
export function parseAllowedValues(text: string): { text: string; value: string }[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line) => {
      const bar = line.lastIndexOf("|");
      if (bar < 0) return { text: line, value: line };
      return { text: line.slice(0, bar).trim(), value: line.slice(bar + 1).trim() };
    });
}

/** Extra connection parameters of the document: every parameter that is not the auth's or the gateway's. */
export function listExtraParameters(doc: ConnectorDocument): ConnectionParameterValues[] {
  const cp = connectionParameters(doc);
  const auth = new Set(authParameterNames(doc).filter((k) => !k.startsWith("token:")));
  return orderedKeys(cp)
    .filter((key) => {
      const param = cp[key];
      return (
        isJsonObject(param) &&
        !auth.has(key) &&
        param.type !== "gatewaySetting" &&
        param.type !== "oauthSetting"
      );
    })
    .map((key) => readConnectionParameter(key, cp[key] as JsonObject));
}

/** JSON pointer (in apiProperties) of the parameters object of the main list or of one parameter set. */
export function parametersPointer(setIndex: number | null): string {
  return setIndex === null ? CP : `/properties/connectionParameterSets/values/${setIndex}/parameters`;
}

/** Adds a string parameter with a unique name. */
export function addConnectionParameter(base: string, type: ExtraParameterType = "string"): Command {
  return {
    name: "security:add:connection-parameter",
    label: "Add connection parameter",
    apply: (doc) => {
      const params = getAtPointer(doc.properties, base);
      const existing = isJsonObject(params) ? params : {};
      let n = 1;
      while (existing[`parameter${n}`] !== undefined) n += 1;
      const param: JsonObject = {
        type,
        uiDefinition: {
          displayName: `Parameter ${n}`,
          description: "",
          tooltip: "",
          constraints: { tabIndex: Object.keys(existing).length + 2, required: "false" },
        },
      };
      return setProp(doc, `${base}/parameter${n}`, param);
    },
  };
}

export function removeConnectionParameter(base: string, name: string): Command {
  return {
    name: "security:remove:connection-parameter",
    label: "Remove connection parameter",
    apply: (doc) => removeProp(doc, `${base}/${escape(name)}`),
  };
}

/** Renames a key of an object in place (same position), carrying the object's other keys and side tables. */
export function renameKey(obj: JsonObject, from: string, to: string): JsonObject {
  if (from === to || !(from in obj) || to in obj) return obj;
  const out: JsonObject = {};
  for (const key of orderedKeys(obj)) out[key === from ? to : key] = obj[key];
  const order = (obj as { [KEY_ORDER]?: readonly string[] })[KEY_ORDER];
  if (order) {
    Object.defineProperty(out, KEY_ORDER, {
      value: order.map((k) => (k === from ? to : k)),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** Problems with a connection parameter name, or null. */
export function parameterNameProblem(name: string): string | null {
  if (!/^[0-9a-zA-Z_]+(:[0-9a-zA-Z_]+)?$/.test(name)) {
    return "Use letters, digits and underscores only (optionally name:sub, e.g. token:customHost).";
  }
  return null;
}

export function renameConnectionParameter(base: string, from: string, to: string): Command {
  return {
    name: "security:rename:connection-parameter",
    label: "Rename connection parameter",
    apply: (doc) => {
      const params = getAtPointer(doc.properties, base);
      if (!isJsonObject(params) || parameterNameProblem(to) !== null) return doc;
      const renamed = renameKey(params, from, to);
      return renamed === params ? doc : setProp(doc, base, renamed);
    },
  };
}

/** Writes one field of a connection parameter. No-op when unchanged. */
export function setConnectionParameterField(
  base: string,
  name: string,
  field: ConnectionParameterField,
  value: string | boolean,
): Command {
  return {
    name: `security:set:connection-parameter-${field}`,
    label: "Change connection parameter",
    apply: (doc) => {
      const pointer = `${base}/${escape(name)}`;
      const param = getAtPointer(doc.properties, pointer);
      if (!isJsonObject(param)) return doc;
      const current = readConnectionParameter(name, param);
      if (current[field] === value) return doc;
      const text = typeof value === "string" ? value : "";
      switch (field) {
        case "type":
          return setProp(doc, `${pointer}/type`, text);
        case "label":
          return setProp(doc, `${pointer}/uiDefinition/displayName`, text);
        case "description":
          return setProp(doc, `${pointer}/uiDefinition/description`, text);
        case "tooltip":
          return setProp(doc, `${pointer}/uiDefinition/tooltip`, text);
        case "required":
          return setProp(
            doc,
            `${pointer}/uiDefinition/constraints/required`,
            value === true ? "true" : "false",
          );
        case "allowedValues": {
          const list = parseAllowedValues(text);
          if (list.length === 0) return removeProp(doc, `${pointer}/uiDefinition/constraints/allowedValues`);
          return setProp(doc, `${pointer}/uiDefinition/constraints/allowedValues`, list);
        }
        default:
          return doc;
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Several authentication options (connectionParameterSets)

export interface ParameterSetSummary {
  index: number;
  name: string;
  displayName: string;
  description: string;
  parameters: ConnectionParameterValues[];
}

export interface ParameterSetsValues {
  displayName: string;
  description: string;
  options: ParameterSetSummary[];
}

/** Reads `connectionParameterSets`, or null when the connector has a single authentication. */
export function readParameterSets(doc: ConnectorDocument): ParameterSetsValues | null {
  const sets = getAtPointer(doc.properties, "/properties/connectionParameterSets");
  if (!isJsonObject(sets)) return null;
  const ui = isJsonObject(sets.uiDefinition) ? sets.uiDefinition : {};
  const values = Array.isArray(sets.values) ? sets.values : [];
  return {
    displayName: str(ui.displayName),
    description: str(ui.description),
    options: values.flatMap((value, index) => {
      if (!isJsonObject(value)) return [];
      const optionUi = isJsonObject(value.uiDefinition) ? value.uiDefinition : {};
      const params = isJsonObject(value.parameters) ? value.parameters : {};
      return [
        {
          index,
          name: str(value.name),
          displayName: str(optionUi.displayName),
          description: str(optionUi.description),
          parameters: orderedKeys(params)
            .filter((key) => isJsonObject(params[key]))
            .map((key) => readConnectionParameter(key, params[key] as JsonObject)),
        },
      ];
    }),
  };
}

const AUTH_OPTION_LABELS: Record<AuthType, string> = {
  none: "No authentication",
  basic: "Basic authentication",
  apiKey: "API Key",
  oauth2: "OAuth 2.0",
};

/**
 * Turns the single authentication into the first of several options: the current connection parameters
 * (except the gateway) move into `connectionParameterSets.values[0]`.
 */
export function enableParameterSets(): Command {
  return {
    name: "security:enable:parameter-sets",
    label: "Offer several authentication options",
    apply: (doc) => {
      if (readParameterSets(doc)) return doc;
      const type = readAuthType(doc);
      const cp = connectionParameters(doc);
      const moved: JsonObject = {};
      const kept: JsonObject = {};
      for (const key of orderedKeys(cp)) {
        const param = cp[key];
        if (isJsonObject(param) && param.type === "gatewaySetting") kept[key] = param;
        else moved[key] = param;
      }
      const sets: JsonObject = {
        uiDefinition: {
          displayName: "Authentication type",
          description: "Type of authentication to be used.",
        },
        values: [
          {
            name: type,
            uiDefinition: {
              displayName: AUTH_OPTION_LABELS[type],
              description: `Sign in with ${AUTH_OPTION_LABELS[type]}.`,
            },
            parameters: moved,
          },
        ],
      };
      let properties = setAtPointer(doc.properties, CP, kept);
      properties = setAtPointer(properties, "/properties/connectionParameterSets", sets);
      return { ...doc, properties };
    },
  };
}

/** Adds an authentication option built from an auth type's parameters. */
export function addParameterSet(type: AuthType): Command {
  return {
    name: "security:add:parameter-set",
    label: "Add authentication option",
    apply: (doc) => {
      const sets = readParameterSets(doc);
      if (!sets) return doc;
      const used = new Set(sets.options.map((o) => o.name));
      let name: string = type;
      for (let n = 2; used.has(name); n += 1) name = `${type}${n}`;
      const option: JsonObject = {
        name,
        uiDefinition: {
          displayName: AUTH_OPTION_LABELS[type],
          description: `Sign in with ${AUTH_OPTION_LABELS[type]}.`,
        },
        parameters: authConnectionParameters(type),
      };
      return setProp(doc, "/properties/connectionParameterSets/values/-", option);
    },
  };
}

export function removeParameterSet(index: number): Command {
  return {
    name: "security:remove:parameter-set",
    label: "Remove authentication option",
    apply: (doc) => removeProp(doc, `/properties/connectionParameterSets/values/${index}`),
  };
}

/**
 * Back to a single authentication: the first option's parameters become `connectionParameters` again and
 * `connectionParameterSets` is removed.
 */
export function disableParameterSets(): Command {
  return {
    name: "security:disable:parameter-sets",
    label: "Use a single authentication",
    apply: (doc) => {
      const first = getAtPointer(doc.properties, "/properties/connectionParameterSets/values/0/parameters");
      if (getAtPointer(doc.properties, "/properties/connectionParameterSets") === undefined) return doc;
      const cp = connectionParameters(doc);
      const merged: JsonObject = { ...(isJsonObject(first) ? first : {}), ...cp };
      let properties = setAtPointer(doc.properties, CP, merged);
      properties = removeAtPointer(properties, "/properties/connectionParameterSets");
      return { ...doc, properties };
    },
  };
}

export type ParameterSetField = "name" | "displayName" | "description" | "setDisplayName" | "setDescription";

/** Writes the name, display name or description of an option (or of the whole choice). */
export function setParameterSetField(index: number, field: ParameterSetField, value: string): Command {
  return {
    name: `security:set:parameter-set-${field}`,
    label: "Change authentication option",
    apply: (doc) => {
      const base = "/properties/connectionParameterSets";
      switch (field) {
        case "setDisplayName":
          return setProp(doc, `${base}/uiDefinition/displayName`, value);
        case "setDescription":
          return setProp(doc, `${base}/uiDefinition/description`, value);
        case "name":
          return setProp(doc, `${base}/values/${index}/name`, value);
        case "displayName":
          return setProp(doc, `${base}/values/${index}/uiDefinition/displayName`, value);
        case "description":
          return setProp(doc, `${base}/values/${index}/uiDefinition/description`, value);
        default:
          return doc;
      }
    },
  };
}

/** True when a place in the connector belongs to the Security step (for focus requests). */
export function isSecurityPointer(file: string, path: string): boolean {
  const under = (prefix: string) => path === prefix || path.startsWith(prefix + "/");
  if (file === "apiDefinition.swagger.json") return under("/securityDefinitions") || under("/security");
  if (file === "apiProperties.json") {
    if (under("/properties/connectionParameters/gateway")) return false;
    return under("/properties/connectionParameters") || under("/properties/connectionParameterSets");
  }
  return false;
}
