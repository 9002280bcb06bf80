import { describe, expect, it } from "vitest";
import { createEmptyConnector } from "../../model/create-empty-connector";
import type { ConnectorDocument } from "../../model/connector-document";
import type { ImportReportEntry } from "../../model/import-report";
import { applyOperationChoice, needsOperationChoice } from "./choose-on-import";

function withOperations(n: number): ConnectorDocument {
  const doc = createEmptyConnector();
  const paths: Record<string, unknown> = {};
  for (let i = 0; i < n; i++)
    paths[`/items${i}`] = { get: { operationId: `Get${i}`, responses: { "200": { description: "OK" } } } };
  return { ...doc, definition: { ...doc.definition, paths } } as ConnectorDocument;
}

describe("choosing operations on import", () => {
  it("is needed only over 256 operations (or 1 MB minified)", () => {
    expect(needsOperationChoice(withOperations(256))).toBe(false);
    expect(needsOperationChoice(withOperations(257))).toBe(true);
  });
  it("keeps the chosen operations, drops report entries into removed ones and notes the choice", () => {
    const report: ImportReportEntry[] = [
      { kind: "approximated", source: "a", target: "/paths/~1items0/get", message: "kept one" },
      { kind: "dropped", source: "b", target: "/paths/~1items299/get", message: "removed one" },
      { kind: "note", source: "c", message: "no target" },
    ];
    const keys = ["/paths/~1items0/get", "/paths/~1items1/get"];
    const { doc, report: next } = applyOperationChoice(withOperations(300), report, keys);
    expect(Object.keys(doc.definition.paths ?? {})).toEqual(["/items0", "/items1"]);
    expect(next.map((e) => e.source)).toEqual(["Choose operations", "a", "c"]);
    expect(next[0]?.message).toContain("Kept 2 of 300 operations");
    expect(needsOperationChoice(doc)).toBe(false);
  });
});
