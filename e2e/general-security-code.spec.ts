import { readFileSync } from "node:fs";
import { crc32, deflateSync } from "node:zlib";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { unzipSync } from "fflate";
import { pasteIntoSwaggerEditor, swaggerEditor, visibleEditorText } from "./support/swagger-editor";
import { header, newConnectorButton, openApp, stepsTablist } from "./support/workspace";

// These tests read the whole small document from the Swagger editor's rendered lines: a wide window keeps the
// pane wide enough that no line wraps (the step column takes most of a 1280 px window).
test.use({ viewport: { width: 1920, height: 1080 } });

// The General, Security and Code steps (issue 3): fields found by their labels, form → Swagger editor pane and
// pane → form sync, both files written for API key security, Azure AD fields, the Code step, keyboard use and
// no serious axe violations.

/** A real PNG of the given size (one colour), so the preview can decode it. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x40)]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

async function newConnector(page: Page): Promise<void> {
  await openApp(page);
  await newConnectorButton(page).first().click();
  await expect(swaggerEditor(page).locator(".view-lines")).toContainText('"swagger"');
}

async function openStep(page: Page, name: string): Promise<void> {
  await stepsTablist(page)
    .getByRole("tab", { name: new RegExp(`^${name}`) })
    .click();
  await expect(page.getByRole("heading", { name, exact: true, level: 2 })).toBeVisible();
}

async function expectNoSeriousViolations(page: Page, selector: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function exportPackage(page: Page): Promise<Record<string, Uint8Array>> {
  const downloadPromise = page.waitForEvent("download");
  await header(page).getByRole("button", { name: "Export", exact: true }).click();
  const download = await downloadPromise;
  return unzipSync(new Uint8Array(readFileSync(await download.path())));
}

function json(entries: Record<string, Uint8Array>, name: string): Record<string, unknown> {
  return JSON.parse(new TextDecoder().decode(entries[name])) as Record<string, unknown>;
}

test("General: fields by label write the document, the pane shows them and pane edits show in the form", async ({
  page,
}) => {
  await newConnector(page);
  await openStep(page, "General");

  await page.getByLabel("Connector name").fill("Contoso Weather");
  await page.getByLabel("Description").fill("Forecasts and current conditions for any city.");
  // Pasting a full URL into Host splits it into scheme, host and base URL.
  await page.evaluate(() => navigator.clipboard.writeText("http://weather.contoso.com:8080/api/v2/"));
  await page.getByLabel("Host").click();
  await page.keyboard.press("ControlOrMeta+V");
  await expect(page.getByLabel("Host")).toHaveValue("weather.contoso.com:8080");
  await expect(page.getByLabel("Base URL")).toHaveValue("/api/v2");
  await expect(page.getByRole("radio", { name: "HTTP", exact: true })).toBeChecked();
  await page.getByRole("radio", { name: "HTTPS", exact: true }).check();
  await page.getByLabel("Icon background color").fill("#0f6cbd");
  await page.getByLabel("Website").fill("https://contoso.com");
  await page.getByLabel("Category 1").selectOption("Data");

  // A bad value shows an error and is not written.
  await page.getByLabel("Base URL").fill("api");
  await expect(page.getByText("The base URL must start with '/'.")).toBeVisible();
  await page.getByLabel("Base URL").fill("/api/v2");

  // The pane shows form edits once typing pauses (it does not re-write its text on every key), so each
  // expectation waits for that sync rather than reading the text once after the first edit showed.
  for (const expected of [
    '"title": "Contoso Weather"',
    '"host": "weather.contoso.com:8080"',
    '"basePath": "/api/v2"',
    '"https"',
    '"propertyValue": "https://contoso.com"',
  ])
    await expect.poll(() => visibleEditorText(page)).toContain(expected);
  const text = await visibleEditorText(page);

  // Icon: a 100×100 PNG is stored with a size warning and previewed.
  await page.getByLabel("Icon", { exact: true }).setInputFiles({
    name: "icon.png",
    mimeType: "image/png",
    buffer: png(100, 100),
  });
  await expect(page.getByText("The icon is 100×100 pixels; published connectors use 230×230.")).toBeVisible();
  await expect(page.getByRole("img", { name: "Connector icon" })).toBeVisible();
  await page.getByLabel("Icon", { exact: true }).setInputFiles({
    name: "notes.gif",
    mimeType: "image/gif",
    buffer: Buffer.from("GIF89a0000000000000000000000"),
  });
  await expect(page.getByText("The icon must be a PNG or JPG image.")).toBeVisible();

  // Pane → form.
  const definition = JSON.parse(text) as Record<string, unknown>;
  const edited = {
    ...definition,
    info: { ...(definition.info as object), title: "Fabrikam Weather" },
    host: "api.fabrikam.com",
  };
  await pasteIntoSwaggerEditor(page, JSON.stringify(edited, null, 2));
  await expect(page.getByLabel("Connector name")).toHaveValue("Fabrikam Weather");
  await expect(page.getByLabel("Host")).toHaveValue("api.fabrikam.com");

  // Undo (one history) brings the pane edit back out of the form too.
  await header(page).getByRole("button", { name: "Undo", exact: true }).click();
  await expect(page.getByLabel("Connector name")).toHaveValue("Contoso Weather");

  // Gateway: API key becomes unavailable in Security, with the reason.
  await page.getByLabel("Connect via on-premises data gateway").check();
  await expect(swaggerEditor(page).locator(".view-lines")).toContainText('"title": "Contoso Weather"');
  await openStep(page, "Security");
  await expect(
    page.getByRole("option", { name: /API Key \(not supported through the on-premises data gateway\)/ }),
  ).toBeDisabled();

  await openStep(page, "General");
  await expectNoSeriousViolations(page, "section[aria-label='General step']");
});

test("Security: API key writes both files, switching type asks first and can be undone", async ({ page }) => {
  await newConnector(page);
  await openStep(page, "General");
  await page.getByLabel("Connector name").fill("Key Service");
  await openStep(page, "Security");

  await page.getByLabel("Authentication type").selectOption({ label: "API Key" });
  await page.getByLabel("Parameter label").fill("Subscription key");
  await page.getByLabel("Parameter name").fill("Ocp-Apim-Subscription-Key");
  await page.getByRole("radio", { name: "Query", exact: true }).check();
  await expect(swaggerEditor(page).locator(".view-lines")).toContainText(
    '"name": "Ocp-Apim-Subscription-Key"',
  );

  // An extra connection parameter.
  await page.getByRole("button", { name: "Add connection parameter" }).click();
  const parameter = page.getByRole("group", { name: /Connection parameter parameter1/ });
  await parameter.getByLabel("Display name").fill("Region");
  await parameter.getByLabel("Allowed values").fill("Europe | eu\nUnited States | us");

  const entries = await exportPackage(page);
  const definition = json(entries, "apiDefinition.swagger.json");
  expect(definition.securityDefinitions).toEqual({
    "API Key": { type: "apiKey", in: "query", name: "Ocp-Apim-Subscription-Key" },
  });
  expect(definition.security).toEqual([{ "API Key": [] }]);
  const properties = json(entries, "apiProperties.json").properties as Record<string, unknown>;
  const parameters = properties.connectionParameters as Record<string, Record<string, unknown>>;
  expect(parameters.api_key).toEqual({
    type: "securestring",
    uiDefinition: {
      displayName: "Subscription key",
      description: "The API Key for this api",
      tooltip: "Provide your API Key",
      constraints: { tabIndex: 2, clearText: false, required: "true" },
    },
  });
  expect(parameters.parameter1).toMatchObject({
    type: "string",
    uiDefinition: {
      displayName: "Region",
      constraints: {
        allowedValues: [
          { text: "Europe", value: "eu" },
          { text: "United States", value: "us" },
        ],
      },
    },
  });

  // Pane → form: a new header name typed in the Swagger editor shows in the Security form.
  await pasteIntoSwaggerEditor(
    page,
    JSON.stringify(
      {
        ...definition,
        securityDefinitions: { "API Key": { type: "apiKey", in: "header", name: "X-Api-Key" } },
      },
      null,
      2,
    ),
  );
  await expect(page.getByLabel("Parameter name")).toHaveValue("X-Api-Key");
  await expect(page.getByRole("radio", { name: "Header", exact: true })).toBeChecked();

  // Switching asks before discarding; Cancel keeps the API key.
  await page.getByLabel("Authentication type").selectOption({ label: "Basic authentication" });
  const dialog = page.getByRole("alertdialog", { name: "Change authentication type?" });
  await expect(dialog).toContainText('security definition "API Key"');
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByLabel("Authentication type")).toHaveValue("apiKey");
  await page.getByLabel("Authentication type").selectOption({ label: "Basic authentication" });
  await page.getByRole("alertdialog").getByRole("button", { name: "Change" }).click();
  await expect(page.getByLabel("User name label")).toHaveValue("User name");
  await page.getByLabel("Password label").fill("Secret word");
  await expect(swaggerEditor(page).locator(".view-lines")).toContainText('"basic_auth"');

  // Undo twice: the label edit, then the switch (one step) — the API key is back.
  await header(page).getByRole("button", { name: "Undo", exact: true }).click();
  await header(page).getByRole("button", { name: "Undo", exact: true }).click();
  await expect(page.getByLabel("Authentication type")).toHaveValue("apiKey");
  await expect(page.getByLabel("Parameter name")).toHaveValue("X-Api-Key");

  await expectNoSeriousViolations(page, "section[aria-label='Security step']");
});

test("Security: OAuth 2.0 with Azure Active Directory, client secret never exported", async ({ page }) => {
  await newConnector(page);
  await openStep(page, "Security");
  await page.getByLabel("Authentication type").selectOption({ label: "OAuth 2.0" });
  await page.getByLabel("Identity provider").selectOption({ label: "Azure Active Directory" });
  await page.getByLabel("Client ID").fill("5c7a2b4e-0000-4000-8000-000000000001");
  await page.getByLabel("Client secret").fill("do-not-export-me");
  await expect(page.getByLabel("Client secret")).toHaveAccessibleDescription(
    /Never saved.*not in exported files, the browser draft or share links/,
  );
  await expect(page.getByLabel("Login URL")).toHaveValue("https://login.microsoftonline.com");
  await page.getByLabel("Tenant ID").fill("contoso.onmicrosoft.com");
  await page.getByLabel("Resource URL").fill("https://graph.microsoft.com");
  await page.getByLabel("Scope").fill("User.Read offline_access");
  await page.getByLabel("Enable on-behalf-of login").check();
  await expect(page.getByLabel("Redirect URL")).toHaveValue("https://global.consent.azure-apim.net/redirect");
  await expect(page.getByLabel("Redirect URL")).toHaveAttribute("readonly", "");

  await expect(swaggerEditor(page).locator(".view-lines")).toContainText(
    "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/authorize",
  );

  const entries = await exportPackage(page);
  const settings = (
    (json(entries, "apiProperties.json").properties as Record<string, unknown>)
      .connectionParameters as Record<string, Record<string, unknown>>
  ).token?.oAuthSettings as Record<string, unknown>;
  expect(settings).toMatchObject({
    identityProvider: "aad",
    clientId: "5c7a2b4e-0000-4000-8000-000000000001",
    scopes: ["User.Read", "offline_access"],
    redirectMode: "Global",
    properties: { IsFirstParty: "False", IsOnbehalfofLoginSupported: true },
    customParameters: {
      loginUri: { value: "https://login.microsoftonline.com" },
      tenantId: { value: "contoso.onmicrosoft.com" },
      resourceUri: { value: "https://graph.microsoft.com" },
    },
  });
  for (const name of Object.keys(entries)) {
    expect(new TextDecoder().decode(entries[name])).not.toContain("do-not-export-me");
  }

  // Several authentication options, built in the UI.
  await page.getByRole("button", { name: "Offer several authentication options" }).click();
  await page.getByLabel("New option type").selectOption({ label: "API Key" });
  await page.getByRole("button", { name: "Add authentication option" }).click();
  await expect(page.getByRole("group", { name: "Authentication option API Key" })).toBeVisible();
  await expectNoSeriousViolations(page, "section[aria-label='Security step']");
});

test("Code: enable with the template, upload, choose operations, turn off and undo", async ({ page }) => {
  await newConnector(page);
  const definition = JSON.parse(await visibleEditorText(page)) as Record<string, unknown>;
  await pasteIntoSwaggerEditor(
    page,
    JSON.stringify(
      {
        ...definition,
        paths: {
          "/forecast": { get: { operationId: "GetForecast", responses: { "200": { description: "OK" } } } },
          "/alerts": { get: { operationId: "ListAlerts", responses: { "200": { description: "OK" } } } },
        },
      },
      null,
      2,
    ),
  );
  await expect(swaggerEditor(page).locator(".view-lines")).toContainText("GetForecast");
  await openStep(page, "Code");

  const enabled = page.getByRole("switch", { name: "Code enabled" });
  await expect(enabled).not.toBeChecked();
  // Keyboard: focus the switch and press Space.
  await enabled.focus();
  await page.keyboard.press("Space");
  await expect(enabled).toBeChecked();
  const editor = page.getByRole("region", { name: "Custom code" });
  await expect(editor.locator(".view-lines")).toContainText("public class Script : ScriptBase");

  await page.getByLabel("Upload").setInputFiles({
    name: "script.csx",
    mimeType: "text/plain",
    buffer: Buffer.from("public class Script : ScriptBase\n{\n    // uploaded\n}\n"),
  });
  await expect(editor.locator(".view-lines")).toContainText("// uploaded");
  await page.getByLabel("Upload").setInputFiles({
    name: "big.csx",
    mimeType: "text/plain",
    buffer: Buffer.alloc(1024 * 1024 + 10, 0x20),
  });
  await expect(page.getByText(/at most 1 MB/)).toBeVisible();

  await page
    .getByRole("group", { name: "Operations", exact: true })
    .getByRole("checkbox", { name: "ListAlerts" })
    .check();
  let entries = await exportPackage(page);
  expect(new TextDecoder().decode(entries["script.csx"])).toContain("// uploaded");
  expect(
    (json(entries, "apiProperties.json").properties as Record<string, unknown>).scriptOperations,
  ).toEqual(["ListAlerts"]);

  await enabled.uncheck();
  await expect(editor).toHaveCount(0);
  entries = await exportPackage(page);
  expect(entries["script.csx"]).toBeUndefined();
  await header(page).getByRole("button", { name: "Undo", exact: true }).click();
  await expect(enabled).toBeChecked();
  await expect(page.getByRole("region", { name: "Custom code" }).locator(".view-lines")).toContainText(
    "// uploaded",
  );
  await expect(
    page
      .getByRole("group", { name: "Operations", exact: true })
      .getByRole("checkbox", { name: "ListAlerts" }),
  ).toBeChecked();

  await expectNoSeriousViolations(page, "section[aria-label='Code step']");
});

test("a click in the Validation list opens General and focuses the field; keyboard-only editing", async ({
  page,
}) => {
  await newConnector(page);
  const definition = JSON.parse(await visibleEditorText(page)) as Record<string, unknown>;
  await pasteIntoSwaggerEditor(page, JSON.stringify({ ...definition, basePath: "api" }, null, 2));
  await openStep(page, "Security");
  const problem = page
    .getByRole("region", { name: "Validation" })
    .getByRole("button", { name: /BasePathNotValid/ });
  // By keyboard (the Validation list is also used without a mouse).
  await problem.focus();
  await page.keyboard.press("Enter");
  await expect(stepsTablist(page).getByRole("tab", { name: /^General/ })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  const basePath = page.getByLabel("Base URL");
  await expect(basePath).toBeFocused();
  await expect(basePath).toHaveValue("api");
  await expect(page.getByText("The base URL must start with '/'.")).toBeVisible();

  // Keyboard only: fix the value, then Tab on to the gateway box and tick it with Space.
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("/v1");
  await expect(swaggerEditor(page).locator(".view-lines")).toContainText('"basePath": "/v1"');
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Connect via on-premises data gateway")).toBeFocused();
  await page.keyboard.press("Space");
  await expect(page.getByLabel("Connect via on-premises data gateway")).toBeChecked();
});
