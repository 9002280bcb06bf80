import { describe, expect, it } from "vitest";
import Ajv from "ajv-draft-04";
import { buildConnectorSchema, DRAFT04_SCHEMA, KNOWN_EXTENSIONS, type SchemaNode } from "./connector-schema";

function at(schema: SchemaNode, ...path: string[]): SchemaNode {
  let node: unknown = schema;
  for (const key of path) node = (node as Record<string, unknown>)[key];
  return node as SchemaNode;
}

describe("connector schema", () => {
  const schema = buildConnectorSchema();

  it("keeps Swagger 2.0 and its vendor-extension pattern", () => {
    expect(at(schema, "properties", "swagger", "enum")).toEqual(["2.0"]);
    expect(at(schema, "definitions", "operation", "patternProperties", "^x-")).toBeDefined();
  });

  it("describes x-ms-visibility with its enum on operations, parameters and schemas", () => {
    for (const path of [
      ["definitions", "operation"],
      ["definitions", "bodyParameter"],
      ["definitions", "queryParameterSubSchema"],
      ["definitions", "pathParameterSubSchema"],
      ["definitions", "schema"],
    ]) {
      const visibility = at(schema, ...path, "properties", "x-ms-visibility");
      expect(visibility["enum"]).toEqual(expect.arrayContaining(["important", "advanced", "internal"]));
      expect(String(visibility["description"])).toMatch(/x-ms-visibility/);
    }
  });

  it("puts each extension where connectors use it, each with a description", () => {
    expect(at(schema, "properties", "x-ms-connector-metadata", "type")).toBe("array");
    expect(at(schema, "definitions", "info", "properties", "x-ms-api-annotation")).toBeDefined();
    expect(at(schema, "definitions", "pathItem", "properties", "x-ms-notification-content")).toBeDefined();
    expect(at(schema, "definitions", "operation", "properties", "x-ms-trigger", "enum")).toEqual([
      "single",
      "batch",
    ]);
    expect(
      at(schema, "definitions", "pathParameterSubSchema", "properties", "x-ms-url-encoding", "enum"),
    ).toEqual(["single", "double"]);
    expect(at(schema, "definitions", "schema", "properties", "x-ms-dynamic-schema")).toBeDefined();
    for (const name of [
      "x-ms-summary",
      "x-ms-trigger-hint",
      "x-ms-dynamic-values",
      "x-ms-dynamic-list",
      "x-ms-dynamic-properties",
      "x-ms-dynamic-tree",
      "x-ms-pageable",
      "x-ms-capabilities",
      "x-ms-openai-data",
      "x-ms-no-generic-test",
      "x-ms-safe-operation",
      "x-ms-editor",
      "x-ms-explicit-only",
    ]) {
      expect(KNOWN_EXTENSIONS[name], name).toBeDefined();
    }
    const walk = (node: unknown, path: string): void => {
      if (!node || typeof node !== "object") return;
      for (const [key, child] of Object.entries(node as Record<string, unknown>)) {
        if (key.startsWith("x-ms-") && path.endsWith("properties")) {
          expect(typeof (child as SchemaNode)["description"], `${path}/${key}`).toBe("string");
        }
        walk(child, `${path}/${key}`);
      }
    };
    walk(schema, "");
  });

  it("compiles with draft-04, accepts a connector and rejects a bad extension value", () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    // ajv-draft-04 ships the draft-04 meta-schema; our copy must be that same document.
    expect(DRAFT04_SCHEMA.schema["id"]).toBe("http://json-schema.org/draft-04/schema#");
    const validate = ajv.compile(schema);
    const connector = {
      swagger: "2.0",
      info: { title: "Demo", version: "1.0", "x-ms-api-annotation": { status: "Preview" } },
      host: "api.example.com",
      paths: {
        "/items": {
          get: {
            operationId: "ListItems",
            "x-ms-visibility": "important",
            "x-ms-custom-thing": { kept: true },
            parameters: [{ name: "q", in: "query", type: "string", "x-ms-summary": "Query" }],
            responses: { "200": { description: "OK" } },
          },
        },
      },
      "x-ms-connector-metadata": [{ propertyName: "Website", propertyValue: "https://example.com" }],
    };
    expect(validate(connector), JSON.stringify(validate.errors)).toBe(true);
    const bad = structuredClone(connector);
    (bad.paths["/items"].get as Record<string, unknown>)["x-ms-visibility"] = "hidden";
    expect(validate(bad)).toBe(false);
  });

  it("returns a fresh copy each time", () => {
    expect(buildConnectorSchema()).not.toBe(schema);
  });
});
