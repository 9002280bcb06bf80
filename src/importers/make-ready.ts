import { resolveLocalRef } from "../model/refs";
import type { ConnectorDocument } from "../model/connector-document";
import type { ImportReportEntry } from "../model/import-report";
import { escapePointerToken } from "../model/json-pointer";
import { copyObject, extendObject, isJsonObject, type JsonObject, type JsonValue } from "../model/json-value";
import { applyOperationIdRenames, structuredCloneJson } from "../model/operations/operations";
import { HTTP_METHODS, listOperations, type SwaggerDocument } from "../model/swagger-types";
import {
  responsesWithDefaultSchemaMoved,
  summaryFromOperationId,
} from "../model/operations/definition-fixes";
import { findUnusedDefinitions } from "../model/operations/keep-operations";
import { isPlaceholderHost } from "../validation/rules/definition-rules";
import {
  MAX_OPERATION_ID_LENGTH,
  sanitizeOperationId,
  templateVariables,
} from "../validation/rules/operation-rules";
import { cutLargeBodySchemas } from "./make-ready-schemas";

/** The summary length the string guidance and certification ask for (the validator warns above 120). */
export const READY_SUMMARY_LENGTH = 80;

type Report = ImportReportEntry[];

const hasOwn = (obj: object, key: string): boolean => Object.prototype.hasOwnProperty.call(obj, key);

function opPointer(path: string, method: string): string {
  return `/paths/${escapePointerToken(path)}/${method}`;
}

function methodsOf(item: JsonObject): string[] {
  return HTTP_METHODS.filter((m) => isJsonObject(item[m]));
}

function resolveRef(definition: SwaggerDocument, ref: string): JsonObject | undefined {
  const target = resolveLocalRef(definition, ref);
  return isJsonObject(target) ? target : undefined;
}

/** A parameter entry as it applies: inline, or the shared parameter a `$ref` names. */
function resolveParam(definition: SwaggerDocument, param: JsonValue | undefined): JsonObject | undefined {
  if (!isJsonObject(param)) return undefined;
  return typeof param.$ref === "string" ? resolveRef(definition, param.$ref) : param;
}

/**
 * Moves a path item's shared `parameters` into each of its operations (an operation's own parameter of the
 * same name and location wins), so that operations can be moved to another path or edited one by one.
 */
function inlineItemParameters(definition: SwaggerDocument, item: JsonObject): void {
  const shared = item.parameters;
  if (!Array.isArray(shared)) return;
  for (const method of methodsOf(item)) {
    const op = item[method] as JsonObject;
    const own = Array.isArray(op.parameters) ? op.parameters : [];
    const key = (p: JsonValue) => {
      const r = resolveParam(definition, p);
      return r ? `${String(r.in)}:${String(r.name)}` : "";
    };
    const ownKeys = new Set(own.map(key));
    const inherited = shared.filter((p) => !ownKeys.has(key(p))).map((p) => structuredCloneJson(p));
    if (inherited.length > 0 || own.length > 0) op.parameters = [...inherited, ...own];
  }
  delete item.parameters;
}

function paramsOf(op: JsonObject): JsonValue[] {
  return Array.isArray(op.parameters) ? op.parameters : [];
}

// ---------------------------------------------------------------------------------------------------------
// Path keys: `?query` and `#fragment`, and templates that differ only in variable names.

/** Moves operation `method` of `fromItem` to `toItem`; false (nothing moved) when `toItem` already has it. */
function moveOperation(fromItem: JsonObject, toItem: JsonObject, method: string): boolean {
  if (isJsonObject(toItem[method])) return false;
  toItem[method] = fromItem[method];
  delete fromItem[method];
  return true;
}

function carryExtensions(fromItem: JsonObject, toItem: JsonObject): void {
  for (const key of Object.keys(fromItem))
    if (key.startsWith("x-") && toItem[key] === undefined) toItem[key] = fromItem[key];
}

/** `a=1&b=&c` → [["a","1"],["b",""],["c",""]] (names and values URI-decoded where they can be). */
function parseQuery(query: string): [string, string][] {
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s.replace(/\+/g, " "));
    } catch {
      return s;
    }
  };
  return query
    .split("&")
    .filter((part) => part !== "")
    .map((part) => {
      const eq = part.indexOf("=");
      return eq < 0 ? [decode(part), ""] : [decode(part.slice(0, eq)), decode(part.slice(eq + 1))];
    });
}

function addQueryParameters(
  definition: SwaggerDocument,
  op: JsonObject,
  query: [string, string][],
): string[] {
  const params = paramsOf(op).slice();
  const described: string[] = [];
  for (const [name, value] of query) {
    if (name === "") continue;
    const variable = /^\{([^}]+)\}$/.exec(value)?.[1];
    // `?id={id}`: the path parameter the converter made for {id} becomes this query parameter.
    const pathIndex =
      variable === undefined
        ? -1
        : params.findIndex((p) => {
            const r = resolveParam(definition, p);
            return r?.in === "path" && r.name === variable;
          });
    if (pathIndex >= 0) {
      const { "x-ms-url-encoding": _encoding, ...rest } = resolveParam(
        definition,
        params[pathIndex],
      ) as JsonObject;
      params[pathIndex] = extendObject(rest, { name, in: "query" });
      described.push(name);
      continue;
    }
    if (
      params.some(
        (p) => resolveParam(definition, p)?.in === "query" && resolveParam(definition, p)?.name === name,
      )
    )
      continue;
    const fixed = value !== "" && variable === undefined;
    params.push(
      fixed
        ? { name, in: "query", type: "string", required: true, default: value, "x-ms-visibility": "internal" }
        : { name, in: "query", type: "string", required: false },
    );
    described.push(fixed ? `${name} (fixed value "${value}", internal)` : name);
  }
  if (params.length > 0) op.parameters = params;
  return described;
}

/** Removes `?query` and `#fragment` parts of path keys; query values become query parameters. */
function fixQueryAndFragmentPaths(definition: SwaggerDocument, report: Report): void {
  const paths = definition.paths;
  if (!isJsonObject(paths)) return;
  const bad = Object.keys(paths).filter((k) => /[?#]/.test(k));
  for (const key of bad) {
    const item = paths[key];
    delete paths[key];
    if (!isJsonObject(item)) continue;
    const hash = key.indexOf("#");
    let base = hash >= 0 ? key.slice(0, hash) : key;
    const q = base.indexOf("?");
    const query = q >= 0 ? parseQuery(base.slice(q + 1)) : [];
    if (q >= 0) base = base.slice(0, q);
    if (base === "") base = "/";
    inlineItemParameters(definition, item);
    const target = (isJsonObject(paths[base]) ? paths[base] : (paths[base] = {})) as JsonObject;
    for (const method of methodsOf(item)) {
      const op = item[method] as JsonObject;
      if (isJsonObject(target[method])) {
        report.push({
          kind: "dropped",
          rule: "OperationPathMayNotContainQueryOrFragment",
          source: opPointer(key, method),
          message: `${method.toUpperCase()} ${key} (${String(op.operationId ?? "no operationId")}) was dropped: without its "?"/"#" part it is the same as ${method.toUpperCase()} ${base}, and a connector has one operation per method and path. Use a policy or custom code to reach it.`,
        });
        continue;
      }
      const added = addQueryParameters(definition, op, query);
      moveOperation(item, target, method);
      report.push({
        kind: "fixed",
        rule: "OperationPathMayNotContainQueryOrFragment",
        source: opPointer(key, method),
        target: opPointer(base, method),
        message: `The path "${key}" may not hold "?" or "#": the operation moved to "${base}"${added.length > 0 ? `; the query became query parameter(s) ${added.join(", ")}` : ""}.`,
      });
    }
    carryExtensions(item, target);
    if (methodsOf(target).length === 0 && Object.keys(target).length === 0) delete paths[base];
  }
}

function templateShape(path: string): string {
  return path.replace(/\{[^}]*\}/g, "{}").toLowerCase();
}

/**
 * Paths that differ only in variable names (`/users/{id}` and `/users/{userId}`) become one: operations of
 * the later paths move to the first, their path parameters renamed; a method both already have is dropped.
 */
function unifyTemplates(definition: SwaggerDocument, report: Report): void {
  const paths = definition.paths;
  if (!isJsonObject(paths)) return;
  const groups = new Map<string, string[]>();
  for (const key of Object.keys(paths)) {
    if (!key.includes("{")) continue;
    const shape = templateShape(key);
    groups.set(shape, [...(groups.get(shape) ?? []), key]);
  }
  for (const keys of groups.values()) {
    if (keys.length < 2) continue;
    const [canonical, ...others] = keys as [string, ...string[]];
    const target = paths[canonical];
    if (!isJsonObject(target)) continue;
    inlineItemParameters(definition, target);
    const canonicalVars = templateVariables(canonical);
    for (const other of others) {
      const item = paths[other];
      if (!isJsonObject(item)) continue;
      inlineItemParameters(definition, item);
      const rename = new Map<string, string>();
      templateVariables(other).forEach((v, i) => {
        const to = canonicalVars[i];
        if (to !== undefined && to !== v) rename.set(v, to);
      });
      for (const method of methodsOf(item)) {
        const op = item[method] as JsonObject;
        if (isJsonObject(target[method])) {
          report.push({
            kind: "dropped",
            rule: "DuplicateOperationPath",
            source: opPointer(other, method),
            message: `${method.toUpperCase()} ${other} (${String(op.operationId ?? "no operationId")}) was dropped: it differs from ${method.toUpperCase()} ${canonical} only in variable names, and the platform cannot tell them apart.`,
          });
          continue;
        }
        op.parameters = paramsOf(op).map((p) => {
          const r = resolveParam(definition, p);
          const to = r?.in === "path" && typeof r.name === "string" ? rename.get(r.name) : undefined;
          return r && to !== undefined ? extendObject(r, { name: to }) : p;
        });
        moveOperation(item, target, method);
        report.push({
          kind: "fixed",
          rule: "DuplicateOperationPath",
          source: opPointer(other, method),
          target: opPointer(canonical, method),
          message: `${method.toUpperCase()} ${other} moved to ${canonical}: the two paths differ only in variable names${rename.size > 0 ? ` (path parameters renamed: ${[...rename].map(([a, b]) => `${a} → ${b}`).join(", ")})` : ""}.`,
        });
      }
      carryExtensions(item, target);
      delete paths[other];
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Operations: bodies on GET/HEAD, Accept/Content-Type headers, operationIds.

/**
 * GET and HEAD take no body or form data on the platform (an error). DELETE is left alone: 62 DELETE
 * operations of published connectors take a body, so the platform accepts it.
 */
function dropFetchBodies(definition: SwaggerDocument, report: Report): void {
  const paths = definition.paths;
  if (!isJsonObject(paths)) return;
  const isBody = (p: JsonValue) => {
    const r = resolveParam(definition, p);
    return r?.in === "body" || r?.in === "formData";
  };
  for (const path of Object.keys(paths)) {
    const item = paths[path];
    if (!isJsonObject(item)) continue;
    const fetches = ["get", "head"].filter((m) => isJsonObject(item[m]));
    if (fetches.length === 0) continue;
    if (Array.isArray(item.parameters) && item.parameters.some(isBody))
      inlineItemParameters(definition, item);
    for (const method of fetches) {
      const op = item[method] as JsonObject;
      const dropped = paramsOf(op).filter(isBody);
      if (dropped.length === 0) continue;
      op.parameters = paramsOf(op).filter((p) => !isBody(p));
      const names = dropped.map((p) => String(resolveParam(definition, p)?.name ?? "body"));
      report.push({
        kind: "dropped",
        rule: "BodyOrFormDataParameterInFetchOperationNotAllowed",
        source: opPointer(path, method),
        target: opPointer(path, method),
        message: `${method.toUpperCase()} ${path} had a request body (${names.join(", ")}), which the platform does not allow on ${method.toUpperCase()}: it was dropped. If the API really needs it, change the method.`,
      });
    }
  }
}

const MIME = /^[\w.+*-]+\/[\w.+*-]+$/;

function mimeValues(param: JsonObject): string[] {
  const raw: JsonValue[] = [];
  if (typeof param.default === "string") raw.push(param.default);
  if (Array.isArray(param.enum)) raw.push(...param.enum);
  if (typeof param["x-example"] === "string") raw.push(param["x-example"]);
  const out: string[] = [];
  for (const value of raw) {
    if (typeof value !== "string") continue;
    for (const part of value.split(",")) {
      const type = (part.split(";")[0] ?? "").trim();
      if (MIME.test(type) && !out.includes(type)) out.push(type);
    }
  }
  return out;
}

/** `Accept` and `Content-Type` header parameters become the operation's `produces` and `consumes`. */
function headersToMimeTypes(definition: SwaggerDocument, report: Report): void {
  const paths = definition.paths;
  if (!isJsonObject(paths)) return;
  const which = (p: JsonValue): "produces" | "consumes" | null => {
    const r = resolveParam(definition, p);
    if (r?.in !== "header" || typeof r.name !== "string") return null;
    const name = r.name.toLowerCase();
    return name === "accept" ? "produces" : name === "content-type" ? "consumes" : null;
  };
  for (const path of Object.keys(paths)) {
    const item = paths[path];
    if (!isJsonObject(item)) continue;
    if (Array.isArray(item.parameters) && item.parameters.some((p) => which(p) !== null))
      inlineItemParameters(definition, item);
    for (const method of methodsOf(item)) {
      const op = item[method] as JsonObject;
      const headers = paramsOf(op).filter((p) => which(p) !== null);
      if (headers.length === 0) continue;
      op.parameters = paramsOf(op).filter((p) => which(p) === null);
      if ((op.parameters as JsonValue[]).length === 0) delete op.parameters;
      for (const header of headers) {
        const key = which(header) as "produces" | "consumes";
        const param = resolveParam(definition, header) as JsonObject;
        const values = mimeValues(param);
        const inherited = Array.isArray(op[key])
          ? op[key]
          : Array.isArray(definition[key])
            ? definition[key]
            : [];
        const list = [...(inherited as JsonValue[])];
        for (const v of values) if (!list.includes(v)) list.push(v);
        if (values.length > 0) op[key] = list;
        report.push({
          kind: "fixed",
          source: `${opPointer(path, method)} header ${String(param.name)}`,
          target: `${opPointer(path, method)}${values.length > 0 ? `/${key}` : ""}`,
          message:
            values.length > 0
              ? `The ${String(param.name)} header parameter of ${method.toUpperCase()} ${path} became "${key}": ${values.join(", ")} (the platform sets this header from "${key}").`
              : `The ${String(param.name)} header parameter of ${method.toUpperCase()} ${path} was removed: the platform sets this header itself (from "${key}"), and it had no media type to keep.`,
        });
      }
    }
  }
}

/** operationIds: letters, digits and `_` only, at most 128 characters, present and unique without case. */
function fixOperationIds(doc: ConnectorDocument, report: Report): ConnectorDocument {
  const ops = listOperations(doc.definition);
  const counts = new Map<string, number>();
  for (const { operation } of ops)
    if (typeof operation.operationId === "string")
      counts.set(operation.operationId, (counts.get(operation.operationId) ?? 0) + 1);
  const taken = new Set<string>();
  const plans: {
    op: JsonObject;
    path: string;
    method: string;
    id: string | undefined;
    next: string;
    rule: string;
  }[] = [];
  const firstSeen = new Set<string>();
  // First pass: ids that stay as they are claim their names.
  for (const { operation } of ops) {
    const id = operation.operationId;
    if (
      typeof id === "string" &&
      id !== "" &&
      !/[^A-Za-z0-9_]/.test(id) &&
      id.length <= MAX_OPERATION_ID_LENGTH &&
      !taken.has(id.toLowerCase())
    ) {
      taken.add(id.toLowerCase());
      firstSeen.add(id);
    }
  }
  const claimed = new Set<string>();
  for (const { path, method, operation } of ops) {
    const id =
      typeof operation.operationId === "string" && operation.operationId !== ""
        ? operation.operationId
        : undefined;
    if (id !== undefined && firstSeen.has(id) && !claimed.has(id)) {
      claimed.add(id);
      continue;
    }
    let rule: string;
    let base: string;
    if (id === undefined) {
      rule = "OperationIdRequired";
      base = sanitizeOperationId(`${method} ${path.replace(/[{}]/g, "")}`);
    } else if (/[^A-Za-z0-9_]/.test(id)) {
      rule = "OperationIdSanitized";
      base = sanitizeOperationId(id);
    } else if (id.length > MAX_OPERATION_ID_LENGTH) {
      rule = "OperationIdTooLong";
      base = id;
    } else {
      rule = "OperationIdNotUnique";
      base = id;
    }
    base = base.slice(0, MAX_OPERATION_ID_LENGTH - 4);
    let next = base;
    for (let i = 2; taken.has(next.toLowerCase()); i++) next = `${base}${i}`;
    taken.add(next.toLowerCase());
    plans.push({ op: operation, path, method, id, next, rule });
  }
  const renames = new Map<string, string>();
  for (const plan of plans) {
    // A unique old name is renamed with its references; a duplicate or missing one only on its operation.
    if (plan.id !== undefined && counts.get(plan.id) === 1) renames.set(plan.id, plan.next);
    else plan.op.operationId = plan.next;
    report.push({
      kind: "fixed",
      rule: plan.rule,
      source: plan.id ?? `${plan.method.toUpperCase()} ${plan.path}`,
      target: `${opPointer(plan.path, plan.method)}/operationId`,
      message:
        plan.id === undefined
          ? `${plan.method.toUpperCase()} ${plan.path} had no operationId: named "${plan.next}".`
          : `The operationId "${plan.id}" became "${plan.next}" (${plan.rule === "OperationIdNotUnique" ? "another operation had the same name" : plan.rule === "OperationIdTooLong" ? "at most 128 characters" : "letters, digits and _ only, as the platform keeps them"})${renames.has(plan.id) ? "; references to it were renamed too" : ""}.`,
    });
  }
  return applyOperationIdRenames(doc, renames);
}

// ---------------------------------------------------------------------------------------------------------
// Responses, path parameters and summaries: the validator's quick fixes.

/**
 * The `default` responses' schemas moved to 2xx (the validator's quick fix, `responsesWithDefaultSchemaMoved`).
 * In place on the operations `copyDownToOperations` made.
 */
function moveDefaultSchemas(definition: SwaggerDocument, report: Report): void {
  for (const { path, method, operation } of listOperations(definition)) {
    const responses = operation.responses;
    if (!isJsonObject(responses)) continue;
    const moved = responsesWithDefaultSchemaMoved(responses);
    if (!moved) continue;
    (operation as JsonObject).responses = moved;
    const pointer = `${opPointer(path, method)}/responses/default`;
    const before = Object.keys(responses).filter((k) => /^2\d\d$/.test(k));
    const withSchema = before.find(
      (k) => isJsonObject(responses[k]) && (responses[k] as JsonObject).schema !== undefined,
    );
    const withContent = before.filter((k) => k !== "204" && k !== "205");
    const to =
      withSchema || (before.length > 0 && withContent.length === 0) ? null : (withContent[0] ?? "200");
    report.push({
      kind: "fixed",
      rule: "DefaultResponseHasSchema",
      source: pointer,
      target: to ? `${opPointer(path, method)}/responses/${to}` : pointer,
      message: to
        ? `The schema of the "default" response of ${method.toUpperCase()} ${path} moved to "${to}" (the designer ignores "default").`
        : `The schema of the "default" response of ${method.toUpperCase()} ${path} was removed: the designer ignores it, and "${withSchema ?? before.join(", ")}" already describes the result.`,
    });
  }
}

/**
 * `x-ms-url-encoding: single` on every path parameter that has none (the validator's quick fix for
 * PathParameterMissingEncoding). In place on the path items and operations `copyDownToOperations` made; a
 * shared parameter (`#/parameters/…`) is fixed once, in a copy of the shared map.
 */
function addPathEncodings(definition: SwaggerDocument, report: Report): void {
  const needs = (p: JsonValue | undefined): p is JsonObject =>
    isJsonObject(p) && p.in === "path" && p["x-ms-url-encoding"] === undefined;
  const encoded = (p: JsonObject): JsonObject => extendObject(p, { "x-ms-url-encoding": "single" });
  const fixed = (pointer: string, name: unknown, owner: string) =>
    report.push({
      kind: "fixed",
      rule: "PathParameterMissingEncoding",
      source: pointer,
      target: `${pointer}/x-ms-url-encoding`,
      message: `The path parameter "${String(name)}"${owner} got "x-ms-url-encoding": "single" (values are encoded once).`,
    });
  const sharedDone = new Set<string>();
  const fixList = (holder: JsonObject, base: () => string, owner: string) => {
    const list = holder.parameters;
    if (!Array.isArray(list)) return;
    let copy: JsonValue[] | undefined;
    list.forEach((p, i) => {
      if (isJsonObject(p) && typeof p.$ref === "string" && p.$ref.startsWith("#/parameters/")) {
        const name = p.$ref.slice("#/parameters/".length).replace(/~1/g, "/").replace(/~0/g, "~");
        const shared = isJsonObject(definition.parameters) ? definition.parameters : undefined;
        const target = shared?.[name];
        if (!shared || sharedDone.has(name) || !needs(target)) return;
        sharedDone.add(name);
        definition.parameters = extendObject(shared, {
          [name]: encoded(target),
        }) as SwaggerDocument["parameters"];
        fixed(p.$ref.slice(1), target.name, "");
        return;
      }
      if (!needs(p)) return;
      (copy ??= list.slice())[i] = encoded(p);
      fixed(`${base()}/${i}`, p.name, owner);
    });
    if (copy) holder.parameters = copy;
  };
  const paths = definition.paths;
  if (!isJsonObject(paths)) return;
  for (const path of Object.keys(paths)) {
    const item = paths[path];
    if (!isJsonObject(item)) continue;
    fixList(item, () => `/paths/${escapePointerToken(path)}/parameters`, ` of ${path}`);
    for (const method of methodsOf(item))
      fixList(
        item[method] as JsonObject,
        () => `${opPointer(path, method)}/parameters`,
        ` of ${method.toUpperCase()} ${path}`,
      );
  }
}

/**
 * OAuth scopes that security requirements name but the scheme does not declare (OpenAPI 3 documents often
 * list per-operation scopes of another flow) are declared, so requirement and scheme agree. In place on the
 * definition `copyDownToOperations` made; the scheme and its scopes are copied.
 */
function declareRequiredScopes(definition: SwaggerDocument, report: Report): void {
  const schemes = definition.securityDefinitions;
  if (!isJsonObject(schemes)) return;
  const added = new Map<string, { scopes: string[]; where: string }>();
  const collect = (requirements: unknown, where: string) => {
    if (!Array.isArray(requirements)) return;
    for (const requirement of requirements) {
      if (!isJsonObject(requirement)) continue;
      for (const [name, scopes] of Object.entries(requirement)) {
        const scheme = schemes[name];
        if (!isJsonObject(scheme) || scheme.type !== "oauth2" || !Array.isArray(scopes)) continue;
        const declared = isJsonObject(scheme.scopes) ? scheme.scopes : {};
        for (const scope of scopes) {
          if (typeof scope !== "string" || hasOwn(declared, scope)) continue;
          const entry = added.get(name) ?? { scopes: [], where };
          if (!entry.scopes.includes(scope)) entry.scopes.push(scope);
          added.set(name, entry);
        }
      }
    }
  };
  collect(definition.security, "the connector's security requirement");
  for (const { path, method, operation } of listOperations(definition))
    collect(operation.security, `${method.toUpperCase()} ${path}`);
  if (added.size === 0) return;
  const next: JsonObject = { ...schemes };
  for (const [name, { scopes, where }] of added) {
    const scheme = next[name] as JsonObject;
    const declared: JsonObject = copyObject(isJsonObject(scheme.scopes) ? scheme.scopes : {});
    for (const scope of scopes) declared[scope] = scope;
    next[name] = extendObject(scheme, { scopes: declared });
    report.push({
      kind: "fixed",
      rule: "OAuthSecurityRequirementValueMustBeScopeName",
      source: `/securityDefinitions/${escapePointerToken(name)}/scopes`,
      target: `/securityDefinitions/${escapePointerToken(name)}/scopes`,
      message: `${scopes.length} scope(s) named by security requirements (first by ${where}) were not declared by "${name}" and were added to its scopes: ${scopes.slice(0, 8).join(", ")}${scopes.length > 8 ? ", …" : ""}.`,
    });
  }
  definition.securityDefinitions = next as SwaggerDocument["securityDefinitions"];
}

/**
 * Operations that list responses but no 2xx (e.g. only `101 Switching Protocols`) are kept as the API
 * describes them; the report says so, since only the maker knows what success looks like.
 */
function noteOperationsWithoutSuccess(definition: SwaggerDocument, report: Report): void {
  for (const { path, method, operation } of listOperations(definition)) {
    const responses = operation.responses;
    if (!isJsonObject(responses)) continue;
    const codes = Object.keys(responses);
    if (codes.length === 0 || codes.some((c) => /^2\d\d$/.test(c) || c === "default")) continue;
    report.push({
      kind: "note",
      rule: "OperationShouldHaveSuccessfulResponse",
      source: `${opPointer(path, method)}/responses`,
      target: `${opPointer(path, method)}/responses`,
      message: `${method.toUpperCase()} ${path} lists no successful (2xx) response (only ${codes.join(", ")}): kept as the API describes it. Add the response it returns on success in the Definition step.`,
    });
  }
}

/**
 * A summary that is a URL path (`stats/accounts/:account_id/active_entities`, as Postman request names often
 * are) read as words: variables and version segments left out, `_`/`-`/camelCase split ("Stats accounts active
 * entities"). Null when the summary is not a path or nothing readable is left.
 */
function pathLikeSummary(summary: string): string | null {
  const trimmed = summary.trim();
  if (!trimmed.includes("/") || /\s/.test(trimmed)) return null;
  const words = trimmed
    .split("/")
    .filter((seg) => seg !== "" && !/^[:{]/.test(seg) && !/^v\d+(\.\d+)*$/i.test(seg))
    .flatMap((seg) => seg.replace(/([a-z0-9])([A-Z])/g, "$1 $2").split(/[-_.\s]+/))
    .filter((w) => /[A-Za-z0-9]/.test(w))
    .map((w) => w.toLowerCase());
  if (words.length === 0) return null;
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A summary the platform takes as it is: no `/`, line breaks or tabs, no leading or trailing space or full
 * stop, at most {@link READY_SUMMARY_LENGTH} characters (cut at a word). `cut` says whether text was lost.
 */
export function readySummary(summary: string): { summary: string; cut: boolean } {
  let s =
    pathLikeSummary(summary) ??
    summary
      .replace(/\s+\/\s+/g, " - ")
      .replace(/\//g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/[\s.]+$/, "")
      .replace(/^[\s.]+/, "");
  let cut = false;
  if (s.length > READY_SUMMARY_LENGTH) {
    cut = true;
    const head = s.slice(0, READY_SUMMARY_LENGTH + 1);
    const space = head.lastIndexOf(" ");
    s = (space > READY_SUMMARY_LENGTH / 2 ? head.slice(0, space) : head.slice(0, READY_SUMMARY_LENGTH))
      .replace(/[\s.,;:\-–(]+$/, "")
      .trim();
  }
  return { summary: s, cut };
}

function cleanSummaries(definition: SwaggerDocument, report: Report): void {
  for (const { path, method, operation } of listOperations(definition)) {
    const original = operation.summary;
    if (typeof original !== "string" || original === "") continue;
    const { summary, cut } = readySummary(original);
    if (summary === original) continue;
    const next =
      summary !== ""
        ? summary
        : typeof operation.operationId === "string"
          ? summaryFromOperationId(operation.operationId)
          : `${method.toUpperCase()} operation`;
    operation.summary = next;
    const description = typeof operation.description === "string" ? operation.description : "";
    const kept = cut && !description.includes(original.trim());
    if (kept)
      operation.description = description === "" ? original.trim() : `${original.trim()}\n\n${description}`;
    report.push({
      kind: "fixed",
      rule: cut ? "OperationSummaryTooLong" : "RestrictedCharactersInSummary",
      source: `${opPointer(path, method)}/summary`,
      target: `${opPointer(path, method)}/summary`,
      message: `The summary "${original.length > 120 ? `${original.slice(0, 117)}...` : original}" became "${next}"${cut ? ` (at most ${READY_SUMMARY_LENGTH} characters${kept ? "; the full text is in the description" : ""})` : ' (no "/", line breaks, or leading or trailing spaces or full stops)'}.`,
    });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Defaults and enum values of the declared type.

/** `value` written as `type` where that keeps its meaning ("true" → true, "5" → 5, 5 → "5"); else undefined. */
export function coerceToType(value: JsonValue, type: string): JsonValue | undefined {
  switch (type) {
    case "boolean":
      if (typeof value === "boolean") return value;
      if (value === "true" || value === "false") return value === "true";
      if (value === 1 || value === 0) return value === 1;
      return undefined;
    case "integer":
    case "number": {
      const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
      if (typeof n !== "number" || !Number.isFinite(n)) return undefined;
      return type === "integer" && !Number.isInteger(n) ? undefined : n;
    }
    case "string":
      return typeof value === "string"
        ? value
        : typeof value === "number" || typeof value === "boolean"
          ? String(value)
          : undefined;
    case "array":
      return Array.isArray(value) ? value : undefined;
    case "object":
      return isJsonObject(value) ? value : undefined;
    default:
      return value;
  }
}

const withArticle = (type: string): string => `${/^[aeiou]/.test(type) ? "an" : "a"} ${type}`;

const NAME_MAPS = new Set([
  "properties",
  "definitions",
  "parameters",
  "responses",
  "paths",
  "patternProperties",
]);

const CHECKED_TYPES = new Set(["boolean", "integer", "number", "string", "array", "object"]);

/**
 * Defaults and enum values of their declared type, and `required` lists that name only declared properties.
 * Copy-on-write: only the nodes on the way to a fix are copied (spread keeps the lossless side tables), so
 * the walk over a multi-megabyte definition allocates next to nothing; the pointer is built only for the few
 * nodes it reports.
 */
function fixSchemaValues(definition: SwaggerDocument, report: Report): SwaggerDocument {
  const tokens: string[] = [];
  const here = (): string => tokens.map((t) => `/${escapePointerToken(t)}`).join("");
  // `isMap`: the node maps names to schemas (`properties`, `definitions`, …), so a property named
  // "type", "default" or "example" is a schema like any other, not a keyword.
  const visit = (node: JsonValue, isMap: boolean): JsonValue => {
    if (Array.isArray(node)) {
      let copy: JsonValue[] | undefined;
      for (let i = 0; i < node.length; i++) {
        const item = node[i] as JsonValue;
        if (typeof item !== "object" || item === null) continue;
        tokens.push(String(i));
        const next = visit(item, false);
        tokens.pop();
        if (next !== item) (copy ??= node.slice())[i] = next;
      }
      return copy ?? node;
    }
    if (!isJsonObject(node)) return node;
    let copy: JsonObject | undefined;
    if (!isMap && typeof node.type === "string" && CHECKED_TYPES.has(node.type)) {
      const type = node.type;
      if (
        node.default !== undefined &&
        node.default !== null &&
        coerceToType(node.default, type) !== node.default
      ) {
        const fixed = coerceToType(node.default, type);
        const before = JSON.stringify(node.default);
        const pointer = here();
        copy ??= { ...node };
        if (fixed === undefined) delete copy.default;
        else copy.default = fixed;
        report.push({
          kind: "fixed",
          rule: "DefaultValueMustMatchType",
          source: `${pointer}/default`,
          target: `${pointer}/default`,
          message:
            fixed === undefined
              ? `The default ${before} is not ${withArticle(type)} and was removed.`
              : `The default ${before} became ${JSON.stringify(fixed)} (${withArticle(type)}).`,
        });
      }
      if (Array.isArray(node.enum) && node.enum.some((v) => v !== null && coerceToType(v, type) !== v)) {
        const before = node.enum;
        const pointer = here();
        const after: JsonValue[] = [];
        for (const v of before) {
          const c = v === null ? null : coerceToType(v, type);
          if (c !== undefined && !after.includes(c)) after.push(c);
        }
        copy ??= { ...node };
        if (after.length > 0) copy.enum = after;
        else delete copy.enum;
        report.push({
          kind: "fixed",
          rule: "InvalidEnumValue",
          source: `${pointer}/enum`,
          target: `${pointer}/enum`,
          message:
            after.length > 0
              ? `The enum values ${JSON.stringify(before)} became ${JSON.stringify(after)} (of type ${type}).`
              : `The enum values ${JSON.stringify(before)} are not of type ${type}; the list was removed.`,
        });
      }
    }
    if (
      !isMap &&
      Array.isArray(node.required) &&
      isJsonObject(node.properties) &&
      node.allOf === undefined &&
      node.required.some((name) => typeof name === "string" && !hasOwn(node.properties as JsonObject, name))
    ) {
      const properties = node.properties;
      const missing = node.required.filter((n) => typeof n === "string" && !hasOwn(properties, n));
      const kept = node.required.filter((n) => !missing.includes(n));
      copy ??= { ...node };
      if (kept.length > 0) copy.required = kept;
      else delete copy.required;
      const pointer = here();
      report.push({
        kind: "fixed",
        rule: "RequiredPropertyDefinitionMissing",
        source: `${pointer}/required`,
        target: `${pointer}/required`,
        message: `"required" named ${missing.map((n) => JSON.stringify(n)).join(", ")}, which ${missing.length === 1 ? "is not a property" : "are not properties"} of the schema: removed from "required" (the designer cannot ask for a value it has no field for).`,
      });
    }
    // Object.keys, not for…in: for…in also walks the prototype chain and was half of this walk's time.
    const keys = Object.keys(node);
    for (let ki = 0; ki < keys.length; ki++) {
      const k = keys[ki] as string;
      // Examples and extensions are data, not schemas.
      if (
        !isMap &&
        (k.startsWith("x-") || k === "example" || k === "examples" || k === "default" || k === "enum")
      )
        continue;
      const value = node[k];
      if (typeof value !== "object" || value === null) continue;
      tokens.push(k);
      const next = visit(value, !isMap && NAME_MAPS.has(k));
      tokens.pop();
      if (next !== value) (copy ??= { ...node })[k] = next;
    }
    return copy ?? node;
  };
  return visit(definition, false) as SwaggerDocument;
}

// ---------------------------------------------------------------------------------------------------------

export interface MakeReadyResult {
  document: ConnectorDocument;
  /** What was changed ("fixed") or given up ("dropped"), with the rule id each change resolves. */
  report: ImportReportEntry[];
}

/**
 * Runs the validator's safe quick fixes on a freshly converted connector, so an import comes out
 * export-ready and not only valid Swagger: path keys without `?`/`#` (the query as query parameters), one
 * path per template, no bodies on GET/HEAD, `Accept`/`Content-Type` headers as `produces`/`consumes`,
 * clean unique operationIds (references renamed with them), `default` response schemas moved to the 2xx
 * response, `x-ms-url-encoding` on path parameters, summaries of at most 80 characters without `/` or line
 * breaks, defaults and enum values of their declared type, and request/response schemas cut to 512 schemas.
 * Pure: the input is not changed. Every change is reported.
 */
export function makeImportReady(input: ConnectorDocument): MakeReadyResult {
  const report: Report = [];
  const unusedBefore = new Set(findUnusedDefinitions(input.definition));
  const definition = copyDownToOperations(input.definition);
  fixQueryAndFragmentPaths(definition, report);
  unifyTemplates(definition, report);
  dropFetchBodies(definition, report);
  headersToMimeTypes(definition, report);
  cleanSummaries(definition, report);
  moveDefaultSchemas(definition, report);
  addPathEncodings(definition, report);
  declareRequiredScopes(definition, report);
  noteOperationsWithoutSuccess(definition, report);
  let doc: ConnectorDocument = extendObject(input, { definition: fixSchemaValues(definition, report) });
  doc = fixOperationIds(doc, report);
  doc = extendObject(doc, { definition: cutLargeBodySchemas(doc.definition, report) });
  doc = extendObject(doc, { definition: removeNewlyUnused(doc.definition, unusedBefore, report) });
  return { document: doc, report };
}

/**
 * A copy of the definition, its paths, path items and operations: all that the path and operation passes
 * change in place (they replace parameter lists and parameters rather than editing them). Deeper nodes stay
 * shared with the input and are changed only by copy-on-write passes, which keeps the input untouched without
 * deep-copying a multi-megabyte document.
 */
function copyDownToOperations(input: SwaggerDocument): SwaggerDocument {
  // copyObject, not spread: the passes add keys to these copies (see extendObject).
  const definition = copyObject(input);
  if (!isJsonObject(input.paths)) return definition;
  const paths: JsonObject = copyObject(input.paths);
  for (const key in paths) {
    const item = paths[key];
    if (!isJsonObject(item)) continue;
    const itemCopy: JsonObject = copyObject(item);
    for (const method of HTTP_METHODS) {
      const op = itemCopy[method];
      if (isJsonObject(op)) itemCopy[method] = copyObject(op);
    }
    paths[key] = itemCopy;
  }
  definition.paths = paths as SwaggerDocument["paths"];
  return definition;
}

/**
 * The report with a note on the host when it is a placeholder (`api.example.com`, `*.test`…) that the
 * converter took from the input without saying so: calls would not reach the API, so the analyst is told
 * where to set the real one.
 */
export function withPlaceholderHostNote(definition: SwaggerDocument, report: Report): Report {
  const host = definition.host;
  if (typeof host !== "string" || !isPlaceholderHost(host)) return report;
  if (report.some((entry) => entry.target === "/host")) return report;
  return [
    ...report,
    {
      kind: "note",
      rule: "PlaceholderHostName",
      source: "/host",
      target: "/host",
      message: `The input names the host "${host}", a reserved example name: calls will not reach a real API. Set the API's host on the General step.`,
    },
  ];
}

/**
 * Removes the definitions the fixes left unused. Definitions the source itself never used are kept, as
 * imported, with everything they reference.
 */
function removeNewlyUnused(
  definition: SwaggerDocument,
  unusedBefore: ReadonlySet<string>,
  report: Report,
): SwaggerDocument {
  const defs = definition.definitions;
  if (!isJsonObject(defs)) return definition;
  const candidates = new Set(findUnusedDefinitions(definition).filter((n) => !unusedBefore.has(n)));
  if (candidates.size === 0) return definition;
  const stack: unknown[] = Object.keys(defs)
    .filter((n) => !candidates.has(n))
    .map((n) => defs[n]);
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) stack.push(...(node as unknown[]));
    else if (isJsonObject(node)) {
      for (const [key, value] of Object.entries(node)) {
        if (key === "$ref" && typeof value === "string" && value.startsWith("#/definitions/")) {
          const name = value.slice(14).replace(/~1/g, "/").replace(/~0/g, "~");
          if (candidates.delete(name)) stack.push(defs[name]);
        } else if (typeof value === "object" && value !== null) stack.push(value);
      }
    }
  }
  const removed = [...candidates];
  const next = { ...defs };
  for (const n of removed) delete next[n];
  const current = extendObject(definition, { definitions: next }) as SwaggerDocument;
  if (removed.length > 0)
    report.push({
      kind: "fixed",
      rule: "UnusedDefinition",
      source: "/definitions",
      target: "/definitions",
      message: `${removed.length} definition(s) no operation uses any more were removed: ${removed.slice(0, 10).join(", ")}${removed.length > 10 ? ", …" : ""}.`,
    });
  return current;
}
