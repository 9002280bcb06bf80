import { describe, expect, it } from "vitest";
import type { ConnectorDocument } from "../model/connector-document";
import { createEmptyConnector } from "../model/create-empty-connector";
import type { JsonObject } from "../model/json-value";
import { describeConnection } from "./connection-view";

const withProperties = (properties: JsonObject): ConnectorDocument => ({
  ...createEmptyConnector("Contoso"),
  properties: { properties },
});

describe("describeConnection", () => {
  const doc = withProperties({
    connectionParameters: {
      region: {
        type: "string",
        uiDefinition: {
          displayName: "Region",
          tooltip: "Where the account lives",
          constraints: {
            required: "true",
            tabIndex: 2,
            allowedValues: [{ text: "Europe", value: "eu" }],
          },
        },
      },
      token: {
        type: "oauthSetting",
        oAuthSettings: {
          identityProvider: "oauth2",
          clientId: "client-1",
          clientSecret: "s3cr3t",
          scopes: ["openid", "offline_access"],
          redirectMode: "GlobalPerConnector",
          customParameters: { tokenUrl: { value: "https://t.example/token" } },
        },
      },
    },
    policyTemplateInstances: [
      {
        templateId: "dynamichosturl",
        title: "Regional host",
        parameters: { "x-ms-apimTemplateParameter.urlTemplate": "https://@connectionParameters('region').x" },
      },
      {
        templateId: "setheader",
        title: "Client",
        parameters: {
          "x-ms-apimTemplateParameter.name": "X-Client",
          "x-ms-apimTemplate-operationName": ["SendDocument"],
        },
      },
    ],
  });
  const view = describeConnection(doc);

  it("lists the connection dialog's fields in tab order, with OAuth settings but never the secret", () => {
    const [option] = view.options;
    expect(option?.name).toBeNull();
    expect(option?.fields.map((f) => [f.name, f.label, f.required])).toEqual([
      ["region", "Region", true],
      ["token", "token", true],
    ]);
    expect(option?.fields[0]).toMatchObject({
      tooltip: "Where the account lives",
      allowedValues: [{ text: "Europe", value: "eu" }],
    });
    const oauth = option?.fields[1]?.oauth;
    expect(oauth).toMatchObject({
      identityProvider: "oauth2",
      clientId: "client-1",
      scopes: ["openid", "offline_access"],
      redirectMode: "GlobalPerConnector",
      urls: [{ name: "tokenUrl", value: "https://t.example/token" }],
      hasClientSecret: true,
    });
    expect(JSON.stringify(view)).not.toContain("s3cr3t");
  });

  it("gives each policy its template name, values and operations", () => {
    expect(view.policies).toEqual([
      {
        title: "Regional host",
        templateId: "dynamichosturl",
        templateName: "Set host URL",
        values: [{ name: "urlTemplate", value: "https://@connectionParameters('region').x" }],
        operations: null,
      },
      {
        title: "Client",
        templateId: "setheader",
        templateName: "Set HTTP header",
        values: [{ name: "name", value: "X-Client" }],
        operations: ["SendDocument"],
      },
    ]);
  });

  it("lists each authentication option of a multi-auth connector", () => {
    const multi = describeConnection(
      withProperties({
        connectionParameterSets: {
          values: [
            {
              name: "key",
              uiDefinition: { displayName: "API key" },
              parameters: { api_key: { type: "securestring" } },
            },
            { name: "basic", parameters: { username: { type: "string" } } },
          ],
        },
      }),
    );
    expect(multi.options.map((o) => [o.name, o.fields.map((f) => f.name)])).toEqual([
      ["API key", ["api_key"]],
      ["basic", ["username"]],
    ]);
  });
});
