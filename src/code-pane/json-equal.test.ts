import { describe, expect, it } from "vitest";
import { KEY_ORDER, RAW_NUMBERS } from "../model/json-value";
import { jsonEqual } from "./json-equal";

describe("jsonEqual", () => {
  it("compares deeply", () => {
    expect(jsonEqual({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(jsonEqual({ a: [1, { b: null }] }, { a: [1, { b: false }] })).toBe(false);
    expect(jsonEqual([1], { 0: 1 })).toBe(false);
  });

  it("treats a change of key order as a change", () => {
    expect(jsonEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    const ordered = { "200": 1, x: 2, [KEY_ORDER]: ["x", "200"] };
    expect(jsonEqual(ordered, { "200": 1, x: 2 })).toBe(false);
    expect(jsonEqual(ordered, { "200": 1, x: 2, [KEY_ORDER]: ["x", "200"] })).toBe(true);
  });

  it("treats a different number lexeme as a change", () => {
    expect(jsonEqual({ v: 1, [RAW_NUMBERS]: { v: "1.0" } }, { v: 1 })).toBe(false);
  });
});
