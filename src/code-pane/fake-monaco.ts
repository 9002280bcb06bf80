// A stand-in for the part of Monaco that the Swagger editor controller uses, for unit tests in Node (Monaco
// itself needs a browser). Models keep their text and version id and tell listeners about every change; the
// editor keeps its model, options and commands. Markers are recorded per model and owner.

type Listener = () => void;

export interface FakePosition {
  lineNumber: number;
  column: number;
}

export class FakeRange {
  constructor(
    readonly startLineNumber: number,
    readonly startColumn: number,
    readonly endLineNumber: number,
    readonly endColumn: number,
  ) {}
}

export interface FakeMarker {
  severity: number;
  message: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

export class FakeModel {
  private value = "";
  private version = 1;
  private readonly listeners = new Set<Listener>();
  readonly markers = new Map<string, FakeMarker[]>();

  constructor(
    value: string,
    readonly language: string,
    readonly uri: string,
  ) {
    this.value = value;
  }

  getValue(): string {
    return this.value;
  }
  getValueLength(): number {
    return this.value.length;
  }
  getEOL(): string {
    return "\n";
  }
  getVersionId(): number {
    return this.version;
  }
  getLineCount(): number {
    return this.value.split("\n").length;
  }
  getLineMaxColumn(lineNumber: number): number {
    return (this.value.split("\n")[lineNumber - 1] ?? "").length + 1;
  }
  getWordAtPosition(): null {
    return null;
  }
  updateOptions(): void {}

  getPositionAt(offset: number): FakePosition {
    const before = this.value.slice(0, Math.max(0, Math.min(offset, this.value.length))).split("\n");
    return { lineNumber: before.length, column: (before[before.length - 1] ?? "").length + 1 };
  }

  getOffsetAt(position: FakePosition): number {
    const lines = this.value.split("\n");
    let offset = 0;
    for (let i = 0; i < position.lineNumber - 1 && i < lines.length; i++)
      offset += (lines[i] ?? "").length + 1;
    return offset + position.column - 1;
  }

  setValue(value: string): void {
    this.change(value);
  }

  pushEditOperations(_selections: unknown, edits: { range: FakeRange; text: string }[]): null {
    let value = this.value;
    // Later edits first, so that earlier offsets stay valid.
    const ordered = edits
      .map((e) => ({
        start: this.getOffsetAt({ lineNumber: e.range.startLineNumber, column: e.range.startColumn }),
        end: this.getOffsetAt({ lineNumber: e.range.endLineNumber, column: e.range.endColumn }),
        text: e.text,
      }))
      .sort((a, b) => b.start - a.start);
    for (const e of ordered) value = value.slice(0, e.start) + e.text + value.slice(e.end);
    this.change(value);
    return null;
  }

  onDidChangeContent(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** What typing does: the text changes as the user's edit. */
  type(value: string): void {
    this.change(value);
  }

  private change(value: string): void {
    this.value = value;
    this.version += 1;
    for (const listener of [...this.listeners]) listener();
  }
}

export class FakeEditor {
  model: FakeModel;
  readonly options: Record<string, unknown> = {};
  readonly commands = new Map<number, () => void>();
  private position: FakePosition = { lineNumber: 1, column: 1 };
  disposed = false;

  constructor(options: { model: FakeModel } & Record<string, unknown>) {
    this.model = options.model;
    Object.assign(this.options, options);
  }

  getModel(): FakeModel {
    return this.model;
  }
  setModel(model: FakeModel): void {
    this.model = model;
  }
  updateOptions(options: Record<string, unknown>): void {
    Object.assign(this.options, options);
  }
  addCommand(keybinding: number, handler: () => void): void {
    this.commands.set(keybinding, handler);
  }
  onKeyDown(): { dispose(): void } {
    return { dispose() {} };
  }
  onDidBlurEditorText(): { dispose(): void } {
    return { dispose() {} };
  }
  onDidChangeCursorPosition(): { dispose(): void } {
    return { dispose() {} };
  }
  createDecorationsCollection(): { set(): void; clear(): void } {
    return { set() {}, clear() {} };
  }
  saveViewState(): null {
    return null;
  }
  restoreViewState(): void {}
  setScrollPosition(): void {}
  getPosition(): FakePosition {
    return this.position;
  }
  setPosition(position: FakePosition): void {
    this.position = position;
  }
  setSelection(): void {}
  revealRangeNearTopIfOutsideViewport(): void {}
  focus(): void {}
  dispose(): void {
    this.disposed = true;
  }
}

/** A fresh fake `monaco` namespace: its models live as long as it does (as Monaco's live as long as the page). */
export function createFakeMonaco() {
  const models = new Map<string, FakeModel>();
  const editors: FakeEditor[] = [];
  return {
    models,
    editors,
    Range: FakeRange,
    Uri: { parse: (uri: string) => uri },
    KeyMod: { CtrlCmd: 2048, Shift: 1024 },
    KeyCode: { KeyZ: 56, KeyY: 55 },
    MarkerSeverity: { Hint: 1, Info: 2, Warning: 4, Error: 8 },
    editor: {
      CursorChangeReason: {
        NotSet: 0,
        ContentFlush: 1,
        RecoverFromMarkers: 2,
        Explicit: 3,
        Paste: 4,
        Undo: 5,
        Redo: 6,
      },
      OverviewRulerLane: { Left: 1 },
      ScrollType: { Smooth: 0, Immediate: 1 },
      getModel: (uri: string) => models.get(uri) ?? null,
      createModel: (value: string, language: string, uri: string) => {
        const model = new FakeModel(value, language, uri);
        models.set(uri, model);
        return model;
      },
      create: (_host: unknown, options: { model: FakeModel } & Record<string, unknown>) => {
        const editor = new FakeEditor(options);
        editors.push(editor);
        return editor;
      },
      setModelMarkers: (model: FakeModel, owner: string, markers: FakeMarker[]) => {
        model.markers.set(owner, markers);
      },
    },
  };
}

export type FakeMonaco = ReturnType<typeof createFakeMonaco>;
