import { describe, expect, it } from "vitest";
import { createEmptyConnector } from "../create-empty-connector";
import { getAtPointer, toPointer } from "../json-pointer";
import type { ConnectorDocument } from "../connector-document";
import {
  addSchemaProperty,
  dropdownKind,
  importRequestSample,
  literalFromText,
  literalProblem,
  literalToText,
  parseRequestSample,
  patchObject,
  readDynamicValues,
  readStaticValues,
  removeSchemaProperty,
  renameParameter,
  renameSchemaProperty,
  setDropdown,
  setSchemaPropertyRequired,
  setParameterType,
  setSchemaType,
  titleFromName,
} from "./parameters";
import { importResponseSample, parseResponseSample } from "./responses";
import { addOperation, planNewOperation } from "./operations";
import type { JsonObject } from "../json-value";

function docWithAction(): { doc: ConnectorDocument; location: { path: string; method: "get" } } {
  const base = createEmptyConnector("T");
  base.definition.basePath = "/v1";
  const plan = planNewOperation(base.definition, "action");
  return { doc: addOperation(plan.location, plan.operation).apply(base), location: plan.location as never };
}

const sample = {
  verb: "POST",
  url: "https://api.contoso.com/v1/lists/{listId}/items?top=10&filter=open",
  headers: "Content-Type: application/json\nAuthorization: Bearer x\nX-Tenant: contoso",
  body: '{"title":"Milk","count":2,"price":1.5,"due":"2024-01-02T03:04:05Z","tags":["a"],"owner":{"userName":"ann"}}',
};

describe("parseRequestSample", () => {
  it("strips the base path, keeps {name} segments and splits query pairs", () => {
    const parsed = parseRequestSample(sample, "/v1");
    if (!parsed.ok) throw new Error(parsed.errors.join());
    expect(parsed.value.method).toBe("post");
    expect(parsed.value.path).toBe("/lists/{listId}/items");
    expect(parsed.value.query).toEqual([
      { name: "top", value: "10" },
      { name: "filter", value: "open" },
    ]);
  });

  it("gives clear messages for bad input", () => {
    const parsed = parseRequestSample({ verb: "FETCH", url: "", headers: "no colon", body: "{" });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toHaveLength(4);
    expect(parsed.errors[0]).toContain("not an HTTP verb");
  });
});

describe("importRequestSample", () => {
  it("infers path, query, header and body parameters; platform headers are skipped", () => {
    const { doc, location } = docWithAction();
    const parsed = parseRequestSample(sample, "/v1");
    if (!parsed.ok) throw new Error("parse");
    const next = importRequestSample(location, parsed.value).apply(doc);
    const op = getAtPointer(next.definition, "/paths/~1lists~1{listId}~1items/post") as JsonObject;
    const params = op.parameters as JsonObject[];
    expect(params.map((p) => `${p.in}:${p.name}`)).toEqual([
      "path:listId",
      "query:top",
      "query:filter",
      "header:X-Tenant",
      "body:body",
    ]);
    expect(params[0]).toMatchObject({ required: true, "x-ms-summary": "List ID" });
    expect(params[1]).toMatchObject({ type: "integer", "x-ms-test-value": 10 });
    const schema = params[4]?.schema as JsonObject;
    expect(getAtPointer(schema, "/properties/count")).toMatchObject({ type: "integer", format: "int32" });
    expect(getAtPointer(schema, "/properties/price")).toMatchObject({ type: "number", format: "float" });
    expect(getAtPointer(schema, "/properties/due")).toMatchObject({ type: "string", format: "date-time" });
    expect(getAtPointer(schema, "/properties/tags/items/type")).toBe("string");
    expect(getAtPointer(schema, "/properties/owner/properties/userName/x-ms-summary")).toBe("User Name");
    expect(op.consumes).toEqual(["application/json"]);
    // The old placeholder path is gone.
    expect(next.definition.paths?.[location.path]).toBeUndefined();
  });

  it("makes sample values examples (x-ms-test-value), not defaults, unless asked; no property required", () => {
    const { doc, location } = docWithAction();
    const parsed = parseRequestSample(
      {
        verb: "GET",
        url: "https://api.contoso.com/v1/tickets?status=open&limit=10&api_key=s3cret",
        headers: "Accept-Language: en-US",
        body: '{"title":"Printer","owner":{"name":"ann"}}',
      },
      "/v1",
    );
    if (!parsed.ok) throw new Error("parse");
    const asExamples = importRequestSample(location, parsed.value).apply(doc);
    const params = getAtPointer(asExamples.definition, "/paths/~1tickets/get/parameters") as JsonObject[];
    expect(params.map((p) => [p.name, p.default, p["x-ms-test-value"]])).toEqual([
      ["status", undefined, "open"],
      ["limit", undefined, 10],
      // A credential's value never enters the connector.
      ["api_key", undefined, undefined],
      ["Accept-Language", undefined, "en-US"],
      ["body", undefined, undefined],
    ]);
    const schema = params[4]?.schema as JsonObject;
    expect(schema.required).toBeUndefined();
    expect(getAtPointer(schema, "/properties/owner/required")).toBeUndefined();

    const asDefaults = importRequestSample(location, parsed.value, { valuesAsDefaults: true }).apply(doc);
    const withDefaults = getAtPointer(
      asDefaults.definition,
      "/paths/~1tickets/get/parameters",
    ) as JsonObject[];
    expect(withDefaults.map((p) => [p.name, p.default, p["x-ms-test-value"]])).toEqual([
      ["status", "open", undefined],
      ["limit", 10, undefined],
      ["api_key", undefined, undefined],
      ["Accept-Language", "en-US", undefined],
      ["body", undefined, undefined],
    ]);
  });

  it("re-importing merges instead of wiping the maker's edits", () => {
    const { doc, location } = docWithAction();
    const parsed = parseRequestSample(sample, "/v1");
    if (!parsed.ok) throw new Error("parse");
    let next = importRequestSample(location, parsed.value).apply(doc);
    const opPointer = "/paths/~1lists~1{listId}~1items/post";
    next = patchObject(`${opPointer}/parameters/1`, { "x-ms-summary": "How many", default: 5 }).apply(next);
    next = patchObject(`${opPointer}/parameters/4/schema/properties/title`, {
      description: "Name of it",
    }).apply(next);
    const again = parseRequestSample({ ...sample, body: '{"title":"Eggs","note":"new field"}' }, "/v1");
    if (!again.ok) throw new Error("parse");
    next = importRequestSample({ path: "/lists/{listId}/items", method: "post" }, again.value).apply(next);
    expect(getAtPointer(next.definition, `${opPointer}/parameters/1`)).toMatchObject({
      "x-ms-summary": "How many",
      default: 5,
    });
    expect(
      getAtPointer(next.definition, `${opPointer}/parameters/4/schema/properties/title/description`),
    ).toBe("Name of it");
    expect(getAtPointer(next.definition, `${opPointer}/parameters/4/schema/properties/note/type`)).toBe(
      "string",
    );
    expect(getAtPointer(next.definition, `${opPointer}/parameters/4/schema/properties/count/type`)).toBe(
      "integer",
    );
  });
});

describe("responses", () => {
  it("puts the sample's schema on 200, never on default", () => {
    const { doc, location } = docWithAction();
    const parsed = parseResponseSample({
      headers: "X-Rate: 5\nContent-Type: application/json",
      body: '{"id":1}',
    });
    if (!parsed.ok) throw new Error("parse");
    const next = importResponseSample(location, parsed).apply(doc);
    const responses = getAtPointer(
      next.definition,
      toPointer(["paths", location.path, "get", "responses"]),
    ) as JsonObject;
    expect(responses.default).toBeUndefined();
    expect(getAtPointer(responses, "/200/schema/properties/id/type")).toBe("integer");
    // One sample shows what a response can hold, not what it must: nothing is marked required.
    expect(getAtPointer(responses, "/200/schema/required")).toBeUndefined();
    expect(getAtPointer(responses, "/200/headers")).toEqual({
      "X-Rate": { type: "string", description: "X-Rate" },
    });
  });
});

describe("dropdowns", () => {
  it("switches between static and dynamic and back to none", () => {
    const { doc, location } = docWithAction();
    const pointer = toPointer(["paths", location.path, "get", "parameters", "0"]);
    let next = patchObject(toPointer(["paths", location.path, "get"]), {
      parameters: [{ name: "kind", in: "query", type: "string" }],
    }).apply(doc);
    next = setDropdown(pointer, "static", {
      values: [
        { value: "a", displayName: "Alpha" },
        { value: "b", displayName: "" },
      ],
    }).apply(next);
    const param = getAtPointer(next.definition, pointer) as JsonObject;
    expect(param.enum).toEqual(["a", "b"]);
    expect(dropdownKind(param)).toBe("static");
    expect(readStaticValues(param)).toEqual([
      { value: "a", displayName: "Alpha" },
      { value: "b", displayName: "b" },
    ]);
    next = setDropdown(pointer, "dynamic", {
      dynamic: {
        operationId: "GetKinds",
        parameters: { scope: { parameter: "kind" } },
        valuePath: "id",
        valueTitle: "name",
        valueCollection: "value",
      },
    }).apply(next);
    const dynamic = getAtPointer(next.definition, pointer) as JsonObject;
    expect(dynamic.enum).toBeUndefined();
    expect(readDynamicValues(dynamic).valueTitle).toBe("name");
    next = setDropdown(pointer, "none").apply(next);
    expect(getAtPointer(next.definition, pointer)).toEqual({ name: "kind", in: "query", type: "string" });
  });
});

describe("static values follow the parameter's type", () => {
  it("writes numbers for an integer parameter", () => {
    const { doc, location } = docWithAction();
    const op = toPointer(["paths", location.path, "get"]);
    let next = patchObject(op, { parameters: [{ name: "top", in: "query", type: "integer" }] }).apply(doc);
    next = setDropdown(`${op}/parameters/0`, "static", {
      values: [
        { value: "10", displayName: "Ten" },
        { value: "x", displayName: "" },
      ],
    }).apply(next);
    expect(getAtPointer(next.definition, `${op}/parameters/0/enum`)).toEqual([10, "x"]);
    expect(getAtPointer(next.definition, `${op}/parameters/0/x-ms-enum-values/0`)).toEqual({
      value: 10,
      displayName: "Ten",
    });
  });
});

describe("typed values of a parameter (default value, static values)", () => {
  it("tells valid text from invalid per type and format", () => {
    expect(literalProblem("25", "integer")).toBeNull();
    expect(literalProblem("2.5", "integer")).not.toBeNull();
    expect(literalProblem("9007199254740993", "integer", "int64")).toMatch(/too large/);
    expect(literalProblem("2147483648", "integer", "int32")).toMatch(/int32/);
    expect(literalProblem("-2147483648", "integer", "int32")).toBeNull();
    expect(literalProblem("-1.5e2", "number")).toBeNull();
    expect(literalProblem("false", "boolean")).toBeNull();
    expect(literalProblem("[1, 2]", "array")).toBeNull();
    expect(literalProblem("{}", "array")).not.toBeNull();
    expect(literalProblem("x", "file")).not.toBeNull();
    expect(literalProblem("anything", "string")).toBeNull();
  });

  it("converts text to JSON and back", () => {
    expect(literalFromText("25", "integer")).toBe(25);
    expect(literalFromText("true", "boolean")).toBe(true);
    expect(literalFromText('["a"]', "array")).toEqual(["a"]);
    expect(literalFromText("", "string")).toBeUndefined();
    expect(literalToText(25)).toBe("25");
    expect(literalToText(["a"])).toBe('["a"]');
    expect(literalToText(undefined)).toBe("");
  });

  it("setParameterType converts what converts exactly, drops a format that no longer fits, adds items", () => {
    const { doc, location } = docWithAction();
    const op = toPointer(["paths", location.path, "get"]);
    const pointer = `${op}/parameters/0`;
    let next = patchObject(op, {
      parameters: [
        {
          name: "top",
          in: "query",
          type: "string",
          format: "date",
          default: "25",
          enum: ["25", "50", "many"],
          "x-ms-enum-values": [{ value: "50", displayName: "Fifty" }],
        },
      ],
    }).apply(doc);
    next = setParameterType(pointer, "integer").apply(next);
    expect(getAtPointer(next.definition, pointer)).toEqual({
      name: "top",
      in: "query",
      type: "integer",
      default: 25,
      enum: [25, 50, "many"],
      "x-ms-enum-values": [{ value: 50, displayName: "Fifty" }],
    });
    next = setParameterType(pointer, "string").apply(next);
    expect(getAtPointer(next.definition, `${pointer}/default`)).toBe("25");
    expect(getAtPointer(next.definition, `${pointer}/enum`)).toEqual(["25", "50", "many"]);
    next = setParameterType(pointer, "array").apply(next);
    expect(getAtPointer(next.definition, `${pointer}/items`)).toEqual({ type: "string" });
    next = setParameterType(pointer, "boolean").apply(next);
    expect(getAtPointer(next.definition, `${pointer}/items`)).toBeUndefined();
    expect(setParameterType(pointer, "boolean").apply(next)).toBe(next);
  });
});

describe("renameParameter", () => {
  const withParams = () => {
    const { doc, location } = docWithAction();
    const op = toPointer(["paths", location.path, "get"]);
    const next = patchObject(op, {
      parameters: [
        { name: "site", in: "query", type: "string" },
        {
          name: "list",
          in: "query",
          type: "string",
          "x-ms-dynamic-values": { operationId: "GetLists", parameters: { site: { parameter: "site" } } },
        },
        {
          name: "body",
          in: "body",
          schema: {
            "x-ms-dynamic-properties": {
              operationId: "GetSchema",
              parameters: { site: { parameterReference: "site" }, fixed: { value: "site" } },
            },
          },
        },
        { name: "other", in: "header", type: "string" },
      ],
    }).apply(doc);
    return { doc: next, op };
  };

  it("renames the parameter and the bindings of its operation that pass its value on", () => {
    const { doc, op } = withParams();
    const next = renameParameter(`${op}/parameters/0`, "siteId").apply(doc);
    expect(getAtPointer(next.definition, `${op}/parameters/0/name`)).toBe("siteId");
    expect(getAtPointer(next.definition, `${op}/parameters/1/x-ms-dynamic-values/parameters`)).toEqual({
      site: { parameter: "siteId" },
    });
    expect(
      getAtPointer(next.definition, `${op}/parameters/2/schema/x-ms-dynamic-properties/parameters`),
    ).toEqual({ site: { parameterReference: "siteId" }, fixed: { value: "site" } });
  });

  it("refuses an empty name or one another parameter of the same location has", () => {
    const { doc, op } = withParams();
    expect(renameParameter(`${op}/parameters/0`, "").apply(doc)).toBe(doc);
    expect(renameParameter(`${op}/parameters/0`, "list").apply(doc)).toBe(doc);
    // Another location may use the name.
    expect(
      getAtPointer(
        renameParameter(`${op}/parameters/0`, "other").apply(doc).definition,
        `${op}/parameters/0/name`,
      ),
    ).toBe("other");
  });
});

describe("schema property tree", () => {
  it("adds, renames (keeping order and required), retypes and removes properties", () => {
    const { doc } = docWithAction();
    const pointer = "/definitions/Item";
    let next = patchObject("/definitions", {
      Item: { type: "object", properties: { a: { type: "string" } } },
    }).apply(doc);
    next = addSchemaProperty(pointer, "b").apply(next);
    next = addSchemaProperty(pointer, "c").apply(next);
    next = setSchemaPropertyRequired(pointer, "b", true).apply(next);
    next = renameSchemaProperty(pointer, "b", "bee").apply(next);
    let schema = getAtPointer(next.definition, pointer) as JsonObject;
    expect(Object.keys(schema.properties as JsonObject)).toEqual(["a", "bee", "c"]);
    expect(schema.required).toEqual(["bee"]);
    next = setSchemaType(`${pointer}/properties/c`, "array").apply(next);
    expect(getAtPointer(next.definition, `${pointer}/properties/c/items`)).toEqual({ type: "string" });
    next = removeSchemaProperty(pointer, "bee").apply(next);
    schema = getAtPointer(next.definition, pointer) as JsonObject;
    expect(schema.required).toBeUndefined();
    expect(Object.keys(schema.properties as JsonObject)).toEqual(["a", "c"]);
  });
});

describe("titleFromName", () => {
  it("makes display names from identifiers", () => {
    expect(titleFromName("userId")).toBe("User ID");
    expect(titleFromName("due_date")).toBe("Due Date");
    expect(titleFromName("$filter")).toBe("Filter");
  });
});
