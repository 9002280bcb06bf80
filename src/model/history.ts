/**
 * A pure undo history of document snapshots. Snapshots are cheap because edits share unchanged branches.
 * One history serves every source of edits (forms, the Swagger editor, imports).
 */
export interface History<T> {
  past: readonly T[];
  present: T;
  future: readonly T[];
  /** Merge key and time of the last recorded entry, for merging typing into one step. */
  lastMergeKey: string | null;
  lastTime: number;
  /**
   * What each step did (the Command's label), parallel to `past` (the step that left each snapshot) and
   * `future` (the step that leads to each snapshot); "" when a change had no label. Undo and Redo say it.
   */
  pastLabels: readonly string[];
  futureLabels: readonly string[];
}

/**
 * How a change enters the history:
 * - `record`: a new undo step (the normal case);
 * - `merge`: joins the previous step when its merge key matches and it came within {@link MERGE_WINDOW_MS}
 *   (typing in one field or in the Swagger editor);
 * - `ignore`: replaces the present without a step (loading, restoring a draft).
 */
export type HistoryPolicy = "record" | "merge" | "ignore";

export const MERGE_WINDOW_MS = 1000;
export const HISTORY_LIMIT = 300;

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], lastMergeKey: null, lastTime: 0, pastLabels: [], futureLabels: [] };
}

/** Records `next` as the present. `now` is injected so that tests control merging. */
export function pushHistory<T>(
  history: History<T>,
  next: T,
  options: { policy?: HistoryPolicy; mergeKey?: string; now: number; label?: string },
): History<T> {
  if (next === history.present) return history;
  const policy = options.policy ?? "record";
  if (policy === "ignore") return { ...history, present: next };
  const canMerge =
    policy === "merge" &&
    options.mergeKey !== undefined &&
    options.mergeKey === history.lastMergeKey &&
    options.now - history.lastTime <= MERGE_WINDOW_MS &&
    history.past.length > 0;
  if (canMerge) {
    // The previous snapshot stays the undo target: the whole burst of typing undoes as one step.
    return { ...history, present: next, future: [], futureLabels: [], lastTime: options.now };
  }
  const past = [...history.past, history.present];
  const pastLabels = [...history.pastLabels, options.label ?? ""];
  if (past.length > HISTORY_LIMIT) {
    past.splice(0, past.length - HISTORY_LIMIT);
    pastLabels.splice(0, pastLabels.length - HISTORY_LIMIT);
  }
  return {
    past,
    present: next,
    future: [],
    lastMergeKey: policy === "merge" ? (options.mergeKey ?? null) : null,
    lastTime: options.now,
    pastLabels,
    futureLabels: [],
  };
}

export function canUndo(history: History<unknown>): boolean {
  return history.past.length > 0;
}

export function canRedo(history: History<unknown>): boolean {
  return history.future.length > 0;
}

export function undo<T>(history: History<T>): History<T> {
  const previous = history.past[history.past.length - 1];
  if (previous === undefined) return history;
  return {
    past: history.past.slice(0, -1),
    present: previous,
    future: [history.present, ...history.future],
    lastMergeKey: null,
    lastTime: 0,
    pastLabels: history.pastLabels.slice(0, -1),
    futureLabels: [history.pastLabels[history.pastLabels.length - 1] ?? "", ...history.futureLabels],
  };
}

export function redo<T>(history: History<T>): History<T> {
  const [next, ...rest] = history.future;
  if (next === undefined) return history;
  const [label = "", ...restLabels] = history.futureLabels;
  return {
    past: [...history.past, history.present],
    present: next,
    future: rest,
    lastMergeKey: null,
    lastTime: 0,
    pastLabels: [...history.pastLabels, label],
    futureLabels: restLabels,
  };
}

/** The label of the step Undo would revert ("" when it has none or there is nothing to undo). */
export function undoLabel(history: History<unknown>): string {
  return history.pastLabels[history.pastLabels.length - 1] ?? "";
}

/** The label of the step Redo would re-apply ("" when it has none or there is nothing to redo). */
export function redoLabel(history: History<unknown>): string {
  return history.futureLabels[0] ?? "";
}
