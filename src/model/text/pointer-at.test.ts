import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { definitionItemOf, jsonPointerAt, yamlPointerAt } from "./pointer-at";

const DOC = {
  swagger: "2.0",
  info: { title: "Demo", version: "1.0" },
  paths: {
    "/items/{id}": {
      get: {
        operationId: "GetItem",
        parameters: [
          { name: "id", in: "path", required: true, type: "string" },
          { name: "q~x", in: "query", type: "string" },
        ],
        responses: { "200": { description: "OK" } },
      },
      delete: { operationId: "DeleteItem", responses: { "204": { description: "Gone" } } },
    },
  },
  definitions: { "a/b": { type: "object" } },
};
const JSON_TEXT = JSON.stringify(DOC, null, 4);
const YAML_TEXT = stringify(DOC);

/** The offset of the `occurrence`-th match of `needle` (plus `shift`). */
function at(text: string, needle: string, shift = 0, occurrence = 1): number {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`no ${needle}`);
  }
  return index + shift;
}

describe("jsonPointerAt", () => {
  it("gives the member whose key or value holds the offset", () => {
    expect(jsonPointerAt(JSON_TEXT, at(JSON_TEXT, '"GetItem"', 3))).toBe(
      "/paths/~1items~1{id}/get/operationId",
    );
    expect(jsonPointerAt(JSON_TEXT, at(JSON_TEXT, '"operationId": "DeleteItem"', 2))).toBe(
      "/paths/~1items~1{id}/delete/operationId",
    );
    expect(jsonPointerAt(JSON_TEXT, at(JSON_TEXT, '"q~x"', 1))).toBe(
      "/paths/~1items~1{id}/get/parameters/1/name",
    );
    expect(jsonPointerAt(JSON_TEXT, at(JSON_TEXT, '"a/b"', 1))).toBe("/definitions/a~1b");
  });

  it("counts a member's line from its start (indentation), and right after its value", () => {
    const keyLine = at(JSON_TEXT, '"operationId": "GetItem"');
    const lineStart = JSON_TEXT.lastIndexOf("\n", keyLine) + 1;
    expect(jsonPointerAt(JSON_TEXT, lineStart)).toBe("/paths/~1items~1{id}/get/operationId");
    expect(jsonPointerAt(JSON_TEXT, at(JSON_TEXT, '"GetItem"', '"GetItem"'.length))).toBe(
      "/paths/~1items~1{id}/get/operationId",
    );
    // The key line of an object belongs to that object.
    expect(jsonPointerAt(JSON_TEXT, at(JSON_TEXT, '"get"', 1))).toBe("/paths/~1items~1{id}/get");
  });

  it("gives the container on its brackets and between members", () => {
    expect(jsonPointerAt(JSON_TEXT, 0)).toBe("");
    const closing = at(JSON_TEXT, "]", 0);
    expect(jsonPointerAt(JSON_TEXT, closing)).toBe("/paths/~1items~1{id}/get/parameters");
    expect(jsonPointerAt(JSON_TEXT, JSON_TEXT.length)).toBe("");
  });

  it("decodes escaped keys and reads only up to the offset", () => {
    expect(jsonPointerAt('{"a\\"b": {"c": 1}}', 12)).toBe('/a"b/c');
    // Text after the offset may be broken: the answer is already known.
    expect(jsonPointerAt('{"a": 1, "b": [1, 2', 3)).toBe("/a");
    expect(jsonPointerAt('{"a": 1 "b": 2}', 12)).toBeNull();
  });
});

describe("yamlPointerAt", () => {
  it("finds the same members as in JSON", () => {
    expect(yamlPointerAt(YAML_TEXT, at(YAML_TEXT, "GetItem", 2))).toBe(
      "/paths/~1items~1{id}/get/operationId",
    );
    expect(yamlPointerAt(YAML_TEXT, at(YAML_TEXT, "operationId: DeleteItem", 1))).toBe(
      "/paths/~1items~1{id}/delete/operationId",
    );
    expect(yamlPointerAt(YAML_TEXT, at(YAML_TEXT, "q~x", 1))).toBe(
      "/paths/~1items~1{id}/get/parameters/1/name",
    );
    expect(yamlPointerAt("a: [", 1)).toBeNull();
  });
});

describe("definitionItemOf", () => {
  it.each([
    ["/paths/~1items~1{id}/get/operationId", "operation", "/paths/~1items~1{id}/get"],
    ["/paths/~1items~1{id}/get", "operation", "/paths/~1items~1{id}/get"],
    ["/paths/~1items~1{id}/get/parameters/1/name", "parameter", "/paths/~1items~1{id}/get/parameters/1"],
    ["/paths/~1x/post/responses/200/schema/type", "response", "/paths/~1x/post/responses/200"],
    ["/definitions/a~1b/properties/x", "definition", "/definitions/a~1b"],
    ["/parameters/top", "shared-parameter", "/parameters/top"],
    ["/responses/NotFound/description", "shared-response", "/responses/NotFound"],
    ["/securityDefinitions/oauth2", "security", "/securityDefinitions/oauth2"],
    ["/securityDefinitions/oauth2/scopes/read", "security", "/securityDefinitions/oauth2/scopes"],
    ["/x-ms-connector-metadata/0/propertyValue", "setting", "/x-ms-connector-metadata"],
    ["/host", "setting", "/host"],
    ["/info/title", "setting", "/info/title"],
    ["/info/contact/email", "setting", "/info/contact/email"],
  ])("%s → %s %s", (pointer, kind, item) => {
    expect(definitionItemOf(pointer)).toEqual({ kind, pointer: item });
  });

  it("has nothing for places no step shows on their own", () => {
    expect(definitionItemOf("")).toBeNull();
    expect(definitionItemOf("/paths")).toBeNull();
    expect(definitionItemOf("/paths/~1x")).toBeNull();
    expect(definitionItemOf("/paths/~1x/parameters/0")).toBeNull();
    expect(definitionItemOf("/x-foo/0")).toBeNull();
  });
});
