// The maker's workbench: the step gets the room, the Swagger editor can be hidden, Validation collapses,
// notices stay with their connector. A 219-operation connector is generated here (no corpus files).
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { dropFiles } from "./support/drop-files";
import { swaggerEditor } from "./support/swagger-editor";
import { connectorsNav, notices, openAppForEachTest, stepsTablist } from "./support/workspace";

/** With `problems`, every summary ends with a full stop: one RestrictedCharactersInSummary warning each. */
function bigConnector(title: string, operations: number, problems = false): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (let i = 0; i < operations; i++) {
    paths[`/items${i}`] = {
      get: {
        operationId: `ListItems${i}`,
        summary: `List items of collection ${i}${problems ? "." : ""}`,
        description: `Lists the items of collection ${i}.`,
        parameters: [{ name: "top", in: "query", type: "integer", "x-ms-summary": "Top" }],
        responses: { "200": { description: "OK" } },
      },
    };
  }
  return {
    swagger: "2.0",
    info: { title, description: `${title}, generated for the workbench tests`, version: "1.0" },
    host: "lists.fabrikam.io",
    basePath: "/",
    schemes: ["https"],
    consumes: [],
    produces: ["application/json"],
    paths,
    definitions: {},
    parameters: {},
    responses: {},
    securityDefinitions: {},
    security: [],
    tags: [],
  };
}

async function importConnector(page: Page, title: string, operations = 219, problems = false): Promise<void> {
  const bytes = new TextEncoder().encode(JSON.stringify(bigConnector(title, operations, problems)));
  await dropFiles(page, [{ name: `${title}.swagger.json`, bytes, mimeType: "application/json" }]);
  await expect(connectorsNav(page).getByRole("button", { name: new RegExp(`^${title} `) })).toHaveAttribute(
    "aria-current",
    "true",
  );
}

function definition(page: Page): Locator {
  return page.getByRole("region", { name: "Definition step" });
}

/** Opens Definition and selects the first action; returns the Summary field. */
async function openFirstOperation(page: Page): Promise<Locator> {
  await page.getByRole("tab", { name: "Definition" }).click();
  await definition(page).getByRole("list", { name: "Actions" }).getByRole("button").first().click();
  const summary = definition(page).getByLabel("Summary", { exact: true });
  await expect(summary).toBeVisible();
  return summary;
}

async function width(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error("not rendered");
  return box.width;
}

async function expectAllTabsVisible(page: Page, viewportWidth: number): Promise<void> {
  const list = stepsTablist(page);
  const listBox = await list.boundingBox();
  if (!listBox) throw new Error("no tab list");
  for (const name of ["General", "Security", "Definition", "Code", "Test", "Review"]) {
    const tab = list.getByRole("tab", { name });
    await expect(tab).toBeInViewport({ ratio: 1 });
    const box = await tab.boundingBox();
    if (!box) throw new Error(`tab ${name} not rendered`);
    expect(box.x, name).toBeGreaterThanOrEqual(listBox.x - 0.5);
    expect(box.x + box.width, name).toBeLessThanOrEqual(
      Math.min(listBox.x + listBox.width, viewportWidth) + 0.5,
    );
  }
  // Nothing scrolls sideways out of view.
  expect(await list.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
}

const SIZES = [
  { width: 1440, height: 900, summary: 400, hiddenSummary: 700 },
  { width: 1280, height: 800, summary: 340, hiddenSummary: 600 },
];

openAppForEachTest();

for (const size of SIZES) {
  test(`at ${size.width}×${size.height} all six tabs show and the Summary field is ≥ ${size.summary} px`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await importConnector(page, "Workbench Big");
    const summary = await openFirstOperation(page);
    await expect(swaggerEditor(page)).toBeVisible();
    await expectAllTabsVisible(page, size.width);
    const shown = await width(summary);
    test
      .info()
      .annotations.push({ type: "Summary width, editor shown", description: `${shown.toFixed(0)} px` });
    expect(shown).toBeGreaterThanOrEqual(size.summary);

    await page.getByRole("button", { name: "Hide Swagger editor" }).click();
    await expect(swaggerEditor(page)).toBeHidden();
    const hidden = await width(summary);
    test
      .info()
      .annotations.push({ type: "Summary width, editor hidden", description: `${hidden.toFixed(0)} px` });
    expect(hidden).toBeGreaterThanOrEqual(size.hiddenSummary);
    await expectAllTabsVisible(page, size.width);
  });
}

test("Hide Swagger editor is remembered after a reload, and Show Swagger editor brings it back", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await importConnector(page, "Workbench Hide", 3);
  await expect(swaggerEditor(page)).toBeVisible();
  await page.getByRole("button", { name: "Hide Swagger editor" }).click();
  await expect(swaggerEditor(page)).toBeHidden();
  // The button moves to the end of the tab row; focus goes with it.
  await expect(page.getByRole("button", { name: "Show Swagger editor" })).toBeFocused();
  await page.reload();
  await expect(page.getByRole("button", { name: "Show Swagger editor" })).toBeVisible();
  await expect(swaggerEditor(page)).toBeHidden();
  const summary = await openFirstOperation(page);
  expect(await width(summary)).toBeGreaterThanOrEqual(700);
  await page.getByRole("button", { name: "Show Swagger editor" }).click();
  await expect(swaggerEditor(page)).toBeVisible();
  await expect(page.getByRole("button", { name: "Hide Swagger editor" })).toBeFocused();
  await page.reload();
  await expect(swaggerEditor(page)).toBeVisible();
});

test("Validation collapses to one line, says so with aria-expanded, and stays collapsed after a reload", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await importConnector(page, "Workbench Validation", 219, true);
  const panel = page.getByRole("region", { name: "Validation" });
  const toggle = panel.getByRole("button", { name: "Validation" });
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(panel.getByRole("list", { name: "Problems" })).toBeVisible();
  await expect(panel).toContainText("219 warnings");
  // Open, it never takes more than about a third of the column.
  const column = page.locator(".cs-main-column");
  const columnHeight = (await column.boundingBox())?.height ?? 0;
  const openHeight = (await panel.boundingBox())?.height ?? Infinity;
  expect(openHeight).toBeLessThanOrEqual(columnHeight * 0.34);

  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(panel.getByRole("list", { name: "Problems" })).toHaveCount(0);
  await expect(panel.getByRole("checkbox", { name: "Certification mode" })).toBeHidden();
  // One line: the status bar is no taller than a row of text with its padding.
  expect((await panel.boundingBox())?.height ?? Infinity).toBeLessThanOrEqual(48);
  await expect(panel).toContainText(/error|warning|No problems/);

  await page.reload();
  await expect(
    page.getByRole("region", { name: "Validation" }).getByRole("button", { name: "Validation" }),
  ).toHaveAttribute("aria-expanded", "false");
  await page.getByRole("region", { name: "Validation" }).getByRole("button", { name: "Validation" }).click();
  await expect(
    page.getByRole("region", { name: "Validation" }).getByRole("checkbox", { name: "Certification mode" }),
  ).toBeVisible();
});

test("notices stay with their connector, fade when they report a success and never cover the Swagger editor", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await importConnector(page, "First Notes", 2);
  const first = notices(page).getByText("Imported “First Notes”");
  await expect(first).toBeVisible();
  const noticeBox = await notices(page).boundingBox();
  const editorBox = await swaggerEditor(page).boundingBox();
  if (!noticeBox || !editorBox) throw new Error("not rendered");
  expect(noticeBox.x + noticeBox.width).toBeLessThanOrEqual(editorBox.x);

  await importConnector(page, "Second Notes", 2);
  await expect(notices(page).getByText("Imported “Second Notes”")).toBeVisible();
  await expect(first).toHaveCount(0);
  // A success fades by itself after a few seconds.
  await expect(notices(page).getByText("Imported “Second Notes”")).toHaveCount(0, { timeout: 10_000 });
});

test("toolbar buttons use the app's button styles; the delete icon is drawn inline", async ({ page }) => {
  await importConnector(page, "Workbench Buttons", 2);
  await page.getByRole("tab", { name: "Definition" }).click();
  const reference = page.getByRole("button", { name: "Hide Swagger editor" });
  for (const name of ["New action", "New trigger", "New policy"]) {
    const button = definition(page).getByRole("button", { name, exact: true });
    await expect(button).toHaveClass(/\bcs-button\b/);
    const [radius, font] = await button.evaluate((el) => {
      const style = getComputedStyle(el);
      return [style.borderRadius, style.fontFamily];
    });
    expect(radius).toBe("5px");
    expect(font).toBe(await reference.evaluate((el) => getComputedStyle(el).fontFamily));
  }
  const remove = connectorsNav(page).getByRole("button", { name: "Delete Workbench Buttons" });
  await expect(remove.locator("svg")).toHaveCount(1);
  expect((await remove.textContent())?.trim()).toBe("");
});

test("usable at 1024 px: every tab, the Summary field and the Validation bar are in view", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await importConnector(page, "Workbench Small");
  const summary = await openFirstOperation(page);
  await expect(summary).toBeInViewport();
  expect(await width(summary)).toBeGreaterThanOrEqual(200);
  for (const name of ["General", "Security", "Definition", "Code", "Test", "Review"])
    await expect(stepsTablist(page).getByRole("tab", { name })).toBeInViewport({ ratio: 1 });
  await expect(
    page.getByRole("region", { name: "Validation" }).getByRole("button", { name: "Validation" }),
  ).toBeInViewport();
});

test("the workbench has no serious or critical accessibility violations (axe)", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await importConnector(page, "Workbench Axe");
  await openFirstOperation(page);
  const serious = async () =>
    (await new AxeBuilder({ page }).include(".cs-app").exclude(".monaco-editor").analyze()).violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`);
  expect(await serious()).toEqual([]);
  await page.getByRole("region", { name: "Validation" }).getByRole("button", { name: "Validation" }).click();
  await page.getByRole("button", { name: "Hide Swagger editor" }).click();
  expect(await serious()).toEqual([]);
});
