import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";

// A maker builds a whole connector from blank through the forms alone — General, API key security, an
// action from a sample request and a sample response — exports it, and the exported files are checked
// field by field.

type Json = Record<string, unknown>;

function at(value: unknown, ...path: (string | number)[]): unknown {
  let node: unknown = value;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[String(key)];
  }
  return node;
}

async function openStep(page: Page, name: string) {
  await page.getByRole("tab", { name: new RegExp(`^${name}`) }).click();
}

test("a maker builds a connector from blank through the forms and exports it", async ({ page }) => {
  test.setTimeout(120_000);
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.setViewportSize({ width: 1600, height: 1400 });
  await page.goto("/");
  await page.getByRole("button", { name: "New connector" }).first().click();

  // General.
  await openStep(page, "General");
  const general = page.getByRole("region", { name: "General step" }).first();
  await general.getByLabel("Connector name").fill("Contoso Lists");
  await general
    .getByLabel("Description", { exact: true })
    .fill("Manage the lists and items of Contoso Lists.");
  await general.getByLabel("Host").fill("lists.contoso.com");
  await general.getByLabel("Base URL").fill("/v1");
  await general.getByLabel("Icon background color").fill("#336699");

  // Security: API key in a header.
  await openStep(page, "Security");
  const security = page.getByRole("region", { name: "Security step" }).first();
  await security.getByLabel("Authentication type").selectOption({ label: "API Key" });
  const confirm = page.getByRole("dialog").getByRole("button", { name: "Change" });
  if (await confirm.isVisible().catch(() => false)) await confirm.click();
  await security.getByLabel("Parameter label").fill("Contoso API key");
  await security.getByLabel("Parameter name").fill("X-Api-Key");
  await security.getByRole("radio", { name: "Header" }).check();

  // Definition: an action from a sample request and a sample response.
  await openStep(page, "Definition");
  const definition = page.getByRole("region", { name: "Definition step" });
  await definition.getByRole("button", { name: "New action" }).click();
  await definition.getByLabel("Summary", { exact: true }).fill("Create an item");
  await definition.getByLabel("Description", { exact: true }).fill("Creates an item in a list.");
  await definition.getByLabel("Operation ID").fill("CreateItem");
  await definition.getByLabel("Visibility").selectOption("important");

  await definition.getByRole("button", { name: "Import from sample" }).click();
  const request = page.getByRole("dialog", { name: "Import from sample" });
  await request.getByLabel("Verb").selectOption("POST");
  await request.getByLabel("URL").fill("https://lists.contoso.com/v1/lists/{listId}/items?notify=true");
  await request
    .getByLabel("Headers")
    .fill("Content-Type: application/json\nX-Api-Key: secret\nX-Request-Source: flow");
  await request
    .getByLabel("Body")
    .fill('{"title":"Milk","quantity":2,"price":1.25,"due":"2025-03-01T10:00:00Z"}');
  await request.getByRole("button", { name: "Import" }).click();
  await expect(request).toBeHidden();

  await definition.getByRole("button", { name: "Add default response" }).click();
  const response = page.getByRole("dialog", { name: "Add default response" });
  await response
    .getByLabel("Body")
    .fill('{"id":42,"title":"Milk","createdAt":"2025-03-01T10:00:00Z","tags":["food"]}');
  await response.getByRole("button", { name: "Import" }).click();
  await expect(definition.getByRole("group", { name: "Response 200", exact: true })).toContainText(
    "createdAt",
  );

  // Export and read the zip.
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export" }).click();
  const errorsDialog = page.getByRole("dialog").getByRole("button", { name: /Export anyway/i });
  if (await errorsDialog.isVisible({ timeout: 3000 }).catch(() => false)) await errorsDialog.click();
  const download = await downloadPromise;
  const zipPath = await download.path();
  const files = unzipSync(new Uint8Array(readFileSync(zipPath)));
  const names = Object.keys(files);
  const file = (name: string) => {
    const key = names.find((n) => n === name || n.endsWith(`/${name}`));
    if (!key) throw new Error(`${name} is missing from the export (has ${names.join(", ")})`);
    return JSON.parse(strFromU8(files[key] as Uint8Array)) as Json;
  };
  const swagger = file("apiDefinition.swagger.json");
  const props = file("apiProperties.json");

  // General.
  expect(at(swagger, "swagger")).toBe("2.0");
  expect(at(swagger, "info", "title")).toBe("Contoso Lists");
  expect(at(swagger, "info", "description")).toBe("Manage the lists and items of Contoso Lists.");
  expect(at(swagger, "host")).toBe("lists.contoso.com");
  expect(at(swagger, "basePath")).toBe("/v1");
  expect(at(swagger, "schemes")).toEqual(["https"]);
  expect(at(props, "properties", "iconBrandColor")).toBe("#336699");

  // Security.
  const schemes = at(swagger, "securityDefinitions") as Json;
  const [schemeName, scheme] = Object.entries(schemes)[0] ?? [];
  expect(scheme).toMatchObject({ type: "apiKey", in: "header", name: "X-Api-Key" });
  expect(at(swagger, "security")).toEqual([{ [schemeName as string]: [] }]);
  const connectionParameters = at(props, "properties", "connectionParameters") as Json;
  const apiKey = Object.values(connectionParameters)[0];
  expect(at(apiKey, "type")).toBe("securestring");
  expect(at(apiKey, "uiDefinition", "displayName")).toBe("Contoso API key");

  // Definition: the operation, its parameters (no Content-Type or API key header), body and response schemas.
  const operation = at(swagger, "paths", "/lists/{listId}/items", "post") as Json;
  expect(operation).toMatchObject({
    summary: "Create an item",
    description: "Creates an item in a list.",
    operationId: "CreateItem",
    "x-ms-visibility": "important",
  });
  const parameters = operation.parameters as Json[];
  expect(parameters.map((p) => `${String(p.in)}:${String(p.name)}`)).toEqual([
    "path:listId",
    "query:notify",
    "header:X-Request-Source",
    "body:body",
  ]);
  expect(parameters[0]).toMatchObject({ required: true, type: "string", "x-ms-summary": "List ID" });
  // Sample values are examples for the Test step, not defaults the connector would send.
  expect(parameters[1]).toMatchObject({ type: "boolean", "x-ms-test-value": true });
  expect(parameters[1]).not.toHaveProperty("default");
  const body = at(parameters[3], "schema");
  expect(at(body, "properties", "quantity")).toMatchObject({
    type: "integer",
    format: "int32",
    "x-ms-summary": "Quantity",
  });
  expect(at(body, "properties", "price")).toMatchObject({ type: "number", format: "float" });
  expect(at(body, "properties", "due")).toMatchObject({ type: "string", format: "date-time" });
  const ok = at(operation, "responses", "200");
  expect(at(operation, "responses", "default")).toBeUndefined();
  expect(at(ok, "schema", "properties", "id")).toMatchObject({ type: "integer", format: "int32" });
  expect(at(ok, "schema", "properties", "createdAt")).toMatchObject({ type: "string", format: "date-time" });
  expect(at(ok, "schema", "properties", "tags")).toMatchObject({ type: "array", items: { type: "string" } });
  // The placeholder path of the new action is gone.
  expect(Object.keys(at(swagger, "paths") as Json)).toEqual(["/lists/{listId}/items"]);
  expect(pageErrors).toEqual([]);
});
