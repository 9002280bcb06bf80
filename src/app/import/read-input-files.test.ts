import { describe, expect, it } from "vitest";
import { pastedTextToFile } from "./read-input-files";

describe("pastedTextToFile", () => {
  it("names JSON text .json and anything else .yaml, keeping the exact text", () => {
    const json = pastedTextToFile('  {"swagger": "2.0"}');
    expect(json.path).toBe("pasted.json");
    expect(new TextDecoder().decode(json.bytes)).toBe('  {"swagger": "2.0"}');
    expect(pastedTextToFile("swagger: '2.0'\n").path).toBe("pasted.yaml");
  });
});
