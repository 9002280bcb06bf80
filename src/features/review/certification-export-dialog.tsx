import { useState } from "react";
import { ModalDialog } from "../../components/ui/modal-dialog";
import { downloadFile } from "../../lib/download";
import type { ConnectorDocument } from "../../model/connector-document";
import {
  buildCertificationPackage,
  certificationPackageZip,
  repositoryFolderName,
} from "../../review/certification-package";
import { sharedValidationClient } from "../../validation/shared-validation-client";
import { certificationSentence, decideVerdict, type Verdict } from "../../validation/verdict";

/** "Export for certification": the connectors-repository layout, README generated, publisher rules applied. */
export function CertificationExportDialog({ doc, onClose }: { doc: ConnectorDocument; onClose(): void }) {
  const [independentPublisher, setIndependentPublisher] = useState(false);
  const [includeIntro, setIncludeIntro] = useState(false);
  const [notes, setNotes] = useState<string[] | null>(null);
  const [refusal, setRefusal] = useState<Verdict | null>(null);
  const [checking, setChecking] = useState(false);
  const write = () => {
    const pkg = buildCertificationPackage(doc, { independentPublisher, includeIntro });
    downloadFile(
      certificationPackageZip(pkg),
      `${repositoryFolderName(doc)} certification.zip`,
      "application/zip",
    );
    setRefusal(null);
    setNotes([`Wrote ${pkg.files.length} files under ${pkg.folder}/.`, ...pkg.notes]);
  };
  const download = async () => {
    setChecking(true);
    setNotes(null);
    setRefusal(null);
    let outcome;
    try {
      // The same gate as `connector-studio package`: certification-mode errors refuse the package.
      outcome = await sharedValidationClient().validate(doc, { certification: true });
    } finally {
      setChecking(false);
    }
    if (!outcome) return;
    const verdict = decideVerdict({ plain: [], certification: outcome.diagnostics });
    if (!verdict.certifiable) {
      setRefusal(verdict);
      return;
    }
    write();
  };
  return (
    <ModalDialog
      title="Export for certification"
      onClose={onClose}
      actions={
        <>
          <button
            type="button"
            className="cs-button cs-button-primary"
            disabled={checking}
            onClick={() => void download()}
          >
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
      {checking ? <p aria-busy="true">Checking with the certification rules…</p> : null}
      {refusal ? (
        <div role="alert" aria-label="Export for certification refused">
          <p>{certificationSentence(refusal)}</p>
          <ul>
            {(refusal.certificationErrors ?? []).slice(0, 20).map((d, i) => (
              <li key={i}>
                <code>{d.ruleId}</code> {d.message}
              </li>
            ))}
          </ul>
          <p className="cs-muted">
            Turn on Certification mode in the Validation panel to see and fix them all. A package with these
            errors will be sent back by the certification review.
          </p>
          <button type="button" className="cs-button" onClick={write}>
            Download anyway
          </button>
        </div>
      ) : null}
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
