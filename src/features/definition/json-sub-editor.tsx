import { lazy, Suspense, useState, type ComponentType } from "react";
import { isJsonObject, type JsonObject, type JsonValue } from "../../model/json-value";
import { TextArea } from "../../components/ui/form-fields";

interface CodeEditorProps {
  value: string;
  onChange(value: string): void;
  language: "json";
  label: string;
}

// The Swagger-editor engineer provides a Monaco-based editor; until it exists a textarea stands in.
const editorModules = import.meta.glob<{ default: ComponentType<CodeEditorProps> }>(
  "../../code-pane/code-editor.tsx",
);
const loadEditor = Object.values(editorModules)[0];
const LazyCodeEditor = loadEditor ? lazy(loadEditor) : null;

function stringify(value: JsonValue | undefined): string {
  return value === undefined ? "" : JSON.stringify(value, null, 2);
}

/**
 * A JSON editor scoped to one value (an operation's extensions, a schema, a policy's unknown parameters).
 * Valid JSON is written at once; invalid text stays on screen with the parser's message.
 */
export function JsonSubEditor({
  label,
  value,
  onChange,
  pointer,
  readOnly,
}: {
  label: string;
  value: JsonValue | undefined;
  onChange?: (value: JsonValue | undefined) => void;
  pointer?: string;
  readOnly?: boolean;
}) {
  const [draft, setDraft] = useState<{ text: string; error: string; base: JsonValue | undefined } | null>(
    null,
  );
  // A draft is only kept while the document still holds the value it was typed against.
  const current = draft && draft.base === value ? draft : null;
  const text = current ? current.text : stringify(value);
  const handle = (next: string) => {
    if (next.trim() === "") {
      setDraft(null);
      onChange?.(undefined);
      return;
    }
    try {
      const parsed = JSON.parse(next) as JsonValue;
      setDraft(null);
      onChange?.(parsed);
    } catch (error) {
      setDraft({ text: next, error: error instanceof Error ? error.message : String(error), base: value });
    }
  };
  if (LazyCodeEditor && !readOnly) {
    return (
      <div className="cs-def-json" data-pointer={pointer}>
        <Suspense fallback={<p>Loading editor…</p>}>
          <LazyCodeEditor value={text} onChange={handle} language="json" label={label} />
        </Suspense>
        {current ? (
          <p className="cs-field__error" role="alert">
            {current.error}
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <TextArea
      label={label}
      pointer={pointer}
      className="cs-def-json"
      value={text}
      readOnly={readOnly}
      spellCheck={false}
      rows={Math.min(16, Math.max(3, text.split("\n").length))}
      error={current?.error}
      onChange={(e) => handle(e.currentTarget.value)}
    />
  );
}

/**
 * Writes the keys edited in a JSON sub-editor back into `node`: keys in `handled` stay as they are, the
 * other keys come from `edited` (removed when missing there), in their original positions; new keys go last.
 */
export function mergeExtras(
  node: JsonObject,
  edited: JsonValue | undefined,
  handled: ReadonlySet<string>,
): JsonObject {
  const extras = isJsonObject(edited) ? edited : {};
  const next: JsonObject = { ...node };
  for (const key of Object.keys(node)) {
    if (handled.has(key)) continue;
    if (key in extras) next[key] = extras[key];
    else delete next[key];
  }
  for (const [key, value] of Object.entries(extras))
    if (!handled.has(key) && !(key in node)) next[key] = value;
  return next;
}
