import { ModalDialog } from "../components/ui/modal-dialog";
import type { Diagnostic } from "../model/diagnostic";
import { useWorkspaceStoreApi } from "../store/workspace-context";

/**
 * Why an export was refused: every error, each a link to its place in the document. `validatedOnPage` is the
 * reason the validation worker could not run when the gate validated on the page instead.
 */
export function ExportErrorsDialog({
  errors,
  onClose,
  validatedOnPage = null,
}: {
  errors: Diagnostic[];
  onClose(): void;
  validatedOnPage?: string | null;
}) {
  const store = useWorkspaceStoreApi();
  return (
    <ModalDialog
      title="Export blocked"
      role="alertdialog"
      onClose={onClose}
      actions={
        <button type="button" className="cs-button cs-button-primary" onClick={onClose}>
          Close
        </button>
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
