import { describe, expect, it } from "vitest";
import { createEmptyConnector } from "./create-empty-connector";
import type { JsonObject } from "./json-value";
import { documentForWriting, hasClientSecret, withoutClientSecrets } from "./secrets";
import { parseJsonText, stringifyJson } from "./text/json-text";

/** Values published connectors and makers put in `clientSecret`: none of them can be told from a real one. */
const LOOKALIKES = [
  "A1B2C3D4E5F60718293A4B5C6D7E8F90",
  "QWERTYUIOPASDFGHJKL1234",
  "***",
  "{…}",
  "[[DUMMY]]",
  "<Enter your client secret>",
  "YOUR_CLIENT_SECRET",
  "test",
  "",
];

function oauth(clientSecret: unknown): JsonObject {
  return {
    properties: {
      connectionParameters: {
        token: {
          type: "oauthSetting",
          oAuthSettings: { identityProvider: "oauth2", clientId: "id", clientSecret, scopes: [] },
        },
      },
    },
  } as JsonObject;
}

describe("withoutClientSecrets", () => {
  it.each(LOOKALIKES)("leaves out %j: placeholders are not told from secrets", (value) => {
    const { properties, removed } = withoutClientSecrets(oauth(value));
    expect(removed).toEqual(["/properties/connectionParameters/token/oAuthSettings/clientSecret"]);
    expect(JSON.stringify(properties)).not.toContain("clientSecret");
    expect(JSON.stringify(properties)).toContain('"clientId":"id"');
  });

  it("leaves out non-string values too, and keeps null (no value at all), as published connectors hold it", () => {
    expect(withoutClientSecrets(oauth(12345)).removed).toHaveLength(1);
    expect(withoutClientSecrets(oauth({ value: "s" })).removed).toHaveLength(1);
    const withNull = oauth(null);
    const kept = withoutClientSecrets(withNull);
    expect(kept.removed).toEqual([]);
    expect(kept.properties).toBe(withNull);
    expect(hasClientSecret(withNull)).toBe(false);
  });

  it("finds secrets in parameter sets and any casing; a connection parameter named clientSecret is kept", () => {
    const properties: JsonObject = {
      properties: {
        connectionParameters: { clientSecret: { type: "securestring" } },
        connectionParameterSets: {
          values: [
            { name: "a", parameters: { token: { oAuthSettings: { ClientSecret: "x" } } } },
            { name: "b", parameters: { token: { oAuthSettings: { client_secret: "y" } } } },
          ],
        },
      },
    };
    const { properties: out, removed } = withoutClientSecrets(properties);
    expect(removed).toEqual([
      "/properties/connectionParameterSets/values/0/parameters/token/oAuthSettings/ClientSecret",
      "/properties/connectionParameterSets/values/1/parameters/token/oAuthSettings/client_secret",
    ]);
    expect(out.properties).toMatchObject({
      connectionParameters: { clientSecret: { type: "securestring" } },
    });
    expect(JSON.stringify(out)).not.toMatch(/"x"|"y"/);
    // The input is not changed.
    expect(JSON.stringify(properties)).toContain('"ClientSecret":"x"');
  });

  it("keeps the source text of everything else (key order, raw numbers): only the member goes", () => {
    const text =
      '{"properties":{"connectionParameters":{"token":{"oAuthSettings":{"scopes":[],"clientSecret":"[[DUMMY]]","clientId":"c","200":1.0}}}}}';
    const parsed = parseJsonText(text, "apiProperties.json");
    if (!parsed.ok) throw new Error("fixture");
    const out = withoutClientSecrets(parsed.value as JsonObject).properties;
    expect(stringifyJson(out, 0)).toBe(
      '{"properties":{"connectionParameters":{"token":{"oAuthSettings":{"scopes":[],"clientId":"c","200":1.0}}}}}',
    );
  });
});

describe("documentForWriting", () => {
  it("returns the same document when there is no secret, a copy without it otherwise", () => {
    const doc = createEmptyConnector("Contoso");
    expect(documentForWriting(doc).document).toBe(doc);
    const withSecret = { ...doc, properties: oauth("***") };
    const { document, removed } = documentForWriting(withSecret);
    expect(removed).toHaveLength(1);
    expect(document.definition).toBe(doc.definition);
    expect(JSON.stringify(document.properties)).not.toContain("clientSecret");
  });
});
