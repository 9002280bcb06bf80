import type { Command } from "../command";
import type { ConnectorDocument } from "../connector-document";
import {
  deleteOperation,
  operationKey,
  planDeleteOperation,
  type OperationIdReference,
  type OperationLocation,
} from "./operations";

/** What deleting several operations at once changes besides them (the sum of {@link planDeleteOperation}). */
export interface DeleteOperationsImpact {
  /** Operations that exist and are deleted. */
  count: number;
  /** Titles of policies that stop listing some of them and keep other operations. */
  policiesTrimmed: string[];
  /** Titles of policies that applied only to deleted operations: removed with them. */
  policiesRemoved: string[];
  /** Custom code lists only deleted operations: its list is kept (empty would mean every operation). */
  scriptKept: boolean;
  /** References from operations that stay (or from the connector) to a deleted operation. */
  references: OperationIdReference[];
}

/**
 * Plans {@link deleteOperations}: applies the single deletes in order and sums their impacts. A policy is
 * "removed" when one of the deletes removes it, "trimmed" when it loses names but survives; references held
 * by operations that are deleted too are not listed (they go with their owner).
 */
export function planDeleteOperations(
  doc: ConnectorDocument,
  locations: readonly OperationLocation[],
): DeleteOperationsImpact {
  const deleted = new Set(locations.map(operationKey));
  const removed = new Set<string>();
  const trimmed = new Set<string>();
  const references: OperationIdReference[] = [];
  let scriptKept = false;
  let count = 0;
  let current = doc;
  for (const location of locations) {
    const impact = planDeleteOperation(current, location);
    if (!impact) continue;
    count++;
    for (const p of impact.policiesRemoved) removed.add(p.title);
    for (const p of impact.policiesTrimmed) trimmed.add(p.title);
    if (impact.script === "kept") scriptKept = true;
    references.push(...impact.references);
    current = deleteOperation(location).apply(current);
  }
  return {
    count,
    policiesRemoved: [...removed],
    policiesTrimmed: [...trimmed].filter((t) => !removed.has(t)),
    scriptKept,
    references: references.filter((r) => r.owner === null || !deleted.has(operationKey(r.owner))),
  };
}

/**
 * Deletes several operations as one undo step, each with exactly the cleanup of {@link deleteOperation}
 * (policies trimmed or removed, the custom code's list trimmed, references kept for validation to flag).
 */
export function deleteOperations(locations: readonly OperationLocation[]): Command {
  return {
    name: "definition:remove:operations",
    label: `Delete ${locations.length} operation${locations.length === 1 ? "" : "s"}`,
    apply: (doc) => locations.reduce((current, location) => deleteOperation(location).apply(current), doc),
  };
}
