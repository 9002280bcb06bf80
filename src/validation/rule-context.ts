import type { ConnectorDocument } from "../model/connector-document";
import { effectiveParameterEntries, resolveLocalRef } from "../model/refs";
import { escapePointerToken } from "../model/json-pointer";
import { isJsonObject, type JsonObject, type JsonValue } from "../model/json-value";
import { HTTP_METHODS, type HttpMethod, type Operation } from "../model/swagger-types";
import type { OperationInfo, ParamInfo, RuleContext, SchemaVisit } from "./rule-types";

/** Appends one token to a JSON pointer. */
export function child(pointer: string, token: string | number): string {
  const t = String(token);
  // Most keys need no escaping; skipping the regex matters on a 1 MB definition.
  return t.indexOf("~") < 0 && t.indexOf("/") < 0 ? `${pointer}/${t}` : `${pointer}/${escapePointerToken(t)}`;
}

export { resolveLocalRef };

function refPointer(ref: string): string {
  try {
    return decodeURIComponent(ref.slice(1));
  } catch {
    return ref.slice(1);
  }
}

/** Does any schema reachable from `schema` (following local refs) carry `x-ms-notification-url: true`? */
function reachesNotificationUrl(root: unknown, schema: unknown, seen: Set<unknown>, depth = 0): boolean {
  if (!isJsonObject(schema) || seen.has(schema) || depth > 40) return false;
  seen.add(schema);
  if (schema["x-ms-notification-url"] === true) return true;
  if (typeof schema.$ref === "string") {
    return reachesNotificationUrl(root, resolveLocalRef(root, schema.$ref), seen, depth + 1);
  }
  const props = schema.properties;
  if (isJsonObject(props)) {
    for (const key of Object.keys(props)) {
      if (reachesNotificationUrl(root, props[key], seen, depth + 1)) return true;
    }
  }
  if (reachesNotificationUrl(root, schema.items, seen, depth + 1)) return true;
  if (Array.isArray(schema.allOf)) {
    for (const part of schema.allOf) if (reachesNotificationUrl(root, part, seen, depth + 1)) return true;
  }
  return false;
}

function buildOperations(definition: JsonObject): OperationInfo[] {
  const result: OperationInfo[] = [];
  const paths = definition.paths;
  if (!isJsonObject(paths)) return result;
  for (const path of Object.keys(paths)) {
    const item = paths[path];
    if (!isJsonObject(item)) continue;
    const pathPointer = child("/paths", path);
    for (const method of Object.keys(item)) {
      if (!(HTTP_METHODS as readonly string[]).includes(method)) continue;
      const operation = item[method];
      if (!isJsonObject(operation)) continue;
      const pointer = child(pathPointer, method);
      const parameters: ParamInfo[] = effectiveParameterEntries(definition, path, operation).map((entry) => {
        const listPointer = child(
          child(entry.level === "path" ? pathPointer : pointer, "parameters"),
          entry.index,
        );
        return {
          param: entry.parameter,
          pointer: listPointer,
          targetPointer: entry.ref === null ? listPointer : refPointer(entry.ref),
          level: entry.level,
        };
      });
      const isTrigger = typeof operation["x-ms-trigger"] === "string";
      let isWebhook = false;
      if (isTrigger) {
        const seen = new Set<unknown>();
        isWebhook =
          item["x-ms-notification-content"] !== undefined ||
          parameters.some(
            (p) =>
              p.param["x-ms-notification-url"] === true ||
              reachesNotificationUrl(definition, p.param.schema, seen),
          );
      }
      result.push({
        path,
        method: method as HttpMethod,
        operation: operation as Operation,
        pointer,
        pathPointer,
        parameters,
        isTrigger,
        isWebhook,
      });
    }
  }
  return result;
}

/**
 * Walks every schema once: shared definitions, body parameters, responses, notification content, and
 * inside them properties, items, additionalProperties and allOf. References are not followed (the
 * target is visited where it is defined), so recursive schemas cannot loop.
 */
function buildSchemas(definition: JsonObject, operations: OperationInfo[]): SchemaVisit[] {
  const out: SchemaVisit[] = [];
  const walk = (
    schema: unknown,
    pointer: string,
    role: SchemaVisit["role"],
    operation?: OperationInfo,
    depth = 0,
  ) => {
    if (!isJsonObject(schema) || depth > 64) return;
    const visit: SchemaVisit = { schema, pointer, role };
    if (operation) visit.operation = operation;
    out.push(visit);
    const props = schema.properties;
    if (isJsonObject(props)) {
      const base = child(pointer, "properties");
      for (const key of Object.keys(props))
        walk(props[key], child(base, key), "property", operation, depth + 1);
    }
    if (schema.items !== undefined) {
      if (Array.isArray(schema.items)) {
        schema.items.forEach((s, i) =>
          walk(s, child(child(pointer, "items"), i), "items", operation, depth + 1),
        );
      } else walk(schema.items, child(pointer, "items"), "items", operation, depth + 1);
    }
    if (isJsonObject(schema.additionalProperties)) {
      walk(
        schema.additionalProperties,
        child(pointer, "additionalProperties"),
        "additional",
        operation,
        depth + 1,
      );
    }
    if (Array.isArray(schema.allOf)) {
      schema.allOf.forEach((s, i) =>
        walk(s, child(child(pointer, "allOf"), i), "composed", operation, depth + 1),
      );
    }
  };
  const defs = definition.definitions;
  if (isJsonObject(defs)) {
    for (const name of Object.keys(defs)) walk(defs[name], child("/definitions", name), "definition");
  }
  const sharedParams = definition.parameters;
  if (isJsonObject(sharedParams)) {
    for (const name of Object.keys(sharedParams)) {
      const p = sharedParams[name];
      if (isJsonObject(p) && p.schema !== undefined) {
        walk(p.schema, child(child("/parameters", name), "schema"), "body");
      }
    }
  }
  const sharedResponses = definition.responses;
  if (isJsonObject(sharedResponses)) {
    for (const name of Object.keys(sharedResponses)) {
      const r = sharedResponses[name];
      if (isJsonObject(r) && r.schema !== undefined) {
        walk(r.schema, child(child("/responses", name), "schema"), "response");
      }
    }
  }
  const paths = isJsonObject(definition.paths) ? definition.paths : {};
  const seenPathItems = new Set<string>();
  for (const op of operations) {
    for (const p of op.parameters) {
      // Shared parameters were walked above; inline ones are walked here, once.
      if (p.targetPointer === p.pointer && p.param.schema !== undefined) {
        walk(p.param.schema, child(p.pointer, "schema"), "body", op);
      }
    }
    const responses = op.operation.responses;
    if (isJsonObject(responses)) {
      for (const code of Object.keys(responses)) {
        const r = responses[code];
        if (isJsonObject(r) && r.schema !== undefined) {
          walk(r.schema, child(child(child(op.pointer, "responses"), code), "schema"), "response", op);
        }
      }
    }
    if (!seenPathItems.has(op.path)) {
      seenPathItems.add(op.path);
      const item = paths[op.path];
      const content = isJsonObject(item) ? item["x-ms-notification-content"] : undefined;
      if (isJsonObject(content) && content.schema !== undefined) {
        walk(
          content.schema,
          child(child(op.pathPointer, "x-ms-notification-content"), "schema"),
          "notification",
          op,
        );
      }
    }
  }
  return out;
}

/** One pass over the whole definition collecting `$ref`s and `x-` keys with their pointers. */
function scanDefinition(definition: JsonValue): Pick<RuleContext, "refs" | "extensionKeys"> {
  const refs: RuleContext["refs"] = [];
  const extensionKeys: RuleContext["extensionKeys"] = [];
  const stack: [JsonValue | undefined, string][] = [[definition, ""]];
  while (stack.length > 0) {
    const [node, pointer] = stack.pop() as [JsonValue | undefined, string];
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], `${pointer}/${i}`]);
    } else if (isJsonObject(node)) {
      const keys = Object.keys(node);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        const value = node[key];
        const keyPointer = child(pointer, key);
        if (key === "$ref" && typeof value === "string") {
          refs.push({ ref: value, pointer });
          continue;
        }
        // Keys of maps (properties, definitions, headers, paths…) are names, not extensions.
        if (
          (key.charCodeAt(0) === 120 || key.charCodeAt(0) === 88) &&
          key[1] === "-" &&
          !isNameMap(pointer)
        ) {
          extensionKeys.push({ key, pointer: keyPointer, parentPointer: pointer, value, parent: node });
        }
        if (typeof value === "object" && value !== null) stack.push([value, keyPointer]);
      }
    }
  }
  refs.reverse();
  extensionKeys.reverse();
  return { refs, extensionKeys };
}

const NAME_MAPS = new Set([
  "properties",
  "definitions",
  "parameters",
  "responses",
  "headers",
  "paths",
  "securityDefinitions",
  "scopes",
]);

/** Is the object at `pointer` a map whose keys are user names (so `x-…` keys there are not extensions)? */
function isNameMap(pointer: string): boolean {
  const i = pointer.lastIndexOf("/");
  if (i < 0) return false;
  const last = pointer.slice(i + 1);
  if (!NAME_MAPS.has(last)) return false;
  // `/paths/x/get/parameters` is an array; `/parameters` at the root and `…/properties` are maps.
  return true;
}

/** Builds the rule context: operations, schemas, refs and extension keys, computed once. */
export function buildRuleContext(doc: ConnectorDocument, certification: boolean): RuleContext {
  const definition = doc.definition;
  const operations = buildOperations(definition);
  const operationIds = new Set<string>();
  for (const op of operations)
    if (typeof op.operation.operationId === "string") operationIds.add(op.operation.operationId);
  const props = isJsonObject(doc.properties) ? doc.properties.properties : undefined;
  const { refs, extensionKeys } = scanDefinition(definition);
  const resolved = new Map<string, unknown>();
  return {
    doc,
    definition,
    apiProperties: isJsonObject(props) ? props : {},
    certification,
    operations,
    operationIds,
    schemas: buildSchemas(definition, operations),
    refs,
    extensionKeys,
    resolve: (ref) => {
      // 30,000 references name a few hundred targets: resolve each target once.
      if (resolved.has(ref)) return resolved.get(ref);
      const target = resolveLocalRef(definition, ref);
      resolved.set(ref, target);
      return target;
    },
  };
}

/** The operation of a context that has the given id. */
export function findOperation(ops: readonly OperationInfo[], operationId: string): OperationInfo | undefined {
  return ops.find((o) => o.operation.operationId === operationId);
}

export type { Operation };
