import { describe, expect, it } from "vitest";
import { canRedo, canUndo, createHistory, pushHistory, redo, redoLabel, undo, undoLabel } from "./history";

describe("history", () => {
  it("records, undoes and redoes snapshots", () => {
    let h = createHistory("a");
    h = pushHistory(h, "b", { now: 0 });
    h = pushHistory(h, "c", { now: 10_000 });
    expect(h.present).toBe("c");
    h = undo(h);
    expect(h.present).toBe("b");
    expect(canRedo(h)).toBe(true);
    h = redo(h);
    expect(h.present).toBe("c");
    h = undo(undo(h));
    expect(h.present).toBe("a");
    expect(canUndo(h)).toBe(false);
  });

  it("merges typing with the same key within the window into one step", () => {
    let h = createHistory("");
    h = pushHistory(h, "h", { policy: "merge", mergeKey: "summary", now: 1000 });
    h = pushHistory(h, "he", { policy: "merge", mergeKey: "summary", now: 1200 });
    h = pushHistory(h, "hey", { policy: "merge", mergeKey: "summary", now: 1400 });
    expect(h.past).toEqual([""]);
    h = pushHistory(h, "hey!", { policy: "merge", mergeKey: "summary", now: 9000 });
    expect(h.past).toEqual(["", "hey"]);
    h = pushHistory(h, "hey!?", { policy: "merge", mergeKey: "description", now: 9100 });
    expect(h.past).toEqual(["", "hey", "hey!"]);
  });

  it("clears the redo stack only when the document changes", () => {
    let h = pushHistory(createHistory(1), 2, { now: 0 });
    h = undo(h);
    expect(pushHistory(h, 1, { now: 5 })).toBe(h);
    h = pushHistory(h, 3, { now: 5 });
    expect(canRedo(h)).toBe(false);
  });

  it("ignore policy replaces the present without an undo step", () => {
    const h = pushHistory(createHistory(1), 2, { policy: "ignore", now: 0 });
    expect(h.present).toBe(2);
    expect(canUndo(h)).toBe(false);
  });
});

describe("step labels", () => {
  it("say what Undo and Redo would do, through merges, undo and redo", () => {
    let h = createHistory("a");
    h = pushHistory(h, "b", { now: 0, label: "Change summary" });
    h = pushHistory(h, "c", { now: 10, label: "Change title", policy: "merge", mergeKey: "title" });
    h = pushHistory(h, "c2", { now: 20, label: "Change title", policy: "merge", mergeKey: "title" });
    expect(undoLabel(h)).toBe("Change title");
    h = undo(h);
    expect(h.present).toBe("b");
    expect(undoLabel(h)).toBe("Change summary");
    expect(redoLabel(h)).toBe("Change title");
    h = redo(h);
    expect(undoLabel(h)).toBe("Change title");
    expect(redoLabel(h)).toBe("");
    h = undo(undo(h));
    expect(undoLabel(h)).toBe("");
    expect(redoLabel(h)).toBe("Change summary");
  });
});
