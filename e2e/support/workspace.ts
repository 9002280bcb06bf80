import { expect, test, type Locator, type Page } from "@playwright/test";

/** Opens the app and waits until the saved workspace has been restored (or found empty). */
export async function openApp(page: Page): Promise<void> {
  await page.goto("/");
  await expect(page.locator(".cs-app[data-ready='true']")).toBeAttached();
}

export function header(page: Page): Locator {
  return page.getByRole("banner");
}

/** The New connector button, wherever it is shown (the drop region on an empty workspace, else the header). */
export function newConnectorButton(page: Page): Locator {
  return page.getByRole("button", { name: "New connector", exact: true });
}

export function connectorsNav(page: Page): Locator {
  return page.getByRole("navigation", { name: "Connectors" });
}

/** The connectors in the list, by their open buttons. */
export function connectorItems(page: Page): Locator {
  return connectorsNav(page).getByRole("listitem");
}

export function stepsTablist(page: Page): Locator {
  return page.getByRole("tablist", { name: "Steps" });
}

/** Waits until autosave has written every change (the header says "Saved"). */
export async function waitForSaved(page: Page): Promise<void> {
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
}

export function notices(page: Page): Locator {
  return page.locator(".cs-notices");
}

/**
 * For a spec whose every test starts on the opened app: opens it before each test, and fails a test whose page
 * threw an uncaught error.
 */
export function openAppForEachTest(): void {
  let pageErrors: string[] = [];
  test.beforeEach(async ({ page }) => {
    pageErrors = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await openApp(page);
  });
  test.afterEach(() => {
    expect(pageErrors, "uncaught errors in the page").toEqual([]);
  });
}
