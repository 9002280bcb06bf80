import { useMemo } from "react";
import type { ConnectorDocument } from "../../model/connector-document";
import { computeBudget } from "../../validation/budget";

function Meter({
  label,
  value,
  limit,
  unit,
}: {
  label: string;
  value: number;
  limit: number;
  unit?: string;
}) {
  const over = value > limit;
  const shown = (n: number) => (unit === "KB" ? `${(n / 1024).toFixed(0)} KB` : String(n));
  return (
    <div className="cs-review-meter">
      <span>{label}</span>
      <meter
        min={0}
        max={limit}
        low={limit * 0.8}
        high={limit * 0.95}
        optimum={0}
        value={Math.min(value, limit)}
        aria-label={label}
      />
      <span className={over ? "cs-review-over" : undefined}>
        {shown(value)} of {shown(limit)}
        {over ? " — over the limit" : ""}
      </span>
    </div>
  );
}

/** Size and count limits of the platform, measured on the current document. */
export function BudgetSummary({ doc }: { doc: ConnectorDocument }) {
  const budget = useMemo(() => computeBudget(doc), [doc]);
  return (
    <section className="cs-review-section" aria-labelledby="cs-review-budget">
      <h3 id="cs-review-budget">Budget</h3>
      <div className="cs-review-section__body">
        <Meter label="Definition size" value={budget.size.indented} limit={budget.size.limit} unit="KB" />
        <Meter label="Operations" value={budget.operations.count} limit={budget.operations.limit} />
        <Meter
          label="Largest body or response (schemas)"
          value={budget.schemasPerBody.max}
          limit={budget.schemasPerBody.limit}
        />
        <p className="cs-muted">
          Minified, the definition is {(budget.size.minified / 1024).toFixed(0)} KB.{" "}
          {budget.unusedDefinitions.length} unused definition(s).
        </p>
      </div>
    </section>
  );
}
