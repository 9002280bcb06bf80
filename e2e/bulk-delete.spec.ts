import { expect, test, type Page } from "@playwright/test";
import { dropFiles } from "./support/drop-files";
import { connectorItems, header, openAppForEachTest } from "./support/workspace";

// Issue 10: operations can be deleted several at a time in Definition (checkboxes + Delete selected), as one
// undo step with the same cleanup as deleting one.

openAppForEachTest();

const ok = { responses: { "200": { description: "OK" } } };
const DOC = {
  swagger: "2.0",
  info: { title: "Lists Connector", description: "Lists and items", version: "1.0" },
  host: "api.contoso.com",
  basePath: "/",
  schemes: ["https"],
  paths: {
    "/lists": { get: { ...ok, operationId: "ListLists", summary: "List lists" } },
    "/items": {
      get: {
        ...ok,
        operationId: "GetItems",
        summary: "Get items",
        parameters: [
          {
            name: "list",
            in: "query",
            type: "string",
            "x-ms-dynamic-values": { operationId: "ListLists", "value-path": "id" },
          },
        ],
      },
      post: { ...ok, operationId: "CreateItem", summary: "Create item" },
    },
  },
};

async function openDefinition(page: Page) {
  await dropFiles(page, [
    { name: "apiDefinition.swagger.json", bytes: new TextEncoder().encode(JSON.stringify(DOC)) },
  ]);
  await expect(connectorItems(page)).toHaveCount(1);
  await page.getByRole("tab", { name: /^Definition/ }).click();
  const s = page.getByRole("region", { name: "Definition step" });
  await expect(s.getByTestId("operation-count")).toHaveText("3 operations");
  return s;
}

test("Delete selected deletes the ticked operations as one undo step, saying first what else changes", async ({
  page,
}) => {
  const s = await openDefinition(page);
  const deleteSelected = s.getByRole("button", { name: "Delete selected" });
  await expect(deleteSelected).toBeDisabled();

  await s.getByRole("checkbox", { name: "Select List lists" }).check();
  await s.getByRole("checkbox", { name: "Select Create item" }).check();
  await expect(s.getByText("2 selected")).toBeVisible();
  await deleteSelected.click();

  // GetItems' dropdown names ListLists: the delete keeps it and says so, like deleting one operation.
  const confirm = page.getByRole("alertdialog", { name: "Delete operations" });
  await expect(confirm).toContainText("1 reference from other operations (x-ms-dynamic-values)");
  await confirm.getByRole("button", { name: "Delete 2 operations" }).click();
  await expect(s.getByTestId("operation-count")).toHaveText("1 operation");
  await expect(s.getByRole("list", { name: "Actions" })).toContainText("Get items");
  await expect(deleteSelected).toBeDisabled();

  // One undo step brings both back.
  await header(page).getByRole("button", { name: "Undo" }).click();
  await expect(s.getByTestId("operation-count")).toHaveText("3 operations");

  // Select all shown follows the search; deleting operations that only name each other asks nothing.
  await s.getByLabel("Search operations").fill("items");
  await s.getByRole("checkbox", { name: "Select all shown" }).check();
  await expect(s.getByText("2 selected")).toBeVisible();
  await s.getByLabel("Search operations").fill("");
  await s.getByRole("checkbox", { name: "Select List lists" }).check();
  await deleteSelected.click();
  await expect(s.getByTestId("operation-count")).toHaveText("0 operations");
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
});
