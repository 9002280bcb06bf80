import { useMemo, useRef, useState } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useWorkspace, useWorkspaceStoreApi } from "../store/workspace-context";
import type { ImportReportEntry } from "../model/import-report";

type Kind = ImportReportEntry["kind"];

const KIND_LABELS: Record<Kind, string> = {
  approximated: "Approximated",
  dropped: "Dropped",
  "kept-as-extension": "Kept as extension",
  note: "Note",
  fixed: "Fixed",
};
const KINDS = Object.keys(KIND_LABELS) as Kind[];

/**
 * Above this many entries the list renders only the rows in view: Sabre's report has ~900 entries, and
 * laying all of them out took most of a second on the main thread right after the drop.
 */
const VIRTUALISE_ABOVE = 80;

/** What the last import did not carry over exactly, with links to where each item landed. */
export function ImportReportPanel() {
  const report = useWorkspace((s) => s.importReport);
  const store = useWorkspaceStoreApi();
  const [hidden, setHidden] = useState<ReadonlySet<Kind>>(() => new Set());
  const counts = useMemo(() => {
    const byKind = new Map<Kind, number>();
    for (const entry of report?.entries ?? []) byKind.set(entry.kind, (byKind.get(entry.kind) ?? 0) + 1);
    return byKind;
  }, [report]);
  const shown = useMemo(
    () => (report?.entries ?? []).filter((entry) => !hidden.has(entry.kind)),
    [report, hidden],
  );
  if (!report) return null;
  const reveal = (target: string) => store.getState().requestFocus("apiDefinition.swagger.json", target);
  const toggle = (kind: Kind) =>
    setHidden((previous) => {
      const next = new Set(previous);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });
  const kindsPresent = KINDS.filter((kind) => counts.has(kind));
  return (
    <section className="cs-report" aria-label="Import report">
      <div className="cs-report-head">
        <h2 className="cs-report-title">Import report</h2>
        <p className="cs-muted cs-small">{report.title}</p>
        <button
          type="button"
          className="cs-button cs-button-small cs-button-quiet"
          onClick={() => store.getState().setImportReport(null)}
        >
          Close report
        </button>
      </div>
      {kindsPresent.length > 1 ? (
        <div className="cs-report-filters" role="group" aria-label="Show entries">
          {kindsPresent.map((kind) => (
            <button
              key={kind}
              type="button"
              className="cs-button cs-button-small cs-button-quiet"
              aria-pressed={!hidden.has(kind)}
              onClick={() => toggle(kind)}
            >
              {KIND_LABELS[kind]} ({counts.get(kind)})
            </button>
          ))}
        </div>
      ) : null}
      <ReportEntries entries={shown} onReveal={reveal} />
    </section>
  );
}

function ReportEntry({ entry, onReveal }: { entry: ImportReportEntry; onReveal(target: string): void }) {
  return (
    <>
      <span className="cs-tag">{KIND_LABELS[entry.kind]}</span>
      <span className="cs-report-source">{entry.source}</span>
      {entry.target ? (
        <button type="button" className="cs-link" onClick={() => onReveal(entry.target ?? "")}>
          {entry.target}
        </button>
      ) : null}
      <span className="cs-report-message">{entry.message}</span>
    </>
  );
}

function ReportEntries({
  entries,
  onReveal,
}: {
  entries: readonly ImportReportEntry[];
  onReveal(target: string): void;
}) {
  const scrollRef = useRef<HTMLUListElement>(null);
  const virtual = entries.length > VIRTUALISE_ABOVE;
  const virtualizer = useVirtualizer({
    count: virtual ? entries.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 58,
    overscan: 8,
  });
  if (!virtual) {
    return (
      <ul className="cs-report-list" aria-label="Report entries">
        {entries.map((entry, index) => (
          <li key={index} className={`cs-report-entry cs-report-${entry.kind}`}>
            <ReportEntry entry={entry} onReveal={onReveal} />
          </li>
        ))}
      </ul>
    );
  }
  const items = virtualizer.getVirtualItems();
  // Spacers above and below keep the list a real list (li children only) for assistive technology.
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  return (
    <ul className="cs-report-list" aria-label="Report entries" ref={scrollRef}>
      <li aria-hidden="true" className="cs-report-spacer" style={{ height: before }} />
      {items.map((item) => {
        const entry = entries[item.index];
        if (!entry) return null;
        return (
          <li
            key={item.key}
            data-index={item.index}
            ref={virtualizer.measureElement}
            className={`cs-report-entry cs-report-${entry.kind}`}
            aria-setsize={entries.length}
            aria-posinset={item.index + 1}
          >
            <ReportEntry entry={entry} onReveal={onReveal} />
          </li>
        );
      })}
      <li aria-hidden="true" className="cs-report-spacer" style={{ height: Math.max(0, after) }} />
    </ul>
  );
}
