#!/usr/bin/env node
// Runs a TypeScript entry point with tsx, so scripts and the CLI work in a fresh clone after `npm ci`
// without a build step.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error("usage: run-ts.js <file.ts> [args...]");
  process.exit(2);
}
const tsxCli = require.resolve("tsx/cli");
const result = spawnSync(process.execPath, [tsxCli, entry, ...args], { stdio: "inherit" });
process.exit(result.status ?? 1);
