import type { ConnectorDocument } from "../model/connector-document";
import type { Diagnostic } from "../model/diagnostic";
import { getAtPointer } from "../model/json-pointer";
import { isJsonObject } from "../model/json-value";

function isBlank(value: unknown): boolean {
  return typeof value !== "string" || value.trim() === "";
}

/** `/paths/<path>/<method>`: an operation's own pointer (4 segments with the leading empty one). */
function isOperationPointer(path: string): boolean {
  return /^\/paths\/[^/]+\/[^/]+$/.test(path);
}

/**
 * The pointer of the field that fixes a diagnostic, where the rule reports the problem on the field's owner
 * (the operation, the parameter, `/info`, the document): a click in the Validation list focuses it while the
 * Swagger editor reveals the owner. Other diagnostics keep their own path.
 */
export function fixLocation(d: Diagnostic, doc: ConnectorDocument): string {
  const { path } = d;
  if (d.file === "apiDefinition.swagger.json") {
    switch (d.ruleId) {
      case "RequiredValueEmpty":
      case "OperationSummaryRequired": {
        if (!isOperationPointer(path)) return path;
        const operation = getAtPointer(doc.definition, path);
        if (!isJsonObject(operation)) return path;
        return isBlank(operation.summary) ? `${path}/summary` : `${path}/description`;
      }
      case "ParameterSummaryRequired":
        return `${path}/x-ms-summary`;
      case "ParameterDescriptionRequired":
        return `${path}/description`;
      case "PathParameterMissingEncoding":
        return `${path}/x-ms-url-encoding`;
      case "PathParameterMustBeRequired":
        return `${path}/required`;
      case "ResponseSchemaMissing":
      case "DefaultResponseHasSchema":
        return /\/responses\/[^/]+$/.test(path) ? `${path}/schema` : path;
      case "ContactInformationMissing": {
        const contact = getAtPointer(doc.definition, "/info/contact");
        const fields = isJsonObject(contact) ? contact : {};
        const missing = ["name", "url", "email"].find((key) => isBlank(fields[key])) ?? "name";
        return `/info/contact/${missing}`;
      }
      case "ConnectorMetadataPropertiesMissing":
        return "/x-ms-connector-metadata";
      case "SecuritySchemePropertyRequired": {
        // The message names the key the scheme lacks ("needs "name"").
        const key = /needs "([^"]+)"/.exec(d.message)?.[1];
        return key && /^\/securityDefinitions\/[^/]+$/.test(path) ? `${path}/${key}` : path;
      }
      default:
        return path;
    }
  }
  if (d.file === "apiProperties.json" && d.ruleId === "PublisherInformationMissing") {
    const properties = isJsonObject(doc.properties.properties) ? doc.properties.properties : {};
    return isBlank(properties.publisher) ? "/properties/publisher" : "/properties/stackOwner";
  }
  return path;
}
