import type { JsonObject } from "../../model/json-value";
import type { SecurityScheme } from "../../model/swagger-types";

/** The consent redirect URL published connectors register (redirectMode "Global"). */
export const GLOBAL_REDIRECT_URL = "https://global.consent.azure-apim.net/redirect";

/** Placeholder for the OAuth client id: the maker fills it in; a client secret is never written. */
export const CLIENT_ID_PLACEHOLDER = "<<Please add your client ID here>>";

const AAD_HOSTS = [
  "login.microsoftonline.com",
  "login.windows.net",
  "login.microsoft.com",
  "login.microsoftonline.us",
];

/**
 * Builds the `apiProperties.json` `properties` entries that published connectors pair with the given
 * security definitions: for one scheme, `connectionParameters` (`api_key`, `username`/`password` or an
 * OAuth `token`); for several, `connectionParameterSets` with one value per scheme (every scheme is kept,
 * never only the first) and an empty `connectionParameters`. No scheme gives an empty `connectionParameters`.
 * Secrets (client secrets, passwords, keys) are never written.
 */
export function deriveConnectionProperties(securityDefinitions: Record<string, SecurityScheme>): JsonObject {
  const entries = Object.entries(securityDefinitions ?? {}).filter(
    (entry): entry is [string, SecurityScheme] =>
      typeof entry[1] === "object" && entry[1] !== null && !Array.isArray(entry[1]),
  );
  const usable = entries
    .map(([name, scheme]) => ({ name, scheme, parameters: parametersFor(name, scheme) }))
    .filter(
      (e): e is { name: string; scheme: SecurityScheme; parameters: JsonObject } => e.parameters !== null,
    );
  if (usable.length === 0) return { connectionParameters: {} };
  if (usable.length === 1)
    return { connectionParameters: (usable[0] as { parameters: JsonObject }).parameters };
  const used = new Set<string>();
  return {
    connectionParameters: {},
    connectionParameterSets: {
      uiDefinition: {
        displayName: "Authentication type",
        description: "Type of authentication to be used.",
      },
      values: usable.map(({ name, scheme, parameters }) => ({
        name: uniqueSetName(name, used),
        uiDefinition: {
          displayName: schemeLabel(name, scheme),
          description: schemeDescription(scheme),
        },
        parameters,
      })),
    },
  };
}

/** The connection parameters of one scheme, or null for a scheme type connectors cannot use. */
function parametersFor(name: string, scheme: SecurityScheme): JsonObject | null {
  switch (scheme.type) {
    case "basic":
      return {
        username: {
          type: "securestring",
          uiDefinition: {
            displayName: "User name",
            description: "The user name for this API.",
            tooltip: "Provide the user name",
            constraints: { tabIndex: 2, clearText: true, required: "true" },
          },
        },
        password: {
          type: "securestring",
          uiDefinition: {
            displayName: "Password",
            description: "The password for this API.",
            tooltip: "Provide the password",
            constraints: { tabIndex: 3, clearText: false, required: "true" },
          },
        },
      };
    case "apiKey": {
      const bearer = typeof scheme.name === "string" && scheme.name.toLowerCase() === "authorization";
      return {
        api_key: {
          type: "securestring",
          uiDefinition: {
            displayName: apiKeyLabel(name, scheme),
            description: bearer
              ? "Enter 'Bearer ' followed by your token (with one space)."
              : `The API key for this API (sent in the ${scheme.in === "query" ? "query" : "header"} '${String(scheme.name ?? "")}').`,
            tooltip: "Provide your API key",
            constraints: { tabIndex: 2, clearText: false, required: "true" },
          },
        },
      };
    }
    case "oauth2":
      return { token: oauthParameter(scheme) };
    default:
      return null;
  }
}

function oauthParameter(scheme: SecurityScheme): JsonObject {
  const authorizationUrl = typeof scheme.authorizationUrl === "string" ? scheme.authorizationUrl : "";
  const tokenUrl = typeof scheme.tokenUrl === "string" ? scheme.tokenUrl : "";
  // Swagger 2.0 has no refresh URL; the token URL refreshes in almost every provider.
  const refreshUrl = tokenUrl;
  const scopes =
    scheme.scopes && typeof scheme.scopes === "object" && !Array.isArray(scheme.scopes)
      ? Object.keys(scheme.scopes)
      : [];
  const aad = aadInfo(authorizationUrl) ?? aadInfo(tokenUrl);
  const oAuthSettings: JsonObject = aad
    ? {
        identityProvider: "aad",
        clientId: CLIENT_ID_PLACEHOLDER,
        scopes,
        redirectMode: "Global",
        redirectUrl: GLOBAL_REDIRECT_URL,
        properties: { IsFirstParty: "False" },
        customParameters: {
          loginUri: { value: aad.loginUri },
          tenantId: { value: aad.tenantId },
          resourceUri: { value: aadResource(scopes) },
          enableOnbehalfOfLogin: { value: "false" },
        },
      }
    : {
        identityProvider: "oauth2",
        clientId: CLIENT_ID_PLACEHOLDER,
        scopes,
        redirectMode: "Global",
        redirectUrl: GLOBAL_REDIRECT_URL,
        properties: { IsFirstParty: "False" },
        customParameters: {
          authorizationUrl: { value: authorizationUrl },
          tokenUrl: { value: tokenUrl },
          refreshUrl: { value: refreshUrl },
        },
      };
  return {
    type: "oauthSetting",
    oAuthSettings,
    uiDefinition: {
      displayName: "Login with your credentials",
      description: "Login with your credentials",
      tooltip: "Provide your credentials",
      constraints: { required: "true" },
    },
  };
}

/** Microsoft Entra ID (AAD) endpoints: `https://login.microsoftonline.com/<tenant>/oauth2/…`. */
function aadInfo(url: string): { loginUri: string; tenantId: string } | null {
  const match = /^https?:\/\/([^/]+)\/([^/]+)?/i.exec(url);
  if (!match) return null;
  const host = (match[1] ?? "").toLowerCase();
  if (!AAD_HOSTS.includes(host)) return null;
  const tenant = match[2] && !/^oauth2$/i.test(match[2]) ? match[2] : "common";
  return { loginUri: `https://${host}`, tenantId: tenant };
}

/** AAD needs a resource URI; v2 scopes such as `https://graph.microsoft.com/.default` name it. */
function aadResource(scopes: string[]): string {
  for (const scope of scopes) {
    const match = /^(https?:\/\/[^/]+)\//i.exec(scope);
    if (match?.[1]) return match[1];
  }
  return "<<Please add the resource URI here>>";
}

function apiKeyLabel(name: string, scheme: SecurityScheme): string {
  if (typeof scheme.name === "string" && scheme.name.toLowerCase() === "authorization")
    return "API key (Bearer token)";
  return /^(api[ _-]?key|apikey)$/i.test(name) ? "API Key" : name;
}

function schemeLabel(name: string, scheme: SecurityScheme): string {
  switch (scheme.type) {
    case "basic":
      return "Basic authentication";
    case "apiKey":
      return apiKeyLabel(name, scheme) === name ? name : "API key";
    default:
      return "OAuth 2.0";
  }
}

function schemeDescription(scheme: SecurityScheme): string {
  if (typeof scheme.description === "string" && scheme.description.trim() !== "") return scheme.description;
  switch (scheme.type) {
    case "basic":
      return "Sign in with a user name and password.";
    case "apiKey":
      return "Sign in with an API key.";
    default:
      return "Sign in with your account (OAuth 2.0).";
  }
}

/** Set names are identifiers in apiProperties.json: keep the definition key, minus characters it cannot hold. */
function uniqueSetName(name: string, used: Set<string>): string {
  const base = name.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "") || "auth";
  let candidate = base;
  for (let i = 2; used.has(candidate); i++) candidate = `${base}${i}`;
  used.add(candidate);
  return candidate;
}
