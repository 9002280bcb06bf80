import type { ConnectorDocument } from "./connector-document";
import { extendObject, type JsonObject } from "./json-value";
import type { SwaggerDocument } from "./swagger-types";

/** The icon background colour a new connector gets (the platform's default blue). */
export const DEFAULT_BRAND_COLOR = "#007ee5";
/** The icon background colour the certification repository requires of independent-publisher connectors. */
export const INDEPENDENT_PUBLISHER_BRAND_COLOR = "#da3b01";

/** What an importer puts into the empty connector: its definition and its connection properties. */
export interface EmptyConnectorParts {
  definition?: SwaggerDocument;
  /** `connectionParameters` (and `connectionParameterSets`), written first in apiProperties.json. */
  connection?: JsonObject;
}

/**
 * A blank but valid connector: a Swagger 2.0 definition with one placeholder host and no operations, and
 * the apiProperties.json the wizard creates for "No authentication". Importers pass their definition and
 * connection properties, so every new connector starts from the same defaults.
 */
export function createEmptyConnector(
  title = "New connector",
  parts: EmptyConnectorParts = {},
): ConnectorDocument {
  return {
    definition: parts.definition ?? {
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
      // extendObject, not spread: see its note on Node 20 (every import starts here).
      properties: extendObject(parts.connection ?? { connectionParameters: {} }, {
        iconBrandColor: DEFAULT_BRAND_COLOR,
        capabilities: [],
        policyTemplateInstances: [],
        publisher: "",
        stackOwner: "",
      }),
    },
    icon: null,
    script: null,
    settings: null,
  };
}
