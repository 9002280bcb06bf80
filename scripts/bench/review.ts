import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ConnectorDocument } from "../../src/model/connector-document";
import { createEmptyConnector } from "../../src/model/create-empty-connector";
import type { JsonObject } from "../../src/model/json-value";
import { diffConnectors } from "../../src/review/diff-connectors";
import { diffToMarkdown } from "../../src/review/diff-markdown";
import { buildCertificationChecklist } from "../../src/review/certification-checklist";
import { computeBudget } from "../../src/validation/budget";
import { validateConnectorSync } from "../../src/validation/validate-connector";
import type { BenchSection } from "./bench-section";
import { median } from "./bench-util";

function time(fn: () => void, runs: number): number {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** A second version of a connector: every third operation loses a parameter, every fifth response schema is retyped. */
function mutate(definition: JsonObject): JsonObject {
  const copy = structuredClone(definition);
  let i = 0;
  for (const item of Object.values((copy.paths ?? {}) as Record<string, Record<string, JsonObject>>)) {
    for (const op of Object.values(item)) {
      if (typeof op !== "object" || op === null || Array.isArray(op)) continue;
      i += 1;
      if (i % 3 === 0 && Array.isArray(op.parameters)) op.parameters = op.parameters.slice(1);
      if (i % 5 === 0) op.summary = `${String(op.summary)} (v2)`;
    }
  }
  return copy;
}

/** Review: the semantic diff of two versions of the largest published connector (target: under 1 s). */
export const section: BenchSection = {
  name: "review",
  async run(corpusDir, { runs }) {
    const dir = path.join(corpusDir, "connectors", "certified-connectors", "Encodian");
    const text = await readFile(path.join(dir, "apiDefinition.swagger.json"), "utf8");
    const base = createEmptyConnector();
    const oldDoc: ConnectorDocument = { ...base, definition: JSON.parse(text) };
    const newDoc: ConnectorDocument = {
      ...base,
      definition: mutate(oldDoc.definition) as ConnectorDocument["definition"],
    };
    const floor = time(() => JSON.parse(text), runs);
    let count = 0;
    const diff = time(() => {
      count = diffConnectors(oldDoc, newDoc).length;
    }, runs);
    const markdown = time(
      () => diffToMarkdown(diffConnectors(oldDoc, newDoc), { old: "v1", new: "v2" }),
      runs,
    );
    // Opening the Review step: what the page's main thread did before the checklist and the budget moved to
    // the validation worker (both validations, the budget, the checklist), and what it still does (receive the
    // results as a structured clone, build the checklist).
    const properties = JSON.parse(await readFile(path.join(dir, "apiProperties.json"), "utf8")) as JsonObject;
    const reviewed: ConnectorDocument = { ...oldDoc, properties };
    const certification = validateConnectorSync(reviewed, { certification: true });
    const plain = validateConnectorSync(reviewed);
    const validations = time(() => {
      validateConnectorSync(reviewed, { certification: true });
      validateConnectorSync(reviewed);
    }, runs);
    // A fresh definition object each time: the budget caches nothing per object but the minified text.
    const budget = time(() => computeBudget({ ...reviewed, definition: { ...reviewed.definition } }), runs);
    const checklist = time(
      () => buildCertificationChecklist(reviewed, certification, plain, { independentPublisher: false }),
      runs,
    );
    const measured = computeBudget(reviewed);
    const receive = time(() => {
      structuredClone(certification);
      structuredClone(plain);
      structuredClone(measured);
    }, runs);
    const before = validations + budget + checklist;
    const after = receive + checklist;
    return [
      `Review on Encodian, main thread before: validations (certification + plain) ${validations.toFixed(1)} ms + budget ${budget.toFixed(1)} ms + checklist ${checklist.toFixed(1)} ms = ${before.toFixed(1)} ms`,
      `Review on Encodian, main thread now: results received ${receive.toFixed(1)} ms + checklist ${checklist.toFixed(1)} ms = ${after.toFixed(1)} ms (${(before / after).toFixed(0)}× less; validations and budget run in the validation worker)`,
      `Encodian v1 → v2 (${count} changes): diff median ${diff.toFixed(1)} ms (${(diff / floor).toFixed(1)}× JSON.parse of the file, ${floor.toFixed(1)} ms); target < 1000 ms`,
      `Encodian diff + Markdown: median ${markdown.toFixed(1)} ms`,
    ];
  },
};
