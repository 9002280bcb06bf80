import { readFileSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { unzipSync } from "fflate";
import { header, newConnectorButton, openAppForEachTest, stepsTablist } from "./support/workspace";

// The maker's flow where it surprised a new user (issue 11), tried as a new user would: a 1440×900 window.
test.use({ viewport: { width: 1440, height: 900 } });
// Each test walks several steps and exports; a loaded machine needs more than the default minute.
test.describe.configure({ timeout: 150_000 });
openAppForEachTest();

const FIXTURE = "e2e/fixtures/maker-flow";

function step(page: Page, name: string): Locator {
  return page.getByRole("region", { name: `${name} step` });
}

async function openStep(page: Page, name: string): Promise<void> {
  await stepsTablist(page)
    .getByRole("tab", { name: new RegExp(`^\\d?${name}`) })
    .click();
  await expect(step(page, name)).toBeVisible();
}

async function newConnectorIn(page: Page, stepName: string): Promise<Locator> {
  await newConnectorButton(page).first().click();
  await openStep(page, stepName);
  return step(page, stepName);
}

async function exportedDefinition(page: Page): Promise<Record<string, unknown>> {
  const downloadPromise = page.waitForEvent("download");
  await header(page).getByRole("button", { name: "Export", exact: true }).click();
  const entries = unzipSync(new Uint8Array(readFileSync(await (await downloadPromise).path())));
  return JSON.parse(new TextDecoder().decode(entries["apiDefinition.swagger.json"])) as Record<
    string,
    unknown
  >;
}

/** No element of the page is scrolled sideways (the wizard never moves left under the maker). */
async function scrolledSideways(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((el) => el.scrollLeft > 0 && !el.closest(".monaco-editor"))
      .map((el) => `${el.tagName}.${el.className} scrollLeft=${el.scrollLeft}`),
  );
}

/** Which ancestor (or the window) cuts the element off at the left or right ("" when none does). */
async function horizontallyClipped(element: Locator): Promise<string> {
  return element.evaluate((el) => {
    const box = el.getBoundingClientRect();
    if (box.left < 0 || box.right > window.innerWidth) return "the window";
    for (let node = el.parentElement; node; node = node.parentElement) {
      if (getComputedStyle(node).overflowX === "visible") continue;
      const outer = node.getBoundingClientRect();
      if (box.left < outer.left - 1 || box.right > outer.right + 1)
        return `${node.tagName}.${node.className}`;
    }
    return "";
  });
}

/** Why the focused element is not a visible, uncovered field outside the Validation panel ("" when it is). */
async function focusProblem(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return "nothing is focused";
    if (el.closest("[aria-label='Validation']")) return "focus stayed in the Validation panel";
    const box = el.getBoundingClientRect();
    const name =
      el.getAttribute("aria-label") ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.tagName;
    if (box.width === 0 || box.height === 0) return `${name} has no size`;
    if (box.top < 0 || box.left < 0 || box.bottom > innerHeight || box.right > innerWidth)
      return `${name} is outside the window (${Math.round(box.top)}–${Math.round(box.bottom)})`;
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    const covered = !hit || !(hit === el || el.contains(hit) || (hit as HTMLLabelElement).control === el);
    return covered ? `${name} is covered by ${hit ? `${hit.tagName}.${hit.className}` : "nothing"}` : "";
  });
}

test("Import from sample keeps sample values as examples, infers nothing required; Test shows, never sends, them", async ({
  page,
}) => {
  const s = await newConnectorIn(page, "Definition");
  await s.getByRole("button", { name: "New action" }).click();
  await s.getByRole("button", { name: "Import from sample" }).click();
  const dialog = page.getByRole("dialog", { name: "Import from sample" });
  const asDefaults = dialog.getByLabel("Use sample values as defaults");
  await expect(asDefaults).not.toBeChecked();
  await dialog.getByLabel("URL").fill("https://api.contoso.com/v2/tickets?status=open&limit=10");
  await dialog.getByLabel("Headers").fill("Accept-Language: en-US");
  await dialog.getByRole("button", { name: "Import" }).click();
  await expect(dialog).toBeHidden();

  await s.getByRole("button", { name: "Add default response" }).click();
  const response = page.getByRole("dialog", { name: "Add default response" });
  await response.getByLabel("Body").fill('{"id":7,"title":"Printer","owner":{"name":"Ann"}}');
  await response.getByRole("button", { name: "Import" }).click();
  await expect(s.getByRole("group", { name: "Response 200", exact: true })).toContainText("owner");

  const definition = await exportedDefinition(page);
  const operation = (definition.paths as Record<string, Record<string, Record<string, unknown>>>)[
    "/v2/tickets"
  ]?.get;
  const params = operation?.parameters as Record<string, unknown>[];
  expect(params.map((p) => [p.name, p.default, p["x-ms-test-value"]])).toEqual([
    ["status", undefined, "open"],
    ["limit", undefined, 10],
    ["Accept-Language", undefined, "en-US"],
  ]);
  const schema = (operation?.responses as Record<string, { schema: Record<string, unknown> }>)["200"]?.schema;
  expect(schema?.required).toBeUndefined();
  expect((schema?.properties as Record<string, Record<string, unknown>>).owner?.required).toBeUndefined();

  // Test: the example is a placeholder, the field stays empty, so nothing is sent for it.
  await openStep(page, "Test");
  const status = step(page, "Test").getByLabel("Status", { exact: true });
  await expect(status).toHaveValue("");
  await expect(status).toHaveAttribute("placeholder", "e.g. open");
  await expect(step(page, "Test").getByRole("region", { name: "Request" })).not.toContainText("status=open");

  // Ticked, the values become defaults (one undo step later, the maker's choice).
  await openStep(page, "Definition");
  await s
    .getByRole("list", { name: "Actions" })
    .getByRole("button", { name: /New action/ })
    .click();
  await s.getByRole("button", { name: "Import from sample" }).click();
  await dialog.getByLabel("URL").fill("https://api.contoso.com/v2/tickets?status=open&limit=10&sort=asc");
  await dialog.getByLabel("Use sample values as defaults").check();
  await dialog.getByRole("button", { name: "Import" }).click();
  await expect(dialog).toBeHidden();
  const again = await exportedDefinition(page);
  const sort = (
    (again.paths as Record<string, Record<string, Record<string, unknown>>>)["/v2/tickets"]?.get
      ?.parameters as Record<string, unknown>[]
  ).find((p) => p.name === "sort");
  expect(sort).toMatchObject({ default: "asc" });
});

test("the parameters table fits its column: focusing Edit/Remove never scrolls the wizard sideways", async ({
  page,
}) => {
  const s = await newConnectorIn(page, "Definition");
  await s.getByRole("button", { name: "New action" }).click();
  await s.getByRole("button", { name: "Import from sample" }).click();
  const dialog = page.getByRole("dialog", { name: "Import from sample" });
  await dialog
    .getByLabel("URL")
    .fill(
      "https://api.contoso.com/v2/tickets/{ticketIdentifierWithAVeryLongName}?includeArchivedTicketsAndEverythingElseAsWell=true",
    );
  await dialog.getByLabel("Headers").fill("X-Correlation-Identifier-Header-Of-The-Caller: abc");
  await dialog.getByRole("button", { name: "Import" }).click();
  await expect(dialog).toBeHidden();

  for (const size of [
    { width: 1440, height: 900 },
    { width: 1280, height: 800 },
  ]) {
    await page.setViewportSize(size);
    for (const name of [
      "ticketIdentifierWithAVeryLongName",
      "includeArchivedTicketsAndEverythingElseAsWell",
      "X-Correlation-Identifier-Header-Of-The-Caller",
    ]) {
      for (const action of ["Edit", "Remove"]) {
        const button = s.getByRole("button", { name: `${action} parameter ${name}` });
        await button.focus();
        expect(await horizontallyClipped(button), `${action} ${name}`).toBe("");
      }
    }
    expect(await scrolledSideways(page), `at ${size.width}×${size.height}`).toEqual([]);
    await expect(stepsTablist(page).getByRole("tab", { name: /General/ })).toBeInViewport({ ratio: 1 });
  }
});

test("a webhook trigger: GET is flagged with a one-click Change to POST, the choice survives Import from sample, helpers say what they did", async ({
  page,
}) => {
  const s = await newConnectorIn(page, "Definition");
  await s.getByRole("button", { name: "New trigger" }).click();
  const fires = s.getByLabel("How the trigger fires");
  await fires.selectOption("webhook");
  const verb = s.getByRole("group", { name: "Trigger verb" });
  await expect(verb).toContainText("registers with a POST that answers 201 with a Location header");

  await s.getByRole("button", { name: "Import from sample" }).click();
  const dialog = page.getByRole("dialog", { name: "Import from sample" });
  await dialog.getByLabel("URL").fill("https://api.contoso.com/hooks");
  await dialog.getByLabel("Body").fill('{"callbackUrl":"https://example.org/cb","event":"created"}');
  await dialog.getByRole("button", { name: "Import" }).click();
  await expect(dialog).toBeHidden();
  await expect(s.getByRole("heading", { name: "GET /hooks" })).toBeVisible();
  await expect(fires).toHaveValue("webhook");

  await verb.getByRole("button", { name: "Change to POST" }).click();
  await expect(s.getByRole("heading", { name: "POST /hooks" })).toBeVisible();
  await expect(s.getByRole("group", { name: "Trigger verb" })).toHaveCount(0);
  await expect(fires).toHaveValue("webhook");

  const helpers = s.getByRole("group", { name: "Webhook helpers" });
  const status = s.getByRole("group", { name: "Webhook" }).getByRole("status");
  await helpers.getByRole("button", { name: "Add 201 response with Location" }).click();
  await expect(status).toHaveText(/Added a 201 response with a Location header/);
  await helpers.getByRole("button", { name: "Add 201 response with Location" }).click();
  await expect(status).toHaveText(/already has a Location header; nothing changed/);
  await helpers.getByRole("button", { name: "Add delete operation" }).click();
  await expect(status).toHaveText(
    /Added the internal action DeleteNewTrigger \(DELETE \/hooks\/\{hookId\}\)/,
  );
  await expect(s.getByRole("list", { name: "Actions" })).toContainText("Delete the webhook subscription");
});

test("a URL pasted into Host says what it took and what it dropped", async ({ page }) => {
  const s = await newConnectorIn(page, "General");
  const host = s.getByLabel("Host", { exact: true });
  await page.evaluate(() => navigator.clipboard.writeText("https://api.acme.io/v2/tickets?x=1"));
  await host.click();
  await page.keyboard.press("ControlOrMeta+V");
  await expect(host).toHaveValue("api.acme.io");
  await expect(s.getByLabel("Base URL")).toHaveValue("/v2/tickets");
  const note = s.getByRole("status").filter({ hasText: "From the pasted URL" });
  await expect(note).toHaveText(
    /scheme HTTPS, host api\.acme\.io, base URL \/v2\/tickets\. Not kept: the query “\?x=1”/,
  );
  await expect(note).toBeVisible();
  // Typing in Host afterwards is the maker's own value: the note goes.
  await host.fill("api.acme.io:8443");
  await expect(note).toHaveCount(0);
});

test("Code: Esc then Tab leaves the C# editor (said beside it), operations are checkboxes, Test says the script does not run there", async ({
  page,
}) => {
  await newConnectorButton(page).first().click();
  await openStep(page, "Definition");
  await step(page, "Definition").getByRole("button", { name: "New action" }).click();
  await openStep(page, "Code");
  const s = step(page, "Code");
  await s.getByRole("switch", { name: "Code enabled" }).check();
  await expect(s.getByText("To leave the editor, press Esc then Tab")).toBeVisible();
  const editor = s.getByRole("region", { name: "Custom code" });
  await editor.locator(".view-lines").click();
  const inEditor = () => editor.evaluate((el) => el.contains(document.activeElement));
  await page.keyboard.press("Tab");
  expect(await inEditor()).toBe(true);
  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  expect(await inEditor()).toBe(false);
  await expect(s.getByLabel("Upload")).toBeFocused();
  await editor.locator(".view-lines").click();
  await page.keyboard.press("Escape");
  await page.keyboard.press("Shift+Tab");
  await expect(s.getByRole("switch", { name: "Code enabled" })).toBeFocused();

  const operations = s.getByRole("group", { name: "Operations", exact: true });
  await operations.getByRole("checkbox", { name: "NewAction" }).check();
  await expect(s.getByText("1 ticked: the code runs for these only.")).toBeVisible();

  await openStep(page, "Test");
  const send = step(page, "Test").getByRole("button", { name: "Test operation" });
  await expect(send).toHaveAccessibleDescription(
    /runs custom code \(script\.csx\) on the platform, but not here/,
  );
  await expect(step(page, "Test").getByText(/but not here: Test calls the API directly/)).toBeVisible();
});

test("every problem in Validation lands on a visible, uncovered field that fixes it", async ({ page }) => {
  // One click per listed problem (about 25), each switching steps and waiting for the field.
  test.setTimeout(240_000);
  await page
    .getByLabel("Import file")
    .setInputFiles([`${FIXTURE}/apiDefinition.swagger.json`, `${FIXTURE}/apiProperties.json`]);
  const panel = page.getByRole("region", { name: "Validation" });
  await panel.getByLabel("Certification mode").check();
  // The buttons that open a problem (not its Fix button): "Error RuleId message".
  const opens = panel
    .getByRole("list", { name: "Problems" })
    .getByRole("button")
    .filter({ hasText: /^(Error|Warning|Note) / });
  await expect(opens.filter({ hasText: "ContactInformationMissing" })).toHaveCount(1);
  const count = await opens.count();
  const seen = new Set<string>();
  const failures: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const problem = opens.nth(i);
    const text = (await problem.textContent()) ?? "";
    const ruleId = text.split(" ")[1] ?? text;
    seen.add(ruleId);
    await problem.click();
    // The step may switch and load first; the field is focused once it has rendered.
    await expect
      .poll(() => page.evaluate(() => !document.activeElement?.closest("[aria-label='Validation']")), {
        timeout: 5000,
      })
      .toBe(true)
      .catch(() => undefined);
    const why = await focusProblem(page);
    if (why) failures.push(`${ruleId}: ${why} (${text.slice(0, 80)})`);
  }
  expect(failures).toEqual([]);
  // The fixture covers the rules a new user meets first, and each of them was clicked.
  for (const ruleId of [
    "ContactInformationMissing",
    "ConnectorMetadataPropertiesMissing",
    "PublisherInformationMissing",
    "RequiredValueEmpty",
    "PathParameterMustBeRequired",
    "ParameterSummaryRequired",
    "ResponseSchemaMissing",
    "DefaultResponseHasSchema",
    "OperationIdNotFound",
    "SecuritySchemePropertyRequired",
  ])
    expect(seen).toContain(ruleId);

  // The trigger's missing description lands on the trigger's Description field.
  await panel.getByRole("button", { name: /WhenATicketIsCreated" has no description/ }).click();
  await expect(
    step(page, "Definition")
      .getByRole("article", { name: "Operation WhenATicketIsCreated" })
      .getByLabel("Description", { exact: true }),
  ).toBeFocused();
});
