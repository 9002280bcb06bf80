import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { ConnectorDocument } from "../../model/connector-document";
import type { Diagnostic } from "../../model/diagnostic";
import { buildCertificationChecklist } from "../../review/certification-checklist";
import { useWorkspace } from "../../store/workspace-context";
import { stepForDiagnostic } from "../../validation/diagnostic-location";

const STATUS_TEXT = { passed: "Passed", failed: "Failed", todo: "To do" } as const;

/** The certification-mode results as the pull-request checklist. */
export function CertificationChecklistView({ doc, revision }: { doc: ConnectorDocument; revision: number }) {
  const [independentPublisher, setIndependentPublisher] = useState(false);
  const setStep = useWorkspace((s) => s.setStep);
  const requestFocus = useWorkspace((s) => s.requestFocus);
  const activeId = useWorkspace((s) => s.activeId);
  // Both validations take a few hundred ms on the largest connectors and run on the main thread: while the
  // maker types in the Swagger editor with Review open, check once typing pauses and keep the last results.
  const [settled, setSettled] = useState({ doc, revision, id: activeId });
  useEffect(() => {
    if (settled.revision === revision && settled.doc === doc && settled.id === activeId) return;
    // Another connector is checked at once; the same one once typing pauses.
    const delay = settled.id === activeId ? 600 : 0;
    const handle = window.setTimeout(() => setSettled({ doc, revision, id: activeId }), delay);
    return () => window.clearTimeout(handle);
  }, [doc, revision, activeId, settled]);
  const results = useQuery({
    queryKey: ["certification", settled.id, settled.revision],
    // The last results stay shown while the next check runs, but never another connector's.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1] === settled.id ? previous : undefined,
    queryFn: async () => {
      const checked = settled.doc;
      const { validateConnector } = await import("../../validation/validate-connector");
      const [certification, plain] = await Promise.all([
        validateConnector(checked, { certification: true }),
        validateConnector(checked, { certification: false }),
      ]);
      return { certification, plain };
    },
    staleTime: Infinity,
  });
  const items = results.data
    ? buildCertificationChecklist(doc, results.data.certification, results.data.plain, {
        independentPublisher,
      })
    : [];
  const open = (d: Diagnostic) => {
    setStep(stepForDiagnostic(d));
    requestFocus(d.file, d.path);
  };
  return (
    <section className="cs-review-section" aria-labelledby="cs-review-certification">
      <h3 id="cs-review-certification">Certification</h3>
      <div className="cs-review-section__body">
        <label className="cs-review-inline">
          <input
            type="checkbox"
            checked={independentPublisher}
            onChange={(e) => setIndependentPublisher(e.target.checked)}
          />
          Independent publisher
        </label>
        {results.isPending ? <p aria-busy="true">Checking with the certification rules…</p> : null}
        {results.isError ? <p role="alert">The certification check failed: {String(results.error)}</p> : null}
        <ul className="cs-review-checklist">
          {items.map((item) => (
            <li key={item.id} className={`cs-review-check cs-review-check--${item.status}`}>
              <span className="cs-review-check__status">{STATUS_TEXT[item.status]}</span>
              <div>
                <p className="cs-review-check__label">{item.label}</p>
                <p className="cs-muted">{item.detail}</p>
                {item.diagnostics.length > 0 ? (
                  <ul className="cs-review-check__problems">
                    {item.diagnostics.slice(0, 5).map((d, i) => (
                      <li key={i}>
                        <button type="button" className="cs-link-button" onClick={() => open(d)}>
                          <code>{d.ruleId}</code> {d.message}
                        </button>
                      </li>
                    ))}
                    {item.diagnostics.length > 5 ? (
                      <li className="cs-muted">
                        and {item.diagnostics.length - 5} more in the Validation list
                      </li>
                    ) : null}
                  </ul>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
