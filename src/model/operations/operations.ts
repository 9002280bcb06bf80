import type { Command } from "../command";
import type { ConnectorDocument } from "../connector-document";
import { getAtPointer, removeAtPointer, setAtPointer, toPointer } from "../json-pointer";
import {
  isJsonObject,
  KEY_ORDER,
  orderedKeys,
  RAW_NUMBERS,
  type JsonObject,
  type JsonValue,
} from "../json-value";
import {
  HTTP_METHODS,
  listOperations,
  type HttpMethod,
  type Operation,
  type PathItem,
  type SwaggerDocument,
} from "../swagger-types";

/** The key of a policy instance's `parameters` that lists the operationIds it applies to. */
const POLICY_OPERATIONS_KEY = "x-ms-apimTemplate-operationName";

/** Where an operation sits: its path template and HTTP method. */
export interface OperationLocation {
  path: string;
  method: HttpMethod;
}

/** One row of the Actions / Triggers lists. */
export interface OperationSummary extends OperationLocation {
  /** Stable key for lists: `METHOD path`. */
  key: string;
  pointer: string;
  operationId: string;
  summary: string;
  isTrigger: boolean;
  deprecated: boolean;
  visibility: string;
}

/** JSON pointer of an operation (`/paths/~1items/get`). */
export function operationPointer(location: OperationLocation): string {
  return toPointer(["paths", location.path, location.method]);
}

/** The list key of an operation. */
export function operationKey(location: OperationLocation): string {
  return `${location.method.toUpperCase()} ${location.path}`;
}

/** Reads the operation object at a location, or undefined. */
export function getOperation(
  definition: SwaggerDocument,
  location: OperationLocation,
): Operation | undefined {
  const value = getAtPointer(definition, ["paths", location.path, location.method]);
  return isJsonObject(value) ? (value as Operation) : undefined;
}

/** Summaries of every operation in document order, for the Actions and Triggers lists. */
export function summariseOperations(definition: SwaggerDocument): OperationSummary[] {
  return listOperations(definition).map(({ path, method, operation }) => ({
    path,
    method,
    key: operationKey({ path, method }),
    pointer: operationPointer({ path, method }),
    operationId: typeof operation.operationId === "string" ? operation.operationId : "",
    summary: typeof operation.summary === "string" ? operation.summary : "",
    isTrigger: operation["x-ms-trigger"] !== undefined,
    deprecated: operation.deprecated === true,
    visibility: typeof operation["x-ms-visibility"] === "string" ? operation["x-ms-visibility"] : "none",
  }));
}

/** Finds an operation by its operationId. */
export function findOperationById(
  definition: SwaggerDocument,
  operationId: string,
): OperationLocation | null {
  for (const { path, method, operation } of listOperations(definition)) {
    if (operation.operationId === operationId) return { path, method };
  }
  return null;
}

/**
 * Maps a JSON pointer inside `/paths/...` to the operation that owns it (or null when the pointer points
 * at a path item's shared part or outside paths).
 */
export function operationOfPointer(
  definition: SwaggerDocument,
  segments: readonly string[],
): OperationLocation | null {
  if (segments[0] !== "paths" || segments.length < 3) return null;
  const path = segments[1] as string;
  const method = segments[2] as string;
  if (!(HTTP_METHODS as readonly string[]).includes(method)) return null;
  const location = { path, method: method as HttpMethod };
  return getOperation(definition, location) ? location : null;
}

/** An operationId not used yet, built from `base` with a number suffix when needed. */
export function uniqueOperationId(definition: SwaggerDocument, base: string): string {
  const taken = new Set(listOperations(definition).map((o) => o.operation.operationId));
  const clean = base.replace(/[^A-Za-z0-9_]/g, "") || "Operation";
  if (!taken.has(clean)) return clean;
  for (let i = 2; ; i += 1) if (!taken.has(`${clean}${i}`)) return `${clean}${i}`;
}

/** A path template not yet holding `method`, built from `base`. */
export function uniquePath(definition: SwaggerDocument, base: string, method: HttpMethod): string {
  const taken = (p: string) => isJsonObject(definition.paths?.[p]?.[method]);
  if (!taken(base)) return base;
  for (let i = 2; ; i += 1) if (!taken(`${base}-${i}`)) return `${base}-${i}`;
}

/** Returns `obj` with `key` renamed to `next` in place (same position), carrying the side tables. */
export function renameKeyInPlace<T extends JsonObject>(obj: T, key: string, next: string): T {
  if (key === next || !Object.prototype.hasOwnProperty.call(obj, key)) return obj;
  const order = orderedKeys(obj).map((k) => (k === key ? next : k));
  return rebuildInOrder(obj, order, { [next]: obj[key] }, key);
}

/** Returns `obj` with `key` inserted right after `after` (or last when `after` is missing). */
export function insertKeyAfter<T extends JsonObject>(
  obj: T,
  after: string,
  key: string,
  value: JsonValue,
): T {
  const keys = orderedKeys(obj).filter((k) => k !== key);
  const at = keys.indexOf(after);
  if (at === -1) keys.push(key);
  else keys.splice(at + 1, 0, key);
  return rebuildInOrder(obj, keys, { [key]: value });
}

function rebuildInOrder<T extends JsonObject>(
  obj: T,
  order: string[],
  overrides: Record<string, JsonValue | undefined>,
  drop?: string,
): T {
  // Spread first so that other symbol-keyed side tables (raw numbers) travel along.
  const copy: JsonObject = { ...obj };
  for (const k of Object.keys(copy)) delete copy[k];
  for (const k of order) {
    if (k === drop) continue;
    const value = Object.prototype.hasOwnProperty.call(overrides, k) ? overrides[k] : obj[k];
    Object.defineProperty(copy, k, { value, enumerable: true, writable: true, configurable: true });
  }
  // Integer-like keys ("200") would otherwise be enumerated first: record the intended order.
  Object.defineProperty(copy, KEY_ORDER, {
    value: order,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy as T;
}

function updateDefinition(
  name: string,
  label: string,
  fn: (definition: SwaggerDocument, doc: ConnectorDocument) => ConnectorDocument,
): Command {
  return { name, label, apply: (doc) => fn(doc.definition, doc) };
}

/** What a New action / New trigger button creates. */
export interface NewOperationPlan {
  location: OperationLocation;
  operation: Operation;
}

/** Plans a new blank action or trigger with a unique operationId and path (the UI selects it afterwards). */
export function planNewOperation(definition: SwaggerDocument, kind: "action" | "trigger"): NewOperationPlan {
  const operationId = uniqueOperationId(definition, kind === "action" ? "NewAction" : "NewTrigger");
  const method: HttpMethod = kind === "action" ? "get" : "get";
  const slug = operationId.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
  const path = uniquePath(definition, `/${slug}`, method);
  const operation: Operation = {
    summary: kind === "action" ? "New action" : "When a new item is created",
    description: "",
    operationId,
    parameters: [],
    responses: { "200": { description: "OK" } },
  };
  if (kind === "trigger") operation["x-ms-trigger"] = "single";
  return { location: { path, method }, operation };
}

/** Adds an operation at a location (creating the path item; keeps an existing operation there untouched). */
export function addOperation(
  location: OperationLocation,
  operation: Operation,
  label = "Add operation",
): Command {
  return updateDefinition("definition:add:operation", label, (definition, doc) => {
    if (getOperation(definition, location)) return doc;
    return {
      ...doc,
      definition: setAtPointer(definition, ["paths", location.path, location.method], operation),
    };
  });
}

/** Removes the operation object only; an emptied path item (no verbs left) goes too. */
function removeOperationNode(definition: SwaggerDocument, location: OperationLocation): SwaggerDocument {
  const item = definition.paths?.[location.path];
  if (!item || !isJsonObject(item[location.method])) return definition;
  const verbsLeft = Object.keys(item).filter(
    (k) => k !== location.method && (HTTP_METHODS as readonly string[]).includes(k),
  );
  const pointer =
    verbsLeft.length === 0 ? ["paths", location.path] : ["paths", location.path, location.method];
  return removeAtPointer(definition, pointer);
}

/** A policy named in a {@link DeleteOperationImpact}. */
export interface PolicyRef {
  /** Index in `policyTemplateInstances` before the delete. */
  index: number;
  title: string;
}

/** A reference to the deleted operation that the delete keeps (see {@link deleteOperation}). */
export interface OperationIdReference {
  /** JSON pointer (in the definition) of the `operationId` value that names the deleted operation. */
  pointer: string;
  /** The `x-ms-*` extension that holds it (`x-ms-dynamic-values`, `x-ms-notification`, …). */
  extension: string;
  /** The operation that holds the reference, or null (root or path-level extension). */
  owner: OperationLocation | null;
  /** The owner's operationId (or "" when it has none / there is no owner). */
  ownerOperationId: string;
}

/** What deleting an operation changes besides the operation itself, and what it leaves dangling. */
export interface DeleteOperationImpact {
  location: OperationLocation;
  /** "" when the operation has no operationId (then nothing else refers to it). */
  operationId: string;
  /** Policies that stop listing the operation and keep their other operations. */
  policiesTrimmed: PolicyRef[];
  /** Policies that applied to this operation only: removed, since an empty list means every operation. */
  policiesRemoved: PolicyRef[];
  /**
   * `scriptOperations`: `trimmed` (the name is removed, other operations stay), `kept` (it was the only
   * name: it stays, so the code runs for no operation instead of every operation; validation warns), or
   * null (the custom code does not name it).
   */
  script: "trimmed" | "kept" | null;
  /** Dynamic values/schema/list/properties, notifications, test connection… that still name it. */
  references: OperationIdReference[];
}

/**
 * Works out what {@link deleteOperation} does beyond removing the operation. Null when there is no
 * operation at `location`. When another operation carries the same operationId (a duplicate), every
 * reference still resolves, so nothing else changes.
 */
export function planDeleteOperation(
  doc: ConnectorDocument,
  location: OperationLocation,
): DeleteOperationImpact | null {
  const operation = getOperation(doc.definition, location);
  if (!operation) return null;
  const id = typeof operation.operationId === "string" ? operation.operationId : "";
  const impact: DeleteOperationImpact = {
    location,
    operationId: id,
    policiesTrimmed: [],
    policiesRemoved: [],
    script: null,
    references: [],
  };
  const definition = removeOperationNode(doc.definition, location);
  if (id === "" || findOperationById(definition, id)) return impact;
  const inner = doc.properties.properties;
  if (isJsonObject(inner)) {
    const policies = Array.isArray(inner.policyTemplateInstances) ? inner.policyTemplateInstances : [];
    policies.forEach((policy, index) => {
      if (!isJsonObject(policy) || !isJsonObject(policy.parameters)) return;
      const ops = policy.parameters[POLICY_OPERATIONS_KEY];
      const title =
        typeof policy.title === "string" && policy.title !== ""
          ? policy.title
          : String(policy.templateId ?? `Policy ${index + 1}`);
      if (Array.isArray(ops) && ops.includes(id)) {
        const others = ops.filter((o) => o !== id);
        (others.length > 0 ? impact.policiesTrimmed : impact.policiesRemoved).push({ index, title });
      } else if (ops === id) impact.policiesRemoved.push({ index, title });
    });
    const scripts = inner.scriptOperations;
    if (Array.isArray(scripts) && scripts.includes(id))
      impact.script = scripts.some((s) => s !== id) ? "trimmed" : "kept";
  }
  collectOperationIdRefs(definition, id, [], null, impact.references, definition);
  return impact;
}

/** Finds `operationId: id` inside `x-ms-*` extensions (the keys {@link renameOperationId} rewrites). */
function collectOperationIdRefs(
  node: JsonValue | undefined,
  id: string,
  segments: string[],
  extension: string | null,
  out: OperationIdReference[],
  definition: SwaggerDocument,
): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) =>
      collectOperationIdRefs(item, id, [...segments, String(i)], extension, out, definition),
    );
    return;
  }
  if (!isJsonObject(node)) return;
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (extension !== null && key === "operationId" && value === id) {
      const owner = operationOfPointer(definition, segments);
      const ownerOperation = owner ? getOperation(definition, owner) : undefined;
      out.push({
        pointer: toPointer([...segments, key]),
        extension,
        owner,
        ownerOperationId: typeof ownerOperation?.operationId === "string" ? ownerOperation.operationId : "",
      });
    } else if (typeof value === "object" && value !== null) {
      const inExtension = extension ?? (key.startsWith("x-ms-") ? key : null);
      collectOperationIdRefs(value, id, [...segments, key], inExtension, out, definition);
    }
  }
}

/**
 * Deletes an operation as one undo step (an emptied path item goes too) and takes its operationId out of
 * the places that list operations in apiProperties.json:
 * - a policy's `x-ms-apimTemplate-operationName` loses the name; a policy that listed only this operation
 *   is removed, because an empty list would make it apply to every operation;
 * - `scriptOperations` loses the name, except when it is the only one: an empty list would make the custom
 *   code run for every operation, so the name stays (the code then runs for none) and the validator's
 *   OperationIdNotFound warning asks the maker to re-scope or turn off the code. The script is never
 *   deleted as a side effect.
 * References from other operations (`x-ms-dynamic-values`/`-schema`/`-list`/`-properties`,
 * `x-ms-notification`, `x-ms-capabilities.testConnection`, …) are kept: removing them would silently
 * turn dropdowns into free text and dynamic schemas into nothing. They are reported by
 * {@link planDeleteOperation} before the delete and flagged afterwards by validation (OperationIdNotFound,
 * an error), so the maker can point them at another operation; Undo restores everything at once.
 */
export function deleteOperation(location: OperationLocation): Command {
  return {
    name: "definition:remove:operation",
    label: "Delete operation",
    apply: (doc) => {
      const impact = planDeleteOperation(doc, location);
      if (!impact) return doc;
      const definition = removeOperationNode(doc.definition, location);
      const properties = removeFromProperties(doc.properties, impact);
      return { ...doc, definition, properties };
    },
  };
}

function removeFromProperties(properties: JsonObject, impact: DeleteOperationImpact): JsonObject {
  const inner = properties.properties;
  const id = impact.operationId;
  if (
    !isJsonObject(inner) ||
    (impact.policiesTrimmed.length === 0 &&
      impact.policiesRemoved.length === 0 &&
      impact.script !== "trimmed")
  )
    return properties;
  let updated: JsonObject = inner;
  const scripts = inner.scriptOperations;
  if (impact.script === "trimmed" && Array.isArray(scripts))
    updated = { ...updated, scriptOperations: scripts.filter((s) => s !== id) };
  const policies = inner.policyTemplateInstances;
  if (Array.isArray(policies) && (impact.policiesTrimmed.length > 0 || impact.policiesRemoved.length > 0)) {
    const removed = new Set(impact.policiesRemoved.map((p) => p.index));
    const trimmed = new Set(impact.policiesTrimmed.map((p) => p.index));
    const next: JsonValue[] = [];
    policies.forEach((policy, index) => {
      if (removed.has(index)) return;
      if (trimmed.has(index) && isJsonObject(policy) && isJsonObject(policy.parameters)) {
        const ops = policy.parameters[POLICY_OPERATIONS_KEY];
        const kept = Array.isArray(ops) ? ops.filter((o) => o !== id) : ops;
        next.push({ ...policy, parameters: { ...policy.parameters, [POLICY_OPERATIONS_KEY]: kept ?? [] } });
      } else next.push(policy);
    });
    updated = { ...updated, policyTemplateInstances: next };
  }
  return { ...properties, properties: updated };
}

/** Plans the copy made by Duplicate: `<id>Copy` on `<path>-copy`, same verb. */
export function planDuplicate(
  definition: SwaggerDocument,
  location: OperationLocation,
): NewOperationPlan | null {
  const original = getOperation(definition, location);
  if (!original) return null;
  const operationId = uniqueOperationId(definition, `${original.operationId ?? "Operation"}Copy`);
  const path = uniquePath(definition, `${location.path.replace(/\/$/, "")}-copy`, location.method);
  const copy = structuredCloneJson(original) as Operation;
  copy.operationId = operationId;
  if (typeof copy.summary === "string") copy.summary = `${copy.summary} (copy)`;
  return { location: { path, method: location.method }, operation: copy };
}

/** Duplicates an operation; the copy's path item is placed right after the original's. */
export function duplicateOperation(location: OperationLocation, plan: NewOperationPlan): Command {
  return updateDefinition("definition:duplicate:operation", "Duplicate operation", (definition, doc) => {
    if (getOperation(definition, plan.location)) return doc;
    const paths = (definition.paths ?? {}) as JsonObject;
    const originalItem = paths[location.path];
    let nextPaths: JsonObject;
    if (isJsonObject(paths[plan.location.path])) {
      nextPaths = setAtPointer(paths, [plan.location.path, plan.location.method], plan.operation);
    } else {
      // Path-level parameters are part of the operation's contract: the copy gets them too.
      const item: PathItem = {};
      if (isJsonObject(originalItem) && Array.isArray(originalItem.parameters)) {
        item.parameters = structuredCloneJson(originalItem.parameters) as PathItem["parameters"];
      }
      item[plan.location.method] = plan.operation;
      nextPaths = insertKeyAfter(paths, location.path, plan.location.path, item);
    }
    return { ...doc, definition: { ...definition, paths: nextPaths as SwaggerDocument["paths"] } };
  });
}

/**
 * Moves an operation to another path and/or verb (the URL of an imported sample, a changed verb). Fails
 * (returns the document unchanged) when the target is taken.
 */
export function moveOperation(from: OperationLocation, to: OperationLocation): Command {
  return updateDefinition("definition:move:operation", "Change operation URL", (definition, doc) => {
    if (from.path === to.path && from.method === to.method) return doc;
    const operation = getOperation(definition, from);
    if (!operation || getOperation(definition, to)) return doc;
    let next = doc.definition;
    const paths = (next.paths ?? {}) as JsonObject;
    if (isJsonObject(paths[to.path])) {
      next = setAtPointer(next, ["paths", to.path, to.method], operation);
    } else {
      // The new path item takes the old one's place in the list.
      next = {
        ...next,
        paths: insertKeyAfter(paths, from.path, to.path, {
          [to.method]: operation,
        }) as SwaggerDocument["paths"],
      };
    }
    next = removeOperationNode(next, from);
    return { ...doc, definition: next };
  });
}

/** Sets (or, with `undefined`/empty string when `removeEmpty`, removes) one field of an operation. */
export function setOperationField(
  location: OperationLocation,
  field: string,
  value: JsonValue | undefined,
  label = "Edit operation",
): Command {
  return updateDefinition(`definition:set:operation-${field}`, label, (definition, doc) => {
    const pointer = ["paths", location.path, location.method, field];
    if (!getOperation(definition, location)) return doc;
    const current = getAtPointer(definition, pointer);
    if (value === undefined) {
      if (current === undefined) return doc;
      return { ...doc, definition: removeAtPointer(definition, pointer) };
    }
    if (current === value) return doc;
    return { ...doc, definition: setAtPointer(definition, pointer, value) };
  });
}

/** Sets a value anywhere in the definition (`undefined` removes it). */
export function setDefinitionValue(
  pointer: string | readonly string[],
  value: JsonValue | undefined,
  label = "Edit",
): Command {
  return updateDefinition("definition:set:value", label, (definition, doc) => {
    const current = getAtPointer(definition, pointer);
    if (value === undefined) {
      if (current === undefined) return doc;
      return { ...doc, definition: removeAtPointer(definition, pointer) };
    }
    if (current === value) return doc;
    return { ...doc, definition: setAtPointer(definition, pointer, value) };
  });
}

/**
 * Renames an operationId and every reference to it: `x-ms-dynamic-values`/`-schema`/`-list`/`-properties`,
 * `x-ms-notification`, `x-ms-capabilities`, `x-ms-openai-data`, `x-ms-operation-context` and any other
 * `operationId` inside an `x-ms-*` extension; policies' operation lists and `scriptOperations` in
 * apiProperties. No-op when `next` is empty or already used by another operation.
 */
export function renameOperationId(previous: string, next: string): Command {
  return {
    name: "definition:rename:operation-id",
    label: "Rename operation ID",
    apply: (doc) => {
      if (previous === next || next.trim() === "") return doc;
      const location = findOperationById(doc.definition, previous);
      if (!location || findOperationById(doc.definition, next)) return doc;
      return applyOperationIdRenames(doc, new Map([[previous, next]]));
    },
  };
}

/**
 * Renames several operationIds at once (old → new) with every reference to them, as
 * {@link renameOperationId} does for one, in a single walk of the document. The caller makes sure the new
 * names are unique; a name that is not an operationId is left alone.
 */
export function applyOperationIdRenames(
  doc: ConnectorDocument,
  renames: ReadonlyMap<string, string>,
): ConnectorDocument {
  if (renames.size === 0) return doc;
  let definition = doc.definition;
  for (const { path, method, operation } of listOperations(doc.definition)) {
    const id = operation.operationId;
    const next = typeof id === "string" ? renames.get(id) : undefined;
    if (next !== undefined && next !== id)
      definition = setAtPointer(definition, ["paths", path, method, "operationId"], next);
  }
  definition = replaceOperationIdRefs(definition, renames, false) as SwaggerDocument;
  return { ...doc, definition, properties: renameInProperties(doc.properties, renames) };
}

/** Walks a JSON tree and renames `operationId` values inside `x-ms-*` extensions. Shares untouched branches. */
function replaceOperationIdRefs(
  node: JsonValue | undefined,
  renames: ReadonlyMap<string, string>,
  inExtension: boolean,
): JsonValue | undefined {
  if (Array.isArray(node)) {
    let changed = false;
    const copy = node.map((item) => {
      const replaced = replaceOperationIdRefs(item, renames, inExtension) as JsonValue;
      if (replaced !== item) changed = true;
      return replaced;
    });
    return changed ? copy : node;
  }
  if (!isJsonObject(node)) return node;
  let copy: JsonObject | null = null;
  for (const key of Object.keys(node)) {
    const value = node[key];
    let replaced: JsonValue | undefined = value;
    if (inExtension && key === "operationId" && typeof value === "string" && renames.has(value))
      replaced = renames.get(value);
    else if (typeof value === "object" && value !== null) {
      replaced = replaceOperationIdRefs(value, renames, inExtension || key.startsWith("x-ms-"));
    }
    if (replaced !== value) {
      copy ??= { ...node };
      copy[key] = replaced;
    }
  }
  return copy ?? node;
}

function renameInProperties(properties: JsonObject, renames: ReadonlyMap<string, string>): JsonObject {
  const inner = properties.properties;
  if (!isJsonObject(inner)) return properties;
  const rename = (v: JsonValue) => (typeof v === "string" ? (renames.get(v) ?? v) : v);
  let updated: JsonObject = inner;
  const scripts = inner.scriptOperations;
  if (Array.isArray(scripts) && scripts.some((s) => typeof s === "string" && renames.has(s))) {
    updated = { ...updated, scriptOperations: scripts.map(rename) };
  }
  const policies = inner.policyTemplateInstances;
  if (Array.isArray(policies)) {
    let changed = false;
    const mapped = policies.map((policy) => {
      if (!isJsonObject(policy) || !isJsonObject(policy.parameters)) return policy;
      const ops = policy.parameters[POLICY_OPERATIONS_KEY];
      let replaced: JsonValue | undefined = ops;
      if (Array.isArray(ops) && ops.some((o) => typeof o === "string" && renames.has(o)))
        replaced = ops.map(rename);
      else if (typeof ops === "string" && renames.has(ops)) replaced = rename(ops);
      if (replaced === ops) return policy;
      changed = true;
      return { ...policy, parameters: { ...policy.parameters, [POLICY_OPERATIONS_KEY]: replaced } };
    });
    if (changed) updated = { ...updated, policyTemplateInstances: mapped };
  }
  return updated === inner ? properties : { ...properties, properties: updated };
}

/**
 * Deep copy of a JSON value. A plain indexed/for-in copy: about twice as fast as spreading each object and
 * re-assigning its keys, and five times `structuredClone`, which matters on multi-megabyte imports. A key
 * named `__proto__` (legal JSON, an own property after `JSON.parse`) is defined, not assigned, so it stays a
 * property and never becomes the copy's prototype. The lossless side tables (source key order, raw number
 * lexemes) are carried over, as object spread would.
 */
export function structuredCloneJson(value: JsonValue): JsonValue {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    const length = value.length;
    const items = new Array<JsonValue>(length);
    for (let i = 0; i < length; i++) items[i] = structuredCloneJson(value[i] as JsonValue);
    copySideTables(value, items);
    return items;
  }
  const copy: JsonObject = {};
  copySideTables(value, copy);
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const item = structuredCloneJson(value[key] as JsonValue);
    if (key === "__proto__")
      Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
    else copy[key] = item;
  }
  return copy;
}

function copySideTables(from: object, to: object): void {
  const order = (from as { [KEY_ORDER]?: unknown })[KEY_ORDER];
  if (order !== undefined) (to as { [KEY_ORDER]?: unknown })[KEY_ORDER] = order;
  const raw = (from as { [RAW_NUMBERS]?: unknown })[RAW_NUMBERS];
  if (raw !== undefined) (to as { [RAW_NUMBERS]?: unknown })[RAW_NUMBERS] = raw;
}

/** The operationIds used in the definition, for pickers (dynamic values, policies). */
export function operationIds(definition: SwaggerDocument): string[] {
  return listOperations(definition)
    .map((o) => o.operation.operationId)
    .filter((id): id is string => typeof id === "string" && id !== "");
}
