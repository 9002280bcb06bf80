import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KEY_ORDER, type JsonObject, type JsonValue } from "../json-value";
import { stringifyJson } from "./json-text";
import {
  detectFormat,
  parseStructuredText,
  parseWithYamlPackage,
  parseYamlText,
  stringifyYaml,
} from "./yaml-text";

const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v) ?? "null");

function parseOk(text: string) {
  const r = parseYamlText(text, "t.yaml");
  if (!r.ok) throw new Error(`unexpected failure: ${r.problem.message}`);
  return r;
}

describe("parseYamlText", () => {
  it("reads YAML 1.2 core schema (yes/no and dates stay strings)", () => {
    const { value } = parseOk(
      "swagger: '2.0'\nflag: yes\nok: true\nn: 12\nf: 1.5\nnothing: null\nwhen: 2024-01-01\nlist:\n  - a\n  - 2\n",
    );
    expect(value).toEqual({
      swagger: "2.0",
      flag: "yes",
      ok: true,
      n: 12,
      f: 1.5,
      nothing: null,
      when: "2024-01-01",
      list: ["a", 2],
    });
  });

  it("keeps key order, including integer-like keys", () => {
    const { value } = parseOk(
      "responses:\n  default:\n    description: x\n  '200':\n    description: y\n  404:\n    description: z\n",
    );
    const responses = (value as JsonObject).responses as JsonObject & { [KEY_ORDER]?: string[] };
    expect(responses[KEY_ORDER]).toEqual(["default", "200", "404"]);
    expect(stringifyJson(value, 0)).toBe(
      '{"responses":{"default":{"description":"x"},"200":{"description":"y"},"404":{"description":"z"}}}',
    );
  });

  it("notes duplicate keys (last wins) with line and column, CRLF counted once", () => {
    const r = parseOk("a: 1\r\nb:\r\n  c: 1\r\n  c: 2\r\na: 3\r\n");
    expect(r.value).toEqual({ a: 3, b: { c: 2 } });
    expect(r.notes).toEqual([
      { file: "t.yaml", line: 4, column: 3, message: 'Duplicate key "c": only its last value is kept' },
      { file: "t.yaml", line: 5, column: 1, message: 'Duplicate key "a": only its last value is kept' },
    ]);
  });

  it("names line and column of syntax errors", () => {
    const r = parseYamlText("a:\r\n  b: [1, 2\r\nc: 3\r\n", "t.yaml");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.file).toBe("t.yaml");
      expect(r.problem.line).toBeGreaterThanOrEqual(2);
      expect(r.problem.column).toBeGreaterThanOrEqual(1);
      expect(r.problem.message).toMatch(/^[A-Z]/);
    }
    const bad = parseYamlText("a: 1\n  b: 2\n", "t.yaml");
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect([bad.problem.line, bad.problem.column]).toEqual([2, 4]);
  });

  it("refuses an empty file and several documents", () => {
    expect(parseYamlText(" \n", "t.yaml")).toMatchObject({ ok: false, problem: { line: 1, column: 1 } });
    const multi = parseYamlText("a: 1\n---\nb: 2\n", "t.yaml");
    expect(multi).toMatchObject({ ok: false, problem: { line: 2 } });
    if (!multi.ok) expect(multi.problem.message).toMatch(/more than one YAML document/);
  });

  it("refuses recursive aliases and alias bombs, accepts ordinary aliases", () => {
    expect(parseYamlText("a: &x\n  b: *x\n", "t.yaml").ok).toBe(false);
    const lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(", ")}]`,
      );
    const bomb = parseYamlText(lines.join("\n"), "t.yaml");
    expect(bomb.ok).toBe(false);
    const ok = parseOk("base: &b {x: 1}\nuse: *b\n");
    expect(plain(ok.value)).toEqual({ base: { x: 1 }, use: { x: 1 } });
  });

  it("reads explicit keys (`? key`) with their order and duplicates", () => {
    const { value, notes } = parseOk("? a\n: 1\n'5': 2\n? /very/long/key\n: {x: 1}\n? a\n: 3\n");
    expect(stringifyJson(value, 0)).toBe('{"a":3,"5":2,"/very/long/key":{"x":1}}');
    expect(notes.map((n) => [n.line, n.message])).toEqual([
      [6, 'Duplicate key "a": only its last value is kept'],
    ]);
  });

  it("falls back to the yaml package for complex keys", () => {
    const { value } = parseOk("[a, b]: 1\n'5': 2\n");
    expect(stringifyJson(value, 0)).toBe('{"a,b":1,"5":2}');
  });

  it("keeps __proto__ as an ordinary key and ignores a BOM", () => {
    const { value } = parseOk("\uFEFF__proto__: {x: 1}\na: 2\n");
    expect(Object.keys(value as object)).toEqual(["__proto__", "a"]);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });
});

describe("the yaml-package path", () => {
  it("gives the same values, order and duplicate notes", () => {
    const text = "x: 1\n'200': {a: 1, a: 2}\nlist: [1, two]\n";
    const a = parseYamlText(text, "t.yaml");
    const b = parseWithYamlPackage(text, "t.yaml");
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) {
      expect(stringifyJson(a.value)).toBe(stringifyJson(b.value));
      expect(a.notes.map((n) => [n.line, n.column])).toEqual(b.notes.map((n) => [n.line, n.column]));
    }
  });
});

describe("stringifyYaml", () => {
  it("keeps source key order, also for integer-like keys", () => {
    const { value } = parseOk("b: 1\n'200': 2\na: [1, {z: 1, '1': 2}]\n");
    expect(stringifyYaml(value)).toBe("b: 1\n'200': 2\na:\n  - 1\n  - z: 1\n    '1': 2\n");
  });

  it("round-trips any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = stringifyYaml(value as JsonValue);
        const back = parseYamlText(text, "p.yaml");
        expect(back.ok).toBe(true);
        if (back.ok) expect(plain(back.value)).toEqual(plain(value));
      }),
      { numRuns: 200 },
    );
  });
});

describe("parseStructuredText", () => {
  it("picks JSON for '{' or '[' and YAML otherwise, and says which", () => {
    expect(detectFormat('\uFEFF \r\n{"a": 1}')).toBe("json");
    expect(detectFormat("[1]")).toBe("json");
    expect(detectFormat("swagger: '2.0'")).toBe("yaml");
    expect(parseStructuredText('{"a": 1.0}', "f")).toMatchObject({ ok: true, format: "json" });
    expect(parseStructuredText("a: 1", "f")).toMatchObject({ ok: true, format: "yaml", value: { a: 1 } });
    expect(parseStructuredText('{"a": 1,}', "f")).toMatchObject({
      ok: false,
      format: "json",
      problem: { line: 1, column: 8 },
    });
  });
});
