import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { pickImportFiles } from "./support/drop-files";
import { swaggerEditor } from "./support/swagger-editor";
import { openApp, stepsTablist, waitForSaved } from "./support/workspace";
import {
  apiKeyHeaderConnector,
  apiKeyQueryConnector,
  basicConnector,
  keyOrOAuthConnector,
  oauthConnector,
  twoOptionConnector,
  type Package,
} from "./servers/connectors";
import { API_KEY, BASIC_PASSWORD, BASIC_USER, startFixtureApi, type FixtureApi } from "./servers/fixture-api";
import { startOAuthServer } from "./servers/oauth-server";

// The Test step (issue 6) against real servers on loopback, started here: an API without CORS (calls go through
// the relay), one with CORS (calls go direct) and oauth2-mock-server for a full OAuth 2.0 sign-in. Nothing
// leaves loopback: every host below is 127.0.0.1.

const NO_CORS_PORT = 4291;
const CORS_PORT = 4292;
const OAUTH_PORT = 4293;

let noCors: FixtureApi;
let cors: FixtureApi;
let oauth: Awaited<ReturnType<typeof startOAuthServer>>;
const pageErrors: string[] = [];
const offLoopback: string[] = [];

test.beforeAll(async () => {
  oauth = await startOAuthServer(OAUTH_PORT);
  noCors = await startFixtureApi(NO_CORS_PORT, { cors: false, issuer: oauth.issuer });
  cors = await startFixtureApi(CORS_PORT, { cors: true, issuer: oauth.issuer });
});

test.afterAll(async () => {
  await Promise.all([noCors?.close(), cors?.close(), oauth?.stop()]);
});

test.beforeEach(async ({ page }) => {
  pageErrors.length = 0;
  page.on("pageerror", (error) => pageErrors.push(error.message));
  // Guard: the page may only talk to loopback (recorded, not routed: routing would change CORS behaviour).
  offLoopback.length = 0;
  page.context().on("request", (req) => {
    const url = req.url();
    if (/^https?:/.test(url) && new URL(url).hostname !== "127.0.0.1") offLoopback.push(url);
  });
  await openApp(page);
});

test.afterEach(() => {
  expect(pageErrors, "uncaught errors in the page").toEqual([]);
  expect(offLoopback, "requests that left loopback").toEqual([]);
});

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value, null, 2));

async function importConnector(page: Page, pkg: Package): Promise<void> {
  await pickImportFiles(page, [
    { name: "apiDefinition.swagger.json", bytes: encode(pkg.definition), mimeType: "application/json" },
    { name: "apiProperties.json", bytes: encode(pkg.properties), mimeType: "application/json" },
  ]);
  const title = (pkg.definition.info as { title: string }).title;
  await expect(swaggerEditor(page).locator(".view-lines")).toContainText(title);
  await stepsTablist(page).getByRole("tab", { name: /^Test/ }).click();
  await expect(page.getByRole("heading", { name: "Test", exact: true, level: 2 })).toBeVisible();
}

async function createConnection(page: Page, values: Record<string, string>): Promise<void> {
  await page.getByRole("button", { name: "New connection" }).click();
  const dialog = page.getByRole("dialog", { name: "New connection" });
  for (const [label, value] of Object.entries(values))
    await dialog.getByLabel(label, { exact: true }).fill(value);
  await dialog.getByRole("button", { name: "Create connection" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/Connection ready/)).toBeVisible();
}

async function chooseOperation(page: Page, name: string): Promise<void> {
  await page
    .getByRole("list", { name: "Operations" })
    .getByRole("button", { name: new RegExp(name) })
    .click();
}

const request = (page: Page) => page.getByRole("region", { name: "Request" });
const response = (page: Page) => page.getByRole("region", { name: "Response" });
const schemaValidation = (page: Page) => page.getByRole("region", { name: "Schema validation" });

/**
 * Signs in from the New connection dialog: the popup goes to the identity provider, comes back to the app's
 * callback page and closes itself.
 */
async function signInThroughPopup(page: Page, dialog: Locator): Promise<void> {
  const popupPromise = page.waitForEvent("popup");
  await dialog.getByRole("button", { name: "Sign in" }).click();
  const popup = await popupPromise;
  await expect(dialog.getByRole("status")).toHaveText("Signed in.");
  await expect.poll(() => popup.isClosed()).toBe(true);
}

test("API key in a header, through the relay; Use response as schema updates the definition", async ({
  page,
}) => {
  await importConnector(page, apiKeyHeaderConnector(`127.0.0.1:${NO_CORS_PORT}`));
  await createConnection(page, { "Tasks API key": API_KEY });
  await chooseOperation(page, "List items");
  // Defaults are filled, enums are selects.
  await expect(page.getByLabel("Page size")).toHaveValue("2");
  await page.getByLabel("Page size").fill("3");
  await page.getByLabel("Order").selectOption("desc");

  // The request shows what is sent, with the key masked (also in curl).
  await expect(request(page).getByTestId("request-url")).toHaveText(
    `http://127.0.0.1:${NO_CORS_PORT}/v1/items?top=3&order=desc`,
  );
  await expect(request(page).getByRole("row", { name: /X-Api-Key/ })).toContainText("••••••");
  await expect(request(page)).not.toContainText(API_KEY);
  await expect(request(page).getByLabel("curl command")).toContainText("-H 'X-Api-Key: ••••••'");

  const before = noCors.hits.filter((h) => h.url.startsWith("/v1/items") && h.method === "GET").length;
  await page.getByRole("button", { name: "Test operation" }).click();
  await expect(response(page).getByTestId("response-status")).toHaveText("200 OK");
  await expect(response(page)).toContainText("through the relay");
  await expect(response(page).getByLabel("Response body")).toContainText('"name": "Three"');
  const calls = noCors.hits.filter((h) => h.url.startsWith("/v1/items") && h.method === "GET");
  expect(calls.length - before).toBe(1);
  const last = calls.at(-1);
  expect(last?.headers["x-api-key"]).toBe(API_KEY);
  expect(last?.headers.cookie).toBeUndefined();
  expect(last?.headers.origin).toBeUndefined();

  // No schema yet: Use response as schema writes one (undoable), and the body then matches it.
  await expect(schemaValidation(page)).toContainText("no response schema");
  await schemaValidation(page).getByRole("button", { name: "Use response as schema" }).click();
  await expect(schemaValidation(page)).toContainText("The body matches the response schema.");
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(schemaValidation(page)).toContainText("no response schema");

  // A history of calls for this operation.
  await expect(page.getByRole("region", { name: "Call history" }).getByRole("listitem")).toHaveCount(1);
});

test("a dynamic dropdown is filled by calling its source operation", async ({ page }) => {
  await importConnector(page, apiKeyHeaderConnector(`127.0.0.1:${NO_CORS_PORT}`));
  await chooseOperation(page, "Get an item");
  await expect(page.getByText("Create a connection to load the choices.")).toBeVisible();
  await createConnection(page, { "Tasks API key": API_KEY });
  const item = page.getByRole("combobox", { name: "Item" });
  await expect(item.getByRole("option")).toHaveText(["Choose…", "One", "Two"]);
  await item.selectOption({ label: "Two" });
  await expect(request(page).getByTestId("request-url")).toHaveText(
    `http://127.0.0.1:${NO_CORS_PORT}/v1/items/2`,
  );
  await page.getByRole("button", { name: "Test operation" }).click();
  await expect(response(page).getByLabel("Response body")).toContainText('"name": "Two"');
});

test("API key in the query, directly to an API that allows CORS", async ({ page }) => {
  await importConnector(page, apiKeyQueryConnector(`127.0.0.1:${CORS_PORT}`));
  await createConnection(page, { "Search code": API_KEY });
  await chooseOperation(page, "Search");
  await page.getByLabel("Search text").fill("tea pot");
  await expect(request(page).getByTestId("request-url")).toHaveText(
    `http://127.0.0.1:${CORS_PORT}/v1/search?q=tea%20pot&code=••••••`,
  );
  await page.getByRole("button", { name: "Test operation" }).click();
  await expect(response(page).getByTestId("response-status")).toHaveText("200 OK");
  await expect(response(page)).toContainText("directly (CORS)");
  await expect(response(page).getByLabel("Response body")).toContainText('"title": "Found it"');
  const last = cors.hits.filter((h) => h.url.startsWith("/v1/search")).at(-1);
  expect(last?.headers.origin).toBe(new URL(page.url()).origin);
});

test("basic authentication with the labels chosen in the Security step", async ({ page }) => {
  await importConnector(page, basicConnector(`127.0.0.1:${NO_CORS_PORT}`));
  await createConnection(page, { "Account name": BASIC_USER, "Account password": BASIC_PASSWORD });
  await page.getByRole("button", { name: "Test operation" }).click();
  await expect(response(page).getByTestId("response-status")).toHaveText("200 OK");
  await expect(response(page).getByLabel("Response body")).toContainText(`"user": "${BASIC_USER}"`);
  await expect(request(page).getByRole("row", { name: /Authorization/ })).toContainText("Basic ••••••");
  await expect(schemaValidation(page)).toContainText("The body matches the response schema.");
  // No serious accessibility problems in the step with a request, a response and a check shown.
  const results = await new AxeBuilder({ page }).include(".cs-try").analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});

test("OAuth 2.0: sign-in with PKCE in a popup, then a refused token is refreshed", async ({ page }) => {
  await importConnector(page, oauthConnector(`127.0.0.1:${NO_CORS_PORT}`, oauth.issuer));
  await page.getByRole("button", { name: "New connection" }).click();
  const dialog = page.getByRole("dialog", { name: "New connection" });
  await signInThroughPopup(page, dialog);
  await dialog.getByRole("button", { name: "Create connection" }).click();
  await expect(page.getByText(/Connection ready \(signed in\)/)).toBeVisible();
  expect(oauth.grants).toContain("authorization_code");

  await page.getByRole("button", { name: "Test operation" }).click();
  await expect(response(page).getByTestId("response-status")).toHaveText("200 OK");
  await expect(response(page).getByLabel("Response body")).toContainText('"sub": "johndoe"');
  await expect(request(page).getByRole("row", { name: /Authorization/ })).toContainText("Bearer ••••••");
  const first = noCors.acceptedTokens.at(-1) as string;

  // The API stops accepting the token: the next call is refused, refreshed through the relay, and sent again.
  noCors.revoked.add(first);
  await page.getByRole("button", { name: "Test operation" }).click();
  await expect(response(page)).toContainText("it was refreshed and the call sent again");
  await expect(response(page).getByTestId("response-status")).toHaveText("200 OK");
  expect(oauth.grants).toContain("refresh_token");
  expect(noCors.acceptedTokens.at(-1)).not.toBe(first);
  // The token is nowhere in the document.
  await expect(swaggerEditor(page).locator(".view-lines")).not.toContainText(first.slice(0, 20));
});

test("a file upload, a schema mismatch at its JSON paths, and an oversize response", async ({ page }) => {
  await importConnector(page, apiKeyHeaderConnector(`127.0.0.1:${NO_CORS_PORT}`));
  await createConnection(page, { "Tasks API key": API_KEY });

  await chooseOperation(page, "Upload a file");
  await page.getByLabel("Document").setInputFiles({
    name: "report.bin",
    mimeType: "application/octet-stream",
    buffer: Buffer.alloc(3000, 7),
  });
  await page.getByLabel("Note", { exact: true }).fill("quarterly");
  await expect(request(page)).toContainText("multipart/form-data");
  await page.getByRole("button", { name: "Test operation" }).click();
  await expect(response(page).getByTestId("response-status")).toHaveText("200 OK");
  await expect(response(page).getByLabel("Response body")).toContainText('"filename": "report.bin"');
  await expect(response(page).getByLabel("Response body")).toContainText('"size": 3000');

  await chooseOperation(page, "Get a thing");
  await page.getByRole("button", { name: "Test operation" }).click();
  await expect(response(page).getByTestId("response-status")).toHaveText("200 OK");
  const validation = schemaValidation(page);
  await expect(validation).toContainText("3 mismatches with the response schema");
  await expect(validation.getByRole("listitem").filter({ hasText: "$.id" })).toContainText(
    "should be integer but is string",
  );
  await expect(validation.getByRole("listitem").filter({ hasText: "$.name" })).toContainText("is required");
  await expect(validation.getByRole("listitem").filter({ hasText: "$.tags[0]" })).toContainText(
    "should be string",
  );

  await chooseOperation(page, "Download a big file");
  await page.getByRole("button", { name: "Test operation" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "relay refused" })).toContainText(
    "The response is larger than 10485760 bytes.",
  );
});

test("the relay refuses another origin, a missing token and a non-http URL", async ({
  page,
  request: http,
  baseURL,
}) => {
  const target = `http://127.0.0.1:${NO_CORS_PORT}/v1/items`;
  const before = noCors.hits.length;
  const relay = `${baseURL}/__relay`;
  const body = JSON.stringify({ method: "GET", url: target, headers: [["X-Api-Key", API_KEY]] });

  // The app's page gets the token; another site's page cannot read it, and its calls are refused.
  const token = await page.evaluate(async () => {
    const res = await fetch("/__relay/token");
    return ((await res.json()) as { token: string }).token;
  });
  expect(token.length).toBeGreaterThan(20);
  await page.goto(`http://127.0.0.1:${NO_CORS_PORT}/blank`);
  const fromOtherSite = await page.evaluate(async (url) => {
    try {
      const res = await fetch(url);
      return `read ${res.status}`;
    } catch {
      return "blocked";
    }
  }, `${baseURL}/__relay/token`);
  // Vite's own CORS settings let loopback origins read answers; the relay still refuses them.
  expect(["blocked", "read 403"]).toContain(fromOtherSite);

  const otherOrigin = await http.post(relay, {
    headers: {
      origin: `http://127.0.0.1:${NO_CORS_PORT}`,
      "x-relay-token": token,
      "content-type": "application/json",
    },
    data: body,
  });
  expect(otherOrigin.status()).toBe(403);
  expect(((await otherOrigin.json()) as { error: string }).error).toContain("not allowed");
  const tokenForOther = await http.get(`${baseURL}/__relay/token`, {
    headers: { origin: "http://evil.example", "sec-fetch-site": "cross-site" },
  });
  expect(tokenForOther.status()).toBe(403);

  const noToken = await http.post(relay, {
    headers: {
      origin: baseURL as string,
      "sec-fetch-site": "same-origin",
      "content-type": "application/json",
    },
    data: body,
  });
  expect(noToken.status()).toBe(401);

  const nonHttp = await http.post(relay, {
    headers: {
      origin: baseURL as string,
      "sec-fetch-site": "same-origin",
      "x-relay-token": token,
      "content-type": "application/json",
    },
    data: JSON.stringify({ method: "GET", url: "file:///etc/passwd" }),
  });
  expect(nonHttp.status()).toBe(400);
  expect(await nonHttp.json()).toEqual({ error: "Only http and https URLs are relayed, not file:" });
  // Nothing reached the API (only the other site's page itself, and its favicon, were served).
  expect(noCors.hits.slice(before).filter((h) => h.url.startsWith("/v1/"))).toEqual([]);
});

const accountCalls = () => noCors.hits.filter((h) => h.url === "/v1/account" && h.method === "GET");

test("two authentication options: the second one's fields and credential are used", async ({ page }) => {
  await importConnector(page, twoOptionConnector(`127.0.0.1:${NO_CORS_PORT}`));
  await page.getByRole("button", { name: "New connection" }).click();
  const dialog = page.getByRole("dialog", { name: "New connection" });
  // The choice is labelled and its options named as the platform shows them; the first option is chosen.
  const option = dialog.getByLabel("Authentication type", { exact: true });
  await expect(option.getByRole("option")).toHaveText(["Account key", "User name and password"]);
  await expect(dialog.getByLabel("Account key", { exact: true })).toBeVisible();
  await expect(dialog.getByLabel("User name", { exact: true })).toHaveCount(0);

  await option.selectOption({ label: "User name and password" });
  await expect(dialog.getByText("Use your sign-in")).toBeVisible();
  await expect(dialog.getByLabel("Account key", { exact: true })).toHaveCount(0);
  await dialog.getByLabel("User name", { exact: true }).fill(BASIC_USER);
  await dialog.getByLabel("Password", { exact: true }).fill(BASIC_PASSWORD);
  await dialog.getByLabel("Region", { exact: true }).fill("eu");
  await expect(dialog.getByLabel("Remember for this browser tab")).not.toBeChecked();
  // No serious accessibility problems in the dialog with the choice, the fields and the checkbox.
  const scan = await new AxeBuilder({ page }).include("dialog[open]").analyze();
  expect(
    scan.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
  await dialog.getByRole("button", { name: "Create connection" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/Connection ready with User name and password/)).toBeVisible();

  await expect(request(page).getByRole("row", { name: /Authorization/ })).toContainText("Basic ••••••");
  const before = accountCalls().length;
  await page.getByRole("button", { name: "Test operation" }).click();
  await expect(response(page).getByTestId("response-status")).toHaveText("200 OK");
  await expect(response(page).getByLabel("Response body")).toContainText('"via": "basic"');
  const calls = accountCalls();
  expect(calls.length - before).toBe(1);
  const sent = calls.at(-1)?.headers;
  expect(sent?.authorization).toBe(
    `Basic ${Buffer.from(`${BASIC_USER}:${BASIC_PASSWORD}`).toString("base64")}`,
  );
  expect(sent?.["x-api-key"]).toBeUndefined();

  // Back to the first option: its key is sent instead, and nothing of the basic option.
  await page.getByRole("button", { name: "New connection" }).click();
  await option.selectOption({ label: "Account key" });
  await dialog.getByLabel("Account key", { exact: true }).fill(API_KEY);
  await dialog.getByRole("button", { name: "Create connection" }).click();
  await expect(page.getByText(/Connection ready with Account key/)).toBeVisible();
  await page.getByRole("button", { name: "Test operation" }).click();
  await expect(response(page).getByLabel("Response body")).toContainText('"via": "api key"');
  const last = accountCalls().at(-1)?.headers;
  expect(last?.["x-api-key"]).toBe(API_KEY);
  expect(last?.authorization).toBeUndefined();
});

test("Remember for this browser tab: kept over a reload in sessionStorage only, until forgotten", async ({
  page,
}) => {
  await importConnector(page, twoOptionConnector(`127.0.0.1:${NO_CORS_PORT}`));
  await waitForSaved(page);
  const reloadToTest = async () => {
    await page.reload();
    await expect(page.locator(".cs-app[data-ready='true']")).toBeAttached();
    await stepsTablist(page).getByRole("tab", { name: /^Test/ }).click();
    await expect(page.getByRole("heading", { name: "Test", exact: true, level: 2 })).toBeVisible();
  };
  const dialog = page.getByRole("dialog", { name: "New connection" });
  const createBasic = async (remember: boolean) => {
    await page.getByRole("button", { name: "New connection" }).click();
    await dialog
      .getByLabel("Authentication type", { exact: true })
      .selectOption({ label: "User name and password" });
    await dialog.getByLabel("User name", { exact: true }).fill(BASIC_USER);
    await dialog.getByLabel("Password", { exact: true }).fill(BASIC_PASSWORD);
    if (remember) await dialog.getByLabel("Remember for this browser tab").check();
    await dialog.getByRole("button", { name: "Create connection" }).click();
    await expect(dialog).toBeHidden();
  };

  // Off by default: a reload forgets the connection.
  await createBasic(false);
  await expect(page.getByText(/its values stay in this tab's memory only/)).toBeVisible();
  await reloadToTest();
  await expect(page.getByText("No connection yet: create one to send authenticated calls.")).toBeVisible();

  // Remembered: the same tab gets it back after a reload, with the option chosen, and calls work at once.
  await createBasic(true);
  await expect(page.getByText(/remembered for this browser tab/)).toBeVisible();
  const stored = await page.evaluate(() => ({
    session: Object.keys(sessionStorage).map((k) => sessionStorage.getItem(k) ?? ""),
    local: JSON.stringify({ ...localStorage }),
  }));
  expect(stored.session.filter((v) => v.includes(BASIC_PASSWORD))).toHaveLength(1);
  expect(stored.local).not.toContain(BASIC_PASSWORD);
  await reloadToTest();
  await expect(page.getByText(/Connection ready with User name and password; remembered/)).toBeVisible();
  await page.getByRole("button", { name: "Test operation" }).click();
  await expect(response(page).getByLabel("Response body")).toContainText('"via": "basic"');
  expect(accountCalls().at(-1)?.headers.authorization).toMatch(/^Basic /);
  // The dialog opens on what was remembered.
  await page.getByRole("button", { name: "New connection" }).click();
  await expect(dialog.getByLabel("Remember for this browser tab")).toBeChecked();
  await expect(dialog.getByLabel("User name", { exact: true })).toHaveValue(BASIC_USER);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  // Nothing of it reached the document or the autosaved draft.
  await expect(swaggerEditor(page).locator(".view-lines")).not.toContainText(BASIC_PASSWORD);

  // Forget connection removes it from the tab too.
  await page.getByRole("button", { name: "Forget connection" }).click();
  await expect(page.getByText("No connection yet: create one to send authenticated calls.")).toBeVisible();
  expect(await page.evaluate(() => JSON.stringify({ ...sessionStorage }))).not.toContain(BASIC_PASSWORD);
  await reloadToTest();
  await expect(page.getByText("No connection yet: create one to send authenticated calls.")).toBeVisible();
});

test("a slow call can be cancelled, and the step can send again", async ({ page }) => {
  await importConnector(page, apiKeyHeaderConnector(`127.0.0.1:${NO_CORS_PORT}`));
  await createConnection(page, { "Tasks API key": API_KEY });
  await chooseOperation(page, "Wait a while");
  const send = page.getByRole("button", { name: "Test operation" });
  await send.click();
  await expect(page.getByRole("status").filter({ hasText: "Sending…" })).toBeVisible();
  await expect(send).toBeDisabled();
  await page.getByRole("button", { name: "Cancel call" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The call was cancelled." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel call" })).toHaveCount(0);
  await expect(send).toBeEnabled();
  await expect(page.getByRole("region", { name: "Call history" })).toContainText(
    "failed: The call was cancelled.",
  );
  // The next call goes out normally.
  await chooseOperation(page, "List items");
  await send.click();
  await expect(response(page).getByTestId("response-status")).toHaveText("200 OK");
});

test("with the relay off the step says so up front, and a call to an API without CORS explains why it failed", async ({
  page,
}) => {
  // As a static host or CONNECTOR_STUDIO_RELAY=off serves the app: /__relay/token is not there. (Done in the
  // page, not with page.route: routing would change how the browser handles CORS preflights.)
  await page.addInitScript(() => {
    const original = window.fetch.bind(window);
    window.fetch = (input, init) =>
      String(input instanceof Request ? input.url : input).includes("/__relay/token")
        ? Promise.resolve(new Response("", { status: 404 }))
        : original(input, init);
  });
  await page.reload();
  await expect(page.locator(".cs-app[data-ready='true']")).toBeAttached();
  await importConnector(page, apiKeyHeaderConnector(`127.0.0.1:${NO_CORS_PORT}`));
  await expect(page.getByTestId("relay-off")).toContainText(
    "The relay is off, so calls go straight from this page: only APIs that allow CORS can answer.",
  );
  await createConnection(page, { "Tasks API key": API_KEY });
  const before = noCors.hits.filter((h) => h.url.startsWith("/v1/items") && h.method === "GET").length;
  await page.getByRole("button", { name: "Test operation" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Could not reach" })).toContainText(
    `Could not reach http://127.0.0.1:${NO_CORS_PORT}: the API does not allow calls from this page (CORS) and the relay is off.`,
  );
  // The refused preflight kept the call itself from reaching the API.
  expect(noCors.hits.filter((h) => h.url.startsWith("/v1/items") && h.method === "GET").length).toBe(before);
});

test("two authentication options: signing in with the second one sends its OAuth token only", async ({
  page,
}) => {
  await importConnector(page, keyOrOAuthConnector(`127.0.0.1:${NO_CORS_PORT}`, oauth.issuer));
  await page.getByRole("button", { name: "New connection" }).click();
  const dialog = page.getByRole("dialog", { name: "New connection" });
  await expect(dialog.getByRole("button", { name: "Sign in" })).toHaveCount(0);
  await dialog.getByLabel("Sign-in method", { exact: true }).selectOption({ label: "Work account" });
  await expect(dialog.getByLabel("Profile key", { exact: true })).toHaveCount(0);
  await signInThroughPopup(page, dialog);
  await dialog.getByRole("button", { name: "Create connection" }).click();
  await expect(page.getByText(/Connection ready \(signed in\) with Work account/)).toBeVisible();

  const accepted = noCors.acceptedTokens.length;
  await page.getByRole("button", { name: "Test operation" }).click();
  await expect(response(page).getByTestId("response-status")).toHaveText("200 OK");
  await expect(response(page).getByLabel("Response body")).toContainText('"sub": "johndoe"');
  expect(noCors.acceptedTokens.length).toBe(accepted + 1);
  const sent = noCors.hits.filter((h) => h.url === "/v1/profile" && h.method === "GET").at(-1)?.headers;
  expect(sent?.authorization).toBe(`Bearer ${noCors.acceptedTokens.at(-1)}`);
  expect(sent?.["x-api-key"]).toBeUndefined();
});
