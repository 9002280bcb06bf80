import { useMemo, useState } from "react";
import { ModalDialog } from "../../components/ui/modal-dialog";
import type { ConnectorDocument } from "../../model/connector-document";
import { encodeShareFragment } from "../../review/share-link";

/** "Share": a link that carries a small connector in its fragment (never sent to a server). */
export function ShareDialog({ doc, onClose }: { doc: ConnectorDocument; onClose(): void }) {
  const fragment = useMemo(() => encodeShareFragment(doc), [doc]);
  const [copied, setCopied] = useState(false);
  const link = fragment ? `${location.origin}${location.pathname}#${fragment}` : null;
  return (
    <ModalDialog
      title="Share"
      onClose={onClose}
      actions={
        <button type="button" className="cs-button cs-button-primary" onClick={onClose}>
          Close
        </button>
      }
    >
      {link ? (
        <>
          <p>
            Anyone who opens this link gets a copy of the connector as a new connector. It travels in the part
            of the link after “#”, which browsers never send to a server. Secrets and the icon are left out.
          </p>
          <label className="cs-review-share">
            Share link
            <input type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <button
            type="button"
            className="cs-button"
            onClick={() =>
              void navigator.clipboard.writeText(link).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            Copy link
          </button>
          {copied ? <span role="status"> Copied.</span> : null}
        </>
      ) : (
        <p role="status">This connector is too large for a link. Share the package file instead (Export).</p>
      )}
    </ModalDialog>
  );
}
