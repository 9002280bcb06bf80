import { readFileSync } from "node:fs";
import path from "node:path";
import { validateConnectorSync } from "../../src/validation/validate-connector";
import type { CorpusSection } from "./corpus-section";
import { loadCorpusConnectors } from "./validation";

/** A certification-mode error may fire on at most this share of certified connectors without a written reason. */
export const MAX_UNEXPLAINED_SHARE = 0.02;

const DOCS = path.join(
  path.dirname(new URL(import.meta.url).pathname),
  "..",
  "..",
  "docs",
  "validation-rules.md",
);
/** The heading of the docs section whose table gives the reason for each error kept above the threshold. */
export const REASONS_HEADING = "### Certification errors above 2% of certified connectors";

/**
 * Reads the reasons table under {@link REASONS_HEADING}: rows `| \`RuleId\` | … | reason |`; a rule counts
 * as explained when its last cell is not empty.
 */
export function documentedReasons(markdown: string): Map<string, string> {
  const out = new Map<string, string>();
  const start = markdown.indexOf(REASONS_HEADING);
  if (start < 0) return out;
  const rest = markdown.slice(start + REASONS_HEADING.length);
  const end = rest.search(/\n#{1,3} /);
  for (const line of (end < 0 ? rest : rest.slice(0, end)).split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    // "| `Id` | a | b |" splits into ["", "`Id`", "a", "b", ""].
    const id = /^`([A-Za-z]+)`$/.exec(cells[1] ?? "")?.[1];
    const reason = cells[cells.length - 2] ?? "";
    if (id && cells.length >= 4 && reason !== "" && !/^-+$/.test(reason)) out.set(id, reason);
  }
  return out;
}

/**
 * Certification mode over every certified connector (all accepted by Microsoft): prints how many connectors
 * each rule fires on, per severity, as a Markdown table for docs/validation-rules.md, and fails for every rule
 * that is an error on more than 2% of them without a reason in that document.
 */
export const section: CorpusSection = {
  name: "certification",
  async run(corpusDir) {
    const lines: string[] = [];
    let passed = 0;
    let failed = 0;
    const all = await loadCorpusConnectors(corpusDir);
    const certified = all.filter((c) => c.path.startsWith("certified-connectors/") && c.doc);
    const freq = new Map<
      string,
      { error: Set<string>; warning: Set<string>; info: Set<string>; count: number }
    >();
    let withErrors = 0;
    for (const { path: where, doc } of certified) {
      if (!doc) continue;
      let diagnostics;
      try {
        diagnostics = validateConnectorSync(doc, { certification: true });
      } catch (error) {
        failed++;
        lines.push(
          `FAIL ${where}: validator threw ${error instanceof Error ? error.message : String(error)}`,
        );
        continue;
      }
      if (diagnostics.some((d) => d.severity === "error")) withErrors++;
      for (const d of diagnostics) {
        const f = freq.get(d.ruleId) ?? { error: new Set(), warning: new Set(), info: new Set(), count: 0 };
        f[d.severity].add(where);
        f.count++;
        freq.set(d.ruleId, f);
      }
    }
    const total = certified.length;
    const limit = Math.floor(total * MAX_UNEXPLAINED_SHARE);
    const reasons = documentedReasons(readFileSync(DOCS, "utf8"));
    lines.push(
      `${total} certified connectors validated in certification mode; ${withErrors} with errors; an error on more than ${limit} (2%) needs a reason in docs/validation-rules.md`,
    );
    lines.push(
      "| Rule id | Errors (connectors) | Warnings (connectors) | Notes (connectors) | Occurrences |",
    );
    lines.push("|---|---|---|---|---|");
    const rows = [...freq.entries()].sort(
      (a, b) =>
        b[1].error.size - a[1].error.size ||
        b[1].warning.size - a[1].warning.size ||
        a[0].localeCompare(b[0]),
    );
    for (const [id, f] of rows) {
      lines.push(`| \`${id}\` | ${f.error.size} | ${f.warning.size} | ${f.info.size} | ${f.count} |`);
    }
    for (const [id, f] of rows) {
      if (f.error.size <= limit) {
        passed++;
      } else if (reasons.has(id)) {
        passed++;
        lines.push(`kept ${id}: error on ${f.error.size} certified connectors (reason documented)`);
      } else {
        failed++;
        lines.push(
          `FAIL ${id}: error on ${f.error.size} of ${total} certified connectors (more than 2%) without a reason under "${REASONS_HEADING}" in docs/validation-rules.md; e.g. ${[...f.error].slice(0, 3).join(", ")}`,
        );
      }
    }
    return { passed, failed, lines };
  },
};
