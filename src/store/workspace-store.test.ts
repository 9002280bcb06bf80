import { describe, expect, it } from "vitest";
import { createEmptyConnector } from "../model/create-empty-connector";
import { setValue } from "../model/operations/document-edits";
import { createWorkspaceStore, selectCanUndo, selectDocument, selectSelection } from "./workspace-store";

let ids = 0;
const makeStore = () => createWorkspaceStore({ now: () => 1000, newId: () => `id-${++ids}` });

describe("workspace store: shell actions", () => {
  it("shares the selected item of the open connector, and forgets it while another one is open", () => {
    const store = makeStore();
    store.getState().addConnector(createEmptyConnector("One"));
    store.getState().select("apiDefinition.swagger.json", "/paths/~1a/get", "step");
    const first = selectSelection(store.getState());
    expect(first).toMatchObject({ path: "/paths/~1a/get", source: "step" });
    // Selecting the same item again is a new selection (the Swagger editor reveals it again).
    store.getState().select("apiDefinition.swagger.json", "/paths/~1a/get", "pane");
    expect(selectSelection(store.getState())?.nonce).not.toBe(first?.nonce);
    store.getState().addConnector(createEmptyConnector("Two"));
    expect(selectSelection(store.getState())).toBeNull();
  });

  it("restores a saved workspace without undo steps and opens the saved active connector", () => {
    const store = makeStore();
    store.getState().restoreWorkspace(
      [
        { id: "a", doc: createEmptyConnector("Alpha"), updatedAt: 1 },
        { id: "b", doc: createEmptyConnector("Beta"), updatedAt: 2 },
      ],
      "a",
    );
    const state = store.getState();
    expect(state.connectors.map((c) => c.name)).toEqual(["Alpha", "Beta"]);
    expect(state.activeId).toBe("a");
    expect(state.lastSource).toBe("restore");
    expect(selectCanUndo(state)).toBe(false);
  });

  it("falls back to the last connector when the saved active one is gone", () => {
    const store = makeStore();
    store
      .getState()
      .restoreWorkspace([{ id: "a", doc: createEmptyConnector("Alpha"), updatedAt: 1 }], "missing");
    expect(store.getState().activeId).toBe("a");
  });

  it("adds restored connectors to ones created before the restore, never replacing them", () => {
    const store = makeStore();
    const made = store.getState().addConnector(createEmptyConnector("Made early"));
    store.getState().restoreWorkspace(
      [
        { id: "a", doc: createEmptyConnector("Alpha"), updatedAt: 1 },
        { id: made, doc: createEmptyConnector("Stale copy"), updatedAt: 2 },
      ],
      "a",
    );
    const state = store.getState();
    expect(state.connectors.map((c) => c.name)).toEqual(["Alpha", "Made early"]);
    expect(selectDocument(state)?.definition.info?.title).toBe("Made early");
    expect(state.activeId).toBe(made);
  });

  it("puts a deleted connector back at its place with its undo history", () => {
    const store = makeStore();
    const first = store.getState().addConnector(createEmptyConnector("One"));
    store.getState().dispatch(setValue("definition", "/host", "one.example.com"));
    store.getState().addConnector(createEmptyConnector("Two"));
    const state = store.getState();
    const entry = state.connectors[0];
    const history = state.histories[first];
    if (!entry || !history) throw new Error("setup");
    state.removeConnector(first);
    expect(store.getState().connectors.map((c) => c.name)).toEqual(["Two"]);
    store.getState().reinsertConnector(entry, history, 0);
    const after = store.getState();
    expect(after.connectors.map((c) => c.name)).toEqual(["One", "Two"]);
    expect(after.activeId).toBe(first);
    expect(selectCanUndo(after)).toBe(true);
  });

  it("reloads a connector saved elsewhere and tracks conflicts per connector", () => {
    const store = makeStore();
    const id = store.getState().addConnector(createEmptyConnector("Mine"));
    store.getState().setConflict({ connectorId: id, name: "Mine" });
    store.getState().setConflict({ connectorId: id, name: "Mine" });
    expect(store.getState().conflicts).toHaveLength(1);
    const revision = store.getState().revision;
    store.getState().reloadConnector(id, createEmptyConnector("Theirs"), 5);
    store.getState().clearConflict(id);
    const state = store.getState();
    expect(selectDocument(state)?.definition.info?.title).toBe("Theirs");
    expect(state.connectors[0]?.name).toBe("Theirs");
    expect(state.revision).toBe(revision + 1);
    expect(state.conflicts).toEqual([]);
  });

  it("offers an action with a notice", () => {
    const store = makeStore();
    let ran = false;
    store
      .getState()
      .notify("info", "Deleted “X”.", { action: { label: "Restore", run: () => (ran = true) } });
    const notice = store.getState().notices.at(-1);
    notice?.action?.run();
    expect(notice?.action?.label).toBe("Restore");
    expect(ran).toBe(true);
  });

  it("ties a notice to the open connector unless told it is about the workspace", () => {
    const store = makeStore();
    const first = store.getState().newConnector();
    store.getState().notify("warning", "About the first.");
    store.getState().notify("info", "About everything.", { connectorId: null });
    expect(
      store
        .getState()
        .notices.slice(-2)
        .map((n) => n.connectorId),
    ).toEqual([first, null]);
  });
});
