import { describe, expect, it } from "vitest";
import type { ConnectorDocument } from "../model/connector-document";
import { getAtPointer } from "../model/json-pointer";
import { createHistory, pushHistory, undo } from "../model/history";
import { validConnector, withDefinition } from "./__fixtures__/connector-fixture";
import { computeBudget, keepOperations, removeUnusedDefinitions } from "./budget";
import { groupDiagnostics, operationForPath, stepForDiagnostic } from "./diagnostic-location";
import { summaryFromOperationId } from "../model/operations/definition-fixes";
import { quickFixFor } from "./quick-fixes";
import { validateConnectorSync } from "./validate-connector";

const LISTS_GET = "/paths/~1lists/get";
const TASKS_GET = "/paths/~1lists~1{listId}~1tasks/get";

/** Applies the quick fix of the first diagnostic with `ruleId`; returns the fixed document. */
function fix(doc: ConnectorDocument, ruleId: string, certification = false): ConnectorDocument {
  const d = validateConnectorSync(doc, { certification }).find((x) => x.ruleId === ruleId);
  expect(d, `no ${ruleId}`).toBeDefined();
  const q = quickFixFor(d!, doc);
  expect(q, `no fix for ${ruleId}`).not.toBeNull();
  const next = q!.command.apply(doc);
  expect(validateConnectorSync(next, { certification }).filter((x) => x.ruleId === ruleId)).toEqual([]);
  return next;
}

describe("quick fixes remove their diagnostic", () => {
  it("adds x-ms-url-encoding", () => {
    const next = fix(
      withDefinition("/parameters/ListId/x-ms-url-encoding", undefined),
      "PathParameterMissingEncoding",
    );
    expect(getAtPointer(next.definition, "/parameters/ListId/x-ms-url-encoding")).toBe("single");
  });
  it("makes a path parameter required, and undo brings the problem back", () => {
    const bad = withDefinition(`${TASKS_GET}/parameters/0/required`, false);
    const next = fix(bad, "PathParameterMustBeRequired");
    const history = undo(pushHistory(createHistory(bad), next, { now: 0 }));
    expect(
      validateConnectorSync(history.present).some((d) => d.ruleId === "PathParameterMustBeRequired"),
    ).toBe(true);
  });
  it("moves a default response schema to 200", () => {
    const schema = { type: "object", properties: { a: { type: "string" } } };
    const next = fix(
      withDefinition(`${LISTS_GET}/responses`, { default: { description: "default", schema } }),
      "DefaultResponseHasSchema",
    );
    expect(getAtPointer(next.definition, `${LISTS_GET}/responses/200/schema`)).toEqual(schema);
    expect(getAtPointer(next.definition, `${LISTS_GET}/responses/default/schema`)).toBeUndefined();
  });
  it("only removes a default response schema when the operation answers 204 (no content)", () => {
    const schema = { type: "object", properties: { error: { type: "string" } } };
    const next = fix(
      withDefinition(`${LISTS_GET}/responses`, {
        "204": { description: "No content" },
        default: { description: "Error", schema },
      }),
      "DefaultResponseHasSchema",
    );
    expect(getAtPointer(next.definition, `${LISTS_GET}/responses`)).toEqual({
      "204": { description: "No content" },
      default: { description: "Error" },
    });
  });
  it("sanitises an operationId and updates every reference", () => {
    let doc = withDefinition(`${LISTS_GET}/operationId`, "list-lists");
    doc = withDefinition(`${TASKS_GET}/parameters/0/x-ms-dynamic-values/operationId`, "list-lists", doc);
    doc = {
      ...doc,
      properties: {
        properties: { ...(doc.properties.properties as object), scriptOperations: ["list-lists"] },
      },
    };
    const next = fix(doc, "OperationIdSanitized");
    expect(getAtPointer(next.definition, `${LISTS_GET}/operationId`)).toBe("listLists");
    expect(getAtPointer(next.definition, `${TASKS_GET}/parameters/0/x-ms-dynamic-values/operationId`)).toBe(
      "listLists",
    );
    expect(getAtPointer(next.properties, "/properties/scriptOperations/0")).toBe("listLists");
    expect(validateConnectorSync(next).filter((d) => d.severity === "error")).toEqual([]);
  });
  it("adds missing summaries from operation ids", () => {
    const next = fix(withDefinition(`${LISTS_GET}/summary`, undefined), "RequiredValueEmpty", true);
    expect(getAtPointer(next.definition, `${LISTS_GET}/summary`)).toBe("List lists");
    expect(summaryFromOperationId("GetTaskByID")).toBe("Get task by ID");
  });
  it("adds missing parameter labels", () => {
    const next = fix(
      withDefinition(`${TASKS_GET}/parameters/1/x-ms-summary`, undefined),
      "ParameterSummaryRequired",
      true,
    );
    expect(getAtPointer(next.definition, `${TASKS_GET}/parameters/1/x-ms-summary`)).toBe("Top");
  });
  it("renames a misspelled extension in place", () => {
    const next = fix(
      withDefinition(`${TASKS_GET}/parameters/1/x-ms-visibilty`, "advanced"),
      "ExtensionNameMisspelled",
    );
    const param = getAtPointer(next.definition, `${TASKS_GET}/parameters/1`) as object;
    expect(Object.keys(param).at(-1)).toBe("x-ms-visibility");
  });
  it("removes unused definitions", () => {
    fix(withDefinition("/definitions/Orphan", { type: "object" }), "UnusedDefinition");
  });
  it("has no fix where the fix is not clear", () => {
    const d = validateConnectorSync(withDefinition("/host", "https://x/y")).find(
      (x) => x.ruleId === "HostNameNotValid",
    );
    expect(quickFixFor(d!, validConnector())).toBeNull();
  });
});

describe("diagnostic location", () => {
  it("maps pointers to steps", () => {
    const at = (file: "apiDefinition.swagger.json" | "apiProperties.json", path: string, ruleId = "X") =>
      stepForDiagnostic({ ruleId, severity: "error", file, path, message: "" });
    expect(at("apiDefinition.swagger.json", "/host")).toBe("general");
    expect(at("apiDefinition.swagger.json", "/securityDefinitions/x")).toBe("security");
    expect(at("apiDefinition.swagger.json", `${LISTS_GET}/summary`)).toBe("definition");
    expect(at("apiProperties.json", "/properties/connectionParameters/api_key")).toBe("security");
    expect(at("apiProperties.json", "/properties/scriptOperations/0")).toBe("code");
    expect(at("apiProperties.json", "/properties/policyTemplateInstances/0")).toBe("definition");
    expect(at("apiDefinition.swagger.json", "", "DefinitionSizeExceedsMaxAllowed")).toBe("review");
  });
  it("finds the operation of a pointer and groups by operation", () => {
    const def = validConnector().definition;
    expect(operationForPath(def, `${TASKS_GET}/parameters/0`)).toMatchObject({
      operationId: "GetTasks",
      method: "get",
      path: "/lists/{listId}/tasks",
    });
    expect(operationForPath(def, "/definitions/Task")).toBeNull();
    const doc = withDefinition(
      "/parameters/ListId/x-ms-url-encoding",
      undefined,
      withDefinition(`${LISTS_GET}/summary`, "x/y"),
    );
    const groups = groupDiagnostics(doc.definition, validateConnectorSync(doc));
    expect(groups.map((g) => g.label)).toEqual(["ListLists", "Shared definitions"]);
  });
});

describe("budget", () => {
  it("measures size, operations and schemas per body", () => {
    const b = computeBudget(validConnector());
    expect(b.operations.count).toBe(4);
    expect(b.size.minified).toBeLessThan(b.size.indented);
    expect(b.schemasPerBody.max).toBeGreaterThan(1);
    expect(b.unusedDefinitions).toEqual([]);
  });
  it("removes unused definitions transitively and keeps chosen operations", () => {
    let doc = withDefinition("/definitions/A", { $ref: "#/definitions/B" });
    doc = withDefinition("/definitions/B", { type: "object" }, doc);
    expect(computeBudget(doc).unusedDefinitions).toEqual(["A", "B"]);
    const cleaned = removeUnusedDefinitions().apply(doc);
    expect(Object.keys(cleaned.definition.definitions ?? {})).toEqual(["Task", "ListCollection"]);
    const kept = keepOperations(["ListLists", "CreateTask", "OnTaskDone"]).apply(validConnector());
    expect(computeBudget(kept).operations.count).toBe(3);
    // Policies and custom code that named removed operations are trimmed, so nothing dangles.
    expect(validateConnectorSync(kept).filter((d) => d.severity !== "info")).toEqual([]);
  });
  it("keeps the custom code's operation list when none of its operations stays (empty would mean all)", () => {
    const kept = keepOperations(["ListLists"]).apply(validConnector());
    expect(getAtPointer(kept.properties, "/properties/scriptOperations")).toEqual(["CreateTask"]);
    expect(validateConnectorSync(kept).map((d) => d.ruleId)).toContain("OperationIdNotFound");
  });
  it("counts a recursive schema without looping", () => {
    const doc = withDefinition("/definitions/Task/properties/parent", { $ref: "#/definitions/Task" });
    expect(computeBudget(doc).schemasPerBody.max).toBeLessThan(100);
  });
});

describe("definition size", () => {
  it("counts the exported (4-space) size without serialising twice", async () => {
    const { definitionSize } = await import("./budget");
    const def = validConnector().definition;
    const size = definitionSize(def);
    expect(size.minified).toBe(new TextEncoder().encode(JSON.stringify(def)).length);
    expect(size.indented).toBe(new TextEncoder().encode(JSON.stringify(def, null, 4)).length);
  });
});
