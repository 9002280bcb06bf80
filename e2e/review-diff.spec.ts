import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test, type Download, type Page } from "@playwright/test";
import { pickImportFiles, type TestFile } from "./support/drop-files";
import { connectorItems, openAppForEachTest, waitForSaved } from "./support/workspace";

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
// Monaco, the certification check and a reload take a while on a loaded machine.
test.describe.configure({ timeout: 180_000 });

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

async function savedText(download: Download): Promise<string> {
  return readFileSync(await download.path(), "utf8");
}

test("Review notes and sign-offs: saved with the draft, listed, and carried into the Markdown with the diff", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await openEditedCopyInReview(page);
  const notes = page.getByRole("region", { name: "Review notes" });
  await notes.getByLabel("Note", { exact: true }).fill("Ask the publisher why offline_access was dropped.");
  await notes.getByRole("button", { name: "Add note" }).click();
  await notes.getByLabel("About").selectOption({ label: "Operation SendDocument" });
  await notes.getByLabel("Parameter (optional)").selectOption("priority");
  await notes.getByLabel("Note", { exact: true }).fill("Default should be Normal.");
  await notes.getByRole("button", { name: "Add note" }).click();

  // A sign-off and a note on a checklist item, in the Certification region.
  const certification = page.getByRole("region", { name: "Certification" });
  // Each item's controls are named "Signed off" and "Note…", described by the item's label.
  const item = certification.getByRole("listitem").filter({ hasText: "All operations deployed and tested" });
  const tested = item.getByRole("checkbox", { name: "Signed off" });
  await tested.check({ timeout: 45_000 });
  await expect(tested).toHaveAccessibleDescription("All operations deployed and tested");
  await item.getByRole("button", { name: "Note…" }).click();
  await item.getByLabel("Note on “All operations deployed and tested”").fill("Tried in a flow.");
  await item.getByRole("button", { name: "Add note" }).click();

  const listed = notes.getByRole("list", { name: "Notes" });
  await expect(listed).toContainText("Connector: Ask the publisher why offline_access was dropped.");
  await expect(listed).toContainText("Parameter priority of SendDocument: Default should be Normal.");
  await expect(listed).toContainText("Checklist: All operations deployed and tested: Tried in a flow.");
  await expect(notes.getByRole("list", { name: "Signed off" })).toContainText(
    "Signed off: All operations deployed and tested",
  );

  // Export for certification shows the size and the checklist (with the sign-off) before writing.
  await page.getByRole("button", { name: "Export for certification" }).click();
  const exportDialog = page.getByRole("dialog", { name: "Export for certification" });
  const before = exportDialog.getByRole("region", { name: "Before writing" });
  await expect(before).toContainText(/Definition size: \d+ KB of 1,024 KB minified/, { timeout: 45_000 });
  await expect(before).toContainText(/Checklist: .*; 1 of \d+ signed off\./);
  await exportDialog.getByRole("button", { name: "Close" }).click();
  await expect(exportDialog).toHaveCount(0);
  // Share's message closes too.
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const share = page.getByRole("dialog", { name: "Share" });
  await share.getByRole("button", { name: "Close" }).click();
  await expect(share).toHaveCount(0);

  // The notes travel into the pull request's Markdown with the diff; never into the connector's files.
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
  await expect(dialog.getByRole("region", { name: "Changes" })).toContainText("1 breaking");
  const downloading = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Export as Markdown" }).click();
  const markdown = await savedText(await downloading);
  expect(markdown).toContain("### Breaking changes");
  expect(markdown).toContain('the OAuth scope "offline_access" was removed');
  expect(markdown).toContain("- [x] All operations deployed and tested");
  expect(markdown).toContain("- **Connector**: Ask the publisher why offline_access was dropped.");
  expect(markdown).toContain("- **Parameter priority of SendDocument**: Default should be Normal.");
  expect(markdown).toContain("- **Checklist: All operations deployed and tested**: Tried in a flow.");
  await dialog.getByRole("button", { name: "Close" }).click();

  // Saved with the draft: a reload restores them.
  await waitForSaved(page);
  await page.reload();
  await expect(page.locator(".cs-app[data-ready='true']")).toBeAttached();
  await page.getByRole("tab", { name: /^\d*\s*Review/ }).click();
  const restored = page.getByRole("region", { name: "Review notes" }).getByRole("list", { name: "Notes" });
  await expect(restored).toContainText("Ask the publisher why offline_access was dropped.");
  await expect(restored).toContainText("Default should be Normal.");
  await expect(
    page
      .getByRole("region", { name: "Certification" })
      .getByRole("listitem")
      .filter({ hasText: "All operations deployed and tested" })
      .getByRole("checkbox", { name: "Signed off" }),
  ).toBeChecked({ timeout: 45_000 });
});

test("The whole package in view: the connection dialog, the policies and the flow designer's action card", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await openEditedCopyInReview(page);
  const connection = page.getByRole("region", { name: "Connection and policies" });
  const fields = connection.getByRole("list", { name: "Connection parameters" });
  await expect(fields.getByRole("listitem").nth(0)).toContainText("Region region · string · required");
  await expect(fields).toContainText("Tooltip: Pick the region shown on your account page");
  await expect(fields).toContainText("Choices: United States (us), Europe (eu)");
  await expect(fields).toContainText("Scopesopenid profile Documents.ReadWrite");
  await expect(fields).toContainText("Redirect modeGlobal");
  await expect(fields).toContainText("Client IDb7f1c2d4-contoso-sign");
  const policies = connection.getByRole("list", { name: "Policies" });
  await expect(policies.getByRole("listitem").nth(0)).toContainText("Regional host — Set host URL");
  await expect(policies.getByRole("listitem").nth(0)).toContainText("on every operation");
  await expect(policies).toContainText(
    "urlTemplate: https://@connectionParameters('region').api.contoso-sign.example",
  );
  await expect(policies).toContainText("Client name — Set HTTP header setheader, on SendDocument");

  const ops = page.getByRole("region", { name: "Operations", exact: true });
  await ops.getByRole("button", { name: /POST.*Send document for signature/ }).click();
  const card = ops.getByRole("group", { name: "Preview of Send document for signature" });
  const inputs = card.getByRole("listitem");
  await expect(inputs.nth(0)).toContainText("Title *");
  await expect(card.getByLabel("Title")).toHaveAttribute("placeholder", "The title signers see.");
  await expect(card.getByLabel("Priority")).toContainText("Normal");
  await expect(card).toContainText("Low · Normal · High");
  await expect(card).toContainText("Values from List templates (ListTemplates)");
  await expect(card).not.toContainText("Expires after (days)");
  await expect(card).toContainText("1 internal input(s) hidden from makers.");
  await card.getByRole("button", { name: "Show advanced options (1)" }).click();
  await expect(card).toContainText("Expires after (days)");

  await ops.getByRole("button", { name: /POST.*Fill document fields/ }).click();
  await expect(ops.getByRole("group", { name: "Preview of Fill document fields" })).toContainText(
    "Body: dynamic schema — its fields are loaded from Get field schema (GetFieldSchema)",
  );
});
