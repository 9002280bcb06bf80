import { describe, expect, it } from "vitest";
import { connectorMonogram } from "./connectors-nav";

describe("connectorMonogram", () => {
  it("takes the first letters of two words, or two letters of one", () => {
    expect(connectorMonogram("Encodian Utilities")).toBe("EU");
    expect(connectorMonogram("contoso")).toBe("CO");
    expect(connectorMonogram("Ünïcode – Straße")).toBe("ÜS");
    expect(connectorMonogram("  ")).toBe("?");
  });
});
