import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { createEmptyConnector } from "../model/create-empty-connector";
import { exportPackageFiles, exportPackageZip, packageFileName } from "./export-package";

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

  it("never exports a client secret value, whatever it looks like, and says so", () => {
    const properties = {
      properties: {
        connectionParameters: {
          token: { type: "oauthSetting", oAuthSettings: { clientId: "id", clientSecret: "s3cr3t-value" } },
          other: {
            type: "oauthSetting",
            oAuthSettings: { clientSecret: "A1B2C3D4E5F60718293A4B5C6D7E8F90" },
          },
          none: { type: "oauthSetting", oAuthSettings: { clientSecret: null } },
          clientSecret: { type: "securestring" },
        },
      },
    };
    const doc = { ...createEmptyConnector(), properties };
    const exported = exportPackageFiles(doc);
    expect(exported.notes).toHaveLength(2);
    expect(exported.notes.join("\n")).toContain(
      "/properties/connectionParameters/other/oAuthSettings/clientSecret",
    );
    const all = exported.files.map((f) => new TextDecoder().decode(f.bytes)).join("\n");
    expect(all).not.toContain("s3cr3t-value");
    expect(all).not.toContain("A1B2C3D4E5F60718293A4B5C6D7E8F90");
    // null holds no secret (published connectors have it) and the securestring parameter is no secret value.
    expect(all).toContain('"clientSecret": null');
    expect(all).toContain('"clientSecret": {');
  });
});
