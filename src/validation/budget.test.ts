import { describe, expect, it } from "vitest";
import type { JsonObject } from "../model/json-value";
import { COUNT_CAP, countSchemas } from "./budget";

/** `levels` definitions, each with `fanOut` properties referencing the next: `fanOut ** levels` paths. */
function layered(levels: number, fanOut: number): JsonObject {
  const definitions: JsonObject = {};
  for (let level = 0; level < levels; level++) {
    const properties: JsonObject = {};
    for (let i = 0; i < fanOut; i++)
      properties[`p${i}`] =
        level === levels - 1 ? { type: "string" } : { $ref: `#/definitions/Level${level + 1}` };
    definitions[`Level${level}`] = { type: "object", properties };
  }
  return { definitions };
}

describe("countSchemas", () => {
  it("counts schemas with $refs expanded", () => {
    // 1 + 3 + 9 objects, 27 strings.
    expect(countSchemas(layered(3, 3), { $ref: "#/definitions/Level0" })).toBe(1 + 3 + 9 + 27);
  });

  it('stops at the shared node budget ("2048+") on 12 levels × 10 references', () => {
    expect(countSchemas(layered(12, 10), { $ref: "#/definitions/Level0" })).toBe(COUNT_CAP);
    expect(COUNT_CAP).toBe(2048);
  });
});
