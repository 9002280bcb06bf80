import { DOMParser, type Document, type Element } from "@xmldom/xmldom";

export const NS = {
  wsdl: "http://schemas.xmlsoap.org/wsdl/",
  soap11: "http://schemas.xmlsoap.org/wsdl/soap/",
  soap12: "http://schemas.xmlsoap.org/wsdl/soap12/",
  xsd: "http://www.w3.org/2001/XMLSchema",
} as const;

/** An XML syntax error with its 1-based position, as xmldom's locator gives it. */
export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

/**
 * Parses XML text into a namespace-aware DOM (xmldom: the same in Node, a Worker and the browser). Errors and
 * fatal errors stop the parse (a WSDL that is not well-formed is not guessed at); warnings are ignored.
 */
export function parseXml(text: string): Document {
  let first: XmlSyntaxError | undefined;
  const parser = new DOMParser({
    onError: (level, message, context: unknown) => {
      if (level === "warning") return;
      const locator = (context as { locator?: { lineNumber?: number; columnNumber?: number } } | undefined)
        ?.locator;
      first ??= new XmlSyntaxError(cleanMessage(message), locator?.lineNumber, locator?.columnNumber);
      throw first;
    },
  });
  try {
    return parser.parseFromString(text, "text/xml");
  } catch (error) {
    // xmldom wraps what onError throws; the first error it reported is the one to show.
    if (first) throw first;
    const located = error as { message?: string; locator?: { lineNumber?: number; columnNumber?: number } };
    throw new XmlSyntaxError(
      cleanMessage(String(located.message ?? error)),
      located.locator?.lineNumber,
      located.locator?.columnNumber,
    );
  }
}

function cleanMessage(message: string): string {
  return message
    .replace(/^\[xmldom [a-zA-Z]+\]\s*/, "")
    .replace(/\n?@#\[line:\d+,col:\d+\]\s*$/, "")
    .trim();
}

/** The element children of a node, optionally only those of one namespace and local name. */
export function childElements(parent: Element, ns?: string, localName?: string): Element[] {
  const out: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (ns !== undefined && el.namespaceURI !== ns) continue;
    if (localName !== undefined && el.localName !== localName) continue;
    out.push(el);
  }
  return out;
}

export function firstChild(parent: Element, ns: string, localName: string): Element | undefined {
  return childElements(parent, ns, localName)[0];
}

/** An attribute's value, or undefined when it is absent. */
export function attr(el: Element, name: string): string | undefined {
  return el.hasAttribute(name) ? (el.getAttribute(name) ?? undefined) : undefined;
}

/** A qualified name in Clark notation, `{namespace}local`. */
export function clark(ns: string | null | undefined, local: string): string {
  return `{${ns ?? ""}}${local}`;
}

/** Resolves a QName attribute value (`tns:Add`) against the prefixes in scope at `el`. */
export function resolveQName(el: Element, value: string): { ns: string | null; local: string } {
  const colon = value.indexOf(":");
  const prefix = colon >= 0 ? value.slice(0, colon) : null;
  const local = colon >= 0 ? value.slice(colon + 1) : value;
  return { ns: el.lookupNamespaceURI(prefix), local };
}

/** The text of the element's `documentation` child (WSDL or XSD annotation), trimmed. */
export function documentation(el: Element): string | undefined {
  const doc =
    firstChild(el, NS.wsdl, "documentation") ??
    childElements(el, NS.xsd, "annotation").flatMap((a) => childElements(a, NS.xsd, "documentation"))[0];
  const text = doc?.textContent?.replace(/\s+/g, " ").trim();
  return text ? text : undefined;
}
