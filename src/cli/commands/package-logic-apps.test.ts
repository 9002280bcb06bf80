import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ConnectorDocument } from "../../model/connector-document";
import type { JsonObject } from "../../model/json-value";
import { validConnector, withDefinition } from "../../validation/__fixtures__/connector-fixture";
import { main } from "../main";

async function writePackage(dir: string, doc: ConnectorDocument): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "apiDefinition.swagger.json"), JSON.stringify(doc.definition, null, 4));
  await writeFile(path.join(dir, "apiProperties.json"), JSON.stringify(doc.properties, null, 4));
}

describe("connector-studio package --target logic-apps", () => {
  let dir: string;
  const out: string[] = [];
  const err: string[] = [];
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "cs-logic-apps-"));
    out.length = 0;
    err.length = 0;
    vi.spyOn(console, "log").mockImplementation((line: string) => void out.push(line));
    vi.spyOn(console, "error").mockImplementation((line: string) => void err.push(line));
  });
  afterEach(() => vi.restoreAllMocks());

  it("writes an ARM template (.json) or a Bicep file (.bicep), and the template imports back", async () => {
    const input = path.join(dir, "tasks");
    const doc = validConnector();
    await writePackage(input, doc);
    const json = path.join(dir, "out", "tasks.json");
    expect(await main(["package", input, "--target", "logic-apps", "--out", json])).toBe(0);
    expect(out[0]).toBe(`${json}: ARM template with one Microsoft.Web/customApis resource`);
    const template = JSON.parse(await readFile(json, "utf8")) as JsonObject;
    const resource = (template.resources as JsonObject[])[0] as JsonObject;
    expect(resource.type).toBe("Microsoft.Web/customApis");
    expect((resource.properties as JsonObject).swagger).toEqual(JSON.parse(JSON.stringify(doc.definition)));

    const bicep = path.join(dir, "out", "tasks.bicep");
    expect(await main(["package", input, "--target=logic-apps", "--out", bicep])).toBe(0);
    expect(await readFile(bicep, "utf8")).toContain(
      "resource customApi 'Microsoft.Web/customApis@2016-06-01' = {",
    );
    // No temporary file is left beside the outputs.
    expect((await readdir(path.join(dir, "out"))).sort()).toEqual(["tasks.bicep", "tasks.json"]);

    out.length = 0;
    const back = path.join(dir, "back");
    expect(await main(["import", json, "--out", back])).toBe(0);
    const definition = JSON.parse(
      await readFile(path.join(back, "tasks", "apiDefinition.swagger.json"), "utf8"),
    ) as JsonObject;
    expect(definition).toEqual(JSON.parse(JSON.stringify(doc.definition)));
  });

  it("refuses other file names and the certification options (exit 2, nothing written)", async () => {
    const input = path.join(dir, "tasks");
    await writePackage(input, validConnector());
    const zip = path.join(dir, "tasks.zip");
    expect(await main(["package", input, "--target", "logic-apps", "--out", zip])).toBe(2);
    expect(err).toEqual([
      `connector-studio package: --out ${zip}: with --target logic-apps, give a .json (ARM template) or .bicep (Bicep) file (see connector-studio package --help)`,
    ]);
    err.length = 0;
    const json = path.join(dir, "t.json");
    expect(await main(["package", input, "--target", "logic-apps", "--intro", "--out", json])).toBe(2);
    expect(err[0]).toContain("--intro only applies to the certification package");
    expect(await main(["package", input, "--target", "azure", "--out", json])).toBe(2);
    expect(existsSync(json)).toBe(false);
  });

  it("is refused on plain-mode errors unless --allow-errors", async () => {
    const input = path.join(dir, "bad");
    await writePackage(input, withDefinition("/swagger", "3.0"));
    const json = path.join(dir, "bad.json");
    expect(await main(["package", input, "--target", "logic-apps", "--out", json])).toBe(1);
    expect(existsSync(json)).toBe(false);
    expect(err.join("\n")).toContain("No template written; --allow-errors writes it anyway.");
    expect(await main(["package", input, "--target", "logic-apps", "--out", json, "--allow-errors"])).toBe(0);
    expect(existsSync(json)).toBe(true);
  });

  it("import writes one folder per customApis resource: the first as the input, the others by resource name", async () => {
    const resource = (name: string, title: string) => ({
      type: "Microsoft.Web/customApis",
      apiVersion: "2016-06-01",
      name,
      properties: {
        displayName: title,
        swagger: { swagger: "2.0", info: { title, version: "1" }, host: "a.contoso.com", paths: {} },
      },
    });
    const file = path.join(dir, "template.json");
    await writeFile(
      file,
      JSON.stringify({ resources: [resource("ledger", "Ledger"), resource("calc", "Calculator")] }),
    );
    const target = path.join(dir, "out");
    expect(await main(["import", file, "--out", target])).toBe(0);
    expect((await readdir(target)).sort()).toEqual(["calc", "template"]);
    expect(out).toContain(`${file} (calc) → ${path.join(target, "calc")}`);
  });
});
