import { describe, expect, it } from "vitest";
import type { ConnectorDocument } from "../model/connector-document";
import { createEmptyConnector } from "../model/create-empty-connector";
import { getAtPointer } from "../model/json-pointer";
import type { JsonObject } from "../model/json-value";
import type { SwaggerDocument } from "../model/swagger-types";
import { countBodySchemas, LIMITS } from "../validation/budget";
import { validateConnectorSync } from "../validation/validate-connector";
import { coerceToType, makeImportReady, readySummary } from "./make-ready";

const OK = { "200": { description: "OK" } };

function connector(definition: Partial<SwaggerDocument>, properties?: JsonObject): ConnectorDocument {
  const empty = createEmptyConnector("Contoso");
  return {
    ...empty,
    definition: { ...empty.definition, host: "api.fabrikam.io", ...definition } as SwaggerDocument,
    ...(properties ? { properties } : {}),
  };
}

function op(operationId: string, extra: JsonObject = {}): JsonObject {
  return { operationId, summary: "Do it", responses: OK, ...extra };
}

const pathParam = (name: string): JsonObject => ({
  name,
  in: "path",
  required: true,
  type: "string",
  "x-ms-url-encoding": "single",
});

function ready(doc: ConnectorDocument) {
  const result = makeImportReady(doc);
  const rules = (kind: string) => result.report.filter((e) => e.kind === kind).map((e) => e.rule);
  return { ...result, def: result.document.definition, rules };
}

function warningsAndErrors(doc: ConnectorDocument): string[] {
  return validateConnectorSync(doc)
    .filter((d) => d.severity !== "info")
    .map((d) => `${d.ruleId} ${d.path}`);
}

describe("makeImportReady: paths", () => {
  it("moves ?query to query parameters with the fixed value, and drops a #fragment twin of an existing operation", () => {
    const doc = connector({
      paths: {
        "/search?type=user&q": { get: op("SearchUsers") },
        "/files/{id}": { get: op("GetFile", { parameters: [pathParam("id")] }) },
        "/files/{id}#shared_link": { get: op("GetSharedLink", { parameters: [pathParam("id")] }) },
      },
    });
    const { def, report, rules } = ready(doc);
    expect(Object.keys(def.paths ?? {})).toEqual(["/files/{id}", "/search"]);
    expect(getAtPointer(def, "/paths/~1search/get/parameters")).toEqual([
      {
        name: "type",
        in: "query",
        type: "string",
        required: true,
        default: "user",
        "x-ms-visibility": "internal",
      },
      { name: "q", in: "query", type: "string", required: false },
    ]);
    expect(getAtPointer(def, "/paths/~1files~1{id}/get/operationId")).toBe("GetFile");
    expect(rules("fixed")).toContain("OperationPathMayNotContainQueryOrFragment");
    expect(rules("dropped")).toEqual(["OperationPathMayNotContainQueryOrFragment"]);
    expect(report.find((e) => e.kind === "dropped")?.message).toContain("GetSharedLink");
    expect(warningsAndErrors(makeImportReady(doc).document)).toEqual([]);
  });

  it("turns a path parameter named in the query (?id={id}) into that query parameter", () => {
    const { def } = ready(
      connector({
        paths: { "/items?item_id={id}": { get: op("GetItem", { parameters: [pathParam("id")] }) } },
      }),
    );
    expect(getAtPointer(def, "/paths/~1items/get/parameters")).toEqual([
      { name: "item_id", in: "query", required: true, type: "string" },
    ]);
  });

  it("unifies templates that differ only in variable names, renaming path parameters, and reports a clash", () => {
    const doc = connector({
      paths: {
        "/users/{id}": {
          parameters: [pathParam("id")],
          get: op("GetUser"),
        },
        "/users/{userId}": {
          delete: op("DeleteUser", { parameters: [pathParam("userId")] }),
          get: op("GetUserAgain", { parameters: [pathParam("userId")] }),
        },
      },
    });
    const { def, rules, document } = ready(doc);
    expect(Object.keys(def.paths ?? {})).toEqual(["/users/{id}"]);
    expect(getAtPointer(def, "/paths/~1users~1{id}/delete/parameters")).toEqual([pathParam("id")]);
    expect(getAtPointer(def, "/paths/~1users~1{id}/get/parameters")).toEqual([pathParam("id")]);
    expect(getAtPointer(def, "/paths/~1users~1{id}/get/operationId")).toBe("GetUser");
    expect(rules("fixed")).toEqual(["DuplicateOperationPath"]);
    expect(rules("dropped")).toEqual(["DuplicateOperationPath"]);
    expect(warningsAndErrors(document)).toEqual([]);
  });
});

describe("makeImportReady: operations", () => {
  it("drops bodies on GET and HEAD but keeps a DELETE body (published connectors use it)", () => {
    const body = { name: "body", in: "body", schema: { type: "object" } };
    const { def, rules, document } = ready(
      connector({
        paths: {
          "/a": {
            get: op("GetA", { parameters: [body, { name: "q", in: "query", type: "string" }] }),
            head: op("HeadA", { parameters: [{ name: "f", in: "formData", type: "string" }] }),
            delete: op("DeleteA", { parameters: [body] }),
          },
        },
      }),
    );
    expect(getAtPointer(def, "/paths/~1a/get/parameters")).toEqual([
      { name: "q", in: "query", type: "string" },
    ]);
    expect(getAtPointer(def, "/paths/~1a/head/parameters")).toEqual([]);
    expect(getAtPointer(def, "/paths/~1a/delete/parameters")).toEqual([body]);
    expect(rules("dropped")).toEqual([
      "BodyOrFormDataParameterInFetchOperationNotAllowed",
      "BodyOrFormDataParameterInFetchOperationNotAllowed",
    ]);
    expect(warningsAndErrors(document)).toEqual([]);
  });

  it("turns Accept and Content-Type header parameters into produces and consumes", () => {
    const { def, report } = ready(
      connector({
        consumes: ["application/json"],
        paths: {
          "/a": {
            post: op("PostA", {
              parameters: [
                {
                  name: "Accept",
                  in: "header",
                  type: "string",
                  default: "application/xml, text/plain;q=0.5",
                },
                { name: "content-type", in: "header", type: "string", enum: ["text/csv"] },
                { name: "X-Other", in: "header", type: "string" },
              ],
            }),
            put: op("PutA", { parameters: [{ name: "Accept", in: "header", type: "string" }] }),
          },
        },
      }),
    );
    expect(getAtPointer(def, "/paths/~1a/post/produces")).toEqual(["application/xml", "text/plain"]);
    expect(getAtPointer(def, "/paths/~1a/post/consumes")).toEqual(["application/json", "text/csv"]);
    expect(getAtPointer(def, "/paths/~1a/post/parameters")).toEqual([
      { name: "X-Other", in: "header", type: "string" },
    ]);
    expect(getAtPointer(def, "/paths/~1a/put/parameters")).toBeUndefined();
    expect(getAtPointer(def, "/paths/~1a/put/produces")).toBeUndefined();
    expect(report.filter((e) => e.kind === "fixed")).toHaveLength(3);
  });

  it("sanitises operationIds, makes them unique without case and renames references with them", () => {
    const doc = connector(
      {
        paths: {
          "/a": {
            get: op("list-items"),
            post: op("ListItems"),
            put: op("listitems"),
            patch: { summary: "No id", responses: OK },
          },
          "/b": {
            get: op("GetB", {
              parameters: [
                {
                  name: "kind",
                  in: "query",
                  type: "string",
                  "x-ms-dynamic-values": { operationId: "list-items", "value-path": "id" },
                },
              ],
            }),
          },
        },
      },
      { properties: { iconBrandColor: "#007ee5", scriptOperations: ["list-items"] } },
    );
    const { def, document, rules } = ready(doc);
    expect(getAtPointer(def, "/paths/~1a/post/operationId")).toBe("ListItems");
    expect(getAtPointer(def, "/paths/~1a/get/operationId")).toBe("listItems2");
    expect(getAtPointer(def, "/paths/~1a/put/operationId")).toBe("listitems3");
    expect(getAtPointer(def, "/paths/~1a/patch/operationId")).toBe("patchA");
    expect(getAtPointer(def, "/paths/~1b/get/parameters/0/x-ms-dynamic-values/operationId")).toBe(
      "listItems2",
    );
    expect(getAtPointer(document.properties, "/properties/scriptOperations/0")).toBe("listItems2");
    expect(rules("fixed")).toEqual(["OperationIdSanitized", "OperationIdNotUnique", "OperationIdRequired"]);
    expect(warningsAndErrors(document)).toEqual([]);
  });

  it("moves default response schemas with the validator's quick fix and adds path parameter encodings", () => {
    const error = { type: "object", properties: { message: { type: "string" } } };
    const doc = connector({
      parameters: { Id: { name: "id", in: "path", required: true, type: "string" } },
      paths: {
        "/a/{id}": {
          get: op("GetA", {
            parameters: [{ $ref: "#/parameters/Id" }],
            responses: { default: { description: "Result", schema: error } },
          }),
        },
        "/b/{name}": {
          parameters: [{ name: "name", in: "path", required: true, type: "string" }],
          get: op("GetB", {
            responses: {
              "200": { description: "OK", schema: error },
              default: { description: "E", schema: error },
            },
          }),
          delete: op("DeleteB", {
            responses: { "204": { description: "Gone" }, default: { description: "E", schema: error } },
          }),
        },
      },
    });
    const { def, document, report } = ready(doc);
    expect(getAtPointer(def, "/paths/~1a~1{id}/get/responses")).toEqual({
      default: { description: "Result" },
      "200": { description: "Result", schema: error },
    });
    expect(getAtPointer(def, "/paths/~1b~1{name}/get/responses/default")).toEqual({ description: "E" });
    expect(getAtPointer(def, "/paths/~1b~1{name}/delete/responses")).toEqual({
      "204": { description: "Gone" },
      default: { description: "E" },
    });
    expect(getAtPointer(def, "/parameters/Id/x-ms-url-encoding")).toBe("single");
    expect(getAtPointer(def, "/paths/~1b~1{name}/parameters/0/x-ms-url-encoding")).toBe("single");
    expect(report.filter((e) => e.rule === "PathParameterMissingEncoding").map((e) => e.target)).toEqual([
      "/parameters/Id/x-ms-url-encoding",
      "/paths/~1b~1{name}/parameters/0/x-ms-url-encoding",
    ]);
    expect(report.find((e) => e.source === "/paths/~1b~1{name}/delete/responses/default")?.target).toBe(
      "/paths/~1b~1{name}/delete/responses/default",
    );
    expect(warningsAndErrors(document)).toEqual([]);
  });

  it("cleans summaries, keeping the full text in the description when cut", () => {
    const long =
      "Returns the list of every invoice of the account, filtered by status and date, sorted by the due date of each invoice.";
    const doc = connector({
      paths: {
        "/a": {
          get: op("GetA", { summary: "Users / List." }),
          post: op("PostA", { summary: " stats/accounts\nnew " }),
          put: op("PutA", { summary: long, description: "Paged." }),
          patch: op("PatchA", { summary: "..." }),
          delete: op("DeleteA", { summary: long, description: `${long} More.` }),
        },
      },
    });
    const { def, rules, document } = ready(doc);
    expect(getAtPointer(def, "/paths/~1a/get/summary")).toBe("Users - List");
    expect(getAtPointer(def, "/paths/~1a/post/summary")).toBe("stats accounts new");
    const cut = getAtPointer(def, "/paths/~1a/put/summary") as string;
    expect(cut.length).toBeLessThanOrEqual(80);
    expect(long.startsWith(cut)).toBe(true);
    expect(getAtPointer(def, "/paths/~1a/put/description")).toBe(`${long}\n\nPaged.`);
    expect(getAtPointer(def, "/paths/~1a/patch/summary")).toBe("Patch a");
    expect(getAtPointer(def, "/paths/~1a/delete/description")).toBe(`${long} More.`);
    expect(rules("fixed")).toEqual([
      "RestrictedCharactersInSummary",
      "RestrictedCharactersInSummary",
      "OperationSummaryTooLong",
      "RestrictedCharactersInSummary",
      "OperationSummaryTooLong",
    ]);
    expect(warningsAndErrors(document)).toEqual([]);
  });

  it("readySummary leaves a clean summary alone and reads a path-like one as words", () => {
    expect(readySummary("Get item (by ID)")).toEqual({ summary: "Get item (by ID)", cut: false });
    expect(readySummary("stats/accounts/:account_id/active_entities").summary).toBe(
      "Stats accounts active entities",
    );
    expect(readySummary("/v1/customers/{id}/paymentMethods").summary).toBe("Customers payment methods");
    // Nothing readable left: only the "/" goes.
    expect(readySummary("/{id}").summary).toBe("{id}");
  });
});

describe("makeImportReady: values and schemas", () => {
  it("writes defaults and enum values in their declared type, removing what cannot be", () => {
    const doc = connector({
      definitions: {
        Thing: {
          type: "object",
          properties: {
            on: { type: "boolean", default: "true" },
            size: { type: "integer", default: "5", enum: ["1", "5", 5, "x"] },
            ratio: { type: "number", default: "abc" },
            label: { type: "string", default: 3, enum: [1, "a"] },
            settings: { type: "object", default: "always" },
            type: { type: "string", example: 5 },
          },
        },
      },
      paths: {
        "/a": {
          get: op("GetA", {
            parameters: [{ name: "flag", in: "query", type: "boolean", default: "false" }],
            responses: { "200": { description: "OK", schema: { $ref: "#/definitions/Thing" } } },
          }),
        },
      },
    });
    const { def, document } = ready(doc);
    expect(getAtPointer(def, "/definitions/Thing/properties")).toEqual({
      on: { type: "boolean", default: true },
      size: { type: "integer", default: 5, enum: [1, 5] },
      ratio: { type: "number" },
      label: { type: "string", default: "3", enum: ["1", "a"] },
      settings: { type: "object" },
      type: { type: "string", example: 5 },
    });
    expect(getAtPointer(def, "/paths/~1a/get/parameters/0/default")).toBe(false);
    expect(warningsAndErrors(document)).toEqual([]);
  });

  it("coerceToType keeps meaning or gives up", () => {
    expect(coerceToType("1.5", "integer")).toBeUndefined();
    expect(coerceToType("1.5", "number")).toBe(1.5);
    expect(coerceToType(1, "boolean")).toBe(true);
    expect(coerceToType("", "number")).toBeUndefined();
    expect(coerceToType([1], "array")).toEqual([1]);
  });

  it("cuts a body that expands past 512 schemas at the deepest level that fits, with shared cut copies", () => {
    // Five levels of five children each: 1,406 schemas once expanded (cycles are not counted, fan-out is).
    const level = (name: string, child: string | null): JsonObject => {
      const properties: JsonObject = { id: { type: "string" } };
      if (child)
        for (const k of ["a", "b", "c", "d", "e"]) properties[k] = { $ref: `#/definitions/${child}` };
      return { type: "object", description: name, properties };
    };
    const doc = connector({
      definitions: {
        Root: level("Root", "L0"),
        L0: level("L0", "L1"),
        L1: level("L1", "L2"),
        L2: level("L2", "L3"),
        L3: level("L3", null),
        Small: { type: "object", properties: { id: { type: "string" } } },
        NeverUsed: { type: "object", properties: { x: { $ref: "#/definitions/L3" } } },
      },
      paths: {
        "/nodes": {
          post: op("PostNode", {
            parameters: [{ name: "body", in: "body", schema: { $ref: "#/definitions/Root" } }],
            responses: { "200": { description: "OK", schema: { $ref: "#/definitions/Root" } } },
          }),
          get: op("GetSmall", {
            responses: { "200": { description: "OK", schema: { $ref: "#/definitions/L2" } } },
          }),
        },
      },
    });
    expect(countBodySchemas(doc.definition)[0]?.count).toBeGreaterThan(LIMITS.schemasPerBody);
    const { def, document, report } = ready(doc);
    const bodies = countBodySchemas(def);
    expect(Math.max(...bodies.map((b) => b.count))).toBeLessThanOrEqual(LIMITS.schemasPerBody);
    // Depth 4 gives 1 + 1 + 5 × 37 = 187 schemas; depth 5 would give 937.
    expect(bodies.find((b) => b.kind === "body")?.count).toBe(187);
    const cuts = report.filter((e) => e.rule === "BodySchemaCountExceedsMaxAllowed");
    expect(cuts.map((e) => e.target)).toEqual([
      "/paths/~1nodes/post/parameters/0/schema",
      "/paths/~1nodes/post/responses/200/schema",
    ]);
    expect(cuts[0]?.message).toContain("cut at depth 4");
    expect(cuts[0]?.message).toContain("(187 schemas now)");
    expect(Object.keys(def.definitions ?? {}).filter((n) => n.includes("__depth"))).toEqual([
      "Root__depth4",
      "L0__depth3",
      "L1__depth2",
    ]);
    // The original stays (unused definitions of the source are kept), and nothing dangles.
    expect(Object.keys(def.definitions ?? {})).toContain("NeverUsed");
    expect(warningsAndErrors(document)).toEqual([]);
  });

  it("leaves the input unchanged and a ready connector as it is", () => {
    const doc = connector({ paths: { "/a?x=1": { get: op("get-a", { summary: "Get a." }) } } });
    const before = JSON.stringify(doc);
    const first = makeImportReady(doc);
    expect(JSON.stringify(doc)).toBe(before);
    const second = makeImportReady(first.document);
    expect(second.report).toEqual([]);
    expect(second.document.definition).toEqual(first.document.definition);
  });
});
