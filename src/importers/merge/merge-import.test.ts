import { describe, expect, it } from "vitest";
import type { ConnectorDocument } from "../../model/connector-document";
import type { SwaggerDocument } from "../../model/swagger-types";
import { mergeImport } from "./merge-import";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

/** The connector as the maker left it: imported v1, then edited in the wizard. */
function edited(): ConnectorDocument {
  const definition: SwaggerDocument = {
    swagger: "2.0",
    info: { title: "Contoso Tasks", description: "Manage tasks (edited by the maker).", version: "1.0" },
    host: "tasks.contoso.com",
    basePath: "/api",
    schemes: ["https"],
    paths: {
      "/tasks": {
        get: {
          summary: "List tasks",
          description: "Lists the tasks of the signed-in user.",
          operationId: "ListTasks",
          "x-ms-visibility": "important",
          parameters: [
            {
              name: "top",
              in: "query",
              type: "integer",
              "x-ms-summary": "Top count",
              description: "How many tasks.",
              "x-ms-visibility": "advanced",
            },
          ],
          responses: {
            "200": {
              description: "Tasks",
              schema: { type: "array", items: { $ref: "#/definitions/Task" } },
            },
          },
        },
      },
      "/tasks/{taskId}": {
        delete: {
          summary: "Delete a task",
          operationId: "RemoveTask",
          "x-ms-visibility": "advanced",
          parameters: [
            { name: "taskId", in: "path", required: true, type: "string", "x-ms-url-encoding": "single" },
          ],
          responses: { "204": { description: "Deleted" } },
        },
      },
      "/legacy": {
        get: { operationId: "LegacyCall", summary: "Legacy", responses: { "200": { description: "ok" } } },
      },
    },
    definitions: {
      Task: {
        type: "object",
        properties: {
          id: { type: "string", "x-ms-summary": "Task ID", description: "The task's identifier." },
          title: { type: "string", "x-ms-summary": "Title" },
        },
      },
      Legacy: { type: "object", properties: { a: { type: "string" } } },
    },
    securityDefinitions: { "API Key": { type: "apiKey", in: "header", name: "X-Key" } },
    security: [{ "API Key": [] }],
    "x-ms-connector-metadata": [{ propertyName: "Website", propertyValue: "https://contoso.com" }],
  };
  return {
    definition,
    properties: {
      properties: {
        connectionParameters: {
          api_key: { type: "securestring", uiDefinition: { displayName: "Contoso key" } },
        },
        iconBrandColor: "#123456",
        policyTemplateInstances: [
          {
            templateId: "setheader",
            title: "Version header",
            parameters: {
              "x-ms-apimTemplate-operationName": ["ListTasks", "LegacyCall"],
              "x-ms-apimTemplateParameter.name": "X-Version",
            },
          },
        ],
      },
    },
    icon: { bytes: new Uint8Array([137, 80, 78, 71]), mediaType: "image/png" },
    script: "public class Script : ScriptBase {}",
    settings: null,
  };
}

/** v2 of the API, freshly converted: new fields and operations, no maker edits. */
function newVersion(): ConnectorDocument {
  const definition: SwaggerDocument = {
    swagger: "2.0",
    info: { title: "Tasks API", description: "Generated.", version: "2.0" },
    host: "tasks.contoso.com",
    basePath: "/api",
    schemes: ["https"],
    paths: {
      "/tasks": {
        get: {
          summary: "Get tasks",
          operationId: "getTasks",
          parameters: [
            { name: "top", in: "query", type: "integer", description: "Max results." },
            { name: "status", in: "query", type: "string", enum: ["open", "done"] },
          ],
          responses: {
            "200": { description: "OK", schema: { type: "array", items: { $ref: "#/definitions/Task" } } },
          },
        },
        post: {
          operationId: "createTask",
          parameters: [{ name: "body", in: "body", schema: { $ref: "#/definitions/Task" } }],
          responses: { "201": { description: "Created" } },
        },
      },
      "/tasks/{id}": {
        delete: {
          operationId: "deleteTask",
          parameters: [{ name: "id", in: "path", required: true, type: "string" }],
          responses: { "204": { description: "No content" } },
        },
      },
    },
    definitions: {
      Task: {
        type: "object",
        properties: {
          id: { type: "string", description: "Id." },
          title: { type: "string" },
          due: { type: "string", format: "date-time" },
        },
      },
    },
    securityDefinitions: { bearer: { type: "apiKey", in: "header", name: "Authorization" } },
    security: [{ bearer: [] }],
  };
  return {
    definition,
    properties: {
      properties: { connectionParameters: { api_key: { type: "securestring" } }, iconBrandColor: "#007ee5" },
    },
    icon: null,
    script: null,
    settings: null,
  };
}

describe("mergeImport", () => {
  const { document, changes } = mergeImport(edited(), newVersion());
  const def = document.definition as Any;

  it("matches operations by operationId, then by method and path, keeping the maker's operationIds", () => {
    expect(def.paths["/tasks"].get.operationId).toBe("ListTasks");
    expect(def.paths["/tasks/{id}"].delete.operationId).toBe("RemoveTask");
    expect(def.paths["/tasks"].post.operationId).toBe("createTask");
  });

  it("keeps summaries, descriptions and visibility of operations", () => {
    const get = def.paths["/tasks"].get;
    expect(get.summary).toBe("List tasks");
    expect(get.description).toBe("Lists the tasks of the signed-in user.");
    expect(get["x-ms-visibility"]).toBe("important");
    expect(def.paths["/tasks/{id}"].delete.summary).toBe("Delete a task");
  });

  it("keeps x-ms-summary, descriptions and visibility of parameters while taking new parameters", () => {
    const params = def.paths["/tasks"].get.parameters;
    expect(params[0]).toEqual({
      name: "top",
      in: "query",
      type: "integer",
      description: "How many tasks.",
      "x-ms-summary": "Top count",
      "x-ms-visibility": "advanced",
    });
    expect(params[1]).toEqual({ name: "status", in: "query", type: "string", enum: ["open", "done"] });
  });

  it("takes the new path and parameters of a matched operation and reports the change", () => {
    expect(def.paths["/tasks/{taskId}"]).toBeUndefined();
    expect(def.paths["/tasks/{id}"].delete.parameters[0].name).toBe("id");
    expect(changes).toContainEqual(
      expect.objectContaining({
        kind: "changed",
        operationId: "RemoveTask",
        message: expect.stringMatching(/Parameter "id" \(path\) added/),
      }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({
        kind: "changed",
        operationId: "ListTasks",
        message: 'Parameter "status" (query) added.',
      }),
    );
  });

  it("keeps x-ms-* extensions the maker added on schema properties and takes new schema properties", () => {
    const task = def.definitions.Task;
    expect(task.properties.id).toEqual({
      type: "string",
      description: "The task's identifier.",
      "x-ms-summary": "Task ID",
    });
    expect(task.properties.title["x-ms-summary"]).toBe("Title");
    expect(task.properties.due).toEqual({ type: "string", format: "date-time" });
    expect(changes).toContainEqual(expect.objectContaining({ kind: "changed", path: "/definitions/Task" }));
  });

  it("keeps auth (securityDefinitions, security) and apiProperties with its policies", () => {
    expect(def.securityDefinitions).toEqual({ "API Key": { type: "apiKey", in: "header", name: "X-Key" } });
    expect(def.security).toEqual([{ "API Key": [] }]);
    expect(def.paths["/tasks"].post.security).toBeUndefined();
    expect(document.properties).toEqual(edited().properties);
    expect(changes).toContainEqual(
      expect.objectContaining({ kind: "changed", path: "/securityDefinitions" }),
    );
  });

  it("keeps the icon, the script, info and root extensions; takes the API version", () => {
    expect(document.icon).toEqual(edited().icon);
    expect(document.script).toBe("public class Script : ScriptBase {}");
    expect(def.info).toEqual({
      title: "Contoso Tasks",
      description: "Manage tasks (edited by the maker).",
      version: "2.0",
    });
    expect(def["x-ms-connector-metadata"]).toEqual(edited().definition["x-ms-connector-metadata"]);
  });

  it("lists added and removed operations, prunes what nothing uses, and points at policies of removed operations", () => {
    expect(changes).toContainEqual(
      expect.objectContaining({ kind: "added", operationId: "createTask", path: "/paths/~1tasks/post" }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({ kind: "removed", operationId: "LegacyCall", path: "/paths/~1legacy/get" }),
    );
    expect(def.paths["/legacy"]).toBeUndefined();
    expect(def.definitions.Legacy).toBeUndefined();
    expect(changes).toContainEqual(expect.objectContaining({ kind: "removed", path: "/definitions/Legacy" }));
    expect(changes).toContainEqual(
      expect.objectContaining({ kind: "changed", message: expect.stringContaining("LegacyCall") }),
    );
  });

  it("reports no operation change when the same version is merged again", () => {
    const again = mergeImport(document, { ...newVersion() });
    expect(again.changes.filter((c) => c.operationId !== undefined)).toEqual([]);
    expect(again.document.definition).toEqual(document.definition);
  });

  it("does not modify its inputs", () => {
    const before = edited();
    const incoming = newVersion();
    mergeImport(before, incoming);
    expect(before).toEqual(edited());
    expect(incoming).toEqual(newVersion());
  });
});
