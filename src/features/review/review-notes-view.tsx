import { useId, useMemo, useState } from "react";
import { downloadFile } from "../../lib/download";
import { connectorTitle, type ConnectorDocument } from "../../model/connector-document";
import { listOperations } from "../../model/swagger-types";
import {
  addNote,
  describeTarget,
  EMPTY_REVIEW,
  removeNote,
  reviewToMarkdown,
  type NoteTarget,
  type ReviewRecord,
} from "../../review/review-notes";
import { useWorkspace } from "../../store/workspace-context";

export const formatReviewTime = (ms: number) => new Date(ms).toLocaleString();

/** The open connector's review and a way to change it (saved with the draft by autosave). */
export function useReview(): [ReviewRecord, (change: (review: ReviewRecord) => ReviewRecord) => void] {
  const activeId = useWorkspace((s) => s.activeId);
  const review = useWorkspace((s) => (s.activeId ? s.reviews[s.activeId] : undefined)) ?? EMPTY_REVIEW;
  const setReview = useWorkspace((s) => s.setReview);
  const update = (change: (review: ReviewRecord) => ReviewRecord) => {
    if (!activeId) return;
    const next = change(review);
    if (next !== review) setReview(activeId, next);
  };
  return [review, update];
}

/** A small form that adds a note about one fixed target (a checklist item, an operation…). */
export function NoteComposer({ target, label }: { target: NoteTarget; label: string }) {
  const [, updateReview] = useReview();
  const [text, setText] = useState("");
  const id = useId();
  const add = () => {
    updateReview((r) => addNote(r, target, text, Date.now(), crypto.randomUUID()));
    setText("");
  };
  return (
    <div className="cs-review-note-form">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={2} value={text} onChange={(e) => setText(e.target.value)} />
      <button type="button" className="cs-button" disabled={text.trim() === ""} onClick={add}>
        Add note
      </button>
    </div>
  );
}

/** The operations a note can be about, each with its parameters (a large connector lists them on demand). */
function operationsOf(doc: ConnectorDocument): { operationId: string; parameters: string[] }[] {
  return listOperations(doc.definition).map((ref) => ({
    operationId: ref.operation.operationId ?? `${ref.method.toUpperCase()} ${ref.path}`,
    parameters: (ref.operation.parameters ?? [])
      .map((p) => (typeof p.name === "string" ? p.name : null))
      .filter((n): n is string => n !== null),
  }));
}

/**
 * "Review notes": the reviewer's notes (about the connector, an operation, a parameter or a checklist item)
 * and sign-offs, listed; saved with the draft and carried into the Markdown for the pull request.
 */
export function ReviewNotesView({ doc }: { doc: ConnectorDocument }) {
  const [review, updateReview] = useReview();
  const operations = useMemo(() => operationsOf(doc), [doc]);
  const [about, setAbout] = useState("");
  const [parameter, setParameter] = useState("");
  const [text, setText] = useState("");
  const textId = useId();
  const operation = operations.find((o) => o.operationId === about);
  const target: NoteTarget = !operation
    ? { kind: "connector" }
    : operation.parameters.includes(parameter)
      ? { kind: "parameter", operationId: operation.operationId, parameter }
      : { kind: "operation", operationId: operation.operationId };
  const add = () => {
    updateReview((r) => addNote(r, target, text, Date.now(), crypto.randomUUID()));
    setText("");
  };
  const exportMarkdown = () => {
    const markdown = [
      `# Review of ${connectorTitle(doc)}`,
      "",
      reviewToMarkdown(review, formatReviewTime),
    ].join("\n");
    downloadFile(markdown, `${connectorTitle(doc)} review.md`, "text/markdown");
  };
  return (
    <section className="cs-review-section" aria-labelledby="cs-review-notes">
      <h3 id="cs-review-notes">Review notes</h3>
      <div className="cs-review-section__body">
        <div className="cs-review-note-form">
          <label>
            About
            <select
              value={about}
              onChange={(e) => {
                setAbout(e.target.value);
                setParameter("");
              }}
            >
              <option value="">The connector</option>
              {operations.map((o) => (
                <option key={o.operationId} value={o.operationId}>
                  Operation {o.operationId}
                </option>
              ))}
            </select>
          </label>
          {operation && operation.parameters.length > 0 ? (
            <label>
              Parameter (optional)
              <select value={parameter} onChange={(e) => setParameter(e.target.value)}>
                <option value="">The whole operation</option>
                {operation.parameters.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label htmlFor={textId}>Note</label>
          <textarea id={textId} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
          <button type="button" className="cs-button" disabled={text.trim() === ""} onClick={add}>
            Add note
          </button>
        </div>
        {review.notes.length === 0 && review.signOffs.length === 0 ? (
          <p className="cs-muted">
            No notes or sign-offs yet. They are saved with this connector (not in its files) and go into the
            Markdown for the pull request.
          </p>
        ) : (
          <>
            <ul className="cs-review-notes" aria-label="Notes">
              {review.notes.map((n) => (
                <li key={n.id}>
                  <strong>{describeTarget(n.target)}</strong>: {n.text}{" "}
                  <span className="cs-muted">({formatReviewTime(n.at)})</span>{" "}
                  <button
                    type="button"
                    className="cs-link-button"
                    aria-label={`Remove note: ${n.text}`}
                    onClick={() => updateReview((r) => removeNote(r, n.id))}
                  >
                    Remove
                  </button>
                </li>
              ))}
            </ul>
            {review.signOffs.length > 0 ? (
              <ul className="cs-review-notes" aria-label="Signed off">
                {review.signOffs.map((s) => (
                  <li key={s.itemId}>
                    Signed off: {s.label} <span className="cs-muted">({formatReviewTime(s.at)})</span>
                  </li>
                ))}
              </ul>
            ) : null}
            <button type="button" className="cs-button" onClick={exportMarkdown}>
              Export review as Markdown
            </button>
          </>
        )}
      </div>
    </section>
  );
}
