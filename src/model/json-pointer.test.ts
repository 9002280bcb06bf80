import { describe, expect, it } from "vitest";
import { getAtPointer, parsePointer, removeAtPointer, setAtPointer, toPointer } from "./json-pointer";
import { KEY_ORDER, orderedKeys, type JsonObject } from "./json-value";

describe("json pointer", () => {
  it("escapes and parses tokens", () => {
    const pointer = toPointer(["paths", "/items/{id}", "get"]);
    expect(pointer).toBe("/paths/~1items~1{id}/get");
    expect(parsePointer(pointer)).toEqual(["paths", "/items/{id}", "get"]);
    expect(parsePointer("#/definitions/a%20b")).toEqual(["definitions", "a b"]);
  });

  it("sets without touching other branches and keeps key order", () => {
    const doc = { a: { x: 1 }, b: { y: 2 }, c: 3 };
    const next = setAtPointer(doc, "/a/x", 5);
    expect(next).toEqual({ a: { x: 5 }, b: { y: 2 }, c: 3 });
    expect(next.b).toBe(doc.b);
    expect(Object.keys(next)).toEqual(["a", "b", "c"]);
    expect(doc.a.x).toBe(1);
  });

  it("creates missing objects and appends to arrays", () => {
    expect(setAtPointer({}, "/a/b", 1)).toEqual({ a: { b: 1 } });
    expect(setAtPointer({ l: [1] }, "/l/-", 2)).toEqual({ l: [1, 2] });
  });

  it("removes keys and array items", () => {
    expect(removeAtPointer({ a: 1, b: 2 }, "/a")).toEqual({ b: 2 });
    expect(removeAtPointer({ l: [1, 2, 3] }, "/l/1")).toEqual({ l: [1, 3] });
    const same = { a: 1 };
    expect(removeAtPointer(same, "/missing")).toBe(same);
  });

  it("carries the source key order through edits", () => {
    const responses = {
      default: { description: "d" },
      "200": { description: "ok" },
      [KEY_ORDER]: ["default", "200"],
    };
    const edited = setAtPointer(responses, "/200/description", "OK");
    expect(orderedKeys(edited)).toEqual(["default", "200"]);
    expect(getAtPointer(edited, "/200/description")).toBe("OK");
  });
  it("keeps a key named __proto__ an own key when setting it or below it", () => {
    const parsed = JSON.parse('{"__proto__": {"a": 1}, "b": 2}') as JsonObject;
    const below = setAtPointer(parsed, "/__proto__/a", 5);
    expect(Object.getPrototypeOf(below)).toBe(Object.prototype);
    expect(Object.keys(below)).toEqual(["__proto__", "b"]);
    expect(getAtPointer(below, "/__proto__/a")).toBe(5);
    const added = setAtPointer({ b: 2 } as JsonObject, "/__proto__", { polluted: true });
    expect(Object.getPrototypeOf(added)).toBe(Object.prototype);
    expect(Object.keys(added)).toEqual(["b", "__proto__"]);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
