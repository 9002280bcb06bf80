import type { Notice } from "../store/workspace-store";

/** At most this many notices are shown at once (the newest). */
export const MAX_VISIBLE_NOTICES = 3;

/**
 * The notices to show: those about the open connector or the whole workspace, newest last, at most
 * MAX_VISIBLE_NOTICES. Notes about another connector wait until it is open again.
 */
export function visibleNotices(notices: readonly Notice[], activeId: string | null): Notice[] {
  return notices
    .filter((n) => n.connectorId === null || n.connectorId === activeId)
    .slice(-MAX_VISIBLE_NOTICES);
}
