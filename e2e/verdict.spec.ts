import { expect, test, type Locator, type Page } from "@playwright/test";
import { pickImportFiles } from "./support/drop-files";
import { header, openApp } from "./support/workspace";

// Issue 17 "one verdict": certification-mode errors refuse Export for certification with the rule ids the
// Validation panel lists; plain Export does what the panel says (it is not refused by certification rules).

const definition = {
  swagger: "2.0",
  // "API" in the title and no x-ms-connector-metadata: certification errors only.
  info: {
    title: "Verdict API",
    description: "A connector whose only errors are certification ones.",
    version: "1.0",
  },
  host: "api.contoso.com",
  basePath: "/",
  schemes: ["https"],
  consumes: ["application/json"],
  produces: ["application/json"],
  paths: {
    "/items/{itemId}": {
      get: {
        operationId: "GetItem",
        summary: "Get item",
        description: "Gets one item.",
        parameters: [
          {
            name: "itemId",
            in: "path",
            required: true,
            type: "string",
            description: "The item.",
            "x-ms-url-encoding": "single",
            "x-ms-summary": "Item",
          },
        ],
        responses: {
          "200": { description: "OK", schema: { type: "object", properties: { id: { type: "string" } } } },
        },
      },
    },
  },
  definitions: {},
  securityDefinitions: {},
};
const properties = {
  properties: {
    iconBrandColor: "#3a6ea5",
    connectionParameters: {},
    capabilities: [],
    policyTemplateInstances: [],
  },
};
const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value, null, 4));

function validation(page: Page): Locator {
  return page.getByRole("region", { name: "Validation" });
}

/** The rule ids of the Error rows the Validation panel lists, sorted. */
async function listedErrorIds(page: Page): Promise<string[]> {
  const names = await validation(page)
    .getByRole("button", { name: /^Error \w+ / })
    .evaluateAll((buttons) => buttons.map((b) => b.querySelector(".cs-validation-rule")?.textContent ?? ""));
  return [...new Set(names)].sort();
}

test("Certification mode: Export for certification is refused with the panel's rule ids; Export is not", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1600, height: 1400 });
  await openApp(page);
  await pickImportFiles(page, [
    { name: "apiDefinition.swagger.json", bytes: encode(definition) },
    { name: "apiProperties.json", bytes: encode(properties) },
  ]);
  await expect(validation(page)).toContainText("Export is allowed; warnings never block it.", {
    timeout: 45_000,
  });

  await validation(page).getByLabel("Certification mode").check();
  await expect(validation(page)).toContainText(
    /Export is allowed; warnings never block it\. Export for certification is refused until \d+ errors in certification mode are fixed \(/,
    { timeout: 30_000 },
  );
  const panelIds = await listedErrorIds(page);
  expect(panelIds).toEqual(
    expect.arrayContaining(["ConnectorMetadataPropertiesMissing", "ValueContainsRestrictedWords"]),
  );
  for (const id of panelIds)
    await expect(validation(page)).toContainText(new RegExp(`refused until [^.]*${id}`));

  // Plain Export downloads, as the panel says.
  const download = page.waitForEvent("download");
  await header(page).getByRole("button", { name: "Export", exact: true }).click();
  expect((await download).suggestedFilename()).toBe("Verdict API.zip");

  // Export for certification is refused, naming the same rule ids, and downloads nothing.
  let downloads = 0;
  page.on("download", () => downloads++);
  await page.getByRole("tab", { name: /^\d*\s*Review/ }).click();
  await page.getByRole("button", { name: "Export for certification" }).click();
  const dialog = page.getByRole("dialog", { name: "Export for certification" });
  await dialog.getByRole("button", { name: "Download package" }).click();
  const refusal = dialog.getByRole("alert", { name: "Export for certification refused" });
  await expect(refusal).toContainText("Export for certification is refused until", { timeout: 30_000 });
  const refusedIds = [...new Set(await refusal.locator("li code").allTextContents())].sort();
  expect(refusedIds).toEqual(panelIds);
  expect(downloads).toBe(0);

  // As `package --allow-errors`, the maker may still take the package, knowingly.
  const anyway = page.waitForEvent("download");
  await refusal.getByRole("button", { name: "Download anyway" }).click();
  expect((await anyway).suggestedFilename()).toBe("Verdict API certification.zip");
});
