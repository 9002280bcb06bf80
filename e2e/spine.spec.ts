import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test, type Page, type Worker } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { unzipSync, zipSync } from "fflate";
import { dropFiles, pickImportFiles, type TestFile } from "./support/drop-files";
import { pasteIntoSwaggerEditor, swaggerEditor, visibleEditorText } from "./support/swagger-editor";
import {
  LARGE_COLLECTION_OPERATIONS,
  LARGE_COLLECTION_REQUESTS,
  largePostmanCollection,
} from "./support/large-postman-collection";
import {
  connectorItems,
  connectorsNav,
  header,
  newConnectorButton,
  notices,
  openApp,
  openAppForEachTest,
  stepsTablist,
  waitForSaved,
} from "./support/workspace";

// The spine of issue 2: new connector → import (drop, zip, file input) → edit in the Swagger editor →
// undo/redo → reload restores → export equals import; broken input leaves the workspace untouched.

const fixture = (path: string) => fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url));
const PACKAGE_FILES = ["apiDefinition.swagger.json", "apiProperties.json", "icon.png", "script.csx"];
const packageFiles = (prefix = ""): TestFile[] =>
  PACKAGE_FILES.map((name) => ({
    name: prefix + name,
    bytes: new Uint8Array(readFileSync(fixture(`contoso-package/${name}`))),
  }));
const importedDefinition = () =>
  JSON.parse(readFileSync(fixture("contoso-package/apiDefinition.swagger.json"), "utf8"));
const importedProperties = () =>
  JSON.parse(readFileSync(fixture("contoso-package/apiProperties.json"), "utf8"));

const STEPS = ["General", "Security", "Definition", "Code", "Test", "Review"];

async function expectConnectors(page: Page, names: string[]): Promise<void> {
  await expect(connectorItems(page)).toHaveCount(names.length);
  for (const [i, name] of names.entries()) await expect(connectorItems(page).nth(i)).toContainText(name);
}

openAppForEachTest();

/** The worker that writes a page's drafts (started with autosave). */
async function autosaveWorker(p: Page): Promise<Worker> {
  const isWriter = (w: Worker) => /autosave\.worker/.test(w.url());
  return p.workers().find(isWriter) ?? (await p.waitForEvent("worker", { predicate: isWriter }));
}

test("an empty workspace offers the drop region; New connector shows the six steps and the Swagger editor", async ({
  page,
}) => {
  const dropRegion = page.getByRole("region", {
    name: "Drop a Postman collection, OpenAPI file or connector package",
  });
  await expect(dropRegion).toBeVisible();
  await expect(dropRegion.getByRole("button", { name: "Import", exact: true })).toBeVisible();

  await newConnectorButton(page).click();
  await expect(dropRegion).toHaveCount(0);
  const tabs = stepsTablist(page).getByRole("tab");
  await expect(tabs).toHaveCount(STEPS.length);
  for (const [i, name] of STEPS.entries()) await expect(tabs.nth(i)).toHaveAccessibleName(name);
  for (const name of STEPS) await expect(page.getByRole("tab", { name, exact: true })).toBeVisible();
  await expect(page.getByRole("tab", { name: "General", exact: true })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  await page.getByRole("tab", { name: "Definition", exact: true }).click();
  await expect(page.getByRole("tab", { name: "Definition", exact: true })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  await expect(swaggerEditor(page)).toBeVisible();
  await expect(swaggerEditor(page).locator(".view-lines")).toContainText('"swagger"');
  await expectConnectors(page, ["New connector"]);
  await expect(header(page).getByRole("button", { name: "Export", exact: true })).toBeEnabled();
});

test("imports a connector package by drop (several files, a zip) and through the Import file input", async ({
  page,
}) => {
  await dropFiles(page, packageFiles());
  await expectConnectors(page, ["Contoso Tasks"]);
  await expect(notices(page)).toContainText("Imported “Contoso Tasks”");
  await expect(swaggerEditor(page).locator(".view-lines")).toContainText("Contoso Tasks");

  const zip = zipSync(Object.fromEntries(packageFiles().map((f) => [f.name, f.bytes])));
  await dropFiles(page, [{ name: "contoso.zip", bytes: zip, mimeType: "application/zip" }]);
  await expectConnectors(page, ["Contoso Tasks", "Contoso Tasks"]);

  await pickImportFiles(page, packageFiles());
  await expectConnectors(page, ["Contoso Tasks", "Contoso Tasks", "Contoso Tasks"]);
  // Each import is a new connector, opened at once.
  await expect(connectorsNav(page).locator("[aria-current='true']")).toHaveCount(1);
  await expect(connectorItems(page).nth(2).locator("[aria-current='true']")).toHaveCount(1);
});

test("edits in the Swagger editor undo, redo and survive a reload", async ({ page }) => {
  await newConnectorButton(page).click();
  await expect(swaggerEditor(page).locator(".view-lines")).toContainText('"swagger"');

  const edited = {
    ...importedDefinition(),
    info: { title: "Edited Connector", description: "Typed here.", version: "2.0" },
  };
  await pasteIntoSwaggerEditor(page, JSON.stringify(edited, null, 4));
  await expectConnectors(page, ["Edited Connector"]);

  await header(page).getByRole("button", { name: "Undo", exact: true }).click();
  await expectConnectors(page, ["New connector"]);
  await expect(swaggerEditor(page).locator(".view-lines")).not.toContainText("Edited Connector");

  await header(page).getByRole("button", { name: "Redo", exact: true }).click();
  await expectConnectors(page, ["Edited Connector"]);

  // The keyboard shortcuts work outside the editor too.
  await page.getByRole("tab", { name: "General", exact: true }).focus();
  await page.keyboard.press("ControlOrMeta+Z");
  await expectConnectors(page, ["New connector"]);
  await page.keyboard.press("ControlOrMeta+Shift+Z");
  await expectConnectors(page, ["Edited Connector"]);

  await waitForSaved(page);
  await page.reload();
  await expect(page.locator(".cs-app[data-ready='true']")).toBeAttached();
  await expect(notices(page)).toContainText("Restored your work from");
  await expectConnectors(page, ["Edited Connector"]);
  await expect(swaggerEditor(page).locator(".view-lines")).toContainText("Edited Connector");
  expect(await visibleEditorText(page)).toContain('"/tasks"');
});

test("Export downloads <name>.zip whose JSON equals the imported files", async ({ page }) => {
  await dropFiles(page, packageFiles("contoso/"));
  await expectConnectors(page, ["Contoso Tasks"]);

  const downloadPromise = page.waitForEvent("download");
  await header(page).getByRole("button", { name: "Export", exact: true }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe("Contoso Tasks.zip");
  const path = await download.path();
  const entries = unzipSync(new Uint8Array(readFileSync(path)));
  const text = (name: string) => new TextDecoder().decode(entries[name]);

  expect(Object.keys(entries)).toEqual(expect.arrayContaining([...PACKAGE_FILES, "settings.json"]));
  expect(JSON.parse(text("apiDefinition.swagger.json"))).toEqual(importedDefinition());
  expect(JSON.parse(text("apiProperties.json"))).toEqual(importedProperties());
  // Same keys in the same order, 4-space indentation as certification asks.
  expect(text("apiDefinition.swagger.json").trimEnd()).toBe(JSON.stringify(importedDefinition(), null, 4));
  expect(entries["icon.png"]).toEqual(new Uint8Array(readFileSync(fixture("contoso-package/icon.png"))));
  expect(text("script.csx")).toBe(readFileSync(fixture("contoso-package/script.csx"), "utf8"));
});

test("broken JSON names file, line and column and leaves the workspace as it was", async ({ page }) => {
  await dropFiles(page, packageFiles());
  await expectConnectors(page, ["Contoso Tasks"]);
  const before = await visibleEditorText(page);

  await dropFiles(page, [
    { name: "broken.swagger.json", bytes: new Uint8Array(readFileSync(fixture("broken.swagger.json"))) },
  ]);
  const alert = page.getByRole("alert").filter({ hasText: "Nothing was imported" });
  await expect(alert).toContainText(/broken\.swagger\.json:5:9: /);
  await expectConnectors(page, ["Contoso Tasks"]);
  expect(await visibleEditorText(page)).toBe(before);

  // The same through Paste.
  await header(page).getByRole("button", { name: "Paste", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Paste a definition" });
  await dialog.getByRole("textbox").fill('{\n  "swagger": "2.0",\n  "info": }');
  await dialog.getByRole("button", { name: "Import pasted text" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "pasted.json" })).toContainText(
    /pasted\.json:3:\d+: /,
  );
  await expectConnectors(page, ["Contoso Tasks"]);
});

test("a zip bomb (an entry that claims 1.5 GB) is refused at once, naming zip, entry and limit", async ({
  page,
}) => {
  await dropFiles(page, packageFiles());
  await expectConnectors(page, ["Contoso Tasks"]);
  const zip = zipSync(Object.fromEntries(packageFiles().map((f) => [f.name, f.bytes])));
  // The definition's directory entry claims 1.5 GB: refused on that claim, before anything is inflated.
  const view = new DataView(zip.buffer);
  for (let i = 0; i + 4 <= zip.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const name = new TextDecoder().decode(zip.subarray(i + 46, i + 46 + view.getUint16(i + 28, true)));
    if (name === "apiDefinition.swagger.json") view.setUint32(i + 24, 1_500_000_000, true);
  }
  await dropFiles(page, [{ name: "bomb.zip", bytes: zip, mimeType: "application/zip" }]);
  await expect(page.getByRole("alert").filter({ hasText: "Nothing was imported" })).toContainText(
    'bomb.zip: entry "apiDefinition.swagger.json" inflates past 32 MB; refused.',
  );
  await expectConnectors(page, ["Contoso Tasks"]);
});

test("the connectors list opens, renames and deletes connectors, and a delete can be taken back", async ({
  page,
}) => {
  await dropFiles(page, packageFiles());
  await header(page).getByRole("button", { name: "New connector", exact: true }).click();
  await expectConnectors(page, ["Contoso Tasks", "New connector"]);

  await connectorsNav(page).getByRole("button", { name: "Rename Contoso Tasks" }).click();
  const nameBox = connectorsNav(page).getByRole("textbox", { name: "New name" });
  await nameBox.fill("Contoso Tasks (copy)");
  await nameBox.press("Enter");
  await expectConnectors(page, ["Contoso Tasks (copy)", "New connector"]);

  await connectorsNav(page).getByRole("button", { name: "Contoso Tasks (copy)" }).first().click();
  await expect(swaggerEditor(page).locator(".view-lines")).toContainText("Contoso Tasks (copy)");

  await connectorsNav(page).getByRole("button", { name: "Delete Contoso Tasks (copy)" }).click();
  await expectConnectors(page, ["New connector"]);
  await notices(page).getByRole("button", { name: "Restore", exact: true }).click();
  await expectConnectors(page, ["Contoso Tasks (copy)", "New connector"]);

  await waitForSaved(page);
  await page.reload();
  await expect(page.locator(".cs-app[data-ready='true']")).toBeAttached();
  await expectConnectors(page, ["Contoso Tasks (copy)", "New connector"]);
});

test("a second tab follows an untouched connector and never silently overwrites edits", async ({
  page,
  context,
}) => {
  await newConnectorButton(page).click();
  await expectConnectors(page, ["New connector"]);
  await waitForSaved(page);

  const other = await context.newPage();
  await openApp(other);
  await expectConnectors(other, ["New connector"]);

  // The first tab renames; the second tab has no edits of its own, so it follows.
  const rename = async (p: Page, from: string, to: string) => {
    await connectorsNav(p)
      .getByRole("button", { name: `Rename ${from}` })
      .click();
    const box = connectorsNav(p).getByRole("textbox", { name: "New name" });
    await box.fill(to);
    await box.press("Enter");
  };
  await rename(page, "New connector", "Renamed in tab one");
  await expectConnectors(other, ["Renamed in tab one"]);

  // Now the second tab edits but cannot save yet (its draft writes fail) when the first tab saves. Drafts
  // are written by the autosave worker.
  const otherWriter = await autosaveWorker(other);
  await otherWriter.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    const flags = self as unknown as { blockDrafts: boolean };
    flags.blockDrafts = true;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      if (this.name === "drafts" && flags.blockDrafts) throw new Error("Held back by the test");
      return put.apply(this, args);
    };
  });
  await rename(other, "Renamed in tab one", "Renamed in tab two");
  await rename(page, "Renamed in tab one", "Renamed again in tab one");
  await waitForSaved(page);
  const conflict = other.getByRole("alert").filter({ hasText: "was changed in another tab" });
  await expect(conflict).toBeVisible();
  await expectConnectors(other, ["Renamed in tab two"]);

  // Keeping the second tab's version saves it, and the first tab (untouched since) follows.
  await otherWriter.evaluate(() => {
    (self as unknown as { blockDrafts: boolean }).blockDrafts = false;
  });
  await conflict.getByRole("button", { name: "Keep this tab's version" }).click();
  await expect(conflict).toHaveCount(0);
  await expectConnectors(page, ["Renamed in tab two"]);
  await other.close();
});

test("a refused storage quota is reported, not silent", async ({ page }) => {
  await (
    await autosaveWorker(page)
  ).evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      if (this.name === "drafts")
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return put.apply(this, args);
    };
  });
  await newConnectorButton(page).click();
  await expect(page.getByRole("alert").filter({ hasText: "refused more storage" })).toBeVisible();
  await expect(page.getByTestId("save-status")).toHaveText("Not saved");
});

test("a converted import shows the Import report, with links to where items landed", async ({ page }) => {
  await dropFiles(page, [
    {
      name: "tiny.postman_collection.json",
      bytes: new Uint8Array(readFileSync(fixture("tiny.postman_collection.json"))),
      mimeType: "application/json",
    },
  ]);
  await expectConnectors(page, ["Tiny Postman"]);
  const report = page.getByRole("region", { name: "Import report" });
  await expect(report).toContainText("Get item");
  await expect(report).toContainText("Test script");
  // Links name the operation, not a JSON pointer.
  await expect(report.getByRole("button", { name: /^\/paths\// })).toHaveCount(0);
  await report
    .getByRole("button", { name: /^get_?item/i })
    .first()
    .click();
  await expect(swaggerEditor(page).locator(".view-lines")).toContainText("/items/{id}");
  await page.getByRole("tab", { name: "Definition" }).click();
  await expect(page.getByTestId("operation-count")).toHaveText(/^[1-9]\d* operations?$/);
  await expect(page.getByRole("list", { name: "Actions" })).toContainText("Get item");
  await report.getByRole("button", { name: "Close report" }).click();
  await expect(report).toHaveCount(0);
});

test("a long Import report (951 near-identical requests) reads as a summary first and filters by kind", async ({
  page,
}) => {
  const collection: TestFile = {
    name: "travel.postman_collection.json",
    bytes: new TextEncoder().encode(JSON.stringify(largePostmanCollection())),
    mimeType: "application/json",
  };
  await dropFiles(page, [collection]);
  const report = page.getByRole("region", { name: "Import report" });
  await expect(report).toBeInViewport();
  // The headline: requests → operations; counts by kind.
  await expect(report).toContainText(
    new RegExp(
      `${LARGE_COLLECTION_REQUESTS} requests → ${LARGE_COLLECTION_OPERATIONS} operations; .*\\d+ dropped`,
    ),
  );
  const entries = report.getByRole("list", { name: "Report entries" });
  const dropped = report.getByRole("button", { name: /^Dropped \((\d+)\)$/ });
  await expect(dropped).toHaveAttribute("aria-pressed", "true");
  const droppedCount = Number(/\((\d+)\)/.exec((await dropped.textContent()) ?? "")?.[1]);
  expect(droppedCount).toBeGreaterThan(100);
  // Near-identical entries are one line each: far fewer lines than entries.
  const lines = await entries.locator("li.cs-report-entry").count();
  expect(lines).toBeGreaterThan(0);
  expect(lines).toBeLessThan(60);
  await expect(entries).toContainText("Dropped");

  // A folded line expands to its entries, each naming its operation.
  const folded = entries.locator("li.cs-report-dropped details").first();
  await folded.locator("summary").click();
  await expect(folded.getByRole("list")).toBeVisible();
  expect(await folded.getByRole("list").getByRole("listitem").count()).toBeGreaterThan(1);

  // Hiding one kind leaves only the others.
  await dropped.click();
  await expect(dropped).toHaveAttribute("aria-pressed", "false");
  await expect(entries.locator("li.cs-report-dropped")).toHaveCount(0);
  await expect(entries.locator("li.cs-report-entry").first()).toBeVisible();

  // The next import starts with every kind shown again.
  await dropFiles(page, [collection]);
  await expect(connectorItems(page)).toHaveCount(2);
  await expect(report.getByRole("button", { name: /^Dropped \((\d+)\)$/ })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
});

test("the shell has no accessibility violations (axe), empty and with a connector open", async ({ page }) => {
  const scan = () =>
    new AxeBuilder({ page })
      .include(".cs-header")
      .include(".cs-nav")
      .include(".cs-tablist")
      .include(".cs-empty")
      .include(".cs-notices")
      .analyze();
  expect((await scan()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual(
    [],
  );
  await dropFiles(page, packageFiles());
  await expectConnectors(page, ["Contoso Tasks"]);
  expect((await scan()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual(
    [],
  );
});
