import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import {
  findJsonSyntaxError,
  jsonPointerRange,
  jsonPointerRanges,
  offsetToLineColumn,
  yamlPointerRanges,
} from "./pointer-range";

const DOC = {
  swagger: "2.0",
  info: { title: "Demo", version: "1.0" },
  paths: {
    "/items/{id}": {
      get: {
        operationId: "GetItem",
        parameters: [
          { name: "id", in: "path", required: true, type: "string" },
          { name: "q~x", in: "query", type: "string" },
        ],
        responses: { "200": { description: "OK" } },
      },
    },
  },
  "a/b": { "c~d": true },
};
const JSON_TEXT = JSON.stringify(DOC, null, 4);

function slice(text: string, range: { start: number; end: number }): string {
  return text.slice(range.start, range.end);
}

describe("jsonPointerRanges", () => {
  it("finds the value and key span of nested members and array items", () => {
    const ranges = jsonPointerRanges(JSON_TEXT, [
      "/info/title",
      "/paths/~1items~1{id}/get/parameters/1/name",
      "/paths/~1items~1{id}/get/responses/200",
    ]);
    const title = ranges.get("/info/title");
    expect(title && slice(JSON_TEXT, title)).toBe('"Demo"');
    expect(title?.keyStart !== undefined && JSON_TEXT.slice(title.keyStart, title.keyEnd)).toBe('"title"');
    expect(title?.exact).toBe(true);
    const name = ranges.get("/paths/~1items~1{id}/get/parameters/1/name");
    expect(name && slice(JSON_TEXT, name)).toBe('"q~x"');
    const ok = ranges.get("/paths/~1items~1{id}/get/responses/200");
    expect(ok && JSON.parse(slice(JSON_TEXT, ok))).toEqual({ description: "OK" });
  });

  it("unescapes ~0 and ~1 in pointer tokens and handles escaped keys in the text", () => {
    const range = jsonPointerRange(JSON_TEXT, "/a~1b/c~0d");
    expect(range && slice(JSON_TEXT, range)).toBe("true");
    const escaped = '{"x\\u002Fy": 5}';
    const r2 = jsonPointerRange(escaped, "/x~1y");
    expect(r2 && slice(escaped, r2)).toBe("5");
  });

  it("falls back to the deepest existing ancestor for a missing pointer", () => {
    const range = jsonPointerRange(JSON_TEXT, "/info/contact/email");
    expect(range?.exact).toBe(false);
    expect(range && JSON.parse(slice(JSON_TEXT, range))).toEqual({ title: "Demo", version: "1.0" });
  });

  it("maps the root pointer to the whole document", () => {
    const range = jsonPointerRange(JSON_TEXT, "");
    expect(range).toMatchObject({ start: 0, end: JSON_TEXT.length, exact: true });
  });

  it("uses the last of duplicate keys, as the parser does", () => {
    const text = '{"a": 1, "a": 22}';
    const range = jsonPointerRange(text, "/a");
    expect(range && slice(text, range)).toBe("22");
  });

  it("returns null for text that is not JSON", () => {
    expect(jsonPointerRange('{"a": }', "/a")).toBeNull();
  });

  it("resolves many pointers in one pass over a large text quickly", () => {
    const big: Record<string, unknown> = {};
    for (let i = 0; i < 20_000; i++) big[`k${i}`] = { name: `n${i}`, list: [1, 2, 3], flag: true };
    const text = JSON.stringify(big, null, 4);
    const pointers = Array.from({ length: 500 }, (_, i) => `/k${i * 40}/list/2`);
    const t0 = performance.now();
    const ranges = jsonPointerRanges(text, pointers);
    const elapsed = performance.now() - t0;
    expect(ranges.size).toBe(500);
    expect(slice(text, ranges.get("/k400/list/2") ?? { start: 0, end: 0 })).toBe("3");
    // Generous: the shared CI machine is slow; this only guards against one scan per pointer.
    expect(elapsed).toBeLessThan(3000);
  });
});

describe("findJsonSyntaxError", () => {
  it("accepts valid JSON, including a BOM", () => {
    expect(findJsonSyntaxError("\uFEFF" + JSON_TEXT)).toBeNull();
    expect(findJsonSyntaxError('[1, -2.5e3, "x\\n", null, false]')).toBeNull();
  });

  it.each([
    ['{\n    "a": 1,\n    "b" 2\n}', 3, 9, "':'"],
    ['{\n    "a": 1\n    "b": 2\n}', 3, 5, "','"],
    ['{"a": [1, 2}', 1, 12, "']'"],
    ['{"a": tru}', 1, 7, "value"],
    ['{"a": 1,}', 1, 9, "property name"],
    ['{"a": "x', 1, 9, "string"],
    ['{"a": 01}', 1, 8, "','"],
  ])("places the error in %j at line %i column %i", (text, line, column, words) => {
    const error = findJsonSyntaxError(text);
    expect(error).not.toBeNull();
    expect(offsetToLineColumn(text, error?.offset ?? -1)).toEqual({ line, column });
    expect(error?.message).toContain(words);
  });
});

describe("yamlPointerRanges", () => {
  const YAML_TEXT = stringify(DOC);

  it("finds values and keys from the yaml AST", () => {
    const ranges = yamlPointerRanges(YAML_TEXT, [
      "/info/title",
      "/paths/~1items~1{id}/get/parameters/1/name",
      "/paths/~1items~1{id}/get/responses/200/description",
    ]);
    const title = ranges.get("/info/title");
    expect(title && slice(YAML_TEXT, title)).toBe("Demo");
    expect(title?.keyStart !== undefined && YAML_TEXT.slice(title.keyStart, title.keyEnd)).toBe("title");
    expect(offsetToLineColumn(YAML_TEXT, title?.start ?? 0).line).toBe(3);
    const name = ranges.get("/paths/~1items~1{id}/get/parameters/1/name");
    expect(name && slice(YAML_TEXT, name)).toBe("q~x");
    const ok = ranges.get("/paths/~1items~1{id}/get/responses/200/description");
    expect(ok && slice(YAML_TEXT, ok)).toBe("OK");
  });

  it("falls back to the deepest ancestor and reports it as inexact", () => {
    const range = yamlPointerRanges(YAML_TEXT, ["/info/contact"]).get("/info/contact");
    expect(range?.exact).toBe(false);
    expect(range && slice(YAML_TEXT, range)).toContain("title: Demo");
  });

  it("returns nothing for broken YAML", () => {
    expect(yamlPointerRanges("a: [1, 2\nb: c", ["/a"]).size).toBe(0);
  });
});
