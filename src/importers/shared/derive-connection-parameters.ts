import type { JsonObject } from "../../model/json-value";
import type { SecurityScheme } from "../../model/swagger-types";

/**
 * Builds the `apiProperties.json` `properties` entries (`connectionParameters`, or `connectionParameterSets`
 * when there are several schemes) that published connectors pair with the given security definitions.
 * TODO(openapi3): implement.
 */
export function deriveConnectionProperties(securityDefinitions: Record<string, SecurityScheme>): JsonObject {
  void securityDefinitions;
  return { connectionParameters: {} };
}
