import { useEffect, useRef, useState } from "react";
import { ModalDialog } from "../components/ui/modal-dialog";
import { downloadFile } from "../lib/download";
import type { ConnectorDocument } from "../model/connector-document";
import { selectDocument } from "../store/workspace-store";
import { useWorkspace } from "../store/workspace-context";
import { sharedValidationClient } from "../validation/shared-validation-client";
import { decideVerdict, exportSentence, type Verdict } from "../validation/verdict";
import type { LogicAppsFormat } from "../export/logic-apps/custom-api-template";
import "./logic-apps-export.css";

/** The accessible name of the Logic Apps export (fixed: makers, screen readers and e2e tests find it by it). */
export const LOGIC_APPS_EXPORT_NAME = "For Azure Logic Apps (ARM / Bicep)";

/** Loaded on first use: the template writers stay out of the first chunk. */
const loadLogicApps = () => import("../export/logic-apps/custom-api-template");

/**
 * "For Azure Logic Apps (ARM / Bicep)": the connector as a Microsoft.Web/customApis resource, as an ARM
 * template or a Bicep file. The same gate as Export (plain-mode errors refuse it, with Download anyway), the
 * same secret rule (client secrets become secure template parameters), and the list of what does not carry over.
 */
export function LogicAppsExportDialog({ doc, onClose }: { doc: ConnectorDocument; onClose(): void }) {
  const [format, setFormat] = useState<LogicAppsFormat>("arm");
  const [notes, setNotes] = useState<string[] | null>(null);
  const [written, setWritten] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Verdict | null>(null);
  const [checking, setChecking] = useState(false);

  useEffect(() => {
    let live = true;
    void loadLogicApps().then((m) => {
      if (live) setNotes(m.exportLogicApps(doc, format).notes);
    });
    return () => {
      live = false;
    };
  }, [doc, format]);

  const write = async () => {
    const { exportLogicApps } = await loadLogicApps();
    const exported = exportLogicApps(doc, format);
    downloadFile(exported.text, exported.fileName, exported.mediaType);
    setRefusal(null);
    setWritten(exported.fileName);
  };
  const download = async () => {
    setChecking(true);
    setWritten(null);
    setRefusal(null);
    let outcome;
    try {
      // The same gate as Export and `package --target logic-apps`: plain-mode errors refuse it.
      outcome = await sharedValidationClient().validate(doc);
    } finally {
      setChecking(false);
    }
    if (!outcome) return;
    const verdict = decideVerdict({ plain: outcome.diagnostics });
    if (!verdict.exportable) {
      setRefusal(verdict);
      return;
    }
    await write();
  };

  return (
    <ModalDialog
      title="For Azure Logic Apps"
      onClose={onClose}
      actions={
        <>
          <button
            type="button"
            className="cs-button cs-button-primary"
            disabled={checking}
            onClick={() => void download()}
          >
            Download template
          </button>
          <button type="button" className="cs-button" onClick={onClose}>
            Close
          </button>
        </>
      }
    >
      <p>
        A Logic Apps custom connector is an Azure resource (Microsoft.Web/customApis). Deploy the template to
        a resource group; the name and region are template parameters.
      </p>
      <fieldset>
        <legend>Template format</legend>
        <label className="cs-logic-apps-option">
          <input
            type="radio"
            name="logic-apps-format"
            checked={format === "arm"}
            onChange={() => setFormat("arm")}
          />
          ARM template (JSON)
        </label>
        <label className="cs-logic-apps-option">
          <input
            type="radio"
            name="logic-apps-format"
            checked={format === "bicep"}
            onChange={() => setFormat("bicep")}
          />
          Bicep
        </label>
      </fieldset>
      {notes && notes.length > 0 ? (
        <section aria-label="What the template leaves out">
          <h3 className="cs-logic-apps-notes">What the template leaves out</h3>
          <ul>
            {notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {checking ? <p aria-busy="true">Validating…</p> : null}
      {refusal ? (
        <div role="alert" aria-label="Logic Apps export refused">
          <p>{exportSentence(refusal)}</p>
          <ul>
            {refusal.exportErrors.slice(0, 20).map((d, i) => (
              <li key={i}>
                <code>{d.ruleId}</code> {d.message}
              </li>
            ))}
          </ul>
          <button type="button" className="cs-button" onClick={() => void write()}>
            Download anyway
          </button>
        </div>
      ) : null}
      {written ? <p role="status">Downloaded {written}.</p> : null}
    </ModalDialog>
  );
}

/**
 * The menu beside Export with the other formats of the open connector (for now the Logic Apps template).
 * A menu button: Enter/Space/click opens it with the first item focused, Escape or a click elsewhere closes it.
 */
export function MoreExportsMenu() {
  const doc = useWorkspace(selectDocument);
  const [open, setOpen] = useState(false);
  const [dialogOpen, setDialogOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  const close = () => {
    setDialogOpen(false);
    requestAnimationFrame(() => buttonRef.current?.focus());
  };

  return (
    <span className="cs-menu-anchor">
      <button
        ref={buttonRef}
        type="button"
        className="cs-button cs-button-primary cs-button-split"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label="More formats"
        title="More export formats"
        disabled={!doc}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">▾</span>
      </button>
      {open ? (
        <div
          ref={menuRef}
          role="menu"
          aria-label="Export formats"
          className="cs-menu"
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.preventDefault();
              setOpen(false);
              buttonRef.current?.focus();
            }
          }}
        >
          <button
            type="button"
            role="menuitem"
            className="cs-menu-item"
            onClick={() => {
              setOpen(false);
              setDialogOpen(true);
            }}
          >
            {LOGIC_APPS_EXPORT_NAME}
          </button>
        </div>
      ) : null}
      {dialogOpen && doc ? <LogicAppsExportDialog doc={doc} onClose={close} /> : null}
    </span>
  );
}
