import { useWorkspace } from "../store/workspace-context";
import { useShellActions } from "./shell-actions";

/** Shown when another tab saved a connector that was also edited here; autosave of it waits for a choice. */
export function ConflictBanner() {
  const conflicts = useWorkspace((s) => s.conflicts);
  const { reloadFromStorage, takeOver } = useShellActions();
  if (conflicts.length === 0) return null;
  return (
    <div className="cs-conflicts" role="alert">
      {conflicts.map((c) => (
        <div key={c.connectorId} className="cs-conflict">
          <p>
            “{c.name}” was changed in another tab. Your edits here are not saved until you choose which
            version to keep.
          </p>
          <button
            type="button"
            className="cs-button cs-button-small"
            onClick={() => reloadFromStorage(c.connectorId)}
          >
            Load the other tab's version
          </button>
          <button
            type="button"
            className="cs-button cs-button-small cs-button-primary"
            onClick={() => takeOver(c.connectorId)}
          >
            Keep this tab's version
          </button>
        </div>
      ))}
    </div>
  );
}
