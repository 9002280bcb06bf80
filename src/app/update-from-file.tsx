import { useRef, type ChangeEvent } from "react";
import type { StoreApi } from "zustand/vanilla";
import type { InputFile } from "../importers/import-types";
import { connectorTitle } from "../model/connector-document";
import { formatTextProblem } from "../model/diagnostic";
import { replaceDocument } from "../model/operations/document-edits";
import { selectDocument, type WorkspaceState } from "../store/workspace-store";
import { useWorkspaceStoreApi } from "../store/workspace-context";
import { importInWorker } from "./import/import-client";
import { readFileList } from "./import/read-input-files";

/**
 * Imports a newer version of the API into the open connector: a merge that keeps the maker's edits (ids,
 * summaries, visibility, policies, auth…) instead of wiping them, as one undo step, with the changes listed
 * in the Import report.
 */
export async function runUpdateImport(store: StoreApi<WorkspaceState>, files: InputFile[]): Promise<boolean> {
  const existing = selectDocument(store.getState());
  const { notify } = store.getState();
  if (!existing || files.length === 0) return false;
  const described = files.length === 1 ? (files[0]?.path ?? "1 file") : `${files.length} files`;
  let outcome;
  try {
    outcome = await importInWorker(files);
  } catch (error) {
    notify(
      "error",
      `Nothing was updated from ${described}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return false;
  }
  if (!outcome.ok) {
    notify(
      "error",
      `Nothing was updated from ${described}.\n${outcome.problems.slice(0, 8).map(formatTextProblem).join("\n")}`,
    );
    return false;
  }
  const { mergeImport } = await import("../importers/merge/merge-import");
  const merged = mergeImport(existing, outcome.document);
  const title = connectorTitle(existing);
  store
    .getState()
    .dispatch(replaceDocument(merged.document, `Update from ${described}`), { source: "import" });
  store.getState().setImportReport({
    title: `Updated “${title}” from ${described}: ${merged.changes.length} change(s); your edits were kept`,
    entries: [
      ...merged.changes.map((c) => ({
        kind: "note" as const,
        source: c.operationId ?? c.path,
        target: c.path,
        message: `${c.kind === "added" ? "Added" : c.kind === "removed" ? "Removed" : "Changed"}: ${c.message}`,
      })),
      ...outcome.report,
    ],
  });
  notify(
    "info",
    `Updated “${title}” from ${described} (${merged.changes.length} change(s)). Undo reverts it.`,
  );
  return true;
}

/** "Update from file…": the button and its hidden file input, shown while a connector is open. */
export function UpdateFromFileButton() {
  const store = useWorkspaceStoreApi();
  const inputRef = useRef<HTMLInputElement>(null);
  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const files = await readFileList(Array.from(input.files ?? []));
    input.value = "";
    await runUpdateImport(store, files);
  };
  return (
    <>
      <button
        type="button"
        className="cs-button"
        onClick={() => inputRef.current?.click()}
        title="Merge a newer version of the API into this connector, keeping your edits"
      >
        Update from file…
      </button>
      <label className="cs-visually-hidden">
        Update from file
        <input
          ref={inputRef}
          type="file"
          multiple
          accept=".json,.yaml,.yml,.zip"
          onChange={onChange}
          tabIndex={-1}
        />
      </label>
    </>
  );
}
