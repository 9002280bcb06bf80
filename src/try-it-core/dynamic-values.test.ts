import { describe, expect, it } from "vitest";
import { createEmptyConnector } from "../model/create-empty-connector";
import { dynamicSource, extractOptions, findOperation, sourceInputs } from "./dynamic-values";
import { exampleFromSchema } from "./example-from-schema";

describe("dynamic dropdowns", () => {
  it("reads x-ms-dynamic-values and x-ms-dynamic-list", () => {
    expect(
      dynamicSource({
        name: "list",
        in: "query",
        "x-ms-dynamic-values": {
          operationId: "GetLists",
          parameters: { site: { parameter: "siteId" }, kind: "all" },
          "value-collection": "value",
          "value-path": "id",
          "value-title": "name",
        },
      }),
    ).toEqual({
      operationId: "GetLists",
      parameters: { site: { reference: "siteId" }, kind: { value: "all" } },
      collectionPath: "value",
      valuePath: "id",
      titlePath: "name",
    });
    expect(
      dynamicSource({
        name: "x",
        "x-ms-dynamic-list": {
          operationId: "L",
          parameters: { a: { value: 1 } },
          itemsPath: "items",
          itemValuePath: "key",
          itemTitlePath: "label",
        },
      }),
    ).toMatchObject({ operationId: "L", parameters: { a: { value: "1" } }, collectionPath: "items" });
    expect(
      dynamicSource({ name: "x", "x-ms-dynamic-values": { builtInOperation: "AadGraph.GetUsers" } }),
    ).toBeNull();
  });

  it("fills the source operation's inputs and waits for empty references", () => {
    const source = dynamicSource({
      name: "l",
      "x-ms-dynamic-values": { operationId: "G", parameters: { site: { parameter: "siteId" } } },
    });
    expect(source && sourceInputs(source, {})).toEqual({ values: {}, waitingFor: ["siteId"] });
    expect(source && sourceInputs(source, { siteId: "s1" })).toEqual({
      values: { site: "s1" },
      waitingFor: [],
    });
  });

  it("extracts options at nested paths and says when the list is missing", () => {
    const source = {
      operationId: "G",
      parameters: {},
      collectionPath: "data/items",
      valuePath: "id",
      titlePath: "info.name",
    };
    expect(
      extractOptions(source, { data: { items: [{ id: 1, info: { name: "One" } }, { id: "2" }, {}] } }),
    ).toEqual([
      { value: "1", title: "One" },
      { value: "2", title: "2" },
    ]);
    expect(extractOptions(source, { data: {} })).toEqual({
      error: 'The answer of G has no list at "data/items".',
    });
  });

  it("finds the source operation and pre-fills bodies from schemas", () => {
    const doc = createEmptyConnector("T");
    const withOps = {
      ...doc,
      definition: {
        ...doc.definition,
        paths: { "/a": { get: { operationId: "A", responses: {} } } },
        definitions: {
          Node: {
            type: "object",
            properties: { name: { type: "string" }, child: { $ref: "#/definitions/Node" } },
          },
        },
      },
    };
    expect(findOperation(withOps, "A")?.path).toBe("/a");
    expect(findOperation(withOps, "B")).toBeNull();
    expect(
      exampleFromSchema(withOps, {
        type: "object",
        properties: {
          id: { type: "integer" },
          tags: { type: "array", items: { type: "string", enum: ["x", "y"] } },
          node: { $ref: "#/definitions/Node" },
          when: { type: "string", format: "date-time" },
          note: { type: "string", default: "hi" },
        },
      }),
    ).toEqual({
      id: 0,
      tags: ["x"],
      node: { name: "", child: {} },
      when: "1970-01-01T00:00:00.000Z",
      note: "hi",
    });
  });
});
