import { lazy, Suspense, useMemo, useRef, type KeyboardEvent, type ReactNode } from "react";
import { STEP_IDS, type StepId } from "../store/workspace-store";
import { useWorkspace } from "../store/workspace-context";
import { stepForDiagnostic } from "../validation/diagnostic-location";

export const STEP_LABELS: Record<StepId, string> = {
  general: "General",
  security: "Security",
  definition: "Definition",
  code: "Code",
  test: "Test",
  review: "Review",
};

// Each step is its own chunk: forms (react-hook-form, zod) and the Test/Review tools load when opened.
const STEP_COMPONENTS: Record<StepId, React.LazyExoticComponent<() => React.JSX.Element>> = {
  general: lazy(() => import("../features/general/general-step").then((m) => ({ default: m.GeneralStep }))),
  security: lazy(() =>
    import("../features/security/security-step").then((m) => ({ default: m.SecurityStep })),
  ),
  definition: lazy(() =>
    import("../features/definition/definition-step").then((m) => ({ default: m.DefinitionStep })),
  ),
  code: lazy(() => import("../features/code/code-step").then((m) => ({ default: m.CodeStep }))),
  test: lazy(() => import("../features/try-it/try-it-step").then((m) => ({ default: m.TestStep }))),
  review: lazy(() => import("../features/review/review-step").then((m) => ({ default: m.ReviewStep }))),
};

function useProblemCounts(): Record<StepId, number> {
  const diagnostics = useWorkspace((s) => s.diagnostics);
  return useMemo(() => {
    const counts: Record<StepId, number> = {
      general: 0,
      security: 0,
      definition: 0,
      code: 0,
      test: 0,
      review: 0,
    };
    for (const d of diagnostics) {
      if (d.severity === "info") continue;
      counts[stepForDiagnostic(d)] += 1;
    }
    return counts;
  }, [diagnostics]);
}

/**
 * The wizard's steps as tabs (arrow keys move between them) and the open step's panel; `toolbar` (the
 * Swagger editor's Hide/Show button) sits at the end of the tab row, outside the tab list.
 */
export function StepsPanel({ toolbar }: { toolbar?: ReactNode }) {
  const step = useWorkspace((s) => s.step);
  const setStep = useWorkspace((s) => s.setStep);
  const counts = useProblemCounts();
  const tabRefs = useRef<Partial<Record<StepId, HTMLButtonElement | null>>>({});
  const Current = STEP_COMPONENTS[step];

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = STEP_IDS.indexOf(step);
    let next: number | null = null;
    if (event.key === "ArrowRight") next = (index + 1) % STEP_IDS.length;
    else if (event.key === "ArrowLeft") next = (index - 1 + STEP_IDS.length) % STEP_IDS.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = STEP_IDS.length - 1;
    if (next === null) return;
    event.preventDefault();
    const id = STEP_IDS[next];
    if (!id) return;
    setStep(id);
    tabRefs.current[id]?.focus();
  };

  return (
    <div className="cs-steps">
      <div className="cs-steps-bar">
        <div role="tablist" aria-label="Steps" className="cs-tablist" onKeyDown={onKeyDown}>
          {STEP_IDS.map((id, index) => {
            const selected = id === step;
            const count = counts[id];
            return (
              <button
                key={id}
                ref={(el) => {
                  tabRefs.current[id] = el;
                }}
                type="button"
                role="tab"
                id={`cs-tab-${id}`}
                aria-controls="cs-step-panel"
                aria-selected={selected}
                aria-label={STEP_LABELS[id]}
                aria-describedby={count > 0 ? `cs-tab-count-${id}` : undefined}
                tabIndex={selected ? 0 : -1}
                className="cs-tab"
                onClick={() => setStep(id)}
              >
                <span className="cs-tab-index" aria-hidden="true">
                  {index + 1}
                </span>
                {STEP_LABELS[id]}
                {count > 0 ? (
                  <span className="cs-badge" id={`cs-tab-count-${id}`}>
                    {count}
                    <span className="cs-visually-hidden"> {count === 1 ? "problem" : "problems"}</span>
                  </span>
                ) : null}
              </button>
            );
          })}
        </div>
        {toolbar ? <div className="cs-steps-tools">{toolbar}</div> : null}
      </div>
      <div
        role="tabpanel"
        id="cs-step-panel"
        aria-labelledby={`cs-tab-${step}`}
        className="cs-step-panel"
        tabIndex={0}
      >
        <Suspense fallback={<p className="cs-muted">Loading {STEP_LABELS[step]}…</p>}>
          <Current />
        </Suspense>
      </div>
    </div>
  );
}
