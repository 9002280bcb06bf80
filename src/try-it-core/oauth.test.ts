import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createEmptyConnector } from "../model/create-empty-connector";
import { setSecurityField, switchAuthType } from "../model/operations/security";
import {
  authorizationRequestUrl,
  createPkcePair,
  needsRefresh,
  oauthSettingsProblem,
  parseAuthorizationCallback,
  parseTokenResponse,
  readOAuthSettings,
  refreshRequestBody,
  tokenRequestBody,
} from "./oauth";

function oauthConnector() {
  let doc = createEmptyConnector("T");
  doc = switchAuthType("oauth2").apply(doc);
  doc = setSecurityField("clientId", "app-1").apply(doc);
  doc = setSecurityField("authorizationUrl", "http://127.0.0.1:4299/authorize").apply(doc);
  doc = setSecurityField("tokenUrl", "http://127.0.0.1:4299/token").apply(doc);
  doc = setSecurityField("scope", "read write").apply(doc);
  return doc;
}

describe("OAuth sign-in helpers", () => {
  it("reads the settings from the Security step and says what is missing", () => {
    const settings = readOAuthSettings(oauthConnector());
    expect(settings).toMatchObject({
      clientId: "app-1",
      authorizationUrl: "http://127.0.0.1:4299/authorize",
      tokenUrl: "http://127.0.0.1:4299/token",
      refreshUrl: "http://127.0.0.1:4299/token",
      scopes: ["read", "write"],
    });
    expect(oauthSettingsProblem(settings)).toBeNull();
    expect(oauthSettingsProblem({ ...settings, clientId: "", tokenUrl: "" })).toBe(
      "Fill in Client ID, Token URL in the Security step to sign in.",
    );
    expect(oauthSettingsProblem({ ...settings, tokenUrl: "javascript:alert(1)" })).toMatch(/not an http/);
  });

  it("makes an RFC 7636 verifier whose S256 challenge matches Node's own hash", async () => {
    const { verifier, challenge } = await createPkcePair();
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(challenge).toBe(createHash("sha256").update(verifier).digest("base64url"));
  });

  it("builds the authorization URL and the token and refresh bodies", () => {
    const settings = readOAuthSettings(oauthConnector());
    const url = new URL(
      authorizationRequestUrl(settings, "http://127.0.0.1:4188/oauth-callback.html", "s1", "c1"),
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: "code",
      client_id: "app-1",
      redirect_uri: "http://127.0.0.1:4188/oauth-callback.html",
      scope: "read write",
      state: "s1",
      code_challenge: "c1",
      code_challenge_method: "S256",
    });
    const body = new URLSearchParams(tokenRequestBody(settings, "code-9", "v", "http://r", "sec"));
    expect(Object.fromEntries(body)).toEqual({
      grant_type: "authorization_code",
      code: "code-9",
      redirect_uri: "http://r",
      client_id: "app-1",
      code_verifier: "v",
      client_secret: "sec",
    });
    const refresh = new URLSearchParams(refreshRequestBody(settings, "rt", ""));
    expect(refresh.get("grant_type")).toBe("refresh_token");
    expect(refresh.get("refresh_token")).toBe("rt");
    expect(refresh.has("client_secret")).toBe(false);
  });

  it("checks the callback's state and reports provider errors", () => {
    expect(parseAuthorizationCallback("?code=abc&state=s1", "s1")).toEqual({ code: "abc" });
    expect(parseAuthorizationCallback("?code=abc&state=other", "s1")).toHaveProperty("error");
    expect(parseAuthorizationCallback("?error=access_denied&error_description=No", "s1")).toEqual({
      error: "The identity provider refused the sign-in: access_denied (No)",
    });
  });

  it("reads token answers, keeps the refresh token on refresh, and knows when to refresh", () => {
    const first = parseTokenResponse(
      200,
      JSON.stringify({ access_token: "a1", refresh_token: "r1", expires_in: 60, token_type: "Bearer" }),
      1000,
    );
    expect(first).toEqual({ accessToken: "a1", refreshToken: "r1", tokenType: "Bearer", expiresAt: 61_000 });
    const second = parseTokenResponse(200, "access_token=a2&expires_in=5", 2000, first as never);
    expect(second).toMatchObject({ accessToken: "a2", refreshToken: "r1", expiresAt: 7000 });
    expect(parseTokenResponse(400, JSON.stringify({ error: "invalid_grant" }), 0)).toEqual({
      error: "The token endpoint did not issue a token: invalid_grant",
    });
    expect(needsRefresh(first as never, 55_000)).toBe(true);
    expect(needsRefresh(first as never, 1000)).toBe(false);
  });
});
