import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, type Locator, type Page } from "@playwright/test";
import { pickImportFiles, type TestFile } from "./drop-files";
import { connectorsNav } from "./workspace";

/**
 * Helpdeskly (e2e/fixtures/showcase): a small connector written for these tests with something to show in every
 * step: tags, parameters, schemas, an API key, a policy, custom code and an icon. It validates clean, also in
 * certification mode.
 */
export const SHOWCASE_TITLE = "Helpdeskly";

const SHOWCASE_FILES = ["apiDefinition.swagger.json", "apiProperties.json", "icon.png", "script.csx"];

export function showcaseFiles(): TestFile[] {
  return SHOWCASE_FILES.map((name) => ({
    name,
    bytes: new Uint8Array(
      readFileSync(fileURLToPath(new URL(`../fixtures/showcase/${name}`, import.meta.url))),
    ),
  }));
}

export async function importShowcase(page: Page): Promise<void> {
  await pickImportFiles(page, showcaseFiles());
  await expect(
    connectorsNav(page).getByRole("button", { name: new RegExp(`^${SHOWCASE_TITLE} `) }),
  ).toHaveAttribute("aria-current", "true");
}

export const STEP_NAMES = ["General", "Security", "Definition", "Code", "Test", "Review"] as const;
export type StepName = (typeof STEP_NAMES)[number];

function stepTab(page: Page, step: StepName): Locator {
  // A tab's name starts with its number (and may end with a problem count).
  return page
    .getByRole("tablist", { name: "Steps" })
    .getByRole("tab", { name: new RegExp(`^\\d*\\s*${step}`) });
}

/**
 * Opens a step and puts something in it the way a maker would: Definition and Test with an operation selected.
 * Returns when the step shows its content.
 */
export async function openStep(page: Page, step: StepName): Promise<void> {
  await stepTab(page, step).click();
  await expect(stepTab(page, step)).toHaveAttribute("aria-selected", "true");
  switch (step) {
    case "General":
      await expect(page.getByLabel("Connector name")).toHaveValue(SHOWCASE_TITLE);
      break;
    case "Security":
      await expect(page.getByLabel("Authentication type")).toBeVisible();
      break;
    case "Definition": {
      const step = page.getByRole("region", { name: "Definition step" });
      await step
        .getByRole("list", { name: "Actions" })
        .getByRole("button", { name: /List tickets/ })
        .click();
      await expect(step.getByLabel("Summary", { exact: true })).toHaveValue("List tickets");
      break;
    }
    case "Code":
      await expect(page.getByRole("region", { name: "Custom code" })).toBeVisible();
      await expect(page.locator(".monaco-editor").last()).toBeVisible();
      break;
    case "Test": {
      const operations = page
        .getByRole("region", { name: "Test step" })
        .getByRole("list", { name: "Operations" });
      const listTickets = operations.getByRole("button", { name: /List tickets/ });
      if (await listTickets.count()) await listTickets.first().click();
      await expect(page.getByRole("button", { name: "Test operation" })).toBeVisible();
      break;
    }
    case "Review":
      await expect(page.getByRole("region", { name: "Operations", exact: true })).toBeVisible();
      break;
  }
}
