import { describe, expect, it } from "vitest";
import type { ConnectorDocument } from "../model/connector-document";
import { createEmptyConnector } from "../model/create-empty-connector";
import type { JsonObject } from "../model/json-value";
import { listOperations, type SwaggerDocument } from "../model/swagger-types";
import { globToRegExp, operationTags, selectOperations } from "./select-operations";

const OK = { "200": { description: "OK" } };

function connector(): ConnectorDocument {
  const empty = createEmptyConnector("Shop");
  const op = (operationId: string, extra: JsonObject = {}): JsonObject => ({
    operationId,
    responses: OK,
    ...extra,
  });
  const definition = {
    ...empty.definition,
    definitions: {
      Customer: { type: "object", properties: { id: { type: "string" } } },
      Charge: { type: "object", properties: { id: { type: "string" } } },
    },
    paths: {
      "/v1/customers": {
        get: op("ListCustomers", {
          responses: { "200": { description: "OK", schema: { $ref: "#/definitions/Customer" } } },
        }),
      },
      "/v1/customers/{id}": { delete: op("DeleteCustomer") },
      "/v1/customers/{id}/sources/{source}": { get: op("GetSource") },
      "/v1/charges": {
        post: op("CreateCharge", {
          responses: { "200": { description: "OK", schema: { $ref: "#/definitions/Charge" } } },
        }),
      },
      "/admin/users": { get: op("ListUsers", { tags: ["Admin"] }) },
    },
  } as SwaggerDocument;
  const properties = {
    properties: {
      ...(empty.properties.properties as JsonObject),
      scriptOperations: ["CreateCharge", "ListCustomers"],
    },
  };
  return { ...empty, definition, properties };
}

const ids = (doc: ConnectorDocument) => listOperations(doc.definition).map((o) => o.operation.operationId);

describe("selectOperations", () => {
  it("keeps operations by tag (untagged ones by their first path segment after a version), without case", () => {
    const result = selectOperations(connector(), { includeTags: ["Customers", "admin", "nope"] });
    expect(ids(result.document)).toEqual(["ListCustomers", "DeleteCustomer", "GetSource", "ListUsers"]);
    expect(result).toMatchObject({ total: 5, kept: 4, unknownTags: ["nope"] });
    // What only the dropped operations used goes too.
    expect(Object.keys(result.document.definition.definitions ?? {})).toEqual(["Customer"]);
    expect((result.document.properties.properties as JsonObject).scriptOperations).toEqual(["ListCustomers"]);
  });

  it("keeps operations by path globs and drops excluded ones; criteria combine", () => {
    const doc = connector();
    expect(ids(selectOperations(doc, { includePaths: ["/v1/customers/**"] }).document)).toEqual([
      "ListCustomers",
      "DeleteCustomer",
      "GetSource",
    ]);
    expect(ids(selectOperations(doc, { includePaths: ["/v1/*"] }).document)).toEqual([
      "ListCustomers",
      "CreateCharge",
    ]);
    expect(
      ids(
        selectOperations(doc, {
          includeTags: ["customers"],
          excludePaths: ["/v1/customers/*/sources/**"],
        }).document,
      ),
    ).toEqual(["ListCustomers", "DeleteCustomer"]);
    expect(selectOperations(doc, { excludePaths: ["/**"] }).kept).toBe(0);
  });

  it("returns the same document when everything is selected", () => {
    const doc = connector();
    expect(selectOperations(doc, {}).document).toBe(doc);
    expect(selectOperations(doc, { includePaths: [" "], includeTags: [] }).document).toBe(doc);
  });

  it("globs: * within a segment, ** across, ? one character, braces literal, case and trailing / ignored", () => {
    expect(globToRegExp("/v1/customers/{id}").test("/V1/Customers/{id}/")).toBe(true);
    expect(globToRegExp("/v1/customers/{id}").test("/v1/customers/x")).toBe(false);
    expect(globToRegExp("/v?/*").test("/v2/charges")).toBe(true);
    expect(globToRegExp("/v?/*").test("/v2/charges/x")).toBe(false);
    expect(globToRegExp("/**/sources/*").test("/v1/customers/{id}/sources/{s}")).toBe(true);
    expect(globToRegExp("/v1/customers/**").test("/v1/customers")).toBe(true);
  });

  it("operationTags: tags first, else the first segment that is not a version, api prefix or variable", () => {
    const ref = (path: string, tags?: string[]) => ({
      path,
      method: "get" as const,
      operation: tags ? { tags } : {},
    });
    expect(operationTags(ref("/v1/x", ["A", "B"]))).toEqual(["A", "B"]);
    expect(operationTags(ref("/api/v2.1/orders/{id}"))).toEqual(["orders"]);
    expect(operationTags(ref("/2010-04-01/Accounts/{Sid}/Calls.json"))).toEqual(["Accounts"]);
    expect(operationTags(ref("/{tenant}/reports.json"))).toEqual(["reports"]);
    expect(operationTags(ref("/"))).toEqual([]);
  });
});
