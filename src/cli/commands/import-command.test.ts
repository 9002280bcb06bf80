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
    // The file named once, with line and column (not `<dir>/bad.swagger.json/bad.swagger.json`).
    expect(errors[0]).toMatch(new RegExp(`^${bad.replace(/[.\\]/g, "\\$&")}:3:\\d+: `));
    const reportJson = JSON.parse(await readFile(report, "utf8"));
    expect(reportJson.inputs.map((r: { ok: boolean }) => r.ok)).toEqual([true, false, true]);
  });

  it("keeps only the selected operations with --include-tags, --include-paths and --exclude-paths", async () => {
    const op = (operationId: string, tags?: string[]) => ({
      operationId,
      ...(tags ? { tags } : {}),
      responses: { "200": { description: "OK" } },
    });
    const definition = {
      swagger: "2.0",
      info: { title: "Shop", version: "1" },
      host: "api.shop.io",
      paths: {
        "/v1/customers": { get: op("ListCustomers") },
        "/v1/customers/{id}/sources": { get: op("ListSources") },
        "/v1/charges": { get: op("ListCharges") },
        "/admin": { get: op("Admin", ["Internal"]) },
      },
    };
    const input = path.join(dir, "shop.swagger.json");
    await writeFile(input, JSON.stringify(definition));
    const out = path.join(dir, "sel");
    const logs: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => void logs.push(line));
    const code = await main([
      "import",
      input,
      "--out",
      out,
      "--include-tags",
      "customers,internal",
      "--include-paths=/v1/**,/admin",
      "--exclude-paths",
      "/v1/customers/*/sources",
    ]);
    expect(code).toBe(0);
    const written = JSON.parse(
      await readFile(path.join(out, "shop.swagger", "apiDefinition.swagger.json"), "utf8"),
    );
    expect(Object.keys(written.paths)).toEqual(["/v1/customers", "/admin"]);
    expect(logs.join("\n")).toContain("kept 2 of 4 operations");

    expect(await main(["import", input, "--out", out, "--include-tags", "nothing"])).toBe(2);
    expect(errors.join("\n")).toContain("no operation has the tag(s) nothing");
  });

  it("explains the selection flags with --help", async () => {
    const logs: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => void logs.push(line));
    expect(await main(["import", "--help"])).toBe(0);
    expect(logs.join("\n")).toMatch(/--include-tags[\s\S]*--include-paths[\s\S]*--exclude-paths/);
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

  it("keeps credentials of a Postman collection out of the package, the report and the log, and says so", async () => {
    const logged: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => void logged.push(line));
    const input = path.join(dir, "functions.postman_collection.json");
    await writeFile(
      input,
      JSON.stringify({
        info: {
          name: "Functions",
          schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        variable: [{ key: "baseUrl", value: "https://alice:s3cr3t-pa55@fn.contoso.com/api" }],
        item: [
          {
            name: "Run",
            request: {
              method: "GET",
              url: "{{baseUrl}}/run?code=c0de-value-1",
              header: [{ key: "X-Functions-Key", value: "fn-key-value" }],
            },
          },
        ],
      }),
    );
    const out = path.join(dir, "out");
    const reportFile = path.join(dir, "report.json");
    expect(await main(["import", input, "--out", out, "--report", reportFile])).toBe(0);
    const written = [
      await readFile(reportFile, "utf8"),
      logged.join("\n"),
      ...(await Promise.all(
        ["apiDefinition.swagger.json", "apiProperties.json", "settings.json"].map((f) =>
          readFile(path.join(out, "functions.postman_collection", f), "utf8"),
        ),
      )),
    ].join("\n");
    for (const secret of ["alice", "s3cr3t-pa55", "c0de-value-1", "fn-key-value"])
      expect(written).not.toContain(secret);
    const report = JSON.parse(await readFile(reportFile, "utf8")).inputs[0].report as { message: string }[];
    expect(report.filter((e) => /withheld/.test(e.message))).toHaveLength(3);
  });
});
