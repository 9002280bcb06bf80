import { expect, test, type Page } from "@playwright/test";
import {
  connectorItems,
  connectorsNav,
  newConnectorButton,
  notices,
  openAppForEachTest,
  waitForSaved,
} from "./support/workspace";

// Issue 12 (Trust), items 1 and 9: saved drafts are never deleted behind the user's back, drafts of a newer
// version are left as they are, and another tab's upgrade of the database is not blocked.

const DB = "connector-studio";

async function expectConnectors(page: Page, names: string[]): Promise<void> {
  await expect(connectorItems(page)).toHaveCount(names.length);
  for (const [i, name] of names.entries()) await expect(connectorItems(page).nth(i)).toContainText(name);
}

async function rename(page: Page, from: string, to: string): Promise<void> {
  await connectorsNav(page)
    .getByRole("button", { name: `Rename ${from}` })
    .first()
    .click();
  const box = connectorsNav(page).getByRole("textbox", { name: "New name" });
  await box.fill(to);
  await box.press("Enter");
}

/**
 * Holds back every script the page loads later (the chunks not named in index.html: autosave and what it
 * needs), as a slow network or a loaded machine does; the page itself and its first chunk load at once.
 * Returns what lets them through.
 */
async function holdLateScripts(page: Page): Promise<() => void> {
  const html = await (await page.request.get("/")).text();
  const initial = new Set([...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]));
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/assets\/[^?]+\.js(\?.*)?$/, async (route) => {
    if (!initial.has(new URL(route.request().url()).pathname)) await released;
    await route.continue().catch(() => {});
  });
  return release;
}

/** The records of one store of the app's database, read in the page. */
function readStore(page: Page, store: "drafts" | "set-aside"): Promise<unknown[]> {
  return page.evaluate(
    ({ name, store }) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error ?? new Error("open failed"));
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction(store, "readonly").objectStore(store).getAll();
          get.onsuccess = () => {
            db.close();
            resolve(get.result);
          };
          get.onerror = () => reject(get.error ?? new Error("read failed"));
        };
      }),
    { name: DB, store },
  );
}

openAppForEachTest();
// Every test here reloads the app several times, which takes a while on a loaded machine.
test.describe.configure({ timeout: 180_000 });

test("New connector while the saved drafts are still being restored keeps every draft", async ({ page }) => {
  for (const name of ["Alpha", "Beta", "Gamma"]) {
    await newConnectorButton(page).click();
    await rename(page, "New connector", name);
  }
  await expectConnectors(page, ["Alpha", "Beta", "Gamma"]);
  await waitForSaved(page);

  const release = await holdLateScripts(page);
  await page.reload({ waitUntil: "commit" });
  const restoringShown = page
    .getByRole("status")
    .filter({ hasText: "Restoring your drafts…" })
    .waitFor({ timeout: 10_000 })
    .then(
      () => true,
      () => false,
    );
  // The late scripts arrive a second after the shell has shown itself.
  const releaseSoon = page
    .locator(".cs-app")
    .waitFor({ state: "attached" })
    .then(() => page.waitForTimeout(1_000))
    .finally(release);
  try {
    // As early as the button is there: while the scripts are held back, or once they arrived.
    await newConnectorButton(page).click();
  } finally {
    await releaseSoon;
  }
  await expectConnectors(page, ["Alpha", "Beta", "Gamma", "New connector"]);
  expect(await restoringShown, "the workspace says it is restoring while the scripts are held").toBe(true);
  await waitForSaved(page);

  await page.unroute(/\/assets\//);
  await page.reload();
  await expect(page.locator(".cs-app[data-ready='true']")).toBeAttached();
  await expectConnectors(page, ["Alpha", "Beta", "Gamma", "New connector"]);
  expect(await readStore(page, "drafts")).toHaveLength(4);
});

test("nothing can be created, imported or dropped until the drafts are restored", async ({ page }) => {
  await newConnectorButton(page).click();
  await waitForSaved(page);
  const release = await holdLateScripts(page);
  await page.reload({ waitUntil: "commit" });
  const restoring = page.getByRole("region", { name: "Restoring your drafts" });
  await expect(restoring).toBeVisible();
  await expect(restoring.getByRole("status")).toHaveText("Restoring your drafts…");
  await expect(page.locator(".cs-app")).toHaveAttribute("data-ready", "false");
  await expect(newConnectorButton(page)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Import", exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Paste", exact: true })).toBeDisabled();
  // A drop is refused with a word, and the browser does not navigate to the file.
  const dataTransfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['{"swagger":"2.0"}'], "early.json", { type: "application/json" }));
    return dt;
  });
  for (const type of ["dragenter", "dragover", "drop"])
    await page.locator("body").dispatchEvent(type, { dataTransfer });
  await expect(notices(page)).toContainText("Your saved drafts are still being restored");

  release();
  await expect(page.locator(".cs-app[data-ready='true']")).toBeAttached();
  await expectConnectors(page, ["New connector"]);
  await expect(page.getByRole("button", { name: "Paste", exact: true })).toBeEnabled();
});

test("a deleted connector's draft goes only on the user's delete, and Restore puts it back", async ({
  page,
}) => {
  for (const name of ["Keep", "Drop"]) {
    await newConnectorButton(page).click();
    await rename(page, "New connector", name);
  }
  await waitForSaved(page);
  await connectorsNav(page).getByRole("button", { name: "Delete Drop" }).click();
  await expectConnectors(page, ["Keep"]);
  await waitForSaved(page);
  await expect.poll(async () => (await readStore(page, "drafts")).length).toBe(1);

  await notices(page).getByRole("button", { name: "Restore", exact: true }).click();
  await expectConnectors(page, ["Keep", "Drop"]);
  await waitForSaved(page);
  await page.reload();
  await expect(page.locator(".cs-app[data-ready='true']")).toBeAttached();
  await expectConnectors(page, ["Keep", "Drop"]);

  await connectorsNav(page).getByRole("button", { name: "Delete Drop" }).click();
  await waitForSaved(page);
  await page.reload();
  await expect(page.locator(".cs-app[data-ready='true']")).toBeAttached();
  await expectConnectors(page, ["Keep"]);
});

test("drafts saved by a newer version are kept as they are, and the app says it cannot open them", async ({
  page,
}) => {
  await newConnectorButton(page).click();
  await rename(page, "New connector", "Mine");
  await waitForSaved(page);

  const future = {
    format: "connector-studio/draft",
    version: 2,
    id: "from-the-future",
    name: "Future connector",
    savedAt: 1_900_000_000_000,
    saveCount: 7,
    owner: "a newer tab",
    documents: { definition: "something this version does not know" },
  };
  // One draft a newer version just wrote, and one that an earlier build had moved to "set-aside".
  const asideId = "set-aside-by-an-old-build";
  await page.evaluate(
    ({ name, future, asideId }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error ?? new Error("open failed"));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(["drafts", "set-aside"], "readwrite");
          tx.objectStore("drafts").put(future);
          tx.objectStore("set-aside").add({
            raw: { ...future, id: asideId, name: "Older future connector" },
            reason: "it was saved by a newer version of Connector Studio (draft format 2)",
            at: 1,
          });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error ?? new Error("write failed"));
        };
      }),
    { name: DB, future, asideId },
  );

  await page.reload();
  await expect(page.locator(".cs-app[data-ready='true']")).toBeAttached();
  await expect(notices(page)).toContainText(
    "2 drafts were saved by a newer version of Connector Studio and are kept as they are: this version cannot open them.",
  );
  await expectConnectors(page, ["Mine"]);

  // Saving (an edit, a new connector) leaves them alone too.
  await rename(page, "Mine", "Mine, edited");
  await newConnectorButton(page).click();
  await waitForSaved(page);
  const drafts = (await readStore(page, "drafts")) as { id: string }[];
  expect(drafts.find((d) => d.id === "from-the-future")).toEqual(future);
  expect(drafts.find((d) => d.id === asideId)).toEqual({
    ...future,
    id: asideId,
    name: "Older future connector",
  });
  expect(drafts).toHaveLength(4);
  expect(await readStore(page, "set-aside")).toEqual([]);
});

test("another tab's upgrade of the database is not blocked; this tab stops saving and asks to reload", async ({
  page,
  context,
}) => {
  await newConnectorButton(page).click();
  await waitForSaved(page);

  const other = await context.newPage();
  await other.goto("/");
  await expect(other.locator(".cs-app[data-ready='true']")).toBeAttached();
  const outcome = await other.evaluate(
    (name) =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open(name, 2);
        const timer = setTimeout(() => resolve("blocked"), 20_000);
        open.onsuccess = () => {
          clearTimeout(timer);
          open.result.close();
          resolve("upgraded");
        };
        open.onerror = () => resolve(`failed: ${open.error?.message ?? "?"}`);
      }),
    DB,
  );
  expect(outcome).toBe("upgraded");

  const notice = notices(page).locator(".cs-notice").filter({ hasText: "was updated in another tab" });
  await expect(notice).toContainText("Reload this tab to go on.");
  await expect(page.getByTestId("save-status")).toHaveText("Autosave off");

  // Reloading this (older) build on the upgraded database opens nothing and says why; nothing is touched.
  await notice.getByRole("button", { name: "Reload", exact: true }).click();
  await expect(page.locator(".cs-app[data-ready='true']")).toBeAttached();
  await expect(notices(page)).toContainText(
    "saved drafts were stored by a newer version of Connector Studio",
  );
  expect(await readStore(page, "drafts")).toHaveLength(1);
  await other.close();
});
