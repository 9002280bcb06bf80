import { describe, expect, it } from "vitest";
import { createNodeBudget, SCHEMA_NODE_BUDGET } from "./node-budget";

describe("createNodeBudget", () => {
  it("gives `limit` nodes, then refuses and stays exhausted", () => {
    const budget = createNodeBudget(3);
    expect([budget.take(), budget.take(), budget.take()]).toEqual([true, true, true]);
    expect(budget.exhausted).toBe(false);
    expect(budget.take()).toBe(false);
    expect(budget.exhausted).toBe(true);
    expect(budget.used).toBe(3);
  });

  it("defaults to the validator's 2048", () => {
    expect(createNodeBudget().limit).toBe(SCHEMA_NODE_BUDGET);
    expect(SCHEMA_NODE_BUDGET).toBe(2048);
  });
});
