import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DB_NAME, DB_VERSION, WORKSPACE_KEY } from "./database-schema";

// index.html opens the database before the app's code has loaded (see early-read.ts): it must open the
// same database, at the same version, with the same stores as database-schema.ts.
describe("the early read in index.html", () => {
  const html = readFileSync(new URL("../../../index.html", import.meta.url), "utf8");

  it("opens the app's database at its version", () => {
    expect(html).toContain(`indexedDB.open(${JSON.stringify(DB_NAME)}, ${DB_VERSION})`);
  });

  it("creates the same stores and reads the workspace record by its key", () => {
    expect(html).toContain('createObjectStore("drafts", { keyPath: "id" })');
    expect(html).toContain('createObjectStore("workspace")');
    expect(html).toContain('createObjectStore("set-aside", { autoIncrement: true })');
    expect(html).toContain(`.get(${JSON.stringify(WORKSPACE_KEY)})`);
  });
});
