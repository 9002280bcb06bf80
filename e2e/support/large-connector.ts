import { expect, type Page } from "@playwright/test";
import { dropFiles } from "./drop-files";
import { connectorsNav } from "./workspace";

/**
 * A generated connector as large as the largest published one (219 operations, about 40 lines each in the
 * Swagger editor), valid enough to import as it is: no corpus file needed. Operation `i` is `GET /items{i}`,
 * `ListItems{i}`, "List items of collection {i}".
 */
export function largeConnector(title: string, operations = 219): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (let i = 0; i < operations; i++) {
    paths[`/items${i}`] = {
      get: {
        operationId: `ListItems${i}`,
        summary: `List items of collection ${i}`,
        description: `Lists the items of collection ${i}, newest first.`,
        parameters: [
          {
            name: "top",
            in: "query",
            type: "integer",
            "x-ms-summary": "Top",
            description: "How many items.",
          },
          {
            name: "skip",
            in: "query",
            type: "integer",
            "x-ms-summary": "Skip",
            description: "Items to skip.",
          },
        ],
        responses: {
          "200": {
            description: "OK",
            schema: {
              type: "object",
              properties: {
                id: { type: "string", "x-ms-summary": "ID", description: "The item's ID." },
                name: { type: "string", "x-ms-summary": "Name", description: "The item's name." },
              },
            },
          },
        },
      },
    };
  }
  return {
    swagger: "2.0",
    info: { title, description: `${title}, generated for the workbench tests`, version: "1.0" },
    host: "lists.fabrikam.io",
    basePath: "/",
    schemes: ["https"],
    consumes: [],
    produces: ["application/json"],
    paths,
    definitions: { Item: { type: "object", properties: { id: { type: "string" } } } },
    parameters: {},
    responses: {},
    securityDefinitions: {},
    security: [],
    tags: [],
  };
}

/** Drops {@link largeConnector} on the window and waits until it is the open connector. */
export async function importLargeConnector(page: Page, title: string, operations = 219): Promise<void> {
  const bytes = new TextEncoder().encode(JSON.stringify(largeConnector(title, operations)));
  await dropFiles(page, [{ name: `${title}.swagger.json`, bytes, mimeType: "application/json" }]);
  await expect(connectorsNav(page).getByRole("button", { name: new RegExp(`^${title} `) })).toHaveAttribute(
    "aria-current",
    "true",
  );
}
