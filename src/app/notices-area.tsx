import { useEffect } from "react";
import { useWorkspace, useWorkspaceStoreApi } from "../store/workspace-context";
import type { Notice } from "../store/workspace-store";
import { visibleNotices } from "./visible-notices";

/** Plain information (a success) fades after this long; warnings and errors stay until dismissed. */
export const INFO_TIMEOUT_MS = 6_000;
/** An information notice that offers an action (Restore) stays a little longer. */
const ACTION_TIMEOUT_MS = 12_000;

function NoticeItem({ notice }: { notice: Notice }) {
  const store = useWorkspaceStoreApi();
  const dismiss = () => store.getState().dismissNotice(notice.id);
  useEffect(() => {
    if (notice.tone !== "info") return;
    const timer = setTimeout(
      () => store.getState().dismissNotice(notice.id),
      notice.action ? ACTION_TIMEOUT_MS : INFO_TIMEOUT_MS,
    );
    return () => clearTimeout(timer);
  }, [notice, store]);
  return (
    <div className={`cs-notice cs-notice-${notice.tone}`}>
      <p className="cs-notice-message">{notice.message}</p>
      <div className="cs-notice-actions">
        {notice.action ? (
          <button
            type="button"
            className="cs-button cs-button-small"
            onClick={() => {
              notice.action?.run();
              dismiss();
            }}
          >
            {notice.action.label}
          </button>
        ) : null}
        <button
          type="button"
          className="cs-button cs-button-small cs-button-quiet"
          onClick={dismiss}
          title="Dismiss"
        >
          Dismiss
        </button>
      </div>
    </div>
  );
}

/**
 * Messages for the user, in the flow of the main column (they never cover the Swagger editor): those about
 * the open connector or the whole workspace, at most three. Errors go to an alert region (read out at once),
 * the rest to a polite status region; both regions always exist so that screen readers pick up what is added.
 */
export function NoticesArea() {
  const notices = useWorkspace((s) => s.notices);
  const activeId = useWorkspace((s) => s.activeId);
  const shown = visibleNotices(notices, activeId);
  const errors = shown.filter((n) => n.tone === "error");
  const others = shown.filter((n) => n.tone !== "error");
  return (
    <div className="cs-notices">
      <div role="alert" className="cs-notice-stack">
        {errors.map((n) => (
          <NoticeItem key={n.id} notice={n} />
        ))}
      </div>
      <div role="status" className="cs-notice-stack">
        {others.map((n) => (
          <NoticeItem key={n.id} notice={n} />
        ))}
      </div>
    </div>
  );
}
