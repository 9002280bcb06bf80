import type { ConnectorDocument } from "../../model/connector-document";
import { isJsonObject, orderedKeys } from "../../model/json-value";
import { readConnectionParameter } from "../../model/operations/security";
import { optionParameters, resolveAuth, type AppliedAuth } from "../../try-it-core/auth-options";

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

/**
 * What the connection dialog asks for with an authentication option (`null`: the connector's single
 * authentication): the scheme a call applies, and the parameters the maker defined (labels as chosen).
 */
export function connectionFields(
  doc: ConnectorDocument,
  setIndex: number | null,
): { auth: AppliedAuth; fields: ConnectionField[]; oauth: boolean } {
  const params = optionParameters(doc, setIndex);
  const fields: ConnectionField[] = [];
  for (const name of orderedKeys(params)) {
    const param = params[name];
    if (!isJsonObject(param)) continue;
    if (param.type === "oauthSetting") continue;
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
  const auth = resolveAuth(doc, setIndex);
  return { auth, fields, oauth: auth.kind === "oauth2" };
}

/** The initial value of each field: the value typed before, else the parameter's default. */
export function initialFieldValues(
  fields: ConnectionField[],
  previous: Record<string, string> | undefined,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const f of fields) values[f.name] = previous?.[f.name] ?? f.defaultValue;
  return values;
}
