import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { COMMAND_SPECS } from "./command-specs";
import { main, usage } from "./main";

const definition = (title: string) => ({ swagger: "2.0", info: { title, version: "1" }, paths: {} });

async function connectorFolder(dir: string, title: string, extra: Record<string, string> = {}) {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "apiDefinition.swagger.json"), JSON.stringify(definition(title)));
  for (const [name, text] of Object.entries(extra)) await writeFile(path.join(dir, name), text);
}

/** Every file under `dir`, relative, sorted. */
async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe("CLI error paths and outputs (issue 12, item 8)", () => {
  let dir: string;
  let out: string[];
  let err: string[];
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "cs-trust-"));
    out = [];
    err = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => void out.push(line));
    vi.spyOn(console, "error").mockImplementation((line: string) => void err.push(line));
  });
  afterEach(() => vi.restoreAllMocks());

  it("package --out <existing folder>: one line, exit 2, nothing written", async () => {
    await connectorFolder(path.join(dir, "in"), "Contoso");
    await mkdir(path.join(dir, "existing"));
    expect(await main(["package", path.join(dir, "in"), "--out", path.join(dir, "existing")])).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^connector-studio package: --out .*existing is a folder; give a file name/);
    expect(await tree(path.join(dir, "existing"))).toEqual([]);
  });

  it("import --report <folder>: one line, exit 2, and no output written at all", async () => {
    await connectorFolder(path.join(dir, "in"), "Contoso");
    await mkdir(path.join(dir, "report"));
    const code = await main([
      "import",
      path.join(dir, "in"),
      "--out",
      path.join(dir, "out"),
      "--report",
      path.join(dir, "report"),
    ]);
    expect(code).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^connector-studio import: --report .*report is a folder/);
    expect(await readdir(dir)).not.toContain("out");
  });

  it("import --out <file>: one line, exit 2", async () => {
    await connectorFolder(path.join(dir, "in"), "Contoso");
    await writeFile(path.join(dir, "file"), "x");
    expect(await main(["import", path.join(dir, "in"), "--out", path.join(dir, "file")])).toBe(2);
    expect(err).toEqual([`connector-studio import: --out ${path.join(dir, "file")} is a file, not a folder`]);
  });

  it("import replaces the connector's --out folder: no stale script.csx is adopted again", async () => {
    const input = path.join(dir, "Contoso");
    await connectorFolder(input, "Contoso", { "script.csx": "// old code" });
    const outDir = path.join(dir, "out");
    expect(await main(["import", input, "--out", outDir])).toBe(0);
    expect(await tree(path.join(outDir, "Contoso"))).toContain("script.csx");

    await rm(path.join(input, "script.csx"));
    expect(await main(["import", input, "--out", outDir])).toBe(0);
    expect(await tree(path.join(outDir, "Contoso"))).toEqual([
      "apiDefinition.swagger.json",
      "apiProperties.json",
      "settings.json",
    ]);
    // and re-importing the output folder itself does not bring the old code back
    expect(await main(["import", path.join(outDir, "Contoso"), "--out", outDir])).toBe(0);
    expect(await tree(path.join(outDir, "Contoso"))).not.toContain("script.csx");
    expect((await readdir(outDir)).filter((n) => n.startsWith("."))).toEqual([]);
  });

  it("import does not replace a folder that holds files no connector package has", async () => {
    await connectorFolder(path.join(dir, "src"), "Contoso");
    await connectorFolder(path.join(dir, "out", "src"), "Mine", { "notes.md": "my work" });
    expect(await main(["import", path.join(dir, "src"), "--out", path.join(dir, "out")])).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain("already holds notes.md, which is not part of a connector package");
    expect(await readFile(path.join(dir, "out", "src", "notes.md"), "utf8")).toBe("my work");
  });

  it("output folder names keep their dots", async () => {
    await connectorFolder(path.join(dir, "Tomorrow.io"), "Tomorrow.io");
    await connectorFolder(path.join(dir, "U.S. Bank Treasury Management"), "U.S. Bank");
    await writeFile(path.join(dir, "Host.io.json"), JSON.stringify(definition("Host.io")));
    await writeFile(
      path.join(dir, "v1.2.swagger.yaml"),
      "swagger: '2.0'\ninfo: {title: V, version: '1'}\npaths: {}\n",
    );
    const outDir = path.join(dir, "out");
    const inputs = ["Tomorrow.io", "U.S. Bank Treasury Management", "Host.io.json", "v1.2.swagger.yaml"];
    expect(await main(["import", ...inputs.map((i) => path.join(dir, i)), "--out", outDir])).toBe(0);
    expect((await readdir(outDir)).sort()).toEqual(
      ["Host.io", "Tomorrow.io", "U.S. Bank Treasury Management", "v1.2.swagger"].sort(),
    );
  });

  it("names a single-file input once in its error lines, not input/input", async () => {
    const empty = path.join(dir, "empty.json");
    await writeFile(empty, "\n");
    for (const args of [
      ["validate", empty],
      ["import", empty, "--out", path.join(dir, "out")],
      ["package", empty, "--out", path.join(dir, "x.zip")],
      ["diff", empty, empty],
    ]) {
      err.length = 0;
      expect(await main(args)).toBe(2);
      expect(err[0]).toMatch(new RegExp(`^${empty.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+:\\d+: `));
      expect(err.join("\n")).not.toContain("empty.json/empty.json");
    }
    expect(await readdir(dir)).toEqual(["empty.json"]);
  });

  it("a missing input is one line naming it", async () => {
    const missing = path.join(dir, "missing");
    expect(await main(["package", missing, "--out", path.join(dir, "x.zip")])).toBe(2);
    expect(err).toEqual([`${missing}: cannot be read (no such file or folder)`]);
  });

  it("the top-level help lists every option of every command, --intro included", () => {
    const text = usage();
    for (const spec of Object.values(COMMAND_SPECS))
      for (const option of spec.options) expect(text).toContain(`--${option.name}`);
    expect(text).toContain("[--intro]");
  });

  it("the installed bin prints one line and exits 2 instead of an EISDIR stack trace", async () => {
    await connectorFolder(path.join(dir, "in"), "Contoso");
    await mkdir(path.join(dir, "existing"));
    const bin = fileURLToPath(new URL("../../bin/connector-studio.js", import.meta.url));
    const run = spawnSync(process.execPath, [bin, "package", "in", "--out", "existing"], {
      cwd: dir,
      encoding: "utf8",
      // the TypeScript source: a bundle in dist/ may be older (cli-package.test.ts covers the bundle)
      env: { ...process.env, CONNECTOR_STUDIO_FROM_SOURCE: "1" },
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([
      "connector-studio package: --out existing is a folder; give a file name (e.g. existing/out)",
    ]);
    expect(run.stderr).not.toContain("    at ");
  });
});
