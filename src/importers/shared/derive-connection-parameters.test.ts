import { describe, expect, it } from "vitest";
import type { SecurityScheme } from "../../model/swagger-types";
import {
  CLIENT_ID_PLACEHOLDER,
  deriveConnectionProperties,
  GLOBAL_REDIRECT_URL,
} from "./derive-connection-parameters";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

describe("deriveConnectionProperties", () => {
  it("gives an empty connectionParameters for no authentication", () => {
    expect(deriveConnectionProperties({})).toEqual({ connectionParameters: {} });
  });

  // Shape of certified-connectors/1Me Corporate: { "API Key": apiKey header } → api_key securestring.
  it("maps an API key to an api_key securestring with a label", () => {
    const out = deriveConnectionProperties({
      "API Key": { type: "apiKey", in: "header", name: "X-Api-Key" },
    }) as Any;
    expect(Object.keys(out.connectionParameters)).toEqual(["api_key"]);
    const key = out.connectionParameters.api_key;
    expect(key.type).toBe("securestring");
    expect(key.uiDefinition.displayName).toBe("API Key");
    expect(key.uiDefinition.constraints).toEqual({ tabIndex: 2, clearText: false, required: "true" });
    expect(out.connectionParameterSets).toBeUndefined();
  });

  it("labels an Authorization header key as a bearer token", () => {
    const out = deriveConnectionProperties({
      bearer: { type: "apiKey", in: "header", name: "Authorization" },
    }) as Any;
    expect(out.connectionParameters.api_key.uiDefinition.description).toMatch(/Bearer/);
  });

  // Shape of certified-connectors/RescoCloud and AgilePoint NX: basic_auth → username + password.
  it("maps basic authentication to username and password", () => {
    const out = deriveConnectionProperties({ basic_auth: { type: "basic" } }) as Any;
    expect(Object.keys(out.connectionParameters)).toEqual(["username", "password"]);
    expect(out.connectionParameters.username.type).toBe("securestring");
    expect(out.connectionParameters.password.uiDefinition.constraints.clearText).toBe(false);
  });

  // Shape of certified-connectors/AIForged: oauth2 accessCode → token oauthSetting, identityProvider oauth2.
  it("maps OAuth 2.0 to a token oauthSetting with the URLs, scopes and a client id placeholder, never a secret", () => {
    const out = deriveConnectionProperties({
      oauth2_auth: {
        type: "oauth2",
        flow: "accessCode",
        authorizationUrl: "https://portal.aiforged.com/connect/authorize",
        tokenUrl: "https://portal.aiforged.com/connect/token",
        scopes: { openid: "", aiforgedapi: "" },
      },
    }) as Any;
    const token = out.connectionParameters.token;
    expect(token.type).toBe("oauthSetting");
    expect(token.oAuthSettings).toEqual({
      identityProvider: "oauth2",
      clientId: CLIENT_ID_PLACEHOLDER,
      scopes: ["openid", "aiforgedapi"],
      redirectMode: "Global",
      redirectUrl: GLOBAL_REDIRECT_URL,
      properties: { IsFirstParty: "False" },
      customParameters: {
        authorizationUrl: { value: "https://portal.aiforged.com/connect/authorize" },
        tokenUrl: { value: "https://portal.aiforged.com/connect/token" },
        refreshUrl: { value: "https://portal.aiforged.com/connect/token" },
      },
    });
    expect(JSON.stringify(out)).not.toMatch(/clientSecret/);
  });

  // Shape of certified-connectors/AXtension Content Gate: aad with loginUri, tenantId, resourceUri.
  it("detects Microsoft Entra ID (aad) from the authorization URL", () => {
    const out = deriveConnectionProperties({
      oauth2: {
        type: "oauth2",
        flow: "accessCode",
        authorizationUrl: "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize",
        tokenUrl: "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token",
        scopes: { "https://graph.microsoft.com/.default": "" },
      },
    }) as Any;
    const settings = out.connectionParameters.token.oAuthSettings;
    expect(settings.identityProvider).toBe("aad");
    expect(settings.customParameters.loginUri).toEqual({ value: "https://login.microsoftonline.com" });
    expect(settings.customParameters.tenantId).toEqual({ value: "contoso.onmicrosoft.com" });
    expect(settings.customParameters.resourceUri).toEqual({ value: "https://graph.microsoft.com" });
    const common = deriveConnectionProperties({
      o: {
        type: "oauth2",
        flow: "accessCode",
        authorizationUrl: "https://login.windows.net/common/oauth2/authorize",
        tokenUrl: "https://login.windows.net/common/oauth2/token",
      },
    }) as Any;
    expect(common.connectionParameters.token.oAuthSettings.customParameters.tenantId).toEqual({
      value: "common",
    });
  });

  // Shape of independent-publisher-connectors/Open Data Network: two schemes → connectionParameterSets.
  it("keeps every scheme as a parameter set when there are several, with an empty connectionParameters", () => {
    const definitions: Record<string, SecurityScheme> = {
      "basic-auth": { type: "basic" },
      "api-auth": { type: "apiKey", in: "header", name: "X-App-Token" },
      "oauth2 auth": {
        type: "oauth2",
        flow: "accessCode",
        authorizationUrl: "https://a/authorize",
        tokenUrl: "https://a/token",
        scopes: {},
      },
    };
    const out = deriveConnectionProperties(definitions) as Any;
    expect(out.connectionParameters).toEqual({});
    const values = out.connectionParameterSets.values;
    expect(values.map((v: Any) => v.name)).toEqual(["basic-auth", "api-auth", "oauth2-auth"]);
    expect(Object.keys(values[0].parameters)).toEqual(["username", "password"]);
    expect(Object.keys(values[1].parameters)).toEqual(["api_key"]);
    expect(Object.keys(values[2].parameters)).toEqual(["token"]);
    for (const v of values) {
      expect(typeof v.uiDefinition.displayName).toBe("string");
      expect(typeof v.uiDefinition.description).toBe("string");
    }
    expect(out.connectionParameterSets.uiDefinition.displayName).toBeTruthy();
  });

  it("makes set names unique and skips entries that are not schemes", () => {
    const out = deriveConnectionProperties({
      "a b": { type: "apiKey", in: "query", name: "k" },
      "a-b": { type: "apiKey", in: "header", name: "k2" },
      broken: "nope" as unknown as SecurityScheme,
    }) as Any;
    expect(out.connectionParameterSets.values.map((v: Any) => v.name)).toEqual(["a-b", "a-b2"]);
  });
});
