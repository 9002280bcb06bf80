import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ConnectorDocument } from "../../src/model/connector-document";
import { setAtPointer } from "../../src/model/json-pointer";
import { primeDefinitionText } from "../../src/validation/budget";
import { checkWithSwaggerParser } from "../../src/validation/swagger-parser-check";
import { validateConnectorSync } from "../../src/validation/validate-connector";
import { loadCorpusConnectors } from "../corpus/validation";
import type { BenchSection } from "./bench-section";
import { formatMs, formatRatio, median, table, timeInterleaved, timeOnce } from "./bench-util";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Wall time of the built CLI validating the whole corpus in one command (`validate --each connectors`, worker
 * threads sized to the cores, JSON output). It reads, parses and imports every file besides validating, and
 * validates the connectors with broken JSON too (exit 2 names them).
 */
function timeCliOverCorpus(corpusDir: string): number {
  const start = performance.now();
  const result = spawnSync(
    process.execPath,
    [
      join(ROOT, "bin", "connector-studio.js"),
      "validate",
      "--each",
      join(corpusDir, "connectors"),
      "--format",
      "json",
    ],
    { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  const elapsed = performance.now() - start;
  if (result.status === null || result.status > 2 || result.stderr.includes("unexpected error"))
    throw new Error(`the CLI failed on the corpus (exit ${result.status}): ${result.stderr.slice(-500)}`);
  return elapsed;
}

/** Every `step`-th connector: swagger-parser over the whole corpus takes minutes on a shared machine. */
const SAMPLE_STEP = 5;

/**
 * Validation speed (issue 5):
 * - whole-corpus validation (schema compiled once + every rule) against swagger-parser's `validate` alone
 *   on the same files (a deterministic sample of every 5th connector, both tools on the same documents,
 *   interleaved per file so machine load hits both alike); target ≥ 4x faster;
 * - re-validation of the largest connector (Encodian) after an edit, as the worker does it; target < 100 ms;
 * - the main-thread cost of handing Encodian to the worker: JSON text (what the client posts) vs a
 *   structured clone (what posting the object would cost); budget < 50 ms per task.
 */
export const section: BenchSection = {
  name: "validation",
  async run(corpusDir, { runs }) {
    const lines: string[] = [];
    const connectors = (await loadCorpusConnectors(corpusDir)).filter((c) => c.doc !== null) as {
      path: string;
      doc: ConnectorDocument;
    }[];
    const sample = connectors.filter((_, i) => i % SAMPLE_STEP === 0);

    // Warm both (ajv compile, JIT) on one document.
    validateConnectorSync(sample[0]!.doc);
    await checkWithSwaggerParser(sample[0]!.doc.definition);

    let ours = 0;
    let theirs = 0;
    for (const { doc } of sample) {
      ours += timeOnce(() => validateConnectorSync(doc));
      const start = performance.now();
      await checkWithSwaggerParser(doc.definition);
      theirs += performance.now() - start;
    }
    // The whole corpus in-process, and the built CLI over the same corpus, alternately (machine load hits both).
    const build = spawnSync(process.execPath, [join(ROOT, "scripts", "build-cli.js")], {
      cwd: ROOT,
      encoding: "utf8",
    });
    if (build.status !== 0) throw new Error(`building the CLI failed: ${build.stderr}`);
    const wholeRuns: number[] = [];
    const cliRuns: number[] = [];
    for (let r = 0; r < runs; r++) {
      let sum = 0;
      for (const { doc } of connectors) sum += timeOnce(() => validateConnectorSync(doc));
      wholeRuns.push(sum);
      cliRuns.push(timeCliOverCorpus(corpusDir));
    }
    const whole = median(wholeRuns);
    const cli = median(cliRuns);
    lines.push(
      ...table([
        ["corpus validation", "files", "total", "per file", "speed-up"],
        [
          "swagger-parser validate (floor)",
          String(sample.length),
          formatMs(theirs),
          formatMs(theirs / sample.length),
          "1.00x",
        ],
        [
          "validateConnector (schema + rules)",
          String(sample.length),
          formatMs(ours),
          formatMs(ours / sample.length),
          formatRatio(theirs, ours),
        ],
        [
          "validateConnector, whole corpus",
          String(connectors.length),
          formatMs(whole),
          formatMs(whole / connectors.length),
          "",
        ],
      ]),
    );
    lines.push(`target: speed-up >= 4x (${theirs / ours >= 4 ? "met" : "NOT met"})`);
    lines.push(
      ...table([
        ["whole corpus, median of runs", "wall", "vs in-process"],
        [`validateConnector in-process (${connectors.length} parsed documents)`, formatMs(whole), "1.00x"],
        [
          "CLI validate --each connectors (reads, parses, imports; workers)",
          formatMs(cli),
          formatRatio(cli, whole),
        ],
      ]),
    );
    lines.push(
      `runs: in-process ${wholeRuns.map(formatMs).join(", ")}; CLI ${cliRuns.map(formatMs).join(", ")}`,
      `target: CLI <= 1.3x in-process (${cli / whole <= 1.3 ? "met" : "NOT met"})`,
    );

    const encodianDir = join(corpusDir, "connectors", "certified-connectors", "Encodian");
    const definition = JSON.parse(readFileSync(join(encodianDir, "apiDefinition.swagger.json"), "utf8"));
    const properties = JSON.parse(readFileSync(join(encodianDir, "apiProperties.json"), "utf8"));
    let doc: ConnectorDocument = { definition, properties, icon: null, script: null, settings: null };
    // What the worker does per keystroke: parse the posted text (an edited title each time), take its
    // length as the minified size, validate. The texts are made up front so the timing is the worker's part.
    const rounds = Math.max(runs, 5) + 1;
    const texts = Array.from({ length: rounds }, (_, i) =>
      JSON.stringify(setAtPointer(doc.definition, "/info/title", `Encodian ${i}`)),
    );
    let n = 0;
    const workerRevalidate = () => {
      const text = texts[n++ % texts.length] as string;
      const next = JSON.parse(text) as ConnectorDocument["definition"];
      primeDefinitionText(next, text);
      doc = { ...doc, definition: next };
      return validateConnectorSync(doc);
    };
    const times = timeInterleaved(
      {
        "JSON.parse of the text (floor)": () => JSON.parse(texts[0] as string),
        "worker: parse + re-validate after an edit": workerRevalidate,
        "main thread: JSON.stringify to post": () => JSON.stringify(doc.definition),
        "main thread: structuredClone (posting the object)": () => structuredClone(doc.definition),
      },
      Math.max(runs, 5),
    );
    const floor = times["JSON.parse of the text (floor)"] ?? Number.NaN;
    lines.push(
      ...table([
        ["Encodian (1.1 MB, 219 operations)", "median", "vs floor"],
        ...Object.entries(times).map(([name, ms]) => [name, formatMs(ms), formatRatio(ms, floor)]),
      ]),
    );
    const revalidate = times["worker: parse + re-validate after an edit"] ?? Number.NaN;
    const posting = times["main thread: JSON.stringify to post"] ?? Number.NaN;
    lines.push(
      `target: re-validation < 100 ms (${revalidate < 100 ? "met" : "NOT met"}); posting < 50 ms (${posting < 50 ? "met" : "NOT met"}); both scale with machine load: compare with the floor`,
    );
    lines.push(
      `validation of the sample alone: median per file ${formatMs(median(sample.map(({ doc: d }) => timeOnce(() => validateConnectorSync(d)))))}`,
    );
    return lines;
  },
};
