import { useEffect, useMemo, useState } from "react";
import { ModalDialog } from "../../components/ui/modal-dialog";
import { readPickedFiles, downloadFile } from "../../lib/download";
import { connectorTitle, type ConnectorDocument } from "../../model/connector-document";
import { getAtPointer } from "../../model/json-pointer";
import { diffConnectors, type ConnectorChange } from "../../review/diff-connectors";
import { diffToMarkdown } from "../../review/diff-markdown";
import { listExportSnapshots, type ExportSnapshot } from "../../app/persistence/export-snapshots";

function preview(value: unknown): string {
  if (value === undefined) return "—";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

function ChangeRow({
  change,
  before,
  after,
}: {
  change: ConnectorChange;
  before: ConnectorDocument;
  after: ConnectorDocument;
}) {
  const file = (doc: ConnectorDocument) =>
    change.file === "apiProperties.json" ? doc.properties : doc.definition;
  return (
    <tr className={change.breaking ? "cs-review-breaking" : undefined}>
      <td>{change.breaking ? <strong>Breaking</strong> : "—"}</td>
      <td>{change.operationId ?? "—"}</td>
      <td>{change.message}</td>
      <td>
        <code>{preview(change.kind === "added" ? undefined : getAtPointer(file(before), change.path))}</code>
      </td>
      <td>
        <code>{preview(change.kind === "removed" ? undefined : getAtPointer(file(after), change.path))}</code>
      </td>
    </tr>
  );
}

/**
 * "Compare with…": pick another version (a file, or a snapshot taken at an export) and see the semantic diff
 * side by side, breaking changes first; export it as Markdown for a pull request.
 */
export function CompareDialog({
  doc,
  connectorId,
  onClose,
}: {
  doc: ConnectorDocument;
  connectorId: string;
  onClose(): void;
}) {
  const [other, setOther] = useState<{ label: string; doc: ConnectorDocument } | null>(null);
  const [snapshots, setSnapshots] = useState<ExportSnapshot[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    listExportSnapshots(connectorId).then(setSnapshots, () => setSnapshots([]));
  }, [connectorId]);
  const changes = useMemo(() => (other ? diffConnectors(other.doc, doc) : []), [other, doc]);
  const ordered = useMemo(
    () => [...changes.filter((c) => c.breaking), ...changes.filter((c) => !c.breaking)],
    [changes],
  );
  const breaking = changes.filter((c) => c.breaking).length;

  const pickFiles = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setProblem(null);
    const { importFiles } = await import("../../importers/import-files");
    const outcome = importFiles(await readPickedFiles(files), { swaggerAsIs: true });
    if (!outcome.ok) {
      setProblem(
        outcome.problems
          .map((p) => `${p.file}${p.line ? `:${p.line}:${p.column ?? 1}` : ""}: ${p.message}`)
          .join("\n"),
      );
      return;
    }
    setOther({ label: Array.from(files, (f) => f.name).join(", "), doc: outcome.document });
  };

  const exportMarkdown = () => {
    if (!other) return;
    const markdown = diffToMarkdown(changes, { old: other.label, new: connectorTitle(doc) });
    downloadFile(markdown, `${connectorTitle(doc)} changes.md`, "text/markdown");
  };

  return (
    <ModalDialog
      title="Compare with…"
      onClose={onClose}
      className="cs-review-compare"
      actions={
        <>
          <button type="button" className="cs-button" disabled={!other} onClick={exportMarkdown}>
            Export as Markdown
          </button>
          <button type="button" className="cs-button cs-button-primary" onClick={onClose}>
            Close
          </button>
        </>
      }
    >
      <div className="cs-review-compare__pick">
        <label>
          Older version (file, folder files or .zip)
          <input
            type="file"
            multiple
            accept=".json,.yaml,.yml,.zip"
            onChange={(e) => void pickFiles(e.target.files)}
          />
        </label>
        {snapshots.length > 0 ? (
          <label>
            Or a snapshot taken at an export
            <select
              defaultValue=""
              onChange={(e) => {
                const snap = snapshots.find((s) => String(s.id) === e.target.value);
                if (snap)
                  setOther({
                    label: `export of ${new Date(snap.takenAt).toLocaleString()}`,
                    doc: snap.document,
                  });
              }}
            >
              <option value="" disabled>
                Choose a snapshot
              </option>
              {snapshots.map((s) => (
                <option key={s.id} value={String(s.id)}>
                  {s.title} — {new Date(s.takenAt).toLocaleString()}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <p className="cs-muted">No export snapshots yet: each Export keeps one.</p>
        )}
      </div>
      {problem ? (
        <p role="alert" className="cs-review-problem">
          {problem}
        </p>
      ) : null}
      {other ? (
        <div role="region" aria-label="Changes">
          <p>
            Comparing {other.label} → current: {changes.length} change(s),{" "}
            <strong>{breaking} breaking</strong>.
          </p>
          <table className="cs-review-table">
            <thead>
              <tr>
                <th scope="col">Breaks flows</th>
                <th scope="col">Operation</th>
                <th scope="col">Change</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
              </tr>
            </thead>
            <tbody>
              {ordered.map((c, i) => (
                <ChangeRow key={i} change={c} before={other.doc} after={doc} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </ModalDialog>
  );
}
