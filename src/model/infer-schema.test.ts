import { describe, expect, it } from "vitest";
import { inferSchema } from "./infer-schema";

describe("inferSchema", () => {
  it("types scalars: integers, decimals, booleans, ISO dates", () => {
    const { schema } = inferSchema([
      { n: 1, big: 12345678901, f: 1.5, b: true, at: "2024-01-02T03:04:05Z", day: "2024-01-02", s: "x" },
    ]);
    expect(schema.properties).toEqual({
      n: { type: "integer", format: "int32" },
      big: { type: "integer", format: "int64" },
      f: { type: "number", format: "float" },
      b: { type: "boolean" },
      at: { type: "string", format: "date-time" },
      day: { type: "string", format: "date" },
      s: { type: "string" },
    });
  });

  it("makes a key required only when every sample has it", () => {
    const { schema } = inferSchema([
      { id: 1, name: "a", extra: true },
      { id: 2, name: "b" },
    ]);
    expect(schema.required).toEqual(["id", "name"]);
    expect(Object.keys(schema.properties ?? {})).toEqual(["id", "name", "extra"]);
  });

  it("never emits an empty required list (draft 4 rejects it)", () => {
    const { schema } = inferSchema([{ a: 1 }, { b: 2 }]);
    expect(schema.required).toBeUndefined();
  });

  it("turns null into x-nullable with the type seen in other samples, never type null", () => {
    const { schema, notes } = inferSchema([{ note: null }, { note: "gift" }]);
    expect(schema.properties?.note).toEqual({ type: "string", "x-nullable": true });
    expect(JSON.stringify(schema)).not.toContain('"null"');
    expect(notes).toEqual([]);
  });

  it("looks at every array item, so a null first item does not decide the type", () => {
    const { schema } = inferSchema([[null, 3, 4.5]]);
    expect(schema).toEqual({ type: "array", items: { type: "number", format: "float", "x-nullable": true } });
  });

  it("flags empty arrays and null-only values instead of dropping them", () => {
    const { schema, notes } = inferSchema([{ tags: [], gone: null }]);
    expect(schema.properties?.tags).toEqual({ type: "array", items: {} });
    expect(schema.properties?.gone).toEqual({ type: "string", "x-nullable": true });
    expect(notes.map((n) => n.path)).toEqual(["$.tags", "$.gone"]);
    expect(notes[0]?.message).toMatch(/empty array/);
  });

  it("keeps nested array item types", () => {
    const { schema } = inferSchema([{ grid: [[1, 2], [3]] }]);
    expect(schema.properties?.grid).toEqual({
      type: "array",
      items: { type: "array", items: { type: "integer", format: "int32" } },
    });
  });

  it("merges objects inside arrays across samples", () => {
    const { schema } = inferSchema([{ items: [{ id: 1 }] }, { items: [{ id: 2, name: "x" }] }]);
    expect(schema.properties?.items?.items).toEqual({
      type: "object",
      properties: { id: { type: "integer", format: "int32" }, name: { type: "string" } },
      required: ["id"],
    });
  });

  it("leaves mixed types untyped and says so", () => {
    const { schema, notes } = inferSchema([{ v: "a" }, { v: { x: 1 } }]);
    expect(schema.properties?.v).toEqual({});
    expect(notes[0]?.message).toMatch(/several types/);
  });

  it("keeps a key named __proto__ as a property", () => {
    const sample = JSON.parse('{"__proto__": {"a": 1}}') as never;
    const { schema } = inferSchema([sample]);
    expect(Object.prototype.hasOwnProperty.call(schema.properties, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).a).toBeUndefined();
  });

  it("describes very deep samples as any value instead of overflowing", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = [deep];
    const { notes } = inferSchema([deep as never]);
    expect(notes.some((n) => /deeper/.test(n.message))).toBe(true);
  });

  it("returns an empty schema for no samples", () => {
    expect(inferSchema([])).toEqual({ schema: {}, notes: [] });
  });
});
