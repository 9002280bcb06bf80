import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useWorkspaceStoreApi } from "../store/workspace-context";
import {
  describeProblem,
  SwaggerEditorController,
  type PaneStatus,
  type SwaggerFormat,
} from "./swagger-editor-controller";
import "./swagger-editor.css";

const NO_STATUS: PaneStatus = {
  format: "json",
  problem: null,
  conflict: false,
  note: null,
  hasConnector: false,
};

const FORMATS: { value: SwaggerFormat; label: string }[] = [
  { value: "json", label: "JSON" },
  { value: "yaml", label: "YAML" },
];

/**
 * The live "Swagger editor" pane: `apiDefinition.swagger.json` of the active connector as JSON or YAML in
 * Monaco, kept in two-way sync with the workspace (see {@link SwaggerEditorController}). Lazy-loaded by the
 * shell; it reads the workspace store from context and takes no props.
 */
export default function SwaggerEditorPane() {
  const store = useWorkspaceStoreApi();
  const hostRef = useRef<HTMLDivElement>(null);
  const [controller, setController] = useState<SwaggerEditorController | null>(null);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return undefined;
    const created = new SwaggerEditorController(host, store);
    setController(created);
    return () => {
      setController(null);
      created.dispose();
    };
  }, [store]);

  const subscribe = useCallback(
    (onChange: () => void) => controller?.subscribe(onChange) ?? (() => undefined),
    [controller],
  );
  const status = useSyncExternalStore(subscribe, () => controller?.getStatus() ?? NO_STATUS);

  const message = status.problem
    ? `Not applied. ${describeProblem(status.problem)} The last valid definition is kept.`
    : status.conflict
      ? "The definition changed elsewhere while your edits here were not applied yet. Your text is kept; it replaces the definition once it is valid (Undo brings the other change back), or discard it."
      : status.note;

  return (
    <section
      aria-label="Swagger editor"
      style={{ display: "flex", flexDirection: "column", height: "100%", minHeight: 420, minWidth: 0 }}
    >
      <div
        style={{
          display: "flex",
          alignItems: "center",
          gap: "0.75rem",
          padding: "0.25rem 0",
          flexWrap: "wrap",
        }}
      >
        <strong style={{ fontSize: "0.95rem" }}>apiDefinition.swagger.json</strong>
        <div role="radiogroup" aria-label="Format" style={{ display: "flex", gap: "0.5rem" }}>
          {FORMATS.map((f) => (
            <label key={f.value} style={{ display: "inline-flex", alignItems: "center", gap: "0.25rem" }}>
              <input
                type="radio"
                name="swagger-editor-format"
                value={f.value}
                checked={status.format === f.value}
                disabled={!controller}
                onChange={() => controller?.setFormat(f.value)}
              />
              {f.label}
            </label>
          ))}
        </div>
      </div>
      <div
        role="status"
        aria-live="polite"
        data-testid="swagger-editor-status"
        style={{
          minHeight: "1.5rem",
          fontSize: "0.85rem",
          color: status.problem ? "var(--cs-danger)" : "inherit",
          display: "flex",
          gap: "0.5rem",
          alignItems: "center",
        }}
      >
        {message ? <span>{message}</span> : null}
        {status.problem || status.conflict ? (
          <button type="button" onClick={() => controller?.discardText()}>
            Discard my text
          </button>
        ) : null}
      </div>
      {!status.hasConnector && controller ? (
        <p style={{ margin: "0.25rem 0", fontSize: "0.85rem" }}>
          Create or open a connector to see its definition here.
        </p>
      ) : null}
      <div
        ref={hostRef}
        data-testid="swagger-editor-host"
        style={{ flex: "1 1 auto", minHeight: 360, border: "1px solid var(--cs-border)" }}
      />
    </section>
  );
}
