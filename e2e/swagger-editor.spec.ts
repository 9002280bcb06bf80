import { expect, test, type Page } from "@playwright/test";
import { pasteIntoSwaggerEditor, swaggerEditor, visibleEditorText } from "./support/swagger-editor";

// These tests read small documents from the Swagger editor's rendered lines: a large window keeps every line in
// view and unwrapped (the step column takes most of a 1280 px window).
test.use({ viewport: { width: 1920, height: 1080 } });

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
  await expect(swaggerEditor(page).locator(".view-lines")).toBeVisible();
  await expect.poll(() => visibleEditorText(page)).toContain('"swagger": "2.0"');
  await expect(swaggerEditor(page).getByRole("radio", { name: "JSON" })).toBeChecked();

  // Paste a changed document: after the debounce, the document (and so the Connectors list) changes.
  await pasteIntoSwaggerEditor(page, JSON.stringify(PASTED, null, 4));
  await expect(connectors(page)).toContainText("Pasted Connector");

  // Hover on an x-ms-* key explains it (the connector schema with x-ms-* extensions).
  await swaggerEditor(page).locator(".view-lines span", { hasText: '"x-ms-visibility"' }).first().hover();
  await expect(page.locator(".monaco-hover").first()).toContainText("how prominently", { timeout: 20_000 });
  await page.mouse.move(0, 0);

  // Completion in an operation (one without the key yet) offers x-ms-visibility.
  await swaggerEditor(page).locator(".view-lines span", { hasText: '"CreateItem"' }).first().click();
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type('"x-ms-vis');
  await page.keyboard.press("Control+Space");
  await expect(page.locator(".suggest-widget")).toContainText("x-ms-visibility", { timeout: 20_000 });
  await page.keyboard.press("Escape");
  // That line does not parse yet: it is not applied, and Undo in the pane throws the broken typing away.
  await expect(swaggerEditor(page).getByRole("status")).toContainText(/Line \d+, column \d+/);
  await page.keyboard.press("ControlOrMeta+Z");
  await expect(swaggerEditor(page).getByRole("status")).not.toContainText("Line");
  await expect.poll(() => visibleEditorText(page)).not.toContain('"x-ms-vis"');

  // Broken JSON: a message naming line and column, a marker, and the previous document is kept.
  const broken = JSON.stringify(
    { ...PASTED, info: { ...PASTED.info, title: "Broken Title" } },
    null,
    4,
  ).replace('"host": "api.example.com",', '"host": "api.example.com"');
  await pasteIntoSwaggerEditor(page, broken);
  await expect(swaggerEditor(page).getByRole("status")).toContainText(/Line (8|9), column \d+/);
  await expect(swaggerEditor(page).locator(".squiggly-error").first()).toBeAttached();
  await expect(connectors(page)).toContainText("Pasted Connector");
  await expect(connectors(page)).not.toContainText("Broken Title");
  // What the user typed stays untouched.
  await expect.poll(() => visibleEditorText(page)).toContain('"title": "Broken Title"');
  await swaggerEditor(page).getByRole("button", { name: "Discard my text" }).click();
  await expect.poll(() => visibleEditorText(page)).toContain('"title": "Pasted Connector"');

  // Undo in the pane goes through the store: the paste is undone, in the list and in the pane.
  await swaggerEditor(page).locator(".view-lines").click();
  await page.keyboard.press("ControlOrMeta+Z");
  await expect(connectors(page)).not.toContainText("Pasted Connector");
  await expect.poll(() => visibleEditorText(page)).not.toContain("Pasted Connector");
  // …and Redo brings it back.
  await page.keyboard.press("ControlOrMeta+Shift+Z");
  await expect(connectors(page)).toContainText("Pasted Connector");
  await expect.poll(() => visibleEditorText(page)).toContain('"title": "Pasted Connector"');

  // YAML view shows YAML; edits there work too.
  await swaggerEditor(page).getByRole("radio", { name: "YAML" }).check();
  await expect.poll(() => visibleEditorText(page)).toMatch(/swagger: ["']2\.0["']/);
  await expect.poll(() => visibleEditorText(page)).toContain("title: Pasted Connector");
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
  await pasteIntoSwaggerEditor(page, yamlText);
  await expect(connectors(page)).toContainText("Yaml Connector");
  // Broken YAML: line and column, document kept.
  await pasteIntoSwaggerEditor(page, "swagger: '2.0'\ninfo:\n  title: [Broken YAML\n");
  await expect(swaggerEditor(page).getByRole("status")).toContainText(/Line \d+, column \d+/);
  await expect(connectors(page)).toContainText("Yaml Connector");
  await swaggerEditor(page).getByRole("button", { name: "Discard my text" }).click();

  // Back to JSON: the edit made in YAML is there.
  await swaggerEditor(page).getByRole("radio", { name: "JSON" }).check();
  await expect.poll(() => visibleEditorText(page)).toContain('"title": "Yaml Connector"');

  // The toolbar's Undo (an edit from elsewhere) reaches the pane.
  await page.getByRole("button", { name: "Undo" }).click();
  await expect.poll(() => visibleEditorText(page)).toContain('"title": "Pasted Connector"');

  expect(pageErrors).toEqual([]);
  expect(offOrigin).toEqual([]);
});
