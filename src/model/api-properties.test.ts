import { describe, expect, it } from "vitest";
import {
  POLICY_OPERATIONS_KEY,
  policyAppliesTo,
  policyAppliesToEveryOperation,
  policyOperationNames,
  policyOperationNameSites,
  removeOperationNames,
  scriptOperations,
} from "./api-properties";
import type { JsonObject, JsonValue } from "./json-value";

const policy = (ops?: JsonValue): JsonObject => ({
  templateId: "setheader",
  parameters: ops === undefined ? {} : { [POLICY_OPERATIONS_KEY]: ops },
});

describe("a policy's operation list", () => {
  it("reads a list, skipping entries that are not names", () => {
    expect(policyOperationNames(policy(["A", 3, "B"]))).toEqual(["A", "B"]);
    expect(policyAppliesTo(policy(["A", "B"]), "B")).toBe(true);
    expect(policyAppliesTo(policy(["A", "B"]), "C")).toBe(false);
  });

  it("reads a lone string as a one-item list, never as every operation", () => {
    expect(policyOperationNames(policy("A"))).toEqual(["A"]);
    expect(policyAppliesToEveryOperation(policy("A"))).toBe(false);
    expect(policyAppliesTo(policy("A"), "B")).toBe(false);
    expect(policyOperationNameSites(policy("A"))).toEqual([
      { name: "A", segments: ["parameters", POLICY_OPERATIONS_KEY] },
    ]);
  });

  it("applies to every operation when it names none", () => {
    for (const p of [policy(), policy([]), policy(null)]) {
      expect(policyAppliesToEveryOperation(p)).toBe(true);
      expect(policyAppliesTo(p, "Anything")).toBe(true);
    }
  });

  it("points at each name where it is written", () => {
    expect(policyOperationNameSites(policy(["A", 1, "B"])).map((s) => s.segments.join("/"))).toEqual([
      `parameters/${POLICY_OPERATIONS_KEY}/0`,
      `parameters/${POLICY_OPERATIONS_KEY}/2`,
    ]);
  });
});

describe("removeOperationNames", () => {
  const properties = (inner: JsonObject): JsonObject => ({ properties: inner });

  it("trims policies, drops a policy left with none, and never empties scriptOperations", () => {
    const before = properties({
      scriptOperations: ["Gone"],
      policyTemplateInstances: [policy(["Gone", "Kept"]), policy("Gone"), policy(["Gone"]), policy()],
    });
    const after = removeOperationNames(before, (name) => name === "Gone");
    expect(after.properties).toEqual({
      scriptOperations: ["Gone"],
      policyTemplateInstances: [policy(["Kept"]), policy()],
    });
    expect(scriptOperations(after.properties as JsonObject)).toEqual(["Gone"]);
  });

  it("trims scriptOperations while a name stays, and returns the same object when nothing changes", () => {
    const before = properties({ scriptOperations: ["Gone", "Kept"], policyTemplateInstances: [policy()] });
    expect(removeOperationNames(before, (name) => name === "Gone").properties).toEqual({
      scriptOperations: ["Kept"],
      policyTemplateInstances: [policy()],
    });
    expect(removeOperationNames(before, () => false)).toBe(before);
  });
});
