import type { JsonObject, JsonValue } from "../../model/json-value";
import type { SecurityScheme } from "../../model/swagger-types";
import { asArray, asObject, asText } from "./postman-values";
import type { VariableScope } from "./postman-variables";

/** What a Postman auth block means for the connector. */
export type AuthMapping =
  | { kind: "none" }
  | {
      kind: "scheme";
      /** Preferred securityDefinitions key (made unique by the caller). */
      key: string;
      scheme: SecurityScheme;
      scopes: string[];
      /** Header or query name the scheme covers (not a parameter then). */
      covers: { in: "header" | "query"; name: string } | undefined;
      /** Something approximated while mapping (e.g. a grant type the platform lacks). */
      notes: string[];
    }
  | { kind: "unsupported"; type: string; message: string };

/** Why each unsupported Postman auth type cannot be mapped, and the route that would cover it. */
const UNSUPPORTED: Record<string, string> = {
  digest:
    "Digest authentication has no custom-connector equivalent: answer the Digest challenge in custom code (script.csx), or use Basic or API key if the API offers them.",
  ntlm: "NTLM is Windows authentication: it works only through an on-premises data gateway (Windows authentication), or in custom code.",
  hawk: "Hawk authentication signs every request: compute its Authorization header in custom code (script.csx).",
  awsv4:
    "AWS Signature Version 4 signs every request: sign it in custom code (script.csx), or put an API gateway that accepts an API key in front.",
  oauth1:
    "OAuth 1.0 signs every request: sign it in custom code (script.csx) and keep the consumer key and secret as connection parameters.",
  edgegrid: "Akamai EdgeGrid signs every request: sign it in custom code (script.csx).",
  akamai: "Akamai EdgeGrid signs every request: sign it in custom code (script.csx).",
  jwt: "JWT Bearer generation needs custom code (script.csx) to build and sign the token, or use API key authentication named Authorization.",
  asap: "Atlassian ASAP tokens must be signed per request: build them in custom code (script.csx).",
};

/** Reads a Postman auth block's attributes (v2.1 list of `{key, value}`, v2.0 plain object). */
export function authAttributes(auth: JsonObject, type: string): Map<string, JsonValue> {
  const attrs = new Map<string, JsonValue>();
  const raw = auth[type];
  if (Array.isArray(raw)) {
    for (const entry of asArray(raw)) {
      const obj = asObject(entry);
      const key = asText(obj?.key);
      if (obj && key !== undefined && obj.value !== undefined) attrs.set(key, obj.value);
    }
  } else {
    const obj = asObject(raw);
    if (obj)
      for (const key of Object.keys(obj)) if (obj[key] !== undefined) attrs.set(key, obj[key] as JsonValue);
  }
  return attrs;
}

/** The type of an auth block: `inherit` when absent (Postman's default), `noauth`, or a scheme name. */
export function authType(auth: JsonValue | undefined): string {
  const obj = asObject(auth);
  if (!obj) return "inherit";
  return (asText(obj.type) ?? "inherit").toLowerCase();
}

function validUrl(text: string | undefined): boolean {
  return text !== undefined && /^https?:\/\/[^\s{}]+$/i.test(text);
}

/**
 * Maps one Postman auth block to a Swagger 2.0 security scheme. Credential values (tokens, keys,
 * passwords, client secrets) are never read into the result; only names, locations, URLs and scopes.
 */
export function mapAuth(auth: JsonObject, vars: VariableScope): AuthMapping {
  const type = authType(auth);
  const attrs = authAttributes(auth, type);
  const text = (key: string): string | undefined => {
    const value = asText(attrs.get(key));
    return value === undefined ? undefined : vars.resolve(value).trim();
  };
  switch (type) {
    case "noauth":
    case "none":
      return { kind: "none" };
    case "bearer":
      // The platform has no bearer type: an API key named Authorization, into which users type "Bearer <token>".
      return {
        kind: "scheme",
        key: "bearer_auth",
        scheme: {
          type: "apiKey",
          in: "header",
          name: "Authorization",
          description: "Bearer token: enter it as 'Bearer <token>'.",
        },
        scopes: [],
        covers: { in: "header", name: "Authorization" },
        notes: [],
      };
    case "apikey": {
      const name = text("key") || "X-API-Key";
      const where = text("in") === "query" ? "query" : "header";
      return {
        kind: "scheme",
        key: "api_key",
        scheme: { type: "apiKey", in: where, name },
        scopes: [],
        covers: { in: where, name },
        notes: [],
      };
    }
    case "basic":
      return {
        kind: "scheme",
        key: "basic_auth",
        scheme: { type: "basic" },
        scopes: [],
        covers: { in: "header", name: "Authorization" },
        notes: [],
      };
    case "oauth2":
      return mapOAuth2(text);
    default: {
      const message =
        (Object.hasOwn(UNSUPPORTED, type) ? UNSUPPORTED[type] : undefined) ??
        `The Postman auth type "${type}" is not recognised; set up authentication in the Security step.`;
      return { kind: "unsupported", type, message };
    }
  }
}

function mapOAuth2(text: (key: string) => string | undefined): AuthMapping {
  const notes: string[] = [];
  const grant = (text("grant_type") ?? "authorization_code").toLowerCase();
  if (grant !== "authorization_code" && grant !== "authorization_code_with_pkce") {
    notes.push(
      `OAuth 2.0 grant "${grant}" is not supported by custom connectors (only authorization code): mapped to authorization code; check the URLs in the Security step.`,
    );
  }
  let authorizationUrl = text("authUrl") ?? text("authorizationUrl");
  let tokenUrl = text("accessTokenUrl") ?? text("tokenUrl");
  if (!validUrl(authorizationUrl)) {
    notes.push(
      `authorization URL ${authorizationUrl ? `"${authorizationUrl}" is not a usable URL` : "is missing"}: set to a placeholder, replace it in the Security step.`,
    );
    authorizationUrl = "https://login.example.com/oauth2/authorize";
  }
  if (!validUrl(tokenUrl)) {
    notes.push(
      `token URL ${tokenUrl ? `"${tokenUrl}" is not a usable URL` : "is missing"}: set to a placeholder, replace it in the Security step.`,
    );
    tokenUrl = "https://login.example.com/oauth2/token";
  }
  const scopes = (text("scope") ?? "").split(/[\s,]+/).filter((s) => s !== "" && !s.includes("{{"));
  const scopeMap: Record<string, string> = {};
  for (const scope of scopes) scopeMap[scope] = scope;
  return {
    kind: "scheme",
    key: "oauth2_auth",
    scheme: { type: "oauth2", flow: "accessCode", authorizationUrl, tokenUrl, scopes: scopeMap },
    scopes,
    covers: { in: "header", name: "Authorization" },
    notes,
  };
}
