import { describe, expect, it } from "vitest";
import { createEmptyConnector } from "../model/create-empty-connector";
import { listOperations } from "../model/swagger-types";
import { checkResponseAgainstSchema } from "./response-schema-check";
import { mergeResponseIntoSchema, setResponseSchemaFromBody } from "../model/operations/response-from-test";

const doc = {
  ...createEmptyConnector(),
  definition: {
    ...createEmptyConnector().definition,
    definitions: {
      Item: {
        type: "object",
        required: ["id"],
        properties: { id: { type: "integer" }, note: { type: "string", "x-nullable": true } },
      },
    },
  },
};

describe("checkResponseAgainstSchema", () => {
  it("lists each mismatch at its JSON path, honouring x-nullable and $refs", () => {
    const schema = {
      type: "object",
      properties: { items: { type: "array", items: { $ref: "#/definitions/Item" } } },
    };
    expect(checkResponseAgainstSchema(doc, schema, { items: [{ id: 1, note: null }] })).toEqual([]);
    const problems = checkResponseAgainstSchema(doc, schema, { items: [{ id: "x" }, { note: 5 }] });
    expect(problems).toEqual([
      { path: "$.items[0].id", message: 'should be integer but is string "x"' },
      { path: "$.items[1].id", message: "is required by the schema but missing" },
      { path: "$.items[1].note", message: "should be string,null but is number 5" },
    ]);
  });
});

describe("Use response as schema", () => {
  it("merges with what the maker wrote and is one command", () => {
    const written = {
      type: "object",
      properties: {
        id: { type: "integer", description: "The id", "x-ms-summary": "ID" },
        old: { type: "string" },
      },
    };
    const merged = mergeResponseIntoSchema(written, {
      type: "object",
      properties: { id: { type: "integer", format: "int32" }, name: { type: "string" } },
    });
    expect(merged.properties?.id).toEqual({
      type: "integer",
      description: "The id",
      "x-ms-summary": "ID",
      format: "int32",
    });
    expect(Object.keys(merged.properties ?? {})).toEqual(["id", "old", "name"]);

    const withOp = {
      ...doc,
      definition: {
        ...doc.definition,
        paths: { "/a": { get: { operationId: "A", responses: { "200": { description: "OK" } } } } },
      },
    };
    const next = setResponseSchemaFromBody("/a", "get", "200", { id: 3, tags: ["x"] }).apply(withOp);
    const response = listOperations(next.definition)[0]?.operation.responses?.["200"];
    expect(response).toMatchObject({
      description: "OK",
      schema: {
        type: "object",
        properties: { id: { type: "integer" }, tags: { type: "array", items: { type: "string" } } },
      },
    });
  });
});
