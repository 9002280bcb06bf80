// The pictures in the README: each of the six steps at 1280×800 and 1920×1080 with Helpdeskly
// (e2e/fixtures/showcase) open, in the light theme, and the Definition step once in the dark theme.
// Run with `npm run screenshots`; they are written to docs/screenshots/.
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { importShowcase, openStep, STEP_NAMES, type StepName } from "../support/showcase";
import { openApp } from "../support/workspace";

const OUT_DIR = fileURLToPath(new URL("../../docs/screenshots/", import.meta.url));

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

async function settle(page: Page): Promise<void> {
  // Validation runs in a worker and Monaco paints after layout: wait for both, then for fonts and a frame.
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
  await page.waitForTimeout(400);
}

async function shoot(page: Page, name: string): Promise<void> {
  await settle(page);
  // No caret or hover in the picture.
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${OUT_DIR}${name}.png`, animations: "disabled", caret: "hide" });
}

const fileName = (step: StepName, index: number, width: number, height: number, theme = "light") =>
  `${width}x${height}-${index + 1}-${step.toLowerCase()}${theme === "light" ? "" : `-${theme}`}`;

test.beforeAll(() => mkdirSync(OUT_DIR, { recursive: true }));

for (const { width, height } of SIZES) {
  test(`the six steps at ${width}×${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ colorScheme: "light", reducedMotion: "reduce" });
    await openApp(page);
    await importShowcase(page);
    for (const [index, step] of STEP_NAMES.entries()) {
      await openStep(page, step);
      await shoot(page, fileName(step, index, width, height));
    }
  });
}

test("the Definition step in the dark theme", async ({ page }) => {
  const { width, height } = SIZES[0];
  await page.setViewportSize({ width, height });
  await page.emulateMedia({ colorScheme: "dark", reducedMotion: "reduce" });
  await openApp(page);
  await importShowcase(page);
  await openStep(page, "Definition");
  await shoot(page, fileName("Definition", STEP_NAMES.indexOf("Definition"), width, height, "dark"));
});
