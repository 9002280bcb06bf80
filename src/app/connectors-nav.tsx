import { useState, type FormEvent } from "react";
import { useWorkspace, useWorkspaceStoreApi } from "../store/workspace-context";
import type { ConnectorEntry } from "../store/workspace-store";
import { PencilIcon, SidebarChevronIcon, TrashIcon } from "../components/ui/icons";
import { useStoredFlag } from "../lib/stored-preference";
import { useShellActions } from "./shell-actions";
import "./connectors-nav.css";

/** Whether the Connectors list is collapsed to icons, remembered in this browser. */
const NAV_COLLAPSED_KEY = "connector-studio.connectors-collapsed";

/** Up to two letters standing for a connector in the collapsed list ("Encodian Utilities" → "EU"). */
export function connectorMonogram(name: string): string {
  const words = name.match(/[\p{L}\p{N}]+/gu) ?? [];
  const letters =
    words.length > 1 ? (words[0]?.[0] ?? "") + (words[1]?.[0] ?? "") : (words[0] ?? "?").slice(0, 2);
  return letters.toUpperCase() || "?";
}

function formatUpdated(ms: number): string {
  const date = new Date(ms);
  return new Date().toDateString() === date.toDateString()
    ? date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })
    : date.toLocaleDateString();
}

function RenameForm({ entry, onDone }: { entry: ConnectorEntry; onDone(): void }) {
  const store = useWorkspaceStoreApi();
  const [value, setValue] = useState(entry.name);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = value.trim();
    if (name !== "" && name !== entry.name) store.getState().renameConnector(entry.id, name);
    onDone();
  };
  return (
    <form className="cs-rename" onSubmit={submit}>
      <label className="cs-visually-hidden" htmlFor={`cs-rename-${entry.id}`}>
        New name
      </label>
      <input
        id={`cs-rename-${entry.id}`}
        className="cs-input"
        value={value}
        autoFocus
        data-own-undo
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.preventDefault();
            onDone();
          }
        }}
      />
      <button type="submit" className="cs-button cs-button-small">
        Save name
      </button>
      <button type="button" className="cs-button cs-button-small cs-button-quiet" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}

/** The saved connectors: open one, rename it, delete it (a notice offers to bring it back). */
export function ConnectorsNav() {
  const connectors = useWorkspace((s) => s.connectors);
  const activeId = useWorkspace((s) => s.activeId);
  const store = useWorkspaceStoreApi();
  const { deleteDraft } = useShellActions();
  const [renaming, setRenaming] = useState<string | null>(null);
  const [collapsed, setCollapsed] = useStoredFlag(NAV_COLLAPSED_KEY, false);

  const remove = (entry: ConnectorEntry) => {
    const state = store.getState();
    const history = state.histories[entry.id];
    const index = state.connectors.findIndex((c) => c.id === entry.id);
    state.removeConnector(entry.id);
    // The one place a saved draft is deleted; Restore puts the connector back and saves it again.
    deleteDraft(entry.id);
    if (!history) return;
    store.getState().notify("info", `Deleted “${entry.name}”.`, {
      connectorId: null,
      action: { label: "Restore", run: () => store.getState().reinsertConnector(entry, history, index) },
    });
  };

  return (
    <nav className={`cs-nav${collapsed ? " cs-nav-collapsed" : ""}`} aria-label="Connectors">
      <div className="cs-nav-head">
        <h2 className="cs-nav-title">Connectors</h2>
        <button
          type="button"
          className="cs-button cs-button-small cs-button-quiet cs-nav-toggle"
          aria-label={collapsed ? "Expand the Connectors list" : "Collapse the Connectors list"}
          title={collapsed ? "Expand" : "Collapse to icons"}
          onClick={() => setCollapsed(!collapsed)}
        >
          <SidebarChevronIcon collapsed={collapsed} />
        </button>
      </div>
      {connectors.length === 0 ? (
        <p className="cs-muted cs-small">No connectors yet.</p>
      ) : (
        <ul className="cs-connector-list" aria-label="Connectors">
          {connectors.map((entry) => {
            const active = entry.id === activeId;
            return (
              <li key={entry.id} className={`cs-connector${active ? " cs-connector-active" : ""}`}>
                {renaming === entry.id && !collapsed ? (
                  <RenameForm entry={entry} onDone={() => setRenaming(null)} />
                ) : (
                  <>
                    <button
                      type="button"
                      className="cs-connector-open"
                      aria-current={active ? "true" : undefined}
                      onClick={() => store.getState().openConnector(entry.id)}
                      title={collapsed ? entry.name : undefined}
                    >
                      <span className="cs-connector-monogram" aria-hidden="true">
                        {connectorMonogram(entry.name)}
                      </span>
                      <span className="cs-connector-name">{entry.name}</span>
                      <span className="cs-connector-meta">{formatUpdated(entry.updatedAt)}</span>
                    </button>
                    <span className="cs-connector-tools">
                      <button
                        type="button"
                        className="cs-button cs-button-small cs-button-quiet"
                        aria-label={`Rename ${entry.name}`}
                        title="Rename"
                        onClick={() => setRenaming(entry.id)}
                      >
                        <PencilIcon />
                      </button>
                      <button
                        type="button"
                        className="cs-button cs-button-small cs-button-quiet cs-button-danger"
                        aria-label={`Delete ${entry.name}`}
                        title="Delete"
                        onClick={() => remove(entry)}
                      >
                        <TrashIcon />
                      </button>
                    </span>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </nav>
  );
}
