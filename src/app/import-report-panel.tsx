import { useEffect, useMemo, useRef, useState } from "react";
import { useWorkspace, useWorkspaceStoreApi } from "../store/workspace-context";
import { selectDocument, type WorkspaceState } from "../store/workspace-store";
import type { ImportReportEntry } from "../model/import-report";
import { describeTarget, groupReport, type ReportCluster } from "../model/import-report-summary";
import type { SwaggerDocument } from "../model/swagger-types";

type Kind = ImportReportEntry["kind"];
type Report = NonNullable<WorkspaceState["importReport"]>;

const KIND_LABELS: Record<Kind, string> = {
  approximated: "Approximated",
  dropped: "Dropped",
  "kept-as-extension": "Kept as extension",
  note: "Note",
  fixed: "Fixed",
};
const KINDS = Object.keys(KIND_LABELS) as Kind[];

/** An expanded line lists this many of its entries at first (Sabre folds ~900 entries into a few lines). */
const FIRST_ENTRIES = 50;
/** Operation names shown on a folded line before "and N more". */
const NAMED_OPERATIONS = 4;

const EMPTY_DEFINITION: SwaggerDocument = {};

/** A number per report object: the view remounts for each import, so its filters and scroll start afresh. */
const reportIds = new WeakMap<object, number>();
let nextReportId = 1;
function reportId(report: object): number {
  let id = reportIds.get(report);
  if (id === undefined) reportIds.set(report, (id = nextReportId++));
  return id;
}

/**
 * What the last import did not carry over exactly, summary first: a headline, then the entries grouped by
 * kind, near-identical ones folded into one expandable line, each naming the operations it touched (links to
 * where the items landed). Each import gets a fresh view (filters and scroll reset) scrolled into view.
 */
export function ImportReportPanel() {
  const report = useWorkspace((s) => s.importReport);
  if (!report) return null;
  return <ReportView key={reportId(report)} report={report} />;
}

function ReportView({ report }: { report: Report }) {
  const store = useWorkspaceStoreApi();
  const definition = useWorkspace((s) => selectDocument(s)?.definition ?? EMPTY_DEFINITION);
  const [hidden, setHidden] = useState<ReadonlySet<Kind>>(() => new Set());
  const sectionRef = useRef<HTMLElement>(null);
  useEffect(() => {
    sectionRef.current?.scrollIntoView({ block: "nearest" });
  }, []);
  const groups = useMemo(() => groupReport(report.entries, definition), [report, definition]);
  const reveal = (target: string) => store.getState().requestFocus("apiDefinition.swagger.json", target);
  const toggle = (kind: Kind) =>
    setHidden((previous) => {
      const next = new Set(previous);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });
  const kindsPresent = KINDS.filter((kind) => groups.some((g) => g.kind === kind));
  const shown = groups.filter((g) => !hidden.has(g.kind));
  return (
    <section className="cs-report" aria-label="Import report" ref={sectionRef}>
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
      {report.headline ? <p className="cs-report-headline">{report.headline}</p> : null}
      {kindsPresent.length > 1 ? (
        <div className="cs-report-filters" role="group" aria-label="Show entries">
          {groups.map((g) => (
            <button
              key={g.kind}
              type="button"
              className="cs-button cs-button-small cs-button-quiet"
              aria-pressed={!hidden.has(g.kind)}
              onClick={() => toggle(g.kind)}
            >
              {KIND_LABELS[g.kind]} ({g.count})
            </button>
          ))}
        </div>
      ) : null}
      <ul className="cs-report-list" aria-label="Report entries">
        {shown.flatMap((g) =>
          g.clusters.map((cluster) => (
            <li key={cluster.key} className={`cs-report-entry cs-report-${cluster.kind}`}>
              <ClusterLine cluster={cluster} definition={definition} onReveal={reveal} />
            </li>
          )),
        )}
      </ul>
    </section>
  );
}

function TargetLink({
  target,
  definition,
  onReveal,
}: {
  target: string | undefined;
  definition: SwaggerDocument;
  onReveal(target: string): void;
}) {
  if (target === undefined) return null;
  return (
    <button type="button" className="cs-link" title={target} onClick={() => onReveal(target)}>
      {describeTarget(definition, target)}
    </button>
  );
}

function ClusterLine({
  cluster,
  definition,
  onReveal,
}: {
  cluster: ReportCluster;
  definition: SwaggerDocument;
  onReveal(target: string): void;
}) {
  const [showAll, setShowAll] = useState(false);
  const first = cluster.entries[0];
  if (!first) return null;
  if (cluster.entries.length === 1) {
    return (
      <>
        <span className="cs-tag">{KIND_LABELS[cluster.kind]}</span>
        <span className="cs-report-source">{first.source}</span>
        <TargetLink target={first.target} definition={definition} onReveal={onReveal} />
        <span className="cs-report-message">{first.message}</span>
      </>
    );
  }
  const ops = cluster.operations;
  const named = ops.slice(0, NAMED_OPERATIONS).join(", ");
  const more = ops.length - NAMED_OPERATIONS;
  const listed = showAll ? cluster.entries : cluster.entries.slice(0, FIRST_ENTRIES);
  return (
    <details className="cs-report-cluster">
      <summary>
        <span className="cs-tag">{KIND_LABELS[cluster.kind]}</span>{" "}
        <span className="cs-report-count">{cluster.entries.length}×</span>{" "}
        <span className="cs-report-message">{first.message}</span>
        {ops.length > 0 ? (
          <span className="cs-muted cs-small">
            {" "}
            In {named}
            {more > 0 ? ` and ${more} more operation${more === 1 ? "" : "s"}` : ""}.
          </span>
        ) : null}
      </summary>
      <ul className="cs-report-cluster-entries" aria-label={`${cluster.entries.length} like it`}>
        {listed.map((entry, i) => (
          <li key={i}>
            <span className="cs-report-source">{entry.source}</span>{" "}
            <TargetLink target={entry.target} definition={definition} onReveal={onReveal} />{" "}
            <span className="cs-report-message">{entry.message}</span>
          </li>
        ))}
      </ul>
      {!showAll && cluster.entries.length > FIRST_ENTRIES ? (
        <button type="button" className="cs-button cs-button-small" onClick={() => setShowAll(true)}>
          Show all {cluster.entries.length}
        </button>
      ) : null}
    </details>
  );
}
