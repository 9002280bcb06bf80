import { useVirtualizer } from "@tanstack/react-virtual";
import { useMemo, useRef, useState } from "react";
import type { Diagnostic } from "../../model/diagnostic";
import { selectDocument, type StepId } from "../../store/workspace-store";
import { useWorkspace, useWorkspaceStoreApi } from "../../store/workspace-context";
import { groupDiagnostics, stepForDiagnostic } from "../../validation/diagnostic-location";
import { fixAllCommand, summariseFixes } from "../../validation/fix-all";
import { fixLocation } from "../../validation/fix-location";
import { quickFixFor } from "../../validation/quick-fixes";
import { useStoredFlag } from "../../lib/stored-preference";
import { certificationSentence, decideVerdict, verdictText } from "../../validation/verdict";
import { useValidation } from "./use-validation";
import "./validation.css";

const SEVERITY_LABEL: Record<Diagnostic["severity"], string> = {
  error: "Error",
  warning: "Warning",
  info: "Note",
};

/** Above this many rows the list is virtualised (a 1 MB connector can have thousands of notes). */
const VIRTUALISE_ABOVE = 150;

/** Whether the panel is open (or a one-line status bar), remembered in this browser. */
const OPEN_KEY = "connector-studio.validation-open";

type Row =
  | { kind: "group"; key: string; label: string; count: number }
  | { kind: "item"; key: string; diagnostic: Diagnostic };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/**
 * The Validation region: runs validation in a worker on every revision (debounced), lists the results
 * grouped by operation, jumps to the place on click (the step's field and the Swagger editor range), and
 * offers quick fixes as undoable commands.
 */
export function ValidationPanel() {
  const store = useWorkspaceStoreApi();
  const [certification, setCertification] = useState(false);
  const [showNotes, setShowNotes] = useState(false);
  const [open, setOpen] = useStoredFlag(OPEN_KEY, true);
  const status = useValidation(certification);
  const doc = useWorkspace(selectDocument);
  const diagnostics = useWorkspace((s) => s.diagnostics);
  const upToDate = useWorkspace((s) => s.diagnosticsRevision === s.revision);
  const diagnosticsRevision = useWorkspace((s) => s.diagnosticsRevision);

  const counts = useMemo(() => {
    const c = { error: 0, warning: 0, info: 0 };
    for (const d of diagnostics) c[d.severity]++;
    return c;
  }, [diagnostics]);

  const shown = useMemo(
    () => (showNotes ? diagnostics : diagnostics.filter((d) => d.severity !== "info")),
    [diagnostics, showNotes],
  );
  const fixes = useMemo(() => (doc ? summariseFixes(shown, doc) : null), [doc, shown]);
  const rows = useMemo<Row[]>(() => {
    if (!doc) return [];
    const out: Row[] = [];
    for (const group of groupDiagnostics(doc.definition, shown)) {
      out.push({ kind: "group", key: `g:${group.key}`, label: group.label, count: group.diagnostics.length });
      group.diagnostics.forEach((d, i) =>
        out.push({ kind: "item", key: `${group.key}:${i}:${d.ruleId}:${d.path}`, diagnostic: d }),
      );
    }
    return out;
  }, [doc, shown]);

  const reveal = (d: Diagnostic) => {
    const state = store.getState();
    const step = stepForDiagnostic(d) as StepId;
    const switching = state.step !== step;
    state.setStep(step);
    // The step focuses the field that fixes the problem (a missing summary is reported on the operation).
    const current = selectDocument(state);
    const field = current ? fixLocation(d, current) : d.path;
    state.requestFocus(d.file, d.path, field);
    // A step opened for the first time loads lazily; ask again once it has mounted so it can focus the field.
    if (switching) window.setTimeout(() => store.getState().requestFocus(d.file, d.path, field), 400);
  };

  const applyFix = (d: Diagnostic) => {
    const current = selectDocument(store.getState());
    if (!current) return;
    const fix = quickFixFor(d, current);
    if (fix) store.getState().dispatch(fix.command, { source: "quick-fix" });
  };

  // Fix all (every safe fix) or Fix all N of one rule: one command, so one undo step.
  const applyAll = (ruleId?: string) =>
    store
      .getState()
      .dispatch(fixAllCommand(shown, ruleId === undefined ? {} : { ruleId }), { source: "quick-fix" });
  // One verdict (src/validation/verdict.ts): plain-mode errors refuse Export, certification-mode errors
  // refuse Export for certification; the export gates decide with the same function.
  const plainKnown =
    !certification || (status.plain !== null && status.plain.revision === diagnosticsRevision);
  const verdict = decideVerdict({
    plain: certification ? (status.plain?.diagnostics ?? []) : diagnostics,
    certification: certification ? diagnostics : null,
  });
  const verdictLine = plainKnown ? verdictText(verdict) : certificationSentence(verdict);

  const summary =
    counts.error + counts.warning + counts.info === 0
      ? "No problems found."
      : `${plural(counts.error, "error")}, ${plural(counts.warning, "warning")}, ${plural(counts.info, "note")}.`;

  return (
    <section className={`cs-validation${open ? "" : " cs-validation-collapsed"}`} aria-label="Validation">
      <header className="cs-validation-head">
        <h2 className="cs-validation-title">
          <button
            type="button"
            className="cs-validation-toggle"
            aria-expanded={open}
            aria-controls="cs-validation-body"
            onClick={() => setOpen(!open)}
          >
            <span className="cs-validation-chevron" aria-hidden="true" />
            Validation
          </button>
        </h2>
        <p className="cs-small" aria-live="polite" aria-busy={!upToDate || status.running}>
          {summary} {verdictLine}
          {!upToDate ? <span className="cs-muted"> Checking…</span> : null}
        </p>
        <div className="cs-validation-options" hidden={!open}>
          <label className="cs-small">
            <input
              type="checkbox"
              checked={certification}
              onChange={(e) => setCertification(e.target.checked)}
            />{" "}
            Certification mode
          </label>
          <label className="cs-small">
            <input type="checkbox" checked={showNotes} onChange={(e) => setShowNotes(e.target.checked)} />{" "}
            Show notes
          </label>
        </div>
        {status.failure ? (
          <p className="cs-small cs-muted">
            The validation worker could not run ({status.failure}); validated on the page instead.
          </p>
        ) : null}
      </header>
      <div id="cs-validation-body" className="cs-validation-body" hidden={!open}>
        {open && fixes && fixes.rules.length > 0 ? (
          <div className="cs-validation-fixes" role="group" aria-label="Quick fixes">
            <button
              type="button"
              className="cs-button cs-button-small"
              disabled={fixes.safeCount === 0}
              title="Apply every safe quick fix of the listed problems as one undo step (renaming operation IDs is left to you)"
              onClick={() => applyAll()}
            >
              Fix all
            </button>
            <span className="cs-small cs-muted">
              {fixes.safeCount} safe {fixes.safeCount === 1 ? "fix" : "fixes"}
            </span>
            {fixes.rules
              .filter((rule) => rule.count > 1)
              .map((rule) => (
                <span key={rule.ruleId} className="cs-validation-fix-rule">
                  <span className="cs-validation-rule">{rule.ruleId}</span>{" "}
                  <button
                    type="button"
                    className="cs-button cs-button-small"
                    aria-label={`Fix all ${rule.count}: ${rule.ruleId}`}
                    onClick={() => applyAll(rule.ruleId)}
                  >
                    Fix all {rule.count}
                  </button>
                </span>
              ))}
          </div>
        ) : null}
        {open && rows.length > 0 && doc ? (
          <DiagnosticRows
            rows={rows}
            onReveal={reveal}
            onFix={applyFix}
            hasFix={(d) => quickFixFor(d, doc) !== null}
          />
        ) : null}
      </div>
    </section>
  );
}

interface RowsProps {
  rows: Row[];
  onReveal(d: Diagnostic): void;
  onFix(d: Diagnostic): void;
  hasFix(d: Diagnostic): boolean;
}

function DiagnosticRows({ rows, onReveal, onFix, hasFix }: RowsProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = rows.length > VIRTUALISE_ABOVE;
  const virtualizer = useVirtualizer({
    count: virtual ? rows.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i]?.kind === "group" ? 30 : 56),
    overscan: 12,
  });

  const renderRow = (row: Row) =>
    row.kind === "group" ? (
      <div className="cs-validation-group">
        <span className="cs-validation-group-label">{row.label}</span>{" "}
        <span className="cs-tag">{row.count}</span>
      </div>
    ) : (
      <div className={`cs-validation-item cs-validation-${row.diagnostic.severity}`}>
        <button type="button" className="cs-validation-open" onClick={() => onReveal(row.diagnostic)}>
          <span className="cs-validation-severity">{SEVERITY_LABEL[row.diagnostic.severity]}</span>{" "}
          <span className="cs-validation-rule">{row.diagnostic.ruleId}</span>{" "}
          <span className="cs-validation-message">{row.diagnostic.message}</span>
        </button>
        {hasFix(row.diagnostic) ? (
          <button
            type="button"
            className="cs-button cs-button-small"
            aria-label={`Fix: ${row.diagnostic.ruleId}`}
            title="Apply the quick fix (undo with Ctrl+Z)"
            onClick={() => onFix(row.diagnostic)}
          >
            Fix
          </button>
        ) : null}
      </div>
    );

  if (!virtual) {
    return (
      <div className="cs-validation-list" role="list" aria-label="Problems">
        {rows.map((row) => (
          <div key={row.key} role="listitem">
            {renderRow(row)}
          </div>
        ))}
      </div>
    );
  }
  return (
    <div
      className="cs-validation-list cs-validation-scroll"
      ref={scrollRef}
      role="list"
      aria-label="Problems"
    >
      <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <div
              key={row.key}
              role="listitem"
              data-index={item.index}
              ref={virtualizer.measureElement}
              style={{
                position: "absolute",
                top: 0,
                left: 0,
                right: 0,
                transform: `translateY(${item.start}px)`,
              }}
            >
              {renderRow(row)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
