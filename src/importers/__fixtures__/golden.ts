import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { importFiles } from "../import-files";

/** An input of a golden pair and the file holding its expected output. */
export interface GoldenCase {
  name: string;
  input: string;
  expected: string;
}

/** The golden pairs of a folder: every `<name>.<ext>` input beside its `<name>.expected.json`. */
export function goldenCases(folder: string): GoldenCase[] {
  return readdirSync(folder)
    .filter((f) => !f.endsWith(".expected.json"))
    .sort()
    .map((f) => {
      const name = f.replace(/\.(postman_collection\.json|openapi\.(json|ya?ml)|swagger\.json|wsdl)$/, "");
      return { name, input: join(folder, f), expected: join(folder, `${name}.expected.json`) };
    });
}

/**
 * Imports the input as the app does (`importFiles`) and compares the connector and the Import report with
 * the expected file. `UPDATE_GOLDEN=1 npx vitest run <test>` rewrites the expected files: review the diff.
 */
export function checkGolden(c: GoldenCase): void {
  const fileName = c.input.split(/[\\/]/).pop() ?? c.input;
  const outcome = importFiles([{ path: fileName, bytes: readFileSync(c.input) }]);
  if (!outcome.ok) throw new Error(`${c.name}: import failed: ${JSON.stringify(outcome.problems)}`);
  const actual = {
    kind: outcome.kind,
    report: outcome.report,
    definition: outcome.document.definition,
    properties: outcome.document.properties,
  };
  const text = `${JSON.stringify(actual, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(c.expected, text);
  if (!existsSync(c.expected)) throw new Error(`${c.expected} is missing: run the test with UPDATE_GOLDEN=1`);
  expect(text).toBe(readFileSync(c.expected, "utf8"));
}
