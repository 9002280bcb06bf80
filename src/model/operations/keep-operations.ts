/**
 * Keeping a chosen part of a connector (the budget's "Choose operations to keep", the CLI's operation
 * filters, the import of an API over the platform's limits): operations go with the same node removal as
 * `deleteOperation`, then definitions no longer reached, and the removed operationIds leave the lists
 * in apiProperties.json ({@link removeOperationNames}).
 */
import { removeOperationNames } from "../api-properties";
import type { Command } from "../command";
import type { ConnectorDocument } from "../connector-document";
import { isJsonObject, type JsonObject } from "../json-value";
import { listOperations, type SwaggerDocument } from "../swagger-types";
import { operationPointer, removeOperationNode, type OperationLocation } from "./operations";

/** Names of definitions not reachable from paths, shared parameters or shared responses. */
export function findUnusedDefinitions(definition: SwaggerDocument): string[] {
  const defs = definition.definitions;
  if (!isJsonObject(defs)) return [];
  const names = Object.keys(defs);
  if (names.length === 0) return [];
  const used = new Set<string>();
  const queue: unknown[] = [];
  const collect = (node: unknown): void => {
    // Iterative walk: definitions can be deep.
    const stack: unknown[] = [node];
    while (stack.length > 0) {
      const n = stack.pop();
      if (Array.isArray(n)) stack.push(...n);
      else if (isJsonObject(n)) {
        for (const key of Object.keys(n)) {
          const v = n[key];
          if (key === "$ref" && typeof v === "string" && v.startsWith("#/definitions/")) {
            const name = v.slice("#/definitions/".length).replace(/~1/g, "/").replace(/~0/g, "~");
            if (!used.has(name)) {
              used.add(name);
              queue.push(defs[name]);
            }
          } else if (typeof v === "object" && v !== null) stack.push(v);
        }
      }
    }
  };
  for (const key of Object.keys(definition)) {
    if (key !== "definitions") collect(definition[key]);
  }
  while (queue.length > 0) collect(queue.pop());
  return names.filter((n) => !used.has(n));
}

/** Removes every definition no operation reaches (repeats until nothing more becomes unused). */
export function removeUnusedDefinitions(): Command {
  return {
    name: "budget:remove:unused-definitions",
    label: "Remove unused definitions",
    apply: (doc) => {
      let definition = doc.definition;
      for (;;) {
        const unused = findUnusedDefinitions(definition);
        if (unused.length === 0 || !isJsonObject(definition.definitions)) break;
        const defs = { ...definition.definitions };
        for (const name of unused) delete defs[name];
        definition = { ...definition, definitions: defs };
      }
      return definition === doc.definition ? doc : { ...doc, definition };
    },
  };
}

/**
 * Keeps only the operations whose operationId is in `keep` (paths left empty are removed), then drops the
 * definitions that became unused. Policies and custom code that named removed operations are trimmed too,
 * so the result has no dangling operation ids.
 */
export function keepOperations(keep: readonly string[]): Command {
  const keepSet = new Set(keep);
  return {
    name: "budget:keep:operations",
    label: `Keep ${keep.length} operation${keep.length === 1 ? "" : "s"}`,
    apply: (doc) =>
      keepOperationsWhere(
        doc,
        (op) => typeof op.operationId === "string" && keepSet.has(op.operationId),
        (name) => !keepSet.has(name),
      ),
  };
}

/**
 * Keeps only the operations at the given JSON pointers (`/paths/~1items/get`, as the Choose operations
 * picker lists them, so operations without an operationId can be kept too), with the same cleanup as
 * {@link keepOperations}: emptied paths and definitions no longer used go, and the operationIds of removed
 * operations leave policies and the custom code's list. One command, one undo step.
 */
export function keepOperationsAt(pointers: readonly string[]): Command {
  const keepSet = new Set(pointers);
  return {
    name: "budget:keep:operations",
    label: `Keep ${keepSet.size} operation${keepSet.size === 1 ? "" : "s"}`,
    apply: (doc) => {
      const removedIds = new Set<string>();
      const keptIds = new Set<string>();
      const result = keepOperationsWhere(
        doc,
        (op, pointer) => {
          const kept = keepSet.has(pointer);
          if (typeof op.operationId === "string") (kept ? keptIds : removedIds).add(op.operationId);
          return kept;
        },
        // An id that a kept operation still carries (a duplicate) stays named.
        (name) => removedIds.has(name) && !keptIds.has(name),
      );
      return result;
    },
  };
}

function keepOperationsWhere(
  doc: ConnectorDocument,
  keepOp: (op: JsonObject, pointer: string) => boolean,
  isRemovedName: (name: string) => boolean,
): ConnectorDocument {
  const removed: OperationLocation[] = [];
  for (const { path, method, operation } of listOperations(doc.definition))
    if (!keepOp(operation, operationPointer({ path, method }))) removed.push({ path, method });
  if (removed.length === 0) return doc;
  const definition = removed.reduce(removeOperationNode, doc.definition);
  const next = removeUnusedDefinitions().apply({ ...doc, definition });
  return { ...next, properties: removeOperationNames(next.properties, isRemovedName) };
}
