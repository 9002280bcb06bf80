import { findUnusedDefinitions } from "../model/operations/keep-operations";
import { resolveLocalRef } from "../model/refs";
import type { ConnectorDocument } from "../model/connector-document";
import { escapePointerToken } from "../model/json-pointer";
import { isJsonObject, type JsonObject, type JsonValue } from "../model/json-value";
import { createNodeBudget, SCHEMA_NODE_BUDGET } from "../model/node-budget";
import { HTTP_METHODS, type SwaggerDocument } from "../model/swagger-types";

/** Platform limits (docs/validation-rules.md, "Budget"). */
export const LIMITS = {
  /** Bytes of apiDefinition.swagger.json. */
  definitionBytes: 1024 * 1024,
  operations: 256,
  schemasPerBody: 512,
} as const;

/** Schemas counted in one request body or response (refs expanded, as the platform counts them). */
export interface BodySchemaCount {
  /** JSON pointer of the body parameter schema or response schema. */
  pointer: string;
  operationId: string | null;
  method: string;
  path: string;
  kind: "body" | "response";
  /** Counted schemas, capped at {@link COUNT_CAP} (a recursive schema would be infinite). */
  count: number;
}

/**
 * Counting stops here ("2048+"): enough to say "over the limit" without expanding a recursive schema forever. It is
 * the node budget every schema walk shares (4 × the platform's 512).
 */
export const COUNT_CAP = SCHEMA_NODE_BUDGET;

// The edits the budget offers are commands of the model; they are re-exported here for the UI that offers them.
export {
  findUnusedDefinitions,
  keepOperations,
  keepOperationsAt,
  removeUnusedDefinitions,
} from "../model/operations/keep-operations";

export interface Budget {
  /** UTF-8 bytes of the definition as exported (4-space indentation) and minified (no whitespace). */
  size: { indented: number; minified: number; limit: number };
  operations: { count: number; limit: number };
  /** Bodies sorted by schema count, largest first. */
  bodies: BodySchemaCount[];
  schemasPerBody: { max: number; limit: number };
  /** Names of `definitions` that no operation reaches. */
  unusedDefinitions: string[];
}

function utf8Length(text: string): number {
  // TextEncoder allocates the whole buffer; counting is cheaper for a 1 MB string.
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Whitespace JSON.stringify(value, null, indent) adds to the minified text: a line break and indentation
 * before every member and before each closing bracket of a non-empty container, and a space after every
 * colon. Counting it is much cheaper than serialising a 1 MB definition twice.
 */
function indentationBytes(value: unknown, indent: number, depth: number): number {
  if (typeof value !== "object" || value === null) return 0;
  let bytes = 0;
  let members = 0;
  if (Array.isArray(value)) {
    for (const item of value) {
      members++;
      bytes += indentationBytes(item, indent, depth + 1);
    }
  } else {
    for (const key in value) {
      const item = (value as Record<string, unknown>)[key];
      if (item === undefined || typeof item === "function") continue;
      members++;
      bytes += 1 + indentationBytes(item, indent, depth + 1);
    }
  }
  if (members === 0) return bytes;
  return bytes + members * (1 + indent * (depth + 1)) + 1 + indent * depth;
}

const minifiedText = new WeakMap<object, string>();

/**
 * Tells the size counter the minified JSON text of `definition` when the caller already has it (the
 * validation worker receives the definition as exactly that text), so it is not serialised again.
 */
export function primeDefinitionText(definition: SwaggerDocument, text: string): void {
  minifiedText.set(definition, text);
}

/** Size of the definition in UTF-8 bytes, minified and as exported (4-space indentation). */
export function definitionSize(definition: SwaggerDocument): { indented: number; minified: number } {
  const minified = utf8Length(minifiedText.get(definition) ?? JSON.stringify(definition));
  return { minified, indented: minified + indentationBytes(definition, 4, 0) };
}

/** Counts schema nodes reachable from `schema`, expanding `$ref`s except along a cycle, up to `cap`. */
export function countSchemas(root: JsonObject, schema: unknown, cap = COUNT_CAP): number {
  const budget = createNodeBudget(cap);
  // The same few `$ref`s are met thousands of times in one count: resolve each once (nothing changes meanwhile).
  const resolved = new Map<string, unknown>();
  const target = (ref: string): unknown => {
    if (resolved.has(ref)) return resolved.get(ref);
    const node = resolveLocalRef(root, ref);
    resolved.set(ref, node);
    return node;
  };
  const visit = (node: unknown, stack: Set<string>): void => {
    if (budget.exhausted || !isJsonObject(node)) return;
    if (typeof node.$ref === "string") {
      if (stack.has(node.$ref)) return;
      stack.add(node.$ref);
      visit(target(node.$ref), stack);
      stack.delete(node.$ref);
      return;
    }
    if (!budget.take()) return;
    if (isJsonObject(node.properties))
      for (const k of Object.keys(node.properties)) visit(node.properties[k], stack);
    if (node.items !== undefined) visit(node.items, stack);
    if (isJsonObject(node.additionalProperties)) visit(node.additionalProperties, stack);
    if (Array.isArray(node.allOf)) for (const part of node.allOf) visit(part, stack);
  };
  visit(schema, new Set());
  return budget.used;
}

/** Every body parameter schema and response schema with its schema count, largest first. */
export function countBodySchemas(definition: SwaggerDocument, cap = COUNT_CAP): BodySchemaCount[] {
  const out: BodySchemaCount[] = [];
  const paths = definition.paths;
  if (!isJsonObject(paths)) return out;
  for (const path of Object.keys(paths)) {
    const item = paths[path];
    if (!isJsonObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isJsonObject(op)) continue;
      const opPointer = `/paths/${escapePointerToken(path)}/${method}`;
      const operationId = typeof op.operationId === "string" ? op.operationId : null;
      const params = [
        ...(Array.isArray(item.parameters) ? item.parameters : []),
        ...(Array.isArray(op.parameters) ? op.parameters : []),
      ];
      const opParams = Array.isArray(op.parameters) ? op.parameters : [];
      for (const raw of params) {
        let p: unknown = raw;
        if (isJsonObject(p) && typeof p.$ref === "string") p = resolveLocalRef(definition, p.$ref);
        if (!isJsonObject(p) || p.in !== "body" || p.schema === undefined) continue;
        const index = opParams.indexOf(raw);
        const pointer =
          index >= 0
            ? `${opPointer}/parameters/${index}/schema`
            : `/paths/${escapePointerToken(path)}/parameters/${(item.parameters as JsonValue[]).indexOf(raw)}/schema`;
        out.push({
          pointer,
          operationId,
          method,
          path,
          kind: "body",
          count: countSchemas(definition, p.schema, cap),
        });
      }
      if (isJsonObject(op.responses)) {
        for (const code of Object.keys(op.responses)) {
          let r: unknown = op.responses[code];
          if (isJsonObject(r) && typeof r.$ref === "string") r = resolveLocalRef(definition, r.$ref);
          if (!isJsonObject(r) || r.schema === undefined) continue;
          out.push({
            pointer: `${opPointer}/responses/${escapePointerToken(code)}/schema`,
            operationId,
            method,
            path,
            kind: "response",
            count: countSchemas(definition, r.schema, cap),
          });
        }
      }
    }
  }
  return out.sort((a, b) => b.count - a.count);
}

/**
 * Computes the connector's budget against the platform limits: definition size (as exported and
 * minified), operations, schemas per body, and the definitions no operation uses. Pure; the Budget view
 * and the Review step show it, the limit rules report from it.
 */
export function computeBudget(doc: ConnectorDocument): Budget {
  const definition = doc.definition;
  let operations = 0;
  if (isJsonObject(definition.paths)) {
    for (const item of Object.values(definition.paths)) {
      if (isJsonObject(item)) for (const m of HTTP_METHODS) if (isJsonObject(item[m])) operations++;
    }
  }
  const bodies = countBodySchemas(definition);
  return {
    size: { ...definitionSize(definition), limit: LIMITS.definitionBytes },
    operations: { count: operations, limit: LIMITS.operations },
    bodies,
    schemasPerBody: { max: bodies[0]?.count ?? 0, limit: LIMITS.schemasPerBody },
    unusedDefinitions: findUnusedDefinitions(definition),
  };
}

/** The limits that choosing operations fixes, measured cheaply (no schema counting). */
export interface OperationBudget {
  operations: number;
  /** UTF-8 bytes of the minified definition: what the platform's 1 MB limit counts. */
  minifiedBytes: number;
  /** Over 256 operations or over 1 MB minified. */
  over: boolean;
}

/**
 * Operation count and minified size against the platform limits. The size is counted minified because the
 * platform accepts published connectors over 1 MB pretty-printed that are under it minified (Encodian:
 * 1404 KB indented, 699 KB minified).
 */
export function measureOperationBudget(definition: SwaggerDocument): OperationBudget {
  let operations = 0;
  if (isJsonObject(definition.paths)) {
    for (const item of Object.values(definition.paths)) {
      if (isJsonObject(item)) for (const m of HTTP_METHODS) if (isJsonObject(item[m])) operations++;
    }
  }
  const minifiedBytes = definitionSize(definition).minified;
  return {
    operations,
    minifiedBytes,
    over: operations > LIMITS.operations || minifiedBytes > LIMITS.definitionBytes,
  };
}

/**
 * The definition-size meter as the platform counts it: the **minified** size against 1 MB (Encodian is
 * 1,079 KB indented, 699 KB minified, and published as it is), with the indented size beside it.
 */
export function definitionSizeMeter(size: Budget["size"]): { value: number; limit: number; text: string } {
  const kb = (n: number) => `${Math.round(n / 1024).toLocaleString("en")} KB`;
  const over = size.minified > size.limit;
  return {
    value: size.minified,
    limit: size.limit,
    text: `${kb(size.minified)} of ${kb(size.limit)} minified${over ? " — over the limit" : ""} (${kb(size.indented)} indented)`,
  };
}
