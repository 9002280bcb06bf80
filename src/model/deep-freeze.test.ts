import { describe, expect, it } from "vitest";
import { createEmptyConnector } from "./create-empty-connector";
import { deepFreeze } from "./deep-freeze";

describe("deepFreeze", () => {
  it("makes an in-place write to any depth throw, and leaves byte arrays alone", () => {
    const doc = deepFreeze({ ...createEmptyConnector(), icon: new Uint8Array([1, 2]) });
    expect(() => {
      (doc.definition.info as { title: string }).title = "changed";
    }).toThrow(TypeError);
    expect(() => {
      (doc.definition.schemes as string[]).push("http");
    }).toThrow(TypeError);
    expect(Object.isFrozen(doc.properties.properties)).toBe(true);
    expect(Object.isFrozen(doc.icon)).toBe(false);
  });

  it("copies made with spread stay writable", () => {
    const doc = deepFreeze(createEmptyConnector());
    const copy = { ...doc.definition, host: "api.example.com" };
    expect(copy.host).toBe("api.example.com");
  });
});
