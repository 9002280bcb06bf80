import { lazy, Suspense } from "react";

/** Props of {@link CodeEditor}. */
export interface CodeEditorProps {
  /** The text to show. When it changes from outside, the editor applies a minimal edit (cursor stays). */
  value: string;
  /** Called with the whole text after every edit the user makes. */
  onChange(value: string): void;
  language: "csharp" | "json";
  /** Accessible name of the editor's region (e.g. "Custom code"). */
  label: string;
  /** Height in pixels (default 320). */
  height?: number;
  /**
   * Optional: where Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z / Ctrl+Y go. Pass the workspace's `undo`/`redo` so that
   * the editor shares the single undo history; without them Monaco's own undo is used.
   */
  onUndo?: () => void;
  onRedo?: () => void;
  readOnly?: boolean;
}

const MonacoCodeEditor = lazy(() => import("./code-editor-monaco"));

/**
 * A small Monaco editor for the other steps (the C# script in Code, JSON sub-editors in Definition). This
 * module is light: Monaco loads on first use, so importing it does not grow the first paint.
 */
export default function CodeEditor(props: CodeEditorProps) {
  const height = props.height ?? 320;
  return (
    <Suspense
      fallback={
        <section
          aria-label={props.label}
          aria-busy="true"
          style={{ height, border: "1px solid var(--cs-border)" }}
        >
          <p style={{ margin: "0.5rem" }}>Loading editor…</p>
        </section>
      }
    >
      <MonacoCodeEditor {...props} height={height} />
    </Suspense>
  );
}
