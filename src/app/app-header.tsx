import type { ChangeEvent, RefObject } from "react";
import { useStore } from "zustand";
import {
  selectCanRedo,
  selectCanUndo,
  selectDocument,
  selectRedoLabel,
  selectUndoLabel,
} from "../store/workspace-store";
import { useWorkspace } from "../store/workspace-context";
import { RedoIcon, UndoIcon } from "../components/ui/icons";
import { fileListSources } from "./import/read-input-files";
import { MoreExportsMenu } from "./logic-apps-export";
import { saveStatusStore } from "./persistence/save-status";
import { ThemeSwitch } from "./theme-switch";
import { useShellActions } from "./shell-actions";
import { UpdateFromFileButton } from "./update-from-file";

/** Accepted by the Import file chooser (drops accept anything and let the importer decide). */
export const IMPORT_ACCEPT = ".json,.yaml,.yml,.zip,.png,.csx";

function SaveIndicator() {
  const status = useStore(saveStatusStore);
  const text =
    status.state === "saving"
      ? "Saving…"
      : status.state === "error"
        ? "Not saved"
        : status.state === "off"
          ? "Autosave off"
          : status.state === "saved"
            ? "Saved"
            : "";
  return (
    <span
      className={`cs-save cs-save-${status.state}`}
      data-testid="save-status"
      title="Autosave in this browser"
    >
      {text}
    </span>
  );
}

/** The hidden file input behind Import. Rendered once; every Import button opens it. */
export function ImportFileInput({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const { importFiles } = useShellActions();
  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const files = fileListSources(Array.from(input.files ?? []));
    // Reset so that choosing the same file again still fires a change.
    input.value = "";
    if (files.length > 0) await importFiles(files);
  };
  return (
    <label className="cs-visually-hidden">
      Import file
      <input ref={inputRef} type="file" multiple accept={IMPORT_ACCEPT} onChange={onChange} tabIndex={-1} />
    </label>
  );
}

export function AppHeader({ fileInputRef }: { fileInputRef: RefObject<HTMLInputElement | null> }) {
  const actions = useShellActions();
  const hasDocument = useWorkspace((s) => selectDocument(s) !== null);
  const hasConnectors = useWorkspace((s) => s.connectors.length > 0);
  const canUndo = useWorkspace(selectCanUndo);
  // The tooltip says what the step was (the Command's label); the accessible name stays "Undo"/"Redo".
  const undoLabel = useWorkspace(selectUndoLabel);
  const redoLabel = useWorkspace(selectRedoLabel);
  const canRedo = useWorkspace(selectCanRedo);
  const newConnector = useWorkspace((s) => s.newConnector);
  const undo = useWorkspace((s) => s.undo);
  const redo = useWorkspace((s) => s.redo);
  // Nothing is created (New connector, Import, Paste) before the saved drafts are back.
  const restored = useStore(saveStatusStore, (s) => s.restored);

  return (
    <header className="cs-header">
      <div className="cs-brand">
        <svg className="cs-logo" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path
            d="M4 7h6v4H4zM14 13h6v4h-6zM10 9h2a2 2 0 0 1 2 2v2a2 2 0 0 0 2 2h-2"
            fill="none"
            strokeWidth="2"
          />
        </svg>
        <span className="cs-app-name">Connector Studio</span>
      </div>
      <div className="cs-toolbar" role="toolbar" aria-label="Workspace">
        {/* On an empty workspace these two live in the drop region instead, so each name stays unique. */}
        {hasConnectors && restored ? (
          <>
            <button type="button" className="cs-button cs-button-primary" onClick={() => newConnector()}>
              New connector
            </button>
            <button type="button" className="cs-button" onClick={actions.chooseFiles}>
              Import
            </button>
          </>
        ) : null}
        <button type="button" className="cs-button" onClick={actions.openPaste} disabled={!restored}>
          Paste
        </button>
        {hasDocument ? <UpdateFromFileButton /> : null}
        {hasDocument ? (
          <button
            type="button"
            className="cs-button"
            onClick={actions.openGoTo}
            aria-keyshortcuts="Control+K Meta+K"
            title="Go to (Ctrl+K)"
          >
            Go to
          </button>
        ) : null}
        <span className="cs-toolbar-gap" />
        <button
          type="button"
          className="cs-button cs-button-icon"
          onClick={undo}
          disabled={!canUndo}
          aria-keyshortcuts="Control+Z Meta+Z"
          title={undoLabel ? `Undo ${undoLabel} (Ctrl+Z)` : "Undo (Ctrl+Z)"}
        >
          <UndoIcon /> Undo
        </button>
        <button
          type="button"
          className="cs-button cs-button-icon"
          onClick={redo}
          disabled={!canRedo}
          aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
          title={redoLabel ? `Redo ${redoLabel} (Ctrl+Shift+Z)` : "Redo (Ctrl+Shift+Z)"}
        >
          <RedoIcon /> Redo
        </button>
        <SaveIndicator />
        <button
          type="button"
          className="cs-button cs-button-primary"
          onClick={() => void actions.exportActive()}
          disabled={!hasDocument}
        >
          Export
        </button>
        <MoreExportsMenu />
        <ThemeSwitch />
      </div>
      <ImportFileInput inputRef={fileInputRef} />
    </header>
  );
}
