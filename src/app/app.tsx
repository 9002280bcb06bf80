import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useStore } from "zustand";
import type { StoreApi } from "zustand/vanilla";
import {
  ChooseOperationsDialog,
  KEEP_OPERATIONS_INTRO,
} from "../components/choose-operations/choose-operations-dialog";
import type { ConnectorDocument } from "../model/connector-document";
import type { Diagnostic } from "../model/diagnostic";
import { keepOperationsAt } from "../validation/budget";
import { createWorkspaceStore, selectDocument, type WorkspaceState } from "../store/workspace-store";
import { WorkspaceStoreProvider, useWorkspace } from "../store/workspace-context";
import { AppHeader } from "./app-header";
import { ConflictBanner } from "./conflict-banner";
import { ConnectorsNav } from "./connectors-nav";
import { EmptyWorkspace, RestoringWorkspace } from "./empty-workspace";
import { ExportErrorsDialog } from "./export-errors-dialog";
import { GoToDialog } from "./go-to-dialog";
import { downloadFile } from "../lib/download";
import { warmUpImporter } from "./import/import-client";
import type { ImportSource } from "./import/import-protocol";
import { runImport } from "./import/run-import";
import {
  ImportReportPanel,
  preloadSwaggerEditorPane,
  SwaggerEditorPane,
  ValidationPanel,
} from "./lazy-modules";
import { NoticesArea } from "./notices-area";
import { PasteDialog } from "./paste-dialog";
import type { AutosaveControls, startAutosave } from "./persistence/autosave";
import { storedNothing } from "./persistence/early-read";
import { saveStatusStore } from "./persistence/save-status";
import { ShellActionsContext, type ShellActions } from "./shell-actions";
import { SplitPane } from "./split-pane";
import { StepsPanel } from "./steps-panel";
import { useGoToShortcut } from "./use-go-to-shortcut";
import { useUndoShortcuts } from "./use-undo-shortcuts";
import { OpenSharedDialog } from "../features/review/open-shared-dialog";
import { useShareLinkImport } from "../features/review/use-share-link-import";
import { useWindowDrop } from "./use-window-drop";
import { useStoredFlag } from "../lib/stored-preference";
import "./tokens.css";
import "./app.css";

function EditorFallback() {
  return (
    <div className="cs-pane-placeholder" aria-busy="true">
      <p className="cs-muted">Loading the Swagger editor…</p>
    </div>
  );
}

/** Whether the Swagger editor is shown, remembered in this browser. */
const SWAGGER_EDITOR_SHOWN_KEY = "connector-studio.swagger-editor-shown";

function Workspace({ restored }: { restored: boolean }) {
  const hasDocument = useWorkspace((s) => selectDocument(s) !== null);
  const [editorShown, setEditorShown] = useStoredFlag(SWAGGER_EDITOR_SHOWN_KEY, true);
  // The button moves (above the editor / end of the tab row) when pressed: focus follows it.
  const toggleRef = useRef<HTMLButtonElement>(null);
  const toggled = useRef(false);
  useEffect(() => {
    if (!toggled.current) return;
    toggled.current = false;
    toggleRef.current?.focus();
  }, [editorShown]);
  if (!hasDocument)
    return (
      <>
        {restored ? <EmptyWorkspace /> : <RestoringWorkspace />}
        <NoticesArea />
      </>
    );
  // Shown, the Hide button sits above the Swagger editor; hidden, Show sits at the end of the steps' tab row.
  const toggle = (
    <button
      type="button"
      ref={toggleRef}
      className="cs-button cs-button-small cs-button-quiet cs-editor-toggle"
      onClick={() => {
        toggled.current = true;
        setEditorShown(!editorShown);
      }}
    >
      {editorShown ? "Hide Swagger editor" : "Show Swagger editor"}
    </button>
  );
  return (
    <SplitPane
      label="Resize the Swagger editor"
      endHidden={!editorShown}
      start={
        <div className="cs-main-column">
          <div className="cs-main-scroll">
            <Suspense fallback={null}>
              <ImportReportPanel />
            </Suspense>
            <StepsPanel toolbar={editorShown ? null : toggle} />
          </div>
          <NoticesArea />
          <Suspense fallback={null}>
            <ValidationPanel />
          </Suspense>
        </div>
      }
      end={
        <div className="cs-editor-column">
          <div className="cs-editor-bar">{editorShown ? toggle : null}</div>
          <Suspense fallback={<EditorFallback />}>
            <SwaggerEditorPane />
          </Suspense>
        </div>
      }
    />
  );
}

/**
 * The autosave module (idb, zod) is its own chunk, kept out of the first one; its download starts with the
 * app's code rather than after the first render, so that restoring does not wait for it.
 */
/** How long after ready Monaco starts loading in idle time (the Swagger editor pane's code). */
const PRELOAD_EDITOR_AFTER_MS = 1500;

let autosaveModule: Promise<{ startAutosave: typeof startAutosave }> | null = null;
const loadAutosave = () => (autosaveModule ??= import("./persistence/autosave"));
if (typeof window !== "undefined") void loadAutosave().catch(() => {});
// With no draft stored there is nothing to restore: the app is ready without waiting for the autosave code,
// which starts right after and saves any change made meanwhile (its header status stays empty until then).
void storedNothing().then((nothing) => {
  if (nothing && !saveStatusStore.getState().restored) saveStatusStore.setState({ restored: true });
});

/** Starts autosave after the first render and restores the saved workspace. */
function useAutosave(store: StoreApi<WorkspaceState>): React.RefObject<AutosaveControls | null> {
  const controls = useRef<AutosaveControls | null>(null);
  useEffect(() => {
    let stopped = false;
    void loadAutosave()
      .then((m) => m.startAutosave(store))
      .then((started) => {
        if (stopped) started.stop();
        else controls.current = started;
      })
      .catch((error: unknown) => {
        saveStatusStore.setState({ state: "off", restored: true });
        store
          .getState()
          .notify("warning", `Autosave is off: ${error instanceof Error ? error.message : String(error)}`);
      });
    return () => {
      stopped = true;
      controls.current?.stop();
      controls.current = null;
    };
  }, [store]);
  return controls;
}

function Shell({ store }: { store: StoreApi<WorkspaceState> }) {
  const fileInputRef = useRef<HTMLInputElement>(null);
  const [pasteOpen, setPasteOpen] = useState(false);
  const [goToOpen, setGoToOpen] = useState(false);
  const openGoTo = useCallback(() => {
    if (selectDocument(store.getState())) setGoToOpen(true);
  }, [store]);
  useGoToShortcut(openGoTo);
  const [exportErrors, setExportErrors] = useState<{
    errors: Diagnostic[];
    validatedOnPage: string | null;
  } | null>(null);
  const [busy, setBusy] = useState(false);
  /** An open Choose operations dialog: for a large import (answer awaited) or to trim the open connector. */
  const [choosing, setChoosing] = useState<
    | { purpose: "import"; doc: ConnectorDocument; answer(keys: string[] | null): void }
    | { purpose: "trim"; doc: ConnectorDocument }
    | null
  >(null);
  const restored = useStore(saveStatusStore, (s) => s.restored);
  const autosave = useAutosave(store);
  useUndoShortcuts(store);
  // A shared link is read once the saved workspace is back and opens, as a new connector, only if the user says so.
  const sharedLink = useShareLinkImport(store, restored);

  // Nothing is created before the saved drafts are back (the controls wait too); the files stay with the user.
  const refuseWhileRestoring = useCallback(
    () =>
      store
        .getState()
        .notify("info", "Your saved drafts are still being restored: import again in a moment."),
    [store],
  );
  const importFiles = useCallback(
    async (files: ImportSource[]) => {
      if (!saveStatusStore.getState().restored) {
        refuseWhileRestoring();
        return;
      }
      setBusy(true);
      try {
        await runImport(store, files, {
          chooseOperations: (doc) =>
            new Promise((resolve) => {
              setBusy(false);
              setChoosing({
                purpose: "import",
                doc,
                answer: (keys) => {
                  setChoosing(null);
                  setBusy(keys !== null);
                  resolve(keys);
                },
              });
            }),
        });
      } finally {
        setBusy(false);
      }
    },
    [store, refuseWhileRestoring],
  );
  const dragging = useWindowDrop(importFiles, restored, refuseWhileRestoring);

  // Once the workspace is ready, start the import worker so that the first drop pays only for the import
  // itself: its code loads and compiles on its own thread. (Waiting for an idle main thread could put that
  // off until after the first drop, while the Swagger editor loads.)
  useEffect(() => {
    if (restored) warmUpImporter();
  }, [restored]);

  // A little after ready, when the page is idle, Monaco is loaded too (see preloadSwaggerEditorPane); after
  // the first paint and the first look, so that it does not compete with them.
  useEffect(() => {
    if (!restored) return;
    let idle: number | undefined;
    const timer = window.setTimeout(() => {
      if (typeof window.requestIdleCallback === "function")
        idle = window.requestIdleCallback(preloadSwaggerEditorPane, { timeout: 10_000 });
      else preloadSwaggerEditorPane();
    }, PRELOAD_EDITOR_AFTER_MS);
    return () => {
      window.clearTimeout(timer);
      if (idle !== undefined) window.cancelIdleCallback(idle);
    };
  }, [restored]);

  const actions = useMemo<ShellActions>(
    () => ({
      importFiles,
      chooseFiles: () => fileInputRef.current?.click(),
      openPaste: () => setPasteOpen(true),
      openGoTo,
      async exportActive() {
        const doc = selectDocument(store.getState());
        if (!doc) return;
        try {
          // Loaded on first use: the export gate brings the validation client, kept out of the first chunk.
          const { buildExport } = await import("./export-connector");
          const result = await buildExport(doc);
          if (!result.ok) {
            setExportErrors({ errors: result.errors, validatedOnPage: result.validatedOnPage });
            return;
          }
          downloadFile(result.bytes, result.fileName, "application/zip");
          const connectorId = store.getState().activeId;
          // Each export is kept as a snapshot for Review → Compare with…; a failure here never blocks the export.
          if (connectorId) {
            void import("./persistence/export-snapshots")
              .then((m) => m.saveExportSnapshot(connectorId, doc))
              .catch((error: unknown) =>
                store
                  .getState()
                  .notify(
                    "warning",
                    `The export snapshot was not saved: ${error instanceof Error ? error.message : String(error)}`,
                  ),
              );
          }
          const warnings = result.warnings.length;
          store
            .getState()
            .notify(
              warnings > 0 ? "warning" : "info",
              `Exported ${result.fileName}${warnings > 0 ? ` with ${warnings} warning${warnings === 1 ? "" : "s"} (see Validation)` : ""}.` +
                (result.validatedOnPage
                  ? ` The validation worker could not run (${result.validatedOnPage}); it was checked on the page.`
                  : ""),
            );
        } catch (error) {
          store
            .getState()
            .notify("error", `Export failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      },
      deleteDraft: (id) => autosave.current?.deleteDraft(id),
      reloadFromStorage: (id) => void autosave.current?.reloadFromStorage(id),
      takeOver: (id) => void autosave.current?.takeOver(id),
    }),
    [importFiles, store, autosave, openGoTo],
  );

  return (
    <ShellActionsContext.Provider value={actions}>
      <div className="cs-app" data-ready={restored ? "true" : "false"} aria-busy={busy || undefined}>
        <AppHeader fileInputRef={fileInputRef} />
        <div className="cs-body">
          <ConnectorsNav />
          <main className="cs-workspace">
            <ConflictBanner />
            <Workspace restored={restored} />
          </main>
        </div>
        {busy ? (
          <div className="cs-busy" aria-hidden="true">
            Importing…
          </div>
        ) : null}
        {dragging ? (
          <div className="cs-drop-overlay" aria-hidden="true">
            <p>Drop to import as a new connector</p>
          </div>
        ) : null}
        {pasteOpen ? <PasteDialog onClose={() => setPasteOpen(false)} /> : null}
        {goToOpen ? <GoToDialog onClose={() => setGoToOpen(false)} /> : null}
        {sharedLink.pending ? (
          <OpenSharedDialog
            shared={sharedLink.pending}
            onOpen={sharedLink.open}
            onCancel={sharedLink.cancel}
          />
        ) : null}
        {exportErrors ? (
          <ExportErrorsDialog
            errors={exportErrors.errors}
            validatedOnPage={exportErrors.validatedOnPage}
            onClose={() => setExportErrors(null)}
            onChooseOperations={() => {
              const doc = selectDocument(store.getState());
              setExportErrors(null);
              if (doc) setChoosing({ purpose: "trim", doc });
            }}
          />
        ) : null}
        {choosing?.purpose === "import" ? (
          <ChooseOperationsDialog
            doc={choosing.doc}
            intro={`This API has more than the platform allows (256 operations, 1 MB). Choose the operations to import; the rest are left out.`}
            confirmLabel="Import selected"
            initiallySelected="none"
            onConfirm={(keys) => choosing.answer(keys)}
            onCancel={() => choosing.answer(null)}
          />
        ) : choosing?.purpose === "trim" ? (
          <ChooseOperationsDialog
            doc={choosing.doc}
            intro={KEEP_OPERATIONS_INTRO}
            confirmLabel="Keep selected"
            initiallySelected="all"
            onConfirm={(keys) => {
              setChoosing(null);
              // The document may have changed meanwhile: the pointers are applied to the current one.
              store.getState().dispatch(keepOperationsAt(keys), { source: "quick-fix" });
            }}
            onCancel={() => setChoosing(null)}
          />
        ) : null}
      </div>
    </ShellActionsContext.Provider>
  );
}

export function App() {
  const store = useMemo(() => createWorkspaceStore(), []);
  // Async state (validation runs, test calls) goes through react-query; nothing is retried behind the user's back.
  const queryClient = useMemo(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { retry: false, refetchOnWindowFocus: false },
          mutations: { retry: false },
        },
      }),
    [],
  );
  return (
    <QueryClientProvider client={queryClient}>
      <WorkspaceStoreProvider store={store}>
        <Shell store={store} />
      </WorkspaceStoreProvider>
    </QueryClientProvider>
  );
}
