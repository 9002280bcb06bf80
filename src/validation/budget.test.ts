import { describe, expect, it } from "vitest";
import { createEmptyConnector } from "../model/create-empty-connector";
import { getAtPointer } from "../model/json-pointer";
import type { ConnectorDocument } from "../model/connector-document";
import { validConnector, withDefinition } from "./__fixtures__/connector-fixture";
import type { JsonObject } from "../model/json-value";
import {
  COUNT_CAP,
  LIMITS,
  computeBudget,
  countSchemas,
  definitionSizeMeter,
  keepOperationsAt,
  measureOperationBudget,
} from "./budget";
import { validateConnectorSync } from "./validate-connector";

const LISTS_GET = "/paths/~1lists/get";
const TASKS_GET = "/paths/~1lists~1{listId}~1tasks/get";
const TASKS_POST = "/paths/~1lists~1{listId}~1tasks/post";

function manyOperations(n: number): ConnectorDocument {
  const doc = createEmptyConnector();
  const paths: Record<string, unknown> = {};
  for (let i = 0; i < n; i++)
    paths[`/items${i}`] = { get: { operationId: `Get${i}`, responses: { "200": { description: "OK" } } } };
  return { ...doc, definition: { ...doc.definition, paths } } as ConnectorDocument;
}

describe("measureOperationBudget", () => {
  it("counts operations and the minified size, and says when either is over the limit", () => {
    const small = measureOperationBudget(validConnector().definition);
    expect(small.operations).toBe(4);
    expect(small.minifiedBytes).toBe(JSON.stringify(validConnector().definition).length);
    expect(small.over).toBe(false);
    expect(measureOperationBudget(manyOperations(LIMITS.operations).definition).over).toBe(false);
    expect(measureOperationBudget(manyOperations(LIMITS.operations + 1).definition).over).toBe(true);
  });
  it("counts the size minified: a definition over 1 MB only with indentation is within the limit", () => {
    // Deep nesting makes indentation weigh more than the content.
    let nested: unknown = "x";
    for (let i = 0; i < 40; i++) nested = { a: nested };
    const definitions: Record<string, unknown> = {};
    for (let i = 0; i < 1500; i++) definitions[`D${i}`] = { type: "object", "x-deep": nested };
    const doc = withDefinition("/definitions", definitions);
    const budget = computeBudget(doc);
    expect(budget.size.indented).toBeGreaterThan(LIMITS.definitionBytes);
    expect(budget.size.minified).toBeLessThan(LIMITS.definitionBytes);
    expect(measureOperationBudget(doc.definition).over).toBe(false);
  });
});

describe("keepOperationsAt", () => {
  it("keeps the operations at the given pointers and cleans up like deleting them", () => {
    const kept = keepOperationsAt([LISTS_GET, TASKS_GET]).apply(validConnector());
    expect(measureOperationBudget(kept.definition).operations).toBe(2);
    expect(getAtPointer(kept.definition, LISTS_GET)).toBeDefined();
    expect(getAtPointer(kept.definition, TASKS_POST)).toBeUndefined();
    // The custom code named only CreateTask: its list stays (empty would mean every operation).
    expect(getAtPointer(kept.properties, "/properties/scriptOperations")).toEqual(["CreateTask"]);
    // The policy for GetTasks stays.
    expect(
      getAtPointer(
        kept.properties,
        "/properties/policyTemplateInstances/0/parameters/x-ms-apimTemplate-operationName",
      ),
    ).toEqual(["GetTasks"]);
  });
  it("removes the policies and the code's names of removed operations", () => {
    const kept = keepOperationsAt([LISTS_GET, TASKS_POST]).apply(validConnector());
    expect(getAtPointer(kept.properties, "/properties/policyTemplateInstances")).toEqual([]);
    expect(getAtPointer(kept.properties, "/properties/scriptOperations")).toEqual(["CreateTask"]);
    expect(validateConnectorSync(kept).filter((d) => d.ruleId === "OperationIdNotFound")).toEqual([]);
  });
  it("keeps an operation without an operationId when its pointer is chosen", () => {
    const doc = withDefinition(`${LISTS_GET}/operationId`, undefined);
    const kept = keepOperationsAt([LISTS_GET]).apply(doc);
    expect(measureOperationBudget(kept.definition).operations).toBe(1);
    expect(getAtPointer(kept.definition, LISTS_GET)).toBeDefined();
  });
  it("returns the same document when everything is kept", () => {
    const doc = validConnector();
    const all = [LISTS_GET, TASKS_GET, TASKS_POST, "/paths/~1hooks/post"];
    expect(keepOperationsAt(all).apply(doc)).toBe(doc);
  });
  it("brings 300 operations under the limit in one command", () => {
    const doc = manyOperations(300);
    const keep = Array.from({ length: 100 }, (_, i) => `/paths/~1items${i}/get`);
    const command = keepOperationsAt(keep);
    expect(command.label).toBe("Keep 100 operations");
    const kept = command.apply(doc);
    expect(measureOperationBudget(kept.definition)).toMatchObject({ operations: 100, over: false });
  });
});

/** `levels` definitions, each with `fanOut` properties referencing the next: `fanOut ** levels` paths. */
function layered(levels: number, fanOut: number): JsonObject {
  const definitions: JsonObject = {};
  for (let level = 0; level < levels; level++) {
    const properties: JsonObject = {};
    for (let i = 0; i < fanOut; i++)
      properties[`p${i}`] =
        level === levels - 1 ? { type: "string" } : { $ref: `#/definitions/Level${level + 1}` };
    definitions[`Level${level}`] = { type: "object", properties };
  }
  return { definitions };
}

describe("countSchemas", () => {
  it("counts schemas with $refs expanded", () => {
    // 1 + 3 + 9 objects, 27 strings.
    expect(countSchemas(layered(3, 3), { $ref: "#/definitions/Level0" })).toBe(1 + 3 + 9 + 27);
  });

  it('stops at the shared node budget ("2048+") on 12 levels × 10 references', () => {
    expect(countSchemas(layered(12, 10), { $ref: "#/definitions/Level0" })).toBe(COUNT_CAP);
    expect(COUNT_CAP).toBe(2048);
  });
});

describe("definitionSizeMeter", () => {
  it("measures the minified size against 1 MB, as the platform counts (Encodian: 1,079 KB indented, fits)", () => {
    const meter = definitionSizeMeter({ indented: 1_104_994, minified: 715_776, limit: 1024 * 1024 });
    expect(meter.value).toBe(715_776);
    expect(meter.text).toBe("699 KB of 1,024 KB minified (1,079 KB indented)");
  });

  it("says over the limit only when the minified size is", () => {
    expect(definitionSizeMeter({ indented: 2_000_000, minified: 1_100_000, limit: 1024 * 1024 }).text).toBe(
      "1,074 KB of 1,024 KB minified — over the limit (1,953 KB indented)",
    );
  });
});
describe("definitionSizeMeter", () => {
  it("measures the minified size against 1 MB, as the platform counts (Encodian: 1,079 KB indented, fits)", () => {
    const meter = definitionSizeMeter({ indented: 1_104_994, minified: 715_776, limit: 1024 * 1024 });
    expect(meter.value).toBe(715_776);
    expect(meter.text).toBe("699 KB of 1,024 KB minified (1,079 KB indented)");
  });

  it("says over the limit only when the minified size is", () => {
    expect(definitionSizeMeter({ indented: 2_000_000, minified: 1_100_000, limit: 1024 * 1024 }).text).toBe(
      "1,074 KB of 1,024 KB minified — over the limit (1,953 KB indented)",
    );
  });
});
