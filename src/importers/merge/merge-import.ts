import { policyOperationNames } from "../../model/api-properties";
import type { ConnectorDocument } from "../../model/connector-document";
import { escapePointerToken } from "../../model/json-pointer";
import { isJsonObject, type JsonObject, type JsonValue } from "../../model/json-value";
import { HTTP_METHODS, type SwaggerDocument } from "../../model/swagger-types";

/** One difference between the connector and the newer version of its API that was merged into it. */
export interface MergeChange {
  kind: "added" | "removed" | "changed";
  /** The operation the change concerns (its id in the merged connector), when it concerns one. */
  operationId?: string;
  /** JSON pointer in the merged definition (for removed items: where it was in the connector). */
  path: string;
  message: string;
}

export interface MergeResult {
  document: ConnectorDocument;
  changes: MergeChange[];
}

interface Located {
  path: string;
  method: string;
  operation: JsonObject;
}

/** Operation keys the maker owns: kept from the connector whatever the new version says. */
const MAKER_OPERATION_KEYS = ["summary", "description", "operationId", "tags", "security"];
/** Parameter, schema and response keys the maker owns (besides every `x-` extension). */
const MAKER_DOC_KEYS = ["description", "title", "default"];

/**
 * Merges a newer version of the API (`incoming`, freshly imported) into an existing connector, keeping the
 * maker's work: operation ids (policies and code refer to them), summaries, descriptions, tags, visibility
 * and every `x-` extension on operations, parameters, schema properties and responses; auth
 * (securityDefinitions, security), apiProperties (connection parameters, policies, brand colour), icon,
 * script and settings; info (except the API version), host, base path and root extensions. Paths,
 * parameters, responses and schemas come from the new version. Operations are matched by operationId,
 * then by method and path (parameter names ignored). Every added, removed and changed operation or
 * definition is listed in `changes`.
 */
export function mergeImport(existing: ConnectorDocument, incoming: ConnectorDocument): MergeResult {
  const changes: MergeChange[] = [];
  const oldDef = existing.definition;
  const newDef = incoming.definition;
  const oldOps = locate(oldDef);
  const newOps = locate(newDef);
  const byId = new Map<string, Located>();
  const byShape = new Map<string, Located>();
  for (const op of oldOps) {
    const id = op.operation.operationId;
    if (typeof id === "string" && !byId.has(id)) byId.set(id, op);
    const shape = shapeKey(op.method, op.path);
    if (!byShape.has(shape)) byShape.set(shape, op);
  }
  const used = new Set<Located>();
  const matches = new Map<Located, Located | null>();
  for (const op of newOps) {
    const id = op.operation.operationId;
    let match = typeof id === "string" ? byId.get(id) : undefined;
    if (match && used.has(match)) match = undefined;
    if (!match) {
      const candidate = byShape.get(shapeKey(op.method, op.path));
      if (candidate && !used.has(candidate)) match = candidate;
    }
    if (match) used.add(match);
    matches.set(op, match ?? null);
  }

  const securityNames = new Set(
    Object.keys(isJsonObject(oldDef.securityDefinitions) ? oldDef.securityDefinitions : {}),
  );
  const paths: JsonObject = {};
  const oldPaths = isJsonObject(oldDef.paths) ? oldDef.paths : {};
  const newPaths = isJsonObject(newDef.paths) ? newDef.paths : {};
  for (const path of Object.keys(newPaths)) {
    const item = newPaths[path];
    if (!isJsonObject(item)) continue;
    const oldItem = isJsonObject(oldPaths[path]) ? (oldPaths[path] as JsonObject) : {};
    const merged: JsonObject = { ...item };
    // Path-level extensions the maker added (e.g. x-ms-notification-content) stay.
    for (const key of Object.keys(oldItem)) if (key.startsWith("x-")) merged[key] = oldItem[key] as JsonValue;
    if (Array.isArray(item.parameters) && Array.isArray(oldItem.parameters)) {
      merged.parameters = mergeParameters(oldItem.parameters, item.parameters);
    }
    for (const method of Object.keys(item)) {
      if (!(HTTP_METHODS as readonly string[]).includes(method) || !isJsonObject(item[method])) continue;
      const located = newOps.find((o) => o.path === path && o.method === method) as Located;
      const match = matches.get(located) ?? null;
      const pointer = `/paths/${escapePointerToken(path)}/${method}`;
      if (!match) {
        merged[method] = withSecurity(item[method] as JsonObject, securityNames);
        changes.push({
          kind: "added",
          operationId: strId(item[method] as JsonObject),
          path: pointer,
          message: `New operation ${method.toUpperCase()} ${path}.`,
        });
        continue;
      }
      const op = mergeOperation(match.operation, item[method] as JsonObject, securityNames);
      merged[method] = op;
      const id = strId(op);
      if (match.path !== path || match.method !== method) {
        changes.push({
          kind: "changed",
          operationId: id,
          path: pointer,
          message: `Moved from ${match.method.toUpperCase()} ${match.path} to ${method.toUpperCase()} ${path}.`,
        });
      }
      for (const message of describeOperationChange(match.operation, item[method] as JsonObject)) {
        changes.push({ kind: "changed", operationId: id, path: pointer, message });
      }
    }
    paths[path] = merged;
  }
  const removedIds: string[] = [];
  for (const op of oldOps) {
    if (used.has(op)) continue;
    const id = strId(op.operation);
    if (id) removedIds.push(id);
    changes.push({
      kind: "removed",
      operationId: id,
      path: `/paths/${escapePointerToken(op.path)}/${op.method}`,
      message: `${op.method.toUpperCase()} ${op.path} is not in the new version and was removed (undo brings it back).`,
    });
  }

  const definition: SwaggerDocument = { ...oldDef };
  definition.paths = paths as SwaggerDocument["paths"];
  if (isJsonObject(newDef.info) && typeof newDef.info.version === "string") {
    const oldVersion = isJsonObject(oldDef.info) ? oldDef.info.version : undefined;
    if (oldVersion !== newDef.info.version) {
      definition.info = { ...(oldDef.info ?? {}), version: newDef.info.version };
      changes.push({
        kind: "changed",
        path: "/info/version",
        message: `API version ${String(oldVersion ?? "(none)")} → ${newDef.info.version}.`,
      });
    }
  }
  for (const section of ["definitions", "parameters", "responses"] as const) {
    definition[section] = mergeSection(section, oldDef[section], newDef[section], changes) as never;
  }
  for (const key of ["consumes", "produces"] as const)
    if (newDef[key] !== undefined) definition[key] = newDef[key];
  definition.tags = mergeTags(oldDef.tags, newDef.tags);
  for (const key of Object.keys(newDef)) {
    if (key.startsWith("x-") && !(key in oldDef)) definition[key] = newDef[key] as JsonValue;
  }
  for (const key of ["host", "basePath"] as const) {
    if (newDef[key] !== undefined && oldDef[key] !== undefined && newDef[key] !== oldDef[key]) {
      changes.push({
        kind: "changed",
        path: `/${key}`,
        message: `The new version uses ${key} "${String(newDef[key])}"; the connector keeps "${String(oldDef[key])}".`,
      });
    }
  }
  const newSchemes = Object.keys(
    isJsonObject(newDef.securityDefinitions) ? newDef.securityDefinitions : {},
  ).filter((k) => !securityNames.has(k));
  if (newSchemes.length > 0) {
    changes.push({
      kind: "changed",
      path: "/securityDefinitions",
      message: `The new version declares authentication ${newSchemes.join(", ")}; the connector keeps its own authentication.`,
    });
  }
  policyWarnings(existing.properties, removedIds, changes);
  const dropped = pruneUnreferenced(definition, oldDef, newDef);
  for (const pointer of dropped)
    changes.push({
      kind: "removed",
      path: pointer,
      message: `${pointer} is no longer used and was removed.`,
    });

  return {
    document: { ...existing, definition },
    changes,
  };
}

function locate(def: SwaggerDocument): Located[] {
  const out: Located[] = [];
  const paths = isJsonObject(def.paths) ? def.paths : {};
  for (const path of Object.keys(paths)) {
    const item = paths[path];
    if (!isJsonObject(item)) continue;
    for (const method of Object.keys(item)) {
      const op = item[method];
      if ((HTTP_METHODS as readonly string[]).includes(method) && isJsonObject(op))
        out.push({ path, method, operation: op });
    }
  }
  return out;
}

/** `get /users/{id}` and `get /users/{userId}/` match. */
function shapeKey(method: string, path: string): string {
  return `${method} ${path
    .replace(/\{[^}]*\}/g, "{}")
    .replace(/\/+$/, "")
    .toLowerCase()}`;
}

function strId(op: JsonObject): string | undefined {
  return typeof op.operationId === "string" ? op.operationId : undefined;
}

function withSecurity(op: JsonObject, names: Set<string>): JsonObject {
  if (!Array.isArray(op.security)) return op;
  const security = op.security.filter(
    (req) => isJsonObject(req) && Object.keys(req).every((k) => names.has(k)),
  );
  return { ...op, security };
}

function mergeOperation(oldOp: JsonObject, newOp: JsonObject, securityNames: Set<string>): JsonObject {
  const out: JsonObject = { ...withSecurity(newOp, securityNames) };
  for (const key of MAKER_OPERATION_KEYS) if (oldOp[key] !== undefined) out[key] = oldOp[key] as JsonValue;
  if (oldOp.deprecated === true) out.deprecated = true;
  for (const key of Object.keys(oldOp)) if (key.startsWith("x-")) out[key] = oldOp[key] as JsonValue;
  if (Array.isArray(newOp.parameters)) {
    out.parameters = mergeParameters(
      Array.isArray(oldOp.parameters) ? oldOp.parameters : [],
      newOp.parameters,
    );
  }
  if (isJsonObject(newOp.responses)) {
    const oldResponses = isJsonObject(oldOp.responses) ? oldOp.responses : {};
    const responses: JsonObject = {};
    for (const code of Object.keys(newOp.responses)) {
      const r = newOp.responses[code] as JsonValue;
      const o = oldResponses[code];
      responses[code] = isJsonObject(r) && isJsonObject(o) && r.$ref === undefined ? mergeDocs(o, r) : r;
    }
    out.responses = responses;
  }
  return out;
}

function paramKey(p: JsonValue): string {
  if (!isJsonObject(p)) return "";
  if (typeof p.$ref === "string") return `ref:${p.$ref}`;
  return `${String(p.in)}:${String(p.name)}`;
}

function mergeParameters(oldParams: JsonValue[], newParams: JsonValue[]): JsonValue[] {
  const old = new Map(oldParams.map((p) => [paramKey(p), p]));
  return newParams.map((p) => {
    const o = old.get(paramKey(p));
    return isJsonObject(p) && isJsonObject(o) && p.$ref === undefined ? mergeDocs(o, p) : p;
  });
}

/**
 * Carries the maker's documentation keys (description, title, default, every `x-` key) from `old` onto
 * the new parameter/schema/response, down through `schema`, `properties`, `items` and
 * `additionalProperties`.
 */
function mergeDocs(old: JsonObject, next: JsonObject, depth = 0): JsonObject {
  if (depth > 30) return next;
  const out: JsonObject = { ...next };
  if (typeof next.$ref === "string" || typeof old.$ref === "string") {
    for (const key of Object.keys(old))
      if (key.startsWith("x-") && out[key] === undefined) out[key] = old[key] as JsonValue;
    return out;
  }
  for (const key of MAKER_DOC_KEYS) if (old[key] !== undefined) out[key] = old[key] as JsonValue;
  for (const key of Object.keys(old)) if (key.startsWith("x-")) out[key] = old[key] as JsonValue;
  for (const key of ["schema", "items", "additionalProperties"]) {
    const o = old[key];
    const n = next[key];
    if (isJsonObject(o) && isJsonObject(n)) out[key] = mergeDocs(o, n, depth + 1);
  }
  if (isJsonObject(old.properties) && isJsonObject(next.properties)) {
    const props: JsonObject = { ...next.properties };
    for (const name of Object.keys(next.properties)) {
      const o = old.properties[name];
      const n = next.properties[name];
      if (isJsonObject(o) && isJsonObject(n)) props[name] = mergeDocs(o, n, depth + 1);
    }
    out.properties = props;
  }
  return out;
}

/** The API surface of an operation (what the maker does not edit), for change detection. */
function describeOperationChange(oldOp: JsonObject, newOp: JsonObject): string[] {
  const messages: string[] = [];
  const describe = (p: JsonValue): string => {
    if (!isJsonObject(p)) return "";
    return JSON.stringify([
      p.in,
      p.name,
      p.type,
      p.format,
      p.required === true,
      surface(p.schema),
      surface(p.items),
      p.$ref,
    ]);
  };
  const oldParams = new Map(
    (Array.isArray(oldOp.parameters) ? oldOp.parameters : []).map((p) => [paramKey(p), p]),
  );
  const newParams = new Map(
    (Array.isArray(newOp.parameters) ? newOp.parameters : []).map((p) => [paramKey(p), p]),
  );
  for (const [key, p] of newParams) {
    const o = oldParams.get(key);
    const label = paramLabel(p);
    if (o === undefined) messages.push(`Parameter ${label} added.`);
    else if (describe(o) !== describe(p)) messages.push(`Parameter ${label} changed.`);
  }
  for (const [key, p] of oldParams)
    if (!newParams.has(key)) messages.push(`Parameter ${paramLabel(p)} removed.`);
  const oldResponses = isJsonObject(oldOp.responses) ? oldOp.responses : {};
  const newResponses = isJsonObject(newOp.responses) ? newOp.responses : {};
  for (const code of Object.keys(newResponses)) {
    if (!(code in oldResponses)) messages.push(`Response ${code} added.`);
    else if (JSON.stringify(surface(newResponses[code])) !== JSON.stringify(surface(oldResponses[code]))) {
      messages.push(`Response ${code} changed.`);
    }
  }
  for (const code of Object.keys(oldResponses))
    if (!(code in newResponses)) messages.push(`Response ${code} removed.`);
  return messages;
}

function paramLabel(p: JsonValue): string {
  if (!isJsonObject(p)) return "?";
  return typeof p.$ref === "string" ? p.$ref : `"${String(p.name)}" (${String(p.in)})`;
}

/** A value without the documentation keys the maker edits: what the API itself defines. */
function surface(value: JsonValue | undefined, depth = 0): JsonValue | undefined {
  if (value === undefined || depth > 30) return value;
  if (Array.isArray(value)) return value.map((v) => surface(v, depth + 1) as JsonValue);
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const key of Object.keys(value).sort()) {
    if (
      key.startsWith("x-") ||
      key === "description" ||
      key === "title" ||
      key === "summary" ||
      key === "example" ||
      key === "examples"
    )
      continue;
    out[key] = surface(value[key] as JsonValue, depth + 1) as JsonValue;
  }
  return out;
}

function mergeSection(
  name: string,
  oldSection: JsonValue | undefined,
  newSection: JsonValue | undefined,
  changes: MergeChange[],
): JsonObject {
  const oldS = isJsonObject(oldSection) ? oldSection : {};
  const newS = isJsonObject(newSection) ? newSection : {};
  const out: JsonObject = {};
  for (const key of Object.keys(newS)) {
    const n = newS[key];
    const o = oldS[key];
    const pointer = `/${name}/${escapePointerToken(key)}`;
    if (isJsonObject(n) && isJsonObject(o)) {
      out[key] = mergeDocs(o, n);
      if (JSON.stringify(surface(o)) !== JSON.stringify(surface(n)))
        changes.push({ kind: "changed", path: pointer, message: `${pointer} changed in the new version.` });
    } else {
      out[key] = n as JsonValue;
      if (o === undefined) changes.push({ kind: "added", path: pointer, message: `${pointer} is new.` });
    }
  }
  // Items only the connector has (added by the maker, or dropped by the API) stay for now; unreferenced ones are pruned later.
  for (const key of Object.keys(oldS)) if (!(key in out)) out[key] = oldS[key] as JsonValue;
  return out;
}

function mergeTags(oldTags: JsonValue | undefined, newTags: JsonValue | undefined): JsonObject[] {
  const out: JsonObject[] = [];
  const seen = new Set<string>();
  for (const list of [oldTags, newTags]) {
    if (!Array.isArray(list)) continue;
    for (const tag of list) {
      if (isJsonObject(tag) && typeof tag.name === "string" && !seen.has(tag.name)) {
        seen.add(tag.name);
        out.push(tag);
      }
    }
  }
  return out;
}

/** Removes definitions/parameters/responses that only the old connector had and nothing refers to any more. */
function pruneUnreferenced(
  definition: SwaggerDocument,
  oldDef: SwaggerDocument,
  newDef: SwaggerDocument,
): string[] {
  const dropped: string[] = [];
  for (let round = 0; round < 10; round++) {
    const refs = new Set<string>();
    collectRefs(definition, refs);
    let removed = false;
    for (const section of ["definitions", "parameters", "responses"] as const) {
      const current = definition[section];
      if (!isJsonObject(current)) continue;
      const fromNew = isJsonObject(newDef[section]) ? (newDef[section] as JsonObject) : {};
      const fromOld = isJsonObject(oldDef[section]) ? (oldDef[section] as JsonObject) : {};
      let copy: JsonObject | null = null;
      for (const key of Object.keys(current)) {
        if (key in fromNew || !(key in fromOld)) continue;
        const pointer = `#/${section}/${escapePointerToken(key)}`;
        if (refs.has(pointer)) continue;
        copy ??= { ...current };
        delete copy[key];
        dropped.push(pointer.slice(1));
        removed = true;
      }
      if (copy) definition[section] = copy as never;
    }
    if (!removed) break;
  }
  return dropped;
}

function collectRefs(node: JsonValue | undefined, refs: Set<string>): void {
  if (Array.isArray(node)) for (const item of node) collectRefs(item, refs);
  else if (isJsonObject(node)) {
    for (const key of Object.keys(node)) {
      const value = node[key];
      if (key === "$ref" && typeof value === "string") refs.add(value);
      else if (typeof value === "object" && value !== null) collectRefs(value, refs);
    }
  }
}

/** Policies that name an operation the new version removed are pointed out (they are kept as they are). */
function policyWarnings(properties: JsonObject, removedIds: string[], changes: MergeChange[]): void {
  if (removedIds.length === 0) return;
  const inner = isJsonObject(properties.properties) ? properties.properties : {};
  const policies = Array.isArray(inner.policyTemplateInstances) ? inner.policyTemplateInstances : [];
  policies.forEach((policy, i) => {
    if (!isJsonObject(policy) || !isJsonObject(policy.parameters)) return;
    const names = policyOperationNames(policy).filter((name) => removedIds.includes(name));
    if (names.length > 0) {
      changes.push({
        kind: "changed",
        path: `/properties/policyTemplateInstances/${i}`,
        message: `The policy "${String(policy.title ?? policy.templateId)}" applies to removed operation(s) ${names.join(", ")}.`,
      });
    }
  });
}
