import { isCredentialName } from "../credentials";
import { inferSchema } from "../infer-schema";
import type { Command } from "../command";
import { resolveRefObject } from "../refs";
import { getAtPointer, parsePointer, removeAtPointer, setAtPointer, toPointer } from "../json-pointer";
import { isJsonObject, type JsonObject, type JsonValue } from "../json-value";
import type { HttpMethod, Operation, Parameter, Schema, SwaggerDocument } from "../swagger-types";
import { HTTP_METHODS } from "../swagger-types";
import { getOperation, moveOperation, renameKeyInPlace, type OperationLocation } from "./operations";

/** What the Import from sample dialog collects. */
export interface RequestSample {
  verb: string;
  url: string;
  /** One `Name: value` per line. */
  headers: string;
  /** JSON text (may be empty). */
  body: string;
}

/** A request sample taken apart. */
export interface ParsedRequestSample {
  method: HttpMethod;
  /** Path template relative to the connector's base path. */
  path: string;
  query: { name: string; value: string }[];
  headers: { name: string; value: string }[];
  body: JsonValue | undefined;
}

/** Headers the platform sets itself (content negotiation, auth): never made parameters. */
const PLATFORM_HEADERS = new Set([
  "content-type",
  "accept",
  "authorization",
  "content-length",
  "host",
  "user-agent",
  "cookie",
  "connection",
  "accept-encoding",
  "x-api-key",
  "api-key",
  "ocp-apim-subscription-key",
]);

/** Parses `Name: value` lines; blank lines are skipped, a line without a colon is an error. */
export function parseHeaderLines(text: string): {
  headers: { name: string; value: string }[];
  errors: string[];
} {
  const headers: { name: string; value: string }[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === "") return;
    const colon = line.indexOf(":");
    if (colon <= 0) {
      errors.push(`Header line ${index + 1} needs the form "Name: value".`);
      return;
    }
    headers.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  });
  return { headers, errors };
}

/**
 * Takes a sample request apart: verb, path template (the connector's base path is stripped), query
 * pairs, headers and the JSON body. Returns clear messages for a bad verb, URL, header line or body.
 */
export function parseRequestSample(
  sample: RequestSample,
  basePath = "/",
): { ok: true; value: ParsedRequestSample } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const method = sample.verb.trim().toLowerCase();
  if (!(HTTP_METHODS as readonly string[]).includes(method))
    errors.push(`"${sample.verb}" is not an HTTP verb.`);
  const url = sample.url.trim();
  let pathPart = "";
  let queryPart = "";
  if (url === "") errors.push("Enter the URL of the request.");
  else {
    // Keep `{name}` as typed: URL parsing would percent-encode the braces.
    const withoutFragment = url.split("#")[0] as string;
    const queryAt = withoutFragment.indexOf("?");
    const beforeQuery = queryAt === -1 ? withoutFragment : withoutFragment.slice(0, queryAt);
    queryPart = queryAt === -1 ? "" : withoutFragment.slice(queryAt + 1);
    const schemeMatch = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(beforeQuery);
    pathPart = schemeMatch ? beforeQuery.slice(schemeMatch[0].length) : beforeQuery;
    if (!pathPart.startsWith("/")) pathPart = `/${pathPart}`;
  }
  const base = basePath.replace(/\/+$/, "");
  if (base !== "" && (pathPart === base || pathPart.startsWith(`${base}/`)))
    pathPart = pathPart.slice(base.length) || "/";
  const query = queryPart
    .split("&")
    .filter((pair) => pair !== "")
    .map((pair) => {
      const eq = pair.indexOf("=");
      const rawName = eq === -1 ? pair : pair.slice(0, eq);
      const rawValue = eq === -1 ? "" : pair.slice(eq + 1);
      return { name: safeDecode(rawName), value: safeDecode(rawValue) };
    });
  const headerResult = parseHeaderLines(sample.headers);
  errors.push(...headerResult.errors);
  let body: JsonValue | undefined;
  if (sample.body.trim() !== "") {
    try {
      body = JSON.parse(sample.body) as JsonValue;
    } catch (error) {
      errors.push(`The body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: { method: method as HttpMethod, path: pathPart, query, headers: headerResult.headers, body },
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

/** "userId" / "user_id" / "user-id" → "User ID"-ish title used for `x-ms-summary`. */
export function titleFromName(name: string): string {
  const words = name
    .replace(/^[$@]/, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_\-.]+/g, " ")
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  return (
    words.map((w) => (w.toLowerCase() === "id" ? "ID" : w.charAt(0).toUpperCase() + w.slice(1))).join(" ") ||
    name
  );
}

/**
 * Infers a schema from one sample and gives every property an `x-ms-summary` (and description) from its
 * name. No property is marked required: one sample shows what a payload can hold, not what it must hold
 * (the maker marks required properties in the schema editor).
 */
export function schemaFromSample(sample: JsonValue): Schema {
  return withSummaries(inferSchema([sample]).schema);
}

function withSummaries(schema: Schema): Schema {
  let result = schema;
  if (result.required !== undefined) {
    result = { ...result };
    delete result.required;
  }
  if (isJsonObject(schema.properties)) {
    const props: Record<string, Schema> = { ...schema.properties };
    for (const [name, prop] of Object.entries(props)) {
      if (!isJsonObject(prop)) continue;
      let next = withSummaries(prop);
      if (next["x-ms-summary"] === undefined) next = { ...next, "x-ms-summary": titleFromName(name) };
      if (next.description === undefined) next = { ...next, description: name };
      props[name] = next;
    }
    result = { ...result, properties: props };
  }
  if (isJsonObject(schema.items)) result = { ...result, items: withSummaries(schema.items) };
  return result;
}

/**
 * Merges a freshly inferred schema into the maker's schema: existing properties keep every edit (summary,
 * description, visibility, format, required…), properties only in the sample are added, properties the
 * sample lacks stay. When the maker has no schema yet, the inferred one is used. Unlike
 * `mergeResponseIntoSchema` (Test's "Use response as schema"), the sample never changes what is written.
 */
export function mergeSampleKeepingEdits(existing: Schema | undefined, inferred: Schema): Schema {
  if (!isJsonObject(existing) || Object.keys(existing).length === 0) return inferred;
  if (typeof existing.$ref === "string") return existing;
  let result: Schema = existing;
  if (isJsonObject(inferred.properties)) {
    const current: Record<string, Schema> = isJsonObject(existing.properties) ? existing.properties : {};
    let props: Record<string, Schema> = current;
    for (const [name, prop] of Object.entries(inferred.properties)) {
      const mine = current[name];
      const merged = mine === undefined ? prop : mergeSampleKeepingEdits(mine, prop);
      if (merged !== mine) {
        props = props === current ? { ...current } : props;
        props[name] = merged;
      }
    }
    if (props !== current) result = { ...result, properties: props };
    if (existing.type === undefined && inferred.type !== undefined)
      result = { ...result, type: inferred.type };
  }
  if (isJsonObject(inferred.items)) {
    const items = mergeSampleKeepingEdits(
      isJsonObject(existing.items) ? existing.items : undefined,
      inferred.items,
    );
    if (items !== existing.items) result = { ...result, items };
  }
  return result;
}

function isRef(value: unknown): value is { $ref: string } {
  return isJsonObject(value) && typeof value.$ref === "string";
}

/** Index of a parameter by name and location in an operation's own list (refs are resolved by name). */
function findParameterIndex(
  definition: SwaggerDocument,
  params: readonly JsonValue[],
  name: string,
  where: string,
): number {
  return params.findIndex((p) => {
    const resolved = resolveParameter(definition, p);
    return resolved !== undefined && resolved.name === name && resolved.in === where;
  });
}

/** Resolves `{ $ref: "#/parameters/x" }` to the shared parameter. */
export function resolveParameter(
  definition: SwaggerDocument,
  value: JsonValue | undefined,
): Parameter | undefined {
  return resolveRefObject<Parameter>(definition, value);
}

/** Choices of the Import from sample dialog. */
export interface RequestSampleOptions {
  /**
   * Write the sample's query and header values as parameter `default`s (sent by every call that leaves the
   * field empty). Off, they become `x-ms-test-value`: an example the platform shows to testers, never sent.
   */
  valuesAsDefaults?: boolean;
}

/**
 * The key a sample value of a query or header parameter goes to: `x-ms-test-value` unless the maker asked
 * for defaults; nothing for an empty value or a credential (its value never enters the connector).
 */
function sampleValueEntry(name: string, value: JsonValue, options: RequestSampleOptions): Parameter {
  if (value === "" || isCredentialName(name)) return {};
  return options.valuesAsDefaults === true ? { default: value } : { "x-ms-test-value": value };
}

/**
 * Import from sample for a request: moves the operation to the sample's verb and path, adds path, query
 * and header parameters and the body parameter with an inferred schema. Sample values are examples
 * (`x-ms-test-value`), or defaults when `options.valuesAsDefaults`. Re-importing merges: parameters
 * that exist keep the maker's edits; body properties are merged (see {@link mergeSampleKeepingEdits}).
 */
export function importRequestSample(
  location: OperationLocation,
  sample: ParsedRequestSample,
  options: RequestSampleOptions = {},
): Command {
  return {
    name: "definition:import:request-sample",
    label: "Import request from sample",
    apply: (doc) => {
      const target: OperationLocation = { path: sample.path, method: sample.method };
      let next = doc;
      if (target.path !== location.path || target.method !== location.method) {
        if (getOperation(doc.definition, target)) return doc; // another operation holds that URL
        next = moveOperation(location, target).apply(doc);
      }
      const definition = next.definition;
      const operation = getOperation(definition, target) as Operation;
      const params: JsonValue[] = Array.isArray(operation.parameters) ? [...operation.parameters] : [];
      const add = (param: Parameter) => {
        const index = findParameterIndex(definition, params, param.name as string, param.in as string);
        if (index === -1) params.push(param);
        else {
          const mine = params[index];
          // Only fill in what the maker has not set; never overwrite an edit.
          if (isJsonObject(mine) && !isRef(mine)) {
            const filled: JsonObject = { ...mine };
            for (const [k, v] of Object.entries(param))
              if (filled[k] === undefined && v !== undefined) filled[k] = v;
            params[index] = filled;
          }
        }
      };
      for (const match of sample.path.matchAll(/\{([^}]+)\}/g)) {
        const name = match[1] as string;
        add({
          name,
          in: "path",
          required: true,
          type: "string",
          "x-ms-summary": titleFromName(name),
          description: titleFromName(name),
          "x-ms-url-encoding": "single",
        });
      }
      for (const q of sample.query) {
        add({
          name: q.name,
          in: "query",
          required: false,
          type: guessScalarType(q.value),
          "x-ms-summary": titleFromName(q.name),
          description: titleFromName(q.name),
          ...sampleValueEntry(q.name, q.value === "" ? "" : coerceScalar(q.value), options),
        });
      }
      for (const h of sample.headers) {
        if (PLATFORM_HEADERS.has(h.name.toLowerCase())) continue;
        add({
          name: h.name,
          in: "header",
          required: false,
          type: "string",
          "x-ms-summary": titleFromName(h.name),
          description: titleFromName(h.name),
          ...sampleValueEntry(h.name, h.value, options),
        });
      }
      if (sample.body !== undefined) {
        const inferred = schemaFromSample(sample.body);
        const index = params.findIndex((p) => resolveParameter(definition, p)?.in === "body");
        if (index === -1) params.push({ name: "body", in: "body", required: true, schema: inferred });
        else {
          const mine = params[index];
          if (isJsonObject(mine) && !isRef(mine)) {
            params[index] = {
              ...mine,
              schema: mergeSampleKeepingEdits(
                isJsonObject(mine.schema) ? (mine.schema as Schema) : undefined,
                inferred,
              ),
            };
          }
        }
      }
      let updated: Operation = { ...operation, parameters: params as Operation["parameters"] };
      const contentType = sample.headers.find((h) => h.name.toLowerCase() === "content-type")?.value;
      if (sample.body !== undefined && updated.consumes === undefined) {
        updated = { ...updated, consumes: [contentType?.split(";")[0]?.trim() || "application/json"] };
      }
      return {
        ...next,
        definition: setAtPointer(definition, ["paths", target.path, target.method], updated),
      };
    },
  };
}

function guessScalarType(value: string): string {
  if (/^-?\d+$/.test(value)) return "integer";
  if (/^-?\d*\.\d+$/.test(value)) return "number";
  if (value === "true" || value === "false") return "boolean";
  return "string";
}

function coerceScalar(value: string): JsonValue {
  const type = guessScalarType(value);
  if (type === "integer" || type === "number") return Number(value);
  if (type === "boolean") return value === "true";
  return value;
}

/** A new parameter of an operation. */
export function addParameter(location: OperationLocation, parameter: Parameter): Command {
  return {
    name: "definition:add:parameter",
    label: "Add parameter",
    apply: (doc) => {
      const operation = getOperation(doc.definition, location);
      if (!operation) return doc;
      const params = Array.isArray(operation.parameters) ? operation.parameters : [];
      return {
        ...doc,
        definition: setAtPointer(
          doc.definition,
          ["paths", location.path, location.method, "parameters"],
          [...params, parameter],
        ),
      };
    },
  };
}

/** Removes the parameter at a JSON pointer (an item of an operation's `parameters` array). */
export function removeParameter(pointer: string): Command {
  return {
    name: "definition:remove:parameter",
    label: "Remove parameter",
    apply: (doc) =>
      getAtPointer(doc.definition, pointer) === undefined
        ? doc
        : { ...doc, definition: removeAtPointer(doc.definition, pointer) },
  };
}

/**
 * Sets or removes fields of a parameter or schema property at `pointer` in one step. `undefined` removes
 * the key; other keys are untouched.
 */
export function patchObject(
  pointer: string,
  patch: Record<string, JsonValue | undefined>,
  label = "Edit parameter",
): Command {
  return {
    name: "definition:patch:object",
    label,
    apply: (doc) => {
      const current = getAtPointer(doc.definition, pointer);
      if (!isJsonObject(current)) return doc;
      let next: JsonObject = current;
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined) {
          if (Object.prototype.hasOwnProperty.call(next, key)) {
            next = { ...next };
            delete next[key];
          }
        } else if (next[key] !== value) {
          next = { ...next, [key]: value };
        }
      }
      return next === current ? doc : { ...doc, definition: setAtPointer(doc.definition, pointer, next) };
    },
  };
}

const BINDING_EXTENSIONS = new Set([
  "x-ms-dynamic-values",
  "x-ms-dynamic-schema",
  "x-ms-dynamic-list",
  "x-ms-dynamic-properties",
]);

/** Rewrites `{ parameter: previous }` / `{ parameterReference: previous[/…] }` bindings under `node`. */
function renameBindings(node: JsonValue, previous: string, next: string, inBinding: boolean): JsonValue {
  if (Array.isArray(node)) {
    let changed = false;
    const copy = node.map((item) => {
      const renamed = renameBindings(item, previous, next, inBinding);
      if (renamed !== item) changed = true;
      return renamed;
    });
    return changed ? copy : node;
  }
  if (!isJsonObject(node)) return node;
  let copy: JsonObject | null = null;
  for (const key of Object.keys(node)) {
    const value = node[key] as JsonValue;
    let renamed: JsonValue = value;
    if (inBinding && key === "parameter" && value === previous) renamed = next;
    else if (inBinding && key === "parameterReference" && typeof value === "string") {
      if (value === previous) renamed = next;
      else if (value.startsWith(`${previous}/`)) renamed = next + value.slice(previous.length);
    } else if (typeof value === "object" && value !== null)
      renamed = renameBindings(value, previous, next, inBinding || BINDING_EXTENSIONS.has(key));
    if (renamed !== value) {
      copy ??= { ...node };
      copy[key] = renamed;
    }
  }
  return copy ?? node;
}

/**
 * Renames the parameter at `pointer` (an operation's or a path item's) and the dynamic-dropdown and
 * dynamic-schema bindings of the same operation(s) that pass its value on (`{ parameter: name }`,
 * `parameterReference`). Does nothing for an empty name or one another parameter of that location uses.
 */
export function renameParameter(pointer: string, next: string): Command {
  return {
    name: "definition:rename:parameter",
    label: "Rename parameter",
    apply: (doc) => {
      const node = getAtPointer(doc.definition, pointer);
      if (!isJsonObject(node) || typeof node.name !== "string" || node.name === next || next === "")
        return doc;
      const previous = node.name;
      const segments = parsePointer(pointer);
      const ownerSegments = segments.slice(0, -2);
      const owner = getAtPointer(doc.definition, ownerSegments);
      if (!isJsonObject(owner) || !Array.isArray(owner.parameters)) return doc;
      const index = Number(segments[segments.length - 1]);
      const clash = owner.parameters.some((p, i) => {
        const resolved = i === index ? undefined : resolveParameter(doc.definition, p);
        return resolved?.name === next && resolved.in === node.in;
      });
      if (clash) return doc;
      let definition = setAtPointer(doc.definition, pointer, { ...node, name: next });
      // Bindings live in the operation (or, for a path item's parameter, in each of its operations).
      const scopes =
        segments[0] === "paths" && (HTTP_METHODS as readonly string[]).includes(segments[2] ?? "")
          ? [ownerSegments]
          : segments[0] === "paths" && segments[2] === "parameters"
            ? HTTP_METHODS.map((m) => [...ownerSegments, m])
            : [];
      for (const scope of scopes) {
        const operation = getAtPointer(definition, scope);
        if (!isJsonObject(operation)) continue;
        const renamed = renameBindings(operation, previous, next, false);
        if (renamed !== operation) definition = setAtPointer(definition, scope, renamed);
      }
      return { ...doc, definition };
    },
  };
}

/** The three dropdown kinds of the parameter editor. */
export type DropdownKind = "none" | "static" | "dynamic";

export interface StaticValue {
  value: string;
  displayName: string;
}

export interface DynamicValuesConfig {
  operationId: string;
  /** Parameter of the called operation → a fixed value or `{ parameter: name }` of this operation. */
  parameters: Record<string, JsonValue>;
  valuePath: string;
  valueTitle: string;
  valueCollection: string;
}

/** The dropdown kind a parameter or property currently uses. */
export function dropdownKind(node: JsonObject): DropdownKind {
  if (isJsonObject(node["x-ms-dynamic-values"]) || isJsonObject(node["x-ms-dynamic-list"])) return "dynamic";
  if (Array.isArray(node.enum)) return "static";
  return "none";
}

/** Reads the static values (enum + `x-ms-enum-values` display names). */
export function readStaticValues(node: JsonObject): StaticValue[] {
  const values = Array.isArray(node.enum) ? node.enum : [];
  const names = Array.isArray(node["x-ms-enum-values"]) ? node["x-ms-enum-values"] : [];
  return values.map((value) => {
    const entry = names.find((n) => isJsonObject(n) && n.value === value);
    return {
      value: String(value),
      displayName: isJsonObject(entry) && typeof entry.displayName === "string" ? entry.displayName : "",
    };
  });
}

/** Reads `x-ms-dynamic-values` into the editor's shape. */
export function readDynamicValues(node: JsonObject): DynamicValuesConfig {
  const dv = isJsonObject(node["x-ms-dynamic-values"]) ? node["x-ms-dynamic-values"] : {};
  const str = (v: JsonValue | undefined) => (typeof v === "string" ? v : "");
  return {
    operationId: str(dv.operationId),
    parameters: isJsonObject(dv.parameters) ? (dv.parameters as Record<string, JsonValue>) : {},
    valuePath: str(dv["value-path"]),
    valueTitle: str(dv["value-title"]),
    valueCollection: str(dv["value-collection"]),
  };
}

/** Switches the dropdown kind, writing `enum`/`x-ms-enum-values` or `x-ms-dynamic-values`. */
export function setDropdown(
  pointer: string,
  kind: DropdownKind,
  options: { values?: StaticValue[]; dynamic?: DynamicValuesConfig } = {},
): Command {
  const patch: Record<string, JsonValue | undefined> = {};
  if (kind !== "static") {
    patch.enum = undefined;
    patch["x-ms-enum-values"] = undefined;
  }
  if (kind !== "dynamic") patch["x-ms-dynamic-values"] = undefined;
  if (kind === "static") {
    return {
      name: "definition:set:dropdown",
      label: "Change dropdown",
      apply: (doc) => {
        const node = getAtPointer(doc.definition, pointer);
        // Enum values carry the parameter's type (an integer parameter lists numbers).
        const type = isJsonObject(node) ? node.type : undefined;
        const coerce = (text: string): JsonValue =>
          literalProblem(text, type) === null ? (literalFromText(text, type) ?? text) : text;
        const values = options.values ?? [];
        patch.enum = values.map((v) => coerce(v.value));
        patch["x-ms-enum-values"] = values.some((v) => v.displayName !== "")
          ? values.map((v) => ({ value: coerce(v.value), displayName: v.displayName || v.value }))
          : undefined;
        return patchObject(pointer, patch, "Change dropdown").apply(doc);
      },
    };
  }
  if (kind === "dynamic") {
    const d = options.dynamic ?? {
      operationId: "",
      parameters: {},
      valuePath: "",
      valueTitle: "",
      valueCollection: "",
    };
    const dv: JsonObject = { operationId: d.operationId };
    if (Object.keys(d.parameters).length > 0) dv.parameters = d.parameters;
    if (d.valueCollection !== "") dv["value-collection"] = d.valueCollection;
    if (d.valuePath !== "") dv["value-path"] = d.valuePath;
    if (d.valueTitle !== "") dv["value-title"] = d.valueTitle;
    patch["x-ms-dynamic-values"] = dv;
  }
  return patchObject(pointer, patch, "Change dropdown");
}

// ---- Body schema property tree ----

/** Adds a property (type string) to the object schema at `schemaPointer`. */
export function addSchemaProperty(
  schemaPointer: string,
  name: string,
  schema: Schema = { type: "string" },
): Command {
  return {
    name: "definition:add:schema-property",
    label: "Add property",
    apply: (doc) => {
      const current = getAtPointer(doc.definition, schemaPointer);
      const base: Schema = isJsonObject(current) ? (current as Schema) : {};
      const props: Record<string, Schema> = isJsonObject(base.properties) ? base.properties : {};
      if (name.trim() === "" || props[name] !== undefined) return doc;
      const next: Schema = {
        ...base,
        type: base.type ?? "object",
        properties: { ...props, [name]: { ...schema, "x-ms-summary": titleFromName(name) } },
      };
      return { ...doc, definition: setAtPointer(doc.definition, schemaPointer, next) };
    },
  };
}

/** Removes a property (and its entry in `required`). */
export function removeSchemaProperty(schemaPointer: string, name: string): Command {
  return {
    name: "definition:remove:schema-property",
    label: "Remove property",
    apply: (doc) => {
      const current = getAtPointer(doc.definition, schemaPointer);
      if (
        !isJsonObject(current) ||
        !isJsonObject(current.properties) ||
        current.properties[name] === undefined
      )
        return doc;
      const props = { ...current.properties };
      delete props[name];
      let next: JsonObject = { ...current, properties: props };
      next = withRequired(next, name, false);
      return { ...doc, definition: setAtPointer(doc.definition, schemaPointer, next) };
    },
  };
}

/** Renames a property in place (same position), updating `required`. */
export function renameSchemaProperty(schemaPointer: string, name: string, next: string): Command {
  return {
    name: "definition:rename:schema-property",
    label: "Rename property",
    apply: (doc) => {
      const current = getAtPointer(doc.definition, schemaPointer);
      if (!isJsonObject(current) || !isJsonObject(current.properties)) return doc;
      if (name === next || next.trim() === "" || current.properties[next] !== undefined) return doc;
      if (current.properties[name] === undefined) return doc;
      let updated: JsonObject = { ...current, properties: renameKeyInPlace(current.properties, name, next) };
      if (Array.isArray(current.required) && current.required.includes(name)) {
        updated = { ...updated, required: current.required.map((r) => (r === name ? next : r)) };
      }
      return { ...doc, definition: setAtPointer(doc.definition, schemaPointer, updated) };
    },
  };
}

/** Marks a property required or optional (the parent's `required` array; an empty array is removed). */
export function setSchemaPropertyRequired(schemaPointer: string, name: string, required: boolean): Command {
  return {
    name: "definition:set:schema-property-required",
    label: required ? "Make property required" : "Make property optional",
    apply: (doc) => {
      const current = getAtPointer(doc.definition, schemaPointer);
      if (!isJsonObject(current)) return doc;
      const next = withRequired(current, name, required);
      return next === current
        ? doc
        : { ...doc, definition: setAtPointer(doc.definition, schemaPointer, next) };
    },
  };
}

function withRequired(schema: JsonObject, name: string, required: boolean): JsonObject {
  const list = Array.isArray(schema.required) ? (schema.required as JsonValue[]) : [];
  const has = list.includes(name);
  if (has === required) return schema;
  const nextList = required ? [...list, name] : list.filter((r) => r !== name);
  if (nextList.length === 0) {
    const copy = { ...schema };
    delete copy.required;
    return copy;
  }
  return { ...schema, required: nextList };
}

/** Changes a schema's type, dropping what no longer fits (properties of a former object, items of a former array). */
export function setSchemaType(schemaPointer: string, type: string): Command {
  return {
    name: "definition:set:schema-type",
    label: "Change type",
    apply: (doc) => {
      const current = getAtPointer(doc.definition, schemaPointer);
      if (!isJsonObject(current) || current.type === type) return doc;
      const next: JsonObject = { ...current, type };
      if (type !== "object") {
        delete next.properties;
        delete next.required;
      }
      if (type !== "array") delete next.items;
      if (type === "array" && !isJsonObject(next.items)) next.items = { type: "string" };
      if (type === "object" && !isJsonObject(next.properties)) next.properties = {};
      if (typeof next.format === "string" && !formatFits(type, next.format)) delete next.format;
      return { ...doc, definition: setAtPointer(doc.definition, schemaPointer, next) };
    },
  };
}

const INTEGER_TEXT = /^-?\d+$/;
const NUMBER_TEXT = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;
const INT32 = 2 ** 31;

/**
 * Why `text` is not a value of a parameter of `type` (and `format`), or null when it is: the Default value
 * and the static dropdown values of the parameter editor. Array values are JSON arrays; a file parameter
 * has no value to type.
 */
export function literalProblem(text: string, type: unknown, format?: unknown): string | null {
  switch (type) {
    case "integer": {
      if (!INTEGER_TEXT.test(text)) return "Enter a whole number, such as 25 or -3.";
      const n = Number(text);
      if (!Number.isSafeInteger(n)) return "This number is too large to keep exactly.";
      if (format === "int32" && (n < -INT32 || n >= INT32))
        return "An int32 value lies between -2147483648 and 2147483647.";
      return null;
    }
    case "number":
      return NUMBER_TEXT.test(text) ? null : "Enter a number, such as 1.5 or -2.";
    case "boolean":
      return text === "true" || text === "false" ? null : "Enter true or false.";
    case "array": {
      try {
        if (Array.isArray(JSON.parse(text))) return null;
      } catch {
        // fall through
      }
      return 'Enter the list as JSON, such as ["a", "b"].';
    }
    case "file":
      return "A file parameter has no value to type here.";
    default:
      return null;
  }
}

/** The JSON value for `text` typed as a value of `type` (check {@link literalProblem} first); "" → undefined. */
export function literalFromText(text: string, type: unknown): JsonValue | undefined {
  if (text === "") return undefined;
  if (type === "integer" || type === "number") return Number(text);
  if (type === "boolean") return text === "true";
  if (type === "array") return JSON.parse(text) as JsonValue;
  return text;
}

/** The text a stored value shows in a field ("" for none; JSON for lists and objects). */
export function literalToText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** A value converted to `type` when it converts exactly (25 ↔ "25", "true" → true), else unchanged. */
function convertLiteral(value: JsonValue, type: string, format: unknown): JsonValue {
  if (typeof value === "object" && value !== null) return value;
  const text = literalToText(value);
  if (type === "string") return text;
  if (literalProblem(text, type, format) !== null || type === "array") return value;
  return literalFromText(text, type) ?? value;
}

/**
 * Changes a (non-body) parameter's type in one step: drops a format that does not fit, adds `items` for an
 * array (and drops it otherwise), and converts the default value and the static dropdown values that
 * convert exactly ("25" → 25 for integer, 25 → "25" for string); others stay for the maker to fix.
 */
export function setParameterType(pointer: string, type: string): Command {
  return {
    name: "definition:set:parameter-type",
    label: "Change type",
    apply: (doc) => {
      const node = getAtPointer(doc.definition, pointer);
      if (!isJsonObject(node) || node.type === type) return doc;
      const patch: Record<string, JsonValue | undefined> = { type };
      const format =
        typeof node.format === "string" && formatFits(type, node.format) ? node.format : undefined;
      if (typeof node.format === "string" && format === undefined) patch.format = undefined;
      if (type === "array" && !isJsonObject(node.items)) patch.items = { type: "string" };
      if (type !== "array") patch.items = undefined;
      if (node.default !== undefined && node.default !== null)
        patch.default = convertLiteral(node.default, type, format);
      if (Array.isArray(node.enum)) patch.enum = node.enum.map((v) => convertLiteral(v, type, format));
      const names = node["x-ms-enum-values"];
      if (Array.isArray(names))
        patch["x-ms-enum-values"] = names.map((entry) =>
          isJsonObject(entry) && entry.value !== undefined
            ? { ...entry, value: convertLiteral(entry.value, type, format) }
            : entry,
        );
      return patchObject(pointer, patch, "Change type").apply(doc);
    },
  };
}

/** Formats offered per type (Power Platform's list). */
export const FORMATS_BY_TYPE: Record<string, readonly string[]> = {
  string: ["date", "date-time", "date-no-tz", "byte", "binary", "password", "email", "uri", "uuid", "html"],
  integer: ["int32", "int64"],
  number: ["float", "double"],
  boolean: [],
  array: [],
  object: [],
  file: [],
};

function formatFits(type: string, format: string): boolean {
  return (FORMATS_BY_TYPE[type] ?? []).includes(format);
}

/** Splits a pointer and returns its parent pointer string. */
export function parentPointer(pointer: string): string {
  return toPointer(parsePointer(pointer).slice(0, -1));
}
