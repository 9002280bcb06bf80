import { lazy, Suspense, useRef, useState } from "react";
import { Checkbox, FileField, FormSection, Switch, TextField } from "../../components/ui/form-fields";
import { useFocusRequest } from "../../store/form-sync";
import { hasGateway } from "../../model/operations/general";
import {
  codeFileProblem,
  isCodePointer,
  operationIds,
  SCRIPT_MAX_BYTES,
  SCRIPT_OPERATIONS_POINTER,
  scriptByteLength,
  scriptSizeProblem,
  setCodeEnabled,
  setScriptOperations,
  setScriptText,
  toCodeFormValues,
} from "../../model/operations/code";
import { useWorkspace, useWorkspaceStoreApi } from "../../store/workspace-context";
import { selectDocument } from "../../store/workspace-store";
import "./code-step.css";

// Monaco is heavy: the editor loads when the Code step first shows it.
const CodeEditor = lazy(() => import("../../code-pane/code-editor"));

/**
 * The Code step. Every control is a view of the document: the switch adds or removes `script.csx` (turning
 * it off is one undoable command, so the code stays in the undo history), the editor writes the script
 * with typing merged into one undo step, and Operations writes `scriptOperations`.
 */
export function CodeStep() {
  const store = useWorkspaceStoreApi();
  const doc = useWorkspace(selectDocument);
  const containerRef = useRef<HTMLElement>(null);
  const [error, setError] = useState<string | undefined>();
  const [filter, setFilter] = useState("");
  useFocusRequest(containerRef, isCodePointer);

  if (!doc) {
    return (
      <section aria-label="Code step">
        <p>Create or import a connector to edit it.</p>
      </section>
    );
  }

  const values = toCodeFormValues(doc);
  const ids = operationIds(doc);
  const unknownSelected = values.operations.filter((op) => !ids.includes(op));
  const allOptions = [...ids, ...unknownSelected];
  const needle = filter.trim().toLowerCase();
  // Selected operations stay listed while filtering, so the selection is always visible.
  const visible = needle
    ? allOptions.filter((id) => id.toLowerCase().includes(needle) || values.operations.includes(id))
    : allOptions;
  const dispatch = (
    command: Parameters<ReturnType<typeof store.getState>["dispatch"]>[0],
    mergeKey?: string,
  ) => store.getState().dispatch(command, mergeKey ? { source: "form", mergeKey } : { source: "form" });

  const onScript = (text: string) => {
    const problem = scriptSizeProblem(text);
    setError(problem ?? undefined);
    if (!problem) dispatch(setScriptText(text), "script.csx");
  };

  const onUpload = async (file: File) => {
    const nameProblem = codeFileProblem(file.name);
    if (nameProblem) return setError(nameProblem);
    if (file.size > SCRIPT_MAX_BYTES) {
      return setError(
        `${file.name} is ${(file.size / 1024 / 1024).toFixed(2)} MB; the platform accepts at most 1 MB of custom code.`,
      );
    }
    const text = await file.text();
    const problem = scriptSizeProblem(text);
    if (problem) return setError(problem);
    setError(undefined);
    if (!values.enabled) dispatch(setCodeEnabled(true));
    dispatch(setScriptText(text));
  };

  const size = scriptByteLength(values.script);

  return (
    <section aria-label="Code step" className="cs-step cs-code" ref={containerRef}>
      <h2>Code</h2>
      <form onSubmit={(event) => event.preventDefault()} noValidate>
        <FormSection
          title="Script"
          description="C# that runs instead of (or around) the request for the chosen operations: a class Script : ScriptBase overriding ExecuteAsync. One script, up to 1 MB, 5 seconds per call."
        >
          <Switch
            label="Code enabled"
            pointer=""
            checked={values.enabled}
            hint={
              hasGateway(doc)
                ? "Custom code does not run for connections through the on-premises data gateway."
                : values.enabled
                  ? undefined
                  : "Off: the connector has no script.csx. Turning code off keeps the previous code in the undo history."
            }
            onChange={(event) => {
              setError(undefined);
              dispatch(setCodeEnabled(event.target.checked));
            }}
          />
          {values.enabled ? (
            <>
              {/* Tab indents inside the editor; how to leave it with the keyboard must be visible. */}
              <p className="cs-code__keys cs-small" id="cs-code-keys">
                <kbd>Tab</kbd> indents. To leave the editor, press <kbd>Esc</kbd> then <kbd>Tab</kbd> (or{" "}
                <kbd>Shift</kbd>+<kbd>Tab</kbd> to go back).
              </p>
              <div className="cs-code__editor">
                <Suspense fallback={<p>Loading editor…</p>}>
                  <CodeEditor
                    value={values.script}
                    onChange={onScript}
                    language="csharp"
                    label="Custom code"
                    height={380}
                    onUndo={() => store.getState().undo()}
                    onRedo={() => store.getState().redo()}
                  />
                </Suspense>
              </div>
              <p className="cs-code__size" aria-live="polite">
                {(size / 1024).toFixed(1)} KB of 1024 KB
              </p>
            </>
          ) : null}
          <FileField
            label="Upload"
            accept=".cs,.csx"
            hint="A .cs or .csx file replaces the code above."
            error={error}
            onFile={(file) => void onUpload(file)}
          />
        </FormSection>

        <FormSection
          title="Operations"
          description="Tick the operations that run the code. None ticked means all operations."
        >
          {allOptions.length > 10 ? (
            <TextField
              label="Find an operation"
              type="search"
              value={filter}
              disabled={!values.enabled}
              onChange={(event) => setFilter(event.target.value)}
            />
          ) : null}
          <fieldset className="cs-code__operations" disabled={!values.enabled}>
            <legend className="cs-visually-hidden">Operations</legend>
            <p className="cs-small cs-muted" id="cs-code-operations-hint">
              {ids.length === 0
                ? "The connector has no operations yet (add them in Definition)."
                : values.operations.length === 0
                  ? "None ticked: the code runs for every operation."
                  : `${values.operations.length} ticked: the code runs for these only.`}
            </p>
            {unknownSelected.length > 0 ? (
              <p className="cs-field__warning">
                Not operations of this connector: {unknownSelected.join(", ")}.
              </p>
            ) : null}
            <div className="cs-code__operations-list">
              {visible.map((id, index) => (
                <Checkbox
                  key={id}
                  label={id}
                  // A problem with the list (e.g. an unknown name) focuses its first box.
                  pointer={index === 0 ? SCRIPT_OPERATIONS_POINTER : undefined}
                  checked={values.operations.includes(id)}
                  onChange={(event) => {
                    const on = event.currentTarget.checked;
                    // Order follows the operations list; names hidden by the filter stay ticked.
                    dispatch(
                      setScriptOperations(
                        allOptions.filter((op) => (op === id ? on : values.operations.includes(op))),
                      ),
                    );
                  }}
                />
              ))}
            </div>
          </fieldset>
          {values.operations.length > 0 ? (
            <button
              type="button"
              className="cs-button"
              disabled={!values.enabled}
              onClick={() => dispatch(setScriptOperations([]))}
            >
              Run for all operations
            </button>
          ) : null}
        </FormSection>
      </form>
    </section>
  );
}
