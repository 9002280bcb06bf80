import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const SCRIPT = fileURLToPath(new URL("./ci-check.js", import.meta.url));

const definition = (paths: Record<string, unknown>) =>
  JSON.stringify(
    {
      swagger: "2.0",
      info: { title: "Contoso", description: "Contoso tasks.", version: "1.0" },
      host: "api.contoso.com",
      basePath: "/",
      schemes: ["https"],
      paths,
    },
    null,
    2,
  );
const op = (id: string) => ({
  get: {
    operationId: id,
    summary: `Get ${id}`,
    description: `Gets ${id}.`,
    responses: { "200": { description: "OK" } },
  },
});

/** ci-check.js in a temporary git repository: one commit as the base, one with the change. */
describe("scripts/ci-check.js", () => {
  let repo: string;
  const git = (...args: string[]) => {
    const r = spawnSync("git", args, { cwd: repo, encoding: "utf8" });
    if (r.status !== 0) throw new Error(r.stderr);
  };
  const check = (...args: string[]) =>
    spawnSync(process.execPath, [SCRIPT, ...args], {
      cwd: path.join(repo, "connectors"),
      encoding: "utf8",
      env: { ...process.env, CONNECTOR_STUDIO_FROM_SOURCE: "1" },
    });

  beforeAll(async () => {
    repo = await mkdtemp(path.join(tmpdir(), "cs-ci-check-"));
    git("init", "-q", "-b", "main");
    git("config", "user.email", "ci@example.com");
    git("config", "user.name", "CI");
    await mkdir(path.join(repo, "connectors", "Contoso"), { recursive: true });
    await mkdir(path.join(repo, "connectors", "Other"), { recursive: true });
    await writeFile(
      path.join(repo, "connectors", "Contoso", "apiDefinition.swagger.json"),
      definition({ "/a": op("A"), "/b": op("B") }),
    );
    await writeFile(path.join(repo, "connectors", "Other", "apiDefinition.swagger.json"), definition({}));
    git("add", ".");
    git("commit", "-qm", "base");
    git("tag", "base");
  });
  afterAll(async () => {
    if (repo) await rm(repo, { recursive: true, force: true });
  });

  it("passes when no connector changed", () => {
    const run = check("--base", "base");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("no connector changed since base");
  });

  it("annotates the changed connector only and fails on a breaking change", async () => {
    await writeFile(
      path.join(repo, "connectors", "Contoso", "apiDefinition.swagger.json"),
      definition({ "/a": op("A") }),
    );
    git("commit", "-qam", "remove B");
    const run = check("--base", "base");
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /^::error file=.*connectors\/Contoso\/apiDefinition\.swagger\.json,line=\d+,col=\d+,title=BreakingChange::B: Operation "B" was removed/m,
    );
    expect(run.stdout).not.toContain("Other");
    expect(run.stderr).toContain("connectors/Contoso: 0 error(s)");
  }, 120_000);

  it("exits 2 on a base that does not exist", () => {
    const run = check("--base", "no-such-ref");
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^ci-check: git diff/);
  });
});
