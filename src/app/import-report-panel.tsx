import { useWorkspace, useWorkspaceStoreApi } from "../store/workspace-context";
import type { ImportReportEntry } from "../model/import-report";

const KIND_LABELS: Record<ImportReportEntry["kind"], string> = {
  approximated: "Approximated",
  dropped: "Dropped",
  "kept-as-extension": "Kept as extension",
  note: "Note",
};

/** What the last import did not carry over exactly, with links to where each item landed. */
export function ImportReportPanel() {
  const report = useWorkspace((s) => s.importReport);
  const store = useWorkspaceStoreApi();
  if (!report) return null;
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
      <ul className="cs-report-list">
        {report.entries.map((entry, index) => (
          <li key={index} className={`cs-report-entry cs-report-${entry.kind}`}>
            <span className="cs-tag">{KIND_LABELS[entry.kind]}</span>
            <span className="cs-report-source">{entry.source}</span>
            {entry.target ? (
              <button
                type="button"
                className="cs-link"
                onClick={() =>
                  store.getState().requestFocus("apiDefinition.swagger.json", entry.target ?? "")
                }
              >
                {entry.target}
              </button>
            ) : null}
            <span className="cs-report-message">{entry.message}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
