import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import {
  ChooseOperationsDialog,
  KEEP_OPERATIONS_INTRO,
} from "../../components/choose-operations/choose-operations-dialog";
import { LimitMeter } from "../../components/ui/limit-meter";
import type { ConnectorDocument } from "../../model/connector-document";
import { selectDocument } from "../../store/workspace-store";
import { useWorkspace, useWorkspaceStoreApi } from "../../store/workspace-context";
import {
  definitionSizeMeter,
  keepOperationsAt,
  removeUnusedDefinitions,
  type Budget,
} from "../../validation/budget";
import { definitionTextReady, sharedValidationClient } from "../../validation/shared-validation-client";

function Meter({ label, value, limit }: { label: string; value: number; limit: number }) {
  const text = `${value} of ${limit}${value > limit ? " — over the limit" : ""}`;
  return (
    <LimitMeter
      label={label}
      value={value}
      limit={limit}
      text={text}
      className="cs-review-meter"
      overClassName="cs-review-over"
    />
  );
}

/**
 * Size and count limits of the platform, measured on the current document in the shared validation worker
 * (counting the schemas of Encodian's bodies takes longer than a frame). The last figures stay shown while
 * the next revision is measured, but never another connector's. The size is the minified one, as the
 * platform counts it. Choose operations to keep and Remove unused definitions get the connector under the
 * limits, each as one undo step.
 */
export function BudgetSummary({ doc, revision }: { doc: ConnectorDocument; revision: number }) {
  const store = useWorkspaceStoreApi();
  const activeId = useWorkspace((s) => s.activeId);
  const [choosing, setChoosing] = useState<ConnectorDocument | null>(null);
  const result = useQuery({
    queryKey: ["review-budget", activeId, revision],
    placeholderData: (previous: Budget | undefined, previousQuery) =>
      previousQuery?.queryKey[1] === activeId ? previous : undefined,
    queryFn: async ({ signal }) => {
      await definitionTextReady(doc.definition, { signal });
      const measured = await sharedValidationClient().budget(doc, { channel: "review:budget", signal });
      if (!measured) throw new DOMException("Superseded", "AbortError");
      return measured.budget;
    },
    staleTime: Infinity,
    retry: false,
  });
  const budget = result.data;
  return (
    <section className="cs-review-section" aria-labelledby="cs-review-budget">
      <h3 id="cs-review-budget">Budget</h3>
      <div className="cs-review-section__body" aria-busy={result.isFetching || undefined}>
        {budget ? (
          <>
            <LimitMeter
              label="Definition size"
              {...definitionSizeMeter(budget.size)}
              className="cs-review-meter"
              overClassName="cs-review-over"
            />
            <Meter label="Operations" value={budget.operations.count} limit={budget.operations.limit} />
            <Meter
              label="Largest body or response (schemas)"
              value={budget.schemasPerBody.max}
              limit={budget.schemasPerBody.limit}
            />
            <p className="cs-muted">{budget.unusedDefinitions.length} unused definition(s).</p>
            <div className="cs-review-actions">
              <button
                type="button"
                className="cs-button cs-button-small"
                onClick={() => setChoosing(selectDocument(store.getState()))}
              >
                Choose operations to keep
              </button>
              <button
                type="button"
                className="cs-button cs-button-small"
                disabled={budget.unusedDefinitions.length === 0}
                onClick={() => store.getState().dispatch(removeUnusedDefinitions(), { source: "quick-fix" })}
              >
                Remove unused definitions
              </button>
            </div>
          </>
        ) : result.isError ? (
          <p role="alert">The budget could not be measured: {String(result.error)}</p>
        ) : (
          <p className="cs-muted">Measuring…</p>
        )}
      </div>
      {choosing ? (
        <ChooseOperationsDialog
          doc={choosing}
          intro={KEEP_OPERATIONS_INTRO}
          confirmLabel="Keep selected"
          initiallySelected="all"
          onConfirm={(keys) => {
            setChoosing(null);
            store.getState().dispatch(keepOperationsAt(keys), { source: "quick-fix" });
          }}
          onCancel={() => setChoosing(null)}
        />
      ) : null}
    </section>
  );
}
