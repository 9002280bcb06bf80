import { describe, expect, it } from "vitest";
import { createEmptyConnector } from "../create-empty-connector";
import { getAtPointer } from "../json-pointer";
import type { ConnectorDocument } from "../connector-document";
import { listReferences, renameReference } from "./references";
import {
  addPolicy,
  listPolicies,
  movePolicy,
  newPolicyInstance,
  removePolicy,
  setPolicyOperations,
  setPolicyParameter,
} from "./policies";
import {
  addWebhookDeleteOperation,
  ensureWebhookCreatedResponse,
  planWebhookDelete,
  readPollingConfig,
  setNotificationContent,
  setNotificationUrlProperty,
  setPollingConfig,
  triggerKind,
} from "./triggers";

function doc(): ConnectorDocument {
  const base = createEmptyConnector("T");
  return {
    ...base,
    definition: {
      ...base.definition,
      paths: {
        "/items": {
          get: {
            operationId: "GetItems",
            parameters: [{ $ref: "#/parameters/Top" }],
            responses: { "200": { description: "OK", schema: { $ref: "#/definitions/Item" } } },
          },
        },
        "/hooks": {
          post: {
            operationId: "OnNewItem",
            "x-ms-trigger": "single",
            parameters: [
              {
                name: "body",
                in: "body",
                schema: {
                  type: "object",
                  properties: { callback: { type: "string" }, event: { type: "string" } },
                },
              },
            ],
            responses: {},
          },
        },
      },
      definitions: {
        Item: { type: "object", properties: { child: { $ref: "#/definitions/Child" } } },
        Child: { type: "object" },
        List: { type: "array", items: { $ref: "#/definitions/Item/properties/child" } },
      },
      parameters: { Top: { name: "top", in: "query", type: "integer" } },
    },
  };
}

describe("references", () => {
  it("lists shared items with where each is used", () => {
    const refs = listReferences(doc().definition);
    const item = refs.find((r) => r.name === "Item");
    expect(item?.usages.map((u) => u.pointer)).toEqual([
      "/paths/~1items/get/responses/200/schema",
      "/definitions/List/items",
    ]);
    expect(item?.usages[0]?.operation).toEqual({ path: "/items", method: "get" });
    expect(refs.find((r) => r.name === "Top")?.usages).toHaveLength(1);
  });

  it("renaming updates every $ref, also into inner parts, and keeps the position", () => {
    const next = renameReference("definitions", "Item", "Thing").apply(doc());
    expect(Object.keys(next.definition.definitions ?? {})).toEqual(["Thing", "Child", "List"]);
    expect(getAtPointer(next.definition, "/paths/~1items/get/responses/200/schema/$ref")).toBe(
      "#/definitions/Thing",
    );
    expect(getAtPointer(next.definition, "/definitions/List/items/$ref")).toBe(
      "#/definitions/Thing/properties/child",
    );
    const renamedParam = renameReference("parameters", "Top", "PageSize").apply(next);
    expect(getAtPointer(renamedParam.definition, "/paths/~1items/get/parameters/0/$ref")).toBe(
      "#/parameters/PageSize",
    );
    // A taken name is refused.
    expect(renameReference("definitions", "Child", "List").apply(next)).toBe(next);
  });
});

describe("policies", () => {
  it("adds from a template, edits, scopes, reorders and removes; unknown templates stay intact", () => {
    let d = doc();
    d = addPolicy({ templateId: "mystery", title: "x", parameters: { secret: { deep: 1 } } }).apply(d);
    d = addPolicy(newPolicyInstance("setheader", "Add header")).apply(d);
    let list = listPolicies(d);
    expect(list[1]?.parameters).toEqual({
      "x-ms-apimTemplateParameter.name": "",
      "x-ms-apimTemplateParameter.value": "",
      "x-ms-apimTemplateParameter.existsAction": "override",
      "x-ms-apimTemplate-policySection": "Request",
    });
    d = setPolicyParameter(1, "x-ms-apimTemplateParameter.name", "X-Api").apply(d);
    d = setPolicyOperations(1, ["GetItems"]).apply(d);
    d = movePolicy(1, -1).apply(d);
    list = listPolicies(d);
    expect(list.map((p) => p.templateId)).toEqual(["setheader", "mystery"]);
    expect(list[0]?.operations).toEqual(["GetItems"]);
    expect(list[0]?.template?.label).toBe("Set HTTP header");
    expect(list[1]?.template).toBeUndefined();
    expect(list[1]?.raw).toEqual({ templateId: "mystery", title: "x", parameters: { secret: { deep: 1 } } });
    d = setPolicyOperations(0, []).apply(d);
    expect(listPolicies(d)[0]?.operations).toEqual([]);
    d = removePolicy(0).apply(d);
    expect(listPolicies(d).map((p) => p.templateId)).toEqual(["mystery"]);
  });
});

describe("triggers", () => {
  it("configures a webhook: callback URL property, notification content, 201 + Location, delete operation", () => {
    const location = { path: "/hooks", method: "post" as const };
    let d = doc();
    expect(triggerKind(d, location)).toBe("unset");
    d = setNotificationUrlProperty(location, "/parameters/0/schema/properties/callback").apply(d);
    expect(getAtPointer(d.definition, "/paths/~1hooks/post/parameters/0/schema/properties/callback")).toEqual(
      {
        type: "string",
        "x-ms-notification-url": true,
        "x-ms-visibility": "internal",
      },
    );
    expect(getAtPointer(d.definition, "/paths/~1hooks/post/parameters/0/schema/required")).toEqual([
      "callback",
    ]);
    expect(triggerKind(d, location)).toBe("webhook");
    // Choosing another property moves the mark.
    d = setNotificationUrlProperty(location, "/parameters/0/schema/properties/event").apply(d);
    expect(
      getAtPointer(
        d.definition,
        "/paths/~1hooks/post/parameters/0/schema/properties/callback/x-ms-notification-url",
      ),
    ).toBeUndefined();
    d = setNotificationContent(location, { type: "object", properties: { id: { type: "string" } } }).apply(d);
    expect(
      getAtPointer(d.definition, "/paths/~1hooks/x-ms-notification-content/schema/properties/id/type"),
    ).toBe("string");
    d = ensureWebhookCreatedResponse(location).apply(d);
    expect(getAtPointer(d.definition, "/paths/~1hooks/post/responses/201/headers/Location/type")).toBe(
      "string",
    );
    const plan = planWebhookDelete(d.definition, location);
    d = addWebhookDeleteOperation(plan).apply(d);
    expect(getAtPointer(d.definition, "/paths/~1hooks~1{hookId}/delete/x-ms-visibility")).toBe("internal");
  });

  it("configures polling as x-ms-trigger-metadata plus a pollingtrigger policy", () => {
    const location = { path: "/items", method: "get" as const };
    let d = setPollingConfig(location, {
      stateParameter: "since",
      valueExpression: "@{triggerBody().value[0].created}",
      triggerDataPath: "@triggerBody().value",
    }).apply(doc());
    expect(getAtPointer(d.definition, "/paths/~1items/get/x-ms-trigger-metadata")).toEqual({
      kind: "query",
      mode: "polling",
    });
    const policy = listPolicies(d)[0];
    expect(policy?.raw.type).toBe("PollingTrigger");
    expect(policy?.operations).toEqual(["GetItems"]);
    expect(triggerKind(d, location)).toBe("polling");
    d = setPollingConfig(location, {
      stateParameter: "since",
      valueExpression: "x",
      triggerDataPath: "@triggerBody()",
    }).apply(d);
    expect(listPolicies(d)).toHaveLength(1);
    expect(readPollingConfig(d, "GetItems")).toEqual({
      stateParameter: "since",
      valueExpression: "x",
      triggerDataPath: "@triggerBody()",
    });
  });
});
