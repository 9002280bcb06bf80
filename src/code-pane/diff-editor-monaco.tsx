import { useEffect, useRef } from "react";
import type { DiffEditorProps, DiffReveal } from "./diff-editor";
import { monaco, setupMonaco } from "./monaco-setup";

let modelCounter = 0;

/** The Monaco part of {@link DiffEditorProps DiffEditor}, loaded lazily. */
export default function DiffEditorMonaco(props: DiffEditorProps & { height: number }) {
  const { original, modified, language, label, reveal, height } = props;
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneDiffEditor | null>(null);
  const marks = useRef<{
    original: monaco.editor.IEditorDecorationsCollection;
    modified: monaco.editor.IEditorDecorationsCollection;
  } | null>(null);
  // The latest reveal, applied again once the diff is computed (the line heights change with it).
  const pending = useRef<DiffReveal | null>(null);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return undefined;
    setupMonaco();
    const editor = monaco.editor.createDiffEditor(host, {
      automaticLayout: true,
      readOnly: true,
      originalEditable: false,
      renderSideBySide: true,
      useInlineViewWhenSpaceIsLimited: false,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      ariaLabel: label,
    });
    editorRef.current = editor;
    marks.current = {
      original: editor.getOriginalEditor().createDecorationsCollection(),
      modified: editor.getModifiedEditor().createDecorationsCollection(),
    };
    const sub = editor.onDidUpdateDiff(() => {
      if (pending.current) applyReveal(editor, pending.current, marks.current);
    });
    return () => {
      sub.dispose();
      const model = editor.getModel();
      editor.dispose();
      model?.original.dispose();
      model?.modified.dispose();
      editorRef.current = null;
      marks.current = null;
    };
    // The label is set again below; the editor is created once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    modelCounter += 1;
    const ext = language === "csharp" ? "csx" : language === "json" ? "json" : "txt";
    const old = editor.getModel();
    editor.setModel({
      original: monaco.editor.createModel(
        original,
        language,
        monaco.Uri.parse(`inmemory://diff/${modelCounter}/before.${ext}`),
      ),
      modified: monaco.editor.createModel(
        modified,
        language,
        monaco.Uri.parse(`inmemory://diff/${modelCounter}/after.${ext}`),
      ),
    });
    old?.original.dispose();
    old?.modified.dispose();
  }, [original, modified, language]);

  useEffect(() => {
    editorRef.current?.updateOptions({ ariaLabel: label });
  }, [label]);

  useEffect(() => {
    pending.current = reveal ?? null;
    const editor = editorRef.current;
    if (editor && reveal) applyReveal(editor, reveal, marks.current);
  }, [reveal, original, modified]);

  return (
    <section aria-label={label} className="cs-diff-editor" style={{ height, border: "1px solid #c8c8c8" }}>
      <div ref={hostRef} style={{ height: "100%" }} />
    </section>
  );
}

/** Scrolls each side to its line (centred) and marks the line, so the reviewer's eye lands on the change. */
function applyReveal(
  editor: monaco.editor.IStandaloneDiffEditor,
  reveal: DiffReveal,
  marks: {
    original: monaco.editor.IEditorDecorationsCollection;
    modified: monaco.editor.IEditorDecorationsCollection;
  } | null,
): void {
  const sides = [
    [editor.getOriginalEditor(), reveal.originalLine, marks?.original],
    [editor.getModifiedEditor(), reveal.modifiedLine, marks?.modified],
  ] as const;
  for (const [side, line, collection] of sides) {
    const model = side.getModel();
    if (!model) continue;
    if (line === null || line > model.getLineCount()) {
      collection?.clear();
      continue;
    }
    side.revealLineInCenter(line, monaco.editor.ScrollType.Immediate);
    side.setSelection(new monaco.Range(line, 1, line, 1));
    collection?.set([
      {
        range: new monaco.Range(line, 1, line, 1),
        options: { isWholeLine: true, className: "cs-diff-target-line" },
      },
    ]);
  }
}
