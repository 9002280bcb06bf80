import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { pickImportFiles } from "./support/drop-files";
import { swaggerEditor } from "./support/swagger-editor";
import { openApp, stepsTablist } from "./support/workspace";
import { startSoapLedger, type SoapLedger } from "./servers/soap-ledger";

// SOAP from WSDL 1.1 (issue 16): the test WSDL imports, its operations are listed, and the Test step sends a
// SOAP 1.2 envelope to a loopback SOAP server and shows the XML response.

const SOAP_PORT = 4331;
let ledger: SoapLedger;

test.beforeAll(async () => {
  ledger = await startSoapLedger(SOAP_PORT);
});

test.afterAll(async () => {
  await ledger?.close();
});

test("a WSDL imports, and the Test step sends the SOAP envelope and shows the XML response", async ({
  page,
}) => {
  const wsdl = readFileSync(
    join(import.meta.dirname, "../src/importers/wsdl/__fixtures__/golden/ledger.wsdl"),
    "utf8",
  ).replaceAll("127.0.0.1:8731", `127.0.0.1:${SOAP_PORT}`);
  await openApp(page);
  await pickImportFiles(page, [
    { name: "ledger.wsdl", bytes: new TextEncoder().encode(wsdl), mimeType: "application/xml" },
  ]);
  await expect(swaggerEditor(page).locator(".view-lines")).toContainText("LedgerService");

  await stepsTablist(page).getByRole("tab", { name: /^Test/ }).click();
  await expect(page.getByRole("heading", { name: "Test", exact: true, level: 2 })).toBeVisible();
  const operations = page.getByRole("list", { name: "Operations" });
  await expect(operations.getByRole("button", { name: /Post entry/ })).toBeVisible();
  await operations.getByRole("button", { name: /Get balance/ }).click();

  await page.getByRole("button", { name: "Test operation" }).click();
  const response = page.getByRole("region", { name: "Response" });
  await expect(response.getByTestId("response-status")).toHaveText("200 OK");
  await expect(response.getByLabel("Response body")).toContainText("<amount>1250.75</amount>");
  const hit = ledger.hits.at(-1);
  expect(hit?.url).toBe("/ledger/service.svc");
  expect(hit?.contentType).toContain('action="urn:example:ledger/GetBalance"');
  expect(hit?.body).toContain('<GetBalance xmlns="urn:example:ledger:types">');
});
