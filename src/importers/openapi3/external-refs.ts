import type { ImportReportEntry } from "../../model/import-report";
import { escapePointerToken, getAtPointer, parsePointer, toPointer } from "../../model/json-pointer";
import { isJsonObject, type JsonObject, type JsonValue } from "../../model/json-value";

/** A `$ref` that cannot be resolved from the dropped files: remote, missing file, or missing target. */
export class ExternalRefError extends Error {
  constructor(
    message: string,
    /** JSON pointer (in the file named by `file`) of the `$ref`. */
    readonly source: string,
    readonly file: string,
  ) {
    super(message);
    this.name = "ExternalRefError";
  }
}

export interface BundleOptions {
  /** Path of the entry document as dropped (`/`-separated), the base of its relative `$ref`s. */
  entryPath: string;
  /** The other dropped files, parsed, keyed by path (same root as `entryPath`). */
  companions: Record<string, JsonValue>;
  /** Where schemas from other files are hoisted to. */
  flavour: "openapi3" | "swagger2";
}

export interface BundleResult {
  document: JsonValue;
  report: ImportReportEntry[];
}

/** Keys whose value is a schema; arrays under these keys hold schemas; maps under these keys map to schemas. */
const SCHEMA_VALUE_KEYS = new Set([
  "schema",
  "items",
  "additionalProperties",
  "not",
  "contains",
  "if",
  "then",
  "else",
]);
const SCHEMA_ARRAY_KEYS = new Set(["allOf", "oneOf", "anyOf", "prefixItems"]);
const SCHEMA_MAP_KEYS = new Set([
  "properties",
  "patternProperties",
  "$defs",
  "definitions",
  "dependentSchemas",
]);

const REMOTE = /^([a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * Resolves every `$ref` to another file from the dropped companions only (nothing is fetched), so that the
 * result is one self-contained document. Schemas from other files are hoisted into `components/schemas`
 * (OpenAPI 3) or `definitions` (Swagger 2.0) under their file or pointer name; other objects (path items,
 * parameters, responses) are inlined. A remote or missing `$ref` throws an {@link ExternalRefError} naming
 * it, except inside an `x-` extension, which is then dropped and reported.
 */
export function bundleExternalRefs(document: JsonValue, options: BundleOptions): BundleResult {
  const bundler = new Bundler(options);
  const hasExternal = containsExternalRef(document);
  if (!hasExternal) return { document, report: [] };
  const result = bundler.walk(document, options.entryPath, [], false, false);
  return { document: bundler.attachHoisted(result), report: bundler.report };
}

function containsExternalRef(value: JsonValue): boolean {
  const stack: JsonValue[] = [value];
  while (stack.length > 0) {
    const node = stack.pop() as JsonValue;
    if (Array.isArray(node)) {
      for (const item of node) if (typeof item === "object" && item !== null) stack.push(item);
    } else if (isJsonObject(node)) {
      const ref = node.$ref;
      if (typeof ref === "string" && !ref.startsWith("#")) return true;
      for (const key in node) {
        const child = node[key];
        if (typeof child === "object" && child !== null) stack.push(child);
      }
    }
  }
  return false;
}

class DropExtension extends Error {}

class Bundler {
  readonly report: ImportReportEntry[] = [];
  private readonly hoisted = new Map<string, { name: string; value: JsonValue | undefined }>();
  private readonly usedNames = new Set<string>();
  private readonly inProgress = new Set<string>();
  private readonly options: BundleOptions;

  constructor(options: BundleOptions) {
    this.options = options;
  }

  /** Names already present in the entry's schema container, so hoisted names do not collide. */
  reserveExisting(document: JsonValue): void {
    const existing =
      this.options.flavour === "openapi3"
        ? getAtPointer(document, ["components", "schemas"])
        : getAtPointer(document, ["definitions"]);
    if (isJsonObject(existing)) for (const key of Object.keys(existing)) this.usedNames.add(key);
  }

  attachHoisted(document: JsonValue): JsonValue {
    if (this.hoisted.size === 0 || !isJsonObject(document)) return document;
    const additions: JsonObject = {};
    for (const { name, value } of this.hoisted.values()) if (value !== undefined) additions[name] = value;
    if (this.options.flavour === "openapi3") {
      const components = isJsonObject(document.components) ? document.components : {};
      const schemas = isJsonObject(components.schemas) ? components.schemas : {};
      return { ...document, components: { ...components, schemas: { ...schemas, ...additions } } };
    }
    const definitions = isJsonObject(document.definitions) ? document.definitions : {};
    return { ...document, definitions: { ...definitions, ...additions } };
  }

  walk(node: JsonValue, file: string, path: string[], schema: boolean, inExtension: boolean): JsonValue {
    if (path.length === 0 && file === this.options.entryPath) this.reserveExisting(node);
    if (Array.isArray(node)) {
      const parentKey = path[path.length - 1] ?? "";
      const itemsAreSchemas = SCHEMA_ARRAY_KEYS.has(parentKey) || (schema && parentKey === "items");
      return node.map((item, i) => this.walk(item, file, [...path, String(i)], itemsAreSchemas, inExtension));
    }
    if (!isJsonObject(node)) return node;
    if (typeof node.$ref === "string") {
      const replaced = this.resolveRef(node.$ref, file, path, schema, inExtension);
      if (replaced !== undefined) return replaced;
    }
    const parentKey = path[path.length - 1] ?? "";
    const isSchemaMap =
      SCHEMA_MAP_KEYS.has(parentKey) || (parentKey === "schemas" && path[path.length - 2] === "components");
    const out: JsonObject = { ...node };
    for (const key of Object.keys(node)) {
      const child = node[key];
      if (typeof child !== "object" || child === null) continue;
      if (key === "example" || key === "examples") {
        // Example payloads are data, not documents; only an `$ref` example object is resolved.
        if (key === "examples" && isJsonObject(child))
          out[key] = this.walkExamples(child, file, [...path, key]);
        continue;
      }
      const extension = inExtension || key.startsWith("x-");
      const childIsSchema = isSchemaMap ? true : SCHEMA_VALUE_KEYS.has(key) && (schema || key === "schema");
      try {
        out[key] = this.walk(child, file, [...path, key], childIsSchema, extension);
      } catch (error) {
        if (error instanceof DropExtension && key.startsWith("x-") && !inExtension) {
          delete out[key];
          this.report.push({
            kind: "dropped",
            source: `${file}#${toPointer([...path, key])}`,
            message: `The extension ${key} was dropped: ${error.message}`,
          });
          continue;
        }
        throw error;
      }
    }
    return out;
  }

  private walkExamples(examples: JsonObject, file: string, path: string[]): JsonObject {
    const out: JsonObject = { ...examples };
    for (const key of Object.keys(examples)) {
      const value = examples[key];
      if (isJsonObject(value) && typeof value.$ref === "string" && !value.$ref.startsWith("#")) {
        try {
          out[key] = this.walk(value, file, [...path, key], false, true);
        } catch (error) {
          if (!(error instanceof DropExtension)) throw error;
          delete out[key];
          this.report.push({
            kind: "dropped",
            source: `${file}#${toPointer([...path, key])}`,
            message: `The example ${key} was dropped: ${error.message}`,
          });
        }
      }
    }
    return out;
  }

  /** Returns the replacement for a `$ref` object, or undefined to keep it (an internal ref of the entry). */
  private resolveRef(
    ref: string,
    file: string,
    path: string[],
    schema: boolean,
    inExtension: boolean,
  ): JsonValue | undefined {
    const hash = ref.indexOf("#");
    const filePart = hash === -1 ? ref : ref.slice(0, hash);
    const fragment = hash === -1 ? "" : ref.slice(hash + 1);
    if (filePart === "" && file === this.options.entryPath) return undefined;
    const source = `${file}#${toPointer(path)}`;
    const fail = (message: string): never => {
      if (inExtension) throw new DropExtension(message);
      throw new ExternalRefError(message, toPointer(path), file);
    };
    if (REMOTE.test(filePart)) {
      fail(
        `The $ref "${ref}" at ${source} points to a remote URL; nothing is fetched. Drop the file it names together with this one, or inline it.`,
      );
    }
    const target = filePart === "" ? file : resolvePath(file, filePart);
    if (target === this.options.entryPath) {
      // A companion pointing back into the entry: an internal reference there.
      return { $ref: `#${fragment}` };
    }
    const companion = this.options.companions[target];
    if (companion === undefined) {
      fail(
        `The $ref "${ref}" at ${source} names the file "${target}", which was not dropped with the document.`,
      );
    }
    let segments: string[];
    try {
      segments = parsePointer(fragment === "" ? "" : fragment.startsWith("/") ? fragment : `/${fragment}`);
    } catch {
      return fail(`The $ref "${ref}" at ${source} has an invalid JSON pointer.`);
    }
    const value = getAtPointer(companion, segments) as JsonValue | undefined;
    if (value === undefined) {
      fail(`The $ref "${ref}" at ${source} points to "${fragment}", which does not exist in "${target}".`);
    }
    const key = `${target}#${toPointer(segments)}`;
    if (schema) return { $ref: this.hoist(key, value as JsonValue, target, segments) };
    if (this.inProgress.has(key)) {
      fail(`The $ref "${ref}" at ${source} is part of a circular chain through other files.`);
    }
    this.inProgress.add(key);
    try {
      return this.walk(value as JsonValue, target, segments, false, inExtension);
    } finally {
      this.inProgress.delete(key);
    }
  }

  private hoist(key: string, value: JsonValue, file: string, segments: string[]): string {
    const prefix = this.options.flavour === "openapi3" ? "#/components/schemas/" : "#/definitions/";
    const known = this.hoisted.get(key);
    if (known) return prefix + escapePointerToken(known.name);
    const name = this.uniqueName(hoistName(file, segments));
    const entry: { name: string; value: JsonValue | undefined } = { name, value: undefined };
    this.hoisted.set(key, entry);
    entry.value = this.walk(value, file, segments, true, false);
    return prefix + escapePointerToken(name);
  }

  private uniqueName(base: string): string {
    let name = base;
    for (let i = 2; this.usedNames.has(name); i++) name = `${base}${i}`;
    this.usedNames.add(name);
    return name;
  }
}

/** `components/schemas/Order.yaml` → `Order`; `common.json#/definitions/Error` → `Error`. */
function hoistName(file: string, segments: string[]): string {
  const last = segments[segments.length - 1];
  const base = last ?? (file.split("/").pop() ?? "Schema").replace(/\.(ya?ml|json)$/i, "");
  return base.replace(/[^A-Za-z0-9._-]+/g, "_") || "Schema";
}

/** Joins a relative reference to the directory of `from` (`/`-separated, `.` and `..` handled). */
export function resolvePath(from: string, relative: string): string {
  const decoded = safeDecode(relative);
  const parts = decoded.startsWith("/") ? [] : from.split("/").slice(0, -1);
  for (const part of decoded.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return parts.join("/");
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
