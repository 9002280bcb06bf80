import { useDeferredValue, useMemo, useState } from "react";
import { LimitMeter } from "../../components/ui/limit-meter";
import { listOperations } from "../../model/swagger-types";
import { selectDocument } from "../../store/workspace-store";
import { useWorkspace, useWorkspaceStoreApi } from "../../store/workspace-context";
import {
  computeBudget,
  definitionSizeMeter,
  keepOperations,
  removeUnusedDefinitions,
} from "../../validation/budget";
import "./validation.css";

function Meter(props: { label: string; value: number; limit: number; text: string }) {
  return <LimitMeter {...props} className="cs-budget-meter" overClassName="cs-validation-error" />;
}

/**
 * The Budget region: the definition's size against 1 MB (as exported and minified), operations against 256,
 * schemas per body against 512, with actions to get under: remove unused definitions and keep chosen
 * operations (both undoable). Minifying is an export option; this view shows what it would save.
 */
export function BudgetView() {
  const store = useWorkspaceStoreApi();
  const current = useWorkspace(selectDocument);
  // Counting a 1 MB definition takes a few tens of ms: let typing win.
  const doc = useDeferredValue(current);
  const budget = useMemo(() => (doc ? computeBudget(doc) : null), [doc]);
  const operations = useMemo(
    () =>
      doc
        ? listOperations(doc.definition)
            .map((o) => o.operation.operationId)
            .filter((id): id is string => typeof id === "string" && id !== "")
        : [],
    [doc],
  );
  const [dropped, setDropped] = useState<ReadonlySet<string>>(new Set());
  const [choosing, setChoosing] = useState(false);
  if (!budget) return null;

  const keep = operations.filter((id) => !dropped.has(id));
  const worst = budget.bodies.slice(0, 3);
  return (
    <section className="cs-budget" aria-label="Budget">
      <h2 className="cs-validation-title">Budget</h2>
      <Meter label="Definition size" {...definitionSizeMeter(budget.size)} />
      <Meter
        label="Operations"
        value={budget.operations.count}
        limit={budget.operations.limit}
        text={`${budget.operations.count} of ${budget.operations.limit}`}
      />
      <Meter
        label="Schemas per body"
        value={budget.schemasPerBody.max}
        limit={budget.schemasPerBody.limit}
        text={`${budget.schemasPerBody.max} of ${budget.schemasPerBody.limit}`}
      />
      {worst.length > 0 ? (
        <p className="cs-small cs-muted">
          Largest bodies:{" "}
          {worst
            .map((b) => `${b.operationId ?? `${b.method.toUpperCase()} ${b.path}`} ${b.kind} (${b.count})`)
            .join(", ")}
          .
        </p>
      ) : null}
      {budget.size.indented > budget.size.limit && budget.size.minified <= budget.size.limit ? (
        <p className="cs-small">
          Exported without indentation the definition fits: choose the minified export.
        </p>
      ) : null}
      <div className="cs-validation-options">
        <button
          type="button"
          className="cs-button cs-button-small"
          disabled={budget.unusedDefinitions.length === 0}
          onClick={() => store.getState().dispatch(removeUnusedDefinitions(), { source: "quick-fix" })}
        >
          Remove {budget.unusedDefinitions.length} unused definition
          {budget.unusedDefinitions.length === 1 ? "" : "s"}
        </button>
        <button
          type="button"
          className="cs-button cs-button-small"
          aria-expanded={choosing}
          onClick={() => setChoosing((c) => !c)}
        >
          Choose operations to keep
        </button>
      </div>
      {choosing ? (
        <fieldset className="cs-budget-ops">
          <legend className="cs-small">
            Operations to keep ({keep.length} of {operations.length})
          </legend>
          {operations.map((id) => (
            <label key={id} className="cs-small" style={{ display: "block" }}>
              <input
                type="checkbox"
                checked={!dropped.has(id)}
                onChange={(e) =>
                  setDropped((prev) => {
                    const next = new Set(prev);
                    if (e.target.checked) next.delete(id);
                    else next.add(id);
                    return next;
                  })
                }
              />{" "}
              {id}
            </label>
          ))}
          <button
            type="button"
            className="cs-button cs-button-small cs-button-primary"
            disabled={dropped.size === 0}
            onClick={() => {
              store.getState().dispatch(keepOperations(keep), { source: "quick-fix" });
              setDropped(new Set());
              setChoosing(false);
            }}
          >
            Keep {keep.length} operation{keep.length === 1 ? "" : "s"}
          </button>
        </fieldset>
      ) : null}
    </section>
  );
}
