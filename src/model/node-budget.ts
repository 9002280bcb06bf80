/**
 * Schema nodes one walk may visit. The validator's count of schemas per body stops at the same number (its
 * "2048+", four times the platform's 512), so a schema the Budget calls countable is one every walk finishes.
 */
export const SCHEMA_NODE_BUDGET = 2048;

/**
 * A count of the nodes a recursive schema walk visits, shared by every walk that expands `$ref`s (the diff, the
 * schema count of the budget, sample values for Test): schemas that reference each other a few levels deep
 * expand to millions of paths, so each walk asks {@link NodeBudget.take} before a node and stops when it says
 * no, then reports that it stopped (`exhausted`) instead of running away.
 */
export interface NodeBudget {
  readonly limit: number;
  /** Nodes taken so far (never more than `limit`). */
  readonly used: number;
  /** True once a node was refused: the walk is incomplete. */
  readonly exhausted: boolean;
  /** Takes one node; false (and `exhausted`) when none is left. */
  take(): boolean;
}

export function createNodeBudget(limit: number = SCHEMA_NODE_BUDGET): NodeBudget {
  let used = 0;
  let exhausted = false;
  return {
    limit,
    get used() {
      return used;
    },
    get exhausted() {
      return exhausted;
    },
    take() {
      if (used >= limit) {
        exhausted = true;
        return false;
      }
      used++;
      return true;
    },
  };
}
