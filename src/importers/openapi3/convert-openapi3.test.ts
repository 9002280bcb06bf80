import SwaggerParser from "@apidevtools/swagger-parser";
import { describe, expect, it, vi } from "vitest";
import type { JsonObject, JsonValue } from "../../model/json-value";
import { convertOpenApi3, isOpenApi3, OpenApi3ConversionError, ExternalRefError } from "./convert-openapi3";
import { DENY_EXTERNAL_REFS } from "../../validation/swagger-parser-check";
import { SchemaConverter } from "./convert-schema";

/** swagger-parser must never read a file or URL. */
async function expectValid(definition: JsonValue): Promise<void> {
  await SwaggerParser.validate(structuredClone(definition) as never, DENY_EXTERNAL_REFS as never);
}

function base(extra: JsonObject = {}): JsonObject {
  return {
    openapi: "3.0.3",
    info: { title: "Contoso", version: "2.1" },
    servers: [{ url: "https://api.contoso.com/v1/" }],
    paths: {},
    ...extra,
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

function convert(doc: JsonObject, companions?: Record<string, JsonValue>) {
  const result = convertOpenApi3(doc, { sourceName: "spec/openapi.yaml", companions });
  return {
    def: result.document.definition as Any,
    props: result.document.properties as Any,
    report: result.report,
  };
}

describe("isOpenApi3", () => {
  it("recognises 3.0 and 3.1 but not Swagger 2.0", () => {
    expect(isOpenApi3({ openapi: "3.0.0" })).toBe(true);
    expect(isOpenApi3({ openapi: "3.1.0" })).toBe(true);
    expect(isOpenApi3({ swagger: "2.0" })).toBe(false);
    expect(isOpenApi3(null)).toBe(false);
  });

  it("rejects a non-OpenAPI document with a clear message", () => {
    expect(() => convertOpenApi3({ swagger: "2.0" }, { sourceName: "x.json" })).toThrow(
      /not an OpenAPI 3 document/,
    );
  });
});

describe("servers", () => {
  it("takes scheme, host and base path from the first server, variables at their defaults, others reported", async () => {
    const { def, report } = convert(
      base({
        servers: [
          {
            url: "{proto}://{region}.contoso.com:8443/api/{version}",
            variables: {
              proto: { default: "https", enum: ["https", "http"] },
              region: { default: "eu" },
              version: { default: "v2" },
            },
          },
          { url: "https://backup.contoso.com" },
        ],
      }),
    );
    expect(def.schemes).toEqual(["https"]);
    expect(def.host).toBe("eu.contoso.com:8443");
    expect(def.basePath).toBe("/api/v2");
    expect(report.some((e) => e.source === "/servers/1" && e.kind === "dropped")).toBe(true);
    expect(report.some((e) => e.source === "/servers/0/variables" && e.kind === "approximated")).toBe(true);
    await expectValid(def);
  });

  it("trims a trailing slash and says when there is no host", () => {
    expect(convert(base()).def.basePath).toBe("/v1");
    const { def, report } = convert(base({ servers: [{ url: "/relative" }] }));
    expect(def.host).toBeUndefined();
    expect(def.basePath).toBe("/relative");
    expect(report.some((e) => e.kind === "note" && e.target === "/host")).toBe(true);
  });
});

describe("request bodies and responses", () => {
  it("turns a JSON body into a body parameter and consumes, response content into schema and produces", async () => {
    const { def } = convert(
      base({
        paths: {
          "/items": {
            post: {
              operationId: "CreateItem",
              requestBody: {
                required: true,
                content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } },
              },
              responses: {
                "201": {
                  description: "Created",
                  content: {
                    "application/json": { schema: { $ref: "#/components/schemas/Item" }, example: { id: 1 } },
                  },
                },
              },
            },
          },
        },
        components: {
          schemas: { Item: { type: "object", properties: { id: { type: "integer", readOnly: true } } } },
        },
      }),
    );
    const op = def.paths["/items"].post;
    expect(op.consumes).toEqual(["application/json"]);
    expect(op.produces).toEqual(["application/json"]);
    expect(op.parameters).toEqual([
      { name: "body", in: "body", required: true, schema: { $ref: "#/definitions/Item" } },
    ]);
    expect(op.responses["201"].schema).toEqual({ $ref: "#/definitions/Item" });
    expect(op.responses["201"].examples).toEqual({ "application/json": { id: 1 } });
    expect(def.definitions.Item.properties.id.readOnly).toBe(true);
    await expectValid(def);
  });

  it("turns urlencoded and multipart bodies into formData parameters, binary fields into files", async () => {
    const { def } = convert(
      base({
        paths: {
          "/upload": {
            post: {
              operationId: "Upload",
              requestBody: {
                content: {
                  "multipart/form-data": {
                    schema: {
                      type: "object",
                      required: ["file"],
                      properties: {
                        file: { type: "string", format: "binary" },
                        note: { type: "string" },
                        tags: { type: "array", items: { type: "string" } },
                      },
                    },
                  },
                },
              },
              responses: { "204": { description: "Done" } },
            },
          },
          "/token": {
            post: {
              operationId: "Token",
              requestBody: {
                content: {
                  "application/x-www-form-urlencoded": {
                    schema: { type: "object", properties: { grant: { type: "string", enum: ["a", "b"] } } },
                  },
                },
              },
              responses: { "200": { description: "OK" } },
            },
          },
        },
      }),
    );
    const upload = def.paths["/upload"].post;
    expect(upload.consumes).toEqual(["multipart/form-data"]);
    expect(upload.parameters).toEqual([
      { name: "file", in: "formData", "x-ms-summary": "File", required: true, type: "file" },
      { name: "note", in: "formData", "x-ms-summary": "Note", required: false, type: "string" },
      {
        name: "tags",
        in: "formData",
        "x-ms-summary": "Tags",
        required: false,
        type: "array",
        items: { type: "string" },
      },
    ]);
    expect(def.paths["/token"].post.parameters[0]).toMatchObject({
      name: "grant",
      in: "formData",
      type: "string",
      enum: ["a", "b"],
    });
    await expectValid(def);
  });

  it("keeps one request-body shape and reports the others", () => {
    const { def, report } = convert(
      base({
        paths: {
          "/x": {
            put: {
              requestBody: {
                content: {
                  "application/json": { schema: { type: "object" } },
                  "application/x-www-form-urlencoded": { schema: { type: "object" } },
                },
              },
              responses: { "200": { description: "OK" } },
            },
          },
        },
      }),
    );
    expect(def.paths["/x"].put.parameters[0].in).toBe("body");
    expect(
      report.some(
        (e) => e.kind === "approximated" && e.message.includes("application/x-www-form-urlencoded"),
      ),
    ).toBe(true);
  });

  it("maps response ranges, adds a default when none, and reports links", async () => {
    const { def, report } = convert(
      base({
        paths: {
          "/a": {
            get: {
              operationId: "A",
              responses: { "2XX": { description: "ok", links: { next: { operationId: "B" } } } },
            },
          },
          "/b": { get: { operationId: "B" } },
        },
      }),
    );
    expect(def.paths["/a"].get.responses["200"].description).toBe("ok");
    expect(def.paths["/b"].get.responses.default).toBeDefined();
    expect(
      report.some((e) => e.kind === "dropped" && e.source === "/paths/~1a/get/responses/2XX/links"),
    ).toBe(true);
    await expectValid(def);
  });
});

describe("schemas", () => {
  it("rewrites every $ref, maps nullable and 3.1 type arrays to x-nullable, keeps allOf, enums, const, examples, bounds", async () => {
    const { def } = convert(
      base({
        openapi: "3.1.0",
        paths: {
          "/p": {
            get: {
              operationId: "P",
              responses: {
                "200": {
                  description: "ok",
                  content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } },
                },
              },
            },
          },
        },
        components: {
          schemas: {
            Base: { type: "object", properties: { id: { type: "string" } }, required: ["id"] },
            Pet: {
              allOf: [
                { $ref: "#/components/schemas/Base" },
                { type: "object", properties: { name: { type: ["string", "null"] } } },
              ],
              properties: {
                kind: { const: "pet" },
                age: { type: "integer", exclusiveMinimum: 0, examples: [3, 4] },
                tag: { type: "string", nullable: true, enum: ["a", "b", "a"] },
                owner: { $ref: "#/components/schemas/Base" },
              },
              required: ["id", "missing"],
              "x-ms-summary": "Pet",
            },
          },
        },
      }),
    );
    const pet = def.definitions.Pet;
    expect(pet.type).toBe("object");
    expect(pet.allOf[0]).toEqual({ $ref: "#/definitions/Base" });
    expect(pet.allOf[1].properties.name).toEqual({
      type: "string",
      "x-nullable": true,
      "x-ms-summary": "Name",
    });
    expect(pet.properties.kind).toEqual({ enum: ["pet"], "x-ms-summary": "Kind" });
    expect(pet.properties.age).toEqual({
      type: "integer",
      minimum: 0,
      exclusiveMinimum: true,
      example: 3,
      "x-ms-summary": "Age",
    });
    expect(pet.properties.tag).toEqual({
      type: "string",
      enum: ["a", "b"],
      "x-nullable": true,
      "x-ms-summary": "Tag",
    });
    expect(pet.properties.owner).toEqual({ $ref: "#/definitions/Base" });
    expect(pet.required).toEqual(["id"]);
    expect(pet["x-ms-summary"]).toBe("Pet");
    await expectValid(def);
  });

  it("approximates oneOf/anyOf and reports it; a nullable single variant is exact", async () => {
    const { def, report } = convert(
      base({
        components: {
          schemas: {
            Cat: { type: "object", properties: { meow: { type: "boolean" } } },
            Dog: { type: "object", properties: { bark: { type: "boolean" } } },
            Animal: { oneOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" }] },
            Expandable: { anyOf: [{ type: "string" }, { $ref: "#/components/schemas/Cat" }] },
            MaybeCat: { anyOf: [{ $ref: "#/components/schemas/Cat" }, { type: "null" }] },
            Id: {
              oneOf: [
                { type: "string", enum: ["x"] },
                { type: "string", enum: ["y"] },
              ],
            },
          },
        },
      }),
    );
    expect(def.definitions.Animal).toEqual({
      type: "object",
      properties: {
        meow: { type: "boolean", "x-ms-summary": "Meow" },
        bark: { type: "boolean", "x-ms-summary": "Bark" },
      },
    });
    expect(def.definitions.Expandable).toEqual({ $ref: "#/definitions/Cat" });
    expect(def.definitions.MaybeCat).toEqual({ $ref: "#/definitions/Cat", "x-nullable": true });
    expect(def.definitions.Id).toEqual({ type: "string", enum: ["x", "y"] });
    const sources = report.filter((e) => e.kind === "approximated").map((e) => e.source);
    expect(sources).toEqual(
      expect.arrayContaining([
        "/components/schemas/Animal/oneOf",
        "/components/schemas/Expandable/anyOf",
        "/components/schemas/Id/oneOf",
      ]),
    );
    expect(sources).not.toContain("/components/schemas/MaybeCat/anyOf");
    await expectValid(def);
  });

  it("reports keywords Swagger 2.0 lacks", () => {
    const { report } = convert(
      base({
        components: {
          schemas: { S: { type: "object", not: { type: "string" }, patternProperties: { "^a": {} } } },
        },
      }),
    );
    const dropped = report.filter((e) => e.kind === "dropped").map((e) => e.source);
    expect(dropped).toEqual(["/components/schemas/S/not", "/components/schemas/S/patternProperties"]);
  });
});

describe("parameters", () => {
  it("converts query/header/path parameters, reports cookies, adds missing path parameters", async () => {
    const { def, report } = convert(
      base({
        paths: {
          "/users/{id}/items/{itemId}": {
            parameters: [
              { name: "id", in: "path", required: true, schema: { type: "integer", format: "int64" } },
            ],
            get: {
              operationId: "GetItem",
              parameters: [
                {
                  name: "fields",
                  in: "query",
                  schema: { type: "array", items: { type: "string" } },
                  explode: false,
                },
                { name: "X-Trace", in: "header", schema: { type: "string" }, "x-ms-visibility": "internal" },
                { name: "session", in: "cookie", schema: { type: "string" } },
                {
                  name: "filter",
                  in: "query",
                  schema: { type: "object", properties: { a: { type: "string" } } },
                  style: "deepObject",
                },
              ],
              responses: { "200": { description: "ok" } },
            },
          },
        },
      }),
    );
    const item = def.paths["/users/{id}/items/{itemId}"];
    expect(item.parameters[0]).toMatchObject({
      name: "id",
      in: "path",
      required: true,
      type: "integer",
      format: "int64",
    });
    const params = item.get.parameters;
    expect(params[0]).toMatchObject({
      name: "fields",
      in: "query",
      type: "array",
      items: { type: "string" },
      collectionFormat: "csv",
    });
    expect(params[1]).toMatchObject({
      name: "X-Trace",
      in: "header",
      type: "string",
      "x-ms-visibility": "internal",
    });
    expect(params.find((p: Any) => p.name === "session")).toBeUndefined();
    expect(params.find((p: Any) => p.name === "filter")).toMatchObject({ type: "string" });
    expect(params.find((p: Any) => p.name === "itemId")).toMatchObject({
      in: "path",
      required: true,
      type: "string",
    });
    expect(report.some((e) => e.kind === "dropped" && e.message.includes("cookie"))).toBe(true);
    await expectValid(def);
  });

  it("rewrites parameter and response component refs", async () => {
    const { def } = convert(
      base({
        paths: {
          "/a": {
            get: {
              operationId: "A",
              parameters: [{ $ref: "#/components/parameters/Top" }],
              responses: { "404": { $ref: "#/components/responses/NotFound" } },
            },
          },
        },
        components: {
          parameters: { Top: { name: "top", in: "query", schema: { type: "integer" } } },
          responses: {
            NotFound: {
              description: "missing",
              content: { "application/json": { schema: { type: "object" } } },
            },
          },
        },
      }),
    );
    expect(def.paths["/a"].get.parameters).toEqual([{ $ref: "#/parameters/Top" }]);
    expect(def.parameters.Top).toMatchObject({ name: "top", in: "query", type: "integer" });
    expect(def.paths["/a"].get.responses["404"]).toEqual({ $ref: "#/responses/NotFound" });
    expect(def.paths["/a"].get.produces).toEqual(["application/json"]);
    await expectValid(def);
  });
});

describe("operations", () => {
  it("keeps operationIds, makes missing ones PascalCase and duplicates unique, keeps x- extensions, reports callbacks and webhooks", async () => {
    const { def, report } = convert(
      base({
        openapi: "3.1.0",
        paths: {
          "/a": {
            get: {
              operationId: "listThings",
              "x-ms-visibility": "important",
              responses: { "200": { description: "ok" } },
            },
            post: {
              operationId: "listThings",
              responses: { "200": { description: "ok" } },
              callbacks: { onDone: {} },
            },
          },
          "/orders/{orderId}": {
            delete: {
              parameters: [{ name: "orderId", in: "path", required: true, schema: { type: "string" } }],
              responses: { "204": { description: "gone" } },
            },
          },
        },
        webhooks: { newPet: { post: { responses: { "200": { description: "ok" } } } } },
        "x-company": { team: "api" },
      }),
    );
    expect(def.paths["/a"].get.operationId).toBe("listThings");
    expect(def.paths["/a"].get["x-ms-visibility"]).toBe("important");
    expect(def.paths["/a"].post.operationId).toBe("listThings2");
    expect(def.paths["/orders/{orderId}"].delete.operationId).toBe("DeleteOrdersOrderId");
    expect(def["x-company"]).toEqual({ team: "api" });
    expect(report.some((e) => e.kind === "dropped" && e.source === "/paths/~1a/post/callbacks/onDone")).toBe(
      true,
    );
    expect(report.some((e) => e.kind === "dropped" && e.source === "/webhooks/newPet")).toBe(true);
    for (const e of report) {
      expect(typeof e.source).toBe("string");
      expect(e.message.length).toBeGreaterThan(10);
    }
    await expectValid(def);
  });
});

describe("security", () => {
  it("maps authorization code to accessCode with an oauthSetting, bearer to an Authorization API key, basic; reports the rest", async () => {
    const { def, props, report } = convert(
      base({
        components: {
          securitySchemes: {
            oauth: {
              type: "oauth2",
              flows: {
                authorizationCode: {
                  authorizationUrl: "https://id.contoso.com/authorize",
                  tokenUrl: "/oauth/token",
                  refreshUrl: "https://id.contoso.com/refresh",
                  scopes: { read: "Read" },
                },
                clientCredentials: { tokenUrl: "https://id.contoso.com/token", scopes: {} },
              },
            },
            bearer: { type: "http", scheme: "bearer" },
            basic: { type: "http", scheme: "basic" },
            cookieKey: { type: "apiKey", in: "cookie", name: "k" },
            oidc: {
              type: "openIdConnect",
              openIdConnectUrl: "https://id.contoso.com/.well-known/openid-configuration",
            },
          },
        },
        security: [{ oauth: ["read"] }, { bearer: [] }, { oidc: [] }],
      }),
    );
    expect(def.securityDefinitions).toEqual({
      oauth: {
        type: "oauth2",
        flow: "accessCode",
        authorizationUrl: "https://id.contoso.com/authorize",
        tokenUrl: "https://api.contoso.com/oauth/token",
        scopes: { read: "Read" },
      },
      bearer: { type: "apiKey", in: "header", name: "Authorization" },
      basic: { type: "basic" },
    });
    expect(def.security).toEqual([{ oauth: ["read"] }, { bearer: [] }]);
    const sets = props.properties.connectionParameterSets.values;
    expect(sets.map((s: Any) => s.name)).toEqual(["oauth", "bearer", "basic"]);
    expect(sets[0].parameters.token.oAuthSettings.customParameters.refreshUrl.value).toBe(
      "https://id.contoso.com/refresh",
    );
    expect(props.properties.connectionParameters).toEqual({});
    const droppedSources = report.filter((e) => e.kind === "dropped").map((e) => e.source);
    expect(droppedSources).toEqual(
      expect.arrayContaining([
        "/components/securitySchemes/oauth/flows/clientCredentials",
        "/components/securitySchemes/cookieKey",
        "/components/securitySchemes/oidc",
      ]),
    );
    expect(JSON.stringify(props)).not.toMatch(/secret/i);
    await expectValid(def);
  });
});

describe("multi-file documents", () => {
  const entry: JsonObject = base({
    paths: {
      "/pets": { $ref: "paths/pets.yaml" },
    },
  });
  const companions: Record<string, JsonValue> = {
    "spec/paths/pets.yaml": {
      get: {
        operationId: "ListPets",
        parameters: [{ $ref: "../components/limit.yaml" }],
        responses: {
          "200": {
            description: "ok",
            content: {
              "application/json": { schema: { type: "array", items: { $ref: "../components/Pet.yaml" } } },
            },
          },
        },
        "x-codeSamples": [{ source: { $ref: "../code/get.cs" } }],
      },
    },
    "spec/components/limit.yaml": { name: "limit", in: "query", schema: { type: "integer" } },
    "spec/components/Pet.yaml": {
      type: "object",
      properties: { name: { type: "string" }, parent: { $ref: "./Pet.yaml" } },
    },
  };

  it("resolves $refs to other files only from the dropped companions", async () => {
    const { def, report } = convert(entry, companions);
    const op = def.paths["/pets"].get;
    expect(op.parameters[0]).toMatchObject({ name: "limit", in: "query", type: "integer" });
    expect(op.responses["200"].schema).toEqual({ type: "array", items: { $ref: "#/definitions/Pet" } });
    expect(def.definitions.Pet.properties.parent).toEqual({ $ref: "#/definitions/Pet" });
    expect(op["x-codeSamples"]).toBeUndefined();
    expect(report.some((e) => e.kind === "dropped" && e.message.includes("code/get.cs"))).toBe(true);
    await expectValid(def);
  });

  it("fails with a message naming a missing file", () => {
    const { "spec/components/Pet.yaml": _pet, ...missing } = companions;
    expect(() => convert(entry, missing)).toThrow(ExternalRefError);
    expect(() => convert(entry, missing)).toThrow(/spec\/components\/Pet\.yaml/);
  });

  it("never fetches a remote $ref: it is an error naming the URL", () => {
    const doc = base({ components: { schemas: { X: { $ref: "https://evil.example.com/x.json#/X" } } } });
    expect(() => convert(doc)).toThrow(OpenApi3ConversionError);
    expect(() => convert(doc)).toThrow(/https:\/\/evil\.example\.com\/x\.json.*remote URL/);
    expect(() => convert(doc, { "other.yaml": {} })).toThrow(/remote URL/);
  });

  it("turns an internal $ref to nothing into a schema that accepts anything, and names it", async () => {
    const { def, report } = convert(
      base({
        components: {
          schemas: {
            X: { $ref: "#/components/schemas/Nope" },
            Y: { type: "object", properties: { deep: { type: "array", items: { $ref: "#/Nope" } } } },
          },
        },
      }),
    );
    expect(def.definitions.X.description).toMatch(/"#\/components\/schemas\/Nope" .* missing/);
    expect(def.definitions.Y.properties.deep.items.$ref).toBeUndefined();
    expect(report.filter((e) => /points to nothing/.test(e.message)).map((e) => e.source)).toEqual([
      "/components/schemas/X/$ref",
      "/components/schemas/Y/properties/deep/items/$ref",
    ]);
    await expectValid(def);
  });
});

describe("parameter metadata and designer labels", () => {
  const doc = () =>
    base({
      openapi: "3.1.0",
      paths: {
        "/accounts/{account_id}/users": {
          get: {
            operationId: "ListUsers",
            parameters: [
              {
                name: "account_id",
                in: "path",
                required: true,
                schema: { type: "string", description: "The account.", examples: ["acc-1"] },
              },
              {
                name: "pageSize",
                in: "query",
                schema: { type: "integer", title: "Page size / count", example: 50 },
              },
              {
                name: "filter",
                in: "query",
                description: "Own words.",
                schema: { $ref: "#/components/schemas/Filter" },
              },
              { name: "X-Api-Key", in: "header", schema: { type: "string", example: "sk-123" } },
              {
                name: "callbackURL",
                in: "query",
                example: "https://example.com/cb",
                schema: { type: "string" },
              },
            ],
            requestBody: {
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      userId: { type: "string" },
                      display_name: { type: "string", title: "Name shown" },
                      owner: { $ref: "#/components/schemas/Filter" },
                    },
                  },
                },
              },
            },
            responses: { "200": { description: "OK" } },
          },
        },
      },
      components: {
        schemas: { Filter: { type: "string", description: "An OData filter.", title: "Filter expression" } },
      },
    });

  it("keeps description, title and example given in the parameter's schema", async () => {
    const { def } = convert(doc());
    const [accountId, pageSize, filter, apiKey, callback] = def.paths["/accounts/{account_id}/users"].get
      .parameters as JsonObject[];
    expect(accountId).toMatchObject({
      description: "The account.",
      "x-ms-summary": "Account ID",
      "x-ms-test-value": "acc-1",
    });
    expect(pageSize).toMatchObject({ "x-ms-summary": "Page size count", "x-ms-test-value": 50 });
    expect(filter).toMatchObject({ description: "Own words.", "x-ms-summary": "Filter expression" });
    expect(apiKey?.["x-ms-test-value"]).toBeUndefined();
    expect(apiKey?.["x-ms-summary"]).toBe("X API Key");
    expect(callback).toMatchObject({
      "x-ms-summary": "Callback URL",
      "x-ms-test-value": "https://example.com/cb",
    });
    expect(JSON.stringify(def)).not.toContain("x-example");
    await expectValid(def);
  });

  it("labels every non-body parameter and every body property", () => {
    const { def } = convert(doc());
    const params = def.paths["/accounts/{account_id}/users"].get.parameters as JsonObject[];
    for (const p of params.filter((p) => p.in !== "body")) expect(typeof p["x-ms-summary"]).toBe("string");
    const body = params.find((p) => p.in === "body") as Any;
    expect(body.schema.properties.userId["x-ms-summary"]).toBe("User ID");
    expect(body.schema.properties.display_name["x-ms-summary"]).toBe("Name shown");
    expect(body.schema.properties.owner).toEqual({ $ref: "#/definitions/Filter" });
  });
});

describe("credentials never reach the output or the report", () => {
  it("cuts user:password@ off server URLs (first, others, overrides) and says so without the values", async () => {
    const { def, report } = convert(
      base({
        servers: [
          { url: "https://alice:s3cr3t-pa55@api.contoso.com/v1" },
          { url: "https://bob:0th3r-pa55@backup.contoso.com" },
        ],
        components: {
          securitySchemes: {
            oauth: {
              type: "oauth2",
              flows: {
                authorizationCode: { authorizationUrl: "/authorize", tokenUrl: "/token", scopes: {} },
              },
            },
          },
        },
        paths: {
          "/items": {
            servers: [{ url: "https://carol:th1rd-pa55@other.contoso.com" }],
            get: { responses: { "200": { description: "OK" } } },
          },
        },
      }),
    );
    await expectValid(def);
    expect(def.host).toBe("api.contoso.com");
    expect(def.securityDefinitions.oauth.authorizationUrl).toBe("https://api.contoso.com/authorize");
    const all = JSON.stringify({ def, report });
    for (const value of ["alice", "s3cr3t-pa55", "bob", "0th3r-pa55", "carol", "th1rd-pa55"])
      expect(all).not.toContain(value);
    expect(report.filter((e) => /user name and password/.test(e.message)).length).toBeGreaterThan(0);
  });

  it("keeps no default, example or test value of a secret-named parameter, in any case", async () => {
    const { def, report } = convert(
      base({
        paths: {
          "/run": {
            get: {
              parameters: [
                { name: "code", in: "query", schema: { type: "string", default: "c0de-default" } },
                { name: "X-FUNCTIONS-KEY", in: "header", schema: { type: "string" }, example: "fn-example" },
                {
                  name: "subscription-key",
                  in: "query",
                  schema: { type: "string" },
                  "x-ms-test-value": "sub-tv",
                },
                {
                  name: "country_code",
                  in: "query",
                  schema: { type: "string", default: "US" },
                  example: "GB",
                },
              ],
              responses: { "200": { description: "OK" } },
            },
          },
        },
      }),
    );
    await expectValid(def);
    const params = def.paths["/run"].get.parameters as Any[];
    const byName = (n: string) => params.find((p) => p.name === n);
    expect(byName("code").default).toBeUndefined();
    expect(byName("X-FUNCTIONS-KEY")["x-ms-test-value"]).toBeUndefined();
    expect(byName("subscription-key")["x-ms-test-value"]).toBeUndefined();
    expect(byName("country_code")).toMatchObject({ default: "US", "x-ms-test-value": "GB" });
    const all = JSON.stringify({ def, report });
    for (const value of ["c0de-default", "fn-example", "sub-tv"]) expect(all).not.toContain(value);
    const withheld = report.filter((e) => /withheld/.test(e.message));
    expect(withheld.map((e) => e.message).join("\n")).toMatch(
      /"code".*\n.*"X-FUNCTIONS-KEY".*\n.*"subscription-key"/,
    );
  });
});

describe("allOfs that share members many levels deep", () => {
  /** `levels` × 10 schemas; each allOf holds all 10 of the next level: 10^levels paths, 10 × levels schemas. */
  function diamond(levels: number, mediaType = "application/json"): JsonObject {
    const schemas: JsonObject = {};
    for (let i = 0; i < levels; i++)
      for (let j = 0; j < 10; j++)
        schemas[`L${i}_${j}`] =
          i === levels - 1
            ? { type: "object", properties: { [`x${j}`]: { type: "string" } } }
            : {
                type: "object",
                required: ["x0", "missing"],
                allOf: Array.from({ length: 10 }, (_, k) => ({
                  $ref: `#/components/schemas/L${i + 1}_${k}`,
                })),
              };
    const schema = { $ref: "#/components/schemas/L0_0" };
    return base({
      paths: {
        "/a": {
          post: {
            operationId: "A",
            requestBody: { content: { [mediaType]: { schema } } },
            responses: { "200": { description: "OK", content: { "application/json": { schema } } } },
          },
        },
      },
      components: { schemas },
    });
  }

  it("walks each shared member once: 5 levels take thousands of steps, not 10^5 per schema", () => {
    const deref = vi.spyOn(SchemaConverter.prototype, "deref");
    try {
      const { def } = convert(diamond(5));
      expect(def.definitions.L0_0.required).toEqual(["x0"]);
      expect(deref.mock.calls.length).toBeLessThan(50_000);
    } finally {
      deref.mockRestore();
    }
  });

  it("converts 20 levels (10^20 paths), and a form body 9 levels deep (10^9)", () => {
    const { def } = convert(diamond(20));
    expect(Object.keys(def.definitions)).toHaveLength(200);
    expect(def.definitions.L0_0.required).toEqual(["x0"]);
    const form = convert(diamond(9, "application/x-www-form-urlencoded")).def;
    const names = form.paths["/a"].post.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(["x0", "x9"]));
  });
});
