import { expect, test, type Page } from "@playwright/test";
import { pickImportFiles } from "./support/drop-files";
import { swaggerEditor, visibleEditorText } from "./support/swagger-editor";
import { connectorsNav, openApp, stepsTablist } from "./support/workspace";
import { apiKeyHeaderConnector, mediaConnector, type Package } from "./servers/connectors";
import { ACTIVE_SVG, API_KEY, startFixtureApi, type FixtureApi } from "./servers/fixture-api";

// Issue 12 "Trust": the app's Content-Security-Policy (every page, no violation while the app is used), and API
// responses that are active content (SVG, HTML) never run at the app's origin.

const NO_CORS_PORT = 4296;
const CORS_PORT = 4297;

let noCors: FixtureApi;
let cors: FixtureApi;
const pageErrors: string[] = [];
const cspMessages: string[] = [];

test.beforeAll(async () => {
  noCors = await startFixtureApi(NO_CORS_PORT, { cors: false });
  cors = await startFixtureApi(CORS_PORT, { cors: true });
});

test.afterAll(async () => {
  await Promise.all([noCors?.close(), cors?.close()]);
});

test.beforeEach(async ({ page }) => {
  pageErrors.length = 0;
  cspMessages.length = 0;
  page.on("pageerror", (error) => pageErrors.push(error.message));
  // Chromium reports every blocked load or script, of the page and of its workers, on the console.
  page.on("console", (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) cspMessages.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`),
    );
  });
});

test.afterEach(() => {
  expect(pageErrors, "uncaught errors in the page").toEqual([]);
});

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value, null, 2));
const response = (page: Page) => page.getByRole("region", { name: "Response" });

async function importConnector(page: Page, pkg: Package): Promise<void> {
  await pickImportFiles(page, [
    { name: "apiDefinition.swagger.json", bytes: encode(pkg.definition), mimeType: "application/json" },
    { name: "apiProperties.json", bytes: encode(pkg.properties), mimeType: "application/json" },
  ]);
  const title = (pkg.definition.info as { title: string }).title;
  await expect(connectorsNav(page).getByRole("button", { name: new RegExp(`^${title} `) })).toHaveAttribute(
    "aria-current",
    "true",
  );
}

async function openStep(page: Page, name: string): Promise<void> {
  await stepsTablist(page)
    .getByRole("tab", { name: new RegExp(`^${name}`) })
    .click();
  await expect(stepsTablist(page).getByRole("tab", { name: new RegExp(`^${name}`) })).toHaveAttribute(
    "aria-selected",
    "true",
  );
}

async function callOperation(page: Page, summary: string): Promise<void> {
  await page
    .getByRole("list", { name: "Operations" })
    .getByRole("button", { name: new RegExp(summary) })
    .click();
  await page.getByRole("button", { name: "Test operation" }).click();
  await expect(response(page).getByTestId("response-status")).toHaveText("200 OK");
}

test("every page carries the CSP header, and the main steps and Test calls raise no violation", async ({
  page,
  request,
}) => {
  // It walks the whole app (Monaco and its workers, every step, three calls): slow on a shared machine.
  test.setTimeout(180_000);
  const main = await page.goto("/");
  const policy = (await main?.allHeaders())?.["content-security-policy"] ?? "";
  for (const directive of [
    "default-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "worker-src 'self' blob:",
  ])
    expect(policy).toContain(directive);
  // The inline script of index.html runs by its hash; nothing else inline does.
  expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/]+=*'/);
  expect(policy).not.toContain("'unsafe-inline' ;");
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  for (const path of ["/oauth-callback.html", "/index.html"]) {
    const other = await request.get(path);
    expect([path, other.headers()["content-security-policy"]]).toEqual([path, policy]);
  }
  await expect(page.locator(".cs-app[data-ready='true']")).toBeAttached();

  // The main steps with a real connector: Monaco and its JSON and YAML workers, the validation worker.
  await importConnector(page, apiKeyHeaderConnector(`127.0.0.1:${NO_CORS_PORT}`));
  for (const step of ["General", "Security", "Definition", "Code", "Review"]) await openStep(page, step);
  await expect(page.getByRole("region", { name: "Validation" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Validation" })).not.toContainText("could not run");
  await swaggerEditor(page).getByRole("radio", { name: "YAML" }).check();
  await expect.poll(() => visibleEditorText(page)).toContain("title: Relay Tasks");
  await swaggerEditor(page).getByRole("radio", { name: "JSON" }).check();

  // A Test call through the relay, with a schema check and Use response as schema.
  await openStep(page, "Test");
  await page.getByRole("button", { name: "New connection" }).click();
  const dialog = page.getByRole("dialog", { name: "New connection" });
  await dialog.getByLabel("Tasks API key", { exact: true }).fill(API_KEY);
  await dialog.getByRole("button", { name: "Create connection" }).click();
  await expect(page.getByText(/Connection ready/)).toBeVisible();
  await callOperation(page, "List items");
  await expect(response(page)).toContainText("through the relay");
  const schemaValidation = page.getByRole("region", { name: "Schema validation" });
  await schemaValidation.getByRole("button", { name: "Use response as schema" }).click();
  await expect(schemaValidation).toContainText("The body matches the response schema.");
  await callOperation(page, "Get a thing");
  await expect(schemaValidation).toContainText("mismatch");

  // A direct call (CORS) to another origin, with an image answer (blob: image).
  await importConnector(page, mediaConnector(`127.0.0.1:${CORS_PORT}`));
  await openStep(page, "Test");
  await callOperation(page, "Get a PNG");
  await expect(response(page)).toContainText("directly (CORS)");
  await expect(response(page).getByRole("img", { name: "Response body (image)" })).toBeVisible();

  expect(await violations(page), "securitypolicyviolation events").toEqual([]);
  expect(cspMessages, "CSP messages on the console (page and workers)").toEqual([]);

  // And the policy is enforced: a script injected into the page does not run, and is reported.
  const injectedRan = await page.evaluate(async () => {
    const script = document.createElement("script");
    script.textContent = "window.__injected = true;";
    document.body.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return "__injected" in window;
  });
  expect(injectedRan).toBe(false);
  await expect.poll(() => violations(page)).toEqual([expect.stringMatching(/^script-src-elem inline /)]);
});

test("an SVG or HTML answer with a script is shown as text or downloaded, never run at the app's origin", async ({
  page,
  context,
}) => {
  await openApp(page);
  await importConnector(page, mediaConnector(`127.0.0.1:${NO_CORS_PORT}`));
  await openStep(page, "Test");

  // SVG is markup that can run script: shown as text, never as an image (which the user could open in a tab).
  await callOperation(page, "Get an SVG");
  await expect(response(page).getByLabel("Response body")).toHaveText(ACTIVE_SVG);
  await expect(response(page).getByRole("img")).toHaveCount(0);
  await expect(response(page).getByRole("link")).toHaveCount(0);

  // HTML that is not plain text is a download typed application/octet-stream: opened in a tab, it is saved,
  // not rendered at the app's origin.
  await callOperation(page, "Get a page");
  const link = response(page).getByRole("link", { name: /Download body \(text\/html\)/ });
  await expect(link).toBeVisible();
  const href = (await link.getAttribute("href")) ?? "";
  expect(href).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\//);
  const tab = await context.newPage();
  const saved = tab.waitForEvent("download", { timeout: 10_000 });
  await tab.goto(href).catch(() => undefined); // a download aborts the navigation
  expect((await saved).suggestedFilename()).not.toMatch(/\.html?$/);
  expect(await tab.title()).not.toContain("script ran");
  await tab.close();
  const download = page.waitForEvent("download");
  await link.click();
  expect((await download).suggestedFilename()).toBe("response.bin");

  // A PNG stays an image.
  await callOperation(page, "Get a PNG");
  await expect(response(page).getByRole("img", { name: "Response body (image)" })).toBeVisible();
  expect(await page.title()).not.toContain("script ran");
});
