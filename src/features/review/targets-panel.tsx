import { useMemo } from "react";
import type { ConnectorDocument } from "../../model/connector-document";
import { connectorTargets } from "../../review/connector-targets";

/** Where the connector can be used (Power Platform, Azure Logic Apps) and what each target loses. */
export function TargetsPanel({ doc }: { doc: ConnectorDocument }) {
  const targets = useMemo(() => connectorTargets(doc), [doc]);
  return (
    <section className="cs-review-section" aria-labelledby="cs-review-targets">
      <h3 id="cs-review-targets">Where it runs</h3>
      <ul className="cs-review-targets">
        {targets.map((target) => (
          <li key={target.name} className="cs-review-card">
            <p className="cs-review-card__title">
              <strong>{target.name}</strong> · {target.hosts}
            </p>
            <p className="cs-muted">{target.how}</p>
            {target.losses.length === 0 ? (
              <p>Everything carries over.</p>
            ) : (
              <ul>
                {target.losses.map((loss) => (
                  <li key={loss}>{loss}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
