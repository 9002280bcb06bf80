import { describe, expect, it } from "vitest";
import { removeAtPointer, setAtPointer } from "../model/json-pointer";
import type { SwaggerDocument } from "../model/swagger-types";
import { parseJsonText } from "../model/text/json-text";
import { outlineJson, replaceInOutline } from "./json-structure";
import { minimalEdit } from "./text-diff";
import type { Diagnostic } from "../model/diagnostic";
import { jsonPointerRanges } from "../model/text/pointer-range";
import {
  applyTextEdit,
  changedBranchEdit,
  markerPlaces,
  parsedBranch,
  serialiseDefinition,
  type SwaggerFormat,
} from "./pane-sync";

const SOURCE = `{
  "swagger": "2.0",
  "info": { "title": "Tasks", "version": "1.0", "x-n": 1.0 },
  "host": "api.contoso.com",
  "paths": {
    "/tasks": {
      "get": {
        "operationId": "ListTasks",
        "summary": "List tasks",
        "parameters": [{ "name": "top", "in": "query", "type": "integer", "default": 1e2 }],
        "responses": { "200": { "description": "ok", "schema": { "type": "array", "items": { "type": "string" } } } }
      },
      "post": { "operationId": "AddTask", "summary": "Ünïcode ✓", "responses": { "default": { "description": "x" } } }
    },
    "/tasks/{id}": { "delete": { "operationId": "DeleteTask", "responses": { "204": { "description": "gone" } } } }
  },
  "definitions": { "b": { "type": "object" }, "2": { "type": "string" }, "a": {} }
}`;

function parse(text: string): SwaggerDocument {
  const parsed = parseJsonText(text, "apiDefinition.swagger.json");
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return parsed.value as SwaggerDocument;
}

/**
 * What the Swagger editor does on a change from elsewhere: the changed branch when it can, else the whole
 * text diffed against the synced one. Returns the new text and whether it was incremental.
 */
function sync(
  before: SwaggerDocument,
  after: SwaggerDocument,
  text: string,
  format: SwaggerFormat,
  outline: ReturnType<typeof outlineJson>,
): { text: string; incremental: boolean } {
  const change = outline ? changedBranchEdit(before, after, text, outline, format) : null;
  if (change && outline) {
    replaceInOutline(change.path, change.replacement, change.delta);
    return { text: applyTextEdit(text, change.edit), incremental: true };
  }
  return {
    text: applyTextEdit(text, minimalEdit(text, serialiseDefinition(after, format))),
    incremental: false,
  };
}

const EDITS: [pointer: string, value: unknown][] = [
  ["/paths/~1tasks/get/summary", "List tasks, typed"],
  ["/paths/~1tasks/get/summary", "List tasks, typed more"],
  ["/paths/~1tasks/post/description", "A new key at the end of an operation"],
  ["/paths/~1tasks/get/parameters/0/default", 50],
  [
    "/paths/~1tasks/get/responses/200/schema/items",
    { type: "object", properties: { id: { type: "string" } } },
  ],
  ["/paths/~1other", { get: { operationId: "Other", responses: {} } }],
  ["/info/title", "Tasks renamed"],
  ["/definitions/2/type", "integer"],
  ["/host", "api.fabrikam.com"],
];

describe("the Swagger editor's sync of a change from elsewhere", () => {
  it("gives in JSON exactly the text of a whole re-serialisation, edit after edit, re-serialising only the changed subtree where it can", () => {
    let doc = parse(SOURCE);
    let text = serialiseDefinition(doc, "json");
    let outline = outlineJson(text);
    const incremental: boolean[] = [];
    for (const [pointer, value] of EDITS) {
      const next = setAtPointer(doc, pointer, value);
      const result = sync(doc, next, text, "json", outline);
      expect(result.text).toBe(serialiseDefinition(next, "json"));
      // The outline follows the text, so the next edit is found in the right place (the editor outlines the
      // text anew after a whole re-serialisation).
      if (!result.incremental) outline = outlineJson(result.text);
      expect({ pointer, outline }).toEqual({ pointer, outline: outlineJson(result.text) });
      incremental.push(result.incremental);
      doc = next;
      text = result.text;
    }
    // Every edit below the root was incremental; the root's own "host" fell back to the whole text.
    expect(incremental).toEqual([true, true, true, true, true, true, true, true, false]);
    const removed = removeAtPointer(doc, "/paths/~1tasks~1{id}");
    expect(sync(doc, removed, text, "json", outline).text).toBe(serialiseDefinition(removed, "json"));
  });

  it("keeps the source's key order and raw numbers, as the whole serialisation does", () => {
    const doc = parse(SOURCE);
    const text = serialiseDefinition(doc, "json");
    expect(text).toContain('"x-n": 1.0');
    expect(text.indexOf('"b"')).toBeLessThan(text.indexOf('"2"'));
    const next = setAtPointer(doc, "/definitions/a", { type: "boolean" });
    expect(sync(doc, next, text, "json", outlineJson(text)).text).toBe(serialiseDefinition(next, "json"));
  });

  it("falls back to the whole text in YAML, with the same result as a whole re-serialisation", () => {
    let doc = parse(SOURCE);
    let text = serialiseDefinition(doc, "yaml");
    for (const [pointer, value] of EDITS) {
      const next = setAtPointer(doc, pointer, value);
      expect(
        changedBranchEdit(doc, next, text, outlineJson(serialiseDefinition(doc, "json"))!, "yaml"),
      ).toBeNull();
      const result = sync(doc, next, text, "yaml", null);
      expect(result).toEqual({ text: serialiseDefinition(next, "yaml"), incremental: false });
      doc = next;
      text = result.text;
    }
  });
});

describe("parsedBranch: a typed edit re-parses only its container", () => {
  const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v));
  // Each is a text edit a user might type, as [what to find, what to put instead].
  const TYPED: [string, string][] = [
    ['"List tasks"', '"List all tasks"'],
    ['"default": 1e2', '"default": 5'],
    ['"description": "gone"', '"description": "gone", "x-ms-summary": "Gone"'],
    ['{ "type": "string" }', '{ "type": "string", "format": "date-time" }'],
    ['"operationId": "DeleteTask",', ""],
  ];

  it("gives the definition a whole parse gives, sharing every branch it did not touch", () => {
    let text = SOURCE;
    let base = parse(text);
    let outline = outlineJson(text);
    for (const [find, replace] of TYPED) {
      expect(text).toContain(find);
      const typed = text.replace(find, replace);
      const branch = outline ? parsedBranch(base, text, outline, typed, "apiDefinition.swagger.json") : null;
      expect(branch, find).not.toBeNull();
      if (!branch || !outline) return;
      expect(plain(branch.definition)).toEqual(plain(parse(typed)));
      expect(branch.definition.definitions).toBe(base.definitions);
      replaceInOutline(branch.path, branch.replacement, branch.delta);
      expect(outline).toEqual(outlineJson(typed));
      text = typed;
      base = branch.definition;
      outline = outlineJson(text);
    }
  });

  it("leaves to the whole parse a broken slice, a duplicate key and an edit of the root's own keys", () => {
    const base = parse(SOURCE);
    const outline = outlineJson(SOURCE);
    if (!outline) throw new Error("no outline");
    const at = (find: string, replace: string) =>
      parsedBranch(base, SOURCE, outline, SOURCE.replace(find, replace), "apiDefinition.swagger.json");
    expect(at('"summary": "List tasks",', '"summary": "List tasks"')).toBeNull();
    expect(at('"summary": "List tasks",', '"summary": "a", "summary": "b",')).toBeNull();
    expect(at('"host": "api.contoso.com"', '"host": "api.fabrikam.com"')).toBeNull();
    expect(parsedBranch(base, SOURCE, outline, SOURCE, "apiDefinition.swagger.json")).toBeNull();
  });
});

describe("markerPlaces: the most severe diagnostics, on their keys' first line", () => {
  const diagnostic = (severity: Diagnostic["severity"], path: string, ruleId: string): Diagnostic => ({
    file: "apiDefinition.swagger.json",
    path,
    severity,
    ruleId,
    message: `${ruleId} at ${path}`,
  });

  it("orders by severity, keeps at most max, and puts each on its key", () => {
    const diagnostics = [
      diagnostic("info", "/host", "HostInfo"),
      diagnostic("warning", "/paths/~1tasks/get/summary", "SummaryWarning"),
      diagnostic("error", "/paths/~1tasks/post", "PostError"),
      { ...diagnostic("error", "/info", "OtherFile"), file: "apiProperties.json" as const },
    ];
    const places = markerPlaces(diagnostics, "apiDefinition.swagger.json", 2, SOURCE, (pointers) =>
      jsonPointerRanges(SOURCE, pointers),
    );
    expect(places.map((p) => p.ruleId)).toEqual(["PostError", "SummaryWarning"]);
    for (const place of places) expect(SOURCE.slice(place.start, place.end)).not.toContain("\n");
    expect(SOURCE.slice(places[0]!.start, places[0]!.end)).toBe('"post"');
    expect(SOURCE.slice(places[1]!.start, places[1]!.end)).toBe('"summary"');
  });

  it("cuts a range that spans lines to the end of its first line", () => {
    const [place] = markerPlaces(
      [diagnostic("error", "/paths/~1tasks", "Path")],
      "apiDefinition.swagger.json",
      10,
      SOURCE,
      () =>
        new Map([
          ["/paths/~1tasks", { start: SOURCE.indexOf('"/tasks": {'), end: SOURCE.length - 2, exact: true }],
        ]),
    );
    expect(place && SOURCE.slice(place.start, place.end)).toBe('"/tasks": {');
    expect(
      markerPlaces(
        [diagnostic("error", "/nowhere", "Missing")],
        "apiDefinition.swagger.json",
        10,
        SOURCE,
        () => new Map(),
      ),
    ).toEqual([]);
  });
});
