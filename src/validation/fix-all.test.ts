import { describe, expect, it } from "vitest";
import type { ConnectorDocument } from "../model/connector-document";
import { createHistory, pushHistory, undo } from "../model/history";
import { getAtPointer } from "../model/json-pointer";
import { validConnector, withDefinition } from "./__fixtures__/connector-fixture";
import { fixAllCommand, summariseFixes } from "./fix-all";
import { quickFixFor } from "./quick-fixes";
import { validateConnectorSync } from "./validate-connector";

const LISTS_GET = "/paths/~1lists/get";
const TASKS_GET = "/paths/~1lists~1{listId}~1tasks/get";

/** Two path parameters without encoding, a parameter without label, two unused definitions, a bad operationId. */
function faulty(): ConnectorDocument {
  let doc = withDefinition(`${TASKS_GET}/parameters/0/x-ms-url-encoding`, undefined);
  doc = withDefinition("/parameters/ListId/x-ms-url-encoding", undefined, doc);
  doc = withDefinition(`${TASKS_GET}/parameters/1/x-ms-summary`, undefined, doc);
  doc = withDefinition("/definitions/OrphanA", { type: "object" }, doc);
  doc = withDefinition("/definitions/OrphanB", { type: "object" }, doc);
  return withDefinition(`${LISTS_GET}/operationId`, "list-lists", doc);
}

const fixable = (doc: ConnectorDocument) =>
  validateConnectorSync(doc).filter((d) => quickFixFor(d, doc) !== null);

describe("summariseFixes", () => {
  it("counts the fixable diagnostics per rule and those the global Fix all applies", () => {
    const doc = faulty();
    const { rules, safeCount } = summariseFixes(validateConnectorSync(doc), doc);
    const byRule = Object.fromEntries(rules.map((r) => [r.ruleId, [r.count, r.safe]]));
    expect(byRule).toMatchObject({
      PathParameterMissingEncoding: [2, true],
      UnusedDefinition: [2, true],
      OperationIdSanitized: [1, false],
    });
    expect(safeCount).toBe(rules.filter((r) => r.safe).reduce((n, r) => n + r.count, 0));
  });
});

describe("fixAllCommand", () => {
  it("applies every safe quick fix as one command and leaves the operationId rename alone", () => {
    const doc = faulty();
    const next = fixAllCommand(validateConnectorSync(doc)).apply(doc);
    expect(fixable(next).map((d) => d.ruleId)).toEqual(["OperationIdSanitized"]);
    expect(getAtPointer(next.definition, "/parameters/ListId/x-ms-url-encoding")).toBe("single");
    expect(getAtPointer(next.definition, "/definitions/OrphanA")).toBeUndefined();
    expect(getAtPointer(next.definition, `${LISTS_GET}/operationId`)).toBe("list-lists");
  });
  it("fixes all of one rule only", () => {
    const doc = faulty();
    const command = fixAllCommand(validateConnectorSync(doc), { ruleId: "PathParameterMissingEncoding" });
    expect(command.label).toBe("Fix all PathParameterMissingEncoding");
    const next = command.apply(doc);
    const left = fixable(next).map((d) => d.ruleId);
    expect(left).not.toContain("PathParameterMissingEncoding");
    expect(left).toContain("UnusedDefinition");
    expect(left).toContain("OperationIdSanitized");
  });
  it("renames clashing operation IDs to distinct names when their rule is fixed all at once", () => {
    let doc = withDefinition(`${LISTS_GET}/operationId`, "get-tasks!");
    doc = withDefinition(`${TASKS_GET}/operationId`, "get tasks", doc);
    const next = fixAllCommand(validateConnectorSync(doc), { ruleId: "OperationIdSanitized" }).apply(doc);
    const ids = [
      getAtPointer(next.definition, `${LISTS_GET}/operationId`),
      getAtPointer(next.definition, `${TASKS_GET}/operationId`),
    ];
    expect(new Set(ids).size).toBe(2);
    expect(validateConnectorSync(next).filter((d) => d.ruleId === "OperationIdSanitized")).toEqual([]);
  });
  it("is one undo step", () => {
    const doc = faulty();
    let history = createHistory(doc);
    history = pushHistory(history, fixAllCommand(validateConnectorSync(doc)).apply(doc), { now: 1 });
    expect(history.past).toHaveLength(1);
    expect(undo(history).present).toBe(doc);
  });
  it("changes nothing when there is nothing to fix", () => {
    const doc = validConnector();
    expect(fixAllCommand(validateConnectorSync(doc)).apply(doc)).toBe(doc);
  });
});
