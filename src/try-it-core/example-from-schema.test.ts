import { describe, expect, it } from "vitest";
import { createEmptyConnector } from "../model/create-empty-connector";
import type { ConnectorDocument } from "../model/connector-document";
import type { JsonObject } from "../model/json-value";
import { SCHEMA_NODE_BUDGET } from "../model/node-budget";
import { exampleFromSchema } from "./example-from-schema";

/** `levels` definitions, each with `fanOut` properties referencing the next: `fanOut ** levels` paths. */
function layered(levels: number, fanOut: number): ConnectorDocument {
  const definitions: JsonObject = {};
  for (let level = 0; level < levels; level++) {
    const properties: JsonObject = {};
    for (let i = 0; i < fanOut; i++)
      properties[`p${i}`] =
        level === levels - 1 ? { type: "string" } : { $ref: `#/definitions/Level${level + 1}` };
    definitions[`Level${level}`] = { type: "object", properties };
  }
  const doc = createEmptyConnector("Deep");
  return { ...doc, definition: { ...doc.definition, definitions } as ConnectorDocument["definition"] };
}

function countNodes(value: unknown): number {
  if (typeof value !== "object" || value === null) return 1;
  return 1 + Object.values(value).reduce<number>((n, v) => n + countNodes(v), 0);
}

describe("exampleFromSchema", () => {
  it("gives the sample of a small schema in full", () => {
    const doc = layered(2, 2);
    expect(exampleFromSchema(doc, { $ref: "#/definitions/Level0" })).toEqual({
      p0: { p0: "", p1: "" },
      p1: { p0: "", p1: "" },
    });
  });

  it("stops within the node budget on schemas that reference each other 12 levels deep, 10 wide", () => {
    // Without a budget the depth limit alone lets 10^6 nodes through.
    const sample = exampleFromSchema(layered(12, 10), { $ref: "#/definitions/Level0" });
    expect(countNodes(sample)).toBeLessThanOrEqual(SCHEMA_NODE_BUDGET + 1);
    expect(sample).toMatchObject({ p0: { p0: { p0: {} } } });
  });
});
