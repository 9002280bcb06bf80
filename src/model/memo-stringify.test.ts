import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { setAtPointer } from "./json-pointer";
import type { JsonValue } from "./json-value";
import { parseJsonText, stringifyJson } from "./text/json-text";
import { MemoStringifier } from "./memo-stringify";

function parse(text: string): JsonValue {
  const parsed = parseJsonText(text, "x.json");
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return parsed.value;
}

const SAMPLE = `{
  "swagger": "2.0",
  "info": { "title": "T", "version": "1.0", "x-n": 1.0, "x-big": 12345678901234567890 },
  "paths": {
    "/a": {
      "get": {
        "operationId": "A",
        "summary": "s",
        "responses": { "200": { "description": "ok" }, "default": { "description": "d" }, "1": {} },
        "parameters": [{ "name": "p", "in": "query", "type": "number", "default": 1e3 }]
      }
    },
    "/b": { "post": { "operationId": "B", "responses": { "default": { "description": "x" } } } }
  },
  "x-order": { "b": 1, "2": 2, "a": 3, "__proto__": { "k": 1.50 } },
  "schemes": ["https"]
}`;

describe("MemoStringifier", () => {
  it("writes exactly what stringifyJson(value, 0) writes, side tables included", () => {
    const value = parse(SAMPLE);
    expect(new MemoStringifier().stringify(value)).toBe(stringifyJson(value, 0));
  });

  it("stays exact after edits that share unchanged branches with the cached version", () => {
    const memo = new MemoStringifier();
    let value = parse(SAMPLE);
    memo.stringify(value);
    for (const [pointer, next] of [
      ["/paths/~1a/get/summary", "typed"],
      ["/paths/~1a/get/summary", "typed more"],
      ["/info/x-n", 2],
      ["/paths/~1b/post/responses/default/description", "changed deep"],
      ["/x-order/2", "two"],
      ["/paths/~1c", { get: { operationId: "C" } }],
    ] as const) {
      value = setAtPointer(value, pointer, next as JsonValue);
      expect(memo.stringify(value)).toBe(stringifyJson(value, 0));
    }
  });

  it("matches JSON.stringify on arbitrary JSON values", () => {
    const memo = new MemoStringifier();
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 7 }), (value) => {
        expect(memo.stringify(value as JsonValue)).toBe(JSON.stringify(value));
      }),
    );
  });
});

describe("MemoStringifier.stringifyWithin", () => {
  it("stops when out of time and continues from the cache on the next call", () => {
    const value = parse(SAMPLE);
    const memo = new MemoStringifier();
    let calls = 0;
    let slices = 0;
    let text: string | null = null;
    while (text === null) {
      slices++;
      let budget = 1; // one cache-missing branch per slice
      text = memo.stringifyWithin(value, () => {
        calls++;
        return budget-- <= 0;
      });
    }
    expect(text).toBe(stringifyJson(value, 0));
    expect(slices).toBeGreaterThan(2);
    expect(calls).toBeGreaterThan(slices);
  });
});
