import { useState } from "react";
import { ModalDialog } from "../../components/ui/modal-dialog";
import { downloadFile } from "../../lib/download";
import type { ConnectorDocument } from "../../model/connector-document";
import {
  buildCertificationPackage,
  certificationPackageZip,
  repositoryFolderName,
} from "../../review/certification-package";

/** "Export for certification": the connectors-repository layout, README generated, publisher rules applied. */
export function CertificationExportDialog({ doc, onClose }: { doc: ConnectorDocument; onClose(): void }) {
  const [independentPublisher, setIndependentPublisher] = useState(false);
  const [includeIntro, setIncludeIntro] = useState(false);
  const [notes, setNotes] = useState<string[] | null>(null);
  const download = () => {
    const pkg = buildCertificationPackage(doc, { independentPublisher, includeIntro });
    downloadFile(
      certificationPackageZip(pkg),
      `${repositoryFolderName(doc)} certification.zip`,
      "application/zip",
    );
    setNotes([`Wrote ${pkg.files.length} files under ${pkg.folder}/.`, ...pkg.notes]);
  };
  return (
    <ModalDialog
      title="Export for certification"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="cs-button cs-button-primary" onClick={download}>
            Download package
          </button>
          <button type="button" className="cs-button" onClick={onClose}>
            Close
          </button>
        </>
      }
    >
      <fieldset>
        <legend>Publisher</legend>
        <label className="cs-review-inline">
          <input
            type="radio"
            name="publisher"
            checked={!independentPublisher}
            onChange={() => setIndependentPublisher(false)}
          />
          Verified publisher (certified-connectors)
        </label>
        <label className="cs-review-inline">
          <input
            type="radio"
            name="publisher"
            checked={independentPublisher}
            onChange={() => setIndependentPublisher(true)}
          />
          Independent publisher (independent-publisher-connectors)
        </label>
      </fieldset>
      <label className="cs-review-inline">
        <input type="checkbox" checked={includeIntro} onChange={(e) => setIncludeIntro(e.target.checked)} />
        Include intro.md
      </label>
      {notes ? (
        <ul role="status" aria-label="Package notes">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </ModalDialog>
  );
}
