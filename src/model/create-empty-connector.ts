import type { ConnectorDocument } from "./connector-document";

/**
 * A blank but valid connector: a Swagger 2.0 definition with one placeholder host and no operations, and
 * the apiProperties.json the wizard creates for "No authentication".
 */
export function createEmptyConnector(title = "New connector"): ConnectorDocument {
  return {
    definition: {
      swagger: "2.0",
      info: { title, description: "", version: "1.0" },
      host: "api.contoso.com",
      basePath: "/",
      schemes: ["https"],
      consumes: [],
      produces: [],
      paths: {},
      definitions: {},
      parameters: {},
      responses: {},
      securityDefinitions: {},
      security: [],
      tags: [],
    },
    properties: {
      properties: {
        connectionParameters: {},
        iconBrandColor: "#007ee5",
        capabilities: [],
        policyTemplateInstances: [],
        publisher: "",
        stackOwner: "",
      },
    },
    icon: null,
    script: null,
    settings: null,
  };
}
