#!/usr/bin/env node
// The CLI launcher. Runs the bundle `npm run build` makes (dist/cli/connector-studio.js, what the published
// package ships). In a clone without a build, or with CONNECTOR_STUDIO_FROM_SOURCE=1, it runs the TypeScript
// source through tsx's loader instead (a development dependency, never needed by the package).
import { existsSync } from "node:fs";

const bundle = new URL("../dist/cli/connector-studio.js", import.meta.url);
const source = new URL("../src/cli/main.ts", import.meta.url);

try {
  let cli;
  if (process.env.CONNECTOR_STUDIO_FROM_SOURCE !== "1" && existsSync(bundle)) {
    cli = await import(bundle.href);
  } else if (existsSync(source)) {
    const { register } = await import("tsx/esm/api");
    register();
    cli = await import(source.href);
  } else {
    throw new Error(`${bundle.pathname} is missing; run npm run build`);
  }
  process.exitCode = await cli.main(process.argv.slice(2));
} catch (error) {
  console.error(`connector-studio: ${String(error instanceof Error ? error.message : error).split("\n")[0]}`);
  process.exitCode = 2;
}
