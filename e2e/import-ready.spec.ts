import { expect, test } from "@playwright/test";
import { dropFiles } from "./support/drop-files";
import { connectorsNav, openAppForEachTest } from "./support/workspace";

// Issue 10: imports that come out as export-ready connectors. A Postman collection whose path variables are
// empty keeps every path segment: each {{variable}} segment is a path parameter, no two requests merge.

openAppForEachTest();

const collection = {
  info: {
    name: "Sessions API",
    schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
  },
  variable: [
    { key: "baseUrl", value: "https://api.example.com/v1" },
    { key: "sessionId", value: "" },
    { key: "archiveId", value: "" },
  ],
  item: [
    { name: "Stop archive", request: { method: "POST", url: "{{baseUrl}}/archive/{{archiveId}}/stop" } },
    { name: "Stop all archives", request: { method: "POST", url: "{{baseUrl}}/archive/stop" } },
    { name: "Get session", request: { method: "GET", url: "{{baseUrl}}/session/{{sessionId}}" } },
    { name: "List sessions", request: { method: "GET", url: "{{baseUrl}}/session" } },
  ],
};

test("a Postman collection with empty path variables keeps every path segment", async ({ page }) => {
  await dropFiles(page, [
    {
      name: "sessions.postman_collection.json",
      bytes: new TextEncoder().encode(JSON.stringify(collection)),
      mimeType: "application/json",
    },
  ]);
  await expect(connectorsNav(page)).toContainText("Sessions API");
  const report = page.getByRole("region", { name: "Import report" });
  await expect(report).toContainText("{{archiveId}}, {{sessionId}} form whole path segments");
  await expect(report).not.toContainText("merged into one operation");

  await page.getByRole("tab", { name: "Definition" }).click();
  await expect(page.getByTestId("operation-count")).toHaveText("4 operations");
  const actions = page.getByRole("list", { name: "Actions" });
  for (const [name, key] of [
    ["Stop archive", "POST /archive/{archiveId}/stop"],
    ["Stop all archives", "POST /archive/stop"],
    ["Get session", "GET /session/{sessionId}"],
    ["List sessions", "GET /session"],
  ] as const) {
    const method = key.split(" ")[0] ?? "";
    await expect(actions.getByRole("button", { name: `${method} ${name}`, exact: true })).toHaveAttribute(
      "title",
      new RegExp(`^${key.replace(/[{}/]/g, "\\$&")} \\(`),
    );
  }
});
