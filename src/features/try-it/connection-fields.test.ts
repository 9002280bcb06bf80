import { describe, expect, it } from "vitest";
import type { ConnectorDocument } from "../../model/connector-document";
import { createEmptyConnector } from "../../model/create-empty-connector";
import { connectionFields, initialFieldValues } from "./connection-fields";

function twoOptions(): ConnectorDocument {
  const doc = createEmptyConnector("Two");
  const region = { type: "string", uiDefinition: { displayName: "Region" }, defaultValue: "eu" };
  return {
    ...doc,
    definition: {
      ...doc.definition,
      securityDefinitions: {
        key: { type: "apiKey", in: "header", name: "X-Key" },
        oauth: { type: "oauth2", flow: "accessCode", authorizationUrl: "https://a", tokenUrl: "https://t" },
      },
    },
    properties: {
      properties: {
        connectionParameters: {},
        connectionParameterSets: {
          uiDefinition: { displayName: "Authentication type" },
          values: [
            {
              name: "key",
              uiDefinition: { displayName: "Key" },
              parameters: {
                api_key: {
                  type: "securestring",
                  uiDefinition: { displayName: "Key", constraints: { required: "true" } },
                },
                hidden: { type: "string", uiDefinition: { constraints: { hidden: "true" } } },
                region,
              },
            },
            {
              name: "oauth",
              uiDefinition: { displayName: "Sign in" },
              parameters: { token: { type: "oauthSetting", oAuthSettings: {} }, region },
            },
          ],
        },
      },
    } as ConnectorDocument["properties"],
  };
}

describe("connection dialog fields", () => {
  it("shows each option's own fields and says when it signs in", () => {
    const doc = twoOptions();
    const first = connectionFields(doc, 0);
    expect(first.fields.map((f) => [f.name, f.label, f.secret, f.required])).toEqual([
      ["api_key", "Key", true, true],
      ["region", "Region", false, false],
    ]);
    expect(first.oauth).toBe(false);
    expect(first.auth).toMatchObject({ kind: "apiKey", name: "X-Key" });
    const second = connectionFields(doc, 1);
    expect(second.fields.map((f) => f.name)).toEqual(["region"]);
    expect(second.oauth).toBe(true);
  });

  it("starts from what was typed before, else the defaults", () => {
    const { fields } = connectionFields(twoOptions(), 0);
    expect(initialFieldValues(fields, undefined)).toEqual({ api_key: "", region: "eu" });
    expect(initialFieldValues(fields, { api_key: "k", other: "x" })).toEqual({ api_key: "k", region: "eu" });
  });
});
