import type { ConnectorDocument } from "../../model/connector-document";
import { setAtPointer } from "../../model/json-pointer";

/**
 * A small connector that passes every rule, certification included: one action with a path parameter, one
 * with a body, a webhook trigger, a dynamic dropdown, a policy and custom code. Tests change one thing.
 */
export function validConnector(): ConnectorDocument {
  return {
    definition: {
      swagger: "2.0",
      info: {
        title: "Contoso Tasks",
        description: "Contoso Tasks keeps the to-do lists of your team and tells you when work is done.",
        version: "1.0",
        contact: { name: "Contoso", url: "https://contoso.com", email: "support@contoso.com" },
      },
      host: "tasks.fabrikam.io",
      basePath: "/v1",
      schemes: ["https"],
      consumes: ["application/json"],
      produces: ["application/json"],
      paths: {
        "/lists": {
          get: {
            operationId: "ListLists",
            summary: "List task lists",
            description: "Lists the task lists you can see.",
            parameters: [],
            responses: { "200": { description: "OK", schema: { $ref: "#/definitions/ListCollection" } } },
          },
        },
        "/lists/{listId}/tasks": {
          get: {
            operationId: "GetTasks",
            summary: "Get tasks",
            description: "Gets the tasks of a list.",
            parameters: [
              {
                name: "listId",
                in: "path",
                required: true,
                type: "string",
                "x-ms-url-encoding": "single",
                "x-ms-summary": "List",
                description: "The list to read.",
                "x-ms-dynamic-values": {
                  operationId: "ListLists",
                  "value-collection": "value",
                  "value-path": "id",
                  "value-title": "name",
                },
              },
              {
                name: "top",
                in: "query",
                type: "integer",
                "x-ms-summary": "Top",
                description: "How many tasks to return.",
                default: 10,
              },
            ],
            responses: { "200": { description: "OK", schema: { $ref: "#/definitions/Task" } } },
          },
          post: {
            operationId: "CreateTask",
            summary: "Create task",
            description: "Creates a task in a list.",
            parameters: [
              { $ref: "#/parameters/ListId" },
              {
                name: "body",
                in: "body",
                required: true,
                description: "The new task.",
                schema: { $ref: "#/definitions/Task" },
              },
            ],
            responses: { "201": { description: "Created", schema: { $ref: "#/definitions/Task" } } },
          },
        },
        "/hooks": {
          "x-ms-notification-content": {
            description: "A task event",
            schema: { $ref: "#/definitions/Task" },
          },
          post: {
            operationId: "OnTaskDone",
            summary: "When a task is done",
            description: "Triggers when a task is marked done.",
            "x-ms-trigger": "single",
            parameters: [
              {
                name: "body",
                in: "body",
                required: true,
                description: "The subscription.",
                schema: {
                  type: "object",
                  required: ["callbackUrl"],
                  properties: {
                    callbackUrl: {
                      type: "string",
                      "x-ms-notification-url": true,
                      "x-ms-visibility": "internal",
                      description: "Callback",
                    },
                  },
                },
              },
            ],
            responses: { "201": { description: "Created", headers: { Location: { type: "string" } } } },
          },
        },
      },
      definitions: {
        Task: {
          type: "object",
          required: ["id"],
          properties: {
            id: { type: "string", "x-ms-summary": "Task ID" },
            title: { type: "string", "x-ms-summary": "Title" },
            state: {
              type: "string",
              enum: ["open", "done"],
              "x-ms-enum-values": [
                { value: "open", displayName: "Open" },
                { value: "done", displayName: "Done" },
              ],
            },
            tags: { type: "array", items: { type: "string" } },
          },
        },
        ListCollection: {
          type: "object",
          properties: {
            value: {
              type: "array",
              items: { type: "object", properties: { id: { type: "string" }, name: { type: "string" } } },
            },
          },
        },
      },
      parameters: {
        ListId: {
          name: "listId",
          in: "path",
          required: true,
          type: "string",
          "x-ms-url-encoding": "single",
          "x-ms-summary": "List",
          description: "The list.",
        },
      },
      securityDefinitions: { api_key: { type: "apiKey", in: "header", name: "X-Api-Key" } },
      security: [{ api_key: [] }],
      "x-ms-connector-metadata": [
        { propertyName: "Website", propertyValue: "https://contoso.com" },
        { propertyName: "Privacy policy", propertyValue: "https://contoso.com/privacy" },
        { propertyName: "Categories", propertyValue: "Productivity;Collaboration" },
      ],
    },
    properties: {
      properties: {
        connectionParameters: {
          api_key: {
            type: "securestring",
            uiDefinition: { displayName: "API Key", constraints: { required: "true" } },
          },
        },
        iconBrandColor: "#3a6ea5",
        capabilities: [],
        publisher: "Contoso",
        stackOwner: "Contoso",
        policyTemplateInstances: [
          {
            templateId: "setheader",
            title: "Set version header",
            parameters: {
              "x-ms-apimTemplateParameter.name": "X-Version",
              "x-ms-apimTemplateParameter.value": "1",
              "x-ms-apimTemplateParameter.existsAction": "override",
              "x-ms-apimTemplate-policySection": "Request",
              "x-ms-apimTemplate-operationName": ["GetTasks"],
            },
          },
        ],
        scriptOperations: ["CreateTask"],
      },
    },
    icon: null,
    script: "public class Script : ScriptBase { }",
    settings: null,
  };
}

/** The fixture with one value set (or removed, with `undefined`) in the definition. */
export function withDefinition(pointer: string, value: unknown, doc = validConnector()): ConnectorDocument {
  return { ...doc, definition: setAtPointer(doc.definition, pointer, value) };
}

/** The fixture with one value set in apiProperties.json. */
export function withProperties(pointer: string, value: unknown, doc = validConnector()): ConnectorDocument {
  return { ...doc, properties: setAtPointer(doc.properties, pointer, value) };
}
