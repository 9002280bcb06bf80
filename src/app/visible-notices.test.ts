import { describe, expect, it } from "vitest";
import type { Notice } from "../store/workspace-store";
import { visibleNotices } from "./visible-notices";

const notice = (id: number, connectorId: string | null): Notice => ({
  id,
  tone: "info",
  message: `n${id}`,
  connectorId,
});

describe("visibleNotices", () => {
  it("shows only the open connector's notices and the workspace's", () => {
    const all = [notice(1, "a"), notice(2, "b"), notice(3, null)];
    expect(visibleNotices(all, "b").map((n) => n.id)).toEqual([2, 3]);
    expect(visibleNotices(all, "a").map((n) => n.id)).toEqual([1, 3]);
    expect(visibleNotices(all, null).map((n) => n.id)).toEqual([3]);
  });

  it("shows at most the three newest", () => {
    const all = [1, 2, 3, 4, 5].map((id) => notice(id, "a"));
    expect(visibleNotices(all, "a").map((n) => n.id)).toEqual([3, 4, 5]);
  });
});
