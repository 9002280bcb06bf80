import { expect, test } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { readFile } from "node:fs/promises";
import { pickImportFiles } from "./support/drop-files";
import { openApp } from "./support/workspace";

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value, null, 2));

const makerVersion = {
  swagger: "2.0",
  info: { title: "Contoso Lists", description: "Lists and items at Contoso.", version: "1.0" },
  host: "api.contoso.com",
  basePath: "/",
  schemes: ["https"],
  paths: {
    "/lists": {
      get: {
        operationId: "GetLists",
        summary: "Get my lists",
        "x-ms-visibility": "important",
        responses: { "200": { description: "OK" } },
      },
    },
  },
  securityDefinitions: { "API Key": { type: "apiKey", in: "header", name: "X-Key" } },
};
const properties = {
  properties: { iconBrandColor: "#123456", connectionParameters: { api_key: { type: "securestring" } } },
};
const newerApi = {
  swagger: "2.0",
  info: { title: "Contoso API", version: "2.0" },
  host: "api.contoso.com",
  paths: {
    "/lists": {
      get: { operationId: "listLists", summary: "List lists", responses: { "200": { description: "OK" } } },
    },
    "/items": {
      get: { operationId: "listItems", summary: "List items", responses: { "200": { description: "OK" } } },
    },
  },
};

test("updating a connector from a newer API version keeps the maker's edits and lists the changes", async ({
  page,
}) => {
  await openApp(page);
  await pickImportFiles(page, [
    { name: "apiDefinition.swagger.json", bytes: json(makerVersion) },
    { name: "apiProperties.json", bytes: json(properties) },
  ]);
  await expect(page.getByRole("navigation", { name: "Connectors" })).toContainText("Contoso Lists");

  await page.getByLabel("Update from file").setInputFiles({
    name: "contoso-v2.swagger.json",
    mimeType: "application/json",
    buffer: Buffer.from(json(newerApi)),
  });
  const report = page.getByRole("region", { name: "Import report" });
  await expect(report).toContainText("your edits were kept");
  await expect(report).toContainText("listItems");
  // Still one connector: an update never creates a copy.
  await expect(page.getByRole("navigation", { name: "Connectors" }).getByRole("listitem")).toHaveCount(1);

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export", exact: true }).click();
  const zip = unzipSync(new Uint8Array(await readFile((await (await download).path()) as string)));
  const definition = JSON.parse(strFromU8(zip["apiDefinition.swagger.json"] as Uint8Array));
  expect(definition.info.title).toBe("Contoso Lists");
  expect(definition.paths["/lists"].get).toMatchObject({
    operationId: "GetLists",
    summary: "Get my lists",
    "x-ms-visibility": "important",
  });
  expect(definition.paths["/items"].get.operationId).toBe("listItems");
  expect(definition.securityDefinitions["API Key"]).toEqual({ type: "apiKey", in: "header", name: "X-Key" });
  expect(JSON.parse(strFromU8(zip["apiProperties.json"] as Uint8Array)).properties.iconBrandColor).toBe(
    "#123456",
  );

  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(page.getByRole("region", { name: "Swagger editor" })).not.toContainText("listItems");
});
