import { effectiveParameters, resolveRefObject } from "../model/refs";
import {
  innerApiProperties,
  policyAppliesToEveryOperation,
  policyInstanceObjects,
  policyOperationNames,
} from "../model/api-properties";
import type { ConnectorDocument } from "../model/connector-document";
import { toPointer } from "../model/json-pointer";
import { isJsonObject, type JsonObject, type JsonValue } from "../model/json-value";
import { createNodeBudget, type NodeBudget } from "../model/node-budget";
import { listOperations, type OperationRef, type Parameter, type Schema } from "../model/swagger-types";

/** What part of the connector a change is about. */
export type ChangeArea =
  "operation" | "parameter" | "response" | "schema" | "authentication" | "policy" | "general";

/** One semantic difference between two versions of a connector. */
export interface ConnectorChange {
  /** True when flows built on the old version can break (the platform's change validation would flag it). */
  breaking: boolean;
  area: ChangeArea;
  kind: "added" | "removed" | "changed";
  /** The operation the change belongs to, when it belongs to one. */
  operationId?: string;
  /** JSON pointer in the new version's file (in the old one for removals). */
  path: string;
  /** Which file the pointer is in. */
  file: "apiDefinition.swagger.json" | "apiProperties.json";
  message: string;
  /**
   * Where the change sits in the old version's file, when that differs from {@link path} (a removed OAuth scope
   * is an entry of the old scope list). Lets a side-by-side diff show the old line too.
   */
  oldPath?: string;
  /**
   * True on the notice that a schema was too deep to compare fully (its walk ran out of its node budget): the
   * changes listed under it may be incomplete. Such a notice is not itself breaking.
   */
  incomplete?: true;
}

interface OperationEntry {
  key: string;
  ref: OperationRef;
  pointer: string;
}

const MAX_SCHEMA_DEPTH = 12;

function operationKey(ref: OperationRef): string {
  const id = ref.operation.operationId;
  return typeof id === "string" && id !== "" ? id : `${ref.method.toUpperCase()} ${ref.path}`;
}

function indexOperations(doc: ConnectorDocument): Map<string, OperationEntry> {
  const map = new Map<string, OperationEntry>();
  for (const ref of listOperations(doc.definition)) {
    const key = operationKey(ref);
    if (!map.has(key)) map.set(key, { key, ref, pointer: toPointer(["paths", ref.path, ref.method]) });
  }
  return map;
}

/** Resolves a local `$ref` (`#/definitions/X`, `#/parameters/X`, `#/responses/X`) once; other values pass through. */
function deref<T extends JsonObject>(root: JsonObject, value: T | undefined): T | undefined {
  if (!value || typeof value.$ref !== "string" || !value.$ref.startsWith("#")) return value;
  return resolveRefObject<T>(root, value) ?? value;
}

function parametersByName(doc: ConnectorDocument, ref: OperationRef): Map<string, Parameter> {
  const result = new Map<string, Parameter>();
  // Keyed by name only: a parameter that moves from query to header is the same input for a flow.
  for (const param of effectiveParameters(doc.definition, ref.path, ref.operation))
    if (typeof param.name === "string") result.set(param.name, param);
  return result;
}

function visibility(value: JsonObject | undefined): string {
  const v = value?.["x-ms-visibility"];
  return typeof v === "string" ? v : "none";
}

function paramLabel(param: Parameter): string {
  const summary = param["x-ms-summary"];
  return typeof summary === "string" && summary !== "" ? `"${param.name}" (${summary})` : `"${param.name}"`;
}

function typeOf(schema: Schema | undefined): string {
  if (!schema) return "any";
  const type = typeof schema.type === "string" ? schema.type : schema.properties ? "object" : "any";
  return typeof schema.format === "string" ? `${type} (${schema.format})` : type;
}

function enumValues(value: JsonObject | undefined): JsonValue[] | null {
  return Array.isArray(value?.enum) ? (value.enum as JsonValue[]) : null;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Compares two versions of a connector and lists what changed, keyed by operationId: operations, parameters,
 * responses, schemas, authentication and policies. Changes that break existing flows are marked `breaking` and
 * worded as the platform's change validation words them (operation removed, path changed, new required
 * parameter, parameter location or type changed, enum value removed, response property removed or retyped,
 * visibility turned internal).
 */
export function diffConnectors(oldDoc: ConnectorDocument, newDoc: ConnectorDocument): ConnectorChange[] {
  const changes: ConnectorChange[] = [];
  const clean: CleanPairs = new Map();
  const oldOps = indexOperations(oldDoc);
  const newOps = indexOperations(newDoc);
  const newByRoute = new Map([...newOps.values()].map((e) => [`${e.ref.method} ${e.ref.path}`, e]));

  for (const [key, before] of oldOps) {
    let after = newOps.get(key);
    // An operation whose id changed but whose route stayed is the same operation for a reviewer.
    const renamedFrom = !after ? newByRoute.get(`${before.ref.method} ${before.ref.path}`) : undefined;
    if (!after && renamedFrom && !oldOps.has(renamedFrom.key)) {
      after = renamedFrom;
      changes.push({
        breaking: true,
        area: "operation",
        kind: "changed",
        operationId: renamedFrom.key,
        path: `${after.pointer}/operationId`,
        file: "apiDefinition.swagger.json",
        message: `Operation ID changed from "${key}" to "${renamedFrom.key}": flows refer to actions by operation ID.`,
      });
    }
    if (!after) {
      changes.push({
        breaking: true,
        area: "operation",
        kind: "removed",
        operationId: key,
        path: before.pointer,
        file: "apiDefinition.swagger.json",
        message: `Operation "${key}" was removed (${before.ref.method.toUpperCase()} ${before.ref.path}).`,
      });
      continue;
    }
    diffOperation(oldDoc, newDoc, before, after, changes, clean);
  }
  const matchedNew = new Set<string>();
  for (const [key, before] of oldOps) {
    const after = newOps.get(key) ?? newByRoute.get(`${before.ref.method} ${before.ref.path}`);
    if (after) matchedNew.add(after.key);
  }
  for (const [key, after] of newOps) {
    if (oldOps.has(key) || matchedNew.has(key)) continue;
    changes.push({
      breaking: false,
      area: "operation",
      kind: "added",
      operationId: key,
      path: after.pointer,
      file: "apiDefinition.swagger.json",
      message: `Operation "${key}" was added (${after.ref.method.toUpperCase()} ${after.ref.path}).`,
    });
  }
  diffDefinitions(oldDoc, newDoc, changes);
  diffAuthentication(oldDoc, newDoc, changes);
  diffPolicies(oldDoc, newDoc, changes);
  diffGeneral(oldDoc, newDoc, changes);
  return changes;
}

function diffOperation(
  oldDoc: ConnectorDocument,
  newDoc: ConnectorDocument,
  before: OperationEntry,
  after: OperationEntry,
  changes: ConnectorChange[],
  clean: CleanPairs,
): void {
  const operationId = after.key;
  const base = { operationId, file: "apiDefinition.swagger.json" as const };
  const o = before.ref.operation;
  const n = after.ref.operation;
  if (before.ref.path !== after.ref.path || before.ref.method !== after.ref.method) {
    changes.push({
      ...base,
      breaking: true,
      area: "operation",
      kind: "changed",
      path: after.pointer,
      message: `Path changed from ${before.ref.method.toUpperCase()} ${before.ref.path} to ${after.ref.method.toUpperCase()} ${after.ref.path}.`,
    });
  }
  const oldVis = visibility(o);
  const newVis = visibility(n);
  if (oldVis !== newVis) {
    changes.push({
      ...base,
      breaking: newVis === "internal",
      area: "operation",
      kind: "changed",
      path: `${after.pointer}/x-ms-visibility`,
      message:
        newVis === "internal"
          ? `Visibility turned internal: the action disappears from the designer for existing flows.`
          : `Visibility changed from ${oldVis} to ${newVis}.`,
    });
  }
  if (o.deprecated !== true && n.deprecated === true) {
    changes.push({
      ...base,
      breaking: false,
      area: "operation",
      kind: "changed",
      path: `${after.pointer}/deprecated`,
      message: "The operation is now deprecated.",
    });
  }
  for (const field of ["summary", "description"] as const) {
    if (o[field] !== n[field]) {
      changes.push({
        ...base,
        breaking: false,
        area: "operation",
        kind: "changed",
        path: `${after.pointer}/${field}`,
        message: `${field === "summary" ? "Summary" : "Description"} changed.`,
      });
    }
  }
  diffParameters(oldDoc, newDoc, before, after, changes, clean);
  diffResponses(oldDoc, newDoc, before, after, changes, clean);
}

function parameterPointer(doc: ConnectorDocument, entry: OperationEntry, name: string): string {
  const list = entry.ref.operation.parameters;
  if (Array.isArray(list)) {
    const index = list.findIndex((p) => deref(doc.definition, p as Parameter)?.name === name);
    if (index >= 0) return `${entry.pointer}/parameters/${index}`;
  }
  return `${entry.pointer}/parameters`;
}

function diffParameters(
  oldDoc: ConnectorDocument,
  newDoc: ConnectorDocument,
  before: OperationEntry,
  after: OperationEntry,
  changes: ConnectorChange[],
  clean: CleanPairs,
): void {
  const oldParams = parametersByName(oldDoc, before.ref);
  const newParams = parametersByName(newDoc, after.ref);
  const base = {
    operationId: after.key,
    file: "apiDefinition.swagger.json" as const,
    area: "parameter" as const,
  };
  for (const [name, p] of oldParams) {
    const q = newParams.get(name);
    if (!q) {
      changes.push({
        ...base,
        breaking: true,
        kind: "removed",
        path: parameterPointer(oldDoc, before, name),
        message: `Parameter ${paramLabel(p)} was removed: flows that set it fail.`,
      });
      continue;
    }
    const path = parameterPointer(newDoc, after, name);
    if (p.in !== q.in) {
      changes.push({
        ...base,
        breaking: true,
        kind: "changed",
        path,
        message: `Parameter ${paramLabel(q)} location changed from ${p.in} to ${q.in}.`,
      });
    }
    if (p.in === "body" || q.in === "body") {
      compareSchemas(
        oldDoc.definition,
        newDoc.definition,
        deref(oldDoc.definition, p.schema),
        deref(newDoc.definition, q.schema),
        clean,
        {
          changes,
          base: { ...base, area: "parameter" },
          path: `${path}/schema`,
          label: "Request body",
          direction: "input",
        },
      );
    } else if (typeOf(p as Schema) !== typeOf(q as Schema)) {
      changes.push({
        ...base,
        breaking: true,
        kind: "changed",
        path,
        message: `Parameter ${paramLabel(q)} type changed from ${typeOf(p as Schema)} to ${typeOf(q as Schema)}.`,
      });
    }
    if (p.required !== true && q.required === true && q.default === undefined) {
      changes.push({
        ...base,
        breaking: true,
        kind: "changed",
        path,
        message: `Parameter ${paramLabel(q)} became required.`,
      });
    } else if (p.required === true && q.required !== true) {
      changes.push({
        ...base,
        breaking: false,
        kind: "changed",
        path,
        message: `Parameter ${paramLabel(q)} became optional.`,
      });
    }
    diffEnum(p, q, path, paramLabel(q), "input", base, changes);
    const pv = visibility(p);
    const qv = visibility(q);
    if (pv !== qv) {
      changes.push({
        ...base,
        breaking: qv === "internal" && q.required === true && q.default === undefined,
        kind: "changed",
        path,
        message: `Parameter ${paramLabel(q)} visibility changed from ${pv} to ${qv}.`,
      });
    }
  }
  for (const [name, q] of newParams) {
    if (oldParams.has(name)) continue;
    const required = q.required === true && q.default === undefined;
    changes.push({
      ...base,
      breaking: required,
      kind: "added",
      path: parameterPointer(newDoc, after, name),
      message: required
        ? `New required parameter ${paramLabel(q)}: existing flows do not set it.`
        : `New optional parameter ${paramLabel(q)}.`,
    });
  }
}

function diffEnum(
  p: JsonObject,
  q: JsonObject,
  path: string,
  label: string,
  direction: "input" | "output",
  base: Omit<ConnectorChange, "breaking" | "kind" | "path" | "message">,
  changes: ConnectorChange[],
): void {
  const before = enumValues(p);
  const after = enumValues(q);
  if (!before && !after) return;
  if (!before && after) {
    changes.push({
      ...base,
      breaking: direction === "input",
      kind: "changed",
      path,
      message: `${label} now only accepts the values ${after.map((v) => JSON.stringify(v)).join(", ")} (enum added).`,
    });
    return;
  }
  if (before && !after) {
    changes.push({
      ...base,
      breaking: direction === "output",
      kind: "changed",
      path,
      message: `${label} no longer has a fixed list of values.`,
    });
    return;
  }
  const afterSet = new Set((after ?? []).map((v) => JSON.stringify(v)));
  const beforeSet = new Set((before ?? []).map((v) => JSON.stringify(v)));
  for (const value of before ?? []) {
    if (!afterSet.has(JSON.stringify(value))) {
      changes.push({
        ...base,
        breaking: direction === "input",
        kind: "removed",
        path,
        message: `${label}: enum value ${JSON.stringify(value)} was removed.`,
      });
    }
  }
  for (const value of after ?? []) {
    if (!beforeSet.has(JSON.stringify(value))) {
      changes.push({
        ...base,
        breaking: direction === "output",
        kind: "added",
        path,
        message: `${label}: enum value ${JSON.stringify(value)} was added.`,
      });
    }
  }
}

/**
 * `$ref` pairs (with the direction) already compared without finding a change, and how many levels below them
 * were compared: the same pair met again at that depth or less is skipped. Shared by every walk of one diff.
 */
type CleanPairs = Map<string, number>;

interface WalkState {
  budget: NodeBudget;
  clean: CleanPairs;
  /** Times the depth limit cut the walk (a pair compared under a cut is clean only down to that depth). */
  depthCuts: number;
}

interface SchemaWalk {
  changes: ConnectorChange[];
  base: { operationId?: string; file: "apiDefinition.swagger.json"; area: ChangeArea };
  path: string;
  label: string;
  direction: "input" | "output";
  depth: number;
  seen: Set<string>;
  state: WalkState;
}

/**
 * Compares a request body or response schema within one node budget (the validator's 2048, see
 * {@link createNodeBudget}); when the budget runs out, adds a notice that the schema was too deep to compare fully
 * instead of running on: schemas that reference each other a few levels deep have millions of paths.
 */
function compareSchemas(
  oldRoot: JsonObject,
  newRoot: JsonObject,
  before: Schema | undefined,
  after: Schema | undefined,
  clean: CleanPairs,
  walk: Omit<SchemaWalk, "depth" | "seen" | "state">,
): void {
  const state: WalkState = { budget: createNodeBudget(), clean, depthCuts: 0 };
  diffSchema(oldRoot, newRoot, before, after, { ...walk, depth: 0, seen: new Set(), state });
  if (state.budget.exhausted) {
    walk.changes.push({
      ...walk.base,
      breaking: false,
      kind: "changed",
      path: walk.path,
      incomplete: true,
      message: `${walk.label}: too deep to compare fully (stopped after ${state.budget.limit} schema nodes); the changes listed under it may be incomplete, compare the rest by hand.`,
    });
  }
}

/**
 * Compares two schemas property by property ($refs resolved, recursion cut by a visited set and a depth limit,
 * the whole walk by its node budget; a `$ref` pair already found unchanged is not compared again).
 */
function diffSchema(
  oldRoot: JsonObject,
  newRoot: JsonObject,
  before: Schema | undefined,
  after: Schema | undefined,
  walk: SchemaWalk,
): void {
  const { state } = walk;
  if (walk.depth > MAX_SCHEMA_DEPTH) {
    state.depthCuts++;
    return;
  }
  const refKey = `${before?.$ref ?? ""}|${after?.$ref ?? ""}`;
  if (refKey === "|") {
    if (state.budget.take()) diffSchemaNode(oldRoot, newRoot, before, after, walk);
    return;
  }
  if (walk.seen.has(refKey)) return;
  const cleanKey = `${walk.direction}|${refKey}`;
  const below = MAX_SCHEMA_DEPTH - walk.depth;
  if ((state.clean.get(cleanKey) ?? -1) >= below) return;
  if (!state.budget.take()) return;
  const changesBefore = walk.changes.length;
  const cutsBefore = state.depthCuts;
  diffSchemaNode(oldRoot, newRoot, before, after, { ...walk, seen: new Set(walk.seen).add(refKey) });
  if (walk.changes.length === changesBefore && !state.budget.exhausted)
    state.clean.set(cleanKey, state.depthCuts === cutsBefore ? Infinity : below);
}

/** One node of {@link diffSchema}: the schemas themselves, then their properties and items. */
function diffSchemaNode(
  oldRoot: JsonObject,
  newRoot: JsonObject,
  before: Schema | undefined,
  after: Schema | undefined,
  walk: SchemaWalk,
): void {
  const o = deref(oldRoot, before);
  const n = deref(newRoot, after);
  if (!o && !n) return;
  const { changes, base, path, label, direction } = walk;
  if (o && !n) {
    changes.push({
      ...base,
      breaking: direction === "output",
      kind: "removed",
      path,
      message: `${label}: the schema was removed.`,
    });
    return;
  }
  if (!o || !n) return;
  if (typeOf(o) !== typeOf(n) && typeOf(o) !== "any") {
    changes.push({
      ...base,
      breaking: true,
      kind: "changed",
      path,
      message: `${label}: type changed from ${typeOf(o)} to ${typeOf(n)}.`,
    });
    return;
  }
  diffEnum(o, n, path, label, direction, base, changes);
  const oldProps = isJsonObject(o.properties) ? o.properties : {};
  const newProps = isJsonObject(n.properties) ? n.properties : {};
  const oldRequired = new Set(Array.isArray(o.required) ? o.required : []);
  const newRequired = new Set(Array.isArray(n.required) ? n.required : []);
  for (const name of Object.keys(oldProps)) {
    const childPath = `${path}/properties/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    const childLabel = `${label} property "${name}"`;
    if (!(name in newProps)) {
      // A property reported without comparing further is a schema node of the walk too.
      if (!walk.state.budget.take()) return;
      changes.push({
        ...base,
        breaking: direction === "output",
        kind: "removed",
        path: childPath,
        message:
          direction === "output"
            ? `Response property "${name}" was removed (${label}).`
            : `${childLabel} was removed.`,
      });
      continue;
    }
    const before = oldProps[name];
    const afterChild = newProps[name];
    const ot = typeOf(deref(oldRoot, before));
    const nt = typeOf(deref(newRoot, afterChild));
    if (ot !== nt && ot !== "any") {
      if (!walk.state.budget.take()) return;
      changes.push({
        ...base,
        breaking: true,
        kind: "changed",
        path: childPath,
        message:
          direction === "output"
            ? `Response property "${name}" was retyped from ${ot} to ${nt} (${label}).`
            : `${childLabel} type changed from ${ot} to ${nt}.`,
      });
      continue;
    }
    if (direction === "input" && !oldRequired.has(name) && newRequired.has(name)) {
      changes.push({
        ...base,
        breaking: true,
        kind: "changed",
        path: childPath,
        message: `${childLabel} became required.`,
      });
    }
    diffSchema(oldRoot, newRoot, before, afterChild, {
      ...walk,
      path: childPath,
      label: childLabel,
      depth: walk.depth + 1,
    });
  }
  for (const name of Object.keys(newProps)) {
    if (name in oldProps) continue;
    if (!walk.state.budget.take()) return;
    const childPath = `${path}/properties/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    const required = direction === "input" && newRequired.has(name);
    changes.push({
      ...base,
      breaking: required,
      kind: "added",
      path: childPath,
      message: required
        ? `${label}: new required property "${name}".`
        : `${label}: property "${name}" was added.`,
    });
  }
  if (o.items || n.items) {
    diffSchema(oldRoot, newRoot, o.items, n.items, {
      ...walk,
      path: `${path}/items`,
      label: `${label} items`,
      depth: walk.depth + 1,
    });
  }
}

function diffResponses(
  oldDoc: ConnectorDocument,
  newDoc: ConnectorDocument,
  before: OperationEntry,
  after: OperationEntry,
  changes: ConnectorChange[],
  clean: CleanPairs,
): void {
  const o = (before.ref.operation.responses ?? {}) as Record<string, JsonObject>;
  const n = (after.ref.operation.responses ?? {}) as Record<string, JsonObject>;
  const base = {
    operationId: after.key,
    file: "apiDefinition.swagger.json" as const,
    area: "response" as const,
  };
  for (const code of Object.keys(o)) {
    const path = `${after.pointer}/responses/${code}`;
    if (!(code in n)) {
      const success = /^2/.test(code);
      changes.push({
        ...base,
        breaking: success,
        kind: "removed",
        path: `${before.pointer}/responses/${code}`,
        message: `Response ${code} was removed.`,
      });
      continue;
    }
    const oldResponse = deref(oldDoc.definition, o[code]);
    const newResponse = deref(newDoc.definition, n[code]);
    compareSchemas(
      oldDoc.definition,
      newDoc.definition,
      oldResponse?.schema as Schema | undefined,
      newResponse?.schema as Schema | undefined,
      clean,
      { changes, base, path: `${path}/schema`, label: `Response ${code}`, direction: "output" },
    );
  }
  for (const code of Object.keys(n)) {
    if (code in o) continue;
    changes.push({
      ...base,
      breaking: false,
      kind: "added",
      path: `${after.pointer}/responses/${code}`,
      message: `Response ${code} was added.`,
    });
  }
}

function diffDefinitions(
  oldDoc: ConnectorDocument,
  newDoc: ConnectorDocument,
  changes: ConnectorChange[],
): void {
  const o = (oldDoc.definition.definitions ?? {}) as Record<string, Schema>;
  const n = (newDoc.definition.definitions ?? {}) as Record<string, Schema>;
  const base = { file: "apiDefinition.swagger.json" as const, area: "schema" as const, breaking: false };
  for (const name of Object.keys(o)) {
    const path = toPointer(["definitions", name]);
    if (!(name in n))
      changes.push({ ...base, kind: "removed", path, message: `Schema "${name}" was removed.` });
    else if (!sameJson(o[name], n[name]))
      changes.push({ ...base, kind: "changed", path, message: `Schema "${name}" changed.` });
  }
  for (const name of Object.keys(n)) {
    if (!(name in o))
      changes.push({
        ...base,
        kind: "added",
        path: toPointer(["definitions", name]),
        message: `Schema "${name}" was added.`,
      });
  }
}

/**
 * How the platform words what an authentication change means for connections already made (the connection
 * dialog's own words: a connection is re-created or re-authenticated, see the connector format reference).
 */
const RECREATE = "Existing connections will need to be re-created.";
const REAUTHENTICATE = "Existing connections will need to be re-authenticated.";

interface ConnectionParameterChange {
  breaking: boolean;
  message: string;
  /** Overrides the change's pointer (the parameter) when the change sits deeper in it. */
  path?: string;
  oldPath?: string;
}

function connectionParameters(doc: ConnectorDocument): Record<string, JsonObject> {
  const props = doc.properties.properties;
  const params = isJsonObject(props) ? props.connectionParameters : undefined;
  return (isJsonObject(params) ? params : {}) as Record<string, JsonObject>;
}

/** `uiDefinition.constraints.required` is "true" (the platform's string; a boolean true counts too). */
function isRequiredParameter(param: JsonObject): boolean {
  const ui = param.uiDefinition;
  return isJsonObject(ui) && isJsonObject(ui.constraints) && String(ui.constraints.required) === "true";
}

function oauthSettings(param: JsonObject): JsonObject {
  return isJsonObject(param.oAuthSettings) ? param.oAuthSettings : {};
}

/** OAuth scopes of a connection parameter (`oAuthSettings.scopes`), as listed. */
function scopesOf(param: JsonObject): string[] {
  const scopes = oauthSettings(param).scopes;
  return Array.isArray(scopes) ? scopes.filter((x): x is string => typeof x === "string") : [];
}

/**
 * What changed in one connection parameter, as it affects existing connections: a new type, a new identity
 * provider, a scope removed or the parameter made required break them (they must be recreated or signed in
 * again); scopes added reach existing connections only when they sign in again. Empty when none of these changed.
 */
function connectionParameterChanges(
  name: string,
  before: JsonObject,
  after: JsonObject,
): ConnectionParameterChange[] {
  const path = toPointer(["properties", "connectionParameters", name]);
  const out: ConnectionParameterChange[] = [];
  if (before.type !== after.type) {
    out.push({
      breaking: true,
      message: `Connection parameter "${name}" changed type from ${String(before.type)} to ${String(after.type)}. ${RECREATE}`,
    });
  }
  const oldProvider = oauthSettings(before).identityProvider;
  const newProvider = oauthSettings(after).identityProvider;
  if (oldProvider !== newProvider && (oldProvider !== undefined || newProvider !== undefined)) {
    out.push({
      breaking: true,
      path: `${path}/oAuthSettings/identityProvider`,
      message: `Connection parameter "${name}": the identity provider changed from "${String(oldProvider)}" to "${String(newProvider)}". ${RECREATE}`,
    });
  }
  const newScopes = new Set(scopesOf(after));
  const oldScopes = new Set(scopesOf(before));
  const oldList = scopesOf(before);
  for (const scope of oldScopes) {
    if (newScopes.has(scope)) continue;
    out.push({
      breaking: true,
      path: `${path}/oAuthSettings/scopes`,
      oldPath: `${path}/oAuthSettings/scopes/${oldList.indexOf(scope)}`,
      message: `Connection parameter "${name}": the OAuth scope "${scope}" was removed. ${REAUTHENTICATE} Actions that need the scope will fail.`,
    });
  }
  const newList = scopesOf(after);
  for (const scope of newScopes) {
    if (oldScopes.has(scope)) continue;
    out.push({
      breaking: false,
      path: `${path}/oAuthSettings/scopes/${newList.indexOf(scope)}`,
      message: `Connection parameter "${name}": the OAuth scope "${scope}" was added. Existing connections get it only when they are re-authenticated.`,
    });
  }
  if (!isRequiredParameter(before) && isRequiredParameter(after)) {
    out.push({
      breaking: true,
      path: `${path}/uiDefinition/constraints/required`,
      message: `Connection parameter "${name}" is now required. ${RECREATE}`,
    });
  }
  // Anything else (labels, client id, redirect mode…) is reported as one plain change by the caller.
  const described = out.length > 0;
  const rest = (p: JsonObject) => {
    const { type: _type, oAuthSettings: o, uiDefinition: ui, ...others } = p;
    const settings = isJsonObject(o) ? { ...o, identityProvider: undefined, scopes: undefined } : o;
    const constraints =
      isJsonObject(ui) && isJsonObject(ui.constraints)
        ? { ...ui.constraints, required: undefined }
        : undefined;
    return JSON.stringify([others, settings, isJsonObject(ui) ? { ...ui, constraints } : ui]);
  };
  if (described && rest(before) !== rest(after))
    out.push({ breaking: false, message: `Connection parameter "${name}" changed.` });
  return out;
}

function diffAuthentication(
  oldDoc: ConnectorDocument,
  newDoc: ConnectorDocument,
  changes: ConnectorChange[],
): void {
  const o = oldDoc.definition.securityDefinitions ?? {};
  const n = newDoc.definition.securityDefinitions ?? {};
  const base = { file: "apiDefinition.swagger.json" as const, area: "authentication" as const };
  for (const name of Object.keys(o)) {
    const path = toPointer(["securityDefinitions", name]);
    if (!(name in n)) {
      changes.push({
        ...base,
        breaking: true,
        kind: "removed",
        path,
        message: `Authentication "${name}" was removed. Existing connections will stop working.`,
      });
    } else if (!sameJson(o[name], n[name])) {
      const oldType = o[name]?.type;
      const newType = n[name]?.type;
      const scopeKeys = (d: unknown) =>
        isJsonObject(d) && isJsonObject(d.scopes) ? Object.keys(d.scopes) : [];
      const kept = new Set(scopeKeys(n[name]));
      const removedScopes = oldType === newType ? scopeKeys(o[name]).filter((k) => !kept.has(k)) : [];
      if (removedScopes.length > 0) {
        for (const scope of removedScopes)
          changes.push({
            ...base,
            breaking: true,
            kind: "changed",
            path: toPointer(["securityDefinitions", name, "scopes"]),
            oldPath: toPointer(["securityDefinitions", name, "scopes", scope]),
            message: `Authentication "${name}": the OAuth scope "${scope}" was removed. ${REAUTHENTICATE} Actions that need the scope will fail.`,
          });
        continue;
      }
      changes.push({
        ...base,
        breaking: oldType !== newType || o[name]?.in !== n[name]?.in || o[name]?.name !== n[name]?.name,
        kind: "changed",
        path,
        message:
          oldType !== newType
            ? `Authentication "${name}" changed type from ${oldType} to ${newType}. ${RECREATE}`
            : `Authentication "${name}" changed.`,
      });
    }
  }
  for (const name of Object.keys(n)) {
    if (name in o) continue;
    changes.push({
      ...base,
      breaking: Object.keys(o).length > 0 || Object.keys(n).length === 1,
      kind: "added",
      path: toPointer(["securityDefinitions", name]),
      message: `Authentication "${name}" was added.`,
    });
  }
  const oldParams = connectionParameters(oldDoc);
  const newParams = connectionParameters(newDoc);
  const pbase = { file: "apiProperties.json" as const, area: "authentication" as const };
  for (const name of Object.keys(oldParams)) {
    const path = toPointer(["properties", "connectionParameters", name]);
    if (!(name in newParams))
      changes.push({
        ...pbase,
        breaking: true,
        kind: "removed",
        path,
        message: `Connection parameter "${name}" was removed. ${RECREATE}`,
      });
    else if (!sameJson(oldParams[name], newParams[name])) {
      const found = connectionParameterChanges(name, oldParams[name] ?? {}, newParams[name] ?? {});
      if (found.length === 0)
        changes.push({
          ...pbase,
          breaking: false,
          kind: "changed",
          path,
          message: `Connection parameter "${name}" changed.`,
        });
      for (const change of found) changes.push({ ...pbase, kind: "changed", path, ...change });
    }
  }
  for (const name of Object.keys(newParams)) {
    if (name in oldParams) continue;
    const required = isRequiredParameter(newParams[name] ?? {});
    changes.push({
      ...pbase,
      breaking: required,
      kind: "added",
      path: toPointer(["properties", "connectionParameters", name]),
      message: required
        ? `New required connection parameter "${name}". ${RECREATE}`
        : `Connection parameter "${name}" was added.`,
    });
  }
}

function policies(doc: ConnectorDocument): JsonObject[] {
  return policyInstanceObjects(innerApiProperties(doc)).map(({ policy }) => policy);
}

function policyKey(policy: JsonObject): string {
  return `${String(policy.templateId ?? "").toLowerCase()}|${JSON.stringify(policy.title ?? "")}|${JSON.stringify(
    policyAppliesToEveryOperation(policy) ? null : policyOperationNames(policy),
  )}`;
}

function diffPolicies(
  oldDoc: ConnectorDocument,
  newDoc: ConnectorDocument,
  changes: ConnectorChange[],
): void {
  const o = policies(oldDoc);
  const n = policies(newDoc);
  const oldKeys = new Map(o.map((p, i) => [policyKey(p), { p, i }]));
  const newKeys = new Map(n.map((p, i) => [policyKey(p), { p, i }]));
  const base = { file: "apiProperties.json" as const, area: "policy" as const, breaking: false };
  for (const [key, { p, i }] of oldKeys) {
    const match = newKeys.get(key);
    const name = String(p.title ?? p.templateId ?? "policy");
    if (!match)
      changes.push({
        ...base,
        kind: "removed",
        path: `/properties/policyTemplateInstances/${i}`,
        message: `Policy "${name}" was removed.`,
      });
    else if (!sameJson(p, match.p))
      changes.push({
        ...base,
        kind: "changed",
        path: `/properties/policyTemplateInstances/${match.i}`,
        message: `Policy "${name}" changed.`,
      });
  }
  for (const [key, { p, i }] of newKeys) {
    if (oldKeys.has(key)) continue;
    changes.push({
      ...base,
      kind: "added",
      path: `/properties/policyTemplateInstances/${i}`,
      message: `Policy "${String(p.title ?? p.templateId ?? "policy")}" was added.`,
    });
  }
}

function diffGeneral(oldDoc: ConnectorDocument, newDoc: ConnectorDocument, changes: ConnectorChange[]): void {
  const o = oldDoc.definition;
  const n = newDoc.definition;
  const base = { file: "apiDefinition.swagger.json" as const, area: "general" as const };
  if (o.host !== n.host)
    changes.push({
      ...base,
      breaking: false,
      kind: "changed",
      path: "/host",
      message: `Host changed from ${String(o.host)} to ${String(n.host)}.`,
    });
  if (o.basePath !== n.basePath)
    changes.push({
      ...base,
      breaking: true,
      kind: "changed",
      path: "/basePath",
      message: `Base URL changed from ${String(o.basePath)} to ${String(n.basePath)}.`,
    });
  if (o.info?.title !== n.info?.title)
    changes.push({
      ...base,
      breaking: false,
      kind: "changed",
      path: "/info/title",
      message: `Title changed from "${String(o.info?.title)}" to "${String(n.info?.title)}".`,
    });
}
