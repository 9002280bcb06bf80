import type { ConnectorDocument } from "../model/connector-document";
import type { Diagnostic } from "../model/diagnostic";
import { loadExporter } from "./lazy-modules";

export type ExportResult =
  | { ok: true; fileName: string; bytes: Uint8Array; warnings: Diagnostic[] }
  | { ok: false; errors: Diagnostic[] };

/**
 * Validates the connector and builds its package. Errors refuse the export (the caller lists them);
 * warnings never block it.
 */
export async function buildExport(doc: ConnectorDocument): Promise<ExportResult> {
  const [{ validateConnector }, exportPackageZip] = await Promise.all([
    import("../validation/validate-connector"),
    loadExporter(),
  ]);
  const diagnostics = await validateConnector(doc);
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) return { ok: false, errors };
  const bytes = await exportPackageZip(doc);
  return {
    ok: true,
    fileName: (await import("../export/export-package")).packageFileName(doc),
    bytes,
    warnings: diagnostics.filter((d) => d.severity === "warning"),
  };
}
