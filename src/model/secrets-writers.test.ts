/**
 * Every writer of a connector (a file, a download, a draft, a link) leaves the OAuth client secret out, whatever
 * it looks like. The first part runs each writer on a connector holding secrets; the second lists every module
 * of src that can write something out of memory, so that a new writer fails here until it is routed through
 * `documentForWriting` and added to the first part (or explained).
 */
import { strFromU8, unzipSync } from "fflate";
import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { encodeDraft } from "../app/persistence/draft-format";
import { main as runCli } from "../cli/main";
import { exportPackageFiles, exportPackageZip } from "../export/export-package";
import { exportLogicApps } from "../export/logic-apps/custom-api-template";
import { buildCertificationPackage, certificationPackageZip } from "../review/certification-package";
import { encodeShareFragment } from "../review/share-link";
import { exportSnapshotOf } from "../app/persistence/export-snapshots";
import type { ConnectorDocument } from "./connector-document";
import { createEmptyConnector } from "./create-empty-connector";
import { stringifyJson } from "./text/json-text";

/** Secret values that look like placeholders: each must vanish from every output. */
const SECRETS = ["A1B2C3D4E5F60718293A4B5C6D7E8F90", "QWERTYUIOPASDFGHJKL1234", "{…}"] as const;

function connectorWithSecrets(): ConnectorDocument {
  const doc = createEmptyConnector("Contoso");
  return {
    ...doc,
    properties: {
      properties: {
        connectionParameters: {
          token: {
            type: "oauthSetting",
            oAuthSettings: { identityProvider: "oauth2", clientId: "client-id", clientSecret: SECRETS[0] },
          },
        },
        connectionParameterSets: {
          values: [
            {
              name: "first",
              parameters: { token: { oAuthSettings: { clientId: "x", clientSecret: SECRETS[1] } } },
            },
            { name: "second", parameters: { token: { oAuthSettings: { clientSecret: SECRETS[2] } } } },
          ],
        },
        iconBrandColor: "#007ee5",
      },
    },
  };
}

function unzipText(bytes: Uint8Array): string {
  return Object.entries(unzipSync(bytes))
    .map(([name, content]) => `${name}\n${strFromU8(content)}`)
    .join("\n");
}

async function allFilesText(dir: string): Promise<string> {
  const parts: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const bytes = new Uint8Array(await readFile(file));
    parts.push(file, file.endsWith(".zip") ? unzipText(bytes) : strFromU8(bytes));
  }
  return parts.join("\n");
}

/** Writes the connector as a package folder (the way a maker hands it to the CLI), secrets included. */
async function packageFolder(root: string, doc: ConnectorDocument): Promise<string> {
  const folder = path.join(root, "Contoso");
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, "apiDefinition.swagger.json"), stringifyJson(doc.definition, 2));
  await writeFile(path.join(folder, "apiProperties.json"), stringifyJson(doc.properties, 2));
  return folder;
}

let logged: string[] = [];
let dir = "";
beforeEach(async () => {
  logged = [];
  dir = await mkdtemp(path.join(tmpdir(), "cs-secrets-"));
  const capture = (...args: unknown[]) => void logged.push(args.map(String).join(" "));
  vi.spyOn(console, "log").mockImplementation(capture);
  vi.spyOn(console, "error").mockImplementation(capture);
  vi.spyOn(console, "warn").mockImplementation(capture);
});
afterEach(() => vi.restoreAllMocks());

/** Every writer, with what it writes as text (files, archive entries, records, links, logs). */
const WRITERS: { name: string; module: string; write: (doc: ConnectorDocument) => Promise<string> }[] = [
  {
    name: "Export zip",
    module: "src/export/export-package.ts",
    write: async (doc) => unzipText(exportPackageZip(doc)),
  },
  {
    name: "package files (and their notes)",
    module: "src/export/export-package.ts",
    write: async (doc) => {
      const { files, notes } = exportPackageFiles(doc);
      return [...files.map((f) => strFromU8(f.bytes)), ...notes].join("\n");
    },
  },
  {
    name: "Logic Apps ARM template (and its notes)",
    module: "src/export/logic-apps/custom-api-template.ts",
    write: async (doc) => {
      const { text, notes } = exportLogicApps(doc, "arm");
      return [text, ...notes].join("\n");
    },
  },
  {
    name: "Logic Apps Bicep file (and its notes)",
    module: "src/export/logic-apps/custom-api-template.ts",
    write: async (doc) => {
      const { text, notes } = exportLogicApps(doc, "bicep");
      return [text, ...notes].join("\n");
    },
  },
  {
    name: "certification package",
    module: "src/review/certification-package.ts",
    write: async (doc) => {
      const pkg = buildCertificationPackage(doc, { independentPublisher: false, includeIntro: true });
      return [unzipText(certificationPackageZip(pkg)), ...pkg.notes].join("\n");
    },
  },
  {
    name: "IndexedDB draft",
    module: "src/app/persistence/draft-format.ts",
    write: async (doc) => JSON.stringify(encodeDraft("c1", doc, { savedAt: 1, saveCount: 1, owner: "tab" })),
  },
  {
    name: "export snapshot (IndexedDB)",
    module: "src/app/persistence/export-snapshots.ts",
    write: async (doc) => JSON.stringify(exportSnapshotOf("c1", doc, 1)),
  },
  {
    name: "share link",
    module: "src/review/share-link.ts",
    write: async (doc) => {
      const fragment = encodeShareFragment(doc) ?? "";
      const base64 = fragment.slice("connector=".length).replace(/-/g, "+").replace(/_/g, "/");
      const { inflateSync } = await import("fflate");
      return fragment + "\n" + strFromU8(inflateSync(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))));
    },
  },
  {
    name: "CLI import (package, report, log)",
    module: "src/cli/commands/import-command.ts",
    write: async (doc) => {
      const input = await packageFolder(dir, doc);
      const out = path.join(dir, "out");
      const code = await runCli(["import", input, "--out", out, "--report", path.join(out, "report.json")]);
      expect(code).toBe(0);
      return (await allFilesText(out)) + "\n" + logged.join("\n");
    },
  },
  {
    name: "CLI package (zip, log)",
    module: "src/cli/commands/package-command.ts",
    write: async (doc) => {
      const input = await packageFolder(dir, doc);
      const out = path.join(dir, "out");
      const code = await runCli(["package", input, "--out", path.join(out, "cert.zip"), "--allow-errors"]);
      expect(code).toBe(0);
      return (await allFilesText(out)) + "\n" + logged.join("\n");
    },
  },
];

describe("every writer leaves client secrets out", () => {
  it.each(WRITERS)("$name", async ({ write }) => {
    const written = await write(connectorWithSecrets());
    expect(written).toContain("client-id");
    for (const secret of SECRETS) expect(written).not.toContain(secret);
  });
});

/**
 * Modules that can write something out of memory (files, archives, downloads, storage, the clipboard,
 * compressed links), and why each is safe. A module not listed here fails the test below.
 */
const OUTPUT_MODULES: Record<string, string> = {
  "src/export/export-package.ts": "writer above (documentForWriting)",
  "src/review/certification-package.ts": "writer above (documentForWriting)",
  "src/review/share-link.ts": "writer above (documentForWriting)",
  "src/app/persistence/export-snapshots.ts": "writer above (documentForWriting)",
  "src/cli/output-files.ts":
    "writes what the CLI import and package commands hand it (writers above, through exportPackageFiles and buildCertificationPackage)",
  "src/importers/__fixtures__/golden.ts": "rewrites golden test files (UPDATE_GOLDEN=1), never a connector",
  "src/app/persistence/draft-database.ts": "stores the records of encodeDraft (writer above)",
  "src/app/persistence/early-read.ts": "reads drafts",
  "src/app/app.tsx": "downloads the zip of exportPackageZip (writer above)",
  "src/app/logic-apps-export.tsx": "downloads the template of exportLogicApps (writer above)",
  "src/features/review/certification-export-dialog.tsx": "downloads certificationPackageZip (writer above)",
  "src/features/review/share-dialog.tsx": "copies the link of encodeShareFragment (writer above)",
  "src/features/review/compare-dialog.tsx":
    "downloads the change list (messages name parameters, never values)",
  "src/lib/download.ts": "the download helper its callers use",
  "src/app/split-pane.tsx": "the width of the split pane",
  "src/lib/stored-preference.ts": "yes/no layout preferences (Swagger editor shown, Validation open)",
  "src/features/general/general-step.tsx": "a preview URL of the icon",
  "src/features/review/operations-inspector.tsx": "a URL of the icon for the action card's header",
  "src/features/review/review-notes-view.tsx":
    "downloads the reviewer's notes and sign-offs as Markdown (the reviewer's own words, no connector values)",
  "src/lib/theme.ts": "the Dark theme choice (yes/no)",
  "src/features/try-it/response-view.tsx": "a response body the maker downloads",
  "src/features/try-it/request-view.tsx": "the curl command of a Test call, copied on request",
  "src/features/try-it/connection-store.ts":
    "Test-step credentials in this tab's sessionStorage, only after the maker ticks Remember for this browser tab",
};

const OUTPUT_CALL =
  /\bwriteFile(Sync)?\(|\bzipSync\(|\bdeflateSync\(|\bcreateObjectURL\(|\bdownloadFile\(|\bsessionStorage\b|\blocalStorage\b|clipboard\.writeText\(|\bopenDB\b|\bindexedDB\b/;

function sourceFiles(dirPath: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dirPath, { withFileTypes: true })) {
    const full = path.join(dirPath, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");
}

describe("the list of writers is complete", () => {
  const root = path.resolve(import.meta.dirname, "../..");

  it("every module that writes out of memory is a tested writer or explained", () => {
    const found = sourceFiles(path.join(root, "src"))
      .filter((file) => OUTPUT_CALL.test(withoutComments(readFileSync(file, "utf8"))))
      .map((file) => path.relative(root, file).split(path.sep).join("/"))
      .sort();
    const unlisted = found.filter((file) => !(file in OUTPUT_MODULES));
    expect(
      unlisted,
      "new writer: make it write documentForWriting(doc).document, add it to WRITERS, then to OUTPUT_MODULES",
    ).toEqual([]);
    expect(Object.keys(OUTPUT_MODULES).filter((file) => !found.includes(file))).toEqual([]);
  });

  it("the core writers call documentForWriting themselves", () => {
    for (const module of new Set(WRITERS.map((w) => w.module)))
      if (!module.startsWith("src/cli/"))
        expect(readFileSync(path.join(root, module), "utf8"), module).toContain("documentForWriting(");
  });
});
