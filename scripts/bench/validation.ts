import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ConnectorDocument } from "../../src/model/connector-document";
import { setAtPointer } from "../../src/model/json-pointer";
import { primeDefinitionText } from "../../src/validation/budget";
import { checkWithSwaggerParser } from "../../src/validation/swagger-parser-check";
import { validateConnectorSync } from "../../src/validation/validate-connector";
import { loadCorpusConnectors } from "../corpus/validation";
import type { BenchSection } from "./bench-section";
import { formatMs, formatRatio, median, table, timeInterleaved, timeOnce } from "./bench-util";

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
    let whole = 0;
    for (const { doc } of connectors) whole += timeOnce(() => validateConnectorSync(doc));
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
