import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { JsonObject, JsonValue } from "../../model/json-value";
import {
  listOperations,
  type Operation,
  type Parameter,
  type SwaggerDocument,
} from "../../model/swagger-types";
import type { ConversionResult } from "../import-types";
import { swaggerProblem } from "./__fixtures__/swagger-validate";
import { convertPostman, isPostmanCollection } from "./convert-postman";

// swagger-parser validates every output (~30 ms alone, seconds on a shared, loaded machine).
vi.setConfig({ testTimeout: 30_000 });

const SCHEMA_21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
const FIXTURES = join(import.meta.dirname, "__fixtures__");
const kitchenSink = JSON.parse(
  readFileSync(join(FIXTURES, "kitchen-sink.postman_collection.json"), "utf8"),
) as JsonObject;

function collection(items: JsonValue[], extra: JsonObject = {}): JsonObject {
  return { info: { name: "Test API", schema: SCHEMA_21 }, item: items, ...extra };
}

function request(name: string, method: string, url: JsonValue, extra: JsonObject = {}): JsonObject {
  return { name, request: { method, url, ...extra } };
}

/** Converts and checks the two invariants every output must hold: swagger-parser accepts it, ids are unique. */
async function convert(input: JsonValue, environment?: JsonValue): Promise<ConversionResult> {
  const result = convertPostman(input, { sourceName: "test.postman_collection.json", environment });
  const problem = await swaggerProblem(result.document.definition);
  expect(problem).toBeUndefined();
  const ids = listOperations(result.document.definition).map((o) => o.operation.operationId);
  expect(new Set(ids).size).toBe(ids.length);
  return result;
}

function op(def: SwaggerDocument, path: string, method: string): Operation {
  const operation = def.paths?.[path]?.[method];
  if (!operation) throw new Error(`no ${method} ${path} in ${Object.keys(def.paths ?? {}).join(", ")}`);
  return operation as Operation;
}

function param(operation: Operation, name: string): Parameter {
  const found = (operation.parameters ?? []).find((p) => (p as Parameter).name === name) as
    Parameter | undefined;
  if (!found) throw new Error(`no parameter ${name}`);
  return found;
}

describe("isPostmanCollection", () => {
  it("recognises v2.x by schema URL, v1 by requests+name, and the collection wrapper", () => {
    expect(isPostmanCollection(collection([]))).toBe(true);
    expect(isPostmanCollection({ collection: collection([]) })).toBe(true);
    expect(isPostmanCollection({ name: "v1", requests: [] })).toBe(true);
    expect(isPostmanCollection({ swagger: "2.0" })).toBe(false);
    expect(isPostmanCollection([])).toBe(false);
  });
});

describe("convertPostman: structure", () => {
  it("turns folders into tags, keeping the path of nested folders", async () => {
    const { document } = await convert(kitchenSink);
    const def = document.definition;
    expect(op(def, "/orders", "get").tags).toEqual(["Orders"]);
    expect(op(def, "/orders/{orderId}/lines/{lineNo}", "get").tags).toEqual(["Orders/Sub"]);
    expect(def.tags).toEqual([
      { name: "Orders", description: "Everything about orders." },
      { name: "Orders/Sub" },
      { name: "Files" },
    ]);
  });

  it("takes summary and description from the request and builds a PascalCase operationId", async () => {
    const { document } = await convert(kitchenSink);
    const list = op(document.definition, "/orders", "get");
    expect(list.summary).toBe("List orders");
    expect(list.description).toBe("Lists the orders.");
    expect(list.operationId).toBe("ListOrders");
  });

  it("gives requests with the same name distinct operationIds", async () => {
    const { document } = await convert(
      collection([
        request("get item", "GET", "https://api.example.com/a"),
        request("Get Item", "GET", "https://api.example.com/b"),
        request("get-item", "GET", "https://api.example.com/c"),
        request("", "GET", "https://api.example.com/d"),
      ]),
    );
    const ids = listOperations(document.definition).map((o) => o.operation.operationId);
    expect(ids).toEqual(["GetItem", "GetItem2", "GetItem3", "Unnamed"]);
  });

  it("merges requests with the same method and path into one operation, and reports it", async () => {
    const { document, report } = await convert(
      collection([
        request("Find by name", "GET", "https://api.example.com/users?name=a"),
        request("Find by city", "GET", "https://api.example.com/users?city=b"),
      ]),
    );
    const operation = op(document.definition, "/", "get");
    expect(listOperations(document.definition)).toHaveLength(1);
    expect(param(operation, "name").required).toBe(false);
    expect(param(operation, "city").required).toBe(false);
    const entry = report.find((e) => e.message.includes("merged"));
    expect(entry).toMatchObject({ kind: "approximated", source: "Find by city", target: "/paths/~1/get" });
  });

  it("reads the collection wrapper of the Postman API export", async () => {
    const { document } = await convert({
      collection: collection([request("Ping", "GET", "https://api.example.com/ping")]),
    });
    expect(listOperations(document.definition)).toHaveLength(1);
  });

  it("upgrades v1 collections and converts requests no folder lists", async () => {
    const v1 = {
      id: "c1",
      name: "Legacy",
      order: ["r1"],
      folders: [{ id: "f1", name: "Things", order: ["r2"] }],
      requests: [
        {
          id: "r1",
          name: "Root request",
          method: "GET",
          url: "https://api.example.com/v1/ping",
          headers: "",
          collectionId: "c1",
        },
        {
          id: "r2",
          name: "Create thing",
          method: "POST",
          url: "https://api.example.com/v1/things",
          headers: "Content-Type: application/json\n",
          dataMode: "raw",
          rawModeData: '{"name":"x"}',
          collectionId: "c1",
        },
        {
          id: "r3",
          name: "Orphan",
          method: "DELETE",
          url: "https://api.example.com/v1/things/:id",
          headers: "",
          collectionId: "c1",
        },
      ],
    };
    const { document, report } = await convert(v1);
    const def = document.definition;
    expect(def.basePath).toBe("/v1");
    expect(op(def, "/things", "post").tags).toEqual(["Things"]);
    expect(param(op(def, "/things", "post"), "body").schema?.properties?.name).toEqual({
      type: "string",
      "x-ms-summary": "Name",
    });
    expect(op(def, "/things/{id}", "delete").operationId).toBe("Orphan");
    expect(report.some((e) => /upgraded to v2.1/.test(e.message))).toBe(true);
    expect(report.some((e) => /1 requests were in no folder/.test(e.message))).toBe(true);
  });

  it("reads v2.0 shapes: host and path as strings, auth as an object", async () => {
    const { document } = await convert({
      info: { name: "v2.0", schema: "https://schema.getpostman.com/json/collection/v2.0.0/collection.json" },
      auth: { type: "basic", basic: { username: "jane", password: "pw-value-123" } },
      item: [
        {
          name: "Projects",
          request: {
            method: "GET",
            url: { protocol: "https", host: "web.example.com", path: "api/v1/projects" },
          },
        },
      ],
    });
    const def = document.definition;
    expect(def.host).toBe("web.example.com");
    expect(def.paths?.["/api/v1/projects"]).toBeDefined();
    expect(def.securityDefinitions).toEqual({ basic_auth: { type: "basic" } });
    expect(JSON.stringify(document)).not.toContain("pw-value-123");
  });

  it("shortens a title longer than 30 characters and reports it", async () => {
    const { document, report } = await convert(
      collection([request("Ping", "GET", "https://api.example.com/ping")], {
        info: { name: "A very long collection name for a connector", schema: SCHEMA_21 },
      }),
    );
    expect(document.definition.info?.title).toBe("A very long collection name fo");
    expect(report.find((e) => e.target === "/info/title")?.kind).toBe("approximated");
  });

  it("throws a clear Error for input that is not a collection", () => {
    expect(() => convertPostman([], { sourceName: "x.json" })).toThrow(/x.json is not a Postman collection/);
    expect(() => convertPostman({ info: { schema: SCHEMA_21 } }, { sourceName: "x.json" })).toThrow(
      /neither an "item" list/,
    );
  });

  it("drops methods Swagger lacks and assumes GET when the method is missing, reporting both", async () => {
    const { document, report } = await convert(
      collection([
        request("Copy", "COPY", "https://api.example.com/a"),
        { name: "No method", request: { method: null, url: "https://api.example.com/b" } },
      ]),
    );
    expect(listOperations(document.definition).map((o) => o.method)).toEqual(["get"]);
    expect(report.find((e) => e.source === "Copy")?.kind).toBe("dropped");
    expect(report.find((e) => e.source === "No method")?.kind).toBe("note");
  });
});

describe("convertPostman: URLs and parameters", () => {
  it("resolves {{baseUrl}} from collection variables into scheme, host and the common base path", async () => {
    const { document } = await convert(kitchenSink);
    const def = document.definition;
    expect(def.schemes).toEqual(["https"]);
    expect(def.host).toBe("api.contoso.com");
    expect(def.basePath).toBe("/v2");
    expect(Object.keys(def.paths ?? {})).toContain("/orders");
  });

  it("lets the environment override collection variables", async () => {
    const input = collection(
      [request("A", "GET", "{{baseUrl}}/x/a"), request("B", "GET", "{{baseUrl}}/x/b")],
      { variable: [{ key: "baseUrl", value: "https://sandbox.example.com" }] },
    );
    const env = {
      name: "Prod",
      values: [{ key: "baseUrl", value: "http://prod.example.com:8080/api", enabled: true }],
    };
    const { document } = await convert(input, env);
    expect(document.definition.host).toBe("prod.example.com:8080");
    expect(document.definition.schemes).toEqual(["http"]);
    expect(document.definition.basePath).toBe("/api/x");
  });

  it("reports an unresolved host variable and uses a placeholder host", async () => {
    const { document, report } = await convert(collection([request("A", "GET", "{{baseUrl}}/a")]));
    expect(document.definition.host).toBe("api.contoso.com");
    const entry = report.find((e) => e.target === "/host");
    expect(entry?.message).toMatch(/\{\{baseUrl\}\}.*no value/);
  });

  it("turns :id and unresolved {{id}} segments into required path parameters with x-ms-url-encoding", async () => {
    const { document } = await convert(kitchenSink);
    const operation = op(document.definition, "/orders/{orderId}/lines/{lineNo}", "get");
    for (const name of ["orderId", "lineNo"]) {
      expect(param(operation, name)).toMatchObject({
        in: "path",
        required: true,
        type: "string",
        "x-ms-url-encoding": "single",
      });
    }
    expect(param(op(document.definition, "/orders/{orderId}", "get"), "orderId")).toMatchObject({
      description: "The order.",
      "x-ms-summary": "Order ID",
      "x-ms-test-value": "42",
    });
  });

  it("keeps a {{variable}} with an empty value that forms a whole segment as a path parameter", async () => {
    const input = collection(
      [
        request("Stop archive", "POST", "{{baseUrl}}/archive/{{archiveId}}/stop"),
        request("Stop all", "POST", "{{baseUrl}}/archive/stop"),
        request("Get archive", "GET", "{{baseUrl}}/archive/{{archiveId}}"),
        request("List users", "GET", "{{baseUrl}}/users"),
      ],
      {
        variable: [
          { key: "baseUrl", value: "https://api.example.com/v2" },
          { key: "archiveId", value: "" },
        ],
      },
    );
    const { document, report } = await convert(input);
    const def = document.definition;
    expect(def.basePath).toBe("/v2");
    expect(Object.keys(def.paths ?? {}).sort()).toEqual([
      "/archive/stop",
      "/archive/{archiveId}",
      "/archive/{archiveId}/stop",
      "/users",
    ]);
    const archiveId = param(op(def, "/archive/{archiveId}/stop", "post"), "archiveId");
    expect(archiveId).toMatchObject({ in: "path", required: true, "x-ms-summary": "Archive ID" });
    expect(archiveId["x-ms-test-value"]).toBeUndefined();
    expect(report.some((e) => e.message.includes("share"))).toBe(false);
    expect(report.find((e) => e.source === "Variables")?.message).toMatch(
      /\{\{archiveId\}\}.*path parameter/,
    );
  });

  it("never bakes the value of a whole-segment {{variable}} into the path: it becomes the test value", async () => {
    const input = collection(
      [
        request("Get playlist", "GET", "https://api.example.com/playlists/{{playlistId}}"),
        request("List tracks", "GET", {
          host: ["{{host}}"],
          path: ["v{{version}}", "playlists", "{{playlistId}}", "tracks"],
        }),
        request("Search", "GET", "https://api.example.com/{{searchPath}}"),
        request("Secret", "GET", "https://api.example.com/keys/{{apiKey}}"),
      ],
      {
        variable: [
          { key: "playlistId", value: "pl-001" },
          { key: "host", value: "api.example.com" },
          { key: "version", value: "1" },
          { key: "searchPath", value: "search/v1/query" },
          { key: "apiKey", value: "sk_live_0123456789abcdefghijkl" },
        ],
      },
    );
    const { document } = await convert(input);
    const def = document.definition;
    expect(Object.keys(def.paths ?? {}).sort()).toEqual([
      "/keys/{apiKey}",
      "/playlists/{playlistId}",
      "/search/v1/query",
      "/v1/playlists/{playlistId}/tracks",
    ]);
    expect(param(op(def, "/playlists/{playlistId}", "get"), "playlistId")["x-ms-test-value"]).toBe("pl-001");
    expect(param(op(def, "/keys/{apiKey}", "get"), "apiKey")["x-ms-test-value"]).toBeUndefined();
    expect(JSON.stringify(document)).not.toContain("sk_live");
  });

  it("turns literal IDs saved in URLs into path parameters and reports it", async () => {
    const { document, report } = await convert(
      collection([request("Get file", "GET", "https://api.example.com/2.0/files/5639341636")]),
    );
    const operation = op(document.definition, "/2.0/files/{fileId}", "get");
    expect(param(operation, "fileId")["x-ms-test-value"]).toBe("5639341636");
    expect(report.some((e) => /literal IDs/.test(e.message))).toBe(true);
  });

  it("maps query parameters, disabled ones optional and advanced", async () => {
    const { document } = await convert(kitchenSink);
    const operation = op(document.definition, "/orders", "get");
    expect(param(operation, "status")).toMatchObject({
      in: "query",
      required: true,
      description: "Order status.",
      "x-ms-summary": "Status",
    });
    expect(param(operation, "limit")).toMatchObject({
      in: "query",
      required: false,
      "x-ms-visibility": "advanced",
    });
  });

  it("does not make content-type, accept or auth headers parameters", async () => {
    const { document } = await convert(kitchenSink);
    const names = (op(document.definition, "/orders", "get").parameters ?? []).map(
      (p) => (p as Parameter).name,
    );
    expect(names).toContain("X-Request-Id");
    expect(names).not.toContain("Accept");
    expect(names).not.toContain("Authorization");
    expect(op(document.definition, "/orders", "get").produces).toEqual(["application/json"]);
    const search = (op(document.definition, "/graphql", "post").parameters ?? []).map(
      (p) => (p as Parameter).name,
    );
    expect(search).not.toContain("X-Api-Key");
  });
});

describe("convertPostman: bodies", () => {
  it("turns a raw JSON body into a body schema with an example (credentials redacted)", async () => {
    const { document } = await convert(kitchenSink);
    const operation = op(document.definition, "/orders", "post");
    const body = param(operation, "body");
    expect(operation.consumes).toEqual(["application/json"]);
    expect(body.schema?.properties?.lines?.items?.properties?.qty).toEqual({
      type: "integer",
      format: "int32",
      "x-ms-summary": "Qty",
    });
    expect(body.schema?.properties?.customerId?.["x-ms-summary"]).toBe("Customer ID");
    expect(body.schema?.example).toMatchObject({ customerId: "{{customerId}}", password: "<redacted>" });
  });

  it("reads JSON bodies with {{variables}} outside strings", async () => {
    const { document, report } = await convert(
      collection([
        request("Create", "POST", "https://api.example.com/items", {
          body: {
            mode: "raw",
            raw: '{"count": {{count}}, "name": "x"} // a comment',
            options: { raw: { language: "json" } },
          },
        }),
      ]),
    );
    expect(param(op(document.definition, "/items", "post"), "body").schema?.properties?.name).toEqual({
      type: "string",
      "x-ms-summary": "Name",
    });
    expect(report.some((e) => /outside strings/.test(e.message))).toBe(true);
  });

  it("turns raw text or XML into a string body with its content type", async () => {
    const { document } = await convert(kitchenSink);
    const operation = op(document.definition, "/files/import", "put");
    expect(param(operation, "body").schema).toEqual({ type: "string" });
    expect(operation.consumes).toEqual(["application/xml"]);
  });

  it("turns urlencoded bodies into formData parameters", async () => {
    const { document } = await convert(kitchenSink);
    const operation = op(document.definition, "/session", "post");
    expect(operation.consumes).toEqual(["application/x-www-form-urlencoded"]);
    expect(param(operation, "username")).toMatchObject({ in: "formData", type: "string", required: true });
    expect(param(operation, "remember")).toMatchObject({ in: "formData", required: false });
    expect(param(operation, "password")["x-ms-test-value"]).toBeUndefined();
  });

  it("turns form-data with files into type file and multipart/form-data", async () => {
    const { document } = await convert(kitchenSink);
    const operation = op(document.definition, "/files", "post");
    expect(operation.consumes).toEqual(["multipart/form-data"]);
    expect(param(operation, "file")).toMatchObject({ in: "formData", type: "file" });
    expect(param(operation, "name")).toMatchObject({ in: "formData", type: "string" });
  });

  it("turns GraphQL into a POST with a query/variables body, reported as approximated", async () => {
    const { document, report } = await convert(
      collection([
        request("Query", "GET", "https://api.example.com/graphql", {
          body: { mode: "graphql", graphql: { query: "{ me { id } }", variables: '{"a": 1}' } },
        }),
      ]),
    );
    const operation = op(document.definition, "/graphql", "post");
    const body = param(operation, "body");
    expect(body.schema?.required).toEqual(["query"]);
    expect(body.schema?.example).toEqual({ query: "{ me { id } }", variables: { a: 1 } });
    expect(report.filter((e) => e.source === "Query").map((e) => e.kind)).toEqual([
      "approximated",
      "approximated",
    ]);
  });

  it("drops a body on GET (not allowed in connectors) and reports it", async () => {
    const { document, report } = await convert(
      collection([
        request("Get", "GET", "https://api.example.com/a", { body: { mode: "raw", raw: '{"x":1}' } }),
      ]),
    );
    expect(op(document.definition, "/a", "get").parameters).toBeUndefined();
    expect(report.find((e) => e.source === "Get")?.kind).toBe("dropped");
  });
});

describe("convertPostman: names that are Object.prototype members", () => {
  it("treats a body language or auth type named like a prototype member as unknown (found by fast-check)", async () => {
    const { document, report } = await convert(
      collection([
        request("A", "POST", "https://api.example.com/a", {
          body: { mode: "raw", raw: "hello", options: { raw: { language: "constructor" } } },
          auth: { type: "toString" },
        }),
      ]),
    );
    expect(op(document.definition, "/a", "post").consumes).toEqual(["text/plain"]);
    expect(report.find((e) => e.source === "A")?.message).toMatch(/"tostring" is not recognised/);
  });
});

describe("convertPostman: bodies on GET", () => {
  it("turns form fields sent with GET (v1 params) into query parameters, and ignores empty form bodies", async () => {
    const { document, report } = await convert(
      collection([
        request("Route", "GET", "https://api.example.com/route", {
          body: { mode: "urlencoded", urlencoded: [{ key: "mode", value: "fastest" }] },
        }),
        request("List", "GET", "https://api.example.com/list", { body: { mode: "formdata", formdata: [] } }),
      ]),
    );
    expect(param(op(document.definition, "/route", "get"), "mode")).toMatchObject({
      in: "query",
      required: true,
    });
    expect(report.find((e) => e.source === "Route")?.message).toMatch(/became query parameters/);
    expect(report.some((e) => e.source === "List")).toBe(false);
  });
});

describe("convertPostman: auth", () => {
  it("resolves inheritance: collection bearer → apiKey Authorization; folder noauth; request override", async () => {
    const { document } = await convert(kitchenSink);
    const def = document.definition;
    expect(def.securityDefinitions?.bearer_auth).toMatchObject({
      type: "apiKey",
      in: "header",
      name: "Authorization",
    });
    expect(op(def, "/orders", "get").security).toEqual([{ bearer_auth: [] }]);
    expect(op(def, "/files", "post").security).toEqual([]);
    expect(op(def, "/graphql", "post").security).toEqual([{ api_key: [] }]);
    // Several schemes: several authentication options.
    expect(def.security).toEqual([{ bearer_auth: [] }, { api_key: [] }]);
  });

  it("keeps a single scheme at the root only", async () => {
    const { document } = await convert(
      collection([request("A", "GET", "https://api.example.com/a")], {
        auth: { type: "bearer", bearer: [{ key: "token", value: "t" }] },
      }),
    );
    expect(document.definition.security).toEqual([{ bearer_auth: [] }]);
    expect(op(document.definition, "/a", "get").security).toBeUndefined();
  });

  it("maps apikey in query and basic", async () => {
    const { document } = await convert(
      collection([
        request("A", "GET", "https://api.example.com/a?api_key=zzz", {
          auth: {
            type: "apikey",
            apikey: [
              { key: "key", value: "api_key" },
              { key: "in", value: "query" },
              { key: "value", value: "zzz" },
            ],
          },
        }),
        request("B", "GET", "https://api.example.com/b", {
          auth: { type: "basic", basic: [{ key: "password", value: "pw-secret-1" }] },
        }),
      ]),
    );
    const def = document.definition;
    expect(def.securityDefinitions).toEqual({
      api_key: { type: "apiKey", in: "query", name: "api_key" },
      basic_auth: { type: "basic" },
    });
    expect(op(def, "/a", "get").parameters).toBeUndefined();
  });

  it("maps OAuth 2.0 authorization code with its URLs and scopes to accessCode", async () => {
    const { document } = await convert(
      collection([request("Me", "GET", "https://graph.example.com/me")], {
        variable: [{ key: "tenant", value: "common" }],
        auth: {
          type: "oauth2",
          oauth2: [
            { key: "grant_type", value: "authorization_code" },
            { key: "authUrl", value: "https://login.example.com/{{tenant}}/authorize" },
            { key: "accessTokenUrl", value: "https://login.example.com/{{tenant}}/token" },
            { key: "scope", value: "User.Read offline_access" },
            { key: "clientId", value: "client-id-value" },
            { key: "clientSecret", value: "client-secret-value" },
          ],
        },
      }),
    );
    const def = document.definition;
    expect(def.securityDefinitions?.oauth2_auth).toEqual({
      type: "oauth2",
      flow: "accessCode",
      authorizationUrl: "https://login.example.com/common/authorize",
      tokenUrl: "https://login.example.com/common/token",
      scopes: { "User.Read": "User.Read", offline_access: "offline_access" },
    });
    expect(def.security).toEqual([{ oauth2_auth: ["User.Read", "offline_access"] }]);
    expect(JSON.stringify(document)).not.toMatch(/client-secret-value|client-id-value/);
  });

  it("reports other OAuth 2.0 grants and missing URLs as approximated", async () => {
    const { document, report } = await convert(
      collection([request("A", "GET", "https://api.example.com/a")], {
        auth: { type: "oauth2", oauth2: [{ key: "grant_type", value: "client_credentials" }] },
      }),
    );
    expect(document.definition.securityDefinitions?.oauth2_auth?.flow).toBe("accessCode");
    expect(
      report.filter((e) => e.kind === "approximated" && /client_credentials|placeholder/.test(e.message)),
    ).toHaveLength(3);
  });

  it.each([
    ["digest", /custom code/],
    ["hawk", /custom code/],
    ["awsv4", /custom code/],
    ["ntlm", /gateway/],
    ["oauth1", /custom code/],
  ])("reports %s auth as dropped with the route that covers it", async (type, route) => {
    const { document, report } = await convert(
      collection([
        request("A", "GET", "https://api.example.com/a", {
          auth: { type, [type]: [{ key: "password", value: "x-secret-x" }] },
        }),
      ]),
    );
    const entry = report.find((e) => e.source === "A" && e.kind === "dropped");
    expect(entry?.message).toMatch(route);
    expect(entry?.target).toBe("/paths/~1a/get");
    expect(document.definition.securityDefinitions).toEqual({});
  });

  it("turns a hand-written Authorization header into API key auth without copying the token", async () => {
    const { document, report } = await convert(
      collection([
        request("A", "GET", "https://api.example.com/a", {
          header: [{ key: "Authorization", value: "Bearer eyJhbGciOi.abc.def" }],
        }),
      ]),
    );
    expect(document.definition.securityDefinitions?.bearer_auth).toMatchObject({ name: "Authorization" });
    expect(JSON.stringify(document)).not.toContain("eyJhbGciOi");
    expect(report.some((e) => /Authorization header became/.test(e.message))).toBe(true);
  });

  it("never copies secret values (auth, credential variables, bodies, examples) into the output", async () => {
    const { document } = await convert(kitchenSink);
    const text = JSON.stringify(document);
    for (const secret of [
      "sk_live_collection_token_123456789",
      "super-secret-variable-value",
      "hunter2hunter2",
      "apikey-value-987654321",
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});

describe("convertPostman: responses and scripts", () => {
  it("infers one schema per status code from all its examples", async () => {
    const { document, report } = await convert(kitchenSink);
    const responses = op(document.definition, "/orders", "get").responses ?? {};
    const ok = responses["200"] as { schema: JsonObject; description: string; examples: JsonObject };
    expect(ok.description).toBe("Two orders");
    expect(ok.schema.required).toEqual(["items"]); // "next" is only in one example
    const item = (ok.schema as { properties: { items: { items: JsonObject } } }).properties.items.items;
    expect((item as { properties: JsonObject }).properties.note).toEqual({
      type: "string",
      "x-nullable": true,
    });
    expect((item as { properties: JsonObject }).properties.total).toEqual({
      type: "number",
      format: "float",
    });
    expect(ok.examples["application/json"]).toBeDefined();
    expect(responses["400"]).toMatchObject({ description: "Bad filter" });
    const flagged = report.find((e) => e.target === "/paths/~1orders/get/responses/200");
    expect(flagged?.message).toMatch(/tags: empty array/);
  });

  it("adds a 200 response when there is no example", async () => {
    const { document } = await convert(kitchenSink);
    expect(op(document.definition, "/files", "post").responses).toEqual({ "200": { description: "OK" } });
  });

  it("reports pre-request and test scripts at every level", async () => {
    const { report } = await convert(kitchenSink);
    const scripts = report.filter((e) => /script/.test(e.message));
    expect(scripts.map((e) => [e.kind, e.source, e.target])).toEqual([
      ["dropped", "Contoso Orders (collection)", undefined],
      ["dropped", "Orders / Create order", "/paths/~1orders/post"],
    ]);
  });
});

describe("convertPostman: apiProperties", () => {
  it("puts the connection properties and the blank connector's defaults under properties", async () => {
    const { document } = await convert(kitchenSink);
    const properties = document.properties.properties as JsonObject;
    expect(properties.iconBrandColor).toBe("#007ee5");
    expect(properties.policyTemplateInstances).toEqual([]);
    expect("connectionParameters" in properties || "connectionParameterSets" in properties).toBe(true);
  });
});

describe("credentials in requests never reach the output or the report", () => {
  const everything = (result: ConversionResult) => JSON.stringify(result);

  it("cuts user:password@ off the base URL, keeps the host and says so without the values", async () => {
    const result = await convert(
      collection([request("Run", "GET", "{{baseUrl}}/run")], {
        variable: [{ key: "baseUrl", value: "https://alice:s3cr3t-pa55@host.example.com/api" }],
      }),
    );
    expect(result.document.definition.host).toBe("host.example.com");
    expect(everything(result)).not.toContain("s3cr3t-pa55");
    expect(everything(result)).not.toContain("alice");
    const entry = result.report.find((e) => /user name and password/.test(e.message));
    expect(entry).toMatchObject({ kind: "dropped", target: "/host" });
    expect(entry?.message).toMatch(/withheld/);
  });

  it("withholds the values of secret-named headers and queries (any case), keeps ordinary ones", async () => {
    const result = await convert(
      collection([
        request(
          "Run",
          "GET",
          "https://fn.example.com/api/run?code=Zm4tY29kZS12YWx1ZQ&sig=c2lnLXZhbHVl&country_code=US",
          {
            header: [
              { key: "x-FUNCTIONS-key", value: "fn-key-value" },
              { key: "Accept-Language", value: "en-GB" },
            ],
          },
        ),
      ]),
    );
    const run = op(result.document.definition, "/api/run", "get");
    expect(param(run, "code")["x-ms-test-value"]).toBeUndefined();
    expect(param(run, "sig")["x-ms-test-value"]).toBeUndefined();
    expect(param(run, "country_code")["x-ms-test-value"]).toBe("US");
    expect(param(run, "x-FUNCTIONS-key").default).toBeUndefined();
    expect(param(run, "Accept-Language").default).toBe("en-GB");
    for (const value of ["Zm4tY29kZS12YWx1ZQ", "c2lnLXZhbHVl", "fn-key-value"])
      expect(everything(result)).not.toContain(value);
    const withheld = result.report.filter((e) => /withheld/.test(e.message)).map((e) => e.message);
    expect(withheld).toHaveLength(3);
    expect(withheld.join("\n")).toMatch(/"x-FUNCTIONS-key"/);
    expect(withheld.join("\n")).toMatch(/"code"/);
  });
});
