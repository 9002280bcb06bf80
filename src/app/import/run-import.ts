import type { StoreApi } from "zustand/vanilla";
import { connectorTitle } from "../../model/connector-document";
import { formatTextProblem } from "../../model/diagnostic";
import type { ConnectorDocument } from "../../model/connector-document";
import type { WorkspaceState } from "../../store/workspace-store";
import { reportHeadline } from "../../model/import-report-summary";
import { listOperations } from "../../model/swagger-types";
import { applyOperationChoice, needsOperationChoice } from "./choose-on-import";
import { importInWorker } from "./import-client";
import type { ImportSource } from "./import-protocol";

/** At most this many problems are listed in one message; the rest are counted. */
const MAX_LISTED_PROBLEMS = 8;

function describeFiles(files: ImportSource[]): string {
  if (files.length === 1) return files[0]?.path ?? "1 file";
  const top = new Set(files.map((f) => f.path.split("/")[0]));
  if (top.size === 1 && files.some((f) => f.path.includes("/")))
    return `${[...top][0]}/ (${files.length} files)`;
  return `${files.length} files`;
}

export interface RunImportOptions {
  /**
   * Asked when the imported API is over the platform's limits (more than 256 operations, over 1 MB
   * minified): resolves with the JSON pointers of the operations to keep, or null to import nothing.
   */
  chooseOperations?(doc: ConnectorDocument): Promise<string[] | null>;
}

/**
 * Imports files as a new connector (never overwriting one). On failure nothing in the workspace changes
 * and each problem is reported as `file:line:column: message`. An API over the platform's limits is first
 * trimmed to the operations the user chooses (see {@link RunImportOptions.chooseOperations}).
 * @returns the new connector's id, or null when nothing was imported.
 */
export async function runImport(
  store: StoreApi<WorkspaceState>,
  files: ImportSource[],
  options: RunImportOptions = {},
): Promise<string | null> {
  const { notify } = store.getState();
  if (files.length === 0) {
    notify("warning", "Nothing to import: no files were received.");
    return null;
  }
  const described = describeFiles(files);
  let outcome;
  // Marks let the browser bench split a drop into worker time and main-thread time.
  performance.mark("cs:import:start");
  try {
    outcome = await importInWorker(files);
    performance.mark("cs:import:received");
  } catch (error) {
    notify(
      "error",
      `Nothing was imported from ${described}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return null;
  }
  if (!outcome.ok) {
    const lines = outcome.problems.slice(0, MAX_LISTED_PROBLEMS).map(formatTextProblem);
    const more = outcome.problems.length - lines.length;
    if (more > 0) lines.push(`…and ${more} more problem${more === 1 ? "" : "s"}.`);
    notify("error", `Nothing was imported from ${described}.\n${lines.join("\n")}`);
    return null;
  }
  let document = outcome.document;
  let report = outcome.report;
  if (options.chooseOperations && needsOperationChoice(document)) {
    const keys = await options.chooseOperations(document);
    if (!keys) {
      notify("info", `Nothing was imported from ${described}: choosing operations was cancelled.`);
      return null;
    }
    ({ doc: document, report } = applyOperationChoice(document, report, keys));
  }
  const state = store.getState();
  // A Logic Apps template may hold several customApis resources: each is a connector of its own. They are
  // added first, so that the first resource ends up open with its Import report.
  for (const further of outcome.more ?? []) {
    state.addConnector(further.document, { source: "import" });
    notify(
      "info",
      `Imported “${connectorTitle(further.document)}” from ${described}${further.report.length > 0 ? ` (${further.report.length} item${further.report.length === 1 ? "" : "s"} not carried over exactly)` : ""}.`,
    );
  }
  const id = state.addConnector(document, { source: "import" });
  performance.mark("cs:import:added");
  const title = connectorTitle(document);
  state.setImportReport(
    report.length > 0
      ? {
          title: `Imported “${title}” from ${described}`,
          entries: report,
          headline: reportHeadline(report, listOperations(document.definition).length, outcome.input ?? null),
        }
      : null,
  );
  for (const note of outcome.notes) notify("warning", formatTextProblem(note));
  notify("info", `Imported “${title}” from ${described}.`);
  return id;
}
