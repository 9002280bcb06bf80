// Issue 11, design system and dark theme: every step of a connector with content, at 1440×900 and 1280×800,
// in light and dark (from the system's prefers-color-scheme and from the header's Dark theme switch), has no
// serious or critical axe violation (colour contrast included); the switch is remembered and Monaco follows it.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { importShowcase, openStep, STEP_NAMES } from "./support/showcase";
import { openApp } from "./support/workspace";

function darkThemeSwitch(page: Page) {
  return page.getByRole("banner").getByRole("switch", { name: "Dark theme" });
}

/** Serious and critical WCAG 2.1 A/AA violations of the whole app (Monaco included), one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .include(".cs-app")
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(" ")} ${n.failureSummary ?? ""}`).join(" | ")}`,
    );
}

async function expectTheme(page: Page, theme: "light" | "dark"): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("data-theme", theme);
  await expect(darkThemeSwitch(page)).toHaveAttribute("aria-checked", String(theme === "dark"));
}

const cases = [
  { width: 1440, height: 900, system: "light", theme: "light" },
  { width: 1440, height: 900, system: "light", theme: "dark" },
  { width: 1280, height: 800, system: "dark", theme: "dark" },
  { width: 1280, height: 800, system: "dark", theme: "light" },
] as const;

for (const { width, height, system, theme } of cases) {
  const how = system === theme ? `the system's ${theme} scheme` : `the switch over a ${system} system`;
  test(`${width}×${height}, ${theme} theme from ${how}: no serious axe violation in any step`, async ({
    page,
  }) => {
    // Six full-page scans, Monaco included: slow on a loaded machine.
    test.setTimeout(420_000);
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ colorScheme: system });
    await openApp(page);
    await expectTheme(page, system);
    if (theme !== system) {
      await darkThemeSwitch(page).click();
      await expectTheme(page, theme);
    }
    await importShowcase(page);

    const found: Record<string, string[]> = {};
    for (const step of STEP_NAMES) {
      await openStep(page, step);
      const violations = await seriousViolations(page);
      if (violations.length > 0) found[step] = violations;
    }
    expect(found).toEqual({});
    expect(pageErrors, "uncaught errors in the page").toEqual([]);
  });
}

test("the Dark theme switch overrides the system, is remembered, and Monaco's editors follow it", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });
  await openApp(page);
  await importShowcase(page);
  const swaggerEditor = page.getByRole("region", { name: "Swagger editor" }).locator(".monaco-editor");
  await expect(swaggerEditor).toHaveClass(/\bvs\b/);
  await expectTheme(page, "light");

  // The system turning dark is followed while nothing is chosen.
  await page.emulateMedia({ colorScheme: "dark" });
  await expectTheme(page, "dark");
  await expect(swaggerEditor).toHaveClass(/\bvs-dark\b/);

  // The switch wins over the system, survives a reload, and the C# editor opens dark too.
  await page.emulateMedia({ colorScheme: "light" });
  await expectTheme(page, "light");
  await darkThemeSwitch(page).click();
  await expectTheme(page, "dark");
  await expect(swaggerEditor).toHaveClass(/\bvs-dark\b/);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.reload();
  await expect(page.locator(".cs-app[data-ready='true']")).toBeAttached();
  await expectTheme(page, "dark");
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(background);
  await openStep(page, "Code");
  await expect(page.getByRole("region", { name: "Custom code" }).locator(".monaco-editor")).toHaveClass(
    /\bvs-dark\b/,
  );

  // And back: light although the system is dark.
  await page.emulateMedia({ colorScheme: "dark" });
  await darkThemeSwitch(page).click();
  await expectTheme(page, "light");
  await expect(page.getByRole("region", { name: "Custom code" }).locator(".monaco-editor")).toHaveClass(
    /\bvs\b/,
  );
});
