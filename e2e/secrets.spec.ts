import { expect, test, type Page } from "@playwright/test";
import { pickImportFiles } from "./support/drop-files";
import { connectorsNav, openAppForEachTest, stepsTablist, waitForSaved } from "./support/workspace";

// Credentials never leave memory: not the Import report, not the saved draft (what a reload restores).
openAppForEachTest();

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value, null, 2));

async function openStep(page: Page, name: string): Promise<void> {
  await stepsTablist(page)
    .getByRole("tab", { name: new RegExp(`^${name}`) })
    .click();
  await expect(page.getByRole("heading", { name, exact: true, level: 2 })).toBeVisible();
}

test("a Postman collection's URL password and function key are withheld, and the Import report says so", async ({
  page,
}) => {
  await pickImportFiles(page, [
    {
      name: "functions.postman_collection.json",
      bytes: json({
        info: {
          name: "Functions",
          schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
        },
        variable: [{ key: "baseUrl", value: "https://alice:s3cr3t-pa55@fn.contoso.com/api" }],
        item: [
          {
            name: "Run",
            request: {
              method: "GET",
              url: "{{baseUrl}}/run",
              header: [{ key: "X-Functions-Key", value: "fn-key-value" }],
            },
          },
        ],
      }),
    },
  ]);
  const report = page.getByRole("region", { name: "Import report" });
  await expect(report).toContainText("user name and password");
  await expect(report).toContainText('The value of the header "X-Functions-Key" was withheld');
  await expect(report).not.toContainText("s3cr3t-pa55");
  await expect(report).not.toContainText("fn-key-value");
  await expect(page.getByRole("region", { name: "Swagger editor" })).toContainText("fn.contoso.com");
});

test("an imported client secret that looks like a placeholder is shown as never saved, and a reload drops it", async ({
  page,
}) => {
  await pickImportFiles(page, [
    {
      name: "apiDefinition.swagger.json",
      bytes: json({
        swagger: "2.0",
        info: { title: "Contoso OAuth", version: "1.0" },
        host: "api.contoso.com",
        basePath: "/",
        schemes: ["https"],
        paths: {},
        securityDefinitions: {
          oauth2_auth: {
            type: "oauth2",
            flow: "accessCode",
            authorizationUrl: "https://login.contoso.com/authorize",
            tokenUrl: "https://login.contoso.com/token",
            scopes: {},
          },
        },
      }),
    },
    {
      name: "apiProperties.json",
      bytes: json({
        properties: {
          connectionParameters: {
            token: {
              type: "oauthSetting",
              oAuthSettings: {
                identityProvider: "oauth2",
                clientId: "contoso-client",
                clientSecret: "A1B2C3D4E5F60718293A4B5C6D7E8F90",
                scopes: [],
                redirectMode: "Global",
              },
            },
          },
        },
      }),
    },
  ]);
  await expect(connectorsNav(page)).toContainText("Contoso OAuth");
  await openStep(page, "Security");
  await expect(page.getByRole("status").filter({ hasText: "contain a client secret" })).toContainText(
    "It is never saved",
  );

  await waitForSaved(page);
  await page.reload();
  await openStep(page, "Security");
  await expect(page.getByLabel("Client ID")).toHaveValue("contoso-client");
  await expect(page.getByText("contain a client secret")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Swagger editor" })).not.toContainText(
    "A1B2C3D4E5F60718293A4B5C6D7E8F90",
  );
});
