import { describe, expect, it } from "vitest";
import type { ConnectorDocument } from "../connector-document";
import { createEmptyConnector } from "../create-empty-connector";
import { getAtPointer } from "../json-pointer";
import { KEY_ORDER, orderedKeys, type JsonObject } from "../json-value";
import type { SwaggerDocument } from "../swagger-types";
import {
  addOperation,
  deleteOperation,
  duplicateOperation,
  findOperationById,
  moveOperation,
  planDuplicate,
  planNewOperation,
  renameKeyInPlace,
  renameOperationId,
  summariseOperations,
} from "./operations";

function makeDoc(definition: Partial<SwaggerDocument>, properties: JsonObject = {}): ConnectorDocument {
  const base = createEmptyConnector("Test");
  return {
    ...base,
    definition: { ...base.definition, ...definition },
    properties: { properties: { ...(base.properties.properties as JsonObject), ...properties } },
  };
}

const listDoc = () =>
  makeDoc(
    {
      paths: {
        "/lists": {
          get: { operationId: "GetLists", summary: "Get lists", responses: { "200": { description: "OK" } } },
        },
        "/items": {
          parameters: [{ name: "shared", in: "query", type: "string" }],
          get: {
            operationId: "GetItems",
            "x-unknown": { keep: true },
            parameters: [
              {
                name: "list",
                in: "query",
                type: "string",
                "x-ms-dynamic-values": { operationId: "GetLists", "value-path": "id" },
              },
              {
                name: "body",
                in: "body",
                schema: {
                  type: "object",
                  properties: { list: { type: "string", "x-ms-dynamic-list": { operationId: "GetLists" } } },
                },
              },
            ],
            responses: {},
          },
          post: { operationId: "OnItem", "x-ms-trigger": "single", responses: {} },
        },
      },
      "x-ms-capabilities": { testConnection: { operationId: "GetLists" } },
    },
    {
      scriptOperations: ["GetLists", "GetItems"],
      policyTemplateInstances: [
        {
          templateId: "setheader",
          title: "h",
          parameters: {
            "x-ms-apimTemplate-operationName": ["GetLists"],
            "x-ms-apimTemplateParameter.name": "A",
          },
        },
        { templateId: "custom-thing", parameters: { keep: 1 } },
      ],
    },
  );

describe("summariseOperations", () => {
  it("lists operations in document order and tells triggers from actions", () => {
    const rows = summariseOperations(listDoc().definition);
    expect(rows.map((r) => [r.operationId, r.isTrigger])).toEqual([
      ["GetLists", false],
      ["GetItems", false],
      ["OnItem", true],
    ]);
    expect(rows[1]?.pointer).toBe("/paths/~1items/get");
  });
});

describe("renameOperationId", () => {
  it("updates the operation and every reference (dynamic values/list, capabilities, policies, script scope)", () => {
    const doc = renameOperationId("GetLists", "ListAll").apply(listDoc());
    const def = doc.definition;
    expect(findOperationById(def, "ListAll")).toEqual({ path: "/lists", method: "get" });
    expect(getAtPointer(def, "/paths/~1items/get/parameters/0/x-ms-dynamic-values/operationId")).toBe(
      "ListAll",
    );
    expect(
      getAtPointer(
        def,
        "/paths/~1items/get/parameters/1/schema/properties/list/x-ms-dynamic-list/operationId",
      ),
    ).toBe("ListAll");
    expect(getAtPointer(def, "/x-ms-capabilities/testConnection/operationId")).toBe("ListAll");
    const props = doc.properties.properties as JsonObject;
    expect(props.scriptOperations).toEqual(["ListAll", "GetItems"]);
    expect(
      getAtPointer(props, "/policyTemplateInstances/0/parameters/x-ms-apimTemplate-operationName"),
    ).toEqual(["ListAll"]);
    // Unknown keys and unknown policies stay as they were.
    expect(getAtPointer(def, "/paths/~1items/get/x-unknown")).toEqual({ keep: true });
    expect(getAtPointer(props, "/policyTemplateInstances/1")).toEqual({
      templateId: "custom-thing",
      parameters: { keep: 1 },
    });
  });

  it("refuses a name another operation already uses", () => {
    const doc = listDoc();
    expect(renameOperationId("GetLists", "GetItems").apply(doc)).toBe(doc);
    expect(renameOperationId("GetLists", "").apply(doc)).toBe(doc);
  });
});

describe("create, duplicate, delete, move", () => {
  it("creates unique ids and paths for new actions and triggers", () => {
    let doc = listDoc();
    const first = planNewOperation(doc.definition, "action");
    doc = addOperation(first.location, first.operation).apply(doc);
    const second = planNewOperation(doc.definition, "action");
    expect(first.operation.operationId).toBe("NewAction");
    expect(second.operation.operationId).toBe("NewAction2");
    expect(second.location.path).not.toBe(first.location.path);
    const trigger = planNewOperation(doc.definition, "trigger");
    expect(trigger.operation["x-ms-trigger"]).toBe("single");
  });

  it("duplicates next to the original with path-level parameters and a fresh id", () => {
    const doc = listDoc();
    const plan = planDuplicate(doc.definition, { path: "/items", method: "get" });
    expect(plan).not.toBeNull();
    const next = duplicateOperation({ path: "/items", method: "get" }, plan!).apply(doc);
    expect(Object.keys(next.definition.paths ?? {})).toEqual(["/lists", "/items", "/items-copy"]);
    const copy = next.definition.paths?.["/items-copy"];
    expect(getAtPointer(copy, "/get/operationId")).toBe("GetItemsCopy");
    expect(copy?.parameters).toEqual([{ name: "shared", in: "query", type: "string" }]);
    expect(getAtPointer(copy, "/get/x-unknown")).toEqual({ keep: true });
  });

  it("deletes an operation, and its path item when no verb is left", () => {
    let doc = deleteOperation({ path: "/items", method: "get" }).apply(listDoc());
    expect(doc.definition.paths?.["/items"]?.get).toBeUndefined();
    expect(doc.definition.paths?.["/items"]?.post).toBeDefined();
    doc = deleteOperation({ path: "/lists", method: "get" }).apply(doc);
    expect(doc.definition.paths?.["/lists"]).toBeUndefined();
  });

  it("moves an operation to another URL, keeping the path order", () => {
    const doc = moveOperation({ path: "/lists", method: "get" }, { path: "/all-lists", method: "get" }).apply(
      listDoc(),
    );
    expect(Object.keys(doc.definition.paths ?? {})).toEqual(["/all-lists", "/items"]);
    expect(getAtPointer(doc.definition, "/paths/~1all-lists/get/operationId")).toBe("GetLists");
  });
});

describe("renameKeyInPlace", () => {
  it("keeps the position, also of integer-like keys", () => {
    const obj: JsonObject = { default: { a: 1 }, "200": { b: 2 } };
    Object.defineProperty(obj, KEY_ORDER, { value: ["default", "200"], enumerable: true });
    const renamed = renameKeyInPlace(obj, "default", "201");
    expect(orderedKeys(renamed)).toEqual(["201", "200"]);
    expect(renamed["201"]).toEqual({ a: 1 });
  });
});
