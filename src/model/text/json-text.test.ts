import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KEY_ORDER, RAW_NUMBERS, orderedKeys, type JsonObject, type JsonValue } from "../json-value";
import { parseJsonExact } from "./json-exact";
import {
  hasSideTables,
  parseJsonText,
  parseJsonValues,
  scanForSpecialCases,
  stringifyJson,
} from "./json-text";

/** The JSON data of a value, without side tables (vitest's toEqual also compares symbol keys). */
const plain = (v: unknown): unknown => JSON.parse(JSON.stringify(v) ?? "null");

function parseOk(text: string): {
  value: JsonValue;
  notes: { line?: number; column?: number; message: string }[];
} {
  const r = parseJsonText(text, "t.json");
  if (!r.ok) throw new Error(`unexpected failure: ${r.problem.message}`);
  return r;
}

function problemOf(text: string) {
  const r = parseJsonText(text, "t.json");
  if (r.ok) throw new Error("expected a failure");
  return r.problem;
}

/** Independent oracle: JSON tokens, strings compared by value, numbers by lexeme. */
function tokens(text: string): string[] {
  const re = /\s+|"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[{}[\],:]|true|false|null/gy;
  const out: string[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const t = m[0];
    if (/^\s/.test(t)) continue;
    out.push(t.startsWith('"') ? JSON.stringify(JSON.parse(t)) : t);
  }
  if (re.lastIndex !== 0 && re.lastIndex < text.length) throw new Error("oracle tokenizer stopped");
  return out;
}

describe("parseJsonText: values", () => {
  it("parses ordinary JSON through the fast path, with no side tables", () => {
    const { value, notes } = parseOk(
      '{"swagger": "2.0", "paths": {"/a": {"get": {"responses": {"200": {}}}}}}',
    );
    expect(notes).toEqual([]);
    expect(hasSideTables(value)).toBe(false);
    expect(stringifyJson(value, 4)).toBe(JSON.stringify(JSON.parse(JSON.stringify(value)), null, 4));
  });

  it("ignores a leading BOM", () => {
    expect(parseOk("\uFEFF[1]").value).toEqual([1]);
  });

  it("keeps integer-like keys in source order (only where JavaScript would reorder them)", () => {
    const text =
      '{"responses": {"default": {"d": 1}, "200": {"d": 2}, "400": {}}, "ok": {"200": 1, "404": 2, "x": 3}}';
    const { value } = parseOk(text);
    const root = value as JsonObject;
    const responses = root.responses as JsonObject;
    expect(Object.keys(responses)).toEqual(["200", "400", "default"]);
    expect((responses as { [KEY_ORDER]?: string[] })[KEY_ORDER]).toEqual(["default", "200", "400"]);
    expect((root.ok as { [KEY_ORDER]?: string[] })[KEY_ORDER]).toBeUndefined();
    expect(tokens(stringifyJson(value))).toEqual(tokens(text));
  });

  it("keeps descending integer keys in source order", () => {
    const text = '{"500": 1, "200": 2}';
    expect(stringifyJson(parseOk(text).value, 0)).toBe('{"500":1,"200":2}');
  });

  it("keeps number lexemes that String(Number(x)) would change", () => {
    const text =
      '{"a": 1.0, "b": 1e3, "c": 12345678901234567890, "d": -0, "e": 0.5, "f": [1.50, 2, 1E+2], "g": 10}';
    const { value } = parseOk(text);
    const obj = value as JsonObject & { [RAW_NUMBERS]?: Record<string, string> };
    expect(obj[RAW_NUMBERS]).toEqual({ a: "1.0", b: "1e3", c: "12345678901234567890", d: "-0" });
    expect((obj.f as unknown as { [RAW_NUMBERS]?: Record<string, string> })[RAW_NUMBERS]).toEqual({
      0: "1.50",
      2: "1E+2",
    });
    expect(stringifyJson(value, 0)).toBe(
      '{"a":1.0,"b":1e3,"c":12345678901234567890,"d":-0,"e":0.5,"f":[1.50,2,1E+2],"g":10}',
    );
  });

  it("drops a raw lexeme once the number changes, and keeps it through copies", () => {
    const { value } = parseOk('{"a": 1.0, "b": 2.50, "c": {"x": 1}}');
    const edited = { ...(value as JsonObject), a: 3 };
    expect(stringifyJson(edited, 0)).toBe('{"a":3,"b":2.50,"c":{"x":1}}');
  });

  it("carries KEY_ORDER through spread copies and appends new keys", () => {
    const { value } = parseOk('{"default": 1, "200": 2}');
    const edited: JsonObject = { ...(value as JsonObject), "404": 3, z: 4 };
    expect(orderedKeys(edited)).toEqual(["default", "200", "404", "z"]);
    expect(stringifyJson(edited, 0)).toBe('{"default":1,"200":2,"404":3,"z":4}');
    const { default: _removed, ...rest } = edited;
    expect(stringifyJson(rest, 0)).toBe('{"200":2,"404":3,"z":4}');
  });

  it("reports duplicate keys (last wins) with line and column", () => {
    const text = '{\r\n  "a": 1,\r\n  "b": 2,\r\n  "a": 3\r\n}';
    const { value, notes } = parseOk(text);
    expect(value).toEqual({ a: 3, b: 2 });
    expect(Object.keys(value as object)).toEqual(["a", "b"]);
    expect(notes).toEqual([
      { file: "t.json", line: 4, column: 3, message: 'Duplicate key "a": only its last value is kept' },
    ]);
  });

  it("keeps __proto__ as an ordinary key", () => {
    for (const text of ['{"__proto__": {"x": 1}, "a": 1}', '{"__proto__": {"x": 1}, "a": 1.0}']) {
      const { value } = parseOk(text);
      expect(Object.keys(value as object)).toEqual(["__proto__", "a"]);
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      expect(tokens(stringifyJson(value))).toEqual(tokens(text));
    }
  });

  it("handles keys with escapes that decode to integer-like keys", () => {
    const text = '{"a": 1, "\\u0032": 2}';
    expect(scanForSpecialCases(text)).toBe(-1);
    expect(stringifyJson(parseOk(text).value, 0)).toBe('{"a":1,"2":2}');
  });

  it("parses scalars at the root", () => {
    expect(parseOk("  42 ").value).toBe(42);
    expect(parseOk('"x"').value).toBe("x");
    expect(parseOk("null").value).toBe(null);
  });
});

describe("parseJsonText: errors name line and column with a plain message", () => {
  const cases: [string, string, number, number, RegExp][] = [
    ["trailing comma in object", '{\n  "a": 1,\n}', 2, 9, /Trailing comma: remove the ',' before '}'/],
    ["trailing comma in array", "[1,\n 2,\n]", 2, 3, /Trailing comma: remove the ',' before '\]'/],
    [
      "missing comma",
      '{\r\n  "a": 1\r\n  "b": 2\r\n}',
      3,
      3,
      /Expected ',' or '}' after a property value.*comma missing/,
    ],
    [
      "array closed with }",
      '{"a": [1, 2}',
      1,
      12,
      /Expected ',' or '\]' after an array element, found '}'.*'\[' at line 1, column 7/,
    ],
    [
      "object never closed",
      '{"a": {"b": 1}',
      1,
      15,
      /Unexpected end of file.*'{' at line 1, column 1 is not closed/,
    ],
    ["stray closing brace", '{"a": {"b": 1}}}', 1, 16, /after the end of the JSON document.*extra '}'/],
    ["raw tab in a string", '{"a": "x\ty"}', 1, 9, /Raw tab character inside a string/],
    ["line break in a string", '{"a": "x\ny"}', 1, 9, /Line break inside a string/],
    ["em space between tokens", '{"a": 1,\u2003"b": 2}', 1, 9, /U\+2003/],
    ["single quotes", "{'a': 1}", 1, 2, /double quotes/],
    ["comment", '{"a": 1 // no\n}', 1, 9, /Comments are not allowed/],
    ["bad literal", '{"a": tru}', 1, 7, /Unexpected 'tru'/],
    ["leading zero", '{"a": 01}', 1, 7, /cannot start with 0/],
    ["bad escape", '{"a": "\\x"}', 1, 8, /Invalid escape '\\x'/],
    ["missing colon", '{"a" 1}', 1, 6, /Expected ':' after the property name "a"/],
    ["unterminated string", '{"a": "abc', 1, 7, /never closed/],
  ];
  for (const [name, text, line, column, message] of cases) {
    it(name, () => {
      const p = problemOf(text);
      expect(p.file).toBe("t.json");
      expect([p.line, p.column]).toEqual([line, column]);
      expect(p.message).toMatch(message);
    });
  }

  it("an empty file", () => {
    expect(problemOf("")).toMatchObject({ line: 1, column: 1, message: "The file is empty" });
    expect(problemOf(" \r\n ")).toMatchObject({
      line: 2,
      column: 2,
      message: "The file holds only white space",
    });
  });

  it("counts columns after a BOM from the first real character", () => {
    expect(problemOf('\uFEFF{"a" 1}')).toMatchObject({ line: 1, column: 6 });
  });
});

describe("parseJsonValues: the values parseJsonText gives, or the same problem", () => {
  const texts = [
    '{"b": 1, "a": [1, 2.50, {"2": true, "1": null}], "__proto__": {"x": "y"}}',
    '\uFEFF{"a": 1, "a": 2}',
    '{"n": 1e2, "m": -0}',
    "[1, 2, 3]",
    "7",
    "[".repeat(998) + "]".repeat(998),
    "[".repeat(1000) + "]".repeat(1000),
    "[".repeat(1002) + "]".repeat(1002),
    '{\n  "a": 1,\n}',
    '{"a": "x\ty"}',
    "",
  ];
  for (const text of texts) {
    it(JSON.stringify(text.slice(0, 40)), () => {
      const lossless = parseJsonText(text, "t.json");
      const values = parseJsonValues(text, "t.json");
      expect(values.ok).toBe(lossless.ok);
      if (values.ok && lossless.ok) {
        expect(plain(values.value)).toEqual(plain(lossless.value));
        expect(values.notes).toEqual([]);
        if (typeof values.value === "object" && values.value !== null)
          expect(hasSideTables(values.value)).toBe(false);
      } else if (!values.ok && !lossless.ok) expect(values.problem).toEqual(lossless.problem);
    });
  }

  it("agrees with parseJsonText on generated JSON", () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const lossless = parseJsonText(text, "t.json");
        const values = parseJsonValues(text, "t.json");
        return (
          values.ok &&
          lossless.ok &&
          JSON.stringify(plain(values.value)) === JSON.stringify(plain(lossless.value))
        );
      }),
    );
  });
});

describe("stringifyJson", () => {
  it("matches JSON.stringify for values without side tables, for every indent", () => {
    const value = {
      a: [1, { b: "x\ny", c: [] }, {}],
      d: null,
      e: true,
      f: undefined,
      "2": 0.1,
    } as unknown as JsonValue;
    for (const indent of [0, 2, 4, "\t", 12, "abcdefghijklmn"]) {
      expect(stringifyJson(value, indent)).toBe(JSON.stringify(value, null, indent));
    }
  });

  it("writes subtrees without tables natively, re-indented, next to ones with tables", () => {
    const { value } = parseOk(
      '{"x": {"deep": [1, {"k": "v"}]}, "y": {"default": 1, "200": [2.0, {"z": []}]}}',
    );
    for (const indent of [0, 2, 4, "\t"]) {
      const out = stringifyJson(value, indent);
      const expected = JSON.stringify(
        { x: { deep: [1, { k: "v" }] }, y: { default: 1, "200": [2, { z: [] }] } },
        null,
        indent,
      )
        .replace('"200": [\n', '"200": [\n') // same layout…
        .replace(/"y": \{(\s*)"200"/, '"y": {$1"default"'); // …apart from key order and the 2.0
      expect(tokens(out)).toEqual(
        tokens('{"x": {"deep": [1, {"k": "v"}]}, "y": {"default": 1, "200": [2.0, {"z": []}]}}'),
      );
      expect(out.split("\n").length).toBe(expected.split("\n").length);
    }
  });
});

// ---- property-based tests -------------------------------------------------------------------------------

const keyArb = fc.oneof(
  fc.constantFrom(
    "a",
    "b",
    "default",
    "200",
    "404",
    "0",
    "7",
    "10",
    "01",
    "-1",
    "4294967294",
    "4294967295",
    "__proto__",
    "1.5",
    "é",
    "x y",
  ),
  fc.string({ maxLength: 6 }),
);
const numberLexemeArb = fc.oneof(
  fc.constantFrom(
    "0",
    "-0",
    "1.0",
    "1e3",
    "1E+2",
    "2.50",
    "0.1",
    "-3.25",
    "12345678901234567890",
    "1e-7",
    "5e-324",
    "1.7976931348623157e308",
    "1e400",
    "-0.0",
  ),
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
);
const wsArb = fc.constantFrom("", " ", "\n", "\r\n", "\t", "  ");

/** Random JSON text: unique keys, unusual number lexemes, any whitespace. */
const jsonTextArb: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    numberLexemeArb,
    fc.string().map((s) => JSON.stringify(s)),
    fc.constantFrom("true", "false", "null"),
    fc
      .array(fc.tuple(wsArb, tie("value"), wsArb), { maxLength: 5 })
      .map((items) => `[${items.map(([a, v, b]) => a + v + b).join(",")}]`),
    fc
      .uniqueArray(fc.tuple(keyArb, tie("value"), wsArb), { maxLength: 6, selector: ([k]) => k })
      .map((members) => `{${members.map(([k, v, w]) => `${w}${JSON.stringify(k)}${w}:${w}${v}`).join(",")}}`),
  ),
})).value;

/** A JSON document: an object or array at the root (a bare number at the root cannot keep its lexeme). */
const jsonDocumentArb = fc.oneof(
  jsonTextArb.filter((t) => t.startsWith("{") || t.startsWith("[")),
  jsonTextArb.map((v) => `{"root": ${v}}`),
);

describe("properties", () => {
  it("any JSON value → stringify → parse → stringify is stable and equal", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2, 4, "\t"), (value, indent) => {
        const first = stringifyJson(value as JsonValue, indent);
        expect(first).toBe(JSON.stringify(value, null, indent));
        const parsed = parseJsonText(first, "p.json");
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        expect(stringifyJson(parsed.value, indent)).toBe(first);
      }),
      { numRuns: 300 },
    );
  });

  it("any JSON text → parse → stringify gives the same tokens (key order and number lexemes kept)", () => {
    fc.assert(
      fc.property(jsonDocumentArb, (text) => {
        const parsed = parseJsonText(text, "p.json");
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        expect(parsed.notes).toEqual([]);
        expect(plain(parsed.value)).toEqual(plain(JSON.parse(text)));
        const out = stringifyJson(parsed.value, 4);
        expect(tokens(out)).toEqual(tokens(text));
        // Stable: once more through the parser gives the same text.
        const again = parseJsonText(out, "p.json");
        expect(again.ok && stringifyJson(again.value, 4)).toBe(out);
      }),
      { numRuns: 400 },
    );
  });

  it("the exact parser agrees with JSON.parse on valid text", () => {
    fc.assert(
      fc.property(jsonTextArb, (text) => {
        const exact = parseJsonExact(text);
        expect(exact.ok).toBe(true);
        if (exact.ok) expect(plain(exact.value)).toEqual(plain(JSON.parse(text)));
      }),
      { numRuns: 300 },
    );
  });

  it("random corruption never throws: a value (exactly when JSON.parse accepts) or a problem with line and column", () => {
    const corruption = fc.tuple(
      fc.constantFrom("delete", "insert", "replace"),
      fc.nat(),
      fc.constantFrom(
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        '"',
        "\\",
        "\t",
        "\n",
        " ",
        "x",
        "1",
        "-",
        ".",
        "e",
        "\u2003",
        "/",
        "'",
      ),
    );
    fc.assert(
      fc.property(jsonTextArb, fc.array(corruption, { minLength: 1, maxLength: 3 }), (text, edits) => {
        let t = text;
        for (const [kind, at, ch] of edits) {
          const i = t.length === 0 ? 0 : at % (t.length + 1);
          t =
            kind === "delete"
              ? t.slice(0, i) + t.slice(i + 1)
              : kind === "insert"
                ? t.slice(0, i) + ch + t.slice(i)
                : t.slice(0, i) + ch + t.slice(i + 1);
        }
        let nativeOk = true;
        try {
          JSON.parse(t);
        } catch {
          nativeOk = false;
        }
        const r = parseJsonText(t, "c.json");
        expect(r.ok).toBe(nativeOk);
        if (!r.ok) {
          expect(r.problem.line).toBeGreaterThanOrEqual(1);
          expect(r.problem.column).toBeGreaterThanOrEqual(1);
          expect(r.problem.message.length).toBeGreaterThan(5);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
