import { innerApiProperties, policyInstanceObjects, policyOperationNames } from "../api-properties";
import type { ConnectorDocument } from "../connector-document";
import { parsePointer, toPointer } from "../json-pointer";
import { listOperations } from "../swagger-types";
import { operationPointer } from "./operations";
import { authParameterNames, primarySchemeName } from "./security";

/** At most this many places are given for one item (a policy naming hundreds of operations). */
const MAX_PLACES = 50;

/**
 * The places of `apiDefinition.swagger.json` that an item of `apiProperties.json` is about, for the Swagger
 * editor, which shows only the definition: a policy → the operations it names (none when it runs for every
 * operation: that would be the whole text); the connection parameters of the authentication (and parameter
 * sets) → the security definition they sign in with. Other connection parameters and settings have no place
 * in the definition (empty list). A definition pointer is its own place.
 *
 * @example definitionPlacesOf(doc, "apiProperties.json", "/properties/connectionParameters/api_key") // ["/securityDefinitions/api_key"]
 */
export function definitionPlacesOf(doc: ConnectorDocument, file: string, path: string): string[] {
  if (file === "apiDefinition.swagger.json") return [path];
  if (file !== "apiProperties.json") return [];
  let segments: string[];
  try {
    segments = parsePointer(path);
  } catch {
    return [];
  }
  const [top, section, key] = segments;
  if (top !== "properties" || key === undefined) return [];
  if (section === "policyTemplateInstances") {
    const policy = policyInstanceObjects(innerApiProperties(doc)).find((p) => String(p.index) === key);
    if (!policy) return [];
    const names = new Set(policyOperationNames(policy.policy));
    if (names.size === 0) return [];
    return listOperations(doc.definition)
      .filter(
        ({ operation }) => typeof operation.operationId === "string" && names.has(operation.operationId),
      )
      .slice(0, MAX_PLACES)
      .map(({ path: operationPath, method }) => operationPointer({ path: operationPath, method }));
  }
  const scheme = primarySchemeName(doc);
  if (scheme === null) return [];
  const schemePointer = toPointer(["securityDefinitions", scheme]);
  if (section === "connectionParameters") return authParameterNames(doc).includes(key) ? [schemePointer] : [];
  if (section === "connectionParameterSets") return [schemePointer];
  return [];
}
