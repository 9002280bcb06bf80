import type { ConnectorDocument } from "../../model/connector-document";
import { getAtPointer } from "../../model/json-pointer";
import { isJsonObject, orderedKeys } from "../../model/json-value";
import { readAuthType, readConnectionParameter, readParameterSets } from "../../model/operations/security";

/** One input of the connection dialog, built from a connection parameter. */
export interface ConnectionField {
  name: string;
  label: string;
  description: string;
  secret: boolean;
  required: boolean;
  options: { text: string; value: string }[];
  defaultValue: string;
}

/** What the connection dialog asks for: the auth type and the parameters the maker defined (labels as chosen). */
export function connectionFields(
  doc: ConnectorDocument,
  setIndex: number | null,
): { authType: ReturnType<typeof readAuthType>; fields: ConnectionField[]; oauth: boolean } {
  const pointer =
    setIndex === null
      ? "/properties/connectionParameters"
      : `/properties/connectionParameterSets/values/${setIndex}/parameters`;
  const params = getAtPointer(doc.properties, pointer);
  const fields: ConnectionField[] = [];
  let oauth = false;
  if (isJsonObject(params)) {
    for (const name of orderedKeys(params)) {
      const param = params[name];
      if (!isJsonObject(param)) continue;
      if (param.type === "oauthSetting") {
        oauth = true;
        continue;
      }
      if (param.type === "gatewaySetting") continue;
      const ui = isJsonObject(param.uiDefinition) ? param.uiDefinition : {};
      const constraints = isJsonObject(ui.constraints) ? ui.constraints : {};
      if (constraints.hidden === true || constraints.hidden === "true") continue;
      const read = readConnectionParameter(name, param);
      const allowed = Array.isArray(constraints.allowedValues) ? constraints.allowedValues : [];
      fields.push({
        name,
        label: read.label || name,
        description: read.description || read.tooltip,
        secret: read.type === "securestring",
        required: read.required,
        options: allowed
          .filter(isJsonObject)
          .map((v) => ({ text: String(v.text ?? v.value ?? ""), value: String(v.value ?? "") })),
        defaultValue:
          typeof param.defaultValue === "string" || typeof param.defaultValue === "number"
            ? String(param.defaultValue)
            : "",
      });
    }
  }
  const authType = readAuthType(doc);
  return { authType, fields, oauth: oauth || (authType === "oauth2" && setIndex === null) };
}

/** Names of the authentication options when the connector offers several. */
export function parameterSetNames(doc: ConnectorDocument): string[] {
  const sets = readParameterSets(doc);
  return sets ? sets.options.map((s, i) => s.displayName || s.name || `Option ${i + 1}`) : [];
}
