import { expect, test, type Locator, type Page } from "@playwright/test";
import { pickImportFiles } from "./support/drop-files";
import { swaggerEditor } from "./support/swagger-editor";
import { header, openApp, stepsTablist } from "./support/workspace";

// Issue 5 in the app: a planted fault shows in the Validation list, a click lands on the place (the step's
// field and the Swagger editor selection), the quick fix removes it, undo brings it back, and Export is
// refused while an error remains.

const definition = {
  swagger: "2.0",
  info: { title: "Fault Fixture", description: "A connector with one planted fault.", version: "1.0" },
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
          // The planted fault: a path parameter that is not required.
          {
            name: "itemId",
            in: "path",
            required: false,
            type: "string",
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

function problem(page: Page, ruleId: string): Locator {
  return validation(page).getByRole("button", { name: new RegExp(`^Error ${ruleId} `) });
}

let pageErrors: string[] = [];

test.beforeEach(async ({ page }) => {
  pageErrors = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.setViewportSize({ width: 1600, height: 1400 });
  await openApp(page);
});

test.afterEach(() => {
  expect(pageErrors, "uncaught errors in the page").toEqual([]);
});

test("a planted fault is listed, revealed, fixed, undone, and blocks Export", async ({ page }) => {
  await pickImportFiles(page, [
    { name: "apiDefinition.swagger.json", bytes: encode(definition) },
    { name: "apiProperties.json", bytes: encode(properties) },
  ]);
  const item = problem(page, "PathParameterMustBeRequired");
  // The first result waits for the lazy panel, the worker start and the debounce: allow for a busy machine.
  await expect(item).toBeVisible({ timeout: 45_000 });
  await expect(validation(page)).toContainText("GetItem");
  await expect(validation(page)).toContainText("1 error");

  // Export is refused while the error remains, and says why.
  await header(page).getByRole("button", { name: "Export", exact: true }).click();
  const blocked = page.getByRole("alertdialog", { name: "Export blocked" });
  await expect(blocked).toContainText("PathParameterMustBeRequired");
  await blocked.getByRole("button", { name: "Close" }).click();

  // A click opens the owning step and selects the parameter in the Swagger editor.
  await item.click();
  await expect(stepsTablist(page).getByRole("tab", { name: /^Definition/ })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  // The Swagger editor selects the parameter's range ("itemId" is on its first line).
  await expect(swaggerEditor(page).locator(".selected-text").first()).toBeAttached();
  await expect(swaggerEditor(page).locator(".view-lines")).toContainText('"name": "itemId"');
  // The Definition step opens the operation and its parameter (the field whose data-pointer matches).
  await expect(page.getByRole("region", { name: "Parameter itemId" })).toBeVisible();

  // The quick fix removes the problem…
  await validation(page).getByRole("button", { name: "Fix: PathParameterMustBeRequired" }).click();
  await expect(item).toHaveCount(0);
  await expect(validation(page)).toContainText(/No problems found|0 errors/);
  await expect(swaggerEditor(page).locator(".view-lines")).toContainText('"required": true');

  // …and undo brings it back.
  await header(page).getByRole("button", { name: "Undo", exact: true }).click();
  await expect(problem(page, "PathParameterMustBeRequired")).toBeVisible();

  // Redo, then Export is allowed (warnings never block).
  await header(page).getByRole("button", { name: "Redo", exact: true }).click();
  await expect(item).toHaveCount(0);
  const download = page.waitForEvent("download");
  await header(page).getByRole("button", { name: "Export", exact: true }).click();
  expect((await download).suggestedFilename()).toBe("Fault Fixture.zip");
});

test("certification mode adds the content rules", async ({ page }) => {
  await pickImportFiles(page, [
    {
      name: "apiDefinition.swagger.json",
      bytes: encode({ ...definition, info: { ...definition.info, title: "Fault API" } }),
    },
    { name: "apiProperties.json", bytes: encode(properties) },
  ]);
  await expect(problem(page, "PathParameterMustBeRequired")).toBeVisible({ timeout: 45_000 });
  await expect(validation(page)).not.toContainText("ValueContainsRestrictedWords");
  await validation(page).getByLabel("Certification mode").check();
  await expect(validation(page)).toContainText("ValueContainsRestrictedWords");
});

test("when the validation worker cannot run, the page validates, says so, and Export is still refused", async ({
  page,
}) => {
  // Only the validation worker fails to start (the import worker still runs).
  await page.addInitScript(() => {
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(url: string | URL, options?: WorkerOptions) {
        if (options?.name === "validation") throw new Error("validation worker blocked by the test");
        super(url, options);
      }
    };
  });
  await openApp(page);
  await pickImportFiles(page, [
    { name: "apiDefinition.swagger.json", bytes: encode(definition) },
    { name: "apiProperties.json", bytes: encode(properties) },
  ]);
  await expect(problem(page, "PathParameterMustBeRequired")).toBeVisible({ timeout: 45_000 });
  await expect(validation(page)).toContainText(
    "The validation worker could not run (validation worker blocked by the test); validated on the page instead.",
  );

  // The Review checklist says the same and still lists the results.
  await page.getByRole("tab", { name: /^\d*\s*Review/ }).click();
  const cert = page.getByRole("region", { name: "Certification", exact: true });
  await expect(cert).toContainText("checked on the page instead", { timeout: 30_000 });
  await expect(
    cert.getByRole("listitem").filter({ hasText: /^FailedThe validator passes in certification mode/ }),
  ).toContainText("PathParameterMustBeRequired");
  await expect(page.getByRole("region", { name: "Budget", exact: true })).toContainText(
    /Operations\s*1 of 256/,
  );

  // The export gate validates on the page too: the error still blocks.
  await header(page).getByRole("button", { name: "Export", exact: true }).click();
  await expect(page.getByRole("alertdialog", { name: "Export blocked" })).toContainText(
    "PathParameterMustBeRequired",
  );
});
