import type { Element } from "@xmldom/xmldom";
import type { ImportReportEntry } from "../../model/import-report";
import type { JsonObject } from "../../model/json-value";
import { NS, attr, childElements, clark, documentation, resolveQName } from "./xml-dom";

/** Built-in XSD simple types as JSON Schema (Swagger 2.0 formats). */
const BUILT_IN: Record<string, JsonObject> = {
  string: { type: "string" },
  normalizedString: { type: "string" },
  token: { type: "string" },
  anyURI: { type: "string" },
  QName: { type: "string" },
  NCName: { type: "string" },
  Name: { type: "string" },
  language: { type: "string" },
  ID: { type: "string" },
  IDREF: { type: "string" },
  duration: { type: "string" },
  time: { type: "string" },
  gYear: { type: "string" },
  hexBinary: { type: "string" },
  base64Binary: { type: "string", format: "byte" },
  boolean: { type: "boolean" },
  int: { type: "integer", format: "int32" },
  short: { type: "integer", format: "int32" },
  byte: { type: "integer", format: "int32" },
  unsignedInt: { type: "integer", format: "int64", minimum: 0 },
  unsignedShort: { type: "integer", format: "int32", minimum: 0 },
  unsignedByte: { type: "integer", format: "int32", minimum: 0 },
  long: { type: "integer", format: "int64" },
  unsignedLong: { type: "integer", minimum: 0 },
  integer: { type: "integer" },
  nonNegativeInteger: { type: "integer", minimum: 0 },
  positiveInteger: { type: "integer", minimum: 1 },
  nonPositiveInteger: { type: "integer", maximum: 0 },
  negativeInteger: { type: "integer", maximum: -1 },
  decimal: { type: "number" },
  float: { type: "number", format: "float" },
  double: { type: "number", format: "double" },
  dateTime: { type: "string", format: "date-time" },
  date: { type: "string", format: "date" },
  anyType: {},
  anySimpleType: { type: "string" },
};

/**
 * Turns the XSD of a WSDL's `types` into Swagger 2.0 schemas. Global elements and complex types become
 * `definitions` (referenced by `$ref`); simple types are inlined. Each schema carries Swagger's `xml` object
 * (element name, namespace, attribute) so that a SOAP body can be written back from it. What JSON Schema cannot
 * say is reported once per kind and place.
 */
export class XsdConverter {
  private readonly elements = new Map<string, Element>();
  private readonly complexTypes = new Map<string, Element>();
  private readonly simpleTypes = new Map<string, Element>();
  private readonly groups = new Map<string, Element>();
  private readonly attributeGroups = new Map<string, Element>();
  private readonly names = new Map<string, string>();
  private readonly taken = new Set<string>();
  private readonly reported = new Set<string>();
  readonly definitions: Record<string, JsonObject> = {};

  constructor(
    schemas: readonly Element[],
    private readonly report: ImportReportEntry[],
    private readonly source: string,
  ) {
    for (const schema of schemas) {
      const tns = attr(schema, "targetNamespace") ?? null;
      for (const child of childElements(schema, NS.xsd)) {
        const name = attr(child, "name");
        if (child.localName === "import" || child.localName === "include") {
          const location = attr(child, "schemaLocation");
          if (location)
            this.note(
              "dropped",
              `schemaLocation:${location}`,
              `The schema "${location}" (xsd:${child.localName}) is not read: only the schemas inside the WSDL's types are. Types from it are taken as any value.`,
            );
          continue;
        }
        if (!name) continue;
        const key = clark(tns, name);
        if (child.localName === "element") this.elements.set(key, child);
        else if (child.localName === "complexType") this.complexTypes.set(key, child);
        else if (child.localName === "simpleType") this.simpleTypes.set(key, child);
        else if (child.localName === "group") this.groups.set(key, child);
        else if (child.localName === "attributeGroup") this.attributeGroups.set(key, child);
      }
    }
    // Elements name their definitions first (they are what the messages point at); a type of the same name
    // gets a "Type" suffix.
    for (const key of this.elements.keys()) this.names.set(`element ${key}`, this.freeName(localOf(key)));
    for (const key of this.complexTypes.keys())
      this.names.set(`type ${key}`, this.freeName(localOf(key), "Type"));
  }

  private freeName(base: string, suffix = ""): string {
    let name = this.taken.has(base) && suffix ? `${base}${suffix}` : base;
    for (let i = 2; this.taken.has(name); i++) name = `${base}${suffix}${i}`;
    this.taken.add(name);
    return name;
  }

  private note(kind: ImportReportEntry["kind"], key: string, message: string): void {
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.report.push({ kind, source: this.source, message });
  }

  /** A `$ref` to the definition of a global element, creating it on first use. */
  elementRef(ns: string | null, local: string): JsonObject {
    const key = clark(ns, local);
    const el = this.elements.get(key);
    if (!el) {
      this.note(
        "approximated",
        `missing element ${key}`,
        `The element ${local} (namespace ${ns ?? "none"}) is not defined in the WSDL's types: it is taken as any value.`,
      );
      return {};
    }
    const name = this.names.get(`element ${key}`) as string;
    if (!(name in this.definitions)) {
      this.definitions[name] = {}; // placeholder first: recursive elements end at the $ref
      const schema = this.elementContent(el);
      // Whether the element's children are in its namespace too (elementFormDefault): the envelope needs it.
      const schemaEl = el.parentNode as Element | null;
      const qualified = !!schemaEl && attr(schemaEl, "elementFormDefault") === "qualified";
      this.definitions[name] = {
        ...schema,
        xml: {
          name: local,
          ...(ns ? { namespace: ns } : {}),
          ...(qualified ? { "x-elementFormDefault": "qualified" } : {}),
        },
      };
    }
    return { $ref: `#/definitions/${escapeRef(name)}` };
  }

  /** A schema for a type named by a QName: a built-in, a simple type (inlined) or a `$ref` to a complex type. */
  typeRef(ns: string | null, local: string): JsonObject {
    if (ns === NS.xsd) {
      const builtIn = BUILT_IN[local];
      if (local === "anyType")
        this.note("approximated", "anyType", "xsd:anyType elements are taken as any value.");
      return builtIn ? { ...builtIn } : { type: "string" };
    }
    const key = clark(ns, local);
    const simple = this.simpleTypes.get(key);
    if (simple) return this.simpleType(simple);
    const complex = this.complexTypes.get(key);
    if (!complex) {
      if (ns === "http://schemas.xmlsoap.org/soap/encoding/") {
        this.note(
          "approximated",
          "soapenc",
          `SOAP encoding types (soapenc:${local}) are taken as any value: rpc/encoded services are not described exactly.`,
        );
        return {};
      }
      this.note(
        "approximated",
        `missing type ${key}`,
        `The type ${local} (namespace ${ns ?? "none"}) is not defined in the WSDL's types: it is taken as any value.`,
      );
      return {};
    }
    const name = this.names.get(`type ${key}`) as string;
    if (!(name in this.definitions)) {
      this.definitions[name] = {};
      this.definitions[name] = this.complexType(complex, name);
    }
    return { $ref: `#/definitions/${escapeRef(name)}` };
  }

  /** The schema of an element's content: its `type`, or its inline simple or complex type. */
  private elementContent(el: Element): JsonObject {
    const type = attr(el, "type");
    let schema: JsonObject;
    if (type) {
      const q = resolveQName(el, type);
      schema = this.typeRef(q.ns, q.local);
    } else {
      const inlineComplex = childElements(el, NS.xsd, "complexType")[0];
      const inlineSimple = childElements(el, NS.xsd, "simpleType")[0];
      if (inlineComplex) schema = this.complexType(inlineComplex, attr(el, "name") ?? "element");
      else if (inlineSimple) schema = this.simpleType(inlineSimple);
      else schema = {};
    }
    const description = documentation(el);
    if (description && !("$ref" in schema)) schema = { ...schema, description };
    if (attr(el, "nillable") === "true") schema = { ...schema, "x-nullable": true };
    const fixed = attr(el, "fixed") ?? attr(el, "default");
    if (fixed !== undefined && !("$ref" in schema)) schema = { ...schema, default: typed(schema, fixed) };
    if (attr(el, "substitutionGroup"))
      this.note(
        "approximated",
        "substitutionGroup",
        "Substitution groups are not expressed: only the head element's content is described.",
      );
    return schema;
  }

  private simpleType(el: Element): JsonObject {
    const restriction = childElements(el, NS.xsd, "restriction")[0];
    if (restriction) {
      const base = attr(restriction, "base");
      let schema: JsonObject = base
        ? this.typeRef(resolveQName(restriction, base).ns, resolveQName(restriction, base).local)
        : (() => {
            const inner = childElements(restriction, NS.xsd, "simpleType")[0];
            return inner ? this.simpleType(inner) : { type: "string" };
          })();
      schema = { ...schema };
      const enums: string[] = [];
      for (const facet of childElements(restriction, NS.xsd)) {
        const value = attr(facet, "value");
        if (value === undefined) continue;
        switch (facet.localName) {
          case "enumeration":
            enums.push(value);
            break;
          case "pattern":
            schema.pattern = value;
            break;
          case "minLength":
          case "maxLength":
            schema[facet.localName] = Number(value);
            break;
          case "length":
            schema.minLength = Number(value);
            schema.maxLength = Number(value);
            break;
          case "minInclusive":
            schema.minimum = Number(value);
            break;
          case "maxInclusive":
            schema.maximum = Number(value);
            break;
          case "minExclusive":
            schema.minimum = Number(value);
            schema.exclusiveMinimum = true;
            break;
          case "maxExclusive":
            schema.maximum = Number(value);
            schema.exclusiveMaximum = true;
            break;
          default:
            break;
        }
      }
      if (enums.length > 0) schema.enum = enums.map((v) => typed(schema, v));
      return schema;
    }
    const list = childElements(el, NS.xsd, "list")[0];
    if (list) {
      this.note(
        "approximated",
        "xsd:list",
        "xsd:list values (space-separated in XML) are described as arrays: write them space-separated in the envelope.",
      );
      const itemType = attr(list, "itemType");
      const inner = childElements(list, NS.xsd, "simpleType")[0];
      const items = itemType
        ? this.typeRef(resolveQName(list, itemType).ns, resolveQName(list, itemType).local)
        : inner
          ? this.simpleType(inner)
          : { type: "string" };
      return { type: "array", items };
    }
    this.note(
      "approximated",
      "xsd:union",
      "xsd:union simple types are described as strings: JSON Schema here cannot say which member types apply.",
    );
    return { type: "string" };
  }

  private complexType(el: Element, label: string): JsonObject {
    const schema: JsonObject = { type: "object" };
    const properties: Record<string, JsonObject> = {};
    const required: string[] = [];
    const description = documentation(el);
    if (description) schema.description = description;
    if (attr(el, "mixed") === "true")
      this.note(
        "approximated",
        "mixed",
        `Mixed content (text between elements, ${label}) cannot be said in JSON Schema: only the elements are described.`,
      );
    this.particlesInto(el, properties, required, false, label);
    const simpleContent = childElements(el, NS.xsd, "simpleContent")[0];
    if (simpleContent) {
      const derivation = childElements(simpleContent, NS.xsd)[0];
      const base = derivation ? attr(derivation, "base") : undefined;
      properties.value = base
        ? this.typeRef(
            resolveQName(derivation as Element, base).ns,
            resolveQName(derivation as Element, base).local,
          )
        : { type: "string" };
      (properties.value as JsonObject).xml = { name: "value", "x-text": true } as JsonObject;
      this.note(
        "approximated",
        `simpleContent ${label}`,
        `${label} holds text and attributes: the text is the property "value" (the element's own text in XML).`,
      );
      if (derivation) this.attributesInto(derivation, properties, required);
    }
    if (Object.keys(properties).length > 0) schema.properties = properties;
    if (required.length > 0) schema.required = required;
    return schema;
  }

  /** Elements (sequence/all/choice/group, complexContent) and attributes of a complex type, into `properties`. */
  private particlesInto(
    el: Element,
    properties: Record<string, JsonObject>,
    required: string[],
    optional: boolean,
    label: string,
  ): void {
    for (const child of childElements(el, NS.xsd)) {
      switch (child.localName) {
        case "sequence":
        case "all":
          this.particlesInto(child, properties, required, optional || minOccurs(child) === 0, label);
          break;
        case "choice":
          this.note(
            "approximated",
            `choice ${label}`,
            `${label}: an xsd:choice (exactly one of its elements) is described as optional properties: JSON Schema here cannot say "one of".`,
          );
          this.particlesInto(child, properties, required, true, label);
          break;
        case "group": {
          const ref = attr(child, "ref");
          const group = ref ? this.groups.get(clarkOf(child, ref)) : undefined;
          if (group)
            this.particlesInto(group, properties, required, optional || minOccurs(child) === 0, label);
          break;
        }
        case "element":
          this.elementInto(child, properties, required, optional);
          break;
        case "any":
          this.note(
            "approximated",
            `any ${label}`,
            `${label}: xsd:any (any element) is allowed as additional properties: its content is not described.`,
          );
          break;
        case "complexContent": {
          const derivation = childElements(child, NS.xsd)[0];
          if (!derivation) break;
          const base = attr(derivation, "base");
          if (derivation.localName === "extension" && base) {
            const q = resolveQName(derivation, base);
            const baseType = this.complexTypes.get(clark(q.ns, q.local));
            if (baseType) this.particlesInto(baseType, properties, required, optional, label);
          } else if (base && resolveQName(derivation, base).local === "Array") {
            this.note(
              "approximated",
              "soapenc:Array",
              `${label} is a SOAP-encoded array (soapenc:Array): described as its declared content only.`,
            );
          }
          this.particlesInto(derivation, properties, required, optional, label);
          break;
        }
        case "attribute":
        case "attributeGroup":
        case "anyAttribute":
          break;
        default:
          break;
      }
    }
    this.attributesInto(el, properties, required);
  }

  private attributesInto(el: Element, properties: Record<string, JsonObject>, required: string[]): void {
    for (const child of childElements(el, NS.xsd)) {
      if (child.localName === "attributeGroup") {
        const ref = attr(child, "ref");
        const group = ref ? this.attributeGroups.get(clarkOf(child, ref)) : undefined;
        if (group) this.attributesInto(group, properties, required);
        continue;
      }
      if (child.localName === "anyAttribute") {
        this.note("approximated", "anyAttribute", "xsd:anyAttribute (any attribute) is not described.");
        continue;
      }
      if (child.localName !== "attribute") continue;
      const name =
        attr(child, "name") ??
        (attr(child, "ref") ? resolveQName(child, attr(child, "ref") as string).local : undefined);
      if (!name) continue;
      const type = attr(child, "type");
      const inline = childElements(child, NS.xsd, "simpleType")[0];
      const schema = type
        ? this.typeRef(resolveQName(child, type).ns, resolveQName(child, type).local)
        : inline
          ? this.simpleType(inline)
          : { type: "string" };
      properties[name] = { ...schema, xml: { name, attribute: true } };
      if (attr(child, "use") === "required") required.push(name);
      this.note(
        "approximated",
        "attributes",
        "XML attributes are properties like elements in JSON Schema; each is marked xml.attribute, so the envelope writes it as an attribute.",
      );
    }
  }

  private elementInto(
    el: Element,
    properties: Record<string, JsonObject>,
    required: string[],
    optional: boolean,
  ): void {
    const ref = attr(el, "ref");
    let name: string;
    let schema: JsonObject;
    if (ref) {
      const q = resolveQName(el, ref);
      name = q.local;
      schema = this.elementRef(q.ns, q.local);
    } else {
      name = attr(el, "name") ?? "element";
      schema = this.elementContent(el);
    }
    const max = attr(el, "maxOccurs");
    if (max === "unbounded" || (max !== undefined && Number(max) > 1)) {
      schema = { type: "array", items: schema, ...(max !== "unbounded" ? { maxItems: Number(max) } : {}) };
      if (minOccurs(el) > 1) schema.minItems = minOccurs(el);
    }
    properties[name] = schema;
    if (!optional && minOccurs(el) > 0 && !required.includes(name)) required.push(name);
  }
}

function minOccurs(el: Element): number {
  const value = attr(el, "minOccurs");
  return value === undefined ? 1 : Number(value);
}

function clarkOf(el: Element, qname: string): string {
  const q = resolveQName(el, qname);
  return clark(q.ns, q.local);
}

function localOf(key: string): string {
  return key.slice(key.indexOf("}") + 1);
}

function escapeRef(name: string): string {
  return name.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** An XSD lexical value in the JSON type of its schema (enumerations of numbers stay numbers). */
function typed(schema: JsonObject, value: string): string | number | boolean {
  if (
    (schema.type === "integer" || schema.type === "number") &&
    value.trim() !== "" &&
    !Number.isNaN(Number(value))
  )
    return Number(value);
  if (schema.type === "boolean") return value === "true" || value === "1";
  return value;
}
