#!/usr/bin/env node
// `node scripts/ci-check.js [--base <git ref>] [--certification]`: the check the composite action (action.yml)
// runs in a pull request. In the git repository of the working folder it finds the connector folders (a folder
// holding apiDefinition.swagger.json) with files changed since <base> (default origin/main), validates them and
// compares each with its version at <base>, printing GitHub annotations (--format github).
// Exit 0 clean, 1 when a connector has errors or a change breaks flows, 2 when something cannot be read.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const CLI = fileURLToPath(new URL("../bin/connector-studio.js", import.meta.url));
const PACKAGE_FILES = ["apiDefinition.swagger.json", "apiProperties.json", "script.csx", "icon.png"];

function fail(message) {
  console.error(`ci-check: ${message}`);
  process.exit(2);
}

const args = process.argv.slice(2);
let base = "origin/main";
let certification = false;
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--base" && args[i + 1]) base = args[++i];
  else if (args[i] === "--certification") certification = true;
  else fail(`unknown argument ${args[i]} (usage: ci-check.js [--base <git ref>] [--certification])`);
}

function git(gitArgs, options = {}) {
  const result = spawnSync("git", gitArgs, { encoding: options.encoding ?? "utf8", maxBuffer: 1 << 28 });
  if (result.status !== 0 && !options.allowFailure)
    fail(`git ${gitArgs.join(" ")}: ${String(result.stderr).trim().split("\n")[0]}`);
  return result;
}

const top = git(["rev-parse", "--show-toplevel"]).stdout.trim();
process.chdir(top);
const changed = git(["diff", "--name-only", "--no-renames", `${base}...HEAD`])
  .stdout.split("\n")
  .filter(Boolean);

// The connector folder of a changed file: its nearest folder holding apiDefinition.swagger.json now.
const folders = new Set();
for (const file of changed) {
  for (let dir = path.posix.dirname(file); ; dir = path.posix.dirname(dir)) {
    if (existsSync(path.join(dir, "apiDefinition.swagger.json"))) {
      folders.add(dir);
      break;
    }
    if (dir === "." || dir === "/") break;
  }
}
if (folders.size === 0) {
  console.log(`ci-check: no connector changed since ${base}`);
  process.exit(0);
}

function cli(cliArgs) {
  const result = spawnSync(process.execPath, [CLI, ...cliArgs], { stdio: "inherit" });
  return result.status ?? 2;
}

let worst = 0;
const list = [...folders].sort();
worst = Math.max(
  worst,
  cli(["validate", ...list, "--format", "github", ...(certification ? ["--certification"] : [])]),
);
const temp = mkdtempSync(path.join(tmpdir(), "ci-check-"));
try {
  for (const folder of list) {
    const before = git(["show", `${base}:${folder}/apiDefinition.swagger.json`], {
      allowFailure: true,
      encoding: "buffer",
    });
    if (before.status !== 0) {
      console.log(`ci-check: ${folder} is new since ${base}`);
      continue;
    }
    const old = path.join(temp, folder);
    mkdirSync(old, { recursive: true });
    for (const name of PACKAGE_FILES) {
      const file = git(["show", `${base}:${folder}/${name}`], { allowFailure: true, encoding: "buffer" });
      if (file.status === 0) writeFileSync(path.join(old, name), file.stdout);
    }
    worst = Math.max(worst, cli(["diff", old, folder, "--format", "github"]));
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
process.exit(worst);
