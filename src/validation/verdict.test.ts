import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../model/diagnostic";
import { certificationSentence, decideVerdict, exportSentence, verdictText } from "./verdict";

const d = (ruleId: string, severity: Diagnostic["severity"]): Diagnostic => ({
  ruleId,
  severity,
  file: "apiDefinition.swagger.json",
  path: "",
  message: ruleId,
});

describe("verdict", () => {
  it("is exportable and certifiable when neither mode has an error; warnings never block", () => {
    const v = decideVerdict({
      plain: [d("W", "warning")],
      certification: [d("W", "warning"), d("N", "info")],
    });
    expect(v).toMatchObject({ exportable: true, certifiable: true });
    expect(verdictText(v)).toBe(
      "Export is allowed; warnings never block it. Export for certification is allowed: no errors in certification mode.",
    );
  });

  it("a certification-only error refuses Export for certification, not Export", () => {
    const v = decideVerdict({
      plain: [],
      certification: [
        d("ConnectorMetadataPropertiesMissing", "error"),
        d("ContactInformationMissing", "error"),
      ],
    });
    expect(v.exportable).toBe(true);
    expect(v.certifiable).toBe(false);
    expect(exportSentence(v)).toBe("Export is allowed; warnings never block it.");
    expect(certificationSentence(v)).toBe(
      "Export for certification is refused until 2 errors in certification mode are fixed (ConnectorMetadataPropertiesMissing, ContactInformationMissing).",
    );
  });

  it("names the rule ids that refuse Export, once each", () => {
    const v = decideVerdict({
      plain: [d("A", "error"), d("A", "error"), d("B", "error"), d("C", "warning")],
    });
    expect(v.certifiable).toBeNull();
    expect(verdictText(v)).toBe(
      "Export is refused until 3 errors are fixed (A, B); warnings never block it.",
    );
  });
});
