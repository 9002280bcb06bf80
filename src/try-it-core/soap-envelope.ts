import { DOMParser, type Element, type Node } from "@xmldom/xmldom";
import type { ConnectorDocument } from "../model/connector-document";
import { isJsonObject, type JsonObject } from "../model/json-value";
import type { SoapVersion } from "../model/soap";

const ENVELOPE_NS: Record<SoapVersion, string> = {
  "1.1": "http://schemas.xmlsoap.org/soap/envelope/",
  "1.2": "http://www.w3.org/2003/05/soap-envelope",
};

/** The Content-Type a SOAP request goes with: SOAP 1.2 carries the action as its parameter. */
export function soapContentType(version: SoapVersion, action: string): string {
  return version === "1.1"
    ? "text/xml; charset=utf-8"
    : `application/soap+xml; charset=utf-8${action ? `; action="${action}"` : ""}`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function resolve(doc: ConnectorDocument, schema: unknown, seen: Set<string>): JsonObject | null {
  if (!isJsonObject(schema)) return null;
  const ref = schema.$ref;
  if (typeof ref !== "string") return schema;
  const name = ref
    .replace(/^#\/definitions\//, "")
    .replace(/~1/g, "/")
    .replace(/~0/g, "~");
  if (seen.has(name)) return null; // a recursive type ends here: the skeleton stays finite
  seen.add(name);
  const target = doc.definition.definitions?.[name];
  return isJsonObject(target) ? resolve(doc, target, seen) : null;
}

/** A placeholder value for a simple schema: its default, its first enum value, else one of its type. */
function placeholder(schema: JsonObject): string {
  if (schema.default !== undefined) return String(schema.default);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return String(schema.enum[0]);
  if (schema.type === "integer" || schema.type === "number") return "0";
  if (schema.type === "boolean") return "false";
  if (schema.format === "date") return "2024-01-31";
  if (schema.format === "date-time") return "2024-01-31T00:00:00Z";
  return "?";
}

function elementXml(
  doc: ConnectorDocument,
  name: string,
  schema: unknown,
  indent: string,
  seen: Set<string>,
  openTag = name,
): string {
  const resolved = resolve(doc, schema, new Set(seen));
  if (!resolved) return `${indent}<${openTag}></${name}>`;
  if (resolved.type === "array") return elementXml(doc, name, resolved.items, indent, seen, openTag);
  const properties = isJsonObject(resolved.properties) ? resolved.properties : null;
  if (!properties) return `${indent}<${openTag}>${escapeXml(placeholder(resolved))}</${name}>`;
  const attributes: string[] = [];
  const children: string[] = [];
  let text: string | null = null;
  const nextSeen = new Set(seen);
  if (typeof schema === "object" && schema && "$ref" in schema)
    nextSeen.add(String((schema as JsonObject).$ref));
  for (const [key, child] of Object.entries(properties)) {
    const childSchema = resolve(doc, child, new Set()) ?? {};
    const xml = isJsonObject(childSchema.xml)
      ? childSchema.xml
      : isJsonObject((child as JsonObject).xml)
        ? ((child as JsonObject).xml as JsonObject)
        : {};
    if (xml.attribute === true) attributes.push(` ${key}="${escapeXml(placeholder(childSchema))}"`);
    else if (xml["x-text"] === true) text = placeholder(childSchema);
    else if (!(
      typeof child === "object" &&
      child &&
      "$ref" in child &&
      nextSeen.has(String((child as JsonObject).$ref))
    ))
      children.push(elementXml(doc, key, child, `${indent}  `, nextSeen));
  }
  if (text !== null) return `${indent}<${openTag}${attributes.join("")}>${escapeXml(text)}</${name}>`;
  if (children.length === 0) return `${indent}<${openTag}${attributes.join("")}></${name}>`;
  return `${indent}<${openTag}${attributes.join("")}>\n${children.join("\n")}\n${indent}</${name}>`;
}

/**
 * A SOAP envelope skeleton for a request body schema (as the WSDL import writes it: the top element's `xml`
 * name and namespace). Elements qualified by `elementFormDefault` take the namespace as default namespace;
 * otherwise only the top element is prefixed. Placeholders stand for values to fill in.
 */
export function soapEnvelope(doc: ConnectorDocument, bodySchema: unknown, version: SoapVersion): string {
  const top = resolve(doc, bodySchema, new Set());
  const xml = top && isJsonObject(top.xml) ? top.xml : {};
  const name = typeof xml.name === "string" ? xml.name : "Request";
  const namespace = typeof xml.namespace === "string" ? xml.namespace : "";
  const qualified = xml["x-elementFormDefault"] === "qualified";
  const open = !namespace
    ? name
    : qualified
      ? `${name} xmlns="${escapeXml(namespace)}"`
      : `m:${name} xmlns:m="${escapeXml(namespace)}"`;
  const close = namespace && !qualified ? `m:${name}` : name;
  const body = elementXml(doc, close, bodySchema, "    ", new Set(), open);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<soap:Envelope xmlns:soap="${ENVELOPE_NS[version]}">`,
    "  <soap:Body>",
    body,
    "  </soap:Body>",
    "</soap:Envelope>",
    "",
  ].join("\n");
}

function serialise(node: Node, indent: string, out: string[]): void {
  if (node.nodeType === 1) {
    const el = node as Element;
    const attrs = Array.from({ length: el.attributes.length }, (_, i) => el.attributes.item(i))
      .map((a) => (a ? ` ${a.name}="${escapeXml(a.value)}"` : ""))
      .join("");
    const kids = Array.from({ length: el.childNodes.length }, (_, i) => el.childNodes.item(i)).filter(
      (c): c is Node => !!c && !(c.nodeType === 3 && (c.nodeValue ?? "").trim() === ""),
    );
    if (kids.length === 0) out.push(`${indent}<${el.tagName}${attrs}/>`);
    else if (kids.length === 1 && kids[0]?.nodeType === 3)
      out.push(
        `${indent}<${el.tagName}${attrs}>${escapeXml((kids[0].nodeValue ?? "").trim())}</${el.tagName}>`,
      );
    else {
      out.push(`${indent}<${el.tagName}${attrs}>`);
      for (const kid of kids) serialise(kid, `${indent}  `, out);
      out.push(`${indent}</${el.tagName}>`);
    }
  } else if (node.nodeType === 3) out.push(`${indent}${escapeXml((node.nodeValue ?? "").trim())}`);
  else if (node.nodeType === 4) out.push(`${indent}<![CDATA[${node.nodeValue ?? ""}]]>`);
  else if (node.nodeType === 8) out.push(`${indent}<!--${node.nodeValue ?? ""}-->`);
}

/** XML text indented two spaces per level; text that is not well-formed XML comes back as it was. */
export function prettyXml(text: string): string {
  try {
    const document = new DOMParser({
      onError: (level) => {
        if (level !== "warning") throw new Error("not well-formed");
      },
    }).parseFromString(text, "text/xml");
    const root = document.documentElement;
    if (!root) return text;
    const out: string[] = [];
    serialise(root, "", out);
    return out.join("\n");
  } catch {
    return text;
  }
}
