import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { pickImportFiles, type TestFile } from "./support/drop-files";
import { connectorItems, openAppForEachTest } from "./support/workspace";

// Issue 17 "a real diff" and "review notes": a published OAuth connector (e2e/fixtures/review-oauth, written for
// this test) compared with an edited copy that drops one scope.

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/review-oauth/${name}`, import.meta.url));
const published = {
  definition: readFileSync(fixture("apiDefinition.swagger.json"), "utf8"),
  properties: readFileSync(fixture("apiProperties.json"), "utf8"),
};
const encode = (text: string) => new TextEncoder().encode(text);

/** The edited copy: the same connector without the `offline_access` scope. */
function editedProperties(): string {
  const props = JSON.parse(published.properties);
  const oauth = props.properties.connectionParameters.token.oAuthSettings;
  oauth.scopes = oauth.scopes.filter((s: string) => s !== "offline_access");
  return JSON.stringify(props, null, 4);
}

/** The line of `"offline_access"` in the published apiProperties.json as Export writes it (4-space JSON). */
function publishedScopeLine(): number {
  const lines = JSON.stringify(JSON.parse(published.properties), null, 4).split("\n");
  return lines.findIndex((l) => l.includes('"offline_access"')) + 1;
}

openAppForEachTest();

async function openEditedCopyInReview(page: Page): Promise<void> {
  const files: TestFile[] = [
    { name: "apiDefinition.swagger.json", bytes: encode(published.definition) },
    { name: "apiProperties.json", bytes: encode(editedProperties()) },
  ];
  await pickImportFiles(page, files);
  await expect(connectorItems(page)).toHaveCount(1);
  await page.getByRole("tab", { name: /^\d*\s*Review/ }).click();
  await expect(page.getByRole("region", { name: "Operations", exact: true })).toBeVisible();
}

test("Compare with the published version: a removed scope is breaking, and a click shows it in the side-by-side diff", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await openEditedCopyInReview(page);
  await page.getByRole("button", { name: "Compare with…" }).click();
  const dialog = page.getByRole("dialog", { name: "Compare with…" });
  await dialog.getByLabel("Older version (file, folder files or .zip)").setInputFiles([
    {
      name: "apiDefinition.swagger.json",
      mimeType: "application/json",
      buffer: Buffer.from(published.definition),
    },
    { name: "apiProperties.json", mimeType: "application/json", buffer: Buffer.from(published.properties) },
  ]);
  const changes = dialog.getByRole("region", { name: "Changes" });
  await expect(changes).toContainText("1 breaking");
  const row = changes.getByRole("row", { name: /the OAuth scope "offline_access" was removed/ });
  await expect(row).toContainText("Breaking");
  await expect(row).toContainText("Existing connections will need to be re-authenticated.");

  await row.getByRole("button", { name: /offline_access/ }).click();
  const diff = dialog.getByRole("region", { name: "Diff of apiProperties.json" });
  await expect(diff).toBeVisible();
  await expect(dialog.getByRole("radio", { name: "apiProperties.json" })).toBeChecked();
  const line = publishedScopeLine();
  await expect(dialog).toContainText(`apiProperties.json: line ${line} before`);
  // The older side is scrolled to the removed scope and marks that line.
  const original = diff.locator(".editor.original");
  const marked = original.locator(".cs-diff-target-line");
  await expect(marked).toHaveCount(1, { timeout: 30_000 });
  const scopeLine = original.locator(".view-line", { hasText: '"offline_access",' });
  await expect(scopeLine).toBeVisible();
  const markedBox = await marked.boundingBox();
  const scopeBox = await scopeLine.boundingBox();
  expect(markedBox && scopeBox && Math.abs(markedBox.y - scopeBox.y)).toBeLessThan(2);
});
