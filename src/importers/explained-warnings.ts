import type { Diagnostic } from "../model/diagnostic";
import type { ImportReportEntry } from "../model/import-report";

/** Whether two JSON pointers are the same place or one lies inside the other. */
function related(a: string, b: string): boolean {
  return a === b || b.startsWith(`${a}/`) || a.startsWith(`${b}/`);
}

/**
 * Whether an Import report entry explains a validator finding on the imported connector: it is about the
 * same place (its target holds the finding or lies inside it), or names the same rule for that place or for
 * the whole connector. An analyst reading the report then knows every warning left, and why it was left.
 */
export function explains(entry: ImportReportEntry, diagnostic: Diagnostic): boolean {
  if (diagnostic.file !== "apiDefinition.swagger.json") return entry.rule === diagnostic.ruleId;
  if (entry.target !== undefined && related(entry.target, diagnostic.path)) return true;
  return entry.rule === diagnostic.ruleId && (entry.target === undefined || entry.target === "");
}

/** The findings no entry of the Import report explains. */
export function unexplainedFindings(
  report: readonly ImportReportEntry[],
  diagnostics: readonly Diagnostic[],
): Diagnostic[] {
  return diagnostics.filter((d) => !report.some((entry) => explains(entry, d)));
}
