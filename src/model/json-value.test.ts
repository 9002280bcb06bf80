import { describe, expect, it } from "vitest";
import { copyObject, extendObject, KEY_ORDER, type JsonObject } from "./json-value";

describe("copyObject and extendObject", () => {
  it("copy own keys in order and the key-order symbol, like spread", () => {
    const source = { b: 1, a: 2, [KEY_ORDER]: ["b", "a"] };
    const copy = copyObject(source);
    expect(copy).not.toBe(source);
    expect(Object.keys(copy)).toEqual(["b", "a"]);
    expect(copy[KEY_ORDER]).toEqual(["b", "a"]);
    const extended = extendObject(source, { a: 3, c: 4 });
    expect(Object.keys(extended)).toEqual(["b", "a", "c"]);
    expect(extended).toMatchObject({ b: 1, a: 3, c: 4 });
    expect(extended[KEY_ORDER]).toEqual(["b", "a"]);
  });

  it("copy a key named __proto__ as an own key, never as the prototype", () => {
    const parsed = JSON.parse('{"__proto__": {"x": 1}, "b": 2}') as JsonObject;
    for (const copy of [copyObject(parsed), extendObject(parsed, { c: 3 })]) {
      expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
      expect(Object.prototype.hasOwnProperty.call(copy, "__proto__")).toBe(true);
      expect(copy["b"]).toBe(2);
    }
    const extra = JSON.parse('{"__proto__": {"y": 1}}') as JsonObject;
    const withExtra = extendObject({ a: 1 } as JsonObject, extra);
    expect(Object.getPrototypeOf(withExtra)).toBe(Object.prototype);
    expect(Object.keys(withExtra)).toEqual(["a", "__proto__"]);
  });
});
