import { expect, test, type Locator, type Page } from "@playwright/test";
import { dropFiles } from "./support/drop-files";
import { connectorItems, header, openAppForEachTest } from "./support/workspace";

// Issue 10: Fix all in the Validation panel applies every safe quick fix, or all of one rule, as one undo step.

openAppForEachTest();
// Several validation rounds in a row: on a busy shared machine each can take seconds.
test.slow();

/** Three operations, each with a path parameter that is neither required nor URL-encoded. */
function faultyDefinition() {
  const paths: Record<string, unknown> = {};
  for (const name of ["Item", "List", "Task"]) {
    paths[`/${name.toLowerCase()}s/{id}`] = {
      get: {
        operationId: `Get${name}`,
        summary: `Get ${name.toLowerCase()}`,
        description: `Gets one ${name.toLowerCase()}.`,
        parameters: [
          {
            name: "id",
            in: "path",
            required: false,
            type: "string",
            "x-ms-summary": "ID",
            description: "The ID.",
          },
        ],
        responses: { "200": { description: "OK", schema: { type: "object" } } },
      },
    };
  }
  return {
    swagger: "2.0",
    info: { title: "Fix All Fixture", description: "Planted faults.", version: "1.0" },
    host: "tasks.fabrikam.io",
    basePath: "/",
    schemes: ["https"],
    paths,
  };
}

function problems(page: Page): Locator {
  return page.getByRole("region", { name: "Validation" }).getByRole("list", { name: "Problems" });
}

const count = (page: Page, ruleId: string) => problems(page).getByText(ruleId, { exact: true });

test("Fix all N fixes one rule; Fix all fixes every safe one; each is one undo step", async ({ page }) => {
  await dropFiles(page, [
    {
      name: "apiDefinition.swagger.json",
      bytes: new TextEncoder().encode(JSON.stringify(faultyDefinition())),
    },
    // With its apiProperties.json the drop is a connector package, taken as it is; a bare Swagger file would
    // come out of the import already fixed.
    {
      name: "apiProperties.json",
      bytes: new TextEncoder().encode(
        JSON.stringify({
          properties: { connectionParameters: {}, iconBrandColor: "#007ee5", capabilities: [] },
        }),
      ),
    },
  ]);
  await expect(connectorItems(page)).toHaveCount(1);
  const fixes = page.getByRole("group", { name: "Quick fixes" });
  await expect(count(page, "PathParameterMissingEncoding")).toHaveCount(3);
  await expect(count(page, "PathParameterMustBeRequired")).toHaveCount(3);

  await fixes.getByRole("button", { name: "Fix all 3: PathParameterMissingEncoding" }).click();
  await expect(count(page, "PathParameterMissingEncoding")).toHaveCount(0);
  await expect(count(page, "PathParameterMustBeRequired")).toHaveCount(3);

  await fixes.getByRole("button", { name: "Fix all", exact: true }).click();
  await expect(count(page, "PathParameterMustBeRequired")).toHaveCount(0);
  await expect(fixes).toHaveCount(0);

  // Undo takes back Fix all in one step, and only it.
  await header(page).getByRole("button", { name: "Undo" }).click();
  await expect(count(page, "PathParameterMustBeRequired")).toHaveCount(3);
  await expect(count(page, "PathParameterMissingEncoding")).toHaveCount(0);
});
