import { describe, expect, it } from "vitest";
import type { ImportReportEntry } from "./import-report";
import { describeTarget, groupReport, operationNameAt, reportHeadline } from "./import-report-summary";
import type { SwaggerDocument } from "./swagger-types";

const definition: SwaggerDocument = {
  swagger: "2.0",
  paths: {
    "/items": { get: { operationId: "ListItems", responses: {} }, post: { responses: {} } },
  },
};

const entry = (kind: ImportReportEntry["kind"], message: string, target?: string): ImportReportEntry => ({
  kind,
  source: "Folder / Request",
  message,
  ...(target !== undefined ? { target } : {}),
});

describe("reportHeadline", () => {
  it("reads input → operations; approximated, dropped", () => {
    const entries = [
      ...Array.from({ length: 12 }, () => entry("approximated", "a")),
      ...Array.from({ length: 3 }, () => entry("dropped", "d")),
      entry("note", "n"),
    ];
    expect(reportHeadline(entries, 20, { count: 951, noun: "requests" })).toBe(
      "951 requests → 20 operations; 12 approximated, 3 dropped, 1 note",
    );
    expect(reportHeadline([], 1)).toBe("1 operation; everything carried over exactly");
  });
});

describe("operation names instead of pointers", () => {
  it("names the operation by operationId, else method and path, and says the rest of the place", () => {
    expect(operationNameAt(definition, "/paths/~1items/get/parameters/0")).toBe("ListItems");
    expect(operationNameAt(definition, "/paths/~1items/post")).toBe("POST /items");
    expect(operationNameAt(definition, "/definitions/Item")).toBeNull();
    expect(describeTarget(definition, "/paths/~1items/get/parameters/0")).toBe("ListItems › parameters › 0");
    expect(describeTarget(definition, "/definitions/Item")).toBe("/definitions/Item");
    expect(describeTarget(definition, "")).toBe("the connector");
  });
});

describe("groupReport", () => {
  it("groups by kind (dropped first) and folds near-identical messages into one line with their operations", () => {
    const groups = groupReport(
      [
        entry("approximated", 'The body of "Get item" was inferred from 2 examples.', "/paths/~1items/get"),
        entry("approximated", 'The body of "Add item" was inferred from 5 examples.', "/paths/~1items/post"),
        entry("approximated", 'The body of "Again" was inferred from 1 examples.', "/paths/~1items/get/x"),
        entry("dropped", "A pre-request script was dropped."),
      ],
      definition,
    );
    expect(groups.map((g) => [g.kind, g.count, g.clusters.length])).toEqual([
      ["dropped", 1, 1],
      ["approximated", 3, 1],
    ]);
    expect(groups[1]?.clusters[0]?.operations).toEqual(["ListItems", "POST /items"]);
  });
});
