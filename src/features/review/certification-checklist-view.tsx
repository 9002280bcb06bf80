import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import type { ConnectorDocument } from "../../model/connector-document";
import type { Diagnostic } from "../../model/diagnostic";
import { buildCertificationChecklist } from "../../review/certification-checklist";
import { useWorkspace } from "../../store/workspace-context";
import { stepForDiagnostic } from "../../validation/diagnostic-location";
import { definitionTextReady, sharedValidationClient } from "../../validation/shared-validation-client";
import { isSignedOff, setSignOff } from "../../review/review-notes";
import { NoteComposer, useReview } from "./review-notes-view";

const STATUS_TEXT = { passed: "Passed", failed: "Failed", warnings: "Warnings", todo: "To do" } as const;

/** While the maker types with Review open, the checklist is checked this long after the last edit. */
export const CHECK_DEBOUNCE_MS = 600;

interface CheckResults {
  certification: Diagnostic[];
  plain: Diagnostic[];
  /** Why the worker could not run, when the check ran on the page instead. */
  failure: string | null;
}

const superseded = (error: unknown) =>
  (error instanceof Error && error.message === "superseded") ||
  (error instanceof DOMException && error.name === "AbortError");

/** The checklist's requests supersede each other; the Validation panel and the export gate use their own. */
const CHANNELS = { certification: "review:certification", plain: "review:plain" } as const;

/**
 * The certification-mode results as the pull-request checklist. Both validations (certification mode, and
 * plain to tell what certification adds) run in the shared validation worker, so a large connector never
 * blocks the page; the plain one is usually already there from the Validation panel for the same revision.
 */
export function CertificationChecklistView({ doc, revision }: { doc: ConnectorDocument; revision: number }) {
  const [independentPublisher, setIndependentPublisher] = useState(false);
  const setStep = useWorkspace((s) => s.setStep);
  const requestFocus = useWorkspace((s) => s.requestFocus);
  const activeId = useWorkspace((s) => s.activeId);
  const [review, updateReview] = useReview();
  const [noting, setNoting] = useState<string | null>(null);
  // While the maker types with Review open, check once typing pauses and keep the last results.
  const [settled, setSettled] = useState({ doc, revision, id: activeId });
  useEffect(() => {
    if (settled.revision === revision && settled.doc === doc && settled.id === activeId) return;
    // Another connector is checked at once; the same one once typing pauses.
    const delay = settled.id === activeId ? CHECK_DEBOUNCE_MS : 0;
    const handle = window.setTimeout(() => setSettled({ doc, revision, id: activeId }), delay);
    return () => window.clearTimeout(handle);
  }, [doc, revision, activeId, settled]);
  // The check is measured (request → results rendered) as "review:checklist" for the e2e long-task test.
  const checkStarted = useRef<number | null>(null);
  const results = useQuery<CheckResults>({
    queryKey: ["certification", settled.id, settled.revision],
    // The last results stay shown while the next check runs, but never another connector's.
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1] === settled.id ? previous : undefined,
    queryFn: async ({ signal }) => {
      checkStarted.current = performance.now();
      const checked = settled.doc;
      const client = sharedValidationClient();
      await definitionTextReady(checked.definition, { signal });
      const [certification, plain] = await Promise.all([
        client.validate(checked, { certification: true, channel: CHANNELS.certification, signal }),
        client.validate(checked, { channel: CHANNELS.plain, signal }),
      ]);
      // Superseded by a newer check of this checklist (that one's results will show).
      if (!certification || !plain) throw new Error("superseded");
      return {
        certification: certification.diagnostics,
        plain: plain.diagnostics,
        failure: certification.failure ?? plain.failure,
      };
    },
    staleTime: Infinity,
    retry: false,
  });
  useEffect(() => {
    if (!results.data || results.isPlaceholderData || checkStarted.current === null) return;
    performance.measure("review:checklist", { start: checkStarted.current });
    checkStarted.current = null;
  }, [results.data, results.isPlaceholderData]);
  const items = useMemo(
    () =>
      results.data
        ? buildCertificationChecklist(doc, results.data.certification, results.data.plain, {
            independentPublisher,
          })
        : [],
    [doc, results.data, independentPublisher],
  );
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
        {results.isError && !superseded(results.error) ? (
          <p role="alert">The certification check failed: {String(results.error)}</p>
        ) : null}
        {results.data?.failure ? (
          <p className="cs-muted">
            The validation worker could not run ({results.data.failure}); checked on the page instead.
          </p>
        ) : null}
        <ul className="cs-review-checklist">
          {items.map((item) => (
            <li key={item.id} className={`cs-review-check cs-review-check--${item.status}`}>
              <span className="cs-review-check__status">{STATUS_TEXT[item.status]}</span>
              <div>
                <p className="cs-review-check__label" id={`cs-check-${item.id}`}>
                  {item.label}
                </p>
                <p className="cs-muted">{item.detail}</p>
                <div className="cs-review-check__review">
                  <label className="cs-review-inline">
                    <input
                      type="checkbox"
                      aria-describedby={`cs-check-${item.id}`}
                      checked={isSignedOff(review, item.id)}
                      onChange={(e) => updateReview((r) => setSignOff(r, item, e.target.checked, Date.now()))}
                    />
                    Signed off
                  </label>
                  <button
                    type="button"
                    className="cs-link-button"
                    aria-expanded={noting === item.id}
                    aria-describedby={`cs-check-${item.id}`}
                    onClick={() => setNoting((n) => (n === item.id ? null : item.id))}
                  >
                    Note…
                  </button>
                </div>
                {noting === item.id ? (
                  <NoteComposer
                    target={{ kind: "checklist", itemId: item.id, label: item.label }}
                    label={`Note on “${item.label}”`}
                  />
                ) : null}
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
