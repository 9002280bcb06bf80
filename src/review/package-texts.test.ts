import { describe, expect, it } from "vitest";
import type { ConnectorDocument } from "../model/connector-document";
import { createEmptyConnector } from "../model/create-empty-connector";
import type { JsonObject } from "../model/json-value";
import { parseJsonText } from "../model/text/json-text";
import { diffConnectors } from "./diff-connectors";
import { lineOfPointer, locateChange, packageTexts } from "./package-texts";

const withToken = (scopes: string[], extra: JsonObject = {}): ConnectorDocument => ({
  ...createEmptyConnector("Contoso"),
  properties: {
    properties: {
      iconBrandColor: "#3a6ea5",
      connectionParameters: {
        token: {
          type: "oauthSetting",
          oAuthSettings: {
            identityProvider: "oauth2",
            clientId: "client-1",
            clientSecret: "shh",
            scopes,
            redirectMode: "Global",
          },
        },
      },
      ...extra,
    },
  },
});

describe("packageTexts", () => {
  it("writes the files as Export does: 4-space JSON, source key order, no client secret", () => {
    // A key order JavaScript would not keep on its own ("2" before "b"): the lossless parser records it.
    const parsed = parseJsonText('{"properties": {"b": 1, "2": 2, "iconBrandColor": "#3a6ea5"}}', "p.json");
    if (!parsed.ok) throw new Error("fixture");
    const doc = { ...createEmptyConnector("Contoso"), properties: parsed.value as JsonObject };
    const texts = packageTexts(doc);
    expect(texts["apiProperties.json"]).toBe(
      '{\n    "properties": {\n        "b": 1,\n        "2": 2,\n        "iconBrandColor": "#3a6ea5"\n    }\n}',
    );
    expect(packageTexts(withToken(["a"]))["apiProperties.json"]).not.toContain("shh");
    expect(texts["script.csx"]).toBeNull();
    expect(texts["README.md"]).toContain("# Contoso");
  });
});

describe("lineOfPointer", () => {
  const text = '{\n    "a": {\n        "b": [\n            1,\n            2\n        ]\n    }\n}';
  it("gives the line of a member's key, of an array entry, and of the nearest ancestor when absent", () => {
    expect(lineOfPointer(text, "/a")).toBe(2);
    expect(lineOfPointer(text, "/a/b")).toBe(3);
    expect(lineOfPointer(text, "/a/b/1")).toBe(5);
    expect(lineOfPointer(text, "/a/c")).toBe(2);
    expect(lineOfPointer("not json", "/a")).toBeNull();
  });
});

describe("locateChange", () => {
  it("puts a removed OAuth scope on its old line and on the new scope list", () => {
    const before = withToken(["openid", "offline_access", "read"]);
    const after = withToken(["openid", "read"]);
    const [change] = diffConnectors(before, after).filter((c) => c.breaking);
    if (!change) throw new Error("expected a breaking change");
    const oldTexts = packageTexts(before);
    const newTexts = packageTexts(after);
    const where = locateChange(change, oldTexts, newTexts);
    expect(where.file).toBe("apiProperties.json");
    const oldLines = (oldTexts["apiProperties.json"] ?? "").split("\n");
    const newLines = (newTexts["apiProperties.json"] ?? "").split("\n");
    expect(oldLines[(where.oldLine ?? 0) - 1]?.trim()).toBe('"offline_access",');
    expect(newLines[(where.newLine ?? 0) - 1]?.trim()).toBe('"scopes": [');
  });

  it("has no old line for an addition and no new line for a removal", () => {
    const a = createEmptyConnector("Contoso");
    const b: ConnectorDocument = {
      ...a,
      definition: {
        ...a.definition,
        paths: { "/x": { get: { operationId: "GetX", responses: { "200": { description: "OK" } } } } },
      },
    };
    const [added] = diffConnectors(a, b);
    const [removed] = diffConnectors(b, a);
    if (!added || !removed) throw new Error("expected changes");
    const ta = packageTexts(a);
    const tb = packageTexts(b);
    expect(locateChange(added, ta, tb)).toMatchObject({ oldLine: null, newLine: expect.any(Number) });
    expect(locateChange(removed, tb, ta)).toMatchObject({ oldLine: expect.any(Number), newLine: null });
  });
});
