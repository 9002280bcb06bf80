import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readInput } from "../../src/cli/read-inputs";
import { importFiles } from "../../src/importers/import-files";
import type { ConnectorDocument } from "../../src/model/connector-document";
import { validateConnectorSync } from "../../src/validation/validate-connector";
import type { CorpusSection } from "./corpus-section";

interface IndexEntry {
  path: string;
}

/** Loads every connector of the corpus that imports (unreadable JSON is the importer's business). */
export async function loadCorpusConnectors(
  corpusDir: string,
): Promise<{ path: string; doc: ConnectorDocument | null; problem?: string }[]> {
  const index = JSON.parse(readFileSync(join(corpusDir, "index.json"), "utf8")) as {
    connectors: IndexEntry[];
  };
  const out: { path: string; doc: ConnectorDocument | null; problem?: string }[] = [];
  for (const entry of index.connectors) {
    const files = await readInput(join(corpusDir, "connectors", entry.path));
    // Only the package files: readmes and samples are not part of validation.
    const pkg = files.filter(
      (f) => /(\.swagger\.json|apiproperties\.json|icon\.png|\.csx)$/i.test(f.path) && !f.path.includes("/"),
    );
    const outcome = importFiles(pkg);
    if (outcome.ok) out.push({ path: entry.path, doc: outcome.document });
    else out.push({ path: entry.path, doc: null, problem: outcome.problems[0]?.message ?? "not importable" });
  }
  return out;
}

/**
 * Validates every corpus connector (normal and certification mode). Pass = no crash; a rule that throws
 * (ValidatorRuleFailed) or a validator exception is a failure. Prints how often each rule fires, per
 * severity, on certified and independent-publisher connectors.
 */
export const section: CorpusSection = {
  name: "validation",
  async run(corpusDir) {
    const lines: string[] = [];
    let passed = 0;
    let failed = 0;
    let unreadable = 0;
    const freq = new Map<string, { connectors: Set<string>; certified: Set<string>; count: number }>();
    const connectors = await loadCorpusConnectors(corpusDir);
    const started = performance.now();
    let withErrors = 0;
    for (const { path, doc } of connectors) {
      if (!doc) {
        unreadable++;
        continue;
      }
      try {
        const normal = validateConnectorSync(doc);
        const cert = validateConnectorSync(doc, { certification: true });
        if (normal.some((d) => d.severity === "error")) withErrors++;
        const crashed = [...normal, ...cert].filter((d) => d.ruleId === "ValidatorRuleFailed");
        if (crashed.length > 0) {
          failed++;
          lines.push(`FAIL ${path}: ${crashed[0]?.message}`);
          continue;
        }
        passed++;
        const certOnly = new Set(normal.map((d) => `${d.ruleId}|${d.severity}`));
        for (const d of [...normal, ...cert.filter((c) => !certOnly.has(`${c.ruleId}|${c.severity}`))]) {
          const key = `${d.severity.padEnd(7)} ${d.ruleId}${certOnly.has(`${d.ruleId}|${d.severity}`) ? "" : " (cert)"}`;
          const f = freq.get(key) ?? {
            connectors: new Set<string>(),
            certified: new Set<string>(),
            count: 0,
          };
          f.connectors.add(path);
          if (path.startsWith("certified-connectors/")) f.certified.add(path);
          f.count++;
          freq.set(key, f);
        }
      } catch (error) {
        failed++;
        lines.push(`FAIL ${path}: validator threw ${error instanceof Error ? error.stack : String(error)}`);
      }
    }
    const ms = performance.now() - started;
    lines.push(
      `validated ${passed + failed} connectors twice (normal + certification) in ${(ms / 1000).toFixed(1)} s; ${unreadable} not importable (invalid JSON, reported by the importer); ${withErrors} with errors in normal mode`,
    );
    lines.push("rule frequency (severity rule: connectors / certified connectors / occurrences):");
    const rows = [...freq.entries()].sort((a, b) => b[1].connectors.size - a[1].connectors.size);
    for (const [key, f] of rows) {
      lines.push(
        `  ${key.padEnd(72)} ${String(f.connectors.size).padStart(5)} / ${String(f.certified.size).padStart(4)} / ${f.count}`,
      );
    }
    return { passed, failed, lines };
  },
};
