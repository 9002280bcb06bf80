import { connectorTitle, type ConnectorDocument } from "../model/connector-document";
import { DEFAULT_BRAND_COLOR } from "../model/create-empty-connector";
import { getAtPointer } from "../model/json-pointer";
import { isJsonObject, type JsonObject, type JsonValue } from "../model/json-value";
import { listOperations, type OperationRef, type Parameter, type Schema } from "../model/swagger-types";

export type CardVisibility = "important" | "none" | "advanced" | "internal";

/** A dropdown of an input: fixed values, or values the designer loads by calling another operation. */
export type CardDropdown =
  { kind: "static"; values: { value: string; label: string }[] } | { kind: "dynamic"; source: string };

/** One input of an action card, as the flow designer shows it. */
export interface CardInput {
  /** Unique within the card: `query:priority`, `body:address/street`. */
  key: string;
  /** The parameter's name or the body property's path. */
  name: string;
  /** The label the maker reads: `x-ms-summary`, else `title`, else the name. */
  label: string;
  /** The hint shown in the empty box: the description. */
  hint: string | null;
  required: boolean;
  /** What the box takes: "string", "integer (int32)", "boolean", "array", "object", "file". */
  type: string;
  visibility: CardVisibility;
  dropdown: CardDropdown | null;
  defaultValue: string | null;
}

/** A body whose fields the designer loads at design time (x-ms-dynamic-schema / x-ms-dynamic-properties). */
export interface CardDynamicSchema {
  /** Where it sits: "Body", or the label of the property it replaces. */
  label: string;
  /** "from <operation>" in words. */
  source: string;
}

/** The maker's-eye view of one operation: the action card of the flow designer. */
export interface ActionCard {
  operationId: string;
  title: string;
  description: string | null;
  kind: "action" | "trigger";
  deprecated: boolean;
  connectorTitle: string;
  /** The card header's colour: `iconBrandColor`, else the platform's default blue. */
  brandColor: string;
  /** Black or white, whichever reads better on {@link brandColor} (WCAG contrast). */
  headerTextColor: "#000000" | "#ffffff";
  /** Inputs shown at once: important first, then required, then the rest (document order within each). */
  inputs: CardInput[];
  /** Inputs under "Show advanced options" (`x-ms-visibility: advanced`). */
  advanced: CardInput[];
  /** Inputs a maker never sees (`x-ms-visibility: internal`): how many. */
  hiddenCount: number;
  dynamicSchemas: CardDynamicSchema[];
}

/** The platform's default icon background (what a connector without its own colour shows). */
/** Body properties nested deeper than this are not flattened into inputs (the designer shows them as JSON). */
const MAX_DEPTH = 4;
const ORDER: Record<CardVisibility, number> = { important: 0, none: 1, advanced: 2, internal: 3 };

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

function visibilityOf(value: JsonObject): CardVisibility {
  const v = value["x-ms-visibility"];
  return v === "important" || v === "advanced" || v === "internal" ? v : "none";
}

/** A property inside an advanced (or internal) object is as hidden as its parent; otherwise its own counts. */
function carriedVisibility(own: CardVisibility, inherited: CardVisibility): CardVisibility {
  return ORDER[inherited] >= ORDER.advanced && ORDER[inherited] > ORDER[own] ? inherited : own;
}

function resolve<T extends JsonObject>(doc: ConnectorDocument, value: unknown, seen = 0): T | null {
  if (!isJsonObject(value)) return null;
  const ref = value.$ref;
  if (typeof ref === "string" && ref.startsWith("#") && seen < 16)
    return resolve<T>(doc, getAtPointer(doc.definition, ref.slice(1)), seen + 1);
  return value as T;
}

/** "List templates (ListTemplates)", or the id alone when the operation is not in this connector. */
function operationWords(doc: ConnectorDocument, operationId: string): string {
  const found = listOperations(doc.definition).find((o) => o.operation.operationId === operationId);
  const summary = text(found?.operation.summary);
  return summary && summary !== operationId ? `${summary} (${operationId})` : operationId;
}

function dynamicSource(doc: ConnectorDocument, value: JsonObject): string | null {
  for (const key of ["x-ms-dynamic-list", "x-ms-dynamic-values", "x-ms-dynamic-tree"] as const) {
    const ext = value[key];
    if (!isJsonObject(ext)) continue;
    const operationId =
      text(ext.operationId) ??
      (isJsonObject(ext.settings) ? text(ext.settings.operationId) : null) ??
      (isJsonObject(ext.browse) ? text(ext.browse.operationId) : null);
    if (operationId) return `from ${operationWords(doc, operationId)}`;
    const builtIn = text(ext.builtInOperation) ?? text(ext.capability);
    if (builtIn) return `from ${builtIn}`;
    return "loaded at design time";
  }
  return null;
}

function dropdownOf(doc: ConnectorDocument, value: JsonObject): CardDropdown | null {
  const dynamic = dynamicSource(doc, value);
  if (dynamic) return { kind: "dynamic", source: dynamic };
  if (Array.isArray(value.enum)) {
    const names = new Map<string, string>();
    if (Array.isArray(value["x-ms-enum-values"]))
      for (const entry of value["x-ms-enum-values"])
        if (isJsonObject(entry) && text(entry.displayName))
          names.set(JSON.stringify(entry.value ?? null), String(entry.displayName));
    return {
      kind: "static",
      values: (value.enum as JsonValue[]).map((v) => ({
        value: typeof v === "string" ? v : JSON.stringify(v),
        label: names.get(JSON.stringify(v)) ?? (typeof v === "string" ? v : JSON.stringify(v)),
      })),
    };
  }
  if (value.type === "boolean")
    return {
      kind: "static",
      values: [
        { value: "true", label: "Yes" },
        { value: "false", label: "No" },
      ],
    };
  return null;
}

function typeWords(value: JsonObject): string {
  const type =
    typeof value.type === "string" ? value.type : isJsonObject(value.properties) ? "object" : "any";
  return typeof value.format === "string" ? `${type} (${value.format})` : type;
}

function defaultOf(value: JsonObject): string | null {
  if (value.default === undefined) return null;
  return typeof value.default === "string" ? value.default : JSON.stringify(value.default);
}

function dynamicSchemaSource(doc: ConnectorDocument, schema: JsonObject): string | null {
  for (const key of ["x-ms-dynamic-properties", "x-ms-dynamic-schema"] as const) {
    const ext = schema[key];
    if (!isJsonObject(ext)) continue;
    const operationId = text(ext.operationId);
    return operationId ? `from ${operationWords(doc, operationId)}` : "loaded at design time";
  }
  return null;
}

function input(
  doc: ConnectorDocument,
  key: string,
  name: string,
  value: JsonObject,
  required: boolean,
  inherited: CardVisibility,
): CardInput {
  const own = visibilityOf(value);
  return {
    key,
    name,
    label: text(value["x-ms-summary"]) ?? text(value.title) ?? name,
    hint: text(value.description),
    required,
    type: typeWords(value),
    visibility: carriedVisibility(own, inherited),
    dropdown: dropdownOf(doc, value),
    defaultValue: defaultOf(value),
  };
}

/** Flattens a body schema into inputs the way the designer does: one box per leaf property. */
function bodyInputs(
  doc: ConnectorDocument,
  schema: Schema,
  path: string,
  label: string,
  required: boolean,
  inherited: CardVisibility,
  depth: number,
  out: { inputs: CardInput[]; dynamic: CardDynamicSchema[] },
): void {
  const dynamic = dynamicSchemaSource(doc, schema);
  if (dynamic) {
    out.dynamic.push({ label, source: dynamic });
    return;
  }
  const properties = isJsonObject(schema.properties) ? (schema.properties as Record<string, Schema>) : null;
  if (!properties || depth >= MAX_DEPTH) {
    out.inputs.push(input(doc, `body:${path || "body"}`, path || "body", schema, required, inherited));
    return;
  }
  const requiredNames = new Set(Array.isArray(schema.required) ? schema.required : []);
  const visibility = visibilityOf(schema);
  const carried = carriedVisibility(visibility, inherited);
  for (const [name, raw] of Object.entries(properties)) {
    const child = resolve<Schema>(doc, raw);
    if (!child) continue;
    const childPath = path ? `${path}/${name}` : name;
    const childLabel = text(child["x-ms-summary"]) ?? text(child.title) ?? name;
    bodyInputs(
      doc,
      child,
      childPath,
      childLabel,
      required && requiredNames.has(name),
      carried,
      depth + 1,
      out,
    );
  }
}

/**
 * Builds the action card the flow designer shows for one operation: header (connector colour, title), the
 * inputs with labels, hints, required marks and dropdowns (static values, or "from <operation>" for dynamic
 * ones), advanced inputs apart, internal ones only counted, and bodies whose fields are loaded at design time
 * named as such.
 */
export function buildActionCard(doc: ConnectorDocument, ref: OperationRef): ActionCard {
  const op = ref.operation;
  const operationId = text(op.operationId) ?? `${ref.method.toUpperCase()} ${ref.path}`;
  const props = isJsonObject(doc.properties.properties) ? doc.properties.properties : {};
  const color = text(props.iconBrandColor);
  const brandColor = color && /^#[0-9a-f]{6}$/i.test(color) ? color : DEFAULT_BRAND_COLOR;
  const raw = [...(doc.definition.paths?.[ref.path]?.parameters ?? []), ...(op.parameters ?? [])];
  // An operation's own parameter overrides the path item's one of the same name and location.
  const byKey = new Map<string, Parameter>();
  for (const r of raw) {
    const p = resolve<Parameter>(doc, r);
    if (p && typeof p.name === "string") byKey.set(`${String(p.in)}:${p.name}`, p);
  }
  const collected: { inputs: CardInput[]; dynamic: CardDynamicSchema[] } = { inputs: [], dynamic: [] };
  for (const [key, p] of byKey) {
    if (p.in === "body") {
      const schema = resolve<Schema>(doc, p.schema) ?? {};
      const label = text(p["x-ms-summary"]) ?? "Body";
      const before = collected.inputs.length;
      bodyInputs(doc, schema, "", label, true, visibilityOf(p), 0, collected);
      // A body that is not an object is one box, labelled and required as the parameter says.
      const single = collected.inputs[before];
      if (single && single.key === "body:body" && collected.inputs.length === before + 1)
        collected.inputs[before] = {
          ...single,
          label,
          hint: text(p.description) ?? single.hint,
          required: p.required === true,
        };
      else if (p.required !== true)
        for (let i = before; i < collected.inputs.length; i++) {
          const item = collected.inputs[i];
          if (item) collected.inputs[i] = { ...item, required: false };
        }
      continue;
    }
    const field = input(doc, key, p.name as string, p, p.required === true, "none");
    collected.inputs.push(p.in === "formData" && p.type === "file" ? { ...field, type: "file" } : field);
  }
  const ordered = collected.inputs
    .map((item, index) => ({ item, index }))
    .sort(
      (a, b) =>
        ORDER[a.item.visibility] - ORDER[b.item.visibility] ||
        Number(b.item.required) - Number(a.item.required) ||
        a.index - b.index,
    )
    .map((x) => x.item);
  return {
    operationId,
    title: text(op.summary) ?? operationId,
    description: text(op.description),
    kind: op["x-ms-trigger"] !== undefined ? "trigger" : "action",
    deprecated: op.deprecated === true,
    connectorTitle: connectorTitle(doc),
    brandColor,
    headerTextColor: readableTextColor(brandColor),
    inputs: ordered.filter((i) => i.visibility === "important" || i.visibility === "none"),
    advanced: ordered.filter((i) => i.visibility === "advanced"),
    hiddenCount: ordered.filter((i) => i.visibility === "internal").length,
    dynamicSchemas: collected.dynamic,
  };
}

/** Black or white text, whichever has the higher WCAG contrast on a `#rrggbb` background. */
export function readableTextColor(background: string): "#000000" | "#ffffff" {
  const channel = (i: number) => {
    const c = parseInt(background.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  // Contrast with white is 1.05 / (L + 0.05), with black (L + 0.05) / 0.05; they are equal at L ≈ 0.179.
  return luminance > 0.179 ? "#000000" : "#ffffff";
}
