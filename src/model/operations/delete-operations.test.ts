import { describe, expect, it } from "vitest";
import type { ConnectorDocument } from "../connector-document";
import { createEmptyConnector } from "../create-empty-connector";
import { createHistory, pushHistory, undo } from "../history";
import type { JsonObject } from "../json-value";
import { deleteOperations, planDeleteOperations } from "./delete-operations";
import { deleteOperation } from "./operations";

const lists = { path: "/lists", method: "get" } as const;
const items = { path: "/items", method: "get" } as const;
const hook = { path: "/items", method: "post" } as const;

function doc(): ConnectorDocument {
  const base = createEmptyConnector("Test");
  return {
    ...base,
    definition: {
      ...base.definition,
      paths: {
        "/lists": { get: { operationId: "GetLists", responses: {} } },
        "/items": {
          get: {
            operationId: "GetItems",
            parameters: [
              {
                name: "list",
                in: "query",
                type: "string",
                "x-ms-dynamic-values": { operationId: "GetLists", "value-path": "id" },
              },
            ],
            responses: {},
          },
          post: { operationId: "OnItem", "x-ms-trigger": "single", responses: {} },
        },
      },
    },
    properties: {
      properties: {
        ...(base.properties.properties as JsonObject),
        scriptOperations: ["GetLists", "GetItems"],
        policyTemplateInstances: [
          {
            templateId: "setheader",
            title: "only lists",
            parameters: { "x-ms-apimTemplate-operationName": ["GetLists"] },
          },
          {
            templateId: "setheader",
            title: "lists and hook",
            parameters: { "x-ms-apimTemplate-operationName": ["GetLists", "OnItem"] },
          },
        ],
      },
    },
  };
}

describe("deleteOperations", () => {
  it("deletes every chosen operation with the cleanup of deleting them one by one, as one command", () => {
    const before = doc();
    const command = deleteOperations([lists, hook]);
    expect(command.label).toBe("Delete 2 operations");
    const after = command.apply(before);
    const oneByOne = deleteOperation(hook).apply(deleteOperation(lists).apply(before));
    expect(after).toEqual(oneByOne);
    expect(Object.keys(after.definition.paths ?? {})).toEqual(["/items"]);
    const inner = after.properties.properties as JsonObject;
    expect(inner.policyTemplateInstances).toEqual([]);
    expect(inner.scriptOperations).toEqual(["GetItems"]);
  });
  it("is one undo step", () => {
    const before = doc();
    let history = createHistory(before);
    history = pushHistory(history, deleteOperations([lists, items, hook]).apply(before), { now: 1 });
    expect(history.past).toHaveLength(1);
    expect(history.present.definition.paths).toEqual({});
    expect(undo(history).present).toBe(before);
  });
});

describe("planDeleteOperations", () => {
  it("sums the impacts and leaves out references held by operations deleted too", () => {
    const withOwner = planDeleteOperations(doc(), [lists]);
    expect(withOwner).toMatchObject({
      count: 1,
      policiesRemoved: ["only lists"],
      policiesTrimmed: ["lists and hook"],
      scriptKept: false,
    });
    expect(withOwner.references.map((r) => r.ownerOperationId)).toEqual(["GetItems"]);
    const both = planDeleteOperations(doc(), [lists, items, { path: "/nope", method: "get" }]);
    expect(both.count).toBe(2);
    expect(both.references).toEqual([]);
    expect(both.scriptKept).toBe(true);
  });
  it("counts a policy trimmed by one delete and removed by the next as removed", () => {
    const plan = planDeleteOperations(doc(), [lists, hook]);
    expect(plan.policiesRemoved.sort()).toEqual(["lists and hook", "only lists"]);
    expect(plan.policiesTrimmed).toEqual([]);
  });
});
