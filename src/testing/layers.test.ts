/**
 * The layering of eslint.config.js, proved on small in-memory files: a pure-layer file that imports upward,
 * pulls in React or fetches fails lint; the same file importing downward passes.
 */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? "parse"}: ${m.message}`);
}

describe("layers enforced by lint", () => {
  it("passes a model file that imports only the model", async () => {
    expect(
      await problems(
        "src/model/layer-probe.ts",
        'import { isJsonObject } from "./json-value";\nexport const probe = isJsonObject({});\n',
      ),
    ).toEqual([]);
  });

  it("fails a model file that imports the store, validation or an importer", async () => {
    for (const target of ["../store/workspace-store", "../validation/budget", "../importers/import-files"]) {
      const found = await problems(
        "src/model/operations/layer-probe.ts",
        `import * as upward from "../${target}";\nexport const probe = upward;\n`,
      );
      expect(found.join("\n")).toMatch(/no-restricted-imports: .*src\/model may not import this layer/);
    }
  });

  it("fails a pure-layer file that imports React or calls fetch", async () => {
    const react = await problems(
      "src/validation/layer-probe.ts",
      'import { useState } from "react";\nexport const probe = useState;\n',
    );
    expect(react.join("\n")).toMatch(/no-restricted-imports: .*no React/);
    const fetching = await problems(
      "src/try-it-core/layer-probe.ts",
      'export const probe = () => fetch("https://example.com");\n',
    );
    expect(fetching.join("\n")).toMatch(/no-restricted-globals: .*never fetches/);
  });

  it("fails the store importing a feature, a feature importing the app shell or another feature", async () => {
    expect(
      (
        await problems("src/store/layer-probe.ts", 'export * from "../features/general/general-step";\n')
      ).join(),
    ).toMatch(/src\/store may not import this layer/);
    expect(
      (await problems("src/features/general/layer-probe.ts", 'export * from "../../app/app";\n')).join(),
    ).toMatch(/src\/features may not import this layer/);
    expect(
      (await problems("src/features/general/layer-probe.ts", 'export * from "../code/code-step";\n')).join(),
    ).toMatch(/Features stay side by side/);
  });

  it("lets importers use validation, and review use importers (one way)", async () => {
    expect(
      await problems("src/importers/layer-probe.ts", 'export * from "../validation/quick-fixes";\n'),
    ).toEqual([]);
    expect(
      (
        await problems("src/validation/layer-probe.ts", 'export * from "../importers/import-files";\n')
      ).join(),
    ).toMatch(/src\/validation may not import this layer/);
  });
  it("fails a file outside the model that spells the policy key or the default brand colour itself", async () => {
    const key = await problems(
      "src/review/layer-probe.ts",
      'export const key = "x-ms-apimTemplate-operationName";\n',
    );
    expect(key.join("\n")).toMatch(/no-restricted-syntax: Use POLICY_OPERATIONS_KEY/);
    const colour = await problems("src/features/general/layer-probe.tsx", 'export const c = "#007EE5";\n');
    expect(colour.join("\n")).toMatch(/no-restricted-syntax: Use DEFAULT_BRAND_COLOR/);
    expect(
      await problems("src/model/layer-probe.ts", 'export const key = "x-ms-apimTemplate-operationName";\n'),
    ).toEqual([]);
  });
});
