import { ModalDialog } from "../components/ui/modal-dialog";
import type { Diagnostic } from "../model/diagnostic";
import { useWorkspaceStoreApi } from "../store/workspace-context";

/** Errors that keeping fewer operations fixes: the refusal then offers Choose operations. */
export const BUDGET_RULES: ReadonlySet<string> = new Set([
  "TotalOperationsCountExceedsMaxAllowed",
  "DefinitionSizeExceedsMaxAllowed",
]);

/**
 * Why an export was refused: every error, each a link to its place in the document. `validatedOnPage` is the
 * reason the validation worker could not run when the gate validated on the page instead.
 */
export function ExportErrorsDialog({
  errors,
  onClose,
  validatedOnPage = null,
  onChooseOperations,
}: {
  errors: Diagnostic[];
  onClose(): void;
  validatedOnPage?: string | null;
  /** Opens Choose operations for the connector; offered when an error is over a budget limit. */
  onChooseOperations?(): void;
}) {
  const store = useWorkspaceStoreApi();
  const overBudget = onChooseOperations !== undefined && errors.some((d) => BUDGET_RULES.has(d.ruleId));
  return (
    <ModalDialog
      title="Export blocked"
      role="alertdialog"
      onClose={onClose}
      actions={
        <>
          {overBudget ? (
            <button type="button" className="cs-button" onClick={onChooseOperations}>
              Choose operations to keep
            </button>
          ) : null}
          <button type="button" className="cs-button cs-button-primary" onClick={onClose}>
            Close
          </button>
        </>
      }
    >
      <p>
        The connector has {errors.length} {errors.length === 1 ? "error" : "errors"} that Power Platform would
        reject. Fix {errors.length === 1 ? "it" : "them"} and export again. Warnings never block an export.
      </p>
      {validatedOnPage ? (
        <p className="cs-muted cs-small">
          The validation worker could not run ({validatedOnPage}); the connector was validated on the page
          instead.
        </p>
      ) : null}
      <ul className="cs-error-list">
        {errors.map((d, i) => (
          <li key={i}>
            <button
              type="button"
              className="cs-link"
              onClick={() => {
                store.getState().requestFocus(d.file, d.path);
                onClose();
              }}
            >
              {d.file}
              {d.path ? ` ${d.path}` : ""}
            </button>
            : {d.message} <span className="cs-muted cs-small">({d.ruleId})</span>
          </li>
        ))}
      </ul>
    </ModalDialog>
  );
}
