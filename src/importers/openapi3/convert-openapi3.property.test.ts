import SwaggerParser from "@apidevtools/swagger-parser";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isJsonObject, type JsonObject, type JsonValue } from "../../model/json-value";
import { convertOpenApi3, ExternalRefError, OpenApi3ConversionError } from "./convert-openapi3";
import { DENY_EXTERNAL_REFS } from "../../validation/swagger-parser-check";

/** A small document that exercises most of the converter; mutations start from it. */
const SEED: JsonObject = {
  openapi: "3.1.0",
  info: { title: "Seed", version: "1" },
  servers: [{ url: "https://{host}/v1", variables: { host: { default: "api.example.com" } } }],
  paths: {
    "/items/{id}": {
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
      get: {
        operationId: "GetItem",
        parameters: [
          { $ref: "#/components/parameters/Top" },
          { name: "tags", in: "query", schema: { type: "array", items: { type: "string" } } },
          { name: "c", in: "cookie", schema: { type: "string" } },
        ],
        responses: {
          "200": {
            description: "ok",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } },
          },
          "4XX": { $ref: "#/components/responses/Error" },
        },
        callbacks: {
          cb: { "{$request.body#/url}": { post: { responses: { "200": { description: "ok" } } } } },
        },
      },
      post: {
        requestBody: {
          content: {
            "multipart/form-data": {
              schema: {
                type: "object",
                properties: { f: { type: "string", format: "binary" }, n: { type: "integer" } },
              },
            },
            "application/json": { schema: { $ref: "#/components/schemas/Item" } },
          },
        },
        responses: { default: { description: "d" } },
      },
    },
  },
  components: {
    schemas: {
      Item: {
        type: "object",
        required: ["id"],
        properties: {
          id: { type: ["string", "null"] },
          child: { $ref: "#/components/schemas/Item" },
          kind: {
            oneOf: [{ $ref: "#/components/schemas/A" }, { $ref: "#/components/schemas/B" }],
            discriminator: { propertyName: "k" },
          },
          n: { type: "number", exclusiveMinimum: 1, const: 2 },
        },
        "x-ms-summary": "Item",
      },
      A: { type: "object", properties: { k: { type: "string" }, a: { type: "string" } } },
      B: {
        allOf: [
          { $ref: "#/components/schemas/A" },
          { properties: { b: { type: "boolean", nullable: true } } },
        ],
      },
    },
    parameters: { Top: { name: "top", in: "query", schema: { type: "integer" } } },
    responses: {
      Error: { description: "err", content: { "application/json": { schema: { type: "object" } } } },
    },
    securitySchemes: {
      o: {
        type: "oauth2",
        flows: {
          authorizationCode: {
            authorizationUrl: "https://a/auth",
            tokenUrl: "https://a/token",
            scopes: { s: "S" },
          },
        },
      },
      b: { type: "http", scheme: "bearer" },
      k: { type: "apiKey", in: "query", name: "key" },
    },
  },
  security: [{ o: ["s"] }, { b: [] }],
  webhooks: { w: { post: { responses: { "200": { description: "ok" } } } } },
};

const KEYS = [
  "$ref",
  "type",
  "oneOf",
  "anyOf",
  "allOf",
  "nullable",
  "items",
  "properties",
  "required",
  "enum",
  "in",
  "name",
  "schema",
  "content",
  "servers",
  "x-ms-visibility",
  "operationId",
  "discriminator",
  "additionalProperties",
];
const INTERESTING: JsonValue[] = [
  "#/components/schemas/Item",
  "#/components/schemas/Missing",
  "#/components/schemas/A/properties/k",
  "#/paths/~1items~1{id}/get",
  "other.yaml#/X",
  "https://example.com/x.json",
  ["string", "null"],
  ["integer", "string"],
  "null",
  "object",
  "array",
  "path",
  "cookie",
  "{x}",
  [],
  {},
  true,
  false,
  null,
  -1,
];

interface Mutation {
  at: number;
  op: "replace" | "delete" | "add";
  key: string;
  value: JsonValue;
}

function pointers(
  value: JsonValue,
  path: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => pointers(v, [...path, i], out));
  else if (isJsonObject(value))
    for (const k of Object.keys(value)) pointers(value[k] as JsonValue, [...path, k], out);
  return out;
}

function mutate(seed: JsonObject, mutations: Mutation[]): JsonValue {
  const doc = structuredClone(seed) as JsonValue;
  for (const m of mutations) {
    const all = pointers(doc);
    const path = all[m.at % all.length] as (string | number)[];
    if (path.length === 0) {
      if (m.op === "add" && isJsonObject(doc)) doc[m.key] = m.value;
      continue;
    }
    let parent: JsonValue = doc;
    for (const seg of path.slice(0, -1))
      parent = (parent as Record<string | number, JsonValue>)[seg] as JsonValue;
    const last = path[path.length - 1] as string | number;
    const container = parent as Record<string | number, JsonValue>;
    if (m.op === "replace") container[last] = m.value;
    else if (m.op === "delete") {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete container[last];
    } else {
      const target = container[last];
      if (isJsonObject(target)) target[m.key] = m.value;
    }
  }
  return doc;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom<Mutation["op"]>("replace", "delete", "add"),
  key: fc.constantFrom(...KEYS),
  value: fc.oneof(fc.constantFrom(...INTERESTING), fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue>),
});

/** Converts, and accepts only a result or one of the converter's own errors with a message. */
function convertOrExplain(doc: JsonValue) {
  try {
    return convertOpenApi3(doc, {
      sourceName: "spec.yaml",
      companions: { "other.yaml": { X: { type: "string" } } },
    });
  } catch (error) {
    const clear = error instanceof OpenApi3ConversionError || error instanceof ExternalRefError;
    if (!clear) throw error;
    expect((error as Error).message.length).toBeGreaterThan(15);
    return null;
  }
}

describe("convertOpenApi3 on mutated documents", () => {
  it("never throws anything but a clear conversion error, and never hangs", () => {
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 6 }), (mutations) => {
        const started = Date.now();
        convertOrExplain(mutate(SEED, mutations));
        expect(Date.now() - started).toBeLessThan(2000);
      }),
      { numRuns: 400 },
    );
  }, 120_000);

  it("produces output that swagger-parser accepts whenever it produces output", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutationArb, { minLength: 1, maxLength: 4 }), async (mutations) => {
        const result = convertOrExplain(mutate(SEED, mutations));
        if (!result) return;
        await SwaggerParser.validate(
          structuredClone(result.document.definition) as never,
          DENY_EXTERNAL_REFS as never,
        );
      }),
      { numRuns: 60 },
    );
  }, 240_000);

  it("does not modify its input", () => {
    const input = structuredClone(SEED);
    convertOpenApi3(input, { sourceName: "spec.yaml" });
    expect(input).toEqual(SEED);
  });
});
