import type { Diagnostic } from "../model/diagnostic";

/**
 * The one verdict on a connector, from the validator's results: **exportable** when plain-mode validation has
 * no error (Export), **certifiable** when certification-mode validation has no error (Export for
 * certification, `connector-studio package`). Warnings and notes never block either. The Validation panel, the
 * Review checklist, both exports and the CLI take their decision and their wording from here.
 */
export interface Verdict {
  exportable: boolean;
  /** Errors of plain mode: what refuses Export. */
  exportErrors: Diagnostic[];
  /** `null` when certification mode was not run. */
  certifiable: boolean | null;
  /** Errors of certification mode: what refuses Export for certification. */
  certificationErrors: Diagnostic[] | null;
}

const errorsOf = (list: readonly Diagnostic[]) => list.filter((d) => d.severity === "error");

/** Decides from plain-mode results and, when run, certification-mode results. */
export function decideVerdict(results: {
  plain: readonly Diagnostic[];
  certification?: readonly Diagnostic[] | null;
}): Verdict {
  const exportErrors = errorsOf(results.plain);
  const certificationErrors = results.certification ? errorsOf(results.certification) : null;
  return {
    exportable: exportErrors.length === 0,
    exportErrors,
    certifiable: certificationErrors ? certificationErrors.length === 0 : null,
    certificationErrors,
  };
}

/** The distinct rule ids of some diagnostics, in order of first appearance. */
export function ruleIdsOf(diagnostics: readonly Diagnostic[]): string[] {
  return [...new Set(diagnostics.map((d) => d.ruleId))];
}

const errorCount = (n: number) => `${n} error${n === 1 ? "" : "s"}`;

/** What Export does, in one sentence. */
export function exportSentence(verdict: Verdict): string {
  if (verdict.exportable) return "Export is allowed; warnings never block it.";
  return `Export is refused until ${errorCount(verdict.exportErrors.length)} ${verdict.exportErrors.length === 1 ? "is" : "are"} fixed (${ruleIdsOf(verdict.exportErrors).join(", ")}); warnings never block it.`;
}

/** What Export for certification does, in one sentence (empty when certification mode was not run). */
export function certificationSentence(verdict: Verdict): string {
  if (verdict.certifiable === null || verdict.certificationErrors === null) return "";
  if (verdict.certifiable) return "Export for certification is allowed: no errors in certification mode.";
  const n = verdict.certificationErrors.length;
  return `Export for certification is refused until ${errorCount(n)} in certification mode ${n === 1 ? "is" : "are"} fixed (${ruleIdsOf(verdict.certificationErrors).join(", ")}).`;
}

/** Both sentences, as the Validation panel shows them (Export first, then certification when it was run). */
export function verdictText(verdict: Verdict): string {
  return [exportSentence(verdict), certificationSentence(verdict)].filter((s) => s !== "").join(" ");
}
