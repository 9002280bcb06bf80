import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { getAtPointer, setAtPointer } from "../model/json-pointer";
import {
  findChangedContainer,
  findEnclosingContainer,
  indentLike,
  outlineJson,
  outlinePointerAt,
  outlinePointerRanges,
  pointerOfPath,
  replaceInOutline,
  type ContainerNode,
} from "./json-structure";
import { jsonPointerAt } from "../model/text/pointer-at";
import { JsonScanError } from "./pointer-range";
import { minimalEdit } from "./text-diff";

/** What the Swagger editor does on a pause in typing, with JSON.parse standing in for the lossless parser. */
function incrementalParse(oldText: string, oldValue: unknown, newText: string): unknown {
  const outline = outlineJson(oldText);
  if (!outline) return null;
  const edit = minimalEdit(oldText, newText);
  if (!edit) return oldValue;
  const path = findEnclosingContainer(outline, edit.start, edit.end);
  const target = path[path.length - 1];
  if (!target || path.length < 2) return null;
  const delta = edit.text.length - (edit.end - edit.start);
  const slice = newText.slice(target.start, target.end + delta);
  let parsed: unknown;
  try {
    parsed = JSON.parse(slice);
  } catch {
    return null;
  }
  const replacement = outlineJson(slice, target.start);
  if (!replacement) return null;
  replaceInOutline(path, replacement, delta);
  // The updated outline must be the outline of the new text.
  expect(outline).toEqual(outlineJson(newText));
  return setAtPointer(oldValue, pointerOfPath(path), parsed);
}

describe("outlineJson", () => {
  it("records objects and arrays with spans and pointer tokens", () => {
    const text = '{"a": [1, {"b": 2}], "c~/d": {}}';
    const outline = outlineJson(text);
    expect(outline).toMatchObject({ start: 0, end: text.length, token: "" });
    const [a, c] = outline?.children ?? [];
    expect(a && text.slice(a.start, a.end)).toBe('[1, {"b": 2}]');
    expect(a?.children[0]?.token).toBe("1");
    expect(c?.token).toBe("c~/d");
    expect(outlineJson("42")).toBeNull();
  });

  it("throws a positioned error for invalid JSON", () => {
    expect(() => outlineJson('{"a": [1, 2}')).toThrow(JsonScanError);
  });
});

describe("findEnclosingContainer", () => {
  const text = '{"paths": {"/x": {"get": {"summary": "List"}}}, "info": {"title": "T"}}';
  const outline = outlineJson(text);
  if (!outline) throw new Error("outline");

  it("finds the innermost container around an edit inside a string", () => {
    const at = text.indexOf("List") + 2;
    const path = findEnclosingContainer(outline, at, at + 1);
    expect(pointerOfPath(path)).toBe("/paths/~1x/get");
  });

  it("climbs out when the edit touches a container's bracket", () => {
    const close = text.indexOf('}}}, "info"');
    const path = findEnclosingContainer(outline, close, close + 1);
    expect(pointerOfPath(path)).toBe("/paths/~1x");
  });
});

describe("incremental parse", () => {
  const doc = {
    swagger: "2.0",
    info: { title: "Demo", version: "1.0" },
    paths: {
      "/a": { get: { summary: "A", parameters: [{ name: "x", in: "query" }], responses: { "200": {} } } },
      "/b": { post: { summary: "B", responses: {} } },
    },
    definitions: { Item: { type: "object", properties: { id: { type: "integer" } } } },
  };
  const base = JSON.stringify(doc, null, 4);

  it.each([
    ['"summary": "A"', '"summary": "A changed"'],
    ['"name": "x"', '"name": "x", "required": true'],
    ['"responses": {}', '"responses": {"201": {"description": "Created"}}'],
    ['"type": "integer"', '"type": "string"'],
    ['"parameters": [', '"parameters": [{"name": "first"}, '],
  ])("gives the same value as a full parse: %s → %s", (from, to) => {
    const next = base.replace(from, to);
    expect(next).not.toBe(base);
    const result = incrementalParse(base, doc, next);
    expect(result).toEqual(JSON.parse(next));
  });

  it("regression: does not graft a merged sibling into the wrong container", () => {
    const oldText = '{"a": [[1], [2]], "b": 1}';
    const newText = '{"a": [[1, 2]], "b": 1}';
    const result = incrementalParse(oldText, JSON.parse(oldText), newText);
    expect(result === null || JSON.stringify(result) === JSON.stringify(JSON.parse(newText))).toBe(true);
  });

  it("is sound on random documents and random value replacements (property)", () => {
    const leaf = fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.boolean(), fc.constant(null));
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: "small" },
        leaf,
        fc.array(tie("node"), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 4 }), tie("node"), { maxKeys: 4 }),
      ),
    })).node;
    const objectDoc = fc.dictionary(fc.string({ maxLength: 4 }), value, { minKeys: 1, maxKeys: 5 });
    fc.assert(
      fc.property(objectDoc, value, fc.nat(), fc.boolean(), (original, replacementValue, pick, pretty) => {
        const stringify = (v: unknown) => (pretty ? JSON.stringify(v, null, 4) : JSON.stringify(v));
        const oldText = stringify(original);
        // Pick one container path in the original and replace its value.
        const containers: string[][] = [];
        const walk = (node: unknown, path: string[]) => {
          if (node && typeof node === "object") {
            containers.push(path);
            for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
          }
        };
        walk(original, []);
        const path = containers[pick % containers.length] ?? [];
        if (path.length === 0) return true;
        const next = setAtPointer(original, path, replacementValue);
        const newText = stringify(next);
        const result = incrementalParse(oldText, JSON.parse(oldText), newText);
        // null means "do a full parse", which is always allowed; a value must be exact.
        return result === null || JSON.stringify(result) === JSON.stringify(JSON.parse(newText));
      }),
      { numRuns: 300 },
    );
  });
});

describe("outlinePointerRanges", () => {
  it("gives the same ranges as a full scan", async () => {
    const { jsonPointerRanges } = await import("./pointer-range");
    const doc = {
      info: { title: "T" },
      paths: { "/a~b": { get: { parameters: [{ name: "x", "x-ms-summary": "X" }], responses: {} } } },
      list: [[1, { deep: true }]],
    };
    const text = JSON.stringify(doc, null, 4);
    const outline = outlineJson(text);
    if (!outline) throw new Error("outline");
    const pointers = [
      "/info/title",
      "/info",
      "/paths/~1a~0b/get/parameters/0/x-ms-summary",
      "/paths/~1a~0b/get/parameters/0",
      "/paths/~1a~0b/get/responses",
      "/paths/~1a~0b/get/missing/deeper",
      "/list/0/1/deep",
      "/list/0/0",
      "",
    ];
    const expected = jsonPointerRanges(text, pointers);
    const actual = outlinePointerRanges(text, outline, pointers);
    for (const pointer of pointers) expect(actual.get(pointer), pointer).toEqual(expected.get(pointer));
  });
});

describe("findChangedContainer + indentLike (incremental serialisation)", () => {
  /** What the Swagger editor does when the document changed elsewhere. */
  function incrementalSerialise(before: unknown, after: unknown): string {
    const text = JSON.stringify(before, null, 4);
    const outline = outlineJson(text);
    if (!outline) throw new Error("outline");
    const path = findChangedContainer(before, after, outline);
    const target = path[path.length - 1] as ContainerNode;
    if (path.length < 2) return JSON.stringify(after, null, 4);
    const value = getAtPointer(after, pointerOfPath(path));
    const serialised = indentLike(JSON.stringify(value, null, 4), text, target.start);
    return text.slice(0, target.start) + serialised + text.slice(target.end);
  }

  it("re-serialises only the changed branch, with the right indentation", () => {
    const before = { info: { title: "A" }, paths: { "/x": { get: { summary: "S", tags: ["a"] } } } };
    const after = setAtPointer(before, "/paths/~1x/get/summary", "Changed");
    const text = JSON.stringify(before, null, 4);
    const outline = outlineJson(text);
    if (!outline) throw new Error("outline");
    expect(pointerOfPath(findChangedContainer(before, after, outline))).toBe("/paths/~1x/get");
    expect(incrementalSerialise(before, after)).toBe(JSON.stringify(after, null, 4));
  });

  it("matches a full serialisation for random edits of shared-structure documents (property)", () => {
    const leaf = fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.boolean(), fc.constant(null));
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: "small" },
        leaf,
        fc.array(tie("node"), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 4 }), tie("node"), { maxKeys: 4 }),
      ),
    })).node;
    const objectDoc = fc.dictionary(fc.string({ maxLength: 4 }), value, { minKeys: 1, maxKeys: 5 });
    fc.assert(
      fc.property(objectDoc, value, fc.nat(), (original, replacement, pick) => {
        const parsed = JSON.parse(JSON.stringify(original)) as Record<string, unknown>;
        const paths: string[][] = [];
        const walk = (node: unknown, path: string[]) => {
          if (node && typeof node === "object") {
            for (const [k, v] of Object.entries(node)) {
              paths.push([...path, k]);
              walk(v, [...path, k]);
            }
          }
        };
        walk(parsed, []);
        const path = paths[pick % Math.max(paths.length, 1)];
        if (!path) return true;
        const after = setAtPointer(parsed, path, replacement);
        return incrementalSerialise(parsed, after) === JSON.stringify(after, null, 4);
      }),
      { numRuns: 300 },
    );
  });
});

describe("outlinePointerAt", () => {
  it("agrees with a scan of the whole text at every offset", () => {
    const text = JSON.stringify(
      {
        paths: {
          "/a": { get: { operationId: "A", parameters: [{ name: "x" }, { name: "y" }] } },
          "/b": { post: { operationId: "B", responses: { "200": { description: "OK" } } } },
        },
        definitions: { Thing: { type: "object", properties: { id: { type: "string" } } } },
        host: "example.com",
      },
      null,
      4,
    );
    const outline = outlineJson(text);
    if (!outline) throw new Error("no outline");
    for (let offset = 0; offset <= text.length; offset++) {
      expect(outlinePointerAt(text, outline, offset), `offset ${offset}`).toBe(jsonPointerAt(text, offset));
    }
  });
});
