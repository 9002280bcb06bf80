import { describe, expect, it } from "vitest";
import { createEmptyConnector } from "../model/create-empty-connector";
import { packageFileName } from "./export-connector";

describe("packageFileName", () => {
  it("uses the connector name", () => {
    expect(packageFileName(createEmptyConnector("Contoso Invoices"))).toBe("Contoso Invoices.zip");
  });
  it("replaces characters file systems refuse", () => {
    expect(packageFileName(createEmptyConnector('A/B: "C"?'))).toBe("A-B- -C--.zip");
  });
  it("falls back when the name is empty", () => {
    expect(packageFileName(createEmptyConnector(""))).toBe("Untitled connector.zip");
  });
});
