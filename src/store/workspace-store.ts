import { deepFreeze } from "../model/deep-freeze";
import { setConnectorTitle } from "../model/operations/general";
import { createStore, type StoreApi } from "zustand/vanilla";
import type { Command } from "../model/command";
import type { ConnectorDocument } from "../model/connector-document";
import { connectorTitle } from "../model/connector-document";
import { createEmptyConnector } from "../model/create-empty-connector";
import type { ImportReportEntry } from "../model/import-report";
import type { Diagnostic, DiagnosticFile } from "../model/diagnostic";
import {
  canRedo,
  canUndo,
  createHistory,
  pushHistory,
  redoLabel,
  undoLabel,
  redo,
  undo,
  type History,
  type HistoryPolicy,
} from "../model/history";
import type { ReviewRecord } from "../review/review-notes";

/**
 * In development and tests every document the store holds is deep-frozen, so a command or view that writes
 * in place (instead of returning a new document) throws at once rather than corrupting the undo history.
 * Production builds skip the walk (`import.meta.env.DEV` is false there and the call is dropped).
 */
function frozenInDevelopment(doc: ConnectorDocument): ConnectorDocument {
  return import.meta.env.DEV ? deepFreeze(doc) : doc;
}

/** Where an edit came from. The Swagger editor ignores echoes of its own (`code`) edits. */
export type EditSource = "form" | "code" | "import" | "shortcut" | "quick-fix" | "restore" | "test";

export const STEP_IDS = ["general", "security", "definition", "code", "test", "review"] as const;
export type { ImportReportEntry };
export type StepId = (typeof STEP_IDS)[number];

/** A message shown to the user (an import note, a storage problem, a restored draft). */
export interface Notice {
  id: number;
  tone: "info" | "warning" | "error";
  message: string;
  /** The connector the message is about (shown only while it is open); null for the whole workspace. */
  connectorId: string | null;
  /** An optional action offered with the message (e.g. Undo after a delete). */
  action?: NoticeAction;
}

export interface NoticeAction {
  label: string;
  run(): void;
}

/**
 * Another tab saved a connector this tab has open: autosave of it is paused until the user chooses to
 * load the other tab's version or to keep this one (take over).
 */
export interface StorageConflict {
  connectorId: string;
  name: string;
}

/** A connector as restored from storage. */
export interface RestoredConnector {
  id: string;
  doc: ConnectorDocument;
  updatedAt: number;
  /** The reviewer's notes and sign-offs saved with the draft, when there are any. */
  review?: ReviewRecord;
}

/** Who selected an item: a step, the Swagger editor's cursor, or the Go to dialog. */
export type SelectionSource = "step" | "pane" | "go-to";

/**
 * The item the maker is on (an operation, a parameter, a definition, a policy…), by file and JSON pointer.
 * Shared so that the Swagger editor and the steps follow each other without knowing each other: a step
 * selection reveals the item in the editor, a cursor move in the editor selects it in the open step.
 */
export interface WorkspaceSelection {
  file: DiagnosticFile;
  path: string;
  source: SelectionSource;
  /** The connector it belongs to: a selection is forgotten when another connector is opened. */
  connectorId: string | null;
  /** Changes on every selection, so that selecting the same item again is seen. */
  nonce: number;
}

export interface ConnectorEntry {
  id: string;
  name: string;
  updatedAt: number;
}

export interface DispatchOptions {
  source?: EditSource;
  /** With `policy: "merge"`: edits with the same key within a second are one undo step (typing). */
  mergeKey?: string;
  policy?: HistoryPolicy;
}

export interface WorkspaceState {
  connectors: ConnectorEntry[];
  activeId: string | null;
  /** Undo history per open connector; the active one's `present` is the document. */
  histories: Record<string, History<ConnectorDocument>>;
  /** Increases on every change of the active document (edits, undo, redo, switching). */
  revision: number;
  lastSource: EditSource | null;
  /** The last import's report; `headline` sums it up ("951 requests → 20 operations; 12 approximated"). */
  importReport: { title: string; entries: ImportReportEntry[]; headline?: string } | null;
  notices: Notice[];
  step: StepId;
  /** The latest validation results and the document revision they were computed for. */
  diagnostics: Diagnostic[];
  diagnosticsRevision: number;
  /**
   * A request to show a place in the document (a click in the Validation list, the import report…): the
   * Swagger editor reveals the range and the step that owns the pointer selects the field. `nonce` changes
   * on every request so that the same place can be asked for twice. `field`, when given, is the pointer of
   * the field that fixes a problem reported on its owner (a missing summary is reported on the operation):
   * the step focuses it, the Swagger editor still reveals `path` (which exists).
   */
  focus: { file: DiagnosticFile; path: string; field?: string; nonce: number } | null;
  /** The last selected item (see {@link WorkspaceSelection}); read it with {@link selectSelection}. */
  selection: WorkspaceSelection | null;
  select(file: DiagnosticFile, path: string, source: SelectionSource): void;
  /** Applies a command to the active document. */
  dispatch(command: Command, options?: DispatchOptions): void;
  undo(): void;
  redo(): void;
  /** Creates a connector, makes it active and returns its id. */
  addConnector(doc: ConnectorDocument, options?: { source?: EditSource; id?: string }): string;
  newConnector(): string;
  openConnector(id: string): void;
  renameConnector(id: string, name: string): void;
  removeConnector(id: string): void;
  setStep(step: StepId): void;
  setImportReport(report: WorkspaceState["importReport"]): void;
  /** A notice about the open connector unless `connectorId` says otherwise (null: the whole workspace). */
  notify(
    tone: Notice["tone"],
    message: string,
    options?: { action?: NoticeAction; connectorId?: string | null },
  ): void;
  dismissNotice(id: number): void;
  setDiagnostics(revision: number, diagnostics: Diagnostic[]): void;
  requestFocus(file: DiagnosticFile, path: string, field?: string): void;
  /** Open conflicts with other tabs (see {@link StorageConflict}). */
  conflicts: StorageConflict[];
  setConflict(conflict: StorageConflict): void;
  clearConflict(connectorId: string): void;
  /**
   * Puts connectors restored from storage into the workspace (not undoable): before any connector already
   * open, which stays open and active; a restored connector never replaces one that is already there.
   */
  restoreWorkspace(connectors: RestoredConnector[], activeId: string | null): void;
  /** Puts back a removed connector (undo of a delete) at its former place in the list. */
  reinsertConnector(entry: ConnectorEntry, history: History<ConnectorDocument>, index: number): void;
  /** Replaces a connector's document with a version saved elsewhere (another tab); starts a new history. */
  reloadConnector(id: string, doc: ConnectorDocument, updatedAt: number, review?: ReviewRecord): void;
  /**
   * Review notes and sign-offs per connector: beside the document (saved with its draft, not in its undo
   * history, never in the Swagger).
   */
  reviews: Record<string, ReviewRecord>;
  setReview(connectorId: string, review: ReviewRecord): void;
}

export interface WorkspaceStoreOptions {
  /** Injected clock (tests control typing merges). */
  now?: () => number;
  /** Injected id generator. */
  newId?: () => string;
}

let noticeCounter = 0;

/** Builds a workspace store. One per app (or per test); the UI gets it through context. */
export function createWorkspaceStore(options: WorkspaceStoreOptions = {}): StoreApi<WorkspaceState> {
  const now = options.now ?? (() => Date.now());
  const newId = options.newId ?? (() => crypto.randomUUID());

  return createStore<WorkspaceState>()((set, get) => {
    const updateActive = (
      next: (history: History<ConnectorDocument>) => History<ConnectorDocument>,
      source: EditSource | null,
    ) => {
      const { activeId, histories, connectors } = get();
      if (!activeId) return;
      const current = histories[activeId];
      if (!current) return;
      const updated = next(current);
      if (updated === current) return;
      const changed = updated.present !== current.present;
      set({
        histories: { ...histories, [activeId]: updated },
        revision: changed ? get().revision + 1 : get().revision,
        lastSource: source,
        connectors: changed
          ? connectors.map((c) =>
              c.id === activeId ? { ...c, name: connectorTitle(updated.present), updatedAt: now() } : c,
            )
          : connectors,
      });
    };

    return {
      connectors: [],
      activeId: null,
      histories: {},
      revision: 0,
      lastSource: null,
      importReport: null,
      notices: [],
      step: "general",
      diagnostics: [],
      diagnosticsRevision: -1,
      focus: null,
      reviews: {},
      selection: null,

      dispatch(command, dispatchOptions = {}) {
        const source = dispatchOptions.source ?? "form";
        updateActive((history) => {
          const next = frozenInDevelopment(command.apply(history.present));
          if (next === history.present) return history;
          const pushOptions: { policy?: HistoryPolicy; mergeKey?: string; now: number; label: string } = {
            policy: dispatchOptions.policy ?? (dispatchOptions.mergeKey ? "merge" : "record"),
            now: now(),
            label: command.label,
          };
          if (dispatchOptions.mergeKey !== undefined) pushOptions.mergeKey = dispatchOptions.mergeKey;
          return pushHistory(history, next, pushOptions);
        }, source);
      },
      undo() {
        updateActive((history) => (canUndo(history) ? undo(history) : history), "shortcut");
      },
      redo() {
        updateActive((history) => (canRedo(history) ? redo(history) : history), "shortcut");
      },
      addConnector(doc, addOptions = {}) {
        const id = addOptions.id ?? newId();
        const entry: ConnectorEntry = { id, name: connectorTitle(doc), updatedAt: now() };
        set((state) => ({
          connectors: [...state.connectors.filter((c) => c.id !== id), entry],
          histories: { ...state.histories, [id]: createHistory(frozenInDevelopment(doc)) },
          activeId: id,
          revision: state.revision + 1,
          lastSource: addOptions.source ?? "import",
        }));
        return id;
      },
      newConnector() {
        return get().addConnector(createEmptyConnector(), { source: "form" });
      },
      openConnector(id) {
        if (!get().histories[id]) return;
        set((state) => ({
          activeId: id,
          revision: state.revision + 1,
          lastSource: "restore",
          importReport: null,
        }));
      },
      renameConnector(id, name) {
        const { activeId } = get();
        if (id === activeId) {
          get().dispatch(setConnectorTitle(name), { source: "form" });
          return;
        }
        set((state) => {
          const history = state.histories[id];
          if (!history) return {};
          const present = history.present;
          const renamed = setConnectorTitle(name).apply(present);
          return {
            histories: { ...state.histories, [id]: pushHistory(history, renamed, { now: now() }) },
            connectors: state.connectors.map((c) => (c.id === id ? { ...c, name, updatedAt: now() } : c)),
          };
        });
      },
      removeConnector(id) {
        set((state) => {
          const histories = { ...state.histories };
          delete histories[id];
          const connectors = state.connectors.filter((c) => c.id !== id);
          const activeId =
            state.activeId === id ? (connectors[connectors.length - 1]?.id ?? null) : state.activeId;
          return {
            histories,
            connectors,
            activeId,
            revision: state.activeId === id ? state.revision + 1 : state.revision,
          };
        });
      },
      setStep(step) {
        set({ step });
      },
      setImportReport(report) {
        set({ importReport: report });
      },
      notify(tone, message, notifyOptions = {}) {
        noticeCounter += 1;
        const connectorId =
          notifyOptions.connectorId === undefined ? get().activeId : notifyOptions.connectorId;
        const notice: Notice = { id: noticeCounter, tone, message, connectorId };
        if (notifyOptions.action) notice.action = notifyOptions.action;
        set((state) => ({ notices: [...state.notices.slice(-19), notice] }));
      },
      dismissNotice(id) {
        set((state) => ({ notices: state.notices.filter((n) => n.id !== id) }));
      },
      setDiagnostics(revision, diagnostics) {
        set({ diagnostics, diagnosticsRevision: revision });
      },
      select(file, path, source) {
        set((state) => ({
          selection: {
            file,
            path,
            source,
            connectorId: state.activeId,
            nonce: (state.selection?.nonce ?? 0) + 1,
          },
        }));
      },
      requestFocus(file, path, field) {
        set((state) => ({
          focus: {
            file,
            path,
            ...(field !== undefined && field !== path ? { field } : {}),
            nonce: (state.focus?.nonce ?? 0) + 1,
          },
        }));
      },
      conflicts: [],
      setConflict(conflict) {
        set((state) => ({
          conflicts: [...state.conflicts.filter((c) => c.connectorId !== conflict.connectorId), conflict],
        }));
      },
      clearConflict(connectorId) {
        set((state) => ({ conflicts: state.conflicts.filter((c) => c.connectorId !== connectorId) }));
      },
      restoreWorkspace(restored, activeId) {
        set((state) => {
          const histories: Record<string, History<ConnectorDocument>> = {};
          const connectors: ConnectorEntry[] = [];
          const reviews = { ...state.reviews };
          for (const item of restored) {
            if (state.histories[item.id] || histories[item.id]) continue;
            histories[item.id] = createHistory(frozenInDevelopment(item.doc));
            if (item.review) reviews[item.id] = item.review;
            connectors.push({ id: item.id, name: connectorTitle(item.doc), updatedAt: item.updatedAt });
          }
          if (connectors.length === 0) return {};
          const merged = [...connectors, ...state.connectors];
          if (state.activeId !== null && state.histories[state.activeId]) {
            return { connectors: merged, histories: { ...histories, ...state.histories }, reviews };
          }
          const active =
            activeId !== null && histories[activeId] ? activeId : (merged[merged.length - 1]?.id ?? null);
          return {
            connectors: merged,
            histories: { ...histories, ...state.histories },
            reviews,
            activeId: active,
            revision: state.revision + 1,
            lastSource: "restore",
          };
        });
      },
      setReview(connectorId, review) {
        set((state) =>
          state.reviews[connectorId] === review
            ? {}
            : { reviews: { ...state.reviews, [connectorId]: review } },
        );
      },
      reinsertConnector(entry, history, index) {
        set((state) => {
          const connectors = state.connectors.filter((c) => c.id !== entry.id);
          connectors.splice(Math.max(0, Math.min(index, connectors.length)), 0, entry);
          return {
            connectors,
            histories: { ...state.histories, [entry.id]: history },
            activeId: entry.id,
            revision: state.revision + 1,
            lastSource: "restore",
          };
        });
      },
      reloadConnector(id, doc, updatedAt, review) {
        set((state) => {
          if (!state.histories[id]) return {};
          const reviews = { ...state.reviews };
          if (review) reviews[id] = review;
          else delete reviews[id];
          return {
            histories: { ...state.histories, [id]: createHistory(frozenInDevelopment(doc)) },
            reviews,
            connectors: state.connectors.map((c) =>
              c.id === id ? { ...c, name: connectorTitle(doc), updatedAt } : c,
            ),
            revision: state.activeId === id ? state.revision + 1 : state.revision,
            lastSource: state.activeId === id ? "restore" : state.lastSource,
          };
        });
      },
    };
  });
}

/** The active connector document, or null when none is open. */
export function selectDocument(state: WorkspaceState): ConnectorDocument | null {
  const id = state.activeId;
  if (!id) return null;
  return state.histories[id]?.present ?? null;
}

/** What Undo would revert, from the Command's label ("" when unknown or nothing to undo). */
export function selectUndoLabel(state: WorkspaceState): string {
  const history = state.activeId ? state.histories[state.activeId] : undefined;
  return history ? undoLabel(history) : "";
}

/** What Redo would re-apply ("" when unknown or nothing to redo). */
export function selectRedoLabel(state: WorkspaceState): string {
  const history = state.activeId ? state.histories[state.activeId] : undefined;
  return history ? redoLabel(history) : "";
}

export function selectCanUndo(state: WorkspaceState): boolean {
  const history = state.activeId ? state.histories[state.activeId] : undefined;
  return history ? canUndo(history) : false;
}

export function selectCanRedo(state: WorkspaceState): boolean {
  const history = state.activeId ? state.histories[state.activeId] : undefined;
  return history ? canRedo(history) : false;
}

/** The selected item of the active connector, or null (none yet, or one of another connector). */
export function selectSelection(state: WorkspaceState): WorkspaceSelection | null {
  const selection = state.selection;
  return selection && selection.connectorId === state.activeId ? selection : null;
}
