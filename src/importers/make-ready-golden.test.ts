import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkGolden, goldenCases } from "./__fixtures__/golden";
import { importFiles } from "./import-files";
import { makeImportReady } from "./make-ready";

const folder = join(import.meta.dirname, "__fixtures__", "make-ready");

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

// One small bare Swagger file per fix of the make-ready pass, with the expected connector and Import report:
// any change in what the importer fixes (or how it reports it) shows up in review.
describe("make-ready golden pairs (__fixtures__/make-ready)", () => {
  for (const c of goldenCases(folder)) {
    it(c.name, () => checkGolden(c));
  }

  it("never writes into its input (each golden input deep-frozen gives the same result)", () => {
    for (const c of goldenCases(folder)) {
      const imported = importFiles([{ path: "input.swagger.json", bytes: readFileSync(c.input) }], {
        swaggerAsIs: true,
      });
      if (!imported.ok) throw new Error(`${c.name}: ${JSON.stringify(imported.problems)}`);
      const open = makeImportReady(structuredClone(imported.document));
      const frozen = makeImportReady(deepFreeze(structuredClone(imported.document)));
      expect(frozen.document, c.name).toEqual(open.document);
      expect(frozen.report, c.name).toEqual(open.report);
      expect(frozen.report.length, c.name).toBeGreaterThan(0);
    }
  });
});
