import { useQuery } from "@tanstack/react-query";
import { LimitMeter } from "../../components/ui/limit-meter";
import type { ConnectorDocument } from "../../model/connector-document";
import { useWorkspace } from "../../store/workspace-context";
import { definitionSizeMeter, type Budget } from "../../validation/budget";
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
 * the next revision is measured, but never another connector's.
 */
export function BudgetSummary({ doc, revision }: { doc: ConnectorDocument; revision: number }) {
  const activeId = useWorkspace((s) => s.activeId);
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
          </>
        ) : result.isError ? (
          <p role="alert">The budget could not be measured: {String(result.error)}</p>
        ) : (
          <p className="cs-muted">Measuring…</p>
        )}
      </div>
    </section>
  );
}
