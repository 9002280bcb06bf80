import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ConnectorDocument } from "../../model/connector-document";
import { validConnector, withProperties } from "../../validation/__fixtures__/connector-fixture";
import { main } from "../main";

async function writePackage(dir: string, doc: ConnectorDocument): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "apiDefinition.swagger.json"), JSON.stringify(doc.definition, null, 4));
  await writeFile(path.join(dir, "apiProperties.json"), JSON.stringify(doc.properties, null, 4));
}

const TOKEN = "/properties/connectionParameters/token";
const withScopes = (scopes: string[]) =>
  withProperties(
    TOKEN,
    {
      type: "oauthSetting",
      oAuthSettings: {
        identityProvider: "aad",
        clientId: "abc",
        scopes,
        redirectMode: "Global",
        customParameters: { resourceUri: { value: "https://graph.microsoft.com" } },
      },
    },
    validConnector(),
  );

describe("connector-studio diff: authentication", () => {
  let dir: string;
  const out: string[] = [];
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "cs-diff-auth-"));
    out.length = 0;
    vi.spyOn(console, "log").mockImplementation((line: string) => void out.push(line));
    vi.spyOn(console, "error").mockImplementation((line: string) => void out.push(line));
  });
  afterEach(() => vi.restoreAllMocks());

  it("exits 1 and names the scope when an OAuth scope is removed", async () => {
    await writePackage(path.join(dir, "old"), withScopes(["Mail.Read", "User.Read"]));
    await writePackage(path.join(dir, "new"), withScopes(["User.Read"]));
    expect(await main(["diff", path.join(dir, "old"), path.join(dir, "new")])).toBe(1);
    expect(out).toContain(
      'BREAKING Connection parameter "token": the OAuth scope "Mail.Read" was removed. Existing connections will need to be re-authenticated. Actions that need the scope will fail. (/properties/connectionParameters/token/oAuthSettings/scopes)',
    );
    expect(out.at(-1)).toBe("1 change(s), 1 breaking");
  });
});
