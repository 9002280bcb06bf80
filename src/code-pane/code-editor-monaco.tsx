import { useEffect, useRef } from "react";
import type { CodeEditorProps } from "./code-editor";
import { monaco, setupMonaco } from "./monaco-setup";
import { minimalEdit } from "./text-diff";

let modelCounter = 0;

/** The Monaco part of {@link CodeEditor}, loaded lazily. */
export default function CodeEditorMonaco(props: CodeEditorProps & { height: number }) {
  const { value, language, label, height, readOnly } = props;
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  // Latest callbacks, read by the editor's listeners without re-creating the editor.
  const callbacks = useRef(props);
  const applyingValue = useRef(false);

  useEffect(() => {
    callbacks.current = props;
  });

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return undefined;
    setupMonaco();
    modelCounter += 1;
    const uri = monaco.Uri.parse(
      `inmemory://code-editor/${modelCounter}.${language === "csharp" ? "csx" : "json"}`,
    );
    const model = monaco.editor.createModel(callbacks.current.value, language, uri);
    model.updateOptions({ tabSize: 4, insertSpaces: true });
    const editor = monaco.editor.create(host, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      // A dimmed last line number is below WCAG AA contrast (axe, e2e/theme.spec.ts).
      renderFinalNewline: "on",
      ariaLabel: callbacks.current.label,
      readOnly: callbacks.current.readOnly ?? false,
    });
    editorRef.current = editor;
    const { KeyMod, KeyCode } = monaco;
    const undo = () => {
      if (callbacks.current.onUndo) callbacks.current.onUndo();
      else editor.trigger("keyboard", "undo", null);
    };
    const redo = () => {
      if (callbacks.current.onRedo) callbacks.current.onRedo();
      else editor.trigger("keyboard", "redo", null);
    };
    editor.addCommand(KeyMod.CtrlCmd | KeyCode.KeyZ, undo);
    editor.addCommand(KeyMod.CtrlCmd | KeyMod.Shift | KeyCode.KeyZ, redo);
    editor.addCommand(KeyMod.CtrlCmd | KeyCode.KeyY, redo);
    const sub = model.onDidChangeContent(() => {
      if (!applyingValue.current) callbacks.current.onChange(model.getValue());
    });
    // Tab indents, so the keyboard needs a way out: Esc, then Tab or Shift+Tab moves focus (Monaco's
    // tabFocusMode, on only until the next other key or until the editor loses focus).
    let leaving = false;
    const setLeaving = (on: boolean) => {
      if (leaving === on) return;
      leaving = on;
      editor.updateOptions({ tabFocusMode: on });
    };
    const keySub = editor.onKeyDown((event) => {
      if (event.keyCode === KeyCode.Escape) setLeaving(true);
      else if (event.keyCode !== KeyCode.Tab && event.keyCode !== KeyCode.Shift) setLeaving(false);
    });
    const blurSub = editor.onDidBlurEditorText(() => setLeaving(false));
    return () => {
      keySub.dispose();
      blurSub.dispose();
      sub.dispose();
      editor.dispose();
      model.dispose();
      editorRef.current = null;
    };
  }, [language]);

  // A new value from outside (undo, upload, a form) reaches the text as one minimal edit.
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    const current = model.getValue();
    const edit = minimalEdit(current, value);
    if (!edit) return;
    const start = model.getPositionAt(edit.start);
    const end = model.getPositionAt(edit.end);
    applyingValue.current = true;
    try {
      model.pushEditOperations(
        null,
        [
          {
            range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column),
            text: edit.text,
          },
        ],
        () => null,
      );
    } finally {
      applyingValue.current = false;
    }
  }, [value]);

  useEffect(() => {
    editorRef.current?.updateOptions({ ariaLabel: label, readOnly: readOnly ?? false });
  }, [label, readOnly]);

  return (
    <section aria-label={label} style={{ height, border: "1px solid var(--cs-border)" }}>
      <div ref={hostRef} style={{ height: "100%" }} />
    </section>
  );
}
