import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { zipSync, strToU8 } from "fflate";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { validConnector, withDefinition } from "../../validation/__fixtures__/connector-fixture";
import type { ConnectorDocument } from "../../model/connector-document";
import { main } from "../main";

async function writePackage(dir: string, doc: ConnectorDocument): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "apiDefinition.swagger.json"), JSON.stringify(doc.definition, null, 4));
  await writeFile(path.join(dir, "apiProperties.json"), JSON.stringify(doc.properties, null, 4));
  if (doc.script) await writeFile(path.join(dir, "script.csx"), doc.script);
}

describe("connector-studio validate", () => {
  let dir: string;
  const out: string[] = [];
  const err: string[] = [];
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "cs-validate-"));
    out.length = 0;
    err.length = 0;
    vi.spyOn(console, "log").mockImplementation((line: string) => void out.push(line));
    vi.spyOn(console, "error").mockImplementation((line: string) => void err.push(line));
  });
  afterEach(() => vi.restoreAllMocks());

  it("exits 0 for a valid folder and prints nothing but the summary", async () => {
    await writePackage(path.join(dir, "ok"), validConnector());
    expect(await main(["validate", path.join(dir, "ok")])).toBe(0);
    expect(out).toEqual([]);
    expect(err.join("\n")).toContain("0 error(s)");
  });

  it("prints `file path: severity ruleId message` and exits 1 on an error", async () => {
    await writePackage(
      path.join(dir, "bad"),
      withDefinition("/paths/~1lists~1{listId}~1tasks/get/parameters/0/required", false),
    );
    expect(await main(["validate", path.join(dir, "bad")])).toBe(1);
    expect(out.join("\n")).toContain(
      "apiDefinition.swagger.json /paths/~1lists~1{listId}~1tasks/get/parameters/0: error PathParameterMustBeRequired",
    );
  });

  it("writes a JSON array, with `input` for several inputs, and reads zips and single files", async () => {
    await writePackage(path.join(dir, "ok"), validConnector());
    const bad = withDefinition("/info/title", "Contoso API");
    const zip = zipSync({
      "apiDefinition.swagger.json": strToU8(JSON.stringify(bad.definition)),
      "apiProperties.json": strToU8(JSON.stringify(bad.properties)),
    });
    await writeFile(path.join(dir, "bad.zip"), zip);
    await writeFile(path.join(dir, "single.swagger.json"), JSON.stringify(validConnector().definition));
    const code = await main([
      "validate",
      path.join(dir, "ok"),
      path.join(dir, "bad.zip"),
      path.join(dir, "single.swagger.json"),
      "--certification",
      "--format",
      "json",
    ]);
    const result = JSON.parse(out.join("\n")) as { input: string; ruleId: string; severity: string }[];
    expect(Array.isArray(result)).toBe(true);
    expect(result.find((d) => d.ruleId === "ValueContainsRestrictedWords")?.input).toBe(
      path.join(dir, "bad.zip"),
    );
    expect(code).toBe(1);
  });

  it("refuses a zip bomb by the sizes its directory claims, naming the entry, and exits 2", async () => {
    const zip = zipSync({
      "apiDefinition.swagger.json": strToU8(JSON.stringify(validConnector().definition)),
      "apiProperties.json": strToU8(JSON.stringify(validConnector().properties)),
    });
    // The definition's headers (local and directory) claim 1.5 GB.
    const view = new DataView(zip.buffer);
    for (let i = 0; i + 4 <= zip.length; i++) {
      const signature = view.getUint32(i, true);
      if (signature === 0x04034b50 && i === 0) view.setUint32(i + 22, 1_500_000_000, true);
      if (signature === 0x02014b50) {
        view.setUint32(i + 24, 1_500_000_000, true);
        break;
      }
    }
    await writeFile(path.join(dir, "bomb.zip"), zip);
    expect(await main(["validate", path.join(dir, "bomb.zip")])).toBe(2);
    expect(err).toEqual([
      `${path.join(dir, "bomb.zip")}: entry "apiDefinition.swagger.json" inflates past 32 MB; refused.`,
    ]);
  });

  it("exits 2 when an input cannot be read", async () => {
    await writeFile(path.join(dir, "broken.swagger.json"), '{ "swagger": ');
    expect(await main(["validate", path.join(dir, "broken.swagger.json")])).toBe(2);
    expect(await main(["validate", path.join(dir, "missing")])).toBe(2);
    expect(err.some((l) => l.includes("missing"))).toBe(true);
    expect(await main(["validate"])).toBe(2);
  });

  it("--each validates every connector folder of a folder, on worker threads with --jobs, in input order", async () => {
    const root = path.join(dir, "connectors");
    await writePackage(path.join(root, "b-bad"), withDefinition("/info/title", "Contoso API"));
    await writePackage(path.join(root, "a-ok"), validConnector());
    await writePackage(
      path.join(root, "c-bad"),
      withDefinition("/paths/~1lists~1{listId}~1tasks/get/parameters/0/required", false),
    );
    await writeFile(path.join(root, "notes.txt"), "not a connector");
    const run = async (jobs: string) => {
      out.length = 0;
      err.length = 0;
      const code = await main([
        "validate",
        root,
        "--each",
        "--jobs",
        jobs,
        "--certification",
        "--format",
        "json",
      ]);
      return { code, json: out.join("\n"), errors: [...err] };
    };
    const inline = await run("1");
    const threaded = await run("2");
    expect(threaded).toEqual(inline);
    expect(threaded.code).toBe(1);
    const inputs = (JSON.parse(threaded.json) as { input: string }[]).map((d) => path.basename(d.input));
    expect([...new Set(inputs)]).toEqual(["b-bad", "c-bad"]);
    expect(threaded.errors).toEqual([]);
  }, 120_000);

  it("--each takes the connector folders of group folders (the certified-connector repository layout)", async () => {
    const root = path.join(dir, "repo");
    await writePackage(
      path.join(root, "certified-connectors", "b-bad"),
      withDefinition("/info/title", "Contoso API"),
    );
    await writePackage(path.join(root, "certified-connectors", "a-ok"), validConnector());
    await writePackage(
      path.join(root, "independent-publisher-connectors", "c-bad"),
      withDefinition("/paths/~1lists~1{listId}~1tasks/get/parameters/0/required", false),
    );
    // A group of groups, as templates/ holds connectors one level further down.
    await writePackage(path.join(root, "templates", "nested", "d-ok"), validConnector());
    await writeFile(path.join(root, "LICENSE"), "not a connector");
    const code = await main([
      "validate",
      root,
      "--each",
      "--jobs",
      "1",
      "--certification",
      "--format",
      "text",
    ]);
    expect(code).toBe(1);
    const summaries = err.map((line) => path.relative(root, line.split(":")[0] ?? ""));
    expect(summaries).toEqual([
      path.join("certified-connectors", "a-ok"),
      path.join("certified-connectors", "b-bad"),
      path.join("independent-publisher-connectors", "c-bad"),
      path.join("templates", "nested", "d-ok"),
    ]);
    expect(out.some((line) => line.startsWith(`${path.join(root, "certified-connectors", "b-bad")}: `))).toBe(
      true,
    );
  });

  it("--jobs takes a whole number of at least 1", async () => {
    expect(await main(["validate", dir, "--jobs", "0"])).toBe(2);
    expect(err).toEqual(['connector-studio validate: --jobs must be a whole number of at least 1 (got "0")']);
  });
});
