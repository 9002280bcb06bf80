import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ModalDialog } from "../../components/ui/modal-dialog";
import { downloadFile } from "../../lib/download";
import type { ConnectorDocument } from "../../model/connector-document";
import {
  buildCertificationPackage,
  certificationPackageZip,
  repositoryFolderName,
} from "../../review/certification-package";
import { buildCertificationChecklist, type ChecklistStatus } from "../../review/certification-checklist";
import { isSignedOff } from "../../review/review-notes";
import { useWorkspace } from "../../store/workspace-context";
import { definitionSizeMeter } from "../../validation/budget";
import { definitionTextReady, sharedValidationClient } from "../../validation/shared-validation-client";
import { useReview } from "./review-notes-view";
import { certificationSentence, decideVerdict, type Verdict } from "../../validation/verdict";

/** "Export for certification": the connectors-repository layout, README generated, publisher rules applied. */
export function CertificationExportDialog({ doc, onClose }: { doc: ConnectorDocument; onClose(): void }) {
  const [independentPublisher, setIndependentPublisher] = useState(false);
  const [includeIntro, setIncludeIntro] = useState(false);
  const [notes, setNotes] = useState<string[] | null>(null);
  const [refusal, setRefusal] = useState<Verdict | null>(null);
  const [checking, setChecking] = useState(false);
  const activeId = useWorkspace((s) => s.activeId);
  const revision = useWorkspace((s) => s.revision);
  const [review] = useReview();
  // What is about to be written, shown before writing: the size as the platform counts it and the checklist.
  const preflight = useQuery({
    queryKey: ["certification-export-preflight", activeId, revision],
    queryFn: async ({ signal }) => {
      await definitionTextReady(doc.definition, { signal });
      const client = sharedValidationClient();
      const [certification, plain, measured] = await Promise.all([
        client.validate(doc, { certification: true, channel: "export:certification", signal }),
        client.validate(doc, { channel: "export:plain", signal }),
        client.budget(doc, { channel: "export:budget", signal }),
      ]);
      if (!certification || !plain || !measured) throw new DOMException("Superseded", "AbortError");
      const items = buildCertificationChecklist(doc, certification.diagnostics, plain.diagnostics, {
        independentPublisher: false,
      });
      return { items, size: measured.budget.size };
    },
    staleTime: Infinity,
    retry: false,
  });
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
      <section aria-label="Before writing" className="cs-review-preflight">
        {preflight.data ? (
          <PreflightSummary
            size={preflight.data.size}
            items={preflight.data.items}
            signedOff={(id) => isSignedOff(review, id)}
          />
        ) : preflight.isError ? (
          <p className="cs-muted">
            The package could not be measured before writing: {String(preflight.error)}
          </p>
        ) : (
          <p aria-busy="true" className="cs-muted">
            Measuring the package and checking the checklist…
          </p>
        )}
      </section>
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
          </button>{" "}
          <button type="button" className="cs-button" onClick={() => setRefusal(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
      {notes ? (
        <div role="status" aria-label="Package notes">
          <ul>
            {notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
          <button type="button" className="cs-button" onClick={() => setNotes(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
    </ModalDialog>
  );
}

const STATUS_WORDS: Record<ChecklistStatus, string> = {
  failed: "failed",
  warnings: "with warnings",
  todo: "to do",
  passed: "passed",
};

/** The size and the checklist of what Export for certification writes, as the Review step shows them. */
function PreflightSummary({
  size,
  items,
  signedOff,
}: {
  size: Parameters<typeof definitionSizeMeter>[0];
  items: ReturnType<typeof buildCertificationChecklist>;
  signedOff(id: string): boolean;
}) {
  const meter = definitionSizeMeter(size);
  const count = (status: ChecklistStatus) => items.filter((i) => i.status === status).length;
  const failed = items.filter((i) => i.status === "failed");
  const signed = items.filter((i) => signedOff(i.id)).length;
  return (
    <>
      <p>Definition size: {meter.text}. The package writes it indented, as certification asks.</p>
      <p>
        Checklist:{" "}
        {(["failed", "warnings", "todo", "passed"] as const)
          .filter((s) => count(s) > 0)
          .map((s) => `${count(s)} ${STATUS_WORDS[s]}`)
          .join(", ")}
        ; {signed} of {items.length} signed off.
      </p>
      {failed.length > 0 ? (
        <ul>
          {failed.map((i) => (
            <li key={i.id}>
              Failed: {i.label} — {i.detail}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
