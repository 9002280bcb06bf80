import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../main";

const v1 = {
  swagger: "2.0",
  info: { title: "Contoso", version: "1" },
  paths: {
    "/a": { get: { operationId: "A", responses: { "200": { description: "OK" } } } },
    "/b": { get: { operationId: "B", responses: { "200": { description: "OK" } } } },
  },
};

describe("connector-studio diff and package", () => {
  let dir: string;
  let out: string[];
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "cs-diff-"));
    out = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => void out.push(line));
    vi.spyOn(console, "error").mockImplementation((line: string) => void out.push(line));
  });
  afterEach(() => vi.restoreAllMocks());

  it("prints JSON changes and exits 1 when a change breaks", async () => {
    const oldFile = path.join(dir, "old.json");
    const newFile = path.join(dir, "new.json");
    await writeFile(oldFile, JSON.stringify(v1));
    const { "/b": _removed, ...rest } = v1.paths;
    await writeFile(
      newFile,
      JSON.stringify({ ...v1, paths: { ...rest, "/c": { post: { operationId: "C", responses: {} } } } }),
    );
    expect(await main(["diff", oldFile, newFile, "--format", "json"])).toBe(1);
    const json = JSON.parse(out.join("\n"));
    expect(json.changes).toEqual([
      expect.objectContaining({
        breaking: true,
        operationId: "B",
        path: "/paths/~1b/get",
        message: 'Operation "B" was removed (GET /b).',
      }),
      expect.objectContaining({ breaking: false, operationId: "C", path: "/paths/~1c/post" }),
    ]);
  });

  it("exits 0 without breaking changes and 2 when an input cannot be read", async () => {
    const file = path.join(dir, "v1.json");
    await writeFile(file, JSON.stringify(v1));
    expect(await main(["diff", file, file])).toBe(0);
    expect(await main(["diff", file, path.join(dir, "missing.json")])).toBe(2);
  });

  it("says which schemas were too deep to compare fully (12 levels × 10 references)", async () => {
    const layered = (leaf: string) => {
      const definitions: Record<string, unknown> = {};
      for (let level = 0; level < 12; level++) {
        const properties: Record<string, unknown> = {};
        for (let i = 0; i < 10; i++)
          properties[`p${i}`] = level === 11 ? { type: leaf } : { $ref: `#/definitions/Level${level + 1}` };
        definitions[`Level${level}`] = { type: "object", properties };
      }
      const schema = { $ref: "#/definitions/Level0" };
      return {
        ...v1,
        paths: { "/a": { get: { operationId: "A", responses: { "200": { description: "OK", schema } } } } },
        definitions,
      };
    };
    const oldFile = path.join(dir, "old.json");
    const newFile = path.join(dir, "new.json");
    await writeFile(oldFile, JSON.stringify(layered("string")));
    await writeFile(newFile, JSON.stringify(layered("integer")));
    expect(await main(["diff", oldFile, newFile, "--format", "json"])).toBe(1);
    const json = JSON.parse(out.join("\n")) as { changes: { incomplete?: true; message: string }[] };
    expect(json.changes.filter((c) => c.incomplete).map((c) => c.message)).toEqual([
      expect.stringMatching(/^Response 200: too deep to compare fully \(stopped after 2048 schema nodes\)/),
    ]);
    out.length = 0;
    expect(await main(["diff", oldFile, newFile])).toBe(1);
    expect(out.at(-1)).toMatch(/breaking; 1 schema\(s\) too deep to compare fully$/);
  });

  it("packages a connector for certification (--allow-errors: v1 lacks the certification metadata)", async () => {
    const file = path.join(dir, "apiDefinition.swagger.json");
    await writeFile(file, JSON.stringify(v1));
    const zipPath = path.join(dir, "out", "pkg.zip");
    expect(await main(["package", file, "--out", zipPath, "--independent-publisher", "--allow-errors"])).toBe(
      0,
    );
    const zip = unzipSync(new Uint8Array(await readFile(zipPath)));
    expect(Object.keys(zip)).toContain("independent-publisher-connectors/Contoso/README.md");
    expect(
      strFromU8(zip["independent-publisher-connectors/Contoso/apiProperties.json"] as Uint8Array),
    ).toContain("#da3b01");
  });
});
