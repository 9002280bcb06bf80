import type { ConnectorDocument } from "../../model/connector-document";
import type { ImportReportEntry } from "../../model/import-report";
import { getAtPointer } from "../../model/json-pointer";
import { keepOperationsAt, measureOperationBudget } from "../../validation/budget";

/** Whether an imported connector is over the limits that choosing operations fixes (256, 1 MB minified). */
export function needsOperationChoice(doc: ConnectorDocument): boolean {
  return measureOperationBudget(doc.definition).over;
}

/**
 * Applies the operations chosen in **Choose operations** to an imported connector before it is created:
 * keeps those operations (with the cleanup of {@link keepOperationsAt}), drops the report entries that
 * point into what was removed, and adds a note saying how many were kept.
 */
export function applyOperationChoice(
  doc: ConnectorDocument,
  report: readonly ImportReportEntry[],
  keys: readonly string[],
): { doc: ConnectorDocument; report: ImportReportEntry[] } {
  const before = measureOperationBudget(doc.definition).operations;
  const next = keepOperationsAt(keys).apply(doc);
  const after = measureOperationBudget(next.definition).operations;
  const kept = report.filter(
    (entry) => entry.target === undefined || getAtPointer(next.definition, entry.target) !== undefined,
  );
  if (after < before)
    kept.unshift({
      kind: "note",
      source: "Choose operations",
      message: `Kept ${after} of ${before} operations; the other ${before - after} were not imported (the platform allows 256 operations and 1 MB).`,
    });
  return { doc: next, report: kept };
}
