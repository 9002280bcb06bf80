import type { Locator, Page } from "@playwright/test";

export function swaggerEditor(page: Page): Locator {
  return page.getByRole("region", { name: "Swagger editor" });
}

/**
 * Replaces the Swagger editor's text through the clipboard. Typing would go through Monaco's auto-close and
 * auto-indent and change the text. Needs the clipboard permissions set in
 * playwright.config.ts.
 */
export async function pasteIntoSwaggerEditor(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  // Focus, not a click: a click moves the cursor, and a cursor resting in the text selects the item under it
  // in the step (the pane follows both ways). On a slow machine that selection could land before the paste
  // and close what the test has open. Monaco's input is a native EditContext element (or a textarea).
  await swaggerEditor(page).locator(".native-edit-context, textarea.inputarea").first().focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+V");
}

/** The text Monaco renders (visible lines, in order), with non-breaking spaces turned back into spaces. */
export async function visibleEditorText(page: Page): Promise<string> {
  return swaggerEditor(page)
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
