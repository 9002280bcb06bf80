// The Swagger editor follows the selection both ways, and Go to (Ctrl/Cmd+K) reaches any operation, at the
// laptop sizes of issue 11, with a 219-operation connector open.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { pickImportFiles } from "./support/drop-files";
import { importLargeConnector } from "./support/large-connector";
import { showcaseFiles, SHOWCASE_TITLE } from "./support/showcase";
import { swaggerEditor, visibleEditorText } from "./support/swagger-editor";
import { connectorsNav, openAppForEachTest, stepsTablist } from "./support/workspace";

const SIZES = [
  { width: 1440, height: 900, summary: 400 },
  { width: 1280, height: 800, summary: 340 },
];

function definition(page: Page): Locator {
  return page.getByRole("region", { name: "Definition step" });
}

function actionRow(page: Page, index: number): Locator {
  return definition(page)
    .getByRole("list", { name: "Actions" })
    .getByRole("button", { name: new RegExp(`List items of collection ${index}$`) });
}

async function currentAction(page: Page): Promise<Locator> {
  return definition(page).getByRole("list", { name: "Actions" }).locator('[aria-current="true"]');
}

/** Waits until the Swagger editor shows the line of an operationId (in the rendered, visible lines). */
async function expectOperationIdShown(page: Page, operationId: string): Promise<void> {
  await expect
    .poll(() => visibleEditorText(page), { message: `${operationId} in the Swagger editor` })
    .toContain(`"operationId": "${operationId}"`);
}

/** Puts the Swagger editor's cursor on a text with its Find box (Ctrl/Cmd+F), then closes the box. */
async function findInEditor(page: Page, text: string): Promise<void> {
  await swaggerEditor(page).locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+F");
  const find = swaggerEditor(page).getByRole("textbox", { name: "Find" });
  await expect(find).toBeFocused();
  await find.fill(text);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
}

async function seriousViolations(page: Page, include = ".cs-app"): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include(include).exclude(".monaco-editor").analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`);
}

openAppForEachTest();
// A 219-operation connector, axe over the whole workbench, on a machine shared by several test runs.
test.describe.configure({ timeout: 120_000 });

for (const size of SIZES) {
  test(`at ${size.width}×${size.height} the Swagger editor follows the selection both ways, without jumps while typing`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await importLargeConnector(page, `Follow ${size.width}`);
    await page.getByRole("tab", { name: "Definition" }).click();
    for (const name of ["General", "Security", "Definition", "Code", "Test", "Review"])
      await expect(stepsTablist(page).getByRole("tab", { name })).toBeInViewport({ ratio: 1 });

    // Step → editor: an operation far down the 9,000-line text is revealed and highlighted; focus stays.
    await definition(page).getByRole("searchbox", { name: "Search operations" }).fill("collection 150");
    await actionRow(page, 150).click();
    await expect(actionRow(page, 150)).toHaveAttribute("aria-current", "true");
    const summary = definition(page).getByLabel("Summary", { exact: true });
    await expect(summary).toHaveValue("List items of collection 150");
    const summaryWidth = (await summary.boundingBox())?.width ?? 0;
    test.info().annotations.push({ type: "Summary width", description: `${summaryWidth.toFixed(0)} px` });
    expect(summaryWidth).toBeGreaterThanOrEqual(size.summary);
    await expectOperationIdShown(page, "ListItems150");
    await expect(swaggerEditor(page).locator(".cs-follow-line").first()).toBeVisible();
    await expect(actionRow(page, 150)).toBeFocused();
    await definition(page).getByRole("searchbox", { name: "Search operations" }).fill("");

    // Editor → step: the cursor put on another operation's operationId selects it in the list.
    await findInEditor(page, "ListItems37");
    await expect(actionRow(page, 37)).toHaveAttribute("aria-current", "true");
    await expect(summary).toHaveValue("List items of collection 37");
    await expect(await currentAction(page)).toHaveCount(1);

    // Typing in the editor selects nothing: back on 150 from the list, then typing where the cursor is (over
    // the operationId of 37 that Find selected).
    await definition(page).getByRole("searchbox", { name: "Search operations" }).fill("collection 150");
    await actionRow(page, 150).click();
    await expectOperationIdShown(page, "ListItems150");
    await swaggerEditor(page).getByRole("textbox", { name: "Swagger definition, JSON" }).focus();
    await page.keyboard.type("Renamed37");
    // Longer than the editor's parse and cursor pauses together.
    await page.waitForTimeout(900);
    await expect(actionRow(page, 150)).toHaveAttribute("aria-current", "true");
    await expect(await currentAction(page)).toHaveCount(1);
    await expect(summary).toHaveValue("List items of collection 150");
    await expect(page.getByTestId("swagger-editor-status")).not.toContainText("Not applied");
  });

  test(`at ${size.width}×${size.height} Go to (Ctrl/Cmd+K) finds an operation and Enter selects it`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await importLargeConnector(page, `Go to ${size.width}`);
    // The header button opens it too; Escape closes it and gives focus back.
    const button = page.getByRole("banner").getByRole("button", { name: "Go to" });
    await button.click();
    const dialog = page.getByRole("dialog", { name: "Go to" });
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();

    await page.getByRole("tab", { name: "General" }).click();
    await page.keyboard.press("ControlOrMeta+K");
    await expect(dialog).toBeVisible();
    const search = dialog.getByRole("combobox");
    await expect(search).toBeFocused();
    await search.fill("ListItems20");
    const options = dialog.getByRole("listbox").getByRole("option");
    // ListItems20 and ListItems200…209 (and their parameters): the exact operation ranks first.
    await expect(options.first()).toContainText("List items of collection 20");
    await expect(options.first()).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("ArrowDown");
    await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("ArrowUp");
    expect(await seriousViolations(page, "dialog.cs-goto")).toEqual([]);
    await page.keyboard.press("Enter");
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("tab", { name: "Definition" })).toHaveAttribute("aria-selected", "true");
    await expect(actionRow(page, 20)).toHaveAttribute("aria-current", "true");
    await expect(actionRow(page, 20)).toBeFocused();
    await expectOperationIdShown(page, "ListItems20");

    // Go to reaches a definition and a General setting too.
    await page.keyboard.press("ControlOrMeta+K");
    await dialog.getByRole("combobox").fill("host");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("tab", { name: "General" })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByRole("textbox", { name: "Host" })).toBeFocused();

    expect(await seriousViolations(page)).toEqual([]);
    // And in the dark theme (theme.spec scans every step in both themes with a small connector).
    await page.getByRole("banner").getByRole("switch", { name: "Dark theme" }).click();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test("the Connectors list collapses to icons and the operations list is resizable, both remembered; 1024 px does not scroll sideways", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await importLargeConnector(page, "Layout Big", 40);
  await page.getByRole("tab", { name: "Definition" }).click();
  await actionRow(page, 3).click();
  const summary = definition(page).getByLabel("Summary", { exact: true });
  const before = (await summary.boundingBox())?.width ?? 0;

  const nav = page.getByRole("navigation", { name: "Connectors" });
  await nav.getByRole("button", { name: "Collapse the Connectors list" }).click();
  await expect(nav.getByRole("button", { name: "Expand the Connectors list" })).toBeVisible();
  expect((await nav.boundingBox())?.width ?? Infinity).toBeLessThanOrEqual(64);
  // Collapsed, each connector is an icon that keeps its name.
  await expect(nav.getByRole("button", { name: /^Layout Big / })).toHaveAttribute("aria-current", "true");
  expect((await summary.boundingBox())?.width ?? 0).toBeGreaterThan(before);

  // The separator between the lists and the editor: the keyboard widens the lists.
  const separator = definition(page).getByRole("separator", { name: "Resize the operations list" });
  const rail = definition(page).getByRole("list", { name: "Actions" });
  const railBefore = (await rail.boundingBox())?.width ?? 0;
  await separator.focus();
  await page.keyboard.press("Shift+ArrowRight");
  await expect.poll(async () => (await rail.boundingBox())?.width ?? 0).toBeGreaterThan(railBefore + 30);
  const railAfter = (await rail.boundingBox())?.width ?? 0;

  await page.reload();
  await expect(nav.getByRole("button", { name: "Expand the Connectors list" })).toBeVisible();
  await page.getByRole("tab", { name: "Definition" }).click();
  await expect
    .poll(async () => Math.round((await rail.boundingBox())?.width ?? 0))
    .toBe(Math.round(railAfter));

  await page.setViewportSize({ width: 1024, height: 768 });
  await actionRow(page, 3).click();
  await expect(summary).toBeInViewport();
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
  await nav.getByRole("button", { name: "Expand the Connectors list" }).click();
  await expect(summary).toBeInViewport();
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
});

/** The showcase (Helpdeskly) with its policy narrowed to GetTicket: a policy for every operation has no one place. */
async function importShowcaseWithNarrowPolicy(page: Page): Promise<void> {
  const files = showcaseFiles().map((file) => {
    if (file.name !== "apiProperties.json") return file;
    const properties = JSON.parse(new TextDecoder().decode(file.bytes)) as {
      properties: { policyTemplateInstances: { parameters: Record<string, unknown> }[] };
    };
    const policy = properties.properties.policyTemplateInstances[0];
    if (policy) policy.parameters["x-ms-apimTemplate-operationName"] = ["GetTicket"];
    return { ...file, bytes: new TextEncoder().encode(JSON.stringify(properties)) };
  });
  await pickImportFiles(page, files);
  await expect(
    connectorsNav(page).getByRole("button", { name: new RegExp(`^${SHOWCASE_TITLE} `) }),
  ).toHaveAttribute("aria-current", "true");
}

test("policies, connection parameters, security, General fields, definitions and responses follow the Swagger editor too", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await importShowcaseWithNarrowPolicy(page);
  const editorText = swaggerEditor(page).getByRole("textbox", { name: "Swagger definition, JSON" });
  const followLine = swaggerEditor(page).locator(".cs-follow-line").first();

  // Definition: a policy (in apiProperties.json, which the pane does not show) reveals the operation it runs for.
  await page.getByRole("tab", { name: "Definition" }).click();
  await definition(page)
    .getByRole("list", { name: "Actions" })
    .getByRole("button", { name: /List agents/ })
    .click();
  await expectOperationIdShown(page, "ListAgents");
  await definition(page).getByRole("list", { name: "Policies" }).getByRole("button").first().click();
  await expectOperationIdShown(page, "GetTicket");
  await expect(followLine).toBeVisible();

  // The cursor in a definition (schema) selects it among the References; in a response, marks that response.
  await findInEditor(page, '"NewTicket"');
  await expect(
    definition(page).getByRole("list", { name: "References" }).locator('[aria-current="true"]'),
  ).toContainText("NewTicket");
  await findInEditor(page, '"201"');
  await expect(definition(page).getByRole("group", { name: "Response 201" })).toHaveAttribute(
    "data-following",
    "true",
  );
  await expect(definition(page).getByLabel("Summary", { exact: true })).toHaveValue("Create a ticket");
  await expect(editorText).toBeFocused();

  // Security: the API key's connection parameter reveals its security definition; the cursor in the security
  // definition marks the field that edits it, and the keys stay in the editor.
  await page.getByRole("tab", { name: "Security" }).click();
  await page.getByLabel("Parameter label").focus();
  await expect.poll(() => visibleEditorText(page)).toContain('"securityDefinitions"');
  await expect(followLine).toBeVisible();
  const security = page.getByRole("region", { name: "Security step" });
  await findInEditor(page, "X-Api-Key");
  await expect(security.locator('[data-following="true"]')).toContainText("Parameter name");
  await expect(editorText).toBeFocused();

  // General: the cursor on the host marks the Host field.
  await page.getByRole("tab", { name: "General" }).click();
  await findInEditor(page, "api.helpdeskly.io");
  await expect(
    page.getByRole("region", { name: "General step" }).locator('[data-following="true"]'),
  ).toContainText("Host");
  await expect(editorText).toBeFocused();
});
