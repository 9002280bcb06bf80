import { connectorTitle, type ConnectorDocument } from "../model/connector-document";
import type { Diagnostic } from "../model/diagnostic";
import { loadExporter } from "./lazy-modules";

export type ExportResult =
  | { ok: true; fileName: string; bytes: Uint8Array; warnings: Diagnostic[] }
  | { ok: false; errors: Diagnostic[] };

/** A file name that every OS accepts: characters Windows refuses become `-`. */
export function packageFileName(doc: ConnectorDocument): string {
  const base = connectorTitle(doc)
    // eslint-disable-next-line no-control-regex
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, "-")
    .replace(/[. ]+$/, "")
    .trim();
  return `${base || "connector"}.zip`;
}

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
    fileName: packageFileName(doc),
    bytes,
    warnings: diagnostics.filter((d) => d.severity === "warning"),
  };
}

/** Hands bytes to the browser as a download. */
export function downloadBytes(bytes: Uint8Array, fileName: string, type = "application/zip"): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the next task; revoking later keeps slow browsers safe.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
