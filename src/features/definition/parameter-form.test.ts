import { describe, expect, it } from "vitest";
import type { SwaggerDocument } from "../../model/swagger-types";
import {
  fieldError,
  makeParameterSchema,
  parameterContext,
  parameterFormValues,
  type ParameterContext,
  type ParameterFormValues,
} from "./parameter-form";

const definition: SwaggerDocument = {
  swagger: "2.0",
  parameters: { tenant: { name: "X-Tenant", in: "header", type: "string" } },
  paths: {
    "/lists/{listId}/items": {
      post: {
        operationId: "AddItem",
        parameters: [
          { name: "listId", in: "path", required: true, type: "string" },
          { name: "top", in: "query", type: "integer", default: 10 },
          { name: "filter", in: "query", type: "string" },
          { $ref: "#/parameters/tenant" },
          { name: "body", in: "body", schema: { type: "object" } },
        ],
        responses: {},
      },
    },
  },
};
const op = "/paths/~1lists~1{listId}~1items/post/parameters";

function check(ctx: ParameterContext, values: Partial<ParameterFormValues>, field: string) {
  const base: ParameterFormValues = {
    name: "p",
    summary: "",
    description: "",
    default: "",
    required: false,
    visibility: "none",
    type: "string",
    format: "",
    urlEncoding: "",
    dropdown: "none",
    staticValues: [],
  };
  return fieldError(makeParameterSchema(ctx).safeParse({ ...base, ...values }).error, field);
}

describe("parameterContext", () => {
  it("knows the location, the path template and the other names in that location (refs resolved)", () => {
    expect(parameterContext(definition, `${op}/1`)).toEqual({
      location: "query",
      path: "/lists/{listId}/items",
      siblingNames: ["filter"],
    });
    const header = parameterContext(definition, `${op}/3`);
    expect(header.location).toBe("");
    expect(parameterContext(definition, `${op}/0`).siblingNames).toEqual([]);
  });
});

describe("parameterFormValues", () => {
  it("shows the document's values as text, with none for absent keys", () => {
    const values = parameterFormValues({
      name: "top",
      in: "query",
      type: "integer",
      default: 10,
      enum: [10, 20],
      "x-ms-enum-values": [{ value: 20, displayName: "Twenty" }],
      "x-ms-visibility": "advanced",
    });
    expect(values).toMatchObject({
      name: "top",
      default: "10",
      required: false,
      visibility: "advanced",
      type: "integer",
      format: "",
      dropdown: "static",
      staticValues: [
        { value: "10", displayName: "" },
        { value: "20", displayName: "Twenty" },
      ],
    });
    expect(parameterFormValues({ name: "tags", in: "query", type: "array", default: ["a"] }).default).toBe(
      '["a"]',
    );
  });
});

describe("the parameter schema", () => {
  const query = parameterContext(definition, `${op}/1`);
  const path = parameterContext(definition, `${op}/0`);
  const header: ParameterContext = { location: "header", path: "/x", siblingNames: ["X-Tenant"] };

  it("needs a name that is unique in its location and not reserved", () => {
    expect(check(query, { name: "" }, "name")).toMatch(/needs a name/);
    expect(check(query, { name: "filter" }, "name")).toMatch(/already named “filter”/);
    expect(check(query, { name: "listId" }, "name")).toBeUndefined(); // a path parameter, not a query one
    expect(check(query, { name: "connectionId" }, "name")).toMatch(/reserved/);
    expect(check(query, { name: " top" }, "name")).toMatch(/spaces around/);
    expect(check(header, { name: "x-tenant" }, "name")).toMatch(/already named/); // headers ignore case
    expect(check(header, { name: "Authorization" }, "name")).toMatch(/API key/);
    expect(check(header, { name: "My Header" }, "name")).toMatch(/cannot contain spaces/);
  });

  it("names a path parameter after a placeholder of the path and keeps it required", () => {
    expect(check(path, { name: "listId", required: true }, "name")).toBeUndefined();
    expect(check(path, { name: "list", required: true }, "name")).toMatch(/“listId”/);
    expect(check(path, { name: "listId", required: false }, "required")).toMatch(/always required/);
    expect(check(query, { required: false }, "required")).toBeUndefined();
  });

  it("checks the default value against the type and format", () => {
    expect(check(query, { type: "integer", default: "25" }, "default")).toBeUndefined();
    expect(check(query, { type: "integer", default: "2.5" }, "default")).toMatch(/whole number/);
    expect(check(query, { type: "integer", format: "int32", default: "3000000000" }, "default")).toMatch(
      /int32/,
    );
    expect(check(query, { type: "number", default: "1.5e3" }, "default")).toBeUndefined();
    expect(check(query, { type: "number", default: "abc" }, "default")).toMatch(/number/);
    expect(check(query, { type: "boolean", default: "yes" }, "default")).toMatch(/true or false/);
    expect(check(query, { type: "array", default: '["a"]' }, "default")).toBeUndefined();
    expect(check(query, { type: "array", default: "a,b" }, "default")).toMatch(/JSON/);
    expect(check(query, { type: "string", default: "anything" }, "default")).toBeUndefined();
    expect(check(query, { type: "integer", default: "" }, "default")).toBeUndefined();
  });

  it("checks static values against the type, once each, and the default among them", () => {
    const rows = (...values: string[]) => values.map((value) => ({ value, displayName: "" }));
    const v = { type: "integer", dropdown: "static" as const };
    expect(check(query, { ...v, staticValues: rows("1", "x") }, "staticValues.1.value")).toMatch(/whole/);
    expect(check(query, { ...v, staticValues: rows("1", "01") }, "staticValues.1.value")).toMatch(
      /Value 1 is already/,
    );
    expect(check(query, { ...v, staticValues: rows("1", "") }, "staticValues.1.value")).toMatch(
      /Enter a value/,
    );
    expect(check(query, { ...v, staticValues: rows("1", "2") }, "staticValues.0.value")).toBeUndefined();
    expect(check(query, { ...v, staticValues: rows("1", "2"), default: "3" }, "default")).toMatch(
      /one of the dropdown values/,
    );
    expect(check(query, { ...v, staticValues: rows("1", "2"), default: "2" }, "default")).toBeUndefined();
    // Not a dropdown: the values are not checked.
    expect(
      check(query, { type: "integer", staticValues: rows("x"), default: "3" }, "default"),
    ).toBeUndefined();
  });

  it("keeps the summary to 80 characters", () => {
    expect(check(query, { summary: "a".repeat(81) }, "summary")).toMatch(/80/);
    expect(check(query, { summary: "Page size" }, "summary")).toBeUndefined();
  });
});
