import { lazy, Suspense } from "react";

/** Where to scroll a {@link DiffEditor}: 1-based lines on each side; `nonce` asks again for the same place. */
export interface DiffReveal {
  originalLine: number | null;
  modifiedLine: number | null;
  nonce: number;
}

/** Props of {@link DiffEditor}. */
export interface DiffEditorProps {
  original: string;
  modified: string;
  language: "json" | "csharp" | "plaintext";
  /** Accessible name of the region (e.g. "Diff of apiProperties.json"). */
  label: string;
  /** Scrolls both sides to these lines and marks them. */
  reveal?: DiffReveal | null;
  height?: number;
}

const MonacoDiffEditor = lazy(() => import("./diff-editor-monaco"));

/**
 * A read-only side-by-side diff (Monaco's diff editor), loaded on first use as `code-editor.tsx` is, so that
 * importing it does not grow the first paint.
 */
export default function DiffEditor(props: DiffEditorProps) {
  const height = props.height ?? 420;
  return (
    <Suspense
      fallback={
        <section aria-label={props.label} aria-busy="true" style={{ height, border: "1px solid #c8c8c8" }}>
          <p style={{ margin: "0.5rem" }}>Loading the diff…</p>
        </section>
      }
    >
      <MonacoDiffEditor {...props} height={height} />
    </Suspense>
  );
}
