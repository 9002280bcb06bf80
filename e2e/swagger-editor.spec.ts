import { expect, test, type Locator, type Page } from "@playwright/test";

// The Swagger editor pane (issue 2 item 4): JSON and YAML views in two-way sync with the document, parse
// errors shown in place without touching the text, Undo through the one workspace history, x-ms-* help from
// the connector schema, and no request off 127.0.0.1 (Monaco's workers and schemas are all local).

const PASTED = {
  swagger: "2.0",
  info: { title: "Pasted Connector", description: "From the pane", version: "1.0" },
  host: "api.example.com",
  basePath: "/",
  schemes: ["https"],
  paths: {
    "/items": {
      get: {
        operationId: "ListItems",
        summary: "List items",
        "x-ms-visibility": "important",
        responses: { "200": { description: "OK" } },
      },
      post: {
        operationId: "CreateItem",
        responses: { "200": { description: "OK" } },
      },
    },
  },
};

function pane(page: Page): Locator {
  return page.getByRole("region", { name: "Swagger editor" });
}

/** The lines Monaco renders, in screen order, with its non-breaking spaces turned back into spaces. */
async function visibleText(page: Page): Promise<string> {
  return pane(page)
    .locator(".view-lines")
    .evaluate((el) =>
      [...el.children]
        .map((line) => ({
          top: parseFloat((line as HTMLElement).style.top) || 0,
          text: line.textContent ?? "",
        }))
        .sort((a, b) => a.top - b.top)
        .map((line) => line.text.replace(/\u00a0/g, " "))
        .join("\n"),
    );
}

/** Replaces the editor's text with the clipboard (exact text; typing would go through auto-indent). */
async function pasteIntoEditor(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await pane(page).locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+V");
}

const connectors = (page: Page) => page.getByRole("navigation", { name: "Connectors" });

test("the Swagger editor edits the document both ways, in JSON and YAML", async ({ page }) => {
  const offOrigin: string[] = [];
  page.on("request", (request) => {
    const url = request.url();
    if (!/^(http:\/\/127\.0\.0\.1:\d+\/|data:|blob:)/.test(url)) offOrigin.push(url);
  });
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));

  await page.goto("/");
  await page.getByRole("button", { name: "New connector" }).first().click();

  // New connector → the pane shows its definition as JSON.
  await expect(pane(page).locator(".view-lines")).toBeVisible();
  await expect.poll(() => visibleText(page)).toContain('"swagger": "2.0"');
  await expect(pane(page).getByRole("radio", { name: "JSON" })).toBeChecked();

  // Paste a changed document: after the debounce, the document (and so the Connectors list) changes.
  await pasteIntoEditor(page, JSON.stringify(PASTED, null, 4));
  await expect(connectors(page)).toContainText("Pasted Connector");

  // Hover on an x-ms-* key explains it (the connector schema with x-ms-* extensions).
  await pane(page).locator(".view-lines span", { hasText: '"x-ms-visibility"' }).first().hover();
  await expect(page.locator(".monaco-hover").first()).toContainText("how prominently", { timeout: 20_000 });
  await page.mouse.move(0, 0);

  // Completion in an operation (one without the key yet) offers x-ms-visibility.
  await pane(page).locator(".view-lines span", { hasText: '"CreateItem"' }).first().click();
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type('"x-ms-vis');
  await page.keyboard.press("Control+Space");
  await expect(page.locator(".suggest-widget")).toContainText("x-ms-visibility", { timeout: 20_000 });
  await page.keyboard.press("Escape");
  // That line does not parse yet: it is not applied, and Undo in the pane throws the broken typing away.
  await expect(pane(page).getByRole("status")).toContainText(/Line \d+, column \d+/);
  await page.keyboard.press("ControlOrMeta+Z");
  await expect(pane(page).getByRole("status")).not.toContainText("Line");
  await expect.poll(() => visibleText(page)).not.toContain('"x-ms-vis"');

  // Broken JSON: a message naming line and column, a marker, and the previous document is kept.
  const broken = JSON.stringify(
    { ...PASTED, info: { ...PASTED.info, title: "Broken Title" } },
    null,
    4,
  ).replace('"host": "api.example.com",', '"host": "api.example.com"');
  await pasteIntoEditor(page, broken);
  await expect(pane(page).getByRole("status")).toContainText(/Line (8|9), column \d+/);
  await expect(pane(page).locator(".squiggly-error").first()).toBeAttached();
  await expect(connectors(page)).toContainText("Pasted Connector");
  await expect(connectors(page)).not.toContainText("Broken Title");
  // What the user typed stays untouched.
  await expect.poll(() => visibleText(page)).toContain('"title": "Broken Title"');
  await pane(page).getByRole("button", { name: "Discard my text" }).click();
  await expect.poll(() => visibleText(page)).toContain('"title": "Pasted Connector"');

  // Undo in the pane goes through the store: the paste is undone, in the list and in the pane.
  await pane(page).locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+Z");
  await expect(connectors(page)).not.toContainText("Pasted Connector");
  await expect.poll(() => visibleText(page)).not.toContain("Pasted Connector");
  // …and Redo brings it back.
  await page.keyboard.press("ControlOrMeta+Shift+Z");
  await expect(connectors(page)).toContainText("Pasted Connector");
  await expect.poll(() => visibleText(page)).toContain('"title": "Pasted Connector"');

  // YAML view shows YAML; edits there work too.
  await pane(page).getByRole("radio", { name: "YAML" }).check();
  await expect.poll(() => visibleText(page)).toMatch(/swagger: ["']2\.0["']/);
  await expect.poll(() => visibleText(page)).toContain("title: Pasted Connector");
  const yamlText = [
    'swagger: "2.0"',
    "info:",
    "  title: Yaml Connector",
    '  version: "1.0"',
    "host: api.example.com",
    "basePath: /",
    "paths: {}",
    "",
  ].join("\n");
  await pasteIntoEditor(page, yamlText);
  await expect(connectors(page)).toContainText("Yaml Connector");
  // Broken YAML: line and column, document kept.
  await pasteIntoEditor(page, "swagger: '2.0'\ninfo:\n  title: [Broken YAML\n");
  await expect(pane(page).getByRole("status")).toContainText(/Line \d+, column \d+/);
  await expect(connectors(page)).toContainText("Yaml Connector");
  await pane(page).getByRole("button", { name: "Discard my text" }).click();

  // Back to JSON: the edit made in YAML is there.
  await pane(page).getByRole("radio", { name: "JSON" }).check();
  await expect.poll(() => visibleText(page)).toContain('"title": "Yaml Connector"');

  // The toolbar's Undo (an edit from elsewhere) reaches the pane.
  await page.getByRole("button", { name: "Undo" }).click();
  await expect.poll(() => visibleText(page)).toContain('"title": "Pasted Connector"');

  expect(pageErrors).toEqual([]);
  expect(offOrigin).toEqual([]);
});
