import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import type { JsonObject, JsonValue } from "../../model/json-value";
import { listOperations } from "../../model/swagger-types";
import { swaggerProblem } from "./__fixtures__/swagger-validate";
import { convertPostman } from "./convert-postman";

vi.setConfig({ testTimeout: 240_000 });

const base = JSON.parse(
  readFileSync(join(import.meta.dirname, "__fixtures__", "kitchen-sink.postman_collection.json"), "utf8"),
) as JsonObject;

/** Every JSON pointer-like path (as key arrays) inside a value, the root excluded. */
function allPaths(
  value: JsonValue,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push([...prefix, i]);
      allPaths(v, [...prefix, i], out);
    });
  } else if (value !== null && typeof value === "object") {
    for (const key of Object.keys(value)) {
      out.push([...prefix, key]);
      allPaths(value[key] as JsonValue, [...prefix, key], out);
    }
  }
  return out;
}

const PATHS = allPaths(base);

type Mutation = { path: (string | number)[]; op: "replace" | "delete"; value: JsonValue };

function mutate(input: JsonValue, mutations: Mutation[]): JsonValue {
  const copy = structuredClone(input);
  for (const m of mutations) {
    let parent: JsonValue = copy;
    for (const key of m.path.slice(0, -1)) {
      if (parent === null || typeof parent !== "object") break;
      parent = (parent as Record<string, JsonValue>)[key as string] as JsonValue;
    }
    if (parent === null || typeof parent !== "object") continue;
    const last = m.path[m.path.length - 1] as string | number;
    if (m.op === "delete") {
      if (Array.isArray(parent) && typeof last === "number") parent.splice(last, 1);
      else delete (parent as Record<string, JsonValue>)[last as string];
    } else {
      (parent as Record<string, JsonValue>)[last as string] = m.value;
    }
  }
  return copy;
}

/** Values Postman fields are commonly confused with, plus arbitrary JSON. */
const nasty = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<JsonValue>,
  fc.constantFrom<JsonValue>(
    null,
    "",
    "{{",
    "{{x}}",
    ":id",
    "/",
    "??#",
    "__proto__",
    "constructor",
    "toString",
    "hasOwnProperty",
    "{{baseUrl}}/{{a}}/:b?c={{d}}",
    "http://",
    "https://exa mple.com/a b",
    [],
    {},
    { type: "inherit" },
    { type: "noauth" },
    { mode: "raw", raw: '{"a": {{b}}' },
    { mode: "graphql", graphql: null },
    { mode: "formdata", formdata: [{ key: "f", type: "file" }] },
    [{ key: "", value: "" }],
    "COPY",
    -1,
    Number.MAX_VALUE,
    -0,
  ),
);

const mutation: fc.Arbitrary<Mutation> = fc.record({
  path: fc.constantFrom(...PATHS),
  op: fc.constantFrom<"replace" | "delete">("replace", "replace", "delete"),
  value: nasty,
});

function outcome(input: JsonValue): "ok" | "error" {
  try {
    const result = convertPostman(input, { sourceName: "fuzz.json" });
    const ids = listOperations(result.document.definition).map((o) => o.operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    return "ok";
  } catch (error) {
    // Only a deliberate, clear Error is acceptable: not a TypeError from reading a wrong shape.
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).constructor).toBe(Error);
    expect((error as Error).message).toMatch(/Postman/);
    return "error";
  }
}

describe("convertPostman under mutated collections", () => {
  it("never throws anything but a clear Error, never hangs, and keeps operationIds unique", () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
        outcome(mutate(base, mutations));
      }),
      { numRuns: 400 },
    );
  });

  it("produces output swagger-parser accepts (sampled)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
        const input = mutate(base, mutations);
        let definition;
        try {
          definition = convertPostman(input, { sourceName: "fuzz.json" }).document.definition;
        } catch {
          return; // covered by the test above
        }
        expect(await swaggerProblem(definition)).toBeUndefined();
      }),
      { numRuns: 40 },
    );
  });

  it("survives arbitrary JSON at the top level and as items", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        outcome(value as JsonValue);
        outcome({
          info: { name: "x", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
          item: [value as JsonValue],
        });
        outcome({ name: "v1", requests: [value as JsonValue], order: [] });
      }),
      { numRuns: 300 },
    );
  });
});
