import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { readFlag, readNumber, writeFlag, writeNumber } from "./stored-preference";

describe("stored yes/no preferences", () => {
  beforeEach(() => {
    const items = new Map<string, string>();
    vi.stubGlobal("localStorage", {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it("keeps the default when storage is refused", () => {
    vi.stubGlobal("localStorage", {
      getItem: () => {
        throw new Error("refused");
      },
      setItem: () => {
        throw new Error("refused");
      },
    });
    expect(() => writeFlag("cs.test", false)).not.toThrow();
    expect(readFlag("cs.test", true)).toBe(true);
  });

  it("falls back to the default until something is remembered", () => {
    expect(readFlag("cs.test", true)).toBe(true);
    expect(readFlag("cs.test", false)).toBe(false);
  });

  it("remembers true and false", () => {
    writeFlag("cs.test", false);
    expect(readFlag("cs.test", true)).toBe(false);
    writeFlag("cs.test", true);
    expect(readFlag("cs.test", false)).toBe(true);
  });

  it("ignores a value it did not write", () => {
    localStorage.setItem("cs.test", "maybe");
    expect(readFlag("cs.test", true)).toBe(true);
  });

  it("remembers a number, and reads nothing for a missing or non-numeric value", () => {
    expect(readNumber("width")).toBeNull();
    writeNumber("width", 320);
    expect(readNumber("width")).toBe(320);
    localStorage.setItem("width", "wide");
    expect(readNumber("width")).toBeNull();
  });
});
