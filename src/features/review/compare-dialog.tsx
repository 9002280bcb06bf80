import { useEffect, useMemo, useState } from "react";
// Light: Monaco itself loads when the first comparison is shown, not with the Review step.
import DiffEditor, { type DiffEditorProps, type DiffReveal } from "../../code-pane/diff-editor";
import { ModalDialog } from "../../components/ui/modal-dialog";
import { readPickedFiles, downloadFile } from "../../lib/download";
import { connectorTitle, type ConnectorDocument } from "../../model/connector-document";
import { diffConnectors, type ConnectorChange } from "../../review/diff-connectors";
import { diffToMarkdown } from "../../review/diff-markdown";
import { DIFF_FILES, locateChange, packageTexts, type DiffFile } from "../../review/package-texts";
import { reviewToMarkdown } from "../../review/review-notes";
import { listExportSnapshots, type ExportSnapshot } from "../../app/persistence/export-snapshots";
import { formatReviewTime, useReview } from "./review-notes-view";

const LANGUAGE: Record<DiffFile, DiffEditorProps["language"]> = {
  "apiDefinition.swagger.json": "json",
  "apiProperties.json": "json",
  "script.csx": "csharp",
  "README.md": "plaintext",
};

function ChangeRow({
  change,
  selected,
  onShow,
}: {
  change: ConnectorChange;
  selected: boolean;
  onShow(change: ConnectorChange): void;
}) {
  return (
    <tr
      className={`${change.breaking ? "cs-review-breaking" : ""}${selected ? " cs-review-row--selected" : ""}`}
      aria-current={selected ? "true" : undefined}
    >
      <td>{change.breaking ? <strong>Breaking</strong> : "—"}</td>
      <td>{change.operationId ?? "—"}</td>
      <td>
        <button type="button" className="cs-link-button" onClick={() => onShow(change)}>
          {change.message}
        </button>
        <span className="cs-muted cs-review-change-file"> {change.file}</span>
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
  const [review] = useReview();
  useEffect(() => {
    listExportSnapshots(connectorId).then(setSnapshots, () => setSnapshots([]));
  }, [connectorId]);
  const changes = useMemo(() => (other ? diffConnectors(other.doc, doc) : []), [other, doc]);
  const ordered = useMemo(
    () => [...changes.filter((c) => c.breaking), ...changes.filter((c) => !c.breaking)],
    [changes],
  );
  const breaking = changes.filter((c) => c.breaking).length;
  const oldTexts = useMemo(() => (other ? packageTexts(other.doc) : null), [other]);
  const newTexts = useMemo(() => packageTexts(doc), [doc]);
  const files = useMemo(
    () =>
      oldTexts
        ? DIFF_FILES.filter((f) => oldTexts[f] !== null || newTexts[f] !== null).map((f) => ({
            file: f,
            changed: oldTexts[f] !== newTexts[f],
          }))
        : [],
    [oldTexts, newTexts],
  );
  const [shownFile, setShownFile] = useState<DiffFile | null>(null);
  const [selected, setSelected] = useState<ConnectorChange | null>(null);
  const [reveal, setReveal] = useState<(DiffReveal & { file: DiffFile }) | null>(null);
  const file: DiffFile =
    shownFile ?? files.find((f) => f.changed)?.file ?? files[0]?.file ?? "apiDefinition.swagger.json";
  const showChange = (change: ConnectorChange) => {
    if (!oldTexts) return;
    const where = locateChange(change, oldTexts, newTexts);
    setSelected(change);
    setShownFile(where.file);
    setReveal({
      file: where.file,
      originalLine: where.oldLine,
      modifiedLine: where.newLine,
      nonce: (reveal?.nonce ?? 0) + 1,
    });
  };

  const choose = (next: { label: string; doc: ConnectorDocument }) => {
    setOther(next);
    setShownFile(null);
    setSelected(null);
    setReveal(null);
  };

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
    choose({ label: Array.from(files, (f) => f.name).join(", "), doc: outcome.document });
  };

  const exportMarkdown = () => {
    if (!other) return;
    // The reviewer's notes and sign-offs travel with the diff into the pull request.
    const markdown = [
      diffToMarkdown(changes, { old: other.label, new: connectorTitle(doc) }),
      reviewToMarkdown(review, formatReviewTime),
    ]
      .filter((part) => part !== "")
      .join("\n");
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
                  choose({
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
          <table className="cs-review-table cs-review-changes">
            <thead>
              <tr>
                <th scope="col">Breaks flows</th>
                <th scope="col">Operation</th>
                <th scope="col">Change (click to see it in the diff)</th>
              </tr>
            </thead>
            <tbody>
              {ordered.map((c, i) => (
                <ChangeRow key={i} change={c} selected={c === selected} onShow={showChange} />
              ))}
            </tbody>
          </table>
          {oldTexts ? (
            <div className="cs-review-diff">
              <div role="radiogroup" aria-label="File" className="cs-review-diff__files">
                {files.map((f) => (
                  <label key={f.file} className="cs-review-inline">
                    <input
                      type="radio"
                      name="cs-review-diff-file"
                      checked={file === f.file}
                      onChange={() => setShownFile(f.file)}
                    />
                    {f.file}
                    {f.changed ? "" : " (unchanged)"}
                  </label>
                ))}
              </div>
              <p className="cs-muted" aria-live="polite">
                {reveal && reveal.file === file
                  ? `${file}: ${reveal.originalLine !== null ? `line ${reveal.originalLine} before` : "not in the older version"}, ${reveal.modifiedLine !== null ? `line ${reveal.modifiedLine} now` : "not in the current version"}.`
                  : `${file}: older version on the left, current on the right.`}
              </p>
              <DiffEditor
                label={`Diff of ${file}`}
                original={oldTexts[file] ?? ""}
                modified={newTexts[file] ?? ""}
                language={LANGUAGE[file]}
                reveal={reveal && reveal.file === file ? reveal : null}
              />
            </div>
          ) : null}
        </div>
      ) : null}
    </ModalDialog>
  );
}
