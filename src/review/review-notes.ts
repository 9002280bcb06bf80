import { z } from "zod";

/**
 * What a reviewer's note is about. Notes are kept beside the connector (saved with its draft), never inside
 * the Swagger, so that an export stays the document as it is.
 */
export type NoteTarget =
  | { kind: "connector" }
  | { kind: "operation"; operationId: string }
  | { kind: "parameter"; operationId: string; parameter: string }
  | { kind: "checklist"; itemId: string; label: string };

export interface ReviewNote {
  id: string;
  target: NoteTarget;
  text: string;
  /** When it was written (ms since the epoch). */
  at: number;
}

/** A checklist item the reviewer has signed off (checked by hand, whatever the validator says). */
export interface SignOff {
  itemId: string;
  label: string;
  at: number;
}

/** The review of one connector: notes and sign-offs. */
export interface ReviewRecord {
  notes: ReviewNote[];
  signOffs: SignOff[];
}

export const EMPTY_REVIEW: ReviewRecord = Object.freeze({ notes: [], signOffs: [] }) as ReviewRecord;

const targetSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("connector") }),
  z.object({ kind: z.literal("operation"), operationId: z.string() }),
  z.object({ kind: z.literal("parameter"), operationId: z.string(), parameter: z.string() }),
  z.object({ kind: z.literal("checklist"), itemId: z.string(), label: z.string() }),
]);

/** The stored shape (drafts): checked on the way in, so a damaged review never breaks a restore. */
export const reviewRecordSchema = z.object({
  notes: z.array(z.object({ id: z.string(), target: targetSchema, text: z.string(), at: z.number() })),
  signOffs: z.array(z.object({ itemId: z.string(), label: z.string(), at: z.number() })),
});

/** Whether a review holds anything worth saving or exporting. */
export function isEmptyReview(review: ReviewRecord): boolean {
  return review.notes.length === 0 && review.signOffs.length === 0;
}

/** Adds a note (blank text adds nothing). */
export function addNote(
  review: ReviewRecord,
  target: NoteTarget,
  text: string,
  at: number,
  id: string,
): ReviewRecord {
  const trimmed = text.trim();
  if (trimmed === "") return review;
  return { ...review, notes: [...review.notes, { id, target, text: trimmed, at }] };
}

export function removeNote(review: ReviewRecord, id: string): ReviewRecord {
  const notes = review.notes.filter((n) => n.id !== id);
  return notes.length === review.notes.length ? review : { ...review, notes };
}

/** Signs a checklist item off, or takes the sign-off back. */
export function setSignOff(
  review: ReviewRecord,
  item: { id: string; label: string },
  signed: boolean,
  at: number,
): ReviewRecord {
  const has = review.signOffs.some((s) => s.itemId === item.id);
  if (has === signed) return review;
  return {
    ...review,
    signOffs: signed
      ? [...review.signOffs, { itemId: item.id, label: item.label, at }]
      : review.signOffs.filter((s) => s.itemId !== item.id),
  };
}

export function isSignedOff(review: ReviewRecord, itemId: string): boolean {
  return review.signOffs.some((s) => s.itemId === itemId);
}

/** What a note is about, in words ("Operation SendDocument", "Parameter priority of SendDocument"). */
export function describeTarget(target: NoteTarget): string {
  switch (target.kind) {
    case "connector":
      return "Connector";
    case "operation":
      return `Operation ${target.operationId}`;
    case "parameter":
      return `Parameter ${target.parameter} of ${target.operationId}`;
    case "checklist":
      return `Checklist: ${target.label}`;
  }
}

/** A stable key of a target, to group notes and to name a choice in a list. */
export function targetKey(target: NoteTarget): string {
  switch (target.kind) {
    case "connector":
      return "connector";
    case "operation":
      return `operation:${target.operationId}`;
    case "parameter":
      return `parameter:${target.operationId}:${target.parameter}`;
    case "checklist":
      return `checklist:${target.itemId}`;
  }
}

function oneLine(text: string): string {
  return text.replace(/\r?\n/g, " ");
}

/**
 * The review as Markdown for a pull request: the sign-offs, then the notes grouped by what they are about
 * (connector first). Empty string when there is nothing to say.
 */
export function reviewToMarkdown(review: ReviewRecord, formatTime: (ms: number) => string): string {
  if (isEmptyReview(review)) return "";
  const lines = ["## Review", ""];
  if (review.signOffs.length > 0) {
    lines.push("### Signed off", "");
    for (const s of review.signOffs) lines.push(`- [x] ${oneLine(s.label)} (${formatTime(s.at)})`);
    lines.push("");
  }
  if (review.notes.length > 0) {
    lines.push("### Notes", "");
    const order = (n: ReviewNote) =>
      ["connector", "operation", "parameter", "checklist"].indexOf(n.target.kind);
    const sorted = [...review.notes].sort((a, b) => order(a) - order(b) || a.at - b.at);
    for (const n of sorted) lines.push(`- **${oneLine(describeTarget(n.target))}**: ${oneLine(n.text)}`);
    lines.push("");
  }
  return lines.join("\n");
}
