import { describe, expect, it } from "vitest";
import type { ConnectorDocument } from "../connector-document";
import { createEmptyConnector } from "../create-empty-connector";
import { createHistory, pushHistory, undo } from "../history";
import { getAtPointer } from "../json-pointer";
import { KEY_ORDER, orderedKeys, type JsonObject } from "../json-value";
import type { SwaggerDocument } from "../swagger-types";
import {
  addOperation,
  applyOperationIdRenames,
  deleteOperation,
  duplicateOperation,
  findOperationById,
  moveOperation,
  planDeleteOperation,
  planDuplicate,
  planNewOperation,
  renameKeyInPlace,
  renameOperationId,
  structuredCloneJson,
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

describe("applyOperationIdRenames", () => {
  it("renames several operations and their references in one walk; unknown names and no renames change nothing", () => {
    const doc = applyOperationIdRenames(
      listDoc(),
      new Map([
        ["GetLists", "ListAll"],
        ["GetItems", "ListItems"],
        ["Missing", "Whatever"],
      ]),
    );
    expect(findOperationById(doc.definition, "ListAll")).toEqual({ path: "/lists", method: "get" });
    expect(findOperationById(doc.definition, "ListItems")).toEqual({ path: "/items", method: "get" });
    expect(getAtPointer(doc.definition, "/x-ms-capabilities/testConnection/operationId")).toBe("ListAll");
    expect((doc.properties.properties as JsonObject).scriptOperations).toEqual(["ListAll", "ListItems"]);
    const unchanged = listDoc();
    expect(applyOperationIdRenames(unchanged, new Map())).toBe(unchanged);
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

describe("deleteOperation and the places that name the operation", () => {
  const lists = { path: "/lists", method: "get" } as const;
  const items = { path: "/items", method: "get" } as const;
  const policiesOf = (doc: ConnectorDocument) =>
    (doc.properties.properties as JsonObject).policyTemplateInstances as JsonObject[];
  const withPolicies = (policies: JsonObject[], scriptOperations?: string[]) => {
    const doc = listDoc();
    const inner: JsonObject = {
      ...(doc.properties.properties as JsonObject),
      policyTemplateInstances: policies,
    };
    if (scriptOperations) inner.scriptOperations = scriptOperations;
    return { ...doc, properties: { ...doc.properties, properties: inner } };
  };
  const policy = (title: string, ops: string[] | string) => ({
    templateId: "setheader",
    title,
    parameters: { "x-ms-apimTemplate-operationName": ops, "x-ms-apimTemplateParameter.name": title },
  });

  it("drops a policy scoped to the deleted operation only, keeps unscoped ones, trims the script scope", () => {
    const doc = deleteOperation(lists).apply(listDoc());
    expect(doc.definition.paths?.["/lists"]).toBeUndefined();
    const props = doc.properties.properties as JsonObject;
    // An empty operation list would mean "every operation": the policy goes instead.
    expect(props.policyTemplateInstances).toEqual([{ templateId: "custom-thing", parameters: { keep: 1 } }]);
    expect(props.scriptOperations).toEqual(["GetItems"]);
  });

  it("takes the name out of a policy that also lists other operations, keeping its key order and values", () => {
    const doc = deleteOperation(lists).apply(
      withPolicies([policy("both", ["GetItems", "GetLists", "OnItem"]), policy("other", ["OnItem"])]),
    );
    expect(policiesOf(doc)).toEqual([policy("both", ["GetItems", "OnItem"]), policy("other", ["OnItem"])]);
    expect(Object.keys(policiesOf(doc)[0]?.parameters as JsonObject)).toEqual([
      "x-ms-apimTemplate-operationName",
      "x-ms-apimTemplateParameter.name",
    ]);
  });

  it("removes a policy whose operation list is the bare name of the deleted operation", () => {
    const doc = deleteOperation(lists).apply(withPolicies([policy("single", "GetLists")]));
    expect(policiesOf(doc)).toEqual([]);
  });

  it("keeps the last name of the script scope so that the code does not start running for every operation", () => {
    const before = withPolicies([], ["GetLists"]);
    expect(planDeleteOperation(before, lists)?.script).toBe("kept");
    const doc = deleteOperation(lists).apply(before);
    expect((doc.properties.properties as JsonObject).scriptOperations).toEqual(["GetLists"]);
    expect(doc.script).toBe(before.script);
  });

  it("keeps dynamic references of other operations and reports each with its owner", () => {
    const before = listDoc();
    const impact = planDeleteOperation(before, lists);
    expect(impact).toMatchObject({
      operationId: "GetLists",
      policiesTrimmed: [],
      policiesRemoved: [{ index: 0, title: "h" }],
      script: "trimmed",
    });
    expect(impact?.references).toEqual([
      {
        pointer: "/paths/~1items/get/parameters/0/x-ms-dynamic-values/operationId",
        extension: "x-ms-dynamic-values",
        owner: items,
        ownerOperationId: "GetItems",
      },
      {
        pointer: "/paths/~1items/get/parameters/1/schema/properties/list/x-ms-dynamic-list/operationId",
        extension: "x-ms-dynamic-list",
        owner: items,
        ownerOperationId: "GetItems",
      },
      {
        pointer: "/x-ms-capabilities/testConnection/operationId",
        extension: "x-ms-capabilities",
        owner: null,
        ownerOperationId: "",
      },
    ]);
    const doc = deleteOperation(lists).apply(before);
    for (const ref of impact?.references ?? [])
      expect(getAtPointer(doc.definition, ref.pointer)).toBe("GetLists");
  });

  it("reports the dynamic schema and the notification link of other operations", () => {
    const doc = makeDoc({
      paths: {
        "/schema": { get: { operationId: "GetSchema", responses: {} } },
        "/rows": {
          post: {
            operationId: "AddRow",
            parameters: [
              {
                name: "body",
                in: "body",
                schema: { "x-ms-dynamic-schema": { operationId: "GetSchema", "value-path": "schema" } },
              },
            ],
            responses: {},
          },
        },
        "/hook": {
          post: { operationId: "OnRow", "x-ms-notification": { operationId: "GetSchema" }, responses: {} },
        },
      },
    });
    const impact = planDeleteOperation(doc, { path: "/schema", method: "get" });
    expect(impact?.references.map((r) => [r.extension, r.ownerOperationId])).toEqual([
      ["x-ms-dynamic-schema", "AddRow"],
      ["x-ms-notification", "OnRow"],
    ]);
  });

  it("changes nothing else while another operation still carries the same operationId", () => {
    const before = listDoc();
    const dup = addOperation(
      { path: "/lists2", method: "get" },
      { operationId: "GetLists", responses: {} },
    ).apply(before);
    const impact = planDeleteOperation(dup, lists);
    expect(impact).toMatchObject({ policiesRemoved: [], policiesTrimmed: [], script: null, references: [] });
    const doc = deleteOperation(lists).apply(dup);
    expect(doc.properties).toBe(dup.properties);
  });

  it("leaves apiProperties untouched for an operation without an operationId, and a missing one is a no-op", () => {
    const before = makeDoc({ paths: { "/a": { get: { responses: {} } } } });
    const doc = deleteOperation({ path: "/a", method: "get" }).apply(before);
    expect(doc.definition.paths?.["/a"]).toBeUndefined();
    expect(doc.properties).toBe(before.properties);
    expect(deleteOperation({ path: "/nope", method: "get" }).apply(before)).toBe(before);
    expect(planDeleteOperation(before, { path: "/nope", method: "get" })).toBeNull();
  });

  it("is one undo step: undo brings back the operation, the policy and the script scope together", () => {
    const before = listDoc();
    let history = createHistory(before);
    history = pushHistory(history, deleteOperation(lists).apply(before), { now: 1 });
    expect(history.past).toHaveLength(1);
    history = undo(history);
    expect(history.present).toBe(before);
  });

  it("moving an operation keeps the policies and the script scope that name it", () => {
    const before = listDoc();
    const doc = moveOperation(lists, { path: "/all-lists", method: "get" }).apply(before);
    expect(doc.properties).toBe(before.properties);
  });
});

describe("structuredCloneJson", () => {
  it("copies deeply, keeps the side tables, and keeps a __proto__ key a plain property", () => {
    const parsed = JSON.parse('{"b":{"__proto__":{"polluted":true},"list":[1,{"x":2}]},"a":1}') as JsonObject;
    (parsed as { [KEY_ORDER]?: readonly string[] })[KEY_ORDER] = ["b", "a"];
    const copy = structuredCloneJson(parsed) as JsonObject;
    expect(copy).toEqual(parsed);
    expect(copy.b).not.toBe(parsed.b);
    expect(orderedKeys(copy)).toEqual(["b", "a"]);
    const inner = copy.b as JsonObject;
    expect(Object.getPrototypeOf(inner)).toBe(Object.prototype);
    expect(Object.keys(inner)).toEqual(["__proto__", "list"]);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
