import type { ConnectorDocument } from "../model/connector-document";
import type { Diagnostic } from "../model/diagnostic";
import { sharedValidationClient } from "../validation/shared-validation-client";
import { decideVerdict } from "../validation/verdict";
import { loadExporter } from "./lazy-modules";

export type ExportResult =
  | {
      ok: true;
      fileName: string;
      bytes: Uint8Array;
      warnings: Diagnostic[];
      /** Set when the validation worker failed and the gate validated on the page instead (the reason). */
      validatedOnPage: string | null;
    }
  | { ok: false; errors: Diagnostic[]; validatedOnPage: string | null };

/**
 * Validates the connector and builds its package. Errors refuse the export (the caller lists them);
 * warnings never block it. Validation runs in the shared validation worker (plain mode, the same job as the
 * Validation panel's when it already checked this revision); if the worker fails it runs on the page, so
 * the gate never lets an error through. The document passed in is the one validated and exported, whatever
 * the maker edits meanwhile.
 */
export async function buildExport(doc: ConnectorDocument): Promise<ExportResult> {
  const [outcome, exportPackageZip] = await Promise.all([
    // No channel: the gate's request is never superseded by another one.
    sharedValidationClient().validate(doc),
    loadExporter(),
  ]);
  if (!outcome) throw new Error("Validation was stopped before it finished; export again.");
  const { diagnostics, failure } = outcome;
  // The same verdict the Validation panel states: plain-mode errors refuse Export (certification mode does not).
  const verdict = decideVerdict({ plain: diagnostics });
  if (!verdict.exportable) return { ok: false, errors: verdict.exportErrors, validatedOnPage: failure };
  const bytes = await exportPackageZip(doc);
  return {
    ok: true,
    fileName: (await import("../export/export-package")).packageFileName(doc),
    bytes,
    warnings: diagnostics.filter((d) => d.severity === "warning"),
    validatedOnPage: failure,
  };
}
