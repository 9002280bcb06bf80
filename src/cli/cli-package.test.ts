import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
const NPX = process.platform === "win32" ? "npx.cmd" : "npx";

const v1 = {
  swagger: "2.0",
  info: { title: "Contoso Tasks", description: "Tasks of Contoso.", version: "1.0" },
  host: "tasks.fabrikam.io",
  basePath: "/",
  schemes: ["https"],
  paths: {
    "/tasks": {
      get: {
        operationId: "ListTasks",
        summary: "List tasks",
        description: "Lists the tasks.",
        responses: { "200": { description: "OK" } },
      },
    },
    "/tasks/{id}": {
      delete: {
        operationId: "DeleteTask",
        summary: "Delete a task",
        description: "Deletes a task.",
        parameters: [{ name: "id", in: "path", required: true, type: "string" }],
        responses: { "204": { description: "Deleted" } },
      },
    },
  },
};

/**
 * The package as people install it: `npm pack` (whose prepack builds the CLI bundle), the tarball installed
 * into an empty folder outside this repository without the network, and `npx connector-studio` run there.
 */
describe("the packed CLI", () => {
  let work: string;
  let app: string;
  const npx = (args: string[]) =>
    spawnSync(NPX, ["--offline", "connector-studio", ...args], {
      cwd: app,
      encoding: "utf8",
      env: { ...process.env, npm_config_update_notifier: "false" },
    });

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), "cs-pack-"));
    const packed = JSON.parse(
      execFileSync(NPM, ["pack", "--json", "--pack-destination", work], { cwd: ROOT, encoding: "utf8" }),
    ) as { filename: string; files: { path: string }[] }[];
    const tarball = path.join(work, packed[0]?.filename ?? "");
    expect(packed[0]?.files.map((f) => f.path).sort()).toEqual([
      "README.md",
      "bin/connector-studio.js",
      "dist/cli/THIRD-PARTY-LICENSES.txt",
      "dist/cli/connector-studio.js",
      "package.json",
    ]);
    app = path.join(work, "app");
    await mkdir(app);
    await writeFile(path.join(app, "package.json"), JSON.stringify({ name: "ci", private: true }));
    execFileSync(NPM, ["install", "--offline", "--no-audit", "--no-fund", tarball], { cwd: app });
  }, 240_000);
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("installs without dependencies and runs validate, diff, import and package", async () => {
    const installed = path.join(app, "node_modules");
    expect((await readdir(installed)).filter((n) => !n.startsWith("."))).toEqual(["connector-studio"]);
    expect(existsSync(path.join(installed, "connector-studio", "src"))).toBe(false);

    const folder = path.join(app, "Contoso Tasks");
    await mkdir(folder);
    await writeFile(path.join(folder, "apiDefinition.swagger.json"), JSON.stringify(v1, null, 2));
    await writeFile(
      path.join(folder, "apiProperties.json"),
      JSON.stringify({ properties: { iconBrandColor: "#007ee5", publisher: "Contoso" } }),
    );

    const validate = npx(["validate", folder, "--format", "json"]);
    expect(validate.stderr).toBe("");
    expect(validate.status).toBe(0);
    expect(Array.isArray(JSON.parse(validate.stdout))).toBe(true);

    await cp(folder, path.join(app, "connectors", "one"), { recursive: true });
    await cp(folder, path.join(app, "connectors", "two"), { recursive: true });
    const each = npx(["validate", "connectors", "--each", "--jobs", "2", "--format", "github"]);
    expect(each.status).toBe(0);
    expect(each.stderr.trim().split("\n")).toEqual([
      `${path.join("connectors", "one")}: 0 error(s), 1 warning(s), 0 note(s)`,
      `${path.join("connectors", "two")}: 0 error(s), 1 warning(s), 0 note(s)`,
    ]);
    expect(
      each.stdout
        .trim()
        .split("\n")
        .map((l) => l.replace(/,line=.*/, "")),
    ).toEqual([
      "::warning file=connectors/one/apiDefinition.swagger.json",
      "::warning file=connectors/two/apiDefinition.swagger.json",
    ]);

    const { "/tasks/{id}": _removed, ...rest } = v1.paths;
    await writeFile(path.join(app, "v2.json"), JSON.stringify({ ...v1, paths: rest }));
    const diff = npx(["diff", folder, "v2.json", "--format", "json"]);
    expect(diff.status).toBe(1);
    expect(JSON.parse(diff.stdout).changes).toEqual([
      expect.objectContaining({ breaking: true, operationId: "DeleteTask" }),
    ]);

    const imported = npx(["import", "v2.json", "--out", "out"]);
    expect(imported.status).toBe(0);
    expect((await readdir(path.join(app, "out", "v2"))).sort()).toEqual([
      "apiDefinition.swagger.json",
      "apiProperties.json",
      "settings.json",
    ]);

    // The fixture lacks the certification metadata: refused (exit 1, nothing written) unless --allow-errors.
    const refused = npx(["package", folder, "--out", "pkg.zip", "--independent-publisher"]);
    expect(refused.status).toBe(1);
    expect(existsSync(path.join(app, "pkg.zip"))).toBe(false);
    const packaged = npx([
      "package",
      folder,
      "--out",
      "pkg.zip",
      "--independent-publisher",
      "--allow-errors",
    ]);
    expect(packaged.status).toBe(0);
    expect(packaged.stdout).toContain("independent-publisher-connectors/Contoso Tasks/README.md");
    expect(existsSync(path.join(app, "pkg.zip"))).toBe(true);

    const bad = npx(["package", folder, "--out", "out"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe(
      "connector-studio package: --out out is a folder; give a file name (e.g. out/out)",
    );
  }, 120_000);
});
