import type { StoreApi } from "zustand/vanilla";
import type { DiagnosticFile, TextProblem } from "../model/diagnostic";
import type { JsonValue } from "../model/json-value";
import { isJsonObject } from "../model/json-value";
import { replaceDefinition } from "../model/operations/document-edits";
import type { SwaggerDocument } from "../model/swagger-types";
import { parseJsonText, type ParseOutcome } from "../model/text/json-text";
import { parseYamlText } from "../model/text/yaml-text";
import { definitionItemOf, jsonPointerAt, yamlPointerAt } from "../model/text/pointer-at";
import { definitionPlacesOf } from "../model/operations/definition-places";
import { selectDocument, selectSelection, type WorkspaceState } from "../store/workspace-store";
import { jsonEqual } from "./json-equal";
import { monaco, setupMonaco, SWAGGER_JSON_URI, SWAGGER_YAML_URI } from "./monaco-setup";
import {
  findJsonSyntaxError,
  jsonPointerRanges,
  offsetToLineColumn,
  yamlPointerRanges,
} from "./pointer-range";
import type { PointerRange } from "./pointer-range";
import { parseDocument } from "yaml";
import { minimalEdit } from "./text-diff";
import {
  applyTextEdit,
  changedBranchEdit,
  markerPlaces,
  parsedBranch,
  serialiseDefinition,
  type SwaggerFormat,
} from "./pane-sync";
import {
  outlineJson,
  tryOutlineJson,
  outlinePointerAt,
  outlinePointerRanges,
  replaceInOutline,
  type ContainerNode,
} from "./json-structure";

export type { SwaggerFormat };

const FILE = "apiDefinition.swagger.json";
/** Typing is parsed this long after the last keystroke. */
export const PARSE_DEBOUNCE_MS = 280;
/** Above this size the editor drops decorations that cost time on every keystroke. */
const LARGE_TEXT = 300_000;
/** At most this many validation markers in the editor (the most severe first). */
const MAX_MARKERS = 300;
/** Below this size a full parse is cheap enough on every pause in typing. */
const INCREMENTAL_MIN = 50_000;
/** Changes from elsewhere reach the text this long after they pause (form typing is one edit per key)… */
const SYNC_QUIET_MS = 200;
/** …and at least this often during a long burst. */
const SYNC_MAX_WAIT_MS = 1000;
/** A cursor that rests this long in the text selects the item it is in, in the open step. */
export const CURSOR_FOLLOW_MS = 250;
const SYNTAX_OWNER = "connector-studio-syntax";
const DIAGNOSTIC_OWNER = "connector-studio";

/** What the pane shows above the editor. */
export interface PaneStatus {
  format: SwaggerFormat;
  /** The text does not parse: where and why. The document keeps its last valid state. */
  problem: TextProblem | null;
  /** The document changed elsewhere while the text here had edits not applied yet. */
  conflict: boolean;
  /** A short note (e.g. why the format could not be switched). */
  note: string | null;
  hasConnector: boolean;
}

type Listener = (status: PaneStatus) => void;

/** A selected item to show: its file and pointer (an item of apiProperties.json is shown by its places). */
interface SelectionPlaces {
  file: DiagnosticFile;
  path: string;
}

interface ScheduledTask {
  cancel(): void;
}

/** Runs `fn` after the browser painted (idle time, at most `timeout` later). */
function afterPaint(fn: () => void, timeout: number): ScheduledTask {
  if (typeof requestIdleCallback === "function") {
    const id = requestIdleCallback(fn, { timeout });
    return { cancel: () => cancelIdleCallback(id) };
  }
  const id = setTimeout(fn, 16);
  return { cancel: () => clearTimeout(id) };
}

/** Runs `fn` in idle time once `wait` ms passed without being cancelled (at most `timeout` after that). */
function afterQuiet(wait: number, fn: () => void, timeout: number): ScheduledTask {
  if (wait <= 0) return afterPaint(fn, timeout);
  let idle: ScheduledTask | null = null;
  const id = setTimeout(() => {
    idle = afterPaint(fn, timeout);
  }, wait);
  return {
    cancel: () => {
      clearTimeout(id);
      idle?.cancel();
    },
  };
}

/** Fills in line and column when the parser's message lacks them (the text core is being rewritten). */
function locateProblem(text: string, format: SwaggerFormat, problem: TextProblem): TextProblem {
  if (problem.line !== undefined) return problem;
  if (format === "json") {
    const found = findJsonSyntaxError(text);
    if (found) return { ...problem, ...offsetToLineColumn(text, found.offset), message: found.message };
    return problem;
  }
  const error = parseDocument(text).errors[0];
  const position = error?.linePos?.[0];
  if (error && position) {
    return {
      ...problem,
      line: position.line,
      column: position.col,
      message: error.message.split("\n")[0] ?? "",
    };
  }
  return problem;
}

/** Formats a parse problem for the message bar: "Line 3, column 9: …". */
export function describeProblem(problem: TextProblem): string {
  const where =
    problem.line !== undefined
      ? `Line ${problem.line}${problem.column !== undefined ? `, column ${problem.column}` : ""}: `
      : "";
  return `${where}${problem.message}`;
}

/**
 * Keeps one Monaco editor and the workspace's active definition in step, both ways:
 * - typing is parsed after a pause; text that parses and differs replaces the definition (one merged undo
 *   step per burst of typing); text that does not parse gets a marker and a message, and is left alone;
 * - changes from elsewhere (forms, undo, import) reach the text as one minimal edit, after the browser
 *   painted, so the cursor, selection and scroll stay and form typing stays fast;
 * - Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z and Ctrl+Y go to the workspace's single undo history.
 * It holds no copy of the document: the text is a view, and the store is the truth.
 */
export class SwaggerEditorController {
  private readonly editor: monaco.editor.IStandaloneCodeEditor;
  private readonly jsonModel: monaco.editor.ITextModel;
  /** Created when YAML is first shown: its model would start the YAML language worker for nothing. */
  private yamlModel: monaco.editor.ITextModel | null = null;
  private readonly viewStates: Partial<Record<SwaggerFormat, monaco.editor.ICodeEditorViewState | null>> = {};
  private readonly disposables: monaco.IDisposable[] = [];
  private readonly unsubscribe: () => void;
  private readonly listeners = new Set<Listener>();
  /** Text of connectors the user left while their text did not parse, restored on return. */
  private readonly drafts = new Map<string, { format: SwaggerFormat; text: string }>();

  private format: SwaggerFormat = "json";
  private connectorId: string | null = null;
  /** The definition the text shows (or, with a conflict, the one it was last compared with). */
  private syncedDefinition: SwaggerDocument | null = null;
  /** The text that corresponds to `syncedDefinition` (as typed, or as serialised). */
  private syncedText = "";
  /** Monaco's version id of the model when it last held `syncedText`: a cheap "unchanged since" check. */
  private syncedVersion = -1;
  /** When the oldest change from elsewhere not yet shown in the text was made (see {@link scheduleSync}). */
  private syncRequestedAt: number | null = null;
  private applyingExternal = false;
  /** The active connector changed and its text is not shown yet (see {@link switchConnector}). */
  private pendingReset = false;
  private parseTimer: ReturnType<typeof setTimeout> | null = null;
  private pendingSync: ScheduledTask | null = null;
  private pendingMarkers: ScheduledTask | null = null;
  private pendingOutline: ScheduledTask | null = null;
  /** Outline of `syncedText` (JSON view), for incremental parsing; null until built or after a reset. */
  private outline: ContainerNode | null = null;
  /** The last full parse reported duplicate keys: then only full parses are exact. */
  private hasDuplicateKeys = false;
  private lastFocusNonce = -1;
  private lastSelectionNonce = -1;
  /** The item a step selected, shown once the active connector's text is (see {@link showConnector}). */
  private pendingFollow: SelectionPlaces | null = null;
  /** The lines of the item selected in a step. */
  private readonly followHighlight: monaco.editor.IEditorDecorationsCollection;
  private cursorTimer: ReturnType<typeof setTimeout> | null = null;
  /** The model's version at the last cursor move: a move that comes with a text change is typing. */
  private cursorVersion = -1;
  /** Set while this controller moves the cursor itself (reveal, reset): those moves select nothing. */
  private movingCursor = false;
  private largeOptions: boolean | null = null;
  private status: PaneStatus = {
    format: "json",
    problem: null,
    conflict: false,
    note: null,
    hasConnector: false,
  };

  constructor(
    host: HTMLElement,
    private readonly store: StoreApi<WorkspaceState>,
  ) {
    setupMonaco();
    this.jsonModel =
      monaco.editor.getModel(SWAGGER_JSON_URI) ?? monaco.editor.createModel("", "json", SWAGGER_JSON_URI);
    this.jsonModel.updateOptions({ tabSize: 4, insertSpaces: true });
    this.editor = monaco.editor.create(host, {
      model: this.jsonModel,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      // A dimmed last line number is below WCAG AA contrast (axe, e2e/theme.spec.ts).
      renderFinalNewline: "on",
      stickyScroll: { enabled: false },
      wordWrap: "off",
      ariaLabel: "Swagger definition, JSON",
      quickSuggestions: { other: true, comments: false, strings: true },
      // Schema completions are what help here; words of a 1 MB document are noise and cost every keystroke.
      wordBasedSuggestions: "off",
      renderValidationDecorations: "on",
    });

    this.followHighlight = this.editor.createDecorationsCollection();

    const { KeyMod, KeyCode } = monaco;
    // Monaco's own undo would fork a second history: route the keys to the workspace's.
    this.editor.addCommand(KeyMod.CtrlCmd | KeyCode.KeyZ, () => this.undo());
    this.editor.addCommand(KeyMod.CtrlCmd | KeyMod.Shift | KeyCode.KeyZ, () => this.redo());
    this.editor.addCommand(KeyMod.CtrlCmd | KeyCode.KeyY, () => this.redo());

    this.disposables.push(
      this.jsonModel.onDidChangeContent(() => this.onUserEdit("json")),
      // A change from elsewhere waiting for paint is applied before the key edits the text.
      this.editor.onKeyDown(() => this.flushSync()),
      // Clicking a button (Undo, a step, a connector) first commits what was typed here.
      this.editor.onDidBlurEditorText(() => this.flushParse()),
      this.editor.onDidChangeCursorPosition((e) => this.onCursorMove(e.reason)),
    );
    this.unsubscribe = store.subscribe((state, previous) => this.onStoreChange(state, previous));
    this.switchConnector(store.getState());
  }

  /** Current status; `subscribe` for changes. */
  getStatus(): PaneStatus {
    return this.status;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The live text of the editor (for tests and the page bridge). */
  getText(): string {
    return this.editor.getModel()?.getValue() ?? "";
  }

  focus(): void {
    this.editor.focus();
  }

  dispose(): void {
    this.parseTimerClear();
    this.pendingSync?.cancel();
    this.pendingMarkers?.cancel();
    this.pendingOutline?.cancel();
    this.cursorTimerClear();
    this.unsubscribe();
    for (const d of this.disposables) d.dispose();
    this.editor.dispose();
    // Models outlive the editor (they are found again by URI on the next mount); empty them to free memory.
    this.applyingExternal = true;
    this.jsonModel.setValue("");
    this.yamlModel?.setValue("");
    this.applyingExternal = false;
    this.listeners.clear();
  }

  /** Switches between the JSON and YAML views. Refused while the text does not parse. */
  setFormat(format: SwaggerFormat): void {
    if (format === this.format) return;
    this.flushSync();
    this.flushParse();
    if (this.status.problem) {
      this.setStatus({
        note: "Fix the error first: the text does not parse, so it cannot be shown in the other format.",
      });
      return;
    }
    const doc = selectDocument(this.store.getState());
    this.viewStates[this.format] = this.editor.saveViewState();
    const leaving = this.modelFor(this.format);
    this.format = format;
    const model = this.modelFor(format);
    const text = doc ? serialiseDefinition(doc.definition, format) : "";
    this.replaceAll(model, text);
    this.syncedDefinition = doc?.definition ?? null;
    this.markSynced(this.textAfterReplace(model, text), model);
    this.outline = null;
    this.scheduleOutline();
    this.editor.setModel(model);
    const viewState = this.viewStates[format];
    if (viewState) this.editor.restoreViewState(viewState);
    this.editor.updateOptions({ ariaLabel: `Swagger definition, ${format === "json" ? "JSON" : "YAML"}` });
    // The hidden model is emptied: its language worker then has nothing to validate.
    this.replaceAll(leaving, "");
    monaco.editor.setModelMarkers(leaving, SYNTAX_OWNER, []);
    monaco.editor.setModelMarkers(leaving, DIAGNOSTIC_OWNER, []);
    this.setStatus({ format, conflict: false, note: null });
    this.applyLargeTextOptions();
    this.scheduleMarkers();
  }

  /** Throws away text that does not parse (or conflicts) and shows the document again. */
  discardText(): void {
    this.flushSync();
    this.parseTimerClear();
    const doc = selectDocument(this.store.getState());
    this.showDocument(doc?.definition ?? null, true);
    this.setStatus({ problem: null, conflict: false, note: null });
    monaco.editor.setModelMarkers(this.model(), SYNTAX_OWNER, []);
  }

  undo(): void {
    this.flushParse();
    if (this.status.problem || this.status.conflict) {
      // The typing that did not parse never reached the history: undoing it means going back to the document.
      this.discardText();
      return;
    }
    this.store.getState().undo();
    this.flushSync();
  }

  redo(): void {
    this.flushParse();
    if (this.status.problem || this.status.conflict) return;
    this.store.getState().redo();
    this.flushSync();
  }

  // --- store → text -------------------------------------------------------------------------------------

  private onStoreChange(state: WorkspaceState, previous: WorkspaceState): void {
    if (state.activeId !== this.connectorId) {
      this.switchConnector(state);
      return;
    }
    const doc = selectDocument(state);
    if ((doc?.definition ?? null) !== this.syncedDefinition) this.scheduleSync();
    if (state.diagnostics !== previous.diagnostics) this.scheduleMarkers();
    if (state.focus && state.focus.nonce !== this.lastFocusNonce) {
      this.lastFocusNonce = state.focus.nonce;
      if (state.focus.file === FILE) this.reveal(state.focus.path);
    }
    const selection = selectSelection(state);
    if (selection && selection.nonce !== this.lastSelectionNonce) {
      this.lastSelectionNonce = selection.nonce;
      // The cursor is already there when the pane made the selection: nothing moves.
      if (selection.source === "pane") this.followHighlight.clear();
      else this.follow({ file: selection.file, path: selection.path });
    }
  }

  /**
   * Another connector became active (an import, a restore, a click in the list). Writing a 1 MB definition
   * into Monaco costs tens of milliseconds, so the text follows after the browser painted (the imported
   * connector's operations appear first); a key pressed in the editor before then applies it at once.
   */
  private switchConnector(state: WorkspaceState): void {
    this.parseTimerClear();
    this.pendingSync?.cancel();
    this.pendingSync = null;
    if (this.connectorId && this.status.problem) {
      this.drafts.set(this.connectorId, { format: this.format, text: this.getText() });
    }
    this.connectorId = state.activeId;
    const doc = selectDocument(state);
    this.setStatus({ problem: null, conflict: false, note: null, hasConnector: doc !== null });
    this.editor.updateOptions({ readOnly: doc === null });
    this.lastFocusNonce = state.focus?.nonce ?? -1;
    const selection = selectSelection(state);
    this.lastSelectionNonce = selection?.nonce ?? -1;
    this.pendingFollow =
      selection && selection.source !== "pane" ? { file: selection.file, path: selection.path } : null;
    this.followHighlight.clear();
    this.cursorTimerClear();
    this.pendingReset = true;
    this.scheduleSync();
  }

  /** Shows the active connector's definition from the top (the deferred part of {@link switchConnector}). */
  private showConnector(): void {
    this.pendingReset = false;
    const doc = selectDocument(this.store.getState());
    this.showDocument(doc?.definition ?? null, true);
    const draft = this.connectorId ? this.drafts.get(this.connectorId) : undefined;
    if (draft && doc) {
      this.drafts.delete(this.connectorId as string);
      if (draft.format !== this.format) this.setFormat(draft.format);
      this.replaceAll(this.model(), draft.text);
      this.parseNow();
    }
    this.scheduleMarkers();
    const follow = this.pendingFollow;
    this.pendingFollow = null;
    if (follow !== null) this.follow(follow);
  }

  /**
   * Shows changes from elsewhere in the text once they pause: typing in a form field changes the document
   * on every key, and re-writing a 1 MB text per key would slow that typing down. A switch of connector is
   * shown right after paint; a long burst at least every {@link SYNC_MAX_WAIT_MS}.
   */
  private scheduleSync(): void {
    const now = performance.now();
    this.syncRequestedAt ??= now;
    const quiet = this.pendingReset ? 0 : SYNC_QUIET_MS;
    const wait = Math.min(quiet, Math.max(0, this.syncRequestedAt + SYNC_MAX_WAIT_MS - now));
    // Past the longest wait a sync already waiting for idle time is kept, so it cannot be put off forever.
    if (this.pendingSync && wait === 0) return;
    this.pendingSync?.cancel();
    this.pendingSync = afterQuiet(
      wait,
      () => {
        this.pendingSync = null;
        this.syncFromStore();
      },
      120,
    );
  }

  private flushSync(): void {
    if (!this.pendingSync) return;
    this.pendingSync.cancel();
    this.pendingSync = null;
    this.syncFromStore();
  }

  /**
   * The model's text once it was given `text`: that text itself when the model keeps "\n" line ends (reading a
   * 1 MB model back costs tens of milliseconds), else the model's value with its own line ends.
   */
  private textAfterReplace(model: monaco.editor.ITextModel, text: string): string {
    return model.getEOL() === "\n" && model.getValueLength() === text.length ? text : model.getValue();
  }

  private markSynced(text: string, model: monaco.editor.ITextModel): void {
    this.syncedText = text;
    this.syncedVersion = model.getVersionId();
    // The text is the document's again: the next cursor move is a move, not typing.
    this.cursorVersion = this.syncedVersion;
  }

  /** Whether the model still holds `syncedText` (by version id; by comparing text only when that differs). */
  private textIsSynced(model: monaco.editor.ITextModel): boolean {
    return model.getVersionId() === this.syncedVersion || model.getValue() === this.syncedText;
  }

  private syncFromStore(): void {
    this.syncRequestedAt = null;
    const syncStart = performance.now();
    this.syncFromStoreNow();
    performance.measure("swagger-editor:sync", { start: syncStart });
  }

  private syncFromStoreNow(): void {
    if (this.pendingReset) {
      this.showConnector();
      return;
    }
    const doc = selectDocument(this.store.getState());
    const definition = doc?.definition ?? null;
    if (definition === this.syncedDefinition) return;
    const model = this.model();
    if (this.parseTimer !== null || this.status.problem || !this.textIsSynced(model)) {
      // The text has edits that are not in the document: never overwrite what the user typed. It is applied
      // when it parses (and can be undone like any edit), or thrown away with "Discard my text".
      this.syncedDefinition = definition;
      this.setStatus({ conflict: true });
      return;
    }
    this.showDocument(definition, false);
  }

  /** Shows a definition: one minimal edit (cursor and scroll stay), or a full reset when switching. */
  private showDocument(definition: SwaggerDocument | null, reset: boolean): void {
    const model = this.model();
    if (!reset && definition && this.showChangedBranch(definition)) return;
    const text = definition ? serialiseDefinition(definition, this.format) : "";
    if (reset) {
      this.replaceAll(model, text);
      this.editor.setScrollPosition({ scrollTop: 0, scrollLeft: 0 });
      this.moveCursor(() => this.editor.setPosition({ lineNumber: 1, column: 1 }));
    } else {
      const edit = minimalEdit(model.getValue(), text);
      if (edit) this.applyEdit(edit.start, edit.end, edit.text);
    }
    this.syncedDefinition = definition;
    this.markSynced(this.textAfterReplace(model, text), model);
    this.outline = null;
    this.hasDuplicateKeys = false;
    this.scheduleOutline();
    monaco.editor.setModelMarkers(model, SYNTAX_OWNER, []);
    this.applyLargeTextOptions();
    this.scheduleMarkers();
  }

  /**
   * A change from elsewhere in a large JSON text: re-serialise only the object or array that holds every
   * change (found by identity, since edits share unchanged branches) instead of the whole 1 MB document.
   * Returns false when that is not possible; the caller then serialises everything.
   */
  private showChangedBranch(definition: SwaggerDocument): boolean {
    const model = this.model();
    const before = this.syncedDefinition;
    if (this.format !== "json" || !before || this.syncedText.length < INCREMENTAL_MIN) return false;
    if (!this.textIsSynced(model)) return false;
    this.outline ??= tryOutlineJson(this.syncedText);
    if (!this.outline) return false;
    const change = changedBranchEdit(before, definition, this.syncedText, this.outline, this.format);
    if (!change) return false;
    if (change.edit) this.applyEdit(change.edit.start, change.edit.end, change.edit.text);
    replaceInOutline(change.path, change.replacement, change.delta);
    this.syncedDefinition = definition;
    // The new text is the old one with the edit spliced in: no read-back of a 1 MB model.
    this.markSynced(applyTextEdit(this.syncedText, change.edit), model);
    monaco.editor.setModelMarkers(model, SYNTAX_OWNER, []);
    this.scheduleMarkers();
    return true;
  }

  /** Applies one edit from elsewhere as a single model edit (the user's cursor and scroll stay). */
  private applyEdit(startOffset: number, endOffset: number, text: string): void {
    const model = this.model();
    const start = model.getPositionAt(startOffset);
    const end = model.getPositionAt(endOffset);
    this.applyingExternal = true;
    try {
      model.pushEditOperations(
        null,
        [
          {
            range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column),
            text,
            forceMoveMarkers: false,
          },
        ],
        () => null,
      );
    } finally {
      this.applyingExternal = false;
    }
  }

  private replaceAll(model: monaco.editor.ITextModel, text: string): void {
    // Length first: building the value of a 1 MB model only to compare it costs tens of milliseconds.
    if (model.getValueLength() === text.length && model.getValue() === text) return;
    this.applyingExternal = true;
    try {
      model.setValue(text);
    } finally {
      this.applyingExternal = false;
    }
  }

  // --- text → store -------------------------------------------------------------------------------------

  private onUserEdit(format: SwaggerFormat): void {
    if (this.applyingExternal || format !== this.format) return;
    this.parseTimerClear();
    this.parseTimer = setTimeout(() => {
      this.parseTimer = null;
      this.parseNow();
    }, PARSE_DEBOUNCE_MS);
  }

  private parseTimerClear(): void {
    if (this.parseTimer !== null) clearTimeout(this.parseTimer);
    this.parseTimer = null;
  }

  /** Parses now when a parse is waiting (before undo, a format switch, a click elsewhere). */
  flushParse(): void {
    if (this.parseTimer === null) return;
    this.parseTimerClear();
    this.parseNow();
  }

  private parseNow(): void {
    const model = this.model();
    const text = model.getValue();
    if (text === this.syncedText) {
      this.clearProblem();
      if (this.status.conflict) {
        // The user's edits are gone again (typed, then deleted): show the document as it now is.
        this.setStatus({ conflict: false });
        this.showDocument(selectDocument(this.store.getState())?.definition ?? null, false);
      }
      return;
    }
    const parseStart = performance.now();
    // Typing in a large JSON text re-parses only the object or array around the edit.
    const incremental = this.format === "json" ? this.parseIncrementally(text) : null;
    const outcome: ParseOutcome<JsonValue> = incremental
      ? { ok: true, value: incremental, notes: [] }
      : this.format === "json"
        ? parseJsonText(text, FILE)
        : parseYamlText(text, FILE);
    // User-timing entries let the benchmark attribute main-thread time to the pane (parse vs. dispatch).
    performance.measure(incremental ? "swagger-editor:parse-incremental" : "swagger-editor:parse", {
      start: parseStart,
    });
    if (!incremental) this.outline = null;
    if (outcome.ok && !incremental) this.hasDuplicateKeys = outcome.notes.length > 0;
    if (!outcome.ok) {
      this.showProblem(locateProblem(text, this.format, outcome.problem));
      return;
    }
    if (!isJsonObject(outcome.value)) {
      this.showProblem({
        file: FILE,
        line: 1,
        column: 1,
        message: "The definition must be an object ({ … }).",
      });
      return;
    }
    this.clearProblem();
    this.showNotes(outcome.notes);
    const value = outcome.value as SwaggerDocument;
    const state = this.store.getState();
    const doc = selectDocument(state);
    if (!doc) {
      this.outline = null;
      return;
    }
    this.markSynced(text, model);
    if (jsonEqual(value, doc.definition as JsonValue)) {
      // Only formatting changed: nothing to record, and the text stays as typed.
      this.syncedDefinition = doc.definition;
    } else {
      this.syncedDefinition = value;
      const dispatchStart = performance.now();
      state.dispatch(replaceDefinition(value), { source: "code", mergeKey: "swagger-editor" });
      performance.measure("swagger-editor:dispatch", { start: dispatchStart });
    }
    if (this.status.conflict) this.setStatus({ conflict: false });
    if (!this.outline) this.scheduleOutline();
    this.scheduleMarkers();
  }

  /**
   * Re-parses only the innermost object or array around the edit since the last synced text and puts it
   * into the last synced definition at its pointer (sharing every other branch). Returns null when that is
   * not possible or not worth it; the caller then parses the whole text. Sound because the text outside
   * that container is unchanged and the container's old text was one complete value at the same pointer.
   */
  private parseIncrementally(text: string): SwaggerDocument | null {
    const base = this.syncedDefinition;
    if (!base || this.hasDuplicateKeys || this.status.conflict || text.length < INCREMENTAL_MIN) return null;
    const doc = selectDocument(this.store.getState());
    if (doc?.definition !== base) return null;
    this.outline ??= tryOutlineJson(this.syncedText);
    if (!this.outline) return null;
    const branch = parsedBranch(base, this.syncedText, this.outline, text, FILE);
    if (!branch) return null;
    replaceInOutline(branch.path, branch.replacement, branch.delta);
    return branch.definition;
  }

  /** Builds the outline of the synced JSON text in idle time, so the first keystroke does not pay for it. */
  private scheduleOutline(): void {
    if (this.format !== "json" || this.syncedText.length < INCREMENTAL_MIN) return;
    this.pendingOutline?.cancel();
    this.pendingOutline = afterPaint(() => {
      this.pendingOutline = null;
      if (this.outline || this.format !== "json") return;
      this.outline = tryOutlineJson(this.syncedText);
    }, 2000);
  }

  private showProblem(problem: TextProblem): void {
    const model = this.model();
    const line = Math.min(Math.max(problem.line ?? 1, 1), model.getLineCount());
    const column = Math.max(problem.column ?? 1, 1);
    const word = model.getWordAtPosition({ lineNumber: line, column });
    monaco.editor.setModelMarkers(model, SYNTAX_OWNER, [
      {
        severity: monaco.MarkerSeverity.Error,
        message: problem.message,
        source: "Connector Studio",
        startLineNumber: line,
        startColumn: word?.startColumn ?? column,
        endLineNumber: line,
        endColumn: word?.endColumn ?? column + 1,
      },
    ]);
    this.setStatus({ problem });
  }

  private clearProblem(): void {
    if (this.status.problem) {
      monaco.editor.setModelMarkers(this.model(), SYNTAX_OWNER, []);
      this.setStatus({ problem: null, note: null });
    }
  }

  private showNotes(notes: TextProblem[]): void {
    const located = notes.filter((n) => n.line !== undefined);
    monaco.editor.setModelMarkers(
      this.model(),
      SYNTAX_OWNER,
      located.map((n) => ({
        severity: monaco.MarkerSeverity.Warning,
        message: n.message,
        source: "Connector Studio",
        startLineNumber: n.line ?? 1,
        startColumn: n.column ?? 1,
        endLineNumber: n.line ?? 1,
        endColumn: (n.column ?? 1) + 1,
      })),
    );
  }

  // --- diagnostics and focus ----------------------------------------------------------------------------

  private scheduleMarkers(): void {
    this.pendingMarkers?.cancel();
    this.pendingMarkers = afterPaint(() => {
      this.pendingMarkers = null;
      this.updateMarkers();
    }, 1000);
  }

  /** The model's text, without reading a 1 MB model back when it still holds the synced text. */
  private currentText(): string {
    const model = this.model();
    return model.getVersionId() === this.syncedVersion ? this.syncedText : model.getValue();
  }

  private rangesFor(pointers: string[]): Map<string, PointerRange> {
    const text = this.currentText();
    try {
      if (this.format === "yaml") return yamlPointerRanges(text, pointers);
      if (text !== this.syncedText || text.length < INCREMENTAL_MIN) return jsonPointerRanges(text, pointers);
      // Large JSON: the outline leads to the right container; only that one is scanned.
      this.outline ??= outlineJson(text);
      return this.outline ? outlinePointerRanges(text, this.outline, pointers) : new Map();
    } catch {
      return new Map();
    }
  }

  private updateMarkers(): void {
    const model = this.model();
    if (this.status.problem || !this.connectorId) return;
    // Text typed but not parsed yet: its positions are not the document's; the parse schedules this again.
    if (this.parseTimer !== null) return;
    const places = markerPlaces(
      this.store.getState().diagnostics,
      FILE,
      MAX_MARKERS,
      this.currentText(),
      (pointers) => this.rangesFor(pointers),
    );
    const severity = {
      error: monaco.MarkerSeverity.Error,
      warning: monaco.MarkerSeverity.Warning,
      info: monaco.MarkerSeverity.Info,
    } as const;
    const markers = places.map((place): monaco.editor.IMarkerData => {
      const start = model.getPositionAt(place.start);
      const end = model.getPositionAt(place.end);
      return {
        severity: severity[place.severity],
        message: place.message,
        code: place.ruleId,
        source: "Connector Studio",
        startLineNumber: start.lineNumber,
        startColumn: start.column,
        endLineNumber: end.lineNumber,
        endColumn: end.column,
      };
    });
    monaco.editor.setModelMarkers(model, DIAGNOSTIC_OWNER, markers);
  }

  /** Reveals and selects the text of a JSON pointer (a click in the Validation list, the import report…). */
  reveal(pointer: string): void {
    this.flushSync();
    const range = this.rangesFor([pointer]).get(pointer);
    if (!range) return;
    const start = this.model().getPositionAt(range.keyStart ?? range.start);
    const end = this.model().getPositionAt(range.end);
    const selection = new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column);
    this.moveCursor(() => this.editor.setSelection(selection));
    this.editor.revealRangeNearTopIfOutsideViewport(
      new monaco.Range(start.lineNumber, start.column, start.lineNumber, start.column),
    );
  }

  // --- following the selection, both ways ----------------------------------------------------------------

  /**
   * An item selected in a step (or with Go to): its first line is scrolled into view when it is not, and its
   * lines are highlighted. The cursor and the focus stay where they are, so typing elsewhere is not disturbed.
   * The pane shows only the definition: an item of apiProperties.json (a policy, a connection parameter) is
   * shown by the definition's places it is about (see {@link definitionPlacesOf}), the first one revealed.
   */
  private follow(item: SelectionPlaces): void {
    this.flushSync();
    if (this.pendingReset) {
      this.pendingFollow = item;
      return;
    }
    // Text typed but not applied: its positions are not the document's.
    if (this.parseTimer !== null || this.status.problem || this.status.conflict) return;
    const doc = selectDocument(this.store.getState());
    const pointers = doc ? definitionPlacesOf(doc, item.file, item.path) : [];
    const ranges = pointers.length > 0 ? this.rangesFor(pointers) : new Map<string, PointerRange>();
    const model = this.model();
    const lines: { start: number; end: number }[] = [];
    for (const pointer of pointers) {
      const range = ranges.get(pointer);
      if (!range?.exact) continue;
      lines.push({
        start: model.getPositionAt(range.keyStart ?? range.start).lineNumber,
        end: model.getPositionAt(range.end).lineNumber,
      });
    }
    const first = lines[0];
    if (!first) {
      this.followHighlight.clear();
      return;
    }
    this.followHighlight.set(
      lines.map(({ start, end }) => ({
        range: new monaco.Range(start, 1, end, 1),
        options: {
          isWholeLine: true,
          className: "cs-follow-line",
          linesDecorationsClassName: "cs-follow-gutter",
          overviewRuler: { color: "rgba(58, 79, 216, 0.6)", position: monaco.editor.OverviewRulerLane.Left },
        },
      })),
    );
    this.editor.revealRangeNearTopIfOutsideViewport(
      new monaco.Range(first.start, 1, first.start, 1),
      monaco.editor.ScrollType.Immediate,
    );
  }

  private moveCursor(move: () => void): void {
    this.movingCursor = true;
    try {
      move();
    } finally {
      this.movingCursor = false;
    }
  }

  /**
   * Only a move of the cursor (arrows, a click, Find) selects the item it lands in, once the cursor rests:
   * a move that comes with a text change is typing and selects nothing, so nothing jumps while the user
   * types. The work here is constant; the pointer is computed when the timer fires.
   */
  private onCursorMove(reason: monaco.editor.CursorChangeReason): void {
    const version = this.model().getVersionId();
    const typed = version !== this.cursorVersion;
    this.cursorVersion = version;
    this.cursorTimerClear();
    if (typed || this.movingCursor || this.applyingExternal) return;
    const { CursorChangeReason } = monaco.editor;
    if (reason === CursorChangeReason.ContentFlush || reason === CursorChangeReason.Undo) return;
    if (reason === CursorChangeReason.Redo || reason === CursorChangeReason.RecoverFromMarkers) return;
    this.cursorTimer = setTimeout(() => {
      this.cursorTimer = null;
      if (this.model().getVersionId() === version) this.selectAtCursor();
    }, CURSOR_FOLLOW_MS);
  }

  private cursorTimerClear(): void {
    if (this.cursorTimer !== null) clearTimeout(this.cursorTimer);
    this.cursorTimer = null;
  }

  private selectAtCursor(): void {
    const position = this.editor.getPosition();
    if (!position || !this.connectorId || this.pendingReset) return;
    if (this.parseTimer !== null || this.status.problem || this.status.conflict) return;
    const pointer = this.pointerAt(this.model().getOffsetAt(position));
    const item = pointer === null ? null : definitionItemOf(pointer);
    if (!item) return;
    const state = this.store.getState();
    const current = selectSelection(state);
    // Inside the selected item's own operation (an open parameter, say) the finer selection is kept: a click
    // in the operation to paste or type must not close what the step has open.
    if (
      current?.file === FILE &&
      (current.path === item.pointer || current.path.startsWith(`${item.pointer}/`))
    )
      return;
    state.select(FILE, item.pointer, "pane");
  }

  /** The JSON pointer at an offset of the text (through the outline on a large JSON text). */
  private pointerAt(offset: number): string | null {
    const text = this.currentText();
    try {
      if (this.format === "yaml") return yamlPointerAt(text, offset);
      if (text === this.syncedText && text.length >= INCREMENTAL_MIN) {
        this.outline ??= outlineJson(text);
        if (this.outline) return outlinePointerAt(text, this.outline, offset);
      }
      return jsonPointerAt(text, offset);
    } catch {
      return null;
    }
  }

  // --- helpers ------------------------------------------------------------------------------------------

  private model(): monaco.editor.ITextModel {
    return this.modelFor(this.format);
  }

  private modelFor(format: SwaggerFormat): monaco.editor.ITextModel {
    if (format === "json") return this.jsonModel;
    if (!this.yamlModel) {
      const yaml =
        monaco.editor.getModel(SWAGGER_YAML_URI) ?? monaco.editor.createModel("", "yaml", SWAGGER_YAML_URI);
      yaml.updateOptions({ tabSize: 2, insertSpaces: true });
      this.disposables.push(yaml.onDidChangeContent(() => this.onUserEdit("yaml")));
      this.yamlModel = yaml;
    }
    return this.yamlModel;
  }

  private applyLargeTextOptions(): void {
    const large = this.model().getValueLength() > LARGE_TEXT;
    if (large === this.largeOptions) return;
    this.largeOptions = large;
    // On a 1 MB definition these recompute over the whole model on every keystroke (folding ranges by
    // indentation, colour swatches, bracket pairs), each costing tens of milliseconds on the main thread.
    this.editor.updateOptions({
      folding: !large,
      colorDecorators: !large,
      bracketPairColorization: { enabled: !large },
      occurrencesHighlight: large ? "off" : "singleFile",
      guides: { bracketPairs: false, indentation: !large },
      matchBrackets: large ? "never" : "always",
      renderLineHighlight: large ? "none" : "line",
      // Completion as you type re-runs the schema completion over the whole document on every keystroke;
      // on a large text it stays one Ctrl+Space away.
      quickSuggestions: large ? false : { other: true, comments: false, strings: true },
      selectionHighlight: !large,
      links: !large,
    });
  }

  private setStatus(patch: Partial<PaneStatus>): void {
    this.status = { ...this.status, ...patch };
    for (const listener of this.listeners) listener(this.status);
  }
}
