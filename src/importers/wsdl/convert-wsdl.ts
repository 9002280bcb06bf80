import type { Element } from "@xmldom/xmldom";
import { POLICY_OPERATIONS_KEY } from "../../model/api-properties";
import { createEmptyConnector } from "../../model/create-empty-connector";
import type { ImportReportEntry } from "../../model/import-report";
import type { JsonObject } from "../../model/json-value";
import type { Operation, SwaggerDocument } from "../../model/swagger-types";
import {
  SOAP_OPERATION_EXTENSION,
  WSDL_EXTENSION,
  type SoapOperationExtension,
  type SoapVersion,
  type WsdlExtension,
} from "../../model/soap";
import type { ConversionResult } from "../import-types";
import {
  NS,
  XmlSyntaxError,
  attr,
  childElements,
  clark,
  documentation,
  firstChild,
  parseXml,
  resolveQName,
} from "./xml-dom";
import { XsdConverter } from "./xsd-to-schema";

export {
  SOAP_OPERATION_EXTENSION,
  WSDL_EXTENSION,
  type SoapVersion,
  type WsdlExtension,
} from "../../model/soap";

/** Whether a text is a WSDL 1.1 document: its root element is `{http://schemas.xmlsoap.org/wsdl/}definitions`. */
export function looksLikeWsdl(text: string): boolean {
  const start = text.replace(/^\uFEFF/, "").trimStart();
  if (!start.startsWith("<")) return false;
  return /<([A-Za-z_][\w.-]*:)?definitions[\s>]/.test(start) && start.includes(NS.wsdl);
}

export function isWsdlDocumentRoot(root: Element | null | undefined): boolean {
  return !!root && root.namespaceURI === NS.wsdl && root.localName === "definitions";
}

/** Thrown for a WSDL that cannot be imported; carries the position of the XML error when there is one. */
export class WsdlImportError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

interface ChosenPort {
  service: Element;
  port: Element;
  binding: Element;
  version: SoapVersion;
  location: string;
}

const MEDIA: Record<SoapVersion, string> = { "1.1": "text/xml", "1.2": "application/soap+xml" };

/**
 * Converts a WSDL 1.1 document into a connector whose operations pass SOAP envelopes through: each operation of
 * the chosen port's binding is a `POST` whose body is the envelope (schema: the input message's XSD) and whose
 * 200 response is the output message's. Operations need distinct paths in a connector, while a SOAP endpoint has
 * one: each operation gets `<endpoint path>/<operation>` and a "Route request" policy sends it to the endpoint.
 */
export function convertWsdl(text: string, sourceName: string): ConversionResult {
  let root: Element | null;
  try {
    root = parseXml(text).documentElement;
  } catch (error) {
    if (error instanceof XmlSyntaxError)
      throw new WsdlImportError(`Not well-formed XML: ${error.message}`, error.line, error.column);
    throw error;
  }
  if (!isWsdlDocumentRoot(root))
    throw new WsdlImportError(
      `Not a WSDL 1.1 document: the root element is not {${NS.wsdl}}definitions. WSDL 2.0 (description) is not supported.`,
    );
  const defs = root as Element;
  const tns = attr(defs, "targetNamespace") ?? null;
  const report: ImportReportEntry[] = [];
  const chosen = choosePort(defs, sourceName, report);
  const schemas = childElements(defs, NS.wsdl, "types").flatMap((t) => childElements(t, NS.xsd, "schema"));
  const xsd = new XsdConverter(schemas, report, sourceName);

  const url = endpointUrl(chosen.location, sourceName, report);
  const doc = createEmptyConnector(attr(chosen.service, "name") ?? attr(defs, "name") ?? "SOAP service");
  const definition: SwaggerDocument = doc.definition;
  const description = documentation(chosen.service) ?? documentation(defs);
  definition.info = {
    title: attr(chosen.service, "name") ?? "SOAP service",
    description: description ?? `SOAP ${chosen.version} service imported from ${baseName(sourceName)}.`,
    version: "1.0",
  };
  definition.host = url.host;
  definition.basePath = "/";
  definition.schemes = [url.scheme];
  definition.consumes = [MEDIA[chosen.version]];
  definition.produces = [MEDIA[chosen.version]];

  const portTypeName = resolveQName(chosen.binding, attr(chosen.binding, "type") ?? "");
  const portType = childElements(defs, NS.wsdl, "portType").find(
    (p) => clark(tns, attr(p, "name") ?? "") === clark(portTypeName.ns, portTypeName.local),
  );
  const messages = new Map(
    childElements(defs, NS.wsdl, "message").map((m) => [clark(tns, attr(m, "name") ?? ""), m] as const),
  );
  const soapNs = chosen.version === "1.1" ? NS.soap11 : NS.soap12;
  const bindingStyle = attr(firstChild(chosen.binding, soapNs, "binding") as Element, "style") ?? "document";
  const paths: Record<string, JsonObject> = {};
  const operationIds: string[] = [];
  for (const bindingOp of childElements(chosen.binding, NS.wsdl, "operation")) {
    const name = attr(bindingOp, "name") ?? "Operation";
    const soapOp = firstChild(bindingOp, soapNs, "operation");
    const action = (soapOp && attr(soapOp, "soapAction")) ?? "";
    const style = (soapOp && attr(soapOp, "style")) ?? bindingStyle;
    const abstract = portType
      ? childElements(portType, NS.wsdl, "operation").find((o) => attr(o, "name") === name)
      : undefined;
    const where = `${sourceName}#${name}`;
    if (!abstract) {
      report.push({
        kind: "dropped",
        source: where,
        message: `The operation ${name} of the binding has no portType operation: dropped.`,
      });
      continue;
    }
    const operationId = name.replace(/[^A-Za-z0-9_]/g, "_");
    const input = messageSchema(
      abstract,
      bindingOp,
      "input",
      style,
      name,
      messages,
      xsd,
      soapNs,
      where,
      report,
    );
    const output = messageSchema(
      abstract,
      bindingOp,
      "output",
      style,
      name,
      messages,
      xsd,
      soapNs,
      where,
      report,
    );
    for (const fault of childElements(abstract, NS.wsdl, "fault"))
      report.push({
        kind: "note",
        source: where,
        message: `The fault ${attr(fault, "name") ?? ""} of ${name} comes back as a SOAP Fault (HTTP 500) in the response body; it is not a separate response.`,
      });
    const operation: Operation = {
      summary: splitWords(name),
      description:
        documentation(abstract) ?? `SOAP operation ${name} (pass-through: the body is the SOAP envelope).`,
      operationId,
      consumes: [MEDIA[chosen.version]],
      produces: [MEDIA[chosen.version]],
      parameters: [
        ...(chosen.version === "1.1" ? [soapActionHeader(action)] : []),
        {
          name: "body",
          in: "body",
          required: true,
          "x-ms-summary": "SOAP envelope",
          description: `The SOAP ${chosen.version} envelope whose Body holds the ${name} request.`,
          schema: input,
        },
      ],
      responses: {
        "200": { description: `The SOAP envelope whose Body holds the ${name} response.`, schema: output },
      },
      [SOAP_OPERATION_EXTENSION]: {
        version: chosen.version,
        operation: name,
        action,
      } satisfies SoapOperationExtension,
    };
    paths[`${joinPath(url.path, operationId)}`] = { post: operation };
    operationIds.push(operationId);
  }
  definition.paths = paths;
  definition.definitions = xsd.definitions;
  const service: WsdlExtension = {
    content: text,
    service: {
      qualifiedName: clark(tns, attr(chosen.service, "name") ?? ""),
      endpointQualifiedNames: [clark(tns, attr(chosen.port, "name") ?? "")],
    },
    soapVersion: chosen.version,
    endpoint: chosen.location,
  };
  definition[WSDL_EXTENSION] = service;
  if (operationIds.length > 0) {
    const policies = (doc.properties.properties as JsonObject).policyTemplateInstances as JsonObject[];
    policies.push({
      templateId: "routerequesttoendpoint",
      title: "SOAP endpoint",
      parameters: {
        "x-ms-apimTemplateParameter.newPath": url.path,
        "x-ms-apimTemplateParameter.httpMethod": "@Request.OriginalHTTPMethod",
        [POLICY_OPERATIONS_KEY]: operationIds,
      },
    });
    report.push({
      kind: "note",
      source: sourceName,
      target: "/paths",
      message: `A SOAP endpoint has one URL (${url.path}) for all operations, a connector one path per operation: each operation's path ends in its name, and the policy "SOAP endpoint" (Route request) sends every call to ${url.path}.`,
    });
  }
  if (chosen.version === "1.2")
    report.push({
      kind: "note",
      source: sourceName,
      message:
        'SOAP 1.2 carries the action as a parameter of the Content-Type ("application/soap+xml; action=…"), which a connector cannot set per operation (the platform sets Content-Type from "consumes"): each operation keeps its action in x-connector-studio-soap, the Test step sends it, and the deployed connector sends "application/soap+xml" without it (the parameter is optional in SOAP 1.2; a service that needs it can be given a "Set HTTP header" policy).',
    });
  return { document: doc, report };
}

function choosePort(defs: Element, sourceName: string, report: ImportReportEntry[]): ChosenPort {
  const tns = attr(defs, "targetNamespace") ?? null;
  const bindings = new Map(
    childElements(defs, NS.wsdl, "binding").map((b) => [clark(tns, attr(b, "name") ?? ""), b] as const),
  );
  const candidates: ChosenPort[] = [];
  const others: string[] = [];
  for (const service of childElements(defs, NS.wsdl, "service")) {
    for (const port of childElements(service, NS.wsdl, "port")) {
      const label = `${attr(service, "name") ?? ""}/${attr(port, "name") ?? ""}`;
      const ref = attr(port, "binding");
      const binding = ref
        ? bindings.get(clark(resolveQName(port, ref).ns, resolveQName(port, ref).local))
        : undefined;
      const version: SoapVersion | undefined = !binding
        ? undefined
        : firstChild(binding, NS.soap11, "binding")
          ? "1.1"
          : firstChild(binding, NS.soap12, "binding")
            ? "1.2"
            : undefined;
      const address = firstChild(port, NS.soap11, "address") ?? firstChild(port, NS.soap12, "address");
      const location = address ? attr(address, "location") : undefined;
      if (binding && version && location) candidates.push({ service, port, binding, version, location });
      else others.push(`${label} (${binding ? "not a SOAP binding" : "no binding"})`);
    }
  }
  const [first, ...rest] = candidates;
  if (!first)
    throw new WsdlImportError(
      "The WSDL has no service port with a SOAP 1.1 or SOAP 1.2 binding and address.",
    );
  const skipped = [
    ...rest.map((c) => `${attr(c.service, "name") ?? ""}/${attr(c.port, "name") ?? ""} (SOAP ${c.version})`),
    ...others,
  ];
  report.push({
    kind: "note",
    source: sourceName,
    message: `Imported the port ${attr(first.service, "name") ?? ""}/${attr(first.port, "name") ?? ""} (SOAP ${first.version}, ${first.location})${skipped.length > 0 ? `; not imported: ${skipped.join(", ")}` : ""}.`,
  });
  return first;
}

function endpointUrl(
  location: string,
  sourceName: string,
  report: ImportReportEntry[],
): { host: string; scheme: string; path: string } {
  try {
    const url = new URL(location);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("not http");
    return { host: url.host, scheme: url.protocol.slice(0, -1), path: url.pathname || "/" };
  } catch {
    report.push({
      kind: "approximated",
      source: sourceName,
      message: `The SOAP address "${location}" is not an http(s) URL: the host is a placeholder to replace.`,
    });
    return { host: "soap.example.com", scheme: "https", path: "/" };
  }
}

/** SOAP 1.1's action header: internal, so the maker never types it. SOAP 1.2 has none (see the report note). */
function soapActionHeader(action: string): JsonObject {
  return {
    name: "SOAPAction",
    in: "header",
    required: true,
    type: "string",
    default: `"${action}"`,
    "x-ms-visibility": "internal",
    "x-ms-summary": "SOAP action",
    description: "The SOAP 1.1 action of this operation (a quoted URI).",
  };
}

/**
 * The schema of an operation's input or output: document style, the part's element (or an object of the
 * parts); rpc style, a wrapper element named after the operation, in the soap:body namespace.
 */
function messageSchema(
  abstract: Element,
  bindingOp: Element,
  direction: "input" | "output",
  style: string,
  operation: string,
  messages: Map<string, Element>,
  xsd: XsdConverter,
  soapNs: string,
  where: string,
  report: ImportReportEntry[],
): JsonObject {
  const io = firstChild(abstract, NS.wsdl, direction);
  const ref = io ? attr(io, "message") : undefined;
  if (!io || !ref) return { type: "object" };
  const q = resolveQName(io, ref);
  const message = messages.get(clark(q.ns, q.local));
  if (!message) {
    report.push({
      kind: "approximated",
      source: where,
      message: `The message ${ref} is not defined: the ${direction} is any XML.`,
    });
    return { type: "object" };
  }
  const soapBody = firstChild(firstChild(bindingOp, NS.wsdl, direction) ?? bindingOp, soapNs, "body");
  if (soapBody && attr(soapBody, "use") === "encoded")
    report.push({
      kind: "approximated",
      source: where,
      message: `${operation} uses SOAP encoding (use="encoded"): the schema describes the parts' types, not the encoding's xsi:type attributes.`,
    });
  const partNames =
    soapBody && attr(soapBody, "parts") ? (attr(soapBody, "parts") as string).split(/\s+/) : undefined;
  const parts = childElements(message, NS.wsdl, "part").filter(
    (p) => !partNames || partNames.includes(attr(p, "name") ?? ""),
  );
  const partSchema = (part: Element): JsonObject => {
    const element = attr(part, "element");
    if (element) return xsd.elementRef(resolveQName(part, element).ns, resolveQName(part, element).local);
    const type = attr(part, "type");
    return type ? xsd.typeRef(resolveQName(part, type).ns, resolveQName(part, type).local) : {};
  };
  if (style === "rpc") {
    const properties: Record<string, JsonObject> = {};
    for (const part of parts) properties[attr(part, "name") ?? "part"] = partSchema(part);
    const namespace = soapBody ? attr(soapBody, "namespace") : undefined;
    return {
      type: "object",
      properties,
      required: Object.keys(properties),
      xml: {
        name: direction === "input" ? operation : `${operation}Response`,
        ...(namespace ? { namespace } : {}),
      },
    };
  }
  if (parts.length === 1) return partSchema(parts[0] as Element);
  const properties: Record<string, JsonObject> = {};
  for (const part of parts) properties[attr(part, "name") ?? "part"] = partSchema(part);
  return { type: "object", properties };
}

function joinPath(base: string, name: string): string {
  return `${base.replace(/\/+$/, "")}/${name}`;
}

function baseName(path: string): string {
  return path.split("/").pop() ?? path;
}

/** "GetBalance" → "Get balance": a readable summary from an operation name. */
function splitWords(name: string): string {
  const words = name
    .replace(/[_-]+/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}
