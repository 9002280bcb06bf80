import { connectorTitle, type ConnectorDocument } from "../../model/connector-document";
import { isJsonObject, orderedKeys, type JsonObject, type JsonValue } from "../../model/json-value";
import { documentForWriting } from "../../model/secrets";
import { wsdlOf } from "../../model/soap";
import { stringifyJson } from "../../model/text/json-text";
import { countStrings, escapeArmString, mapStrings } from "./arm-strings";
import { bicepString, bicepValue } from "./bicep-writer";

/** The resource type and API version of a Logic Apps custom connector (see docs/logic-apps.md). */
export const CUSTOM_API_TYPE = "Microsoft.Web/customApis";
export const CUSTOM_API_VERSION = "2016-06-01";
export const ARM_TEMPLATE_SCHEMA =
  "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";

/** Template parameters every export has: the resource's name and its Azure region. */
export const NAME_PARAMETER = "customApiName";
export const LOCATION_PARAMETER = "location";

export type LogicAppsFormat = "arm" | "bicep";

/** apiProperties.json members a customApis resource carries (connectionParameters, iconBrandColor, capabilities). */
const CARRIED_PROPERTIES = new Set(["connectionParameters", "iconBrandColor", "capabilities"]);

/** An OAuth client secret of the connector, asked for as a secure template parameter at deployment. */
export interface SecretParameter {
  /** The template parameter's name (`tokenClientSecret`). */
  parameter: string;
  /** The connection parameter whose oAuthSettings take it. */
  connectionParameter: string;
  /** JSON pointer of the `clientSecret` member inside the resource's properties. */
  pointer: string;
}

/** The parts of a customApis resource, shared by the ARM and the Bicep writer. */
export interface CustomApiParts {
  /** Default of the name parameter: the connector's title as an Azure resource name. */
  resourceName: string;
  /** `properties` of the resource, literal (no ARM escaping); every client secret slot holds `null`. */
  properties: JsonObject;
  secrets: SecretParameter[];
  /** What the maker should know: what does not carry over, and the secure parameters to give. */
  notes: string[];
}

function escapeToken(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** The connector's title as a resource name: letters, digits, `-` and `_` (others become `-`), at most 80. */
export function customApiResourceName(doc: ConnectorDocument): string {
  const name = connectorTitle(doc)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9_-]+/g, "-")
    .replace(/^[-_]+|[-_]+$/g, "")
    .slice(0, 80)
    .replace(/[-_]+$/, "");
  return name || "custom-connector";
}

/** `scheme://host/basePath` of the definition (HTTPS when it offers it), or null without a host. */
export function backendServiceUrl(doc: ConnectorDocument): string | null {
  const { host, basePath, schemes } = doc.definition;
  if (typeof host !== "string" || host.trim() === "") return null;
  const offered = Array.isArray(schemes) ? schemes.filter((s): s is string => typeof s === "string") : [];
  const scheme = offered.includes("https") ? "https" : (offered[0] ?? "https");
  const path = typeof basePath === "string" && basePath !== "/" ? basePath.replace(/\/+$/, "") : "";
  return `${scheme}://${host}${path.startsWith("/") || path === "" ? path : `/${path}`}`;
}

/** The icon as a `data:` URI (what `iconUri` takes without hosting the image anywhere). */
export function iconDataUri(doc: ConnectorDocument): string | null {
  if (!doc.icon) return null;
  let binary = "";
  const bytes = doc.icon.bytes;
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, Math.min(i + 0x8000, bytes.length)));
  return `data:${doc.icon.mediaType || "image/png"};base64,${btoa(binary)}`;
}

function isEmpty(value: JsonValue | undefined): boolean {
  if (value === undefined || value === null || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  return isJsonObject(value) && Object.keys(value).length === 0;
}

/**
 * What a Logic Apps custom connector cannot hold of this connector: custom code, policies, several
 * authentication types and the other apiProperties.json members a customApis resource has no place for.
 */
export function logicAppsLosses(doc: ConnectorDocument): string[] {
  const losses: string[] = [];
  if (doc.script !== null)
    losses.push(
      "Custom code (script.csx) does not run in a Logic Apps custom connector: the operations it handles call the API directly.",
    );
  const props = isJsonObject(doc.properties.properties) ? doc.properties.properties : {};
  const policies = props.policyTemplateInstances;
  if (Array.isArray(policies) && policies.length > 0)
    losses.push(
      `${policies.length} ${policies.length === 1 ? "policy" : "policies"} (policyTemplateInstances) ${policies.length === 1 ? "is" : "are"} not part of a Logic Apps custom connector: the API is called without ${policies.length === 1 ? "it" : "them"}.`,
    );
  const sets = props.connectionParameterSets;
  if (!isEmpty(sets))
    losses.push(
      "Several authentication types (connectionParameterSets) are not part of a Logic Apps custom connector: only connectionParameters is carried.",
    );
  const others = orderedKeys(props).filter(
    (key) =>
      !CARRIED_PROPERTIES.has(key) &&
      key !== "policyTemplateInstances" &&
      key !== "connectionParameterSets" &&
      !isEmpty(props[key]),
  );
  if (others.length > 0)
    losses.push(
      `apiProperties.json's ${others.join(", ")} ${others.length === 1 ? "has" : "have"} no place in a customApis resource and ${others.length === 1 ? "is" : "are"} left out.`,
    );
  return losses;
}

/** A template parameter name made from a connection parameter's name: `api_key` → `apiKeyClientSecret`. */
function secretParameterName(connectionParameter: string, taken: Set<string>): string {
  const words = connectionParameter.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let stem = words.map((w, i) => (i === 0 ? w : w[0]?.toUpperCase() + w.slice(1))).join("");
  if (!/^[A-Za-z]/.test(stem)) stem = `connection${stem}`;
  let name = `${stem}ClientSecret`;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem}ClientSecret${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** `oAuthSettings` with a `clientSecret: null` slot after `clientId` (or at the end), source order kept. */
function withSecretSlot(settings: JsonObject): JsonObject {
  const out: JsonObject = {};
  const keys = orderedKeys(settings);
  for (const key of keys) {
    out[key] = settings[key];
    if (key === "clientId") out.clientSecret = null;
  }
  if (!("clientSecret" in out)) out.clientSecret = null;
  return out;
}

/**
 * The customApis resource of a connector: its display name, description, icon, brand colour, backend URL,
 * capabilities, connection parameters and the definition itself (`swagger`, the same object). The document
 * goes through {@link documentForWriting} first, so no client secret is ever written; each OAuth connection
 * parameter gets a secure template parameter for it instead.
 */
export function customApiParts(source: ConnectorDocument): CustomApiParts {
  const { document: doc } = documentForWriting(source);
  const props = isJsonObject(doc.properties.properties) ? doc.properties.properties : {};
  const notes = logicAppsLosses(doc);
  const properties: JsonObject = { displayName: connectorTitle(doc) };
  const description = doc.definition.info?.description;
  if (typeof description === "string" && description !== "") properties.description = description;
  const icon = iconDataUri(doc);
  if (icon) properties.iconUri = icon;
  if (typeof props.iconBrandColor === "string") properties.brandColor = props.iconBrandColor;
  const serviceUrl = backendServiceUrl(doc);
  if (serviceUrl) properties.backendService = { serviceUrl };
  else notes.push("The definition has no host, so the resource has no backendService.serviceUrl.");
  if (Array.isArray(props.capabilities)) properties.capabilities = props.capabilities;

  const secrets: SecretParameter[] = [];
  const parameters = props.connectionParameters;
  if (isJsonObject(parameters)) {
    const taken = new Set([NAME_PARAMETER.toLowerCase(), LOCATION_PARAMETER.toLowerCase()]);
    const connectionParameters: JsonObject = { ...parameters };
    for (const name of orderedKeys(parameters)) {
      const parameter = parameters[name];
      if (!isJsonObject(parameter) || !isJsonObject(parameter.oAuthSettings)) continue;
      if (parameter.oAuthSettings.clientSecret === null) {
        // `null` says "no value in the file" (as published connectors hold it): kept, so it round-trips.
        notes.push(
          `The OAuth client secret of the connection parameter "${name}" is null in apiProperties.json and stays null: set it on the deployed connector.`,
        );
        continue;
      }
      connectionParameters[name] = { ...parameter, oAuthSettings: withSecretSlot(parameter.oAuthSettings) };
      const secret = secretParameterName(name, taken);
      secrets.push({
        parameter: secret,
        connectionParameter: name,
        pointer: `/connectionParameters/${escapeToken(name)}/oAuthSettings/clientSecret`,
      });
      notes.push(
        `The OAuth client secret of the connection parameter "${name}" is the secure template parameter ${secret}: give it when you deploy (it is never written into the template).`,
      );
    }
    properties.connectionParameters = connectionParameters;
  }
  const wsdl = wsdlOf(doc.definition);
  if (wsdl) {
    // A connector imported from a WSDL deploys as a SOAP pass-through API: Logic Apps reads the WSDL itself.
    properties.apiType = "Soap";
    properties.wsdlDefinition = {
      content: wsdl.content,
      importMethod: "SoapPassThrough",
      service: {
        qualifiedName: wsdl.service.qualifiedName,
        endpointQualifiedNames: [...wsdl.service.endpointQualifiedNames],
      },
    };
  } else properties.apiType = "Rest";
  properties.swagger = doc.definition;
  return { resourceName: customApiResourceName(doc), properties, secrets, notes };
}

/** Sets the value at a JSON pointer of `root`, copying the objects on the way (never mutating the input). */
function setAt(root: JsonObject, pointer: string, value: JsonValue): JsonObject {
  const tokens = pointer
    .split("/")
    .slice(1)
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
  const copy = (node: JsonObject, i: number): JsonObject => {
    const key = tokens[i] as string;
    if (i === tokens.length - 1) return { ...node, [key]: value };
    const child = node[key];
    return { ...node, [key]: copy(isJsonObject(child) ? child : {}, i + 1) };
  };
  return copy(root, 0);
}

export interface LogicAppsArmTemplate {
  template: JsonObject;
  notes: string[];
}

/**
 * An ARM deployment template holding the connector as one `Microsoft.Web/customApis` resource, with
 * parameters for its name and region and one secure parameter per OAuth client secret. Literal strings that
 * ARM would read as expressions (`[…]`) are written `[[…]`, which the deployment turns back into the literal.
 */
export function logicAppsArmTemplate(source: ConnectorDocument): LogicAppsArmTemplate {
  const parts = customApiParts(source);
  let properties = mapStrings(parts.properties, escapeArmString) as JsonObject;
  const escaped = countStrings(parts.properties, (text) => text !== escapeArmString(text));
  for (const secret of parts.secrets)
    properties = setAt(properties, secret.pointer, `[parameters('${secret.parameter}')]`);
  const parameters: JsonObject = {
    [NAME_PARAMETER]: {
      type: "string",
      defaultValue: parts.resourceName,
      metadata: { description: "Name of the custom connector resource." },
    },
    [LOCATION_PARAMETER]: {
      type: "string",
      defaultValue: "[resourceGroup().location]",
      metadata: { description: "Azure region of the custom connector." },
    },
  };
  for (const secret of parts.secrets)
    parameters[secret.parameter] = {
      type: "securestring",
      metadata: {
        description: `OAuth client secret of the connection parameter "${secret.connectionParameter}".`,
      },
    };
  const notes = [...parts.notes];
  if (escaped > 0)
    notes.push(
      `${escaped} string${escaped === 1 ? "" : "s"} of the connector start${escaped === 1 ? "s" : ""} with "[" and end${escaped === 1 ? "s" : ""} with "]": written as "[[…]" so that ARM keeps ${escaped === 1 ? "it" : "them"} as text.`,
    );
  return {
    template: {
      $schema: ARM_TEMPLATE_SCHEMA,
      contentVersion: "1.0.0.0",
      parameters,
      resources: [
        {
          type: CUSTOM_API_TYPE,
          apiVersion: CUSTOM_API_VERSION,
          name: `[parameters('${NAME_PARAMETER}')]`,
          location: `[parameters('${LOCATION_PARAMETER}')]`,
          properties,
        },
      ],
    },
    notes,
  };
}

/** The same resource as a Bicep file (strings are never expressions in Bicep, so nothing is escaped). */
export function logicAppsBicep(source: ConnectorDocument): { text: string; notes: string[] } {
  const parts = customApiParts(source);
  const expressions = new Map(parts.secrets.map((s) => [s.pointer, s.parameter] as const));
  const lines = [
    "// A Logic Apps custom connector, written by Connector Studio.",
    "@description('Name of the custom connector resource.')",
    `param ${NAME_PARAMETER} string = ${bicepString(parts.resourceName)}`,
    "",
    "@description('Azure region of the custom connector.')",
    `param ${LOCATION_PARAMETER} string = resourceGroup().location`,
    "",
  ];
  for (const secret of parts.secrets)
    lines.push(
      "@secure()",
      `@description(${bicepString(`OAuth client secret of the connection parameter "${secret.connectionParameter}".`)})`,
      `param ${secret.parameter} string`,
      "",
    );
  lines.push(
    `resource customApi '${CUSTOM_API_TYPE}@${CUSTOM_API_VERSION}' = {`,
    `  name: ${NAME_PARAMETER}`,
    `  location: ${LOCATION_PARAMETER}`,
    `  properties: ${bicepValue(parts.properties, { expressions, depth: 1 })}`,
    "}",
    "",
  );
  return { text: lines.join("\n"), notes: parts.notes };
}

export interface LogicAppsExport {
  fileName: string;
  text: string;
  mediaType: string;
  notes: string[];
}

/** `<connector name>.logicapp.json` / `.bicep`: the title made safe as the zip's name is. */
export function logicAppsFileName(doc: ConnectorDocument, format: LogicAppsFormat): string {
  return `${customApiResourceName(doc)}${format === "arm" ? ".logicapp.json" : ".bicep"}`;
}

/** The template file of one format, ready to write or download (JSON with 2-space indentation). */
export function exportLogicApps(source: ConnectorDocument, format: LogicAppsFormat): LogicAppsExport {
  if (format === "bicep") {
    const { text, notes } = logicAppsBicep(source);
    return { fileName: logicAppsFileName(source, format), text, mediaType: "text/plain", notes };
  }
  const { template, notes } = logicAppsArmTemplate(source);
  return {
    fileName: logicAppsFileName(source, format),
    text: `${stringifyJson(template, 2)}\n`,
    mediaType: "application/json",
    notes,
  };
}
