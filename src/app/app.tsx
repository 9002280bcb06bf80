import { useMemo } from "react";
import { createWorkspaceStore, STEP_IDS, type StepId } from "../store/workspace-store";
import { WorkspaceStoreProvider, useWorkspace } from "../store/workspace-context";
import { GeneralStep } from "../features/general/general-step";
import { SecurityStep } from "../features/security/security-step";
import { DefinitionStep } from "../features/definition/definition-step";
import { CodeStep } from "../features/code/code-step";
import { TestStep } from "../features/try-it/try-it-step";
import { ReviewStep } from "../features/review/review-step";

const STEP_LABELS: Record<StepId, string> = {
  general: "General",
  security: "Security",
  definition: "Definition",
  code: "Code",
  test: "Test",
  review: "Review",
};

const STEP_COMPONENTS: Record<StepId, () => React.JSX.Element> = {
  general: GeneralStep,
  security: SecurityStep,
  definition: DefinitionStep,
  code: CodeStep,
  test: TestStep,
  review: ReviewStep,
};

function Steps() {
  const step = useWorkspace((s) => s.step);
  const setStep = useWorkspace((s) => s.setStep);
  const Current = STEP_COMPONENTS[step];
  return (
    <div>
      <div role="tablist" aria-label="Steps">
        {STEP_IDS.map((id) => (
          <button key={id} role="tab" aria-selected={id === step} onClick={() => setStep(id)}>
            {STEP_LABELS[id]}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        <Current />
      </div>
    </div>
  );
}

export function App() {
  const store = useMemo(() => createWorkspaceStore(), []);
  return (
    <WorkspaceStoreProvider store={store}>
      <main>
        <h1>Connector Studio</h1>
        <Steps />
      </main>
    </WorkspaceStoreProvider>
  );
}
