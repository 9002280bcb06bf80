import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { createEmptyConnector } from "../model/create-empty-connector";
import { exportPackageFiles, exportPackageZip, packageFileName } from "./export-package";
import { stripSecrets } from "./strip-secrets";

describe("export", () => {
  it("writes the package files with 4-space JSON, icon and script only when present", () => {
    const doc = createEmptyConnector("Contoso");
    const { files } = exportPackageFiles(doc);
    expect(files.map((f) => f.path)).toEqual([
      "apiDefinition.swagger.json",
      "apiProperties.json",
      "settings.json",
    ]);
    const text = new TextDecoder().decode(files[0]?.bytes);
    expect(text).toBe(JSON.stringify(doc.definition, null, 4));
    const withExtras = {
      ...doc,
      icon: { bytes: new Uint8Array([1]), mediaType: "image/png" },
      script: "code",
    };
    const zip = unzipSync(exportPackageZip(withExtras));
    expect(Object.keys(zip).sort()).toEqual([
      "apiDefinition.swagger.json",
      "apiProperties.json",
      "icon.png",
      "script.csx",
      "settings.json",
    ]);
    const settings = JSON.parse(new TextDecoder().decode(zip["settings.json"]));
    expect(settings).toMatchObject({
      icon: "icon.png",
      script: "script.csx",
      powerAppsApiVersion: "2016-11-01",
    });
  });

  it("names the zip after the connector", () => {
    expect(packageFileName(createEmptyConnector("Contoso Invoices"))).toBe("Contoso Invoices.zip");
    expect(packageFileName(createEmptyConnector('A/B: "C"?'))).toBe("A-B- -C--.zip");
    expect(packageFileName(createEmptyConnector("Trailing. "))).toBe("Trailing.zip");
    expect(packageFileName(createEmptyConnector(""))).toBe("Untitled connector.zip");
  });

  it("never exports a real client secret but keeps placeholders", () => {
    const properties = {
      properties: {
        connectionParameters: {
          token: { type: "oauthSetting", oAuthSettings: { clientId: "id", clientSecret: "s3cr3t-value" } },
          other: { type: "oauthSetting", oAuthSettings: { clientSecret: "[[DUMMY]]" } },
          clientSecret: { type: "securestring" },
        },
      },
    };
    const { properties: stripped, removed } = stripSecrets(properties);
    expect(removed).toEqual(["/properties/connectionParameters/token/oAuthSettings/clientSecret"]);
    expect(JSON.stringify(stripped)).not.toContain("s3cr3t-value");
    expect(JSON.stringify(stripped)).toContain("[[DUMMY]]");
    const doc = { ...createEmptyConnector(), properties };
    const exported = exportPackageFiles(doc);
    expect(exported.notes).toHaveLength(1);
    const all = exported.files.map((f) => new TextDecoder().decode(f.bytes)).join("\n");
    expect(all).not.toContain("s3cr3t-value");
  });
});
