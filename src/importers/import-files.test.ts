import { strToU8, zipSync, type Zippable } from "fflate";
import { describe, expect, it } from "vitest";
import { exportPackageFiles } from "../export/export-package";
import { importFiles } from "./import-files";
import type { InputFile } from "./import-types";

const definition = {
  swagger: "2.0",
  info: { title: "Contoso", description: "Contoso API", version: "1.0" },
  host: "api.contoso.com",
  basePath: "/v1",
  schemes: ["https"],
  paths: { "/items": { get: { operationId: "ListItems", responses: { "200": { description: "OK" } } } } },
  securityDefinitions: { "API Key": { type: "apiKey", in: "header", name: "X-Key" } },
  "x-ms-connector-metadata": [{ propertyName: "Website", propertyValue: "https://contoso.com" }],
};
const properties = { properties: { iconBrandColor: "#123456", connectionParameters: {}, "x-unknown": 1 } };

const file = (path: string, content: string | Uint8Array): InputFile => ({
  path,
  bytes: typeof content === "string" ? strToU8(content) : content,
});
const json = (value: unknown) => JSON.stringify(value, null, 2);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

describe("importFiles", () => {
  it("reads a connector package dropped as files, matching the definition name case-insensitively", () => {
    const outcome = importFiles([
      file("MyConnector/APIDEFINITION.Swagger.JSON", json(definition)),
      file("MyConnector/apiProperties.json", json(properties)),
      file("MyConnector/icon.png", PNG),
      file("MyConnector/script.csx", "public class Script : ScriptBase {}"),
      file("MyConnector/settings.json", json({ connectorId: "abc", environment: "env" })),
    ]);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.kind).toBe("connector-package");
    expect(outcome.name).toBe("MyConnector");
    expect(outcome.document.definition).toEqual(definition);
    expect(outcome.document.properties).toEqual(properties);
    expect(outcome.document.icon?.bytes).toEqual(PNG);
    expect(outcome.document.script).toContain("ScriptBase");
    expect(outcome.document.settings).toEqual({ connectorId: "abc", environment: "env" });
  });

  it("reads a zip of a package and round-trips it to the same JSON", () => {
    const zip = zipSync({
      "apiDefinition.swagger.json": strToU8(json(definition)),
      "apiProperties.json": strToU8(json(properties)),
    });
    const outcome = importFiles([file("Contoso.zip", zip)]);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const exported = exportPackageFiles(outcome.document);
    const byName = Object.fromEntries(exported.files.map((f) => [f.path, new TextDecoder().decode(f.bytes)]));
    expect(byName["apiDefinition.swagger.json"]).toBe(JSON.stringify(definition, null, 4));
    expect(byName["apiProperties.json"]).toBe(JSON.stringify(properties, null, 4));
    expect(JSON.parse(byName["settings.json"] ?? "")).toMatchObject({
      apiDefinition: "apiDefinition.swagger.json",
      apiProperties: "apiProperties.json",
    });
  });

  it("reads a Swagger 2.0 YAML file and creates apiProperties from every security definition", () => {
    const yaml = [
      "swagger: '2.0'",
      "info: {title: Y, version: '1'}",
      "paths: {}",
      "securityDefinitions:",
      "  key: {type: apiKey, in: header, name: X-Key}",
      "  basic: {type: basic}",
    ].join("\n");
    const outcome = importFiles([file("api.yaml", yaml)]);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.kind).toBe("swagger");
    expect(outcome.name).toBe("api");
    expect(outcome.document.definition.info?.title).toBe("Y");
    expect(outcome.document.properties.properties).toBeDefined();
  });

  it("resolves a multi-file Swagger set from the files dropped with it, never from elsewhere", () => {
    const main = {
      swagger: "2.0",
      info: { title: "Pets", version: "1" },
      paths: {
        "/pets": {
          get: {
            operationId: "ListPets",
            responses: { "200": { description: "OK", schema: { $ref: "defs/pet.json#/Pet" } } },
          },
        },
      },
    };
    const outcome = importFiles([
      file("pets/swagger.json", json(main)),
      file("pets/defs/pet.json", json({ Pet: { type: "object", properties: { name: { type: "string" } } } })),
    ]);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(JSON.stringify(outcome.document.definition)).not.toContain("pet.json");
    const missing = importFiles([file("swagger.json", json(main))]);
    expect(missing.ok).toBe(false);
    if (missing.ok) return;
    expect(missing.problems[0]?.message).toContain("defs/pet.json");
  });

  it("makes Postman, OpenAPI 3 and bare Swagger imports export-ready and reports the fixes; leaves packages alone", () => {
    const collection = {
      info: { name: "Demo", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
      item: [{ name: "List items.", request: { method: "GET", url: "https://api.demo.io/items" } }],
    };
    const postman = importFiles([file("demo.postman_collection.json", json(collection))]);
    expect(postman.ok).toBe(true);
    if (!postman.ok) return;
    expect(JSON.stringify(postman.document.definition)).not.toContain("List items.");
    expect(postman.report.some((e) => e.kind === "fixed" && e.rule === "RestrictedCharactersInSummary")).toBe(
      true,
    );
    const openapi = {
      openapi: "3.0.0",
      info: { title: "Demo", version: "1" },
      servers: [{ url: "https://api.demo.io" }],
      paths: {
        "/items/{id}": {
          get: {
            operationId: "get-item",
            parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
            responses: { "200": { description: "OK" } },
          },
        },
      },
    };
    const converted = importFiles([file("demo.openapi.json", json(openapi))]);
    expect(converted.ok && converted.report.filter((e) => e.kind === "fixed").map((e) => e.rule)).toEqual([
      "OperationIdSanitized",
    ]);
    // An API description from elsewhere (no connector extensions): the import fixes it.
    const { "x-ms-connector-metadata": _metadata, ...plain } = definition;
    const messy = {
      ...plain,
      paths: {
        "/items": { get: { operationId: "list-items", responses: { "200": { description: "OK" } } } },
      },
    };
    const bare = importFiles([file("demo.swagger.json", json(messy))]);
    // …and says that its host (api.contoso.com) is a placeholder.
    expect(bare.ok && bare.report.map((e) => e.rule)).toEqual([
      "OperationIdSanitized",
      "PlaceholderHostName",
    ]);
    const pkg = importFiles([
      file("apiDefinition.swagger.json", json(messy)),
      file("apiProperties.json", json(properties)),
    ]);
    expect(pkg.ok && pkg.document.definition).toEqual(messy);
  });

  it("reports broken JSON with the file name and keeps nothing", () => {
    const outcome = importFiles([
      file("apiDefinition.swagger.json", '{\n  "swagger": "2.0",\n  "info": {,}\n}'),
    ]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems[0]?.file).toBe("apiDefinition.swagger.json");
    expect(outcome.problems[0]?.message).not.toBe("");
  });

  it("refuses input without an API definition, naming the files", () => {
    const outcome = importFiles([file("notes.txt", "hello"), file("apiProperties.json", json(properties))]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems[0]?.message).toMatch(/No API definition/);
  });

  it("inflates only the files of a package: an ignored entry is listed, never inflated", () => {
    const zip = zipSync({
      "apiDefinition.swagger.json": strToU8(json(definition)),
      "apiProperties.json": strToU8(json(properties)),
      "video.bin": [strToU8("x".repeat(1000)), { level: 6 }],
    } as Zippable);
    // Damage video.bin's deflated data (0xff: a reserved block type) so that inflating it would fail.
    const view = new DataView(zip.buffer);
    for (let i = 0; i + 4 <= zip.length; i++) {
      if (view.getUint32(i, true) !== 0x04034b50) continue;
      const nameLength = view.getUint16(i + 26, true);
      const start = i + 30 + nameLength + view.getUint16(i + 28, true);
      if (new TextDecoder().decode(zip.subarray(i + 30, i + 30 + nameLength)) === "video.bin")
        zip.fill(0xff, start, start + view.getUint32(i + 18, true));
    }
    const outcome = importFiles([file("Contoso.zip", zip)]);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.notes).toContainEqual({
      file: "video.bin",
      message: "Ignored: not part of a connector package.",
    });
  });

  it("refuses a zip whose definition inflates past the cap, naming zip, entry and limit", () => {
    const zip = zipSync({ "apiDefinition.swagger.json": strToU8(json(definition)) });
    const view = new DataView(zip.buffer);
    for (let i = 0; i + 4 <= zip.length; i++)
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 1_500_000_000, true);
    const outcome = importFiles([file("Contoso.zip", zip)]);
    expect(outcome).toEqual({
      ok: false,
      problems: [
        { file: "Contoso.zip", message: 'entry "apiDefinition.swagger.json" inflates past 32 MB; refused.' },
      ],
    });
  });

  it("says so when a zip holds nothing a connector uses", () => {
    const outcome = importFiles([file("photos.zip", zipSync({ "a.bin": new Uint8Array(3) }))]);
    expect(outcome).toMatchObject({
      ok: false,
      problems: [{ file: "photos.zip", message: expect.stringMatching(/none of its files/) }],
    });
  });

  it("refuses a damaged zip", () => {
    const outcome = importFiles([file("broken.zip", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9]))]);
    expect(outcome.ok).toBe(false);
  });

  it("never names the password of a URL in a problem or report entry", () => {
    const openapi = {
      openapi: "3.0.3",
      info: { title: "Refs", version: "1" },
      servers: [{ url: "https://api.contoso.com" }],
      paths: {
        "/a": {
          get: {
            responses: {
              "200": {
                description: "OK",
                content: {
                  "application/json": {
                    schema: { $ref: "https://alice:s3cr3t-pa55@schemas.contoso.com/a.json" },
                  },
                },
              },
            },
          },
        },
      },
    };
    const outcome = importFiles([file("refs.openapi.json", json(openapi))]);
    const text = JSON.stringify(outcome);
    expect(text).toContain("schemas.contoso.com");
    expect(text).not.toContain("s3cr3t-pa55");
  });
});

describe("importFiles: OpenAPI 3 with a $ref to nothing", () => {
  const openapi = {
    openapi: "3.0.3",
    info: { title: "Dangling", version: "1" },
    servers: [{ url: "https://api.example.com" }],
    paths: {
      "/pets": {
        get: {
          operationId: "ListPets",
          responses: {
            "200": {
              description: "OK",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } },
            },
            "404": { $ref: "#/components/responses/NotFound" },
          },
        },
      },
      "/owners": { get: { operationId: "ListOwners", responses: { "200": { description: "OK" } } } },
    },
    components: {
      schemas: {
        Pet: {
          type: "object",
          properties: { name: { type: "string" }, owner: { $ref: "#/components/schemas/Owner" } },
        },
      },
    },
  };

  it("converts the rest and names the reference with its line and column (JSON)", () => {
    const outcome = importFiles([file("specs/pets.json", json(openapi))]);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(Object.keys(outcome.document.definition.paths ?? {})).toEqual(["/pets", "/owners"]);
    const owner = (outcome.document.definition.definitions?.Pet as { properties: Record<string, unknown> })
      .properties.owner as { description: string };
    expect(owner.description).toContain('"#/components/schemas/Owner"');
    const entry = outcome.report.find((e) => e.message.includes("#/components/schemas/Owner"));
    const lines = json(openapi).split("\n");
    const line = lines.findIndex((l) => l.includes('"$ref": "#/components/schemas/Owner"')) + 1;
    expect(entry).toMatchObject({ source: "/components/schemas/Pet/properties/owner/$ref", line });
    expect(entry?.column).toBe((lines[line - 1] ?? "").indexOf('"$ref"') + 1);
    expect(entry?.message).toContain(`line ${line}, column ${entry?.column} of specs/pets.json.`);
    expect(entry?.message.split("specs/pets.json")).toHaveLength(2);
    const response = outcome.report.find((e) => e.message.includes("#/components/responses/NotFound"));
    expect(response?.line).toBeGreaterThan(0);
  });

  it("names the line and column in a YAML file too", () => {
    const yaml = [
      "openapi: 3.1.0",
      "info: { title: Dangling, version: '1' }",
      "paths:",
      "  /pets:",
      "    post:",
      "      requestBody:",
      "        content:",
      "          application/json:",
      "            schema:",
      "              type: object",
      "              properties:",
      "                tag:",
      "                  $ref: '#/components/schemas/Tag'",
      "      responses:",
      "        '200': { description: OK }",
    ].join("\n");
    const outcome = importFiles([file("pets.yaml", yaml)]);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const entry = outcome.report.find((e) => e.message.includes("#/components/schemas/Tag"));
    expect(entry).toMatchObject({ line: 13, column: 19 });
  });
});

describe("importFiles: which Swagger 2.0 files the import fixes", () => {
  /** One GET whose enum of booleans is written as strings: a fix the import would make. */
  const definition = (withSummary: boolean) => ({
    swagger: "2.0",
    info: { title: "Flags", version: "1" },
    host: "flags.fabrikam.io",
    paths: {
      "/flags": {
        get: {
          operationId: "ListFlags",
          parameters: [
            {
              name: "on",
              in: "query",
              type: "boolean",
              enum: ["true", "false"],
              ...(withSummary ? { "x-ms-summary": "On" } : {}),
            },
          ],
          responses: { "200": { description: "OK" } },
        },
      },
    },
  });
  const file = (value: unknown): InputFile => ({
    path: "apiDefinition.swagger.json",
    bytes: new TextEncoder().encode(JSON.stringify(value)),
  });
  const flagsEnum = (def: unknown) =>
    (def as { paths: { "/flags": { get: { parameters: { enum?: unknown }[] } } } }).paths["/flags"].get
      .parameters[0]?.enum;
  const enumOf = (outcome: ReturnType<typeof importFiles>) =>
    outcome.ok ? flagsEnum(outcome.document.definition) : null;

  it("fixes an API description from elsewhere and reports it", () => {
    const outcome = importFiles([file(definition(false))]);
    expect(enumOf(outcome)).toEqual([true, false]);
    expect(outcome.ok && outcome.report.some((e) => e.kind === "fixed")).toBe(true);
  });

  it("takes a definition written for the platform as it is (a connector without its apiProperties.json)", () => {
    const outcome = importFiles([file(definition(true))]);
    expect(enumOf(outcome)).toEqual(["true", "false"]);
    expect(outcome.ok && outcome.report.filter((e) => e.kind === "fixed")).toEqual([]);
  });

  it("takes any Swagger file as it is when asked to (checking and comparing)", () => {
    expect(enumOf(importFiles([file(definition(false))], { swaggerAsIs: true }))).toEqual(["true", "false"]);
  });
});
