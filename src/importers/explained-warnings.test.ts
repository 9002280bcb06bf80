import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../model/diagnostic";
import type { ImportReportEntry } from "../model/import-report";
import { explains, unexplainedFindings } from "./explained-warnings";

const warning = (ruleId: string, path: string): Diagnostic => ({
  ruleId,
  severity: "warning",
  file: "apiDefinition.swagger.json",
  path,
  message: "",
});
const entry = (target: string | undefined, rule?: string): ImportReportEntry => ({
  kind: "note",
  source: "x",
  message: "",
  ...(target !== undefined ? { target } : {}),
  ...(rule !== undefined ? { rule } : {}),
});

describe("explained warnings", () => {
  it("an entry about the same place, or one holding it, explains a finding", () => {
    expect(explains(entry("/host"), warning("PlaceholderHostName", "/host"))).toBe(true);
    expect(explains(entry("/paths/~1a/get"), warning("X", "/paths/~1a/get/responses"))).toBe(true);
    expect(explains(entry("/paths/~1a/get/responses/200"), warning("X", "/paths/~1a/get"))).toBe(true);
  });

  it("a same-named place that only shares a prefix does not", () => {
    expect(explains(entry("/paths/~1a"), warning("X", "/paths/~1ab/get"))).toBe(false);
  });

  it("a rule named for another place does not; a rule for the whole connector does", () => {
    expect(explains(entry("/paths/~1b/get", "R"), warning("R", "/paths/~1a/get"))).toBe(false);
    expect(explains(entry(undefined, "R"), warning("R", "/paths/~1a/get"))).toBe(true);
  });

  it("lists the findings nothing explains", () => {
    const findings = [warning("A", "/host"), warning("B", "/paths/~1a/get")];
    expect(unexplainedFindings([entry("/host")], findings)).toEqual([findings[1]]);
  });
});
