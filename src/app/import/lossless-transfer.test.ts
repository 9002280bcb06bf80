import { describe, expect, it } from "vitest";
import { KEY_ORDER, RAW_NUMBERS, orderedKeys } from "../../model/json-value";
import { packSideTables, unpackSideTables } from "./lossless-transfer";

describe("lossless transfer across structured clone", () => {
  it("brings back key order and raw numbers that structuredClone drops", () => {
    const responses = { "200": { description: "OK" }, default: { description: "Error" } };
    Object.defineProperty(responses, KEY_ORDER, { value: ["default", "200"], enumerable: true });
    const schema = { maximum: 1.0 };
    Object.defineProperty(schema, RAW_NUMBERS, { value: { maximum: "1.0" }, enumerable: true });
    const doc = { paths: { "/a": { get: { responses } } }, list: [schema] };

    const packed = packSideTables(doc);
    const cloned = structuredClone(packed);
    expect(orderedKeys(cloned.value.paths["/a"].get.responses)).toEqual(["200", "default"]);

    const restored = unpackSideTables(cloned);
    expect(orderedKeys(restored.paths["/a"].get.responses)).toEqual(["default", "200"]);
    expect((restored.list[0] as Record<symbol, unknown>)[RAW_NUMBERS]).toEqual({ maximum: "1.0" });
    // Spread (how edits copy objects) still carries the restored table.
    expect(orderedKeys({ ...restored.paths["/a"].get.responses })).toEqual(["default", "200"]);
  });

  it("leaves values without side tables alone", () => {
    const packed = packSideTables({ a: [1, 2, { b: "c" }], bytes: new Uint8Array([1, 2]) });
    expect(packed.sideTables).toEqual([]);
    expect(unpackSideTables(structuredClone(packed))).toEqual({
      a: [1, 2, { b: "c" }],
      bytes: new Uint8Array([1, 2]),
    });
  });
});
