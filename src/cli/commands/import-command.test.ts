import { mkdtemp, readFile, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../main";

describe("connector-studio import", () => {
  let dir: string;
  const errors: string[] = [];
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "cs-import-"));
    errors.length = 0;
    vi.spyOn(console, "log").mockImplementation(() => {});
    vi.spyOn(console, "error").mockImplementation((line: string) => void errors.push(line));
  });
  afterEach(() => vi.restoreAllMocks());

  it("writes each input to <out>/<name>/, carries on after a bad input and exits 2", async () => {
    const good = path.join(dir, "Good");
    await mkdir(good);
    const definition = { swagger: "2.0", info: { title: "Good", version: "1" }, paths: {} };
    await writeFile(path.join(good, "apiDefinition.swagger.json"), JSON.stringify(definition));
    await writeFile(
      path.join(good, "apiProperties.json"),
      JSON.stringify({ properties: { iconBrandColor: "#000000" } }),
    );
    const bad = path.join(dir, "bad.swagger.json");
    await writeFile(bad, '{\n  "swagger": "2.0",\n  "info": }');
    const single = path.join(dir, "single.json");
    await writeFile(single, JSON.stringify({ ...definition, info: { title: "Single", version: "1" } }));
    const out = path.join(dir, "out");
    const report = path.join(dir, "report.json");

    const code = await main(["import", good, bad, single, "--out", out, "--report", report]);

    expect(code).toBe(2);
    const written = JSON.parse(await readFile(path.join(out, "Good", "apiDefinition.swagger.json"), "utf8"));
    expect(written).toEqual(definition);
    expect(
      JSON.parse(await readFile(path.join(out, "single", "apiDefinition.swagger.json"), "utf8")).info.title,
    ).toBe("Single");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("bad.swagger.json");
    const reportJson = JSON.parse(await readFile(report, "utf8"));
    expect(reportJson.inputs.map((r: { ok: boolean }) => r.ok)).toEqual([true, false, true]);
  });

  it("says in one line that --out is required and exits 2 without it", async () => {
    expect(await main(["import", "x"])).toBe(2);
    expect(errors).toEqual([
      "connector-studio import: --out <dir> is required (see connector-studio import --help)",
    ]);
  });

  it("exits 0 when every input imports", async () => {
    const single = path.join(dir, "a.json");
    await writeFile(
      single,
      JSON.stringify({ swagger: "2.0", info: { title: "A", version: "1" }, paths: {} }),
    );
    expect(await main(["import", single, "--out", path.join(dir, "o")])).toBe(0);
  });
});
