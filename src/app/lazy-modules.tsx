import { lazy, type ComponentType } from "react";
import type { Diagnostic } from "../model/diagnostic";
import type { ConnectorDocument } from "../model/connector-document";
import type { StepId } from "../store/workspace-store";

// The validation modules are written in parallel by other engineers. `import.meta.glob` resolves to an empty
// map while a file is missing, so the shell builds either way and picks the module up as soon as it exists.
const validationModules = import.meta.glob<{ ValidationPanel: ComponentType }>(
  "../features/validation/validation-panel.tsx",
);
const locationModules = import.meta.glob<{ stepForDiagnostic(diagnostic: Diagnostic): StepId }>(
  "../validation/diagnostic-location.ts",
  { eager: true },
);

/** The Monaco pane, loaded on first use so that the first paint never waits for Monaco. */
export const SwaggerEditorPane = lazy(() => import("../code-pane/swagger-editor-pane"));

const loadValidation = Object.values(validationModules)[0];
/** The Validation region (it runs validation and writes diagnostics into the store). */
export const ValidationPanel: ComponentType = loadValidation
  ? lazy(() => loadValidation().then((m) => ({ default: m.ValidationPanel })))
  : () => null;

/** Which step owns a diagnostic, for the problem counts on the step tabs. */
export function stepForDiagnostic(diagnostic: Diagnostic): StepId {
  const located = Object.values(locationModules)[0];
  if (located) return located.stepForDiagnostic(diagnostic);
  return fallbackStepForDiagnostic(diagnostic);
}

/** A rough owner of a diagnostic, used only until src/validation/diagnostic-location.ts exists. */
export function fallbackStepForDiagnostic(diagnostic: Diagnostic): StepId {
  if (diagnostic.file === "script.csx") return "code";
  if (diagnostic.file === "icon.png") return "general";
  const path = diagnostic.path;
  if (diagnostic.file === "apiProperties.json") {
    return /connectionParameters/.test(path) ? "security" : "general";
  }
  if (/^\/(securityDefinitions|security)(\/|$)/.test(path)) return "security";
  if (/^\/(paths|definitions|parameters|responses|x-ms-connector-metadata)(\/|$)/.test(path)) {
    return path.startsWith("/x-ms-connector-metadata") ? "general" : "definition";
  }
  return "general";
}

/** Builds the connector package zip (lazy: fflate and the exporter stay out of the first chunk). */
export async function loadExporter(): Promise<(doc: ConnectorDocument) => Uint8Array> {
  const { exportPackageZip } = await import("../export/export-package");
  return (doc) => exportPackageZip(doc);
}
