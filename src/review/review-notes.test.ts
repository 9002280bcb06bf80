import { describe, expect, it } from "vitest";
import {
  addNote,
  EMPTY_REVIEW,
  isSignedOff,
  removeNote,
  reviewRecordSchema,
  reviewToMarkdown,
  setSignOff,
} from "./review-notes";

const time = (ms: number) => `t${ms}`;

describe("review notes", () => {
  it("adds notes (not blank ones), removes them, and signs items off and back", () => {
    let review = addNote(EMPTY_REVIEW, { kind: "connector" }, "  Looks good.  ", 1, "n1");
    expect(addNote(review, { kind: "connector" }, "   ", 2, "n2")).toBe(review);
    review = addNote(review, { kind: "operation", operationId: "SendDocument" }, "Rename?", 2, "n2");
    expect(review.notes.map((n) => n.text)).toEqual(["Looks good.", "Rename?"]);
    expect(removeNote(review, "n1").notes.map((n) => n.id)).toEqual(["n2"]);
    review = setSignOff(review, { id: "tests", label: "Tested in flows" }, true, 3);
    expect(isSignedOff(review, "tests")).toBe(true);
    expect(setSignOff(review, { id: "tests", label: "Tested in flows" }, true, 4)).toBe(review);
    expect(isSignedOff(setSignOff(review, { id: "tests", label: "" }, false, 5), "tests")).toBe(false);
    expect(EMPTY_REVIEW.notes).toEqual([]);
  });

  it("writes Markdown: sign-offs, then notes grouped connector → operation → parameter → checklist", () => {
    let review = addNote(EMPTY_REVIEW, { kind: "checklist", itemId: "x", label: "Icon" }, "Blurry", 1, "a");
    review = addNote(
      review,
      { kind: "parameter", operationId: "Send", parameter: "priority" },
      "Line\nbreak",
      2,
      "b",
    );
    review = addNote(review, { kind: "connector" }, "Ship it", 3, "c");
    review = setSignOff(review, { id: "flows", label: "Tested in flows" }, true, 4);
    expect(reviewToMarkdown(review, time)).toBe(
      [
        "## Review",
        "",
        "### Signed off",
        "",
        "- [x] Tested in flows (t4)",
        "",
        "### Notes",
        "",
        "- **Connector**: Ship it",
        "- **Parameter priority of Send**: Line break",
        "- **Checklist: Icon**: Blurry",
        "",
      ].join("\n"),
    );
    expect(reviewToMarkdown(EMPTY_REVIEW, time)).toBe("");
  });

  it("checks the stored shape", () => {
    expect(reviewRecordSchema.safeParse({ notes: [], signOffs: [] }).success).toBe(true);
    expect(
      reviewRecordSchema.safeParse({
        notes: [{ id: "a", target: { kind: "nope" }, text: "", at: 1 }],
        signOffs: [],
      }).success,
    ).toBe(false);
  });
});
