import { describe, expect, it } from "vitest";
import type { ConnectorDocument } from "../model/connector-document";
import { createEmptyConnector } from "../model/create-empty-connector";
import { listOperations, type OperationRef } from "../model/swagger-types";
import { listAuthOptions, normalizeAuthOption, resolveAuth, secretParameterNames } from "./auth-options";
import { readOAuthSettingsFor } from "./oauth";
import { displayHeaderValue, prepareRequest, toCurl } from "./prepare-request";

const secure = (displayName: string) => ({ type: "securestring", uiDefinition: { displayName } });
const text = (displayName: string) => ({ type: "string", uiDefinition: { displayName } });

function connector(
  securityDefinitions: object,
  sets: object | undefined,
  cp: object = {},
): ConnectorDocument {
  const doc = createEmptyConnector("Multi");
  return {
    ...doc,
    definition: {
      ...doc.definition,
      host: "api.contoso.com",
      basePath: "/v1",
      securityDefinitions: securityDefinitions as ConnectorDocument["definition"]["securityDefinitions"],
      paths: { "/me": { get: { operationId: "Me", responses: {} } } },
    },
    properties: {
      properties: {
        connectionParameters: cp,
        ...(sets ? { connectionParameterSets: sets } : {}),
      },
    } as ConnectorDocument["properties"],
  };
}

const me = (doc: ConnectorDocument): OperationRef => listOperations(doc.definition)[0] as OperationRef;

// As Open Data Network publishes it: option names equal the security definition keys.
const namedOptions = connector(
  { "basic-auth": { type: "basic" }, "api-auth": { type: "apiKey", in: "header", name: "X-App-Token" } },
  {
    uiDefinition: { displayName: "Authentication Type", description: "Type of authentication" },
    values: [
      {
        name: "api-auth",
        uiDefinition: { displayName: "App Token", description: "Use an app token" },
        parameters: { api_key: secure("App token"), environment: text("Environment") },
      },
      {
        name: "basic-auth",
        uiDefinition: { displayName: "API Key", description: "Key id and secret" },
        parameters: { username: text("Key ID"), password: secure("Key secret") },
      },
    ],
  },
);

describe("authentication options", () => {
  it("lists the options by the names the platform shows, with the label of the choice", () => {
    expect(listAuthOptions(namedOptions)).toEqual({
      label: "Authentication Type",
      options: [
        { index: 0, name: "api-auth", label: "App Token", description: "Use an app token" },
        { index: 1, name: "basic-auth", label: "API Key", description: "Key id and secret" },
      ],
    });
    expect(listAuthOptions(connector({}, undefined))).toBeNull();
    // A stored choice that no longer exists falls back to the first option; one authentication is null.
    expect(normalizeAuthOption(namedOptions, 1)).toBe(1);
    expect(normalizeAuthOption(namedOptions, 7)).toBe(0);
    expect(normalizeAuthOption(connector({}, undefined), 1)).toBeNull();
  });

  it("applies the security definition named like the option", () => {
    expect(resolveAuth(namedOptions, 0)).toEqual({
      kind: "apiKey",
      schemeName: "api-auth",
      name: "X-App-Token",
      in: "header",
      parameter: "api_key",
    });
    expect(resolveAuth(namedOptions, 1)).toEqual({
      kind: "basic",
      schemeName: "basic-auth",
      userParameter: "username",
      passwordParameter: "password",
    });
  });

  it("otherwise applies the first definition the option's parameters can fill, or its OAuth sign-in", () => {
    const doc = connector(
      {
        oauth: { type: "oauth2", flow: "accessCode", authorizationUrl: "https://a", tokenUrl: "https://t" },
        key: { type: "apiKey", in: "query", name: "code" },
        basic: { type: "basic" },
      },
      {
        values: [
          { name: "first", parameters: { userName: text("User"), password: secure("Password") } },
          { name: "second", parameters: { subscription: secure("Key") } },
          { name: "third", parameters: { token: { type: "oauthSetting", oAuthSettings: {} } } },
        ],
      },
    );
    expect(resolveAuth(doc, 0)).toMatchObject({
      kind: "basic",
      schemeName: "basic",
      userParameter: "userName",
    });
    expect(resolveAuth(doc, 1)).toMatchObject({ kind: "apiKey", name: "code", parameter: "subscription" });
    expect(resolveAuth(doc, 2)).toMatchObject({
      kind: "oauth2",
      schemeName: "oauth",
      oauthParameter: "token",
    });
    // Without any security definition (as LawVu publishes it), an OAuth option still signs in.
    const bare = connector({}, { values: [{ name: "x", parameters: { token: { type: "oauthSetting" } } }] });
    expect(resolveAuth(bare, 0)).toEqual({ kind: "oauth2", schemeName: null, oauthParameter: "token" });
    // An option with credentials that no definition takes: nothing is added, and the call says so.
    const policyOnly = connector({}, { values: [{ name: "k", parameters: { apiKey: secure("Key") } }] });
    expect(resolveAuth(policyOnly, 0)).toMatchObject({ kind: "none" });
    expect(prepareRequest(policyOnly, me(policyOnly), {}, { values: {}, authOption: 0 }).warnings).toEqual([
      expect.stringContaining("only policies add its credentials"),
    ]);
  });

  it("keeps the single authentication as before: the first security definition", () => {
    const doc = connector({ k: { type: "apiKey", in: "header", name: "X-Key" } }, undefined, {
      api_key: secure("Key"),
    });
    expect(resolveAuth(doc, null)).toMatchObject({ kind: "apiKey", name: "X-Key", parameter: "api_key" });
    expect(resolveAuth(connector({}, undefined), null)).toEqual({
      kind: "none",
      schemeName: null,
      note: null,
    });
    expect(secretParameterNames(namedOptions, 1)).toEqual(["password"]);
  });

  it("builds each option's request with that option's credentials only", () => {
    const values = { api_key: "app-token", username: "id-1", password: "pw" };
    const first = prepareRequest(namedOptions, me(namedOptions), {}, { values, authOption: 0 });
    expect(first.headers).toEqual([["X-App-Token", "app-token"]]);
    const second = prepareRequest(namedOptions, me(namedOptions), {}, { values, authOption: 1 });
    expect(second.headers).toEqual([["Authorization", `Basic ${btoa("id-1:pw")}`]]);
    expect(displayHeaderValue(second, "Authorization", second.headers[0]![1])).toBe("Basic ••••••");
    expect(prepareRequest(namedOptions, me(namedOptions), {}, { values: {}, authOption: 1 }).missing).toEqual(
      ["User name (connection)"],
    );
  });

  it("masks a secret that a policy puts in a header", () => {
    const doc = connector(
      {},
      {
        values: [{ name: "k", parameters: { apiKey: secure("Key") } }],
      },
    );
    const withPolicy: ConnectorDocument = {
      ...doc,
      properties: {
        properties: {
          ...(doc.properties.properties as object),
          policyTemplateInstances: [
            {
              templateId: "setheader",
              title: "Key header",
              parameters: {
                "x-ms-apimTemplateParameter.name": "Ocp-Apim-Subscription-Key",
                "x-ms-apimTemplateParameter.value": "@connectionParameters('apiKey')",
                "x-ms-apimTemplateParameter.existsAction": "override",
              },
            },
          ],
        },
      } as ConnectorDocument["properties"],
    };
    const r = prepareRequest(
      withPolicy,
      me(withPolicy),
      {},
      { values: { apiKey: "sub-key-1" }, authOption: 0 },
    );
    expect(r.headers).toEqual([["Ocp-Apim-Subscription-Key", "sub-key-1"]]);
    expect(toCurl(r)).not.toContain("sub-key-1");
  });

  it("reads an OAuth option's settings from its own parameter, with the definition's URLs as fallback", () => {
    const doc = connector(
      {
        key: { type: "apiKey", in: "header", name: "X-Key" },
        oauth: {
          type: "oauth2",
          flow: "accessCode",
          authorizationUrl: "http://127.0.0.1:1/authorize",
          tokenUrl: "http://127.0.0.1:1/token",
          scopes: { read: "read" },
        },
      },
      {
        values: [
          { name: "key", parameters: { api_key: secure("Key") } },
          {
            name: "oauth",
            parameters: {
              token: {
                type: "oauthSetting",
                oAuthSettings: {
                  identityProvider: "oauth2",
                  clientId: "client-2",
                  scopes: ["read", "write"],
                  customParameters: { tokenUrl: { value: "http://127.0.0.1:2/token" } },
                },
              },
            },
          },
        ],
      },
    );
    expect(readOAuthSettingsFor(doc, 1)).toEqual({
      identityProvider: "oauth2",
      clientId: "client-2",
      authorizationUrl: "http://127.0.0.1:1/authorize",
      tokenUrl: "http://127.0.0.1:2/token",
      refreshUrl: "http://127.0.0.1:2/token",
      scopes: ["read", "write"],
    });
  });
});
