import type { ConnectorDocument } from "../model/connector-document";
import { setAtPointer } from "../model/json-pointer";
import { DEFAULT_AAD_LOGIN_URI, parseScopes, toSecurityFormValues } from "../model/operations/security";
import { optionParameters, resolveAuth } from "./auth-options";

/** What a sign-in needs, read from the Security step (client secret excluded: it never enters the document). */
export interface OAuthSettings {
  identityProvider: string;
  clientId: string;
  authorizationUrl: string;
  tokenUrl: string;
  refreshUrl: string;
  scopes: string[];
  /** AAD v1 endpoints want a `resource`. */
  resource?: string;
}

/** Tokens held in memory for one connection. */
export interface OAuthTokens {
  accessToken: string;
  refreshToken?: string;
  tokenType: string;
  /** Epoch ms when the access token expires, if the server said. */
  expiresAt?: number;
  scope?: string;
}

/** The OAuth settings of the document's first OAuth 2.0 scheme, with AAD URLs built from login URI and tenant. */
export function readOAuthSettings(doc: ConnectorDocument): OAuthSettings {
  const v = toSecurityFormValues(doc);
  const scopes = parseScopes(v.scope);
  if (v.identityProvider === "aad") {
    const login = (v.loginUri || DEFAULT_AAD_LOGIN_URI).replace(/\/$/, "");
    const tenant = v.tenantId || "common";
    return {
      identityProvider: v.identityProvider,
      clientId: v.clientId,
      authorizationUrl: v.authorizationUrl || `${login}/${tenant}/oauth2/authorize`,
      tokenUrl: v.tokenUrl || `${login}/${tenant}/oauth2/token`,
      refreshUrl: v.refreshUrl || v.tokenUrl || `${login}/${tenant}/oauth2/token`,
      scopes,
      ...(v.resourceUri ? { resource: v.resourceUri } : {}),
    };
  }
  return {
    identityProvider: v.identityProvider,
    clientId: v.clientId,
    authorizationUrl: v.authorizationUrl,
    tokenUrl: v.tokenUrl,
    refreshUrl: v.refreshUrl || v.tokenUrl,
    scopes,
  };
}

/**
 * The OAuth settings of an authentication option (`null`: the connector's single authentication): the option's
 * `oauthSetting` parameter, with the URLs and scopes of the security definition it applies as fallbacks. Read
 * the same way as the Security step reads the single authentication.
 */
export function readOAuthSettingsFor(doc: ConnectorDocument, option: number | null): OAuthSettings {
  if (option === null) return readOAuthSettings(doc);
  const auth = resolveAuth(doc, option);
  const scheme =
    auth.kind === "oauth2" && auth.schemeName !== null
      ? doc.definition.securityDefinitions?.[auth.schemeName]
      : undefined;
  const view: ConnectorDocument = {
    ...doc,
    definition: {
      ...doc.definition,
      securityDefinitions: scheme && auth.schemeName !== null ? { [auth.schemeName]: scheme } : {},
    },
    properties: setAtPointer(
      doc.properties,
      "/properties/connectionParameters",
      optionParameters(doc, option),
    ),
  };
  return readOAuthSettings(view);
}

/** Why a sign-in cannot start, or null. */
export function oauthSettingsProblem(settings: OAuthSettings): string | null {
  const missing = [
    settings.clientId ? null : "Client ID",
    settings.authorizationUrl ? null : "Authorization URL",
    settings.tokenUrl ? null : "Token URL",
  ].filter((x): x is string => x !== null);
  if (missing.length > 0) return `Fill in ${missing.join(", ")} in the Security step to sign in.`;
  for (const url of [settings.authorizationUrl, settings.tokenUrl]) {
    try {
      const parsed = new URL(url);
      if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return `${url} is not an http(s) URL.`;
    } catch {
      return `${url} is not a URL.`;
    }
  }
  return null;
}

function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** A random base64url string of `bytes` random bytes (Web Crypto, in browsers and Node alike). */
export function randomToken(bytes = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** A PKCE verifier (RFC 7636: 43 characters of the unreserved set) and its S256 challenge. */
export async function createPkcePair(): Promise<{ verifier: string; challenge: string }> {
  const verifier = randomToken(32);
  return { verifier, challenge: await pkceChallenge(verifier) };
}

/** The S256 challenge of a verifier. */
export async function pkceChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** The URL the sign-in popup opens: authorization-code grant with PKCE (S256) and a state to check. */
export function authorizationRequestUrl(
  settings: OAuthSettings,
  redirectUri: string,
  state: string,
  challenge: string,
): string {
  const url = new URL(settings.authorizationUrl);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", settings.clientId);
  url.searchParams.set("redirect_uri", redirectUri);
  if (settings.scopes.length > 0) url.searchParams.set("scope", settings.scopes.join(" "));
  if (settings.resource) url.searchParams.set("resource", settings.resource);
  url.searchParams.set("state", state);
  url.searchParams.set("code_challenge", challenge);
  url.searchParams.set("code_challenge_method", "S256");
  return url.toString();
}

/** What came back to the callback page, checked against the state sent. */
export function parseAuthorizationCallback(
  search: string,
  expectedState: string,
): { code: string } | { error: string } {
  const params = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search);
  const error = params.get("error");
  if (error) {
    const description = params.get("error_description");
    return {
      error: `The identity provider refused the sign-in: ${error}${description ? ` (${description})` : ""}`,
    };
  }
  if (params.get("state") !== expectedState)
    return { error: "The sign-in answer does not belong to this sign-in (state differs); try again." };
  const code = params.get("code");
  if (!code) return { error: "The sign-in answer has no authorization code." };
  return { code };
}

/** Form body of the token request that trades the code (and the PKCE verifier) for tokens. */
export function tokenRequestBody(
  settings: OAuthSettings,
  code: string,
  verifier: string,
  redirectUri: string,
  clientSecret: string,
): string {
  const body = new URLSearchParams({
    grant_type: "authorization_code",
    code,
    redirect_uri: redirectUri,
    client_id: settings.clientId,
    code_verifier: verifier,
  });
  if (clientSecret) body.set("client_secret", clientSecret);
  if (settings.resource) body.set("resource", settings.resource);
  return body.toString();
}

/** Form body of a refresh-token request. */
export function refreshRequestBody(
  settings: OAuthSettings,
  refreshToken: string,
  clientSecret: string,
): string {
  const body = new URLSearchParams({
    grant_type: "refresh_token",
    refresh_token: refreshToken,
    client_id: settings.clientId,
  });
  if (clientSecret) body.set("client_secret", clientSecret);
  if (settings.scopes.length > 0) body.set("scope", settings.scopes.join(" "));
  return body.toString();
}

/**
 * Reads a token endpoint's answer (JSON, or form-encoded as some older providers send). A refresh answer
 * without a new refresh token keeps the old one.
 */
export function parseTokenResponse(
  status: number,
  text: string,
  now: number,
  previous?: OAuthTokens,
): OAuthTokens | { error: string } {
  let data: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(text);
    data = typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    data = Object.fromEntries(new URLSearchParams(text));
  }
  if (status < 200 || status >= 300 || typeof data.access_token !== "string") {
    const reason =
      typeof data.error === "string"
        ? `${data.error}${typeof data.error_description === "string" ? ` (${data.error_description})` : ""}`
        : `HTTP ${status}`;
    return { error: `The token endpoint did not issue a token: ${reason}` };
  }
  const expiresIn = Number(data.expires_in);
  const refreshToken = typeof data.refresh_token === "string" ? data.refresh_token : previous?.refreshToken;
  return {
    accessToken: data.access_token,
    tokenType: typeof data.token_type === "string" ? data.token_type : "Bearer",
    ...(refreshToken ? { refreshToken } : {}),
    ...(Number.isFinite(expiresIn) && expiresIn > 0 ? { expiresAt: now + expiresIn * 1000 } : {}),
    ...(typeof data.scope === "string" ? { scope: data.scope } : {}),
  };
}

/** True when the token expires within `marginMs` (and can be refreshed first). */
export function needsRefresh(tokens: OAuthTokens, now: number, marginMs = 10_000): boolean {
  return (
    tokens.expiresAt !== undefined && tokens.refreshToken !== undefined && tokens.expiresAt - now < marginMs
  );
}
