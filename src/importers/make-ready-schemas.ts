import { resolveRefObject } from "../model/refs";
import type { ImportReportEntry } from "../model/import-report";
import { escapePointerToken, setAtPointer } from "../model/json-pointer";
import { extendObject, isJsonObject, type JsonObject, type JsonValue } from "../model/json-value";
import { HTTP_METHODS, type SwaggerDocument } from "../model/swagger-types";
import { COUNT_CAP, countSchemas, LIMITS } from "../validation/budget";

const DEFINITIONS = "#/definitions/";
/** Deeper than this a cut is never tried (a body this deep and still under the limit does not exist). */
const MAX_DEPTH = 64;
const HUGE = 1e9;

function definitionName(ref: string): string | undefined {
  return ref.startsWith(DEFINITIONS)
    ? ref.slice(DEFINITIONS.length).replace(/~1/g, "/").replace(/~0/g, "~")
    : undefined;
}

/** Children the platform's schema count expands (as `countSchemas` does). */
function children(node: JsonObject): JsonValue[] {
  const out: JsonValue[] = [];
  if (isJsonObject(node.properties))
    for (const v of Object.values(node.properties)) if (v !== undefined) out.push(v);
  if (node.items !== undefined) out.push(node.items);
  if (isJsonObject(node.additionalProperties)) out.push(node.additionalProperties);
  if (Array.isArray(node.allOf)) out.push(...node.allOf);
  return out;
}

function isArraySchema(node: JsonObject): boolean {
  return node.type === "array" || node.items !== undefined;
}

/** What is kept of a schema that is cut: its type (object or array of objects) and its labels. */
function freeForm(node: JsonObject): JsonObject {
  const out: JsonObject = isArraySchema(node)
    ? { type: "array", items: { type: "object" } }
    : { type: "object" };
  for (const key of ["title", "description", "x-ms-summary", "x-ms-visibility"])
    if (node[key] !== undefined) out[key] = node[key];
  return out;
}

/**
 * Cuts schemas at a depth: every node deeper than `k` levels becomes a free-form object. Shared definitions
 * are not changed; a definition that is too deep at a given remaining depth gets a cut copy
 * (`Name__depthK`), shared by every body that needs the same cut, so the definition stays small.
 */
class SchemaCutter {
  private readonly depthMemo = new Map<string, number>();
  private readonly fullMemo = new Map<string, number>();
  private readonly countMemo = new Map<string, number>();
  private readonly variants = new Map<string, string>();
  readonly added: JsonObject = {};

  constructor(private readonly definition: SwaggerDocument) {}

  private defs(): JsonObject {
    return isJsonObject(this.definition.definitions) ? this.definition.definitions : {};
  }

  private target(node: JsonObject): { name: string; schema: JsonObject } | null | undefined {
    if (typeof node.$ref !== "string") return undefined;
    const name = definitionName(node.$ref);
    const schema = name === undefined ? undefined : this.defs()[name];
    return name !== undefined && isJsonObject(schema) ? { name, schema } : null;
  }

  /** Levels of a schema with refs expanded; Infinity when it reaches a cycle. */
  depth(node: JsonValue, stack = new Set<string>()): number {
    if (!isJsonObject(node)) return 0;
    const t = this.target(node);
    if (t === null) return 0;
    if (t) {
      const memo = this.depthMemo.get(t.name);
      if (memo !== undefined) return memo;
      if (stack.has(t.name)) return Infinity;
      stack.add(t.name);
      const d = this.depth(t.schema, stack);
      stack.delete(t.name);
      this.depthMemo.set(t.name, d);
      return d;
    }
    let max = 0;
    for (const c of children(node)) max = Math.max(max, this.depth(c, stack));
    return 1 + max;
  }

  /** Schema count of an acyclic schema, refs expanded. */
  private fullCount(node: JsonValue): number {
    if (!isJsonObject(node)) return 0;
    const t = this.target(node);
    if (t === null) return 0;
    if (t) {
      const memo = this.fullMemo.get(t.name);
      if (memo !== undefined) return memo;
      const n = this.fullCount(t.schema);
      this.fullMemo.set(t.name, n);
      return n;
    }
    let n = 1;
    for (const c of children(node)) n = Math.min(HUGE, n + this.fullCount(c));
    return n;
  }

  /** Schema count of `node` cut at `k` levels (what the validator will count on the cut copy). */
  count(node: JsonValue, k: number): number {
    if (!isJsonObject(node)) return 0;
    const t = this.target(node);
    if (t === null) return 0;
    if (t) {
      if (this.depth(node) <= k) return this.fullCount(node);
      const key = `${t.name}@${k}`;
      const memo = this.countMemo.get(key);
      if (memo !== undefined) return memo;
      const n = this.count(t.schema, k);
      this.countMemo.set(key, n);
      return n;
    }
    const list = children(node);
    if (list.length === 0) return 1;
    if (k <= 1) return isArraySchema(node) ? 2 : 1;
    let n = 1;
    for (const c of list) n = Math.min(HUGE, n + this.count(c, k - 1));
    return n;
  }

  /** The copy of `node` cut at `k` levels. */
  cut(node: JsonValue, k: number): JsonValue {
    if (!isJsonObject(node)) return node;
    const t = this.target(node);
    if (t === null) return node;
    if (t) {
      if (this.depth(node) <= k) return node;
      if (k <= 1) return freeForm(t.schema);
      return { ...node, $ref: `${DEFINITIONS}${escapePointerToken(this.variant(t.name, t.schema, k))}` };
    }
    if (children(node).length === 0) return node;
    if (k <= 1) return freeForm(node);
    const out: JsonObject = { ...node };
    if (isJsonObject(node.properties)) {
      const props: JsonObject = { ...node.properties };
      for (const key of Object.keys(props)) props[key] = this.cut(props[key] as JsonValue, k - 1);
      out.properties = props;
    }
    if (node.items !== undefined) out.items = this.cut(node.items, k - 1);
    if (isJsonObject(node.additionalProperties))
      out.additionalProperties = this.cut(node.additionalProperties, k - 1);
    if (Array.isArray(node.allOf)) out.allOf = node.allOf.map((part) => this.cut(part, k - 1));
    return out;
  }

  private variant(name: string, schema: JsonObject, k: number): string {
    const key = `${name}@${k}`;
    const known = this.variants.get(key);
    if (known !== undefined) return known;
    let variant = `${name}__depth${k}`;
    for (let i = 2; this.defs()[variant] !== undefined || this.added[variant] !== undefined; i++)
      variant = `${name}__depth${k}_${i}`;
    this.variants.set(key, variant);
    this.added[variant] = {};
    this.added[variant] = this.cut(schema, k);
    return variant;
  }
}

interface Holder {
  holder: JsonObject;
  pointer: () => string;
  kind: "body" | "response";
  label: () => string;
}

/** Every request body and response schema holder, each once (shared parameters and responses included). */
function holders(definition: SwaggerDocument): Holder[] {
  const out: Holder[] = [];
  const seen = new Set<JsonObject>();
  // Pointers and labels are built only for the few holders that are cut.
  const add = (raw: JsonValue, inline: () => string, kind: Holder["kind"], label: () => string) => {
    if (!isJsonObject(raw)) return;
    const ref = typeof raw.$ref === "string" ? raw.$ref : undefined;
    const holder = ref ? resolveRefObject(definition, raw) : raw;
    if (!holder || seen.has(holder) || holder.schema === undefined) return;
    if (kind === "body" && holder.in !== "body") return;
    seen.add(holder);
    out.push({ holder, pointer: () => `${ref ? ref.slice(1) : inline()}/schema`, kind, label });
  };
  const paths = definition.paths;
  if (!isJsonObject(paths)) return out;
  for (const path of Object.keys(paths)) {
    const item = paths[path];
    if (!isJsonObject(item)) continue;
    const itemPointer = () => `/paths/${escapePointerToken(path)}`;
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isJsonObject(op)) continue;
      const label = () => `${method.toUpperCase()} ${path}`;
      if (Array.isArray(item.parameters))
        item.parameters.forEach((p, i) => add(p, () => `${itemPointer()}/parameters/${i}`, "body", label));
      if (Array.isArray(op.parameters))
        op.parameters.forEach((p, i) =>
          add(p, () => `${itemPointer()}/${method}/parameters/${i}`, "body", label),
        );
      if (isJsonObject(op.responses))
        for (const code of Object.keys(op.responses))
          add(
            op.responses[code] as JsonValue,
            () => `${itemPointer()}/${method}/responses/${escapePointerToken(code)}`,
            "response",
            () => `${label()} ${code}`,
          );
    }
  }
  return out;
}

/**
 * Request and response schemas that expand past the platform's 512 schemas are cut at the deepest level
 * that fits: deeper levels become free-form objects. Each cut is reported with where and how deep.
 * Pure: returns a copy of `definition` (untouched branches shared) with the cut schemas and definitions.
 */
export function cutLargeBodySchemas(
  definition: SwaggerDocument,
  report: ImportReportEntry[],
): SwaggerDocument {
  const limit = LIMITS.schemasPerBody;
  const cutter = new SchemaCutter(definition);
  const cuts: [pointer: string, schema: JsonValue][] = [];
  // Many bodies are the same bare `{ "$ref": "#/definitions/X" }`: count each once. The definitions are not
  // changed in this loop (cuts go to `cutter.added`), so the count of such a schema does not change either.
  const refCounts = new Map<string, number>();
  const countOf = (schema: JsonValue): number => {
    const ref = isJsonObject(schema) && Object.keys(schema).length === 1 ? schema.$ref : undefined;
    if (typeof ref !== "string" || !ref.startsWith("#/definitions/")) return countSchemas(definition, schema);
    let n = refCounts.get(ref);
    if (n === undefined) {
      n = countSchemas(definition, schema);
      refCounts.set(ref, n);
    }
    return n;
  };
  for (const { holder, pointer: pointerOf, kind, label: labelOf } of holders(definition)) {
    const schema = holder.schema as JsonValue;
    const before = countOf(schema);
    if (before <= limit) continue;
    let k = 1;
    while (k < MAX_DEPTH && cutter.count(schema, k + 1) <= limit) k++;
    const after = cutter.count(schema, k);
    const pointer = pointerOf();
    const label = labelOf();
    cuts.push([pointer, cutter.cut(schema, k)]);
    report.push({
      kind: "fixed",
      rule: "BodySchemaCountExceedsMaxAllowed",
      source: pointer,
      target: pointer,
      message: `The ${kind === "body" ? "request body" : "response"} schema of ${label} expands to ${before >= COUNT_CAP ? `more than ${COUNT_CAP - 1}` : before} schemas (the platform allows ${limit}): it was cut at depth ${k}; deeper levels are free-form objects (${after} schemas now).`,
    });
  }
  if (cuts.length === 0) return definition;
  let cut = definition;
  for (const [pointer, schema] of cuts) cut = setAtPointer(cut, pointer, schema);
  if (Object.keys(cutter.added).length === 0) return cut;
  const definitions = {
    ...(isJsonObject(cut.definitions) ? cut.definitions : {}),
    ...cutter.added,
  };
  return extendObject(cut, { definitions }) as SwaggerDocument;
}
