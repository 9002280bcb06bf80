import { describe, expect, it } from "vitest";
import type { JsonObject } from "../model/json-value";
import { COUNT_CAP, countSchemas, definitionSizeMeter } from "./budget";

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

describe("definitionSizeMeter", () => {
  it("measures the minified size against 1 MB, as the platform counts (Encodian: 1,079 KB indented, fits)", () => {
    const meter = definitionSizeMeter({ indented: 1_104_994, minified: 715_776, limit: 1024 * 1024 });
    expect(meter.value).toBe(715_776);
    expect(meter.text).toBe("699 KB of 1,024 KB minified (1,079 KB indented)");
  });

  it("says over the limit only when the minified size is", () => {
    expect(definitionSizeMeter({ indented: 2_000_000, minified: 1_100_000, limit: 1024 * 1024 }).text).toBe(
      "1,074 KB of 1,024 KB minified — over the limit (1,953 KB indented)",
    );
  });
});
