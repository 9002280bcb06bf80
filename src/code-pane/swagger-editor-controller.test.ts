import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parse as parseYaml } from "yaml";
import type { ConnectorDocument } from "../model/connector-document";
import { createEmptyConnector } from "../model/create-empty-connector";
import { getAtPointer } from "../model/json-pointer";
import { setValue } from "../model/operations/document-edits";
import type { SwaggerDocument } from "../model/swagger-types";
import { createWorkspaceStore, selectDocument, type WorkspaceState } from "../store/workspace-store";
import type { StoreApi } from "zustand/vanilla";
import type { FakeModel, FakeMonaco } from "./fake-monaco";
import { monaco as monacoModule } from "./monaco-setup";
import { PARSE_DEBOUNCE_MS, SwaggerEditorController } from "./swagger-editor-controller";

// The controller is tested through what a user sees and does: the text of the editor, typing into it, its
// status and markers, and the commands that reach the store. Monaco is replaced by a fake (it needs a
// browser); the timing of the store → text sync is the controller's own business, so each step here lets
// all pending timers run before it looks.

vi.mock("./monaco-setup", async () => {
  const { createFakeMonaco } = await import("./fake-monaco");
  const monaco = createFakeMonaco();
  return {
    monaco,
    setupMonaco: () => monaco,
    SWAGGER_JSON_URI: "inmemory://connector/apiDefinition.swagger.json",
    SWAGGER_YAML_URI: "inmemory://connector/apiDefinition.swagger.yaml",
  };
});

const fake = monacoModule as unknown as FakeMonaco;
const SYNTAX_OWNER = "connector-studio-syntax";
const DIAGNOSTIC_OWNER = "connector-studio";

function connector(title: string, paths: SwaggerDocument["paths"] = {}): ConnectorDocument {
  const doc = createEmptyConnector(title);
  return { ...doc, definition: { ...doc.definition, host: "api.contoso.com", paths } };
}

const listItems: SwaggerDocument["paths"] = {
  "/items": {
    get: { operationId: "ListItems", summary: "List items", responses: { "200": { description: "OK" } } },
  },
};

/** Enough operations for a text of well over 50 000 characters, where the controller works on parts of it. */
function manyItems(count: number): SwaggerDocument["paths"] {
  const paths: NonNullable<SwaggerDocument["paths"]> = {};
  for (let i = 0; i < count; i++)
    paths[`/items${i}`] = {
      get: {
        operationId: `ListItems${i}`,
        summary: `List items ${i}`,
        description: `Lists the items of collection ${i}.`,
        responses: { "200": { description: "OK" } },
      },
    };
  return paths;
}

let store: StoreApi<WorkspaceState>;
let controller: SwaggerEditorController;
let ids = 0;

/** Lets every pending timer of the controller run (parse debounce, store → text sync, markers). */
function settle(): void {
  vi.advanceTimersByTime(5_000);
}

function definition(): SwaggerDocument | undefined {
  return selectDocument(store.getState())?.definition;
}

/** The summary of `GET path` in the active document. */
function summaryOf(path: string): unknown {
  return getAtPointer(definition(), `/paths/${path.replace(/\//g, "~1")}/get/summary`);
}

function model(): FakeModel {
  const editor = fake.editors[fake.editors.length - 1];
  if (!editor) throw new Error("no editor");
  return editor.getModel();
}

function type(text: string): void {
  model().type(text);
  vi.advanceTimersByTime(PARSE_DEBOUNCE_MS + 1);
}

function open(...docs: ConnectorDocument[]): string[] {
  const added = docs.map((doc) => store.getState().addConnector(doc));
  controller = new SwaggerEditorController({} as HTMLElement, store);
  settle();
  return added;
}

beforeEach(() => {
  vi.useFakeTimers();
  store = createWorkspaceStore({ now: () => Date.now(), newId: () => `c${++ids}` });
});

afterEach(() => {
  controller.dispose();
  vi.useRealTimers();
});

describe("SwaggerEditorController: store → text", () => {
  it("shows the active connector's definition as JSON indented by four spaces", () => {
    open(connector("Items", listItems));
    const text = controller.getText();
    expect(JSON.parse(text)).toEqual(definition());
    expect(text).toContain('\n    "swagger": "2.0"');
    expect(controller.getStatus()).toMatchObject({ format: "json", problem: null, hasConnector: true });
  });

  it("shows a change made elsewhere (a form) once it is synced, keeping the key order", () => {
    open(connector("Items", listItems));
    store.getState().dispatch(setValue("definition", "/paths/~1items/get/summary", "All items"));
    settle();
    const text = controller.getText();
    expect(JSON.parse(text)).toEqual(definition());
    expect(text).toContain('"summary": "All items"');
    // operationId still comes before summary, as in the document.
    expect(text.indexOf('"operationId"')).toBeLessThan(text.indexOf('"summary"'));
  });

  it("shows nothing and is read-only without a connector", () => {
    open();
    expect(controller.getText()).toBe("");
    expect(controller.getStatus().hasConnector).toBe(false);
    expect(fake.editors.at(-1)?.options.readOnly).toBe(true);
  });

  it("puts validation results on the lines they are about", () => {
    open(connector("Items", listItems));
    const state = store.getState();
    state.setDiagnostics(state.revision, [
      {
        ruleId: "OperationSummaryMissing",
        severity: "warning",
        file: "apiDefinition.swagger.json",
        path: "/paths/~1items/get/operationId",
        message: "Say what it does.",
      },
    ]);
    settle();
    const markers = model().markers.get(DIAGNOSTIC_OWNER) ?? [];
    expect(markers).toHaveLength(1);
    const line = controller.getText().split("\n")[(markers[0]?.startLineNumber ?? 0) - 1];
    expect(line).toContain('"operationId": "ListItems"');
    expect(markers[0]).toMatchObject({ message: "Say what it does.", severity: fake.MarkerSeverity.Warning });
  });
});

describe("SwaggerEditorController: a large definition", () => {
  it("shows changes from elsewhere exactly as a full serialisation would", () => {
    open(connector("Large", manyItems(400)));
    expect(controller.getText().length).toBeGreaterThan(60_000);
    store.getState().dispatch(setValue("definition", "/paths/~1items200/get/summary", "Item two hundred"));
    settle();
    store.getState().dispatch(setValue("definition", "/paths/~1items3/get/deprecated", true));
    settle();
    const text = controller.getText();
    expect(JSON.parse(text)).toEqual(definition());
    expect(text).toBe(JSON.stringify(definition(), null, 4));
  });

  it("applies typing inside one operation to the document", () => {
    open(connector("Large", manyItems(400)));
    type(controller.getText().replace('"List items 123"', '"Items of 123"'));
    type(controller.getText().replace('"List items 7"', '"Items of 7"'));
    expect(summaryOf("/items123")).toBe("Items of 123");
    expect(summaryOf("/items7")).toBe("Items of 7");
    expect(summaryOf("/items124")).toBe("List items 124");
    expect(JSON.parse(controller.getText())).toEqual(definition());
  });
});

describe("SwaggerEditorController: text → store", () => {
  it("parses typing after a pause and dispatches it as one edit from the code pane", () => {
    open(connector("Items", listItems));
    const before = store.getState().revision;
    type(controller.getText().replace('"List items"', '"Every item"'));
    expect(summaryOf("/items")).toBe("Every item");
    expect(store.getState().lastSource).toBe("code");
    expect(store.getState().revision).toBe(before + 1);
    expect(controller.getStatus().problem).toBeNull();
  });

  it("leaves the document alone when only the formatting changed", () => {
    open(connector("Items", listItems));
    const before = definition();
    const compact = JSON.stringify(JSON.parse(controller.getText()));
    type(compact);
    expect(definition()).toBe(before);
    expect(controller.getText()).toBe(compact);
  });

  it("reports text that does not parse with its line and column, and dispatches nothing", () => {
    open(connector("Items", listItems));
    const before = definition();
    const revision = store.getState().revision;
    const lines = controller.getText().split("\n");
    const at = lines.findIndex((l) => l.includes('"host"'));
    lines[at] = '    "host" "api.contoso.com",';
    type(lines.join("\n"));
    const problem = controller.getStatus().problem;
    expect(problem).toMatchObject({ line: at + 1 });
    expect(problem?.column).toBeGreaterThan(1);
    expect(definition()).toBe(before);
    expect(store.getState().revision).toBe(revision);
    expect(model().markers.get(SYNTAX_OWNER)?.[0]).toMatchObject({ startLineNumber: at + 1 });

    // Fixed, it is applied and the problem goes.
    lines[at] = '    "host": "api.fabrikam.com",';
    type(lines.join("\n"));
    expect(controller.getStatus().problem).toBeNull();
    expect(definition()?.host).toBe("api.fabrikam.com");
    expect(model().markers.get(SYNTAX_OWNER)).toEqual([]);
  });

  it("never overwrites text that does not parse with a change from elsewhere; Discard shows the document", () => {
    open(connector("Items", listItems));
    const broken = controller.getText().replace('"swagger":', '"swagger"');
    type(broken);
    store.getState().dispatch(setValue("definition", "/host", "api.fabrikam.com"));
    settle();
    expect(controller.getText()).toBe(broken);
    expect(controller.getStatus().conflict).toBe(true);
    controller.discardText();
    settle();
    expect(JSON.parse(controller.getText())).toEqual(definition());
    expect(controller.getStatus()).toMatchObject({ problem: null, conflict: false });
  });

  it("undo goes to the workspace's history and the text follows", () => {
    open(connector("Items", listItems));
    const original = controller.getText();
    type(original.replace('"List items"', '"Every item"'));
    controller.undo();
    settle();
    expect(summaryOf("/items")).toBe("List items");
    expect(JSON.parse(controller.getText())).toEqual(JSON.parse(original));
  });
});

describe("SwaggerEditorController: connectors and formats", () => {
  it("switching connectors shows each one's text and keeps a draft that does not parse per connector", () => {
    const [first, second] = open(connector("First", listItems), connector("Second"));
    // The last added connector is open.
    expect(JSON.parse(controller.getText()).info.title).toBe("Second");
    store.getState().openConnector(first as string);
    settle();
    expect(JSON.parse(controller.getText()).info.title).toBe("First");

    const draft = controller.getText().replace('"paths":', '"paths"');
    type(draft);
    expect(controller.getStatus().problem).not.toBeNull();

    store.getState().openConnector(second as string);
    settle();
    expect(JSON.parse(controller.getText()).info.title).toBe("Second");
    expect(controller.getStatus().problem).toBeNull();

    store.getState().openConnector(first as string);
    settle();
    expect(controller.getText()).toBe(draft);
    expect(controller.getStatus().problem).not.toBeNull();
    // The draft never reached the document.
    expect(definition()?.paths).toEqual(listItems);
  });

  it("switches to YAML and back, and typing in YAML edits the document", () => {
    open(connector("Items", listItems));
    controller.setFormat("yaml");
    settle();
    expect(controller.getStatus().format).toBe("yaml");
    expect(controller.getText()).toContain("swagger: ");
    expect(parseYaml(controller.getText())).toEqual(definition());

    type(controller.getText().replace("summary: List items", "summary: Every item"));
    expect(summaryOf("/items")).toBe("Every item");

    controller.setFormat("json");
    settle();
    expect(controller.getStatus().format).toBe("json");
    expect(JSON.parse(controller.getText())).toEqual(definition());
    expect(controller.getText()).toContain('"summary": "Every item"');
  });

  it("refuses to switch format while the text does not parse, and says why", () => {
    open(connector("Items", listItems));
    const broken = controller.getText().replace('"swagger":', '"swagger"');
    type(broken);
    controller.setFormat("yaml");
    expect(controller.getStatus().format).toBe("json");
    expect(controller.getStatus().note).toMatch(/does not parse/);
    expect(controller.getText()).toBe(broken);
  });
});
