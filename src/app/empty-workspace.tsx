import { useWorkspace } from "../store/workspace-context";
import { useShellActions } from "./shell-actions";

export const DROP_REGION_NAME = "Drop a Postman collection, OpenAPI file or connector package";

/** What an empty workspace shows: the drop target and the two ways to start. */
export function EmptyWorkspace() {
  const newConnector = useWorkspace((s) => s.newConnector);
  const { chooseFiles } = useShellActions();
  return (
    <section className="cs-empty" aria-label={DROP_REGION_NAME}>
      <div className="cs-empty-card">
        <svg className="cs-empty-art" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
          <rect x="10" y="8" width="44" height="48" rx="6" />
          <path d="M32 22v20M24 34l8 8 8-8" />
        </svg>
        <h1 className="cs-empty-title">Drop a Postman collection, OpenAPI file or connector package</h1>
        <p className="cs-muted">
          Drop files, a folder or a .zip anywhere on this window: a Swagger 2.0 definition (JSON or YAML),
          apiDefinition.swagger.json with apiProperties.json, icon.png and script.csx, a Postman collection or
          an OpenAPI 3 file. Or start from scratch.
        </p>
        <div className="cs-empty-actions">
          <button
            type="button"
            className="cs-button cs-button-primary cs-button-large"
            onClick={() => newConnector()}
          >
            New connector
          </button>
          <button type="button" className="cs-button cs-button-large" onClick={chooseFiles}>
            Import
          </button>
        </div>
        <p className="cs-muted cs-small">Everything stays in this browser and is saved as you type.</p>
      </div>
    </section>
  );
}

/**
 * Shown instead of the empty workspace until the saved drafts are back: nothing can be created, imported or
 * dropped before then, so that nothing started early ever competes with the restore.
 */
export function RestoringWorkspace() {
  return (
    <section className="cs-empty" aria-label="Restoring your drafts" aria-busy="true">
      <div className="cs-empty-card cs-restoring-card">
        <p role="status" className="cs-empty-title">
          Restoring your drafts…
        </p>
        <p className="cs-muted">New connector and Import are available once your saved work is back.</p>
      </div>
    </section>
  );
}
