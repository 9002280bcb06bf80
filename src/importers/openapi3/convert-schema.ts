import type { ImportReportEntry } from "../../model/import-report";
import { escapePointerToken, getAtPointer, parsePointer } from "../../model/json-pointer";
import { isJsonObject, type JsonObject, type JsonValue } from "../../model/json-value";
import { displayName } from "../shared/display-name";

/** A problem that stops the conversion (e.g. a `$ref` to nothing); the message names it. */
export class OpenApi3ConversionError extends Error {
  constructor(
    message: string,
    readonly source: string,
  ) {
    super(message);
    this.name = "OpenApi3ConversionError";
  }
}

const SCHEMA_TYPES = new Set(["string", "number", "integer", "boolean", "array", "object"]);
const COPY_KEYS = new Set([
  "title",
  "description",
  "default",
  "pattern",
  "uniqueItems",
  "format",
  "readOnly",
  "example",
]);
const NON_NEGATIVE_INT_KEYS = new Set([
  "maxLength",
  "minLength",
  "maxItems",
  "minItems",
  "maxProperties",
  "minProperties",
]);
const DROPPED_KEYWORDS = new Set([
  "not",
  "if",
  "then",
  "else",
  "patternProperties",
  "propertyNames",
  "unevaluatedProperties",
  "unevaluatedItems",
  "dependentRequired",
  "dependentSchemas",
  "dependencies",
  "contains",
  "minContains",
  "maxContains",
  "prefixItems",
  "$defs",
  "definitions",
  "$id",
  "$anchor",
  "$dynamicRef",
  "$dynamicAnchor",
  "$recursiveRef",
  "$recursiveAnchor",
  "contentSchema",
  "writeOnly",
  "deprecated",
]);
const SILENT_KEYS = new Set([
  "$schema",
  "$comment",
  "nullable",
  "contentEncoding",
  "contentMediaType",
  "externalDocs",
  "xml",
]);

/** Appends one token to a JSON pointer (fast path: most tokens need no escaping). */
export function ptr(base: string, token: string | number): string {
  const t = String(token);
  return t.indexOf("~") === -1 && t.indexOf("/") === -1 ? `${base}/${t}` : `${base}/${escapePointerToken(t)}`;
}

/**
 * Converts OpenAPI 3.0/3.1 (JSON Schema) schemas to Swagger 2.0 schemas, keeping `components/schemas` as
 * `definitions` with every `$ref` rewritten. Shared by the document converter; pure and memoised.
 */
export class SchemaConverter {
  /** Converted definitions by name, in the order they were created. */
  readonly definitions = new Map<string, JsonObject | null>();
  /** Every converted object schema, for the final `required`/`discriminator` pass. */
  private readonly objectSchemas: JsonObject[] = [];
  private readonly refNames = new Map<string, string>();
  /** Report entries of `$ref`s to nothing, for their line and column. */
  readonly danglingRefs: ImportReportEntry[] = [];
  private readonly usedNames = new Set<string>();
  private readonly componentSchemas: JsonObject;

  constructor(
    private readonly input: JsonObject,
    private readonly report: ImportReportEntry[],
  ) {
    const components = isJsonObject(input.components) ? input.components : {};
    this.componentSchemas = isJsonObject(components.schemas) ? components.schemas : {};
    for (const name of Object.keys(this.componentSchemas)) {
      this.usedNames.add(name);
      this.refNames.set(`#/components/schemas/${escapePointerToken(name)}`, name);
    }
  }

  /** Converts every component schema (in source order) so `definitions` keeps the input's order. */
  convertComponents(): void {
    for (const name of Object.keys(this.componentSchemas)) this.ensureDefinition(name);
  }

  /** The definitions object for the output, in creation order. */
  definitionsObject(): JsonObject {
    const out: JsonObject = {};
    for (const name of Object.keys(this.componentSchemas)) {
      const value = this.definitions.get(name);
      if (value) out[name] = value;
    }
    for (const [name, value] of this.definitions) if (value && !(name in out)) out[name] = value;
    return out;
  }

  private ensureDefinition(name: string): void {
    if (this.definitions.has(name)) return;
    this.definitions.set(name, null); // in progress: cycles get a $ref, never a second conversion
    const src = `/components/schemas/${escapePointerToken(name)}`;
    const converted = this.convert(
      this.componentSchemas[name],
      src,
      `/definitions/${escapePointerToken(name)}`,
    );
    this.definitions.set(name, converted);
  }

  /** Follows `$ref`s of an output schema to the definition it names (or null while that one is in progress). */
  deref(schema: JsonObject, depth = 0): JsonObject | null {
    if (typeof schema.$ref !== "string") return schema;
    if (depth > 20) return null;
    const name = schema.$ref.startsWith("#/definitions/") ? parsePointer(schema.$ref)[1] : undefined;
    if (name === undefined) return null;
    if (!this.definitions.has(name) && name in this.componentSchemas) this.ensureDefinition(name);
    const target = this.definitions.get(name);
    return target ? this.deref(target, depth + 1) : null;
  }

  /** Converts one schema; `src` is its JSON pointer in the input, `tgt` where it lands in the output. */
  convert(node: JsonValue | undefined, src: string, tgt: string): JsonObject {
    if (node === undefined || node === true) return {};
    if (node === false) {
      this.add(
        "approximated",
        src,
        tgt,
        "A schema that accepts nothing (false) has no Swagger 2.0 form; it accepts anything here.",
      );
      return {};
    }
    if (!isJsonObject(node)) {
      this.add("dropped", src, tgt, "Not a schema object; replaced by an empty schema.");
      return {};
    }
    if (typeof node.$ref === "string") return this.convertRef(node, node.$ref, src, tgt);

    const out: JsonObject = {};
    let nullable = node.nullable === true;
    let type: JsonValue | undefined = node.type;
    if (Array.isArray(type)) {
      const names = type.filter((t): t is string => typeof t === "string");
      const nonNull = names.filter((t) => t !== "null");
      if (nonNull.length < names.length) nullable = true;
      type = nonNull[0];
      if (nonNull.length > 1) {
        this.add(
          "approximated",
          ptr(src, "type"),
          ptr(tgt, "type"),
          `Several types (${nonNull.join(", ")}) became "${nonNull[0]}": Swagger 2.0 allows one.`,
        );
      }
    } else if (type === "null") {
      nullable = true;
      type = undefined;
    }

    for (const key of Object.keys(node)) {
      const value = node[key] as JsonValue;
      if (key === "type") {
        if (typeof type === "string" && SCHEMA_TYPES.has(type)) out.type = type;
        else if (type !== undefined)
          this.add("dropped", ptr(src, key), ptr(tgt, key), `Unknown type ${JSON.stringify(type)}.`);
      } else if (COPY_KEYS.has(key)) {
        if (key === "format" || key === "title" || key === "description" || key === "pattern") {
          if (typeof value === "string") out[key] = value;
        } else if (key === "uniqueItems" || key === "readOnly") {
          if (typeof value === "boolean") out[key] = value;
        } else out[key] = value;
      } else if (NON_NEGATIVE_INT_KEYS.has(key)) {
        if (typeof value === "number" && Number.isInteger(value) && value >= 0) out[key] = value;
      } else if (key === "multipleOf") {
        if (typeof value === "number" && value > 0) out[key] = value;
      } else if (key === "maximum" || key === "minimum") {
        if (typeof value === "number") out[key] = value;
      } else if (key === "exclusiveMaximum" || key === "exclusiveMinimum") {
        if (typeof value === "boolean") out[key] = value;
        else if (typeof value === "number") {
          // 3.1 form: the bound itself; Swagger 2.0 pairs the bound with a boolean.
          out[key === "exclusiveMaximum" ? "maximum" : "minimum"] = value;
          out[key] = true;
        }
      } else if (key === "required") {
        if (Array.isArray(value)) {
          const names = [...new Set(value.filter((v): v is string => typeof v === "string"))];
          if (names.length > 0) out.required = names;
        }
      } else if (key === "enum") {
        if (Array.isArray(value)) {
          const values = uniqueValues(value.filter((v) => v !== null));
          if (value.some((v) => v === null)) nullable = true;
          if (values.length > 0) out.enum = values;
        }
      } else if (key === "const") {
        if (!("enum" in node) && value !== null) out.enum = [value];
      } else if (key === "examples") {
        if (!("example" in node) && Array.isArray(value) && value.length > 0)
          out.example = value[0] as JsonValue;
      } else if (key === "properties") {
        if (isJsonObject(value)) {
          const props: JsonObject = {};
          const psrc = ptr(src, key);
          const ptgt = ptr(tgt, key);
          for (const name of Object.keys(value)) {
            const prop = this.convert(value[name], ptr(psrc, name), ptr(ptgt, name));
            // The designer's label of the field (a `$ref` takes no siblings in Swagger 2.0).
            if (prop.$ref === undefined && prop["x-ms-summary"] === undefined)
              prop["x-ms-summary"] = displayName(name, prop.title);
            props[name] = prop;
          }
          out.properties = props;
        }
      } else if (key === "additionalProperties") {
        if (typeof value === "boolean") out.additionalProperties = value;
        else if (isJsonObject(value))
          out.additionalProperties = this.convert(value, ptr(src, key), ptr(tgt, key));
      } else if (key === "items") {
        if (Array.isArray(value)) {
          this.add(
            "approximated",
            ptr(src, key),
            ptr(tgt, key),
            "A tuple (items as a list) became the schema of its first item.",
          );
          out.items = this.convert(value[0], ptr(ptr(src, key), 0), ptr(tgt, key));
        } else out.items = this.convert(value, ptr(src, key), ptr(tgt, key));
      } else if (key === "allOf") {
        if (Array.isArray(value)) {
          const members = value.map((v, i) => this.convert(v, ptr(ptr(src, key), i), ptr(ptr(tgt, key), i)));
          if (members.length > 0) out.allOf = members;
        }
      } else if (key === "oneOf" || key === "anyOf") {
        if (Array.isArray(value)) {
          const inner = this.union(value, key, src, tgt, out);
          if (inner.nullable) nullable = true;
        }
      } else if (key === "discriminator") {
        if (typeof value === "string") out.discriminator = value;
        else if (isJsonObject(value) && typeof value.propertyName === "string") {
          out.discriminator = value.propertyName;
          if (isJsonObject(value.mapping)) {
            this.add(
              "approximated",
              ptr(src, key),
              ptr(tgt, key),
              "The discriminator mapping was dropped; Swagger 2.0 uses the schema names as the values.",
            );
          }
        }
      } else if (key.startsWith("x-")) {
        const kept = this.extension(value, ptr(src, key), ptr(tgt, key));
        if (kept !== undefined) out[key] = kept;
      } else if (DROPPED_KEYWORDS.has(key)) {
        this.add(
          "dropped",
          ptr(src, key),
          tgt,
          `The keyword "${key}" has no Swagger 2.0 equivalent and was dropped.`,
        );
      } else if (!SILENT_KEYS.has(key)) {
        this.add(
          "dropped",
          ptr(src, key),
          tgt,
          `"${key}" is not a Swagger 2.0 schema keyword and was dropped.`,
        );
      } else if (key === "externalDocs" && isJsonObject(value) && typeof value.url === "string") {
        out.externalDocs = {
          ...(typeof value.description === "string" ? { description: value.description } : {}),
          url: value.url,
        };
      } else if (key === "xml" && isJsonObject(value)) {
        out.xml = value;
      }
    }
    // 3.1 binary content: contentEncoding/contentMediaType instead of format.
    if (out.type === "string" && out.format === undefined) {
      if (node.contentEncoding === "base64") out.format = "byte";
      else if (typeof node.contentMediaType === "string") out.format = "binary";
    }
    if (out.type === undefined) {
      if (out.properties !== undefined || out.additionalProperties !== undefined) out.type = "object";
      else if (out.items !== undefined) out.type = "array";
    }
    if (out.type === "array" && out.items === undefined) out.items = {};
    if (nullable) out["x-nullable"] = true;
    if (out.type === "object" || out.properties !== undefined || out.required !== undefined)
      this.objectSchemas.push(out);
    return out;
  }

  private convertRef(node: JsonObject, ref: string, src: string, tgt: string): JsonObject {
    const target = this.refTarget(ref, src, tgt);
    if (target === undefined) {
      // A reference to nothing: the rest of the document still converts; this one place accepts anything.
      const placeholder: JsonObject = {
        description: `Accepts any value: the schema ${JSON.stringify(ref)} this referred to is missing from the source document.`,
      };
      if (typeof node.description === "string") placeholder.description = node.description;
      if (typeof node.title === "string") placeholder.title = node.title;
      return placeholder;
    }
    const siblings = Object.keys(node).filter(
      (k) => k !== "$ref" && k !== "description" && k !== "summary" && k !== "title" && !k.startsWith("x-"),
    );
    if (siblings.length === 0) return { $ref: target };
    // 3.1 allows keywords beside $ref; Swagger 2.0 ignores them, so they move into an allOf wrapper.
    const rest: JsonObject = {};
    for (const key of siblings) rest[key] = node[key] as JsonValue;
    const wrapped = this.convert({ ...rest, allOf: [{ $ref: ref }] }, src, tgt);
    return wrapped;
  }

  /**
   * The output `$ref` for an input schema `$ref`; other pointers are hoisted into definitions. Undefined (and
   * reported) when the reference points to nothing in the document.
   */
  refTarget(ref: string, src: string, tgt?: string): string | undefined {
    const known = this.refNames.get(ref);
    if (known !== undefined) {
      if (known in this.componentSchemas) this.ensureDefinition(known);
      return `#/definitions/${escapePointerToken(known)}`;
    }
    if (!ref.startsWith("#")) {
      throw new OpenApi3ConversionError(externalRefMessage(ref, src), src);
    }
    let segments: string[];
    try {
      segments = parsePointer(ref);
    } catch {
      throw new OpenApi3ConversionError(`The $ref "${ref}" at ${src} is not a valid JSON pointer.`, src);
    }
    const value = getAtPointer(this.input, segments) as JsonValue | undefined;
    if (value === undefined) {
      this.danglingRef(ref, src, tgt, "it became a schema that accepts any value");
      return undefined;
    }
    const base = (segments[segments.length - 1] ?? "Schema").replace(/[^A-Za-z0-9._-]+/g, "_") || "Schema";
    let name = base;
    for (let i = 2; this.usedNames.has(name); i++) name = `${base}${i}`;
    this.usedNames.add(name);
    this.refNames.set(ref, name);
    this.definitions.set(name, null);
    this.definitions.set(name, this.convert(value, ref.slice(1), `/definitions/${escapePointerToken(name)}`));
    return `#/definitions/${escapePointerToken(name)}`;
  }

  /**
   * `oneOf`/`anyOf`: a single non-null variant is exact; several are approximated (objects merged into one
   * object with all their properties, same-type primitives merged, otherwise the first object variant).
   */
  private union(
    variants: JsonValue[],
    key: string,
    src: string,
    tgt: string,
    out: JsonObject,
  ): { nullable: boolean } {
    const usrc = ptr(src, key);
    const converted = variants.map((v, i) => this.convert(v, ptr(usrc, i), tgt));
    const isNull = (s: JsonObject) => s["x-nullable"] === true && Object.keys(s).length === 1;
    const rest = converted.filter((s) => !isNull(s));
    const nullable = rest.length < converted.length;
    if (rest.length === 0) return { nullable };
    if (rest.length === 1) {
      mergeInto(out, rest[0] as JsonObject);
      return { nullable };
    }
    const resolved = rest.map((s) => this.deref(s) ?? {});
    const kinds = resolved.map((r, i) => schemaKind(r) ?? this.inputKind(rest[i] as JsonObject));
    if (kinds.every((k) => k === "object")) {
      const properties: JsonObject = isJsonObject(out.properties) ? { ...out.properties } : {};
      for (const schema of resolved) {
        for (const member of [schema, ...(Array.isArray(schema.allOf) ? schema.allOf : [])]) {
          const m = isJsonObject(member) ? this.deref(member) : null;
          if (m && isJsonObject(m.properties)) {
            for (const [name, prop] of Object.entries(m.properties))
              if (!(name in properties) && prop !== undefined) properties[name] = prop;
          }
        }
      }
      if (out.type === undefined) out.type = "object";
      if (Object.keys(properties).length > 0) out.properties = properties;
      this.add(
        "approximated",
        usrc,
        tgt,
        `${key} of ${rest.length} object schemas became one object with all their properties (none required).`,
      );
      return { nullable };
    }
    const first = kinds[0];
    if (first !== "object" && first !== undefined && kinds.every((k) => k === first)) {
      if (out.type === undefined) out.type = first;
      const enums = resolved.map((s) => s.enum);
      if (enums.every(Array.isArray)) out.enum = uniqueValues((enums as JsonValue[][]).flat());
      const format = resolved[0]?.format;
      if (typeof format === "string" && resolved.every((s) => s.format === format)) out.format = format;
      this.add(
        "approximated",
        usrc,
        tgt,
        `${key} of ${rest.length} "${first}" schemas became one "${first}" schema.`,
      );
      return { nullable };
    }
    const pick = kinds.indexOf("object") >= 0 ? kinds.indexOf("object") : 0;
    mergeInto(out, rest[pick] as JsonObject);
    this.add(
      "approximated",
      usrc,
      tgt,
      `${key} of ${rest.length} schemas (${kinds.map((k) => k ?? "any").join(", ")}) became its variant ${pick + 1} (${kinds[pick] ?? "any"}); Swagger 2.0 has no ${key}.`,
    );
    return { nullable };
  }

  /** The kind of a definition still being converted (a cycle), read from the input schema. */
  private inputKind(schema: JsonObject): string | undefined {
    const name = typeof schema.$ref === "string" ? definitionName(schema.$ref) : undefined;
    const raw = name !== undefined ? this.componentSchemas[name] : undefined;
    if (!isJsonObject(raw)) return undefined;
    const type = Array.isArray(raw.type) ? raw.type.find((t) => t !== "null") : raw.type;
    if (typeof type === "string") return type;
    if (raw.properties !== undefined || raw.allOf !== undefined || raw.additionalProperties !== undefined)
      return "object";
    if (raw.anyOf !== undefined || raw.oneOf !== undefined) return "object";
    return undefined;
  }

  /**
   * Keeps an `x-` extension value, rewriting `$ref`s to components into their Swagger 2.0 places. An
   * extension holding a `$ref` that has no place in the output is dropped and reported (undefined).
   */
  extension(value: JsonValue, src: string, tgt: string): JsonValue | undefined {
    let bad: string | null = null;
    const rewrite = (node: JsonValue): JsonValue => {
      if (Array.isArray(node)) return node.map(rewrite);
      if (!isJsonObject(node)) return node;
      const copy: JsonObject = { ...node };
      for (const key of Object.keys(node)) {
        const child = node[key] as JsonValue;
        if (key === "$ref" && typeof child === "string") {
          const mapped = mapComponentRef(child);
          if (mapped === null) bad = child;
          else {
            copy.$ref = mapped;
            if (mapped.startsWith("#/definitions/")) {
              const name = parsePointer(mapped)[1];
              if (name !== undefined && name in this.componentSchemas) this.ensureDefinition(name);
              else bad = child;
            }
          }
        } else if (typeof child === "object" && child !== null) copy[key] = rewrite(child);
      }
      return copy;
    };
    if (typeof value !== "object" || value === null) return value;
    const result = rewrite(value);
    if (bad !== null) {
      this.add(
        "dropped",
        src,
        undefined,
        `The extension was dropped: its $ref "${bad}" has no place in Swagger 2.0.`,
      );
      return undefined;
    }
    void tgt;
    return result;
  }

  /**
   * Final pass: `required` names only properties the schema (or its allOf) has, and a discriminator names
   * a property that exists, as swagger-parser demands.
   */
  finish(): void {
    for (const schema of this.objectSchemas) {
      const props = new Set<string>();
      // Each schema once (again only when reached at a smaller depth): allOfs that share members many levels deep
      // would otherwise be walked once per path, exponentially.
      const reached = new Map<JsonObject, number>();
      const collect = (s: JsonObject, depth: number) => {
        if (depth > 20 || (reached.get(s) ?? Infinity) <= depth) return;
        reached.set(s, depth);
        if (isJsonObject(s.properties)) for (const k of Object.keys(s.properties)) props.add(k);
        if (Array.isArray(s.allOf)) {
          for (const m of s.allOf)
            if (isJsonObject(m)) {
              const d = this.deref(m);
              if (d) collect(d, depth + 1);
            }
        }
      };
      collect(schema, 0);
      if (Array.isArray(schema.required)) {
        const kept = schema.required.filter((n): n is string => typeof n === "string" && props.has(n));
        if (kept.length === 0) delete schema.required;
        else if (kept.length !== schema.required.length) schema.required = kept;
      }
      if (typeof schema.discriminator === "string" && !props.has(schema.discriminator))
        delete schema.discriminator;
    }
  }

  /**
   * Reports a `$ref` that points to nothing in the document (`src` is the object holding it) and what was
   * done instead. The entry's source is the pointer of the `$ref` itself, so that its line and column can be
   * added once the whole document is converted ({@link danglingRefs}).
   */
  danglingRef(
    ref: string,
    src: string,
    tgt: string | undefined,
    outcome: string,
    kind: ImportReportEntry["kind"] = "approximated",
  ): void {
    const entry: ImportReportEntry = {
      kind,
      source: ptr(src === "/" ? "" : src, "$ref"),
      message: `The reference ${JSON.stringify(ref)} points to nothing in the document; ${outcome}.`,
    };
    if (tgt !== undefined) entry.target = tgt;
    this.report.push(entry);
    this.danglingRefs.push(entry);
  }

  add(kind: ImportReportEntry["kind"], source: string, target: string | undefined, message: string): void {
    const entry: ImportReportEntry = { kind, source: source === "" ? "/" : source, message };
    if (target !== undefined) entry.target = target;
    this.report.push(entry);
  }
}

const definitionNames = new Map<string, string | undefined>();

/** `#/definitions/A~1B` → `A/B` (memoised: the same few refs are followed many times). */
function definitionName(ref: string): string | undefined {
  if (definitionNames.has(ref)) return definitionNames.get(ref);
  let name: string | undefined;
  if (ref.startsWith("#/definitions/")) {
    try {
      const segments = parsePointer(ref);
      name = segments.length === 2 ? segments[1] : undefined;
    } catch {
      name = undefined;
    }
  }
  if (definitionNames.size > 10000) definitionNames.clear();
  definitionNames.set(ref, name);
  return name;
}

/** The error for a `$ref` to another file or URL that the bundler did not resolve. */
export function externalRefMessage(ref: string, src: string): string {
  return /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(ref)
    ? `The $ref "${ref}" at ${src} points to a remote URL; nothing is fetched. Drop the file it names together with this one, or inline it.`
    : `The $ref "${ref}" at ${src} names the file "${ref.split("#")[0] ?? ref}", which was not dropped with the document.`;
}

/** `#/components/schemas/X` → `#/definitions/X`, parameters and responses likewise; null otherwise. */
export function mapComponentRef(ref: string): string | null {
  const match = /^#\/components\/(schemas|parameters|responses)\/([^/]+)$/.exec(ref);
  if (!match) return ref.startsWith("#/definitions/") ? ref : null;
  const place = match[1] === "schemas" ? "definitions" : (match[1] as string);
  return `#/${place}/${match[2] as string}`;
}

function schemaKind(schema: JsonObject): string | undefined {
  if (typeof schema.type === "string") return schema.type;
  if (
    schema.properties !== undefined ||
    schema.allOf !== undefined ||
    schema.additionalProperties !== undefined
  )
    return "object";
  if (schema.items !== undefined) return "array";
  return undefined;
}

/** Copies the keys of `from` that `into` does not have (the outer schema's own keywords win). */
function mergeInto(into: JsonObject, from: JsonObject): void {
  if (typeof from.$ref === "string") {
    const others = Object.keys(into).filter((k) => k !== "x-nullable");
    if (others.length === 0) {
      into.$ref = from.$ref;
      return;
    }
    into.allOf = [...(Array.isArray(into.allOf) ? into.allOf : []), { $ref: from.$ref }];
    return;
  }
  for (const key of Object.keys(from)) if (!(key in into)) into[key] = from[key] as JsonValue;
}

export function uniqueValues(values: JsonValue[]): JsonValue[] {
  const seen = new Set<string>();
  const out: JsonValue[] = [];
  for (const v of values) {
    const key = typeof v === "object" ? JSON.stringify(v) : `${typeof v}:${String(v)}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(v);
    }
  }
  return out;
}
