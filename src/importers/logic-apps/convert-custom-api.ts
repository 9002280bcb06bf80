import { isArmExpression, mapStrings, unescapeArmString } from "../../export/logic-apps/arm-strings";
import { backendServiceUrl, CUSTOM_API_TYPE } from "../../export/logic-apps/custom-api-template";
import type { ConnectorDocument, ConnectorIcon } from "../../model/connector-document";
import { createEmptyConnector } from "../../model/create-empty-connector";
import type { ImportReportEntry } from "../../model/import-report";
import { isJsonObject, orderedKeys, type JsonObject, type JsonValue } from "../../model/json-value";
import type { SwaggerDocument } from "../../model/swagger-types";
import { parseJsonText } from "../../model/text/json-text";

/** One connector read from a customApis resource. */
export interface CustomApiConnector {
  document: ConnectorDocument;
  /** The resource's name (or its display name when the name is an expression the import cannot work out). */
  name: string;
  report: ImportReportEntry[];
}

function isCustomApiResource(value: JsonValue | undefined): value is JsonObject {
  return (
    isJsonObject(value) &&
    typeof value.type === "string" &&
    value.type.toLowerCase() === CUSTOM_API_TYPE.toLowerCase()
  );
}

/**
 * Whether a JSON value holds Logic Apps custom connectors: an ARM template with a `Microsoft.Web/customApis`
 * resource (as Azure's "Export template" or the Studio writes it), one such resource (as the REST API returns
 * it), or a list of them (`{ "value": [...] }`).
 */
export function isCustomApiInput(value: JsonValue): boolean {
  if (isCustomApiResource(value)) return true;
  if (!isJsonObject(value)) return false;
  const list = Array.isArray(value.resources)
    ? value.resources
    : Array.isArray(value.value)
      ? value.value
      : [];
  return list.some((item) => isCustomApiResource(item));
}

/** Template parameters whose default is a plain literal, for `[parameters('x')]` references. */
function literalParameters(template: JsonObject): Map<string, JsonValue> {
  const out = new Map<string, JsonValue>();
  if (!isJsonObject(template.parameters)) return out;
  for (const [name, spec] of Object.entries(template.parameters)) {
    if (!isJsonObject(spec) || spec.defaultValue === undefined) continue;
    const value = spec.defaultValue;
    if (typeof value === "string" && isArmExpression(value)) continue;
    out.set(name.toLowerCase(), typeof value === "string" ? unescapeArmString(value) : value);
  }
  return out;
}

const PARAMETER_REFERENCE = /^\[\s*parameters\(\s*'([^']+)'\s*\)\s*\]$/i;

/** Members of a resource's properties this import reads; any other is reported. */
const READ_PROPERTIES = new Set([
  "displayName",
  "description",
  "iconUri",
  "brandColor",
  "backendService",
  "capabilities",
  "connectionParameters",
  "swagger",
  "apiType",
  "runtimeUrls",
  "wsdlDefinition",
  "apiDefinitions",
]);

/** Read-only members Azure adds to a resource it returns; they say nothing about the connector. */
const AZURE_STATE = new Set(["provisioningState", "changedTime", "createdTime", "metadata"]);

function decodeDataUri(uri: string): ConnectorIcon | null {
  const match = /^data:([^;,]+)?(;base64)?,(.*)$/s.exec(uri);
  if (!match || !match[2]) return null;
  try {
    const binary = atob((match[3] ?? "").replace(/\s+/g, ""));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return { bytes, mediaType: match[1] ?? "image/png" };
  } catch {
    return null;
  }
}

function escapeToken(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * One resource as a connector: `swagger` becomes the definition (as it is), `connectionParameters`,
 * `brandColor` and `capabilities` become apiProperties.json, a `data:` icon becomes icon.png. What a connector
 * package has no place for (runtime URLs, SOAP settings, a client secret given as a template parameter) is
 * in the report.
 */
function convertResource(
  resource: JsonObject,
  source: string,
  parameters: Map<string, JsonValue>,
  fromTemplate: boolean,
): CustomApiConnector {
  const report: ImportReportEntry[] = [];
  const unresolved: string[] = [];
  const rawProperties = isJsonObject(resource.properties) ? resource.properties : {};
  // A client secret given as a template parameter is no value: it is left out (and said so) before reading.
  const withoutSecretReferences = (connection: JsonObject): JsonObject => {
    const kept: JsonObject = { ...connection };
    for (const name of orderedKeys(connection)) {
      const parameter = connection[name];
      if (!isJsonObject(parameter) || !isJsonObject(parameter.oAuthSettings)) continue;
      const secret = parameter.oAuthSettings.clientSecret;
      if (typeof secret !== "string" || !fromTemplate || !isArmExpression(secret)) continue;
      const settings: JsonObject = { ...parameter.oAuthSettings };
      delete settings.clientSecret;
      kept[name] = { ...parameter, oAuthSettings: settings };
      report.push({
        kind: "dropped",
        source: `${source}/properties/connectionParameters/${escapeToken(name)}/oAuthSettings/clientSecret`,
        message: `The OAuth client secret of "${name}" is a template parameter (${secret}), never a value in a file: enter it in the Security step.`,
      });
    }
    return kept;
  };
  const readable = isJsonObject(rawProperties.connectionParameters)
    ? { ...rawProperties, connectionParameters: withoutSecretReferences(rawProperties.connectionParameters) }
    : rawProperties;
  // A template's strings are ARM's: `[[x]` is the literal `[x]`, `[parameters('p')]` the parameter's default.
  const properties = (
    fromTemplate
      ? mapStrings(readable, (text) => {
          if (!isArmExpression(text)) return unescapeArmString(text);
          const reference = PARAMETER_REFERENCE.exec(text);
          const resolved = reference ? parameters.get((reference[1] as string).toLowerCase()) : undefined;
          if (typeof resolved === "string") return resolved;
          unresolved.push(text);
          return text;
        })
      : readable
  ) as JsonObject;

  let definition: SwaggerDocument;
  const swagger = properties.swagger;
  if (isJsonObject(swagger)) definition = swagger as SwaggerDocument;
  else if (typeof swagger === "string") {
    const parsed = parseJsonText(swagger, `${source}/properties/swagger`);
    if (!parsed.ok || !isJsonObject(parsed.value))
      throw new Error(`${source}: properties.swagger is text that is not a JSON object.`);
    definition = parsed.value as SwaggerDocument;
  } else {
    const definitions = isJsonObject(properties.apiDefinitions) ? properties.apiDefinitions : {};
    const url = definitions.originalSwaggerUrl ?? definitions.modifiedSwaggerUrl;
    throw new Error(
      typeof url === "string"
        ? `${source}: the definition is only given by URL (apiDefinitions: ${url}), which is never downloaded; save that Swagger file and import it instead.`
        : `${source}: the resource has no definition (properties.swagger).`,
    );
  }

  const displayName = typeof properties.displayName === "string" ? properties.displayName : undefined;
  const info = isJsonObject(definition.info) ? definition.info : {};
  if (displayName !== undefined && displayName !== "" && displayName !== info.title) {
    definition = { ...definition, info: { ...info, title: displayName } };
    report.push({
      kind: "approximated",
      source: `${source}/properties/displayName`,
      target: "/info/title",
      message: `The connector's name is the resource's displayName "${displayName}" (the definition's title was ${typeof info.title === "string" ? `"${info.title}"` : "missing"}).`,
    });
  }
  const description = properties.description;
  if (typeof description === "string" && description !== "" && description !== info.description) {
    if (info.description === undefined || info.description === "") {
      definition = {
        ...definition,
        info: { ...(isJsonObject(definition.info) ? definition.info : {}), description },
      };
      report.push({
        kind: "approximated",
        source: `${source}/properties/description`,
        target: "/info/description",
        message: "The resource's description became the definition's description.",
      });
    } else
      report.push({
        kind: "dropped",
        source: `${source}/properties/description`,
        message: "The resource's description differs from the definition's; the definition's is kept.",
      });
  }

  const serviceUrl = isJsonObject(properties.backendService)
    ? properties.backendService.serviceUrl
    : undefined;
  if (typeof serviceUrl === "string" && serviceUrl !== "") {
    const probe: ConnectorDocument = { ...createEmptyConnector(), definition };
    const ours = backendServiceUrl(probe);
    if (ours === null) {
      try {
        const url = new URL(serviceUrl);
        definition = {
          ...definition,
          host: url.host,
          basePath: url.pathname === "" ? "/" : url.pathname,
          schemes: [url.protocol.replace(/:$/, "")],
        };
        report.push({
          kind: "approximated",
          source: `${source}/properties/backendService/serviceUrl`,
          target: "/host",
          message: `The definition has no host: host, base path and scheme come from backendService.serviceUrl (${serviceUrl}).`,
        });
      } catch {
        report.push({
          kind: "dropped",
          source: `${source}/properties/backendService/serviceUrl`,
          message: `backendService.serviceUrl is not a URL (${serviceUrl}); set the host in General.`,
        });
      }
    } else if (ours.replace(/\/+$/, "").toLowerCase() !== serviceUrl.replace(/\/+$/, "").toLowerCase())
      report.push({
        kind: "dropped",
        source: `${source}/properties/backendService/serviceUrl`,
        message: `backendService.serviceUrl (${serviceUrl}) differs from the definition's host and base path (${ours}); the definition's are kept.`,
      });
  }

  const apiProperties: JsonObject = {};
  apiProperties.connectionParameters = isJsonObject(properties.connectionParameters)
    ? properties.connectionParameters
    : {};
  const defaults = createEmptyConnector().properties.properties as JsonObject;
  apiProperties.iconBrandColor =
    typeof properties.brandColor === "string" ? properties.brandColor : defaults.iconBrandColor;
  apiProperties.capabilities = Array.isArray(properties.capabilities)
    ? properties.capabilities
    : (defaults.capabilities ?? []);

  let icon: ConnectorIcon | null = null;
  if (typeof properties.iconUri === "string" && properties.iconUri !== "") {
    icon = decodeDataUri(properties.iconUri);
    if (!icon)
      report.push({
        kind: "dropped",
        source: `${source}/properties/iconUri`,
        message: properties.iconUri.startsWith("data:")
          ? "The icon's data URI is not base64; add the icon in General."
          : `The icon is a URL (${properties.iconUri}), which is never downloaded; add the icon in General.`,
      });
  }

  if (Array.isArray(properties.runtimeUrls) && properties.runtimeUrls.length > 0)
    report.push({
      kind: "dropped",
      source: `${source}/properties/runtimeUrls`,
      message: `Runtime URLs (${properties.runtimeUrls.join(", ")}) are set by Azure for the deployed resource; a connector package has none.`,
    });
  const soap =
    (typeof properties.apiType === "string" && properties.apiType.toLowerCase() === "soap") ||
    properties.wsdlDefinition !== undefined;
  if (soap)
    report.push({
      kind: "dropped",
      source: `${source}/properties/wsdlDefinition`,
      message:
        "SOAP settings (apiType Soap, wsdlDefinition) are not carried: the connector keeps the operations its definition describes; the WSDL itself is not read.",
    });
  if (properties.apiDefinitions !== undefined)
    report.push({
      kind: "dropped",
      source: `${source}/properties/apiDefinitions`,
      message:
        "apiDefinitions (URLs of the definition) are not used: the definition in properties.swagger is.",
    });
  for (const key of orderedKeys(properties))
    if (!READ_PROPERTIES.has(key) && !AZURE_STATE.has(key))
      report.push({
        kind: "dropped",
        source: `${source}/properties/${escapeToken(key)}`,
        message: `properties.${key} has no place in a connector package.`,
      });
  if (isJsonObject(resource.tags) && Object.keys(resource.tags).length > 0)
    report.push({
      kind: "dropped",
      source: `${source}/tags`,
      message: "Resource tags belong to the Azure resource, not to the connector.",
    });
  for (const text of new Set(unresolved))
    report.push({
      kind: "approximated",
      source,
      message: `The template expression ${text} cannot be worked out without deploying; it is kept as text.`,
    });

  const rawName = typeof resource.name === "string" ? resource.name : "";
  let name = rawName;
  if (fromTemplate && isArmExpression(rawName)) {
    const reference = PARAMETER_REFERENCE.exec(rawName);
    const resolved = reference ? parameters.get((reference[1] as string).toLowerCase()) : undefined;
    name = typeof resolved === "string" ? resolved : "";
  }
  if (name === "") name = displayName ?? (typeof info.title === "string" ? info.title : "connector");

  return {
    document: {
      definition,
      properties: { properties: apiProperties },
      icon,
      script: null,
      settings: null,
    },
    name,
    report,
  };
}

/**
 * Every customApis resource of a template, a resource or a resource list, as connectors (in their order).
 * Throws with a plain message when there is none, or a resource has no usable definition.
 */
export function convertCustomApis(value: JsonValue, sourceName: string): CustomApiConnector[] {
  if (isCustomApiResource(value)) return [convertResource(value, sourceName, new Map(), false)];
  if (!isJsonObject(value)) throw new Error(`${sourceName}: not a template or customApis resource.`);
  const fromTemplate = Array.isArray(value.resources);
  const list = (fromTemplate ? value.resources : value.value) as JsonValue[];
  const listName = fromTemplate ? "resources" : "value";
  const parameters = fromTemplate ? literalParameters(value) : new Map<string, JsonValue>();
  const connectors: CustomApiConnector[] = [];
  const others: string[] = [];
  list.forEach((item, i) => {
    if (isCustomApiResource(item))
      connectors.push(convertResource(item, `/${listName}/${i}`, parameters, fromTemplate));
    else others.push(isJsonObject(item) && typeof item.type === "string" ? item.type : "unknown");
  });
  if (connectors.length === 0) throw new Error(`${sourceName}: no Microsoft.Web/customApis resource.`);
  if (others.length > 0)
    connectors[0]?.report.push({
      kind: "dropped",
      source: sourceName,
      message: `${others.length} other resource${others.length === 1 ? "" : "s"} of the template (${[...new Set(others)].join(", ")}) ${others.length === 1 ? "is" : "are"} not a custom connector and ${others.length === 1 ? "was" : "were"} not imported.`,
    });
  return connectors;
}
