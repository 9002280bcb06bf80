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
  await swaggerEditor(page).locator(".view-lines").click();
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
