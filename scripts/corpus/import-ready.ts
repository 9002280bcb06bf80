import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { readInput } from "../../src/cli/read-inputs";
import { exportPackageFiles } from "../../src/export/export-package";
import { unexplainedFindings } from "../../src/importers/explained-warnings";
import { importFiles } from "../../src/importers/import-files";
import type { InputFile } from "../../src/importers/import-types";
import { selectOperations } from "../../src/importers/select-operations";
import { validateConnectorSync } from "../../src/validation/validate-connector";
import type { CorpusSection, CorpusSectionResult } from "./corpus-section";

/** Errors that an import may leave: the platform's size limits, which only choosing fewer operations fixes. */
const SIZE_LIMIT_RULES = new Set([
  "DefinitionSizeExceedsMaxAllowed",
  "TotalOperationsCountExceedsMaxAllowed",
]);

/** Warnings measured over the same inputs before the import ran the safe quick fixes (README, issue 10). */
export const WARNINGS_BEFORE = 2303;

function listInputs(corpusDir: string): string[] {
  const out: string[] = [];
  const postman = join(corpusDir, "postman");
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith(".json")) out.push(full);
    }
  };
  walk(postman);
  const openapi = join(corpusDir, "openapi");
  for (const entry of readdirSync(openapi).sort()) out.push(join(openapi, entry));
  return out;
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function formatCounts(counts: Map<string, number>): string {
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");
}

/**
 * Every Postman collection and OpenAPI/Swagger document of the corpus goes through the import the CLI and the
 * app run (`importFiles`), is exported as a package, and that package is validated as `validate` would. Passes
 * when every input imports, no output has an error other than the size limits, and every warning left is
 * explained by an entry of that input's Import report (`explained-warnings.ts`); fails too when the warnings
 * over all outputs exceed 10% of the figure measured before. Prints errors and warnings per rule.
 */
export const section: CorpusSection = {
  name: "import-ready",
  async run(corpusDir: string): Promise<CorpusSectionResult> {
    const lines: string[] = [];
    let passed = 0;
    let failed = 0;
    const errors = new Map<string, number>();
    const warnings = new Map<string, number>();
    const fixed = new Map<string, number>();
    let withoutErrors = 0;
    let clean = 0;
    let outputs = 0;
    let unexplainedTotal = 0;
    for (const full of listInputs(corpusDir)) {
      const name = relative(corpusDir, full);
      let files: InputFile[];
      try {
        files = await readInput(full);
      } catch (error) {
        failed++;
        lines.push(`✗ ${name}: not readable (${(error as Error).message})`);
        continue;
      }
      const outcome = importFiles(files);
      if (!outcome.ok) {
        failed++;
        lines.push(
          `✗ ${name}: not imported: ${outcome.problems
            .map((p) => p.message)
            .join("; ")
            .slice(0, 300)}`,
        );
        continue;
      }
      for (const entry of outcome.report)
        if (entry.kind === "fixed" || entry.rule !== undefined)
          bump(fixed, `${entry.kind} ${entry.rule ?? "(headers)"}`);
      const reread = importFiles(exportPackageFiles(outcome.document).files);
      if (!reread.ok) {
        failed++;
        lines.push(`✗ ${name}: output not readable: ${reread.problems.map((p) => p.message).join("; ")}`);
        continue;
      }
      outputs++;
      const diagnostics = validateConnectorSync(reread.document);
      const mine = { errors: new Map<string, number>(), warnings: new Map<string, number>() };
      for (const d of diagnostics) {
        if (d.severity === "error") {
          bump(errors, d.ruleId);
          bump(mine.errors, d.ruleId);
        } else if (d.severity === "warning") {
          bump(warnings, d.ruleId);
          bump(mine.warnings, d.ruleId);
        }
      }
      const unexplained = unexplainedFindings(
        outcome.report,
        diagnostics.filter((d) => d.severity === "warning"),
      );
      unexplainedTotal += unexplained.length;
      if (mine.errors.size === 0) withoutErrors++;
      if (mine.errors.size === 0 && mine.warnings.size === 0) clean++;
      const unexpected = [...mine.errors.keys()].filter((id) => !SIZE_LIMIT_RULES.has(id));
      const counts = `errors: ${formatCounts(mine.errors) || "none"}; warnings: ${formatCounts(mine.warnings) || "none"}`;
      if (unexpected.length > 0 || unexplained.length > 0) {
        failed++;
        const why = unexplained
          .slice(0, 5)
          .map((d) => `${d.ruleId} at ${d.path}`)
          .join("; ");
        lines.push(
          `✗ ${name}: ${counts}${unexplained.length > 0 ? `; ${unexplained.length} warning(s) the Import report does not explain: ${why}` : ""}`,
        );
      } else {
        passed++;
        lines.push(`✓ ${name}: ${counts}`);
      }
    }
    const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    const totalWarnings = sum(warnings);
    lines.push(
      `${outputs} outputs: ${withoutErrors} without errors, ${clean} clean; ${sum(errors)} errors, ${totalWarnings} warnings`,
    );
    lines.push(`errors by rule: ${formatCounts(errors) || "none"}`);
    lines.push(`warnings by rule: ${formatCounts(warnings) || "none"}`);
    lines.push(`warnings the Import report does not explain: ${unexplainedTotal}`);
    lines.push(`import report, by kind and rule: ${formatCounts(fixed) || "none"}`);
    // Stripe has 395 operations and 2.4 MB of definitions: a selection by tag must give an output with no error.
    const stripe = join(corpusDir, "openapi", "stripe-api-2022-02-08.openapi-3.0.0.json");
    if (existsSync(stripe)) {
      const outcome = importFiles(await readInput(stripe));
      const tags = ["products", "prices"];
      const selected = outcome.ok ? selectOperations(outcome.document, { includeTags: tags }) : null;
      const problems = selected
        ? validateConnectorSync(selected.document).filter((d) => d.severity !== "info")
        : [];
      const what = `stripe with --include-tags ${tags.join(",")}: ${selected ? `${selected.kept} of ${selected.total} operations` : "not imported"}; ${problems.map((d) => d.ruleId).join(", ") || "no error or warning"}`;
      if (selected && selected.kept > 0 && !problems.some((d) => d.severity === "error")) {
        passed++;
        lines.push(`✓ ${what}`);
      } else {
        failed++;
        lines.push(`✗ ${what}`);
      }
    }
    const budget = Math.floor(WARNINGS_BEFORE / 10);
    if (totalWarnings > budget) {
      failed++;
      lines.push(
        `✗ ${totalWarnings} warnings over all outputs; at most ${budget} (10% of ${WARNINGS_BEFORE})`,
      );
    } else {
      passed++;
      lines.push(
        `✓ ${totalWarnings} warnings over all outputs (at most ${budget}, 10% of ${WARNINGS_BEFORE})`,
      );
    }
    return { passed, failed, lines };
  },
};
