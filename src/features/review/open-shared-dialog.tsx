import { ModalDialog } from "../../components/ui/modal-dialog";
import { listOperations } from "../../model/swagger-types";
import type { SharedConnector } from "../../review/share-link";

function size(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Asks before a connector shared by link is opened: its title and size; Cancel leaves the workspace as it was. */
export function OpenSharedDialog({
  shared,
  onOpen,
  onCancel,
}: {
  shared: SharedConnector;
  onOpen(): void;
  onCancel(): void;
}) {
  const operations = listOperations(shared.document.definition).length;
  return (
    <ModalDialog
      title="Open shared connector?"
      onClose={onCancel}
      actions={
        <>
          <button type="button" className="cs-button cs-button-quiet" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="cs-button cs-button-primary" onClick={onOpen} autoFocus>
            Open
          </button>
        </>
      }
    >
      <p>
        This link carries the connector <strong>{shared.title}</strong> ({size(shared.bytes)}, {operations}{" "}
        operation{operations === 1 ? "" : "s"}).
      </p>
      <p>
        It opens as a new connector; your connectors stay as they are. Only open links from people you trust.
      </p>
    </ModalDialog>
  );
}
