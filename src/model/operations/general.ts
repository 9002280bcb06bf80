/**
 * The General step as pure functions: read form values from a connector document and write one field back
 * as a Command. Every writer is a no-op when the value already matches (so reading and writing back leaves
 * the document untouched) and edits in place, keeping unknown keys and key order.
 */
import type { Command } from "../command";
import type { ConnectorDocument } from "../connector-document";
import { getAtPointer, removeAtPointer, setAtPointer } from "../json-pointer";
import { isJsonObject, type JsonObject, type JsonValue } from "../json-value";

/** Values of the General form. Every field is a plain string or boolean, as the form edits them. */
export interface GeneralFormValues {
  title: string;
  description: string;
  iconBrandColor: string;
  scheme: "https" | "http";
  host: string;
  basePath: string;
  gateway: boolean;
  contactName: string;
  contactUrl: string;
  contactEmail: string;
  website: string;
  privacyPolicy: string;
  category1: string;
  category2: string;
  publisher: string;
  stackOwner: string;
}

export type GeneralField = keyof GeneralFormValues;

/** Which file and JSON pointer each General field edits (used for `data-pointer` and focus requests). */
export const GENERAL_FIELD_POINTERS: Record<
  GeneralField,
  { file: "definition" | "properties"; pointer: string }
> = {
  title: { file: "definition", pointer: "/info/title" },
  description: { file: "definition", pointer: "/info/description" },
  iconBrandColor: { file: "properties", pointer: "/properties/iconBrandColor" },
  scheme: { file: "definition", pointer: "/schemes" },
  host: { file: "definition", pointer: "/host" },
  basePath: { file: "definition", pointer: "/basePath" },
  gateway: { file: "properties", pointer: "/properties/capabilities" },
  contactName: { file: "definition", pointer: "/info/contact/name" },
  contactUrl: { file: "definition", pointer: "/info/contact/url" },
  contactEmail: { file: "definition", pointer: "/info/contact/email" },
  website: { file: "definition", pointer: "/x-ms-connector-metadata" },
  privacyPolicy: { file: "definition", pointer: "/x-ms-connector-metadata" },
  category1: { file: "definition", pointer: "/x-ms-connector-metadata" },
  category2: { file: "definition", pointer: "/x-ms-connector-metadata" },
  publisher: { file: "properties", pointer: "/properties/publisher" },
  stackOwner: { file: "properties", pointer: "/properties/stackOwner" },
};

/** The certification category list (max two per connector). */
export const CONNECTOR_CATEGORIES = [
  "AI",
  "Business Management",
  "Business Intelligence",
  "Collaboration",
  "Commerce",
  "Communication",
  "Content and Files",
  "Finance",
  "Data",
  "Human Resources",
  "Internet of Things",
  "IT Operations",
  "Lifestyle and Entertainment",
  "Marketing",
  "Productivity",
  "Sales and CRM",
  "Security",
  "Social Media",
  "Website",
] as const;

export const TITLE_MAX_LENGTH = 30;
export const ICON_MAX_BYTES = 1024 * 1024;
export const ICON_RECOMMENDED_SIZE = 230;

const METADATA_NAMES = {
  website: "Website",
  privacyPolicy: "Privacy policy",
  categories: "Categories",
} as const;

function str(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function propertiesRoot(doc: ConnectorDocument): JsonObject {
  const inner = doc.properties.properties;
  return isJsonObject(inner) ? inner : {};
}

/** `x-ms-connector-metadata` entries as an array of objects (ignores malformed items). */
function metadataEntries(doc: ConnectorDocument): JsonObject[] {
  const list = doc.definition["x-ms-connector-metadata"];
  return Array.isArray(list) ? list.filter(isJsonObject) : [];
}

function metadataIndex(doc: ConnectorDocument, propertyName: string): number {
  const list = doc.definition["x-ms-connector-metadata"];
  if (!Array.isArray(list)) return -1;
  return list.findIndex(
    (item) => isJsonObject(item) && str(item.propertyName).toLowerCase() === propertyName.toLowerCase(),
  );
}

function metadataValue(doc: ConnectorDocument, propertyName: string): string {
  const entry = metadataEntries(doc).find(
    (item) => str(item.propertyName).toLowerCase() === propertyName.toLowerCase(),
  );
  return entry ? str(entry.propertyValue) : "";
}

/** Splits a `Categories` metadata value (`"Data;Productivity"`) into its names. */
export function splitCategories(value: string): string[] {
  return value
    .split(";")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** True when the connector is set up for the on-premises data gateway. */
export function hasGateway(doc: ConnectorDocument): boolean {
  const props = propertiesRoot(doc);
  const caps = props.capabilities;
  if (Array.isArray(caps) && caps.includes("gateway")) return true;
  const params = props.connectionParameters;
  return isJsonObject(params) && isJsonObject(params.gateway) && params.gateway.type === "gatewaySetting";
}

/** Reads the General form values from a document. */
export function toGeneralFormValues(doc: ConnectorDocument): GeneralFormValues {
  const def = doc.definition;
  const info = isJsonObject(def.info) ? def.info : {};
  const contact = isJsonObject(info.contact) ? info.contact : {};
  const props = propertiesRoot(doc);
  const schemes = Array.isArray(def.schemes) ? def.schemes : [];
  const categories = splitCategories(metadataValue(doc, METADATA_NAMES.categories));
  return {
    title: str(info.title),
    description: str(info.description),
    iconBrandColor: str(props.iconBrandColor),
    scheme: schemes[0] === "http" ? "http" : "https",
    host: str(def.host),
    basePath: str(def.basePath),
    gateway: hasGateway(doc),
    contactName: str(contact.name),
    contactUrl: str(contact.url),
    contactEmail: str(contact.email),
    website: metadataValue(doc, METADATA_NAMES.website),
    privacyPolicy: metadataValue(doc, METADATA_NAMES.privacyPolicy),
    category1: categories[0] ?? "",
    category2: categories[1] ?? "",
    publisher: str(props.publisher),
    stackOwner: str(props.stackOwner),
  };
}

const FIELD_LABELS: Record<GeneralField, string> = {
  title: "Change connector name",
  description: "Change description",
  iconBrandColor: "Change icon background color",
  scheme: "Change scheme",
  host: "Change host",
  basePath: "Change base URL",
  gateway: "Change gateway setting",
  contactName: "Change contact name",
  contactUrl: "Change contact URL",
  contactEmail: "Change contact email",
  website: "Change website",
  privacyPolicy: "Change privacy policy",
  category1: "Change category",
  category2: "Change category",
  publisher: "Change publisher",
  stackOwner: "Change stack owner",
};

/** Sets a string in a JSON file, or removes the key when `value` is empty and `removeWhenEmpty`. */
function writeString(
  doc: ConnectorDocument,
  target: "definition" | "properties",
  pointer: string,
  value: string,
  removeWhenEmpty: boolean,
): ConnectorDocument {
  const current = getAtPointer(doc[target], pointer);
  if (removeWhenEmpty && value === "") {
    if (current === undefined) return doc;
    return { ...doc, [target]: removeAtPointer(doc[target], pointer) };
  }
  if (current === value) return doc;
  return { ...doc, [target]: setAtPointer(doc[target], pointer, value) };
}

function writeMetadata(doc: ConnectorDocument, propertyName: string, value: string): ConnectorDocument {
  const index = metadataIndex(doc, propertyName);
  if (index >= 0) {
    const pointer = `/x-ms-connector-metadata/${index}`;
    if (value === "") return { ...doc, definition: removeAtPointer(doc.definition, pointer) };
    if (getAtPointer(doc.definition, `${pointer}/propertyValue`) === value) return doc;
    return { ...doc, definition: setAtPointer(doc.definition, `${pointer}/propertyValue`, value) };
  }
  if (value === "") return doc;
  const list = doc.definition["x-ms-connector-metadata"];
  const next: JsonValue[] = Array.isArray(list) ? [...list] : [];
  next.push({ propertyName, propertyValue: value });
  return { ...doc, definition: setAtPointer(doc.definition, "/x-ms-connector-metadata", next) };
}

function writeCategories(doc: ConnectorDocument, first: string, second: string): ConnectorDocument {
  const names = [first.trim(), second.trim()].filter((s, i, all) => s !== "" && all.indexOf(s) === i);
  const joined = names.join(";");
  const current = splitCategories(metadataValue(doc, METADATA_NAMES.categories)).join(";");
  if (current === joined) return doc;
  return writeMetadata(doc, METADATA_NAMES.categories, joined);
}

function writeContact(
  doc: ConnectorDocument,
  key: "name" | "url" | "email",
  value: string,
): ConnectorDocument {
  const pointer = `/info/contact/${key}`;
  let next = writeString(doc, "definition", pointer, value, true);
  // Drop an empty contact object left behind, so clearing every field restores the original shape.
  const contact = getAtPointer(next.definition, "/info/contact");
  if (next !== doc && isJsonObject(contact) && Object.keys(contact).length === 0) {
    next = { ...next, definition: removeAtPointer(next.definition, "/info/contact") };
  }
  return next;
}

/**
 * Writes one General field. `current` supplies the other category when one category changes.
 * Returns a Command that is a no-op when the value is already in the document.
 */
export function setGeneralField<K extends GeneralField>(field: K, value: GeneralFormValues[K]): Command {
  return {
    name: `general:set:${field}`,
    label: FIELD_LABELS[field],
    apply: (doc) => applyGeneralField(doc, field, value),
  };
}

function applyGeneralField<K extends GeneralField>(
  doc: ConnectorDocument,
  field: K,
  value: GeneralFormValues[K],
): ConnectorDocument {
  const text = typeof value === "string" ? value : "";
  switch (field) {
    case "title":
      return writeString(doc, "definition", "/info/title", text, false);
    case "description":
      return writeString(doc, "definition", "/info/description", text, false);
    case "iconBrandColor":
      return writeString(doc, "properties", "/properties/iconBrandColor", text, false);
    case "scheme": {
      const schemes = doc.definition.schemes;
      if (Array.isArray(schemes) && schemes[0] === text) return doc;
      return { ...doc, definition: setAtPointer(doc.definition, "/schemes", [text]) };
    }
    case "host":
      return writeString(doc, "definition", "/host", text, false);
    case "basePath":
      // Empty means "not set" (the platform then uses "/"), so the key is removed rather than written empty.
      return writeString(doc, "definition", "/basePath", text, true);
    case "gateway":
      return applyGateway(doc, value === true);
    case "contactName":
      return writeContact(doc, "name", text);
    case "contactUrl":
      return writeContact(doc, "url", text);
    case "contactEmail":
      return writeContact(doc, "email", text);
    case "website":
      return writeMetadata(doc, METADATA_NAMES.website, text);
    case "privacyPolicy":
      return writeMetadata(doc, METADATA_NAMES.privacyPolicy, text);
    case "category1": {
      const other = toGeneralFormValues(doc).category2;
      return writeCategories(doc, text, other);
    }
    case "category2": {
      const other = toGeneralFormValues(doc).category1;
      return writeCategories(doc, other, text);
    }
    case "publisher":
      return writeString(doc, "properties", "/properties/publisher", text, false);
    case "stackOwner":
      return writeString(doc, "properties", "/properties/stackOwner", text, false);
    default:
      return doc;
  }
}

/** Sets both categories at once (the form passes both, so choosing the second before the first keeps both). */
export function setCategories(first: string, second: string): Command {
  return {
    name: "general:set:categories",
    label: "Change categories",
    apply: (doc) => writeCategories(doc, first, second),
  };
}

/** The `gateway` connection parameter the wizard adds (shape of published gateway connectors). */
export function gatewayConnectionParameter(): JsonObject {
  return {
    type: "gatewaySetting",
    gatewaySettings: { dataSourceType: "CustomConnector", connectionDetails: [] },
    uiDefinition: { constraints: { tabIndex: 4, required: "true", capability: ["gateway"] } },
  };
}

/** Adds or removes the on-premises data gateway: the `gateway` parameter and the `gateway` capability. */
function applyGateway(doc: ConnectorDocument, on: boolean): ConnectorDocument {
  if (hasGateway(doc) === on) return doc;
  let properties = doc.properties;
  const caps = getAtPointer(properties, "/properties/capabilities");
  const capList = Array.isArray(caps) ? caps : [];
  if (on) {
    if (!capList.includes("gateway"))
      properties = setAtPointer(properties, "/properties/capabilities", [...capList, "gateway"]);
    if (getAtPointer(properties, "/properties/connectionParameters/gateway") === undefined) {
      properties = setAtPointer(
        properties,
        "/properties/connectionParameters/gateway",
        gatewayConnectionParameter(),
      );
    }
  } else {
    if (capList.includes("gateway")) {
      properties = setAtPointer(
        properties,
        "/properties/capabilities",
        capList.filter((c) => c !== "gateway"),
      );
    }
    const gateway = getAtPointer(properties, "/properties/connectionParameters/gateway");
    if (isJsonObject(gateway) && gateway.type === "gatewaySetting") {
      properties = removeAtPointer(properties, "/properties/connectionParameters/gateway");
    }
  }
  return properties === doc.properties ? doc : { ...doc, properties };
}

/** The parts of a full URL pasted into the Host field. */
export interface SplitUrl {
  scheme: "https" | "http";
  host: string;
  basePath: string;
}

/**
 * Splits `https://api.example.com:8443/v1/` into scheme, host (with port) and base URL. Returns null when
 * the text is not an http(s) URL (a bare host name stays a host name).
 */
export function splitServiceUrl(text: string): SplitUrl | null {
  const reading = readServiceUrl(text);
  return reading && !reading.schemeAssumed ? reading.parts : null;
}

/** What a URL pasted into Host gave: the parts taken and, in words, what a connector has no place for. */
export interface ServiceUrlReading {
  parts: SplitUrl;
  /** The text had no scheme (`api.contoso.com/v2`): HTTPS was assumed. */
  schemeAssumed: boolean;
  /** The query (`?x=1`), the fragment and user name/password, each as the maker would read it. */
  dropped: string[];
}

/**
 * Reads a URL pasted into Host: `https://user@api.contoso.com/v2/tickets?x=1#top`, or one without a scheme
 * when it has a path or query (`api.contoso.com/v2/tickets?x=1`, taken as HTTPS). Null for a bare host name
 * or text that is no URL. A connector keeps scheme, host and base URL only; the rest is listed as dropped.
 */
export function readServiceUrl(text: string): ServiceUrlReading | null {
  const trimmed = text.trim();
  const withScheme = /^(https?):\/\/([^/?#\s]+)([^?#\s]*)(\?[^#\s]*)?(#\S*)?$/i.exec(trimmed);
  const withoutScheme = withScheme
    ? null
    : /^([A-Za-z0-9.-]+\.[A-Za-z0-9-]+(?::\d{1,5})?)([/?#])([^?#\s]*)(\?[^#\s]*)?(#\S*)?$/.exec(trimmed);
  let scheme: SplitUrl["scheme"] = "https";
  let authority: string;
  let path: string;
  let query: string | undefined;
  let fragment: string | undefined;
  if (withScheme) {
    scheme = (withScheme[1] as string).toLowerCase() === "http" ? "http" : "https";
    authority = withScheme[2] as string;
    path = withScheme[3] ?? "";
    query = withScheme[4];
    fragment = withScheme[5];
  } else if (withoutScheme) {
    authority = withoutScheme[1] as string;
    // The separator that proved it a URL belongs to the path, query or fragment it starts.
    const rest = `${withoutScheme[2] as string}${withoutScheme[3] ?? ""}${withoutScheme[4] ?? ""}${withoutScheme[5] ?? ""}`;
    const parts = /^([^?#]*)(\?[^#]*)?(#.*)?$/.exec(rest);
    path = parts?.[1] ?? "";
    query = parts?.[2];
    fragment = parts?.[3];
  } else return null;
  const dropped: string[] = [];
  const at = authority.lastIndexOf("@");
  if (at !== -1) {
    authority = authority.slice(at + 1);
    dropped.push("the user name and password (a connection asks for credentials; they are never stored)");
  }
  let basePath = path || "/";
  if (basePath.length > 1 && basePath.endsWith("/")) basePath = basePath.replace(/\/+$/, "");
  if (basePath === "") basePath = "/";
  if (query !== undefined && query !== "?") dropped.push(`the query “${query}”`);
  if (fragment !== undefined && fragment !== "#") dropped.push(`the fragment “${fragment}”`);
  return { parts: { scheme, host: authority, basePath }, schemeAssumed: withoutScheme !== null, dropped };
}

/** One sentence (or two) for the maker: what a pasted URL filled in and what it dropped. */
export function serviceUrlMessage(reading: ServiceUrlReading): string {
  const { parts } = reading;
  const scheme = `${parts.scheme.toUpperCase()}${reading.schemeAssumed ? " (the URL had none)" : ""}`;
  const taken = `From the pasted URL: scheme ${scheme}, host ${parts.host}, base URL ${parts.basePath}.`;
  if (reading.dropped.length === 0) return taken;
  const list =
    reading.dropped.length === 1
      ? (reading.dropped[0] as string)
      : `${reading.dropped.slice(0, -1).join(", ")} and ${reading.dropped[reading.dropped.length - 1] as string}`;
  const hasQuery = reading.dropped.some((d) => d.startsWith("the query"));
  return `${taken} Not kept: ${list}${
    hasQuery
      ? ", since a connector's address has no query; add query values as parameters of an operation (Definition → Import from sample)."
      : "."
  }`;
}

/** One command that sets scheme, host and base URL from a pasted URL. */
export function setServiceUrl(parts: SplitUrl): Command {
  return {
    name: "general:set:service-url",
    label: "Set host from URL",
    apply: (doc) => {
      let next = applyGeneralField(doc, "scheme", parts.scheme);
      next = applyGeneralField(next, "host", parts.host);
      return applyGeneralField(next, "basePath", parts.basePath);
    },
  };
}

/** Problems with a host value (host name and optional port only), or null when it is fine. */
export function hostProblem(host: string): string | null {
  if (host.trim() === "") return "Enter the host name of the API, e.g. api.contoso.com.";
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(host)) return "Enter the host only, without http:// or https://.";
  if (/[/\\\s{}]/.test(host))
    return "The host cannot contain '/', '\\', spaces or braces; put the path in Base URL.";
  if (!/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(host))
    return "Use a host name with an optional port, e.g. api.contoso.com:8443.";
  return null;
}

/** Problems with a base URL (must start with `/`), or null. */
export function basePathProblem(basePath: string): string | null {
  if (basePath === "") return null;
  if (!basePath.startsWith("/")) return "The base URL must start with '/'.";
  if (/\s/.test(basePath)) return "The base URL cannot contain spaces.";
  return null;
}

/** Width, height and type read from an image's header bytes. */
export interface ImageInfo {
  type: "png" | "jpeg";
  width: number;
  height: number;
}

/**
 * Reads the pixel size of a PNG (IHDR chunk) or JPEG (first SOFn marker) from its bytes, without decoding
 * the image. Returns null for anything else or a truncated header.
 */
export function readImageInfo(bytes: Uint8Array): ImageInfo | null {
  const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 24 && PNG.every((b, i) => bytes[i] === b)) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { type: "png", width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let offset = 2;
    while (offset + 4 <= bytes.length) {
      if (bytes[offset] !== 0xff) {
        offset += 1;
        continue;
      }
      const marker = bytes[offset + 1] as number;
      if (marker === 0xff) {
        offset += 1;
        continue;
      }
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        offset += 2;
        continue;
      }
      const length = ((bytes[offset + 2] as number) << 8) | (bytes[offset + 3] as number);
      const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
      if (isSof) {
        if (offset + 9 > bytes.length) return null;
        const height = ((bytes[offset + 5] as number) << 8) | (bytes[offset + 6] as number);
        const width = ((bytes[offset + 7] as number) << 8) | (bytes[offset + 8] as number);
        return { type: "jpeg", width, height };
      }
      if (length < 2) return null;
      offset += 2 + length;
    }
    return null;
  }
  return null;
}

/** The verdict on an icon file: an error stops it from being stored; a warning is advice. */
export interface IconCheck {
  error: string | null;
  warning: string | null;
  info: ImageInfo | null;
}

/** Checks an icon before it is stored: PNG or JPEG, at most 1 MB; warns when it is not 230×230. */
export function checkIcon(bytes: Uint8Array): IconCheck {
  const info = readImageInfo(bytes);
  if (!info) return { error: "The icon must be a PNG or JPG image.", warning: null, info: null };
  if (bytes.length > ICON_MAX_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(2);
    return { error: `The icon is ${mb} MB; it must be under 1 MB.`, warning: null, info };
  }
  const warning =
    info.width !== ICON_RECOMMENDED_SIZE || info.height !== ICON_RECOMMENDED_SIZE
      ? `The icon is ${info.width}×${info.height} pixels; published connectors use 230×230.`
      : null;
  return { error: null, warning, info };
}

/** Problems with an icon background colour (`#rrggbb`), or null. */
export function brandColorProblem(color: string): string | null {
  if (!/^#[0-9a-fA-F]{6}$/.test(color)) return "Use a hex colour such as #0f6cbd.";
  return null;
}

/** True when a place in the connector belongs to the General step (for focus requests). */
export function isGeneralPointer(file: string, path: string): boolean {
  if (file === "icon.png") return true;
  const under = (prefix: string) => path === prefix || path.startsWith(prefix + "/");
  if (file === "apiDefinition.swagger.json") {
    return ["/info", "/host", "/basePath", "/schemes", "/x-ms-connector-metadata"].some(under);
  }
  if (file === "apiProperties.json") {
    return [
      "/properties/iconBrandColor",
      "/properties/publisher",
      "/properties/stackOwner",
      "/properties/capabilities",
      "/properties/connectionParameters/gateway",
    ].some(under);
  }
  return false;
}

/** Renames the connector: `info.title`, whatever else the definition holds (the connectors list's Rename). */
export function setConnectorTitle(title: string): Command {
  return {
    name: "general:set:title",
    label: "Rename connector",
    apply: (doc) => ({
      ...doc,
      definition: { ...doc.definition, info: { ...(doc.definition.info ?? {}), title } },
    }),
  };
}
