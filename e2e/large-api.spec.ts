import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { unzipSync } from "fflate";
import { dropFiles, type TestFile } from "./support/drop-files";
import { connectorItems, header, notices, openAppForEachTest } from "./support/workspace";

// Issue 10: an API over the platform's limits never leaves the user stuck. Dropping it opens Choose
// operations; an export refused for the budget offers the same picker.

openAppForEachTest();
// Each test imports and exports a 300-operation API: give them the slow-test allowance.
test.slow();

const TAGS = ["Accounts", "Billing", "Contacts", "Deals", "Events", "Files"];

/** An OpenAPI 3 document with `count` operations spread evenly over six tags (generated, not from the corpus). */
function largeApi(count: number): TestFile {
  const paths: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) {
    const tag = TAGS[i % TAGS.length] ?? "Accounts";
    paths[`/${tag.toLowerCase()}/item${i}`] = {
      get: {
        operationId: `Get${tag}Item${i}`,
        summary: `Get ${tag} item ${i}`,
        description: `Returns ${tag} item ${i}.`,
        tags: [tag],
        responses: {
          200: {
            description: "OK",
            content: {
              "application/json": { schema: { type: "object", properties: { id: { type: "string" } } } },
            },
          },
        },
      },
    };
  }
  const doc = {
    openapi: "3.0.3",
    info: { title: "Big API", version: "1.0.0", description: "A large API." },
    servers: [{ url: "https://api.example.com/v1" }],
    tags: TAGS.map((name) => ({ name })),
    paths,
  };
  return { name: "big-api.json", bytes: new TextEncoder().encode(JSON.stringify(doc)) };
}

const exportButton = (page: Page) => header(page).getByRole("button", { name: "Export", exact: true });

/** Exports and returns the number of operations in the downloaded definition (fails if refused). */
async function exportedOperationCount(page: Page): Promise<number> {
  const download = page.waitForEvent("download");
  await exportButton(page).click();
  const entries = unzipSync(new Uint8Array(readFileSync(await (await download).path())));
  const definition = JSON.parse(new TextDecoder().decode(entries["apiDefinition.swagger.json"])) as {
    paths: Record<string, Record<string, unknown>>;
  };
  await expect(page.getByRole("alertdialog", { name: "Export blocked" })).toHaveCount(0);
  return Object.values(definition.paths).reduce((n, item) => n + Object.keys(item).length, 0);
}

test("dropping 300 operations opens Choose operations; keeping two tags imports a connector under budget", async ({
  page,
}) => {
  await dropFiles(page, [largeApi(300)]);
  const dialog = page.getByRole("dialog", { name: "Choose operations" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText("0 of 300 operations selected.")).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Import selected" })).toBeDisabled();

  // Search narrows the tree; select-all of a tag counts its operations.
  await dialog.getByLabel("Search operations").fill("deals");
  await expect(dialog.getByRole("checkbox", { name: "Deals", exact: true })).toBeVisible();
  await expect(dialog.getByRole("checkbox", { name: "Accounts", exact: true })).toHaveCount(0);
  await dialog.getByLabel("Search operations").fill("");

  await dialog.getByRole("checkbox", { name: "Accounts", exact: true }).check();
  await dialog.getByRole("checkbox", { name: "Billing", exact: true }).check();
  await expect(dialog.getByText("100 of 300 operations selected.")).toBeVisible();
  // The budget meter follows the selection.
  await expect(dialog.getByRole("meter", { name: "Operations" })).toHaveAttribute("value", "100");
  await expect(dialog.getByText("Within the platform's limits.", { exact: false })).toBeVisible();

  // One operation of a tag can be left out: the tag shows how many are chosen.
  await dialog.getByRole("button", { name: "Show operations of Billing" }).click();
  await dialog.getByRole("checkbox", { name: "GetBillingItem1", exact: true }).uncheck();
  await expect(dialog.getByText("49 of 50 operations")).toBeVisible();
  await dialog.getByRole("checkbox", { name: "GetBillingItem1", exact: true }).check();

  await dialog.getByRole("button", { name: "Import selected" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(connectorItems(page)).toHaveCount(1);
  await expect(page.getByRole("region", { name: "Import report" })).toContainText(
    "Kept 100 of 300 operations",
  );

  expect(await exportedOperationCount(page)).toBe(100);
});

test("Cancel in Choose operations imports nothing and leaves the workspace as it was", async ({ page }) => {
  await dropFiles(page, [largeApi(300)]);
  const dialog = page.getByRole("dialog", { name: "Choose operations" });
  await dialog.getByRole("checkbox", { name: "Accounts", exact: true }).check();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(notices(page)).toContainText("Nothing was imported from big-api.json");
  await expect(connectorItems(page)).toHaveCount(0);
});

test("an export refused for the budget offers Choose operations, which trims the connector as one undo step", async ({
  page,
}) => {
  await dropFiles(page, [largeApi(300)]);
  const picker = page.getByRole("dialog", { name: "Choose operations" });
  await picker.getByRole("button", { name: "Select all" }).click();
  await expect(picker.getByText("Still over the platform's limits.", { exact: false })).toBeVisible();
  await picker.getByRole("button", { name: "Import selected" }).click();
  await expect(connectorItems(page)).toHaveCount(1);

  await exportButton(page).click();
  const refusal = page.getByRole("alertdialog", { name: "Export blocked" });
  await expect(refusal).toContainText("TotalOperationsCountExceedsMaxAllowed");
  await refusal.getByRole("button", { name: "Choose operations to keep" }).click();
  await expect(refusal).toHaveCount(0);

  const trim = page.getByRole("dialog", { name: "Choose operations" });
  await expect(trim.getByText("300 of 300 operations selected.")).toBeVisible();
  for (const tag of ["Deals", "Events", "Files"])
    await trim.getByRole("checkbox", { name: tag, exact: true }).uncheck();
  await expect(trim.getByRole("meter", { name: "Operations" })).toHaveAttribute("value", "150");
  await trim.getByRole("button", { name: "Keep selected" }).click();
  await expect(trim).toHaveCount(0);

  expect(await exportedOperationCount(page)).toBe(150);
  // One undo step brings all 300 back.
  await header(page).getByRole("button", { name: "Undo" }).click();
  await exportButton(page).click();
  await expect(page.getByRole("alertdialog", { name: "Export blocked" })).toBeVisible();
});

test("Review → Budget counts the minified size and offers Choose operations to keep", async ({ page }) => {
  await dropFiles(page, [largeApi(300)]);
  const picker = page.getByRole("dialog", { name: "Choose operations" });
  await picker.getByRole("button", { name: "Select all" }).click();
  await picker.getByRole("button", { name: "Import selected" }).click();
  await expect(connectorItems(page)).toHaveCount(1);

  await page.getByRole("tab", { name: /Review/ }).click();
  const budget = page.getByRole("region", { name: "Budget", exact: true });
  // Measured in the validation worker (a 300-operation connector; a shared machine can take a while).
  await expect(budget.getByRole("meter", { name: "Operations" })).toHaveAttribute("value", "256", {
    timeout: 60_000,
  });
  // The size as the platform counts it: minified, with the indented size beside it.
  await expect(budget).toContainText(/KB of 1,024 KB minified \([\d,]+ KB indented\)/);
  await budget.getByRole("button", { name: "Choose operations to keep" }).click();
  const trim = page.getByRole("dialog", { name: "Choose operations" });
  await trim.getByRole("button", { name: "Clear all" }).click();
  await trim.getByRole("checkbox", { name: "Files", exact: true }).check();
  await trim.getByRole("button", { name: "Keep selected" }).click();
  await expect(budget).toContainText(/Operations\s*50 of 256/, { timeout: 60_000 });
});
