import { useRef, useState, type MouseEvent } from "react";
import { selectDocument } from "../../store/workspace-store";
import { useWorkspace } from "../../store/workspace-context";
import { BudgetSummary } from "./budget-summary";
import { CertificationChecklistView } from "./certification-checklist-view";
import { CertificationExportDialog } from "./certification-export-dialog";
import { CompareDialog } from "./compare-dialog";
import { ConnectionPropertiesView } from "./connection-properties-view";
import { ConnectorSummary } from "./connector-summary";
import { OperationsInspector } from "./operations-inspector";
import { ReviewNotesView } from "./review-notes-view";
import { ShareDialog } from "./share-dialog";
import { TargetsPanel } from "./targets-panel";
import "./review.css";

type Dialog = "compare" | "certification" | "share" | null;

/** The Review step: what reviewers look at before a connector is submitted. */
export function ReviewStep() {
  const doc = useWorkspace(selectDocument);
  const revision = useWorkspace((s) => s.revision);
  const diagnostics = useWorkspace((s) => s.diagnostics);
  const activeId = useWorkspace((s) => s.activeId);
  const [dialog, setDialog] = useState<Dialog>(null);
  // The dialog unmounts before the native <dialog> could hand focus back, so the opener takes it back here.
  const opener = useRef<HTMLButtonElement | null>(null);
  const openDialog = (which: Exclude<Dialog, null>) => (event: MouseEvent<HTMLButtonElement>) => {
    opener.current = event.currentTarget;
    setDialog(which);
  };
  const closeDialog = () => {
    setDialog(null);
    requestAnimationFrame(() => opener.current?.focus());
  };
  if (!doc || !activeId) return <p>Open or create a connector to review it.</p>;
  return (
    <div className="cs-review">
      <div className="cs-review-actions">
        <button type="button" className="cs-button" onClick={openDialog("compare")}>
          Compare with…
        </button>
        <button type="button" className="cs-button" onClick={openDialog("certification")}>
          Export for certification
        </button>
        <button type="button" className="cs-button" onClick={openDialog("share")}>
          Share
        </button>
      </div>
      <ConnectorSummary doc={doc} />
      <TargetsPanel doc={doc} />
      <ConnectionPropertiesView doc={doc} />
      <OperationsInspector doc={doc} diagnostics={diagnostics} />
      <CertificationChecklistView doc={doc} revision={revision} />
      <BudgetSummary doc={doc} revision={revision} />
      <ReviewNotesView doc={doc} />
      {dialog === "compare" ? <CompareDialog doc={doc} connectorId={activeId} onClose={closeDialog} /> : null}
      {dialog === "certification" ? <CertificationExportDialog doc={doc} onClose={closeDialog} /> : null}
      {dialog === "share" ? <ShareDialog doc={doc} onClose={closeDialog} /> : null}
    </div>
  );
}
