import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ConnectorDocument } from "../../model/connector-document";
import { validConnector, withDefinition } from "../../validation/__fixtures__/connector-fixture";
import { main } from "../main";

async function writePackage(dir: string, doc: ConnectorDocument): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "apiDefinition.swagger.json"), JSON.stringify(doc.definition, null, 4));
  await writeFile(path.join(dir, "apiProperties.json"), JSON.stringify(doc.properties, null, 4));
}

/** The rule ids of the error lines printed as `file path: error RuleId message`. */
const errorIds = (lines: string[]) => lines.flatMap((l) => /: error (\w+) /.exec(l)?.[1] ?? []).sort();

describe("connector-studio package refuses certification errors", () => {
  let dir: string;
  const out: string[] = [];
  const err: string[] = [];
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "cs-package-"));
    out.length = 0;
    err.length = 0;
    vi.spyOn(console, "log").mockImplementation((line: string) => void out.push(line));
    vi.spyOn(console, "error").mockImplementation((line: string) => void err.push(line));
  });
  afterEach(() => vi.restoreAllMocks());

  it("exits 1 without writing, naming the same rule ids as validate --certification", async () => {
    const input = path.join(dir, "bad");
    await writePackage(
      input,
      withDefinition("/x-ms-connector-metadata", undefined, withDefinition("/info/title", "Contoso API")),
    );
    const zipPath = path.join(dir, "pkg.zip");
    expect(await main(["package", input, "--out", zipPath])).toBe(1);
    expect(existsSync(zipPath)).toBe(false);
    const refused = errorIds(err);
    expect(refused).toEqual(["ConnectorMetadataPropertiesMissing", "ValueContainsRestrictedWords"]);
    expect(err.join("\n")).toContain(
      "Export for certification is refused until 2 errors in certification mode are fixed (",
    );

    out.length = 0;
    expect(await main(["validate", input, "--certification"])).toBe(1);
    expect(errorIds(out)).toEqual(refused);
  });

  it("--allow-errors writes the package anyway; a certifiable connector is packaged without it", async () => {
    const bad = path.join(dir, "bad");
    await writePackage(bad, withDefinition("/info/title", "Contoso API"));
    expect(await main(["package", bad, "--out", path.join(dir, "bad.zip"), "--allow-errors"])).toBe(0);
    expect(existsSync(path.join(dir, "bad.zip"))).toBe(true);

    const good = path.join(dir, "good");
    await writePackage(good, validConnector());
    expect(await main(["package", good, "--out", path.join(dir, "good.zip")])).toBe(0);
    expect(existsSync(path.join(dir, "good.zip"))).toBe(true);
  });
});
