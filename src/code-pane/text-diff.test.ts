import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { applyTextEdit, minimalEdit } from "./text-diff";

describe("minimalEdit", () => {
  it("returns null for equal texts", () => {
    expect(minimalEdit("abc", "abc")).toBeNull();
  });

  it("replaces only the changed span", () => {
    expect(minimalEdit('{"a": 1}', '{"a": 2}')).toEqual({ start: 6, end: 7, text: "2" });
    expect(minimalEdit("hello world", "hello brave world")).toEqual({ start: 6, end: 6, text: "brave " });
    expect(minimalEdit("abcdef", "abef")).toEqual({ start: 2, end: 4, text: "" });
  });

  it("keeps a change at the start or end small", () => {
    expect(minimalEdit("x123", "y123")).toEqual({ start: 0, end: 1, text: "y" });
    expect(minimalEdit("123x", "123")).toEqual({ start: 3, end: 4, text: "" });
  });

  it("never splits a surrogate pair or a CRLF", () => {
    const a = "a\u{1F600}b";
    const b = "a\u{1F601}b";
    const edit = minimalEdit(a, b);
    expect(edit).toEqual({ start: 1, end: 3, text: "\u{1F601}" });
    const crlf = minimalEdit("a\r\nb", "a\nb");
    expect(crlf && crlf.start).toBeLessThanOrEqual(1);
    expect(crlf && applyTextEdit("a\r\nb", crlf)).toBe("a\nb");
  });

  it("always turns the old text into the new one (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.string({ unit: "grapheme" }), (a, b) => {
        const edit = minimalEdit(a, b);
        if (a === b) return edit === null;
        return edit !== null && applyTextEdit(a, edit) === b && edit.end - edit.start <= a.length;
      }),
    );
  });

  it("edits a large text in a few milliseconds", () => {
    const base = JSON.stringify(
      Array.from({ length: 30_000 }, (_, i) => ({ i, s: `v${i}` })),
      null,
      4,
    );
    const changed = base.replace('"v15000"', '"changed"');
    const t0 = performance.now();
    const edit = minimalEdit(base, changed);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(edit?.text).toBe("changed");
  });
});
