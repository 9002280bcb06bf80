#!/usr/bin/env node
// The CLI entry: loads the TypeScript core through tsx's loader, in this process.
import { register } from "tsx/esm/api";
register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
