import { describe, expect, it } from "vitest";
import type { ConnectorDocument } from "../connector-document";
import { createEmptyConnector } from "../create-empty-connector";
import type { JsonObject } from "../json-value";
import type { SwaggerDocument } from "../swagger-types";
import { setGeneralField } from "./general";
import {
  addConnectionParameter,
  addParameterSet,
  disableParameterSets,
  enableParameterSets,
  hasStoredClientSecret,
  listExtraParameters,
  OAUTH_TEMPLATE_KEYS,
  readParameterSets,
  redirectUrlFor,
  removeClientSecrets,
  renameConnectionParameter,
  setConnectionParameterField,
  setSecurityField,
  switchAuthType,
  toSecurityFormValues,
  type SecurityField,
} from "./security";

function doc(
  definition: Partial<SwaggerDocument>,
  connectionParameters: JsonObject,
  extra: JsonObject = {},
): ConnectorDocument {
  return {
    definition: {
      swagger: "2.0",
      info: { title: "Zoho Mail", version: "1.0" },
      host: "x.example.com",
      paths: {},
      ...definition,
    },
    properties: {
      properties: { connectionParameters, iconBrandColor: "#236eb4", capabilities: [], ...extra },
    },
    icon: null,
    script: null,
    settings: null,
  };
}

/** Hand-written documents in the shapes of published connectors (one per auth type / provider). */
const FIXTURES: Record<string, () => ConnectorDocument> = {
  basic: () =>
    doc(
      { securityDefinitions: { basic_auth: { type: "basic" } }, security: [{ basic_auth: [] }] },
      {
        username: {
          type: "securestring",
          uiDefinition: {
            displayName: "Username",
            description: "Enter the Username",
            tooltip: "Provide the Username",
            constraints: { tabIndex: 2, clearText: true, required: "true" },
          },
        },
        password: {
          type: "securestring",
          uiDefinition: {
            displayName: "Password",
            constraints: { tabIndex: 3, clearText: false, required: "true" },
          },
        },
      },
    ),
  apiKey: () =>
    doc(
      {
        securityDefinitions: { api_key: { in: "header", name: "Authorization", type: "apiKey" } },
        security: [],
      },
      {
        api_key: {
          type: "securestring",
          uiDefinition: {
            constraints: { clearText: false, required: "true", tabIndex: 2 },
            description: "The Authorization for this api",
            displayName: "Authorization",
            tooltip: "Provide your Authorization",
          },
        },
      },
    ),
  oauth2: () =>
    doc(
      {
        securityDefinitions: {
          oauth2_auth: {
            type: "oauth2",
            flow: "accessCode",
            authorizationUrl: "https://www.example.com/oauth2/authorize",
            tokenUrl: "https://www.example.com/oauth2/token",
            scopes: { user: "user", admin: "admin" },
          },
        },
        security: [{ oauth2_auth: ["user", "admin"] }],
      },
      {
        token: {
          type: "oauthSetting",
          oAuthSettings: {
            identityProvider: "oauth2",
            clientId: "{{clientId}}",
            scopes: ["user", "admin"],
            redirectMode: "Global",
            redirectUrl: "https://global.consent.azure-apim.net/redirect",
            properties: { IsFirstParty: "False" },
            customParameters: {
              authorizationUrl: { value: "https://www.example.com/oauth2/authorize" },
              tokenUrl: { value: "https://www.example.com/oauth2/token" },
              refreshUrl: { value: "https://www.example.com/oauth2/token" },
            },
          },
        },
      },
    ),
  aad: () =>
    doc(
      {
        securityDefinitions: {
          oauth2_auth: {
            authorizationUrl: "https://login.windows.net/common/oauth2/authorize",
            flow: "accessCode",
            scopes: { "Group.ReadWrite.All offline_access": "Group.ReadWrite.All offline_access" },
            tokenUrl: "https://login.windows.net/common/oauth2/authorize",
            type: "oauth2",
          },
        },
        security: [{ oauth2_auth: ["Group.ReadWrite.All offline_access"] }],
      },
      {
        token: {
          oAuthSettings: {
            clientId: "{aad_application_id}",
            customParameters: {
              loginUri: { value: "https://login.windows.net" },
              resourceUri: { value: "https://graph.microsoft.com" },
              tenantId: { value: "common" },
            },
            identityProvider: "aad",
            properties: { IsFirstParty: "False", IsOnbehalfofLoginSupported: false },
            redirectMode: "Global",
            redirectUrl: "https://global.consent.azure-apim.net/redirect",
            scopes: ["Group.ReadWrite.All offline_access"],
          },
          type: "oauthSetting",
        },
      },
    ),
  aadcertificate: () =>
    doc(
      {},
      {
        token: {
          type: "oauthSetting",
          oAuthSettings: {
            identityProvider: "aadcertificate",
            clientId: "77121646-fd2e-4a26-b74b-8be141d01223",
            scopes: [],
            redirectMode: "global",
            redirectUrl: "https://global.consent.azure-apim.net/redirect",
            customParameters: {
              loginUri: { value: "https://login.windows.net" },
              tenantId: { value: "common" },
              resourceUri: { value: "https://graph.microsoft.com" },
            },
          },
        },
        "token:TenantId": {
          type: "string",
          metadata: { sourceType: "AzureActiveDirectoryTenant" },
          uiDefinition: { constraints: { required: "false", hidden: "true" } },
        },
      },
    ),
  oauth2generic: () =>
    doc(
      {
        securityDefinitions: {
          oauth2_auth: {
            type: "oauth2",
            flow: "accessCode",
            authorizationUrl: "https://accounts.zoho.com/oauth/v2/auth",
            tokenUrl: "https://accounts.zoho.com/oauth/v2/token",
            scopes: {},
          },
        },
        security: [{ oauth2_auth: [] }],
      },
      {
        token: {
          type: "oauthSetting",
          oAuthSettings: {
            identityProvider: "oauth2generic",
            clientId: "<Enter Your Client ID>",
            scopes: ["VirtualOffice.accounts.READ", "VirtualOffice.messages.ALL"],
            redirectMode: "GlobalPerConnector",
            redirectUrl: "https://global.consent.azure-apim.net/redirect/zohomail",
            properties: { IsFirstParty: "False", IsOnbehalfofLoginSupported: false },
            customParameters: {
              authorizationUrlTemplate: { value: "https://accounts.zoho{CustomHost}/oauth/v2/auth" },
              authorizationUrlQueryStringTemplate: { value: "?response_type=code&client_id={clientId}" },
              tokenUrlTemplate: { value: "https://accounts.zoho{CustomHost}/oauth/v2/token" },
              tokenBodyTemplate: { value: "code={code}&grant_type=authorization_code" },
            },
          },
        },
        "token:customHost": {
          type: "string",
          uiDefinition: {
            constraints: {
              required: "true",
              tabIndex: 3,
              allowedValues: [
                { text: "US (zoho.com)", value: ".com" },
                { text: "EU (zoho.eu)", value: ".eu" },
              ],
            },
            displayName: "Region",
            description: "Select the domain.",
          },
        },
      },
      { scriptOperations: ["Send_Mail"] },
    ),
};

function allFields(): SecurityField[] {
  const values = toSecurityFormValues(createEmptyConnector());
  const plain = Object.keys(values).filter((k) => k !== "authType" && k !== "templates") as SecurityField[];
  return [...plain, ...OAUTH_TEMPLATE_KEYS.map((k) => `template:${k}` as const)];
}

describe("security round trip", () => {
  for (const [name, make] of Object.entries(FIXTURES)) {
    it(`${name}: document → form values → write back leaves the document identical`, () => {
      const source = make();
      const values = toSecurityFormValues(source) as unknown as Record<string, unknown>;
      let next = source;
      for (const field of allFields()) {
        const value = field.startsWith("template:")
          ? (values.templates as Record<string, string>)[field.slice(9)]
          : values[field];
        next = setSecurityField(field, value as string | boolean).apply(next);
      }
      expect(next).toBe(source);
      expect(JSON.stringify(next)).toBe(JSON.stringify(make()));
    });
  }

  it("reads the auth type and provider fields", () => {
    expect(toSecurityFormValues(FIXTURES.basic!())).toMatchObject({
      authType: "basic",
      userNameLabel: "Username",
      passwordLabel: "Password",
    });
    expect(toSecurityFormValues(FIXTURES.apiKey!())).toMatchObject({
      authType: "apiKey",
      apiKeyLabel: "Authorization",
      apiKeyName: "Authorization",
      apiKeyLocation: "header",
    });
    expect(toSecurityFormValues(FIXTURES.aad!())).toMatchObject({
      authType: "oauth2",
      identityProvider: "aad",
      loginUri: "https://login.windows.net",
      tenantId: "common",
      resourceUri: "https://graph.microsoft.com",
      scope: "Group.ReadWrite.All offline_access",
      onBehalfOf: false,
    });
    const generic = toSecurityFormValues(FIXTURES.oauth2generic!());
    expect(generic.redirectMode).toBe("GlobalPerConnector");
    expect(generic.templates.tokenUrlTemplate).toBe("https://accounts.zoho{CustomHost}/oauth/v2/token");
    expect(toSecurityFormValues(FIXTURES.aadcertificate!()).authType).toBe("oauth2");
    expect(toSecurityFormValues(createEmptyConnector()).authType).toBe("none");
  });
});

describe("switching the auth type", () => {
  it("API key writes both files like published connectors", () => {
    let next = switchAuthType("apiKey").apply(createEmptyConnector());
    next = setSecurityField("apiKeyLabel", "Subscription key").apply(next);
    next = setSecurityField("apiKeyName", "Ocp-Apim-Subscription-Key").apply(next);
    next = setSecurityField("apiKeyLocation", "query").apply(next);
    expect(next.definition.securityDefinitions).toEqual({
      "API Key": { type: "apiKey", in: "query", name: "Ocp-Apim-Subscription-Key" },
    });
    expect(next.definition.security).toEqual([{ "API Key": [] }]);
    expect((next.properties.properties as JsonObject).connectionParameters).toEqual({
      api_key: {
        type: "securestring",
        uiDefinition: {
          displayName: "Subscription key",
          description: "The API Key for this api",
          tooltip: "Provide your API Key",
          constraints: { tabIndex: 2, clearText: false, required: "true" },
        },
      },
    });
  });

  it("keeps extra parameters and the gateway, drops the old auth's parameters", () => {
    let next = FIXTURES.oauth2generic!();
    next = setGeneralField("gateway", true).apply(next);
    next = switchAuthType("basic").apply(next);
    const cp = (next.properties.properties as JsonObject).connectionParameters as JsonObject;
    expect(Object.keys(cp)).toEqual(["username", "password", "gateway"]);
    expect(next.definition.securityDefinitions).toEqual({ basic_auth: { type: "basic" } });
    expect((next.properties.properties as JsonObject).scriptOperations).toEqual(["Send_Mail"]);
    // Under the gateway the basic parameters carry the gateway capability.
    expect(JSON.stringify(cp.username)).toContain('"capability":["gateway"]');
    const none = switchAuthType("none").apply(next);
    expect(none.definition.securityDefinitions).toEqual({});
    expect(
      Object.keys((none.properties.properties as JsonObject).connectionParameters as JsonObject),
    ).toEqual(["gateway"]);
  });

  it("OAuth 2.0 with Azure Active Directory keeps both files in step", () => {
    let next = switchAuthType("oauth2").apply(createEmptyConnector());
    next = setSecurityField("identityProvider", "aad").apply(next);
    next = setSecurityField("clientId", "abc").apply(next);
    next = setSecurityField("tenantId", "contoso.onmicrosoft.com").apply(next);
    next = setSecurityField("resourceUri", "https://graph.microsoft.com").apply(next);
    next = setSecurityField("scope", "User.Read offline_access").apply(next);
    next = setSecurityField("onBehalfOf", true).apply(next);
    const scheme = next.definition.securityDefinitions?.oauth2_auth as JsonObject;
    expect(scheme.authorizationUrl).toBe(
      "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/authorize",
    );
    expect(scheme.scopes).toEqual({ "User.Read": "User.Read", offline_access: "offline_access" });
    expect(next.definition.security).toEqual([{ oauth2_auth: ["User.Read", "offline_access"] }]);
    const settings = ((next.properties.properties as JsonObject).connectionParameters as JsonObject)
      .token as JsonObject;
    expect(settings.oAuthSettings).toEqual({
      identityProvider: "aad",
      clientId: "abc",
      scopes: ["User.Read", "offline_access"],
      redirectMode: "Global",
      redirectUrl: "https://global.consent.azure-apim.net/redirect",
      properties: { IsFirstParty: "False", IsOnbehalfofLoginSupported: true },
      customParameters: {
        loginUri: { value: "https://login.microsoftonline.com" },
        tenantId: { value: "contoso.onmicrosoft.com" },
        resourceUri: { value: "https://graph.microsoft.com" },
      },
    });
    expect(JSON.stringify(next)).not.toContain("clientSecret");
  });

  it("generic OAuth writes URLs to the swagger and customParameters; redirect modes", () => {
    let next = switchAuthType("oauth2").apply(createEmptyConnector("My Service"));
    next = setSecurityField("authorizationUrl", "https://id.example.com/authorize").apply(next);
    next = setSecurityField("tokenUrl", "https://id.example.com/token").apply(next);
    next = setSecurityField("refreshUrl", "https://id.example.com/refresh").apply(next);
    expect(next.definition.securityDefinitions?.oauth2_auth).toMatchObject({
      authorizationUrl: "https://id.example.com/authorize",
      tokenUrl: "https://id.example.com/token",
      flow: "accessCode",
    });
    const values = toSecurityFormValues(next);
    expect([values.authorizationUrl, values.tokenUrl, values.refreshUrl]).toEqual([
      "https://id.example.com/authorize",
      "https://id.example.com/token",
      "https://id.example.com/refresh",
    ]);
    next = setSecurityField("redirectMode", "GlobalPerConnector").apply(next);
    expect(redirectUrlFor(next)).toBe("https://global.consent.azure-apim.net/redirect/myservice");
  });

  it("strips a stored client secret", () => {
    const source = FIXTURES.oauth2!();
    const withSecret = {
      ...source,
      properties: {
        properties: {
          connectionParameters: {
            token: {
              type: "oauthSetting",
              oAuthSettings: { identityProvider: "oauth2", clientId: "a", clientSecret: "s" },
            },
          },
        },
      },
    };
    expect(hasStoredClientSecret(withSecret.properties)).toBe(true);
    const stripped = removeClientSecrets().apply(withSecret);
    expect(hasStoredClientSecret(stripped.properties)).toBe(false);
    expect(JSON.stringify(stripped.properties)).not.toContain("clientSecret");
  });
});

describe("extra connection parameters and parameter sets", () => {
  it("lists, adds, edits and renames extra parameters in place", () => {
    let next = FIXTURES.oauth2generic!();
    expect(listExtraParameters(next).map((p) => [p.name, p.allowedValues])).toEqual([
      ["token:customHost", "US (zoho.com) | .com\nEU (zoho.eu) | .eu"],
    ]);
    const base = "/properties/connectionParameters";
    next = addConnectionParameter(base).apply(next);
    next = setConnectionParameterField(base, "parameter1", "label", "Host URL").apply(next);
    next = setConnectionParameterField(base, "parameter1", "required", true).apply(next);
    next = setConnectionParameterField(
      base,
      "parameter1",
      "allowedValues",
      "Production | https://a\nhttps://b",
    ).apply(next);
    next = renameConnectionParameter(base, "parameter1", "hostUrl").apply(next);
    const cp = (next.properties.properties as JsonObject).connectionParameters as JsonObject;
    expect(Object.keys(cp)).toEqual(["token", "token:customHost", "hostUrl"]);
    expect(cp.hostUrl).toMatchObject({
      type: "string",
      uiDefinition: {
        displayName: "Host URL",
        constraints: {
          required: "true",
          allowedValues: [
            { text: "Production", value: "https://a" },
            { text: "https://b", value: "https://b" },
          ],
        },
      },
    });
  });

  it("builds several authentication options and goes back to one", () => {
    let next = switchAuthType("apiKey").apply(createEmptyConnector());
    next = enableParameterSets().apply(next);
    next = addParameterSet("oauth2").apply(next);
    const sets = readParameterSets(next);
    expect(sets?.options.map((o) => [o.name, o.parameters.map((p) => p.name)])).toEqual([
      ["apiKey", ["api_key"]],
      ["oauth2", ["token"]],
    ]);
    expect((next.properties.properties as JsonObject).connectionParameters).toEqual({});
    // The single-auth label field does not recreate a partial parameter once they moved into the sets.
    expect(setSecurityField("apiKeyLabel", "Key").apply(next)).toBe(next);
    const single = disableParameterSets().apply(next);
    expect(readParameterSets(single)).toBeNull();
    expect(
      Object.keys((single.properties.properties as JsonObject).connectionParameters as JsonObject),
    ).toEqual(["api_key"]);
  });
});
