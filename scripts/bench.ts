/**
 * `npm run bench -- <corpus dir> [--runs N] [--only a,b]`: runs the benchmark sections
 * (`scripts/bench/<name>.ts` exporting `section: BenchSection`). Each section prints medians of N runs
 * (default 5) and ratios against a floor measured in the same run, so figures from a loaded, shared machine
 * stay comparable. Exit 2 if the corpus folder is missing, 1 if a section crashed.
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { BenchSection } from "./bench/bench-section";

/** Known sections, in the order they run. A missing file is skipped quietly. */
const SECTIONS = ["roundtrip", "validation", "postman", "openapi3", "review", "startup", "browser"];

const HERE = path.dirname(new URL(import.meta.url).pathname);

interface Args {
  corpusDir: string | undefined;
  runs: number;
  only: Set<string> | null;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { corpusDir: undefined, runs: 5, only: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? arg.split("=", 2) : [arg, undefined];
    if (flag === "--runs") args.runs = Math.max(1, Number.parseInt(inline ?? argv[++i] ?? "5", 10) || 5);
    else if (flag === "--only") args.only = new Set((inline ?? argv[++i] ?? "").split(",").filter(Boolean));
    else if (args.corpusDir === undefined) args.corpusDir = arg;
  }
  return args;
}

async function main(): Promise<number> {
  const { corpusDir, runs, only } = parseArgs(process.argv.slice(2));
  if (!corpusDir || !existsSync(corpusDir) || !statSync(corpusDir).isDirectory()) {
    console.error(`corpus folder not found: ${corpusDir ?? "(none given)"}`);
    console.error("usage: npm run bench -- <corpus dir> [--runs N] [--only roundtrip,postman]");
    return 2;
  }
  console.log(
    `bench: node ${process.version}, ${runs} runs per measurement, corpus ${path.resolve(corpusDir)}`,
  );
  let crashed = 0;
  for (const name of SECTIONS) {
    if (only && !only.has(name)) continue;
    const file = path.join(HERE, "bench", `${name}.ts`);
    if (!existsSync(file)) continue;
    const started = performance.now();
    console.log(`\n== ${name} ==`);
    try {
      const mod = (await import(file)) as { section?: BenchSection };
      if (!mod.section) {
        console.log("(no section exported)");
        continue;
      }
      for (const line of await mod.section.run(corpusDir, { runs })) console.log(line);
    } catch (error) {
      crashed++;
      console.log(
        `section crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
    console.log(`(${name}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  return crashed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
