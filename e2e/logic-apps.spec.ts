import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Download, type Page } from "@playwright/test";
import { dropFiles, pickImportFiles } from "./support/drop-files";
import { connectorItems, header, notices, openAppForEachTest } from "./support/workspace";

// Issue 16: Export → For Azure Logic Apps downloads a customApis template (ARM or Bicep); dropping that
// template imports the connector back.

const fixture = (path: string) => fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url));
const PACKAGE_FILES = ["apiDefinition.swagger.json", "apiProperties.json", "icon.png", "script.csx"];
const definition = () =>
  JSON.parse(readFileSync(fixture("contoso-package/apiDefinition.swagger.json"), "utf8"));

openAppForEachTest();

async function importContoso(page: Page): Promise<void> {
  await pickImportFiles(
    page,
    PACKAGE_FILES.map((name) => ({
      name,
      bytes: new Uint8Array(readFileSync(fixture(`contoso-package/${name}`))),
    })),
  );
  await expect(connectorItems(page)).toHaveCount(1);
}

async function openLogicAppsExport(page: Page) {
  await header(page).getByRole("button", { name: "More formats" }).click();
  await page.getByRole("menuitem", { name: "For Azure Logic Apps (ARM / Bicep)" }).click();
  const dialog = page.getByRole("dialog", { name: "For Azure Logic Apps" });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function downloaded(
  page: Page,
  click: () => Promise<void>,
): Promise<{ download: Download; text: string }> {
  const downloadPromise = page.waitForEvent("download");
  await click();
  const download = await downloadPromise;
  return { download, text: readFileSync(await download.path(), "utf8") };
}

test("Export → For Azure Logic Apps downloads an ARM template or a Bicep file, and says what it leaves out", async ({
  page,
}) => {
  await importContoso(page);
  const dialog = await openLogicAppsExport(page);
  await expect(dialog.getByRole("region", { name: "What the template leaves out" })).toContainText(
    "Custom code (script.csx) does not run in a Logic Apps custom connector",
  );

  const arm = await downloaded(page, () => dialog.getByRole("button", { name: "Download template" }).click());
  expect(arm.download.suggestedFilename()).toMatch(/\.logicapp\.json$/);
  const template = JSON.parse(arm.text);
  expect(template.resources).toHaveLength(1);
  const [resource] = template.resources;
  expect(resource.type).toBe("Microsoft.Web/customApis");
  expect(resource.apiVersion).toBe("2016-06-01");
  expect(resource.properties.swagger).toEqual(definition());
  expect(resource.properties.iconUri).toMatch(/^data:image\/png;base64,/);
  expect(resource.properties.connectionParameters.api_key.type).toBe("securestring");
  await expect(dialog.getByRole("status")).toContainText("Downloaded");

  await dialog.getByRole("radio", { name: "Bicep" }).check();
  const bicep = await downloaded(page, () =>
    dialog.getByRole("button", { name: "Download template" }).click(),
  );
  expect(bicep.download.suggestedFilename()).toMatch(/\.bicep$/);
  expect(bicep.text).toContain("resource customApi 'Microsoft.Web/customApis@2016-06-01' = {");
  expect(bicep.text).toContain("param location string = resourceGroup().location");

  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(header(page).getByRole("button", { name: "More formats" })).toBeFocused();
});

test("the menu closes on Escape and gives focus back to its button", async ({ page }) => {
  await importContoso(page);
  const menuButton = header(page).getByRole("button", { name: "More formats" });
  await menuButton.click();
  await expect(menuButton).toHaveAttribute("aria-expanded", "true");
  const item = page.getByRole("menuitem", { name: "For Azure Logic Apps (ARM / Bicep)" });
  await expect(item).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(item).toHaveCount(0);
  await expect(menuButton).toBeFocused();
});

test("dropping the downloaded template imports the connector again", async ({ page }) => {
  await importContoso(page);
  const dialog = await openLogicAppsExport(page);
  const arm = await downloaded(page, () => dialog.getByRole("button", { name: "Download template" }).click());
  await dialog.getByRole("button", { name: "Close" }).click();

  await dropFiles(page, [
    {
      name: arm.download.suggestedFilename(),
      bytes: new TextEncoder().encode(arm.text),
      mimeType: "application/json",
    },
  ]);
  await expect(connectorItems(page)).toHaveCount(2);
  await expect(notices(page)).toContainText(`from ${arm.download.suggestedFilename()}`);
  const title = definition().info.title as string;
  await expect(connectorItems(page).nth(1)).toContainText(title);
  await expect(page.getByRole("textbox", { name: "Connector name" })).toHaveValue(title);
});

test("Review shows where the connector runs and what each target loses", async ({ page }) => {
  await importContoso(page);
  await page.getByRole("tab", { name: "Review" }).click();
  const targets = page.getByRole("region", { name: "Where it runs" });
  await expect(targets).toContainText("Power Platform");
  await expect(targets).toContainText("Azure Logic Apps");
  await expect(targets.getByRole("listitem").filter({ hasText: "Power Platform" })).toContainText(
    "Everything carries over.",
  );
  await expect(targets.getByRole("listitem").filter({ hasText: "Azure Logic Apps" })).toContainText(
    "Custom code (script.csx) does not run in a Logic Apps custom connector",
  );
});

test("the menu and the dialog have no serious or critical accessibility violations (axe)", async ({
  page,
}) => {
  await importContoso(page);
  const serious = async (selector: string) =>
    (await new AxeBuilder({ page }).include(selector).analyze()).violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`);
  await header(page).getByRole("button", { name: "More formats" }).click();
  await expect(page.getByRole("menu", { name: "Export formats" })).toBeVisible();
  expect(await serious(".cs-header")).toEqual([]);
  await page.getByRole("menuitem", { name: "For Azure Logic Apps (ARM / Bicep)" }).click();
  await expect(page.getByRole("dialog", { name: "For Azure Logic Apps" })).toBeVisible();
  expect(await serious("dialog")).toEqual([]);
});
