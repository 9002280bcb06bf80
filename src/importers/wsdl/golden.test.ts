import { join } from "node:path";
import { describe, it } from "vitest";
import { checkGolden, goldenCases } from "../__fixtures__/golden";

// The test WSDLs and their expected connector and Import report: any change in output shows up in review.
describe("WSDL golden pairs (__fixtures__/golden)", () => {
  for (const c of goldenCases(join(import.meta.dirname, "__fixtures__", "golden"))) {
    it(c.name, () => checkGolden(c));
  }
});
