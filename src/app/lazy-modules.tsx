import { lazy, type ComponentType } from "react";
import type { ConnectorDocument } from "../model/connector-document";

/**
 * The Import report (summary, grouped entries), kept out of the first chunk. Its download starts with the
 * app's code so that it is there before the first import.
 */
const loadImportReport = () => import("./import-report-panel");
if (typeof window !== "undefined") void loadImportReport().catch(() => {});
export const ImportReportPanel = lazy(() =>
  loadImportReport().then((m) => ({ default: m.ImportReportPanel })),
);

let swaggerEditorModule: Promise<{ default: ComponentType }> | null = null;
const loadSwaggerEditorPane = () => {
  swaggerEditorModule ??= import("../code-pane/swagger-editor-pane").catch((error: unknown) => {
    swaggerEditorModule = null; // a failed load (e.g. offline) is tried again on first use
    throw error;
  });
  return swaggerEditorModule;
};

/** The Monaco pane, loaded on first use so that the first paint never waits for Monaco. */
export const SwaggerEditorPane = lazy(loadSwaggerEditorPane);

/**
 * Loads Monaco ahead of the first connector, in idle time: evaluating its modules is one main-thread task of
 * ~0.3 s, which otherwise lands right after the first import or New connector, next to their first render.
 */
export function preloadSwaggerEditorPane(): void {
  loadSwaggerEditorPane().catch(() => undefined);
}

/** The Validation region (it runs validation and writes diagnostics into the store), in its own chunk. */
export const ValidationPanel: ComponentType = lazy(() =>
  import("../features/validation/validation-panel").then((m) => ({ default: m.ValidationPanel })),
);

/** Builds the connector package zip (lazy: fflate and the exporter stay out of the first chunk). */
export async function loadExporter(): Promise<(doc: ConnectorDocument) => Uint8Array> {
  const { exportPackageZip } = await import("../export/export-package");
  return (doc) => exportPackageZip(doc);
}
