/**
 * `npm run test:corpus -- <corpus dir> [--only a,b]`: runs every corpus section (`scripts/corpus/<name>.ts`
 * exporting `section: CorpusSection`), prints each section's lines and counts, and ends with one line
 * `N passed, M failed` (the sum). Exit 1 if anything failed, 2 if the corpus folder is missing.
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { CorpusSection, CorpusSectionResult } from "./corpus/corpus-section";

/** Known sections, in the order they run. A missing file is skipped quietly. */
const SECTIONS = [
  "roundtrip",
  "validation",
  "certification",
  "postman",
  "openapi3",
  "import-ready",
  "review",
  "logic-apps",
];

const HERE = path.dirname(new URL(import.meta.url).pathname);

function parseArgs(argv: readonly string[]): { corpusDir: string | undefined; only: Set<string> | null } {
  let corpusDir: string | undefined;
  let only: Set<string> | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--only") only = new Set((argv[++i] ?? "").split(",").filter(Boolean));
    else if (arg.startsWith("--only=")) only = new Set(arg.slice(7).split(",").filter(Boolean));
    else if (corpusDir === undefined) corpusDir = arg;
  }
  return { corpusDir, only };
}

async function main(): Promise<number> {
  const { corpusDir, only } = parseArgs(process.argv.slice(2));
  if (!corpusDir || !existsSync(corpusDir) || !statSync(corpusDir).isDirectory()) {
    console.error(`corpus folder not found: ${corpusDir ?? "(none given)"}`);
    console.error("usage: npm run test:corpus -- <corpus dir> [--only roundtrip,validation]");
    return 2;
  }
  let passed = 0;
  let failed = 0;
  for (const name of SECTIONS) {
    if (only && !only.has(name)) continue;
    const file = path.join(HERE, "corpus", `${name}.ts`);
    if (!existsSync(file)) continue;
    const started = performance.now();
    let result: CorpusSectionResult;
    try {
      const mod = (await import(file)) as { section?: CorpusSection };
      if (!mod.section) continue;
      result = await mod.section.run(corpusDir);
    } catch (error) {
      result = {
        passed: 0,
        failed: 1,
        lines: [
          `section crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        ],
      };
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`== ${name} ==`);
    for (const line of result.lines) console.log(line);
    console.log(`section ${name}: passed ${result.passed}, failed ${result.failed} (${seconds} s)`);
    console.log("");
    passed += result.passed;
    failed += result.failed;
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    console.log("0 passed, 1 failed");
    process.exit(1);
  },
);
