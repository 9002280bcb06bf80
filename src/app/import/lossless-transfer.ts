import { KEY_ORDER, RAW_NUMBERS } from "../../model/json-value";

/**
 * Structured clone (postMessage, IndexedDB) drops symbol-keyed properties, and the model keeps its
 * lossless side tables (source key order, raw number lexemes) under symbols. These helpers carry them
 * across a worker boundary: `packSideTables` lists them by path next to the value, `unpackSideTables`
 * puts them back after the clone.
 */
const SIDE_TABLES = [KEY_ORDER, RAW_NUMBERS] as const;
type SideTableIndex = 0 | 1;

/** One side table found in a value: where (path of keys/indexes from the root), which, and its content. */
export type SideTableEntry = [path: (string | number)[], table: SideTableIndex, content: unknown];

export interface PackedValue<T> {
  value: T;
  sideTables: SideTableEntry[];
}

/**
 * Lists the side tables of `value` so that they survive a structured clone. Does not change `value`. It
 * visits every object of the document (a few hundred thousand for a large connector), so it avoids
 * per-node allocations: only objects are visited and a path is copied only where a table is found.
 */
export function packSideTables<T>(value: T): PackedValue<T> {
  const sideTables: SideTableEntry[] = [];
  const path: (string | number)[] = [];
  const visit = (node: object): void => {
    const keyOrder = (node as Record<symbol, unknown>)[KEY_ORDER];
    if (keyOrder !== undefined) sideTables.push([path.slice(), 0, keyOrder]);
    const rawNumbers = (node as Record<symbol, unknown>)[RAW_NUMBERS];
    if (rawNumbers !== undefined) sideTables.push([path.slice(), 1, rawNumbers]);
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const child: unknown = node[i];
        if (typeof child !== "object" || child === null) continue;
        path.push(i);
        visit(child);
        path.pop();
      }
      return;
    }
    if (node instanceof Uint8Array) return;
    const record = node as Record<string, unknown>;
    for (const key in record) {
      const child = record[key];
      if (typeof child !== "object" || child === null || !Object.hasOwn(record, key)) continue;
      path.push(key);
      visit(child);
      path.pop();
    }
  };
  if (typeof value === "object" && value !== null) visit(value);
  return { value, sideTables };
}

/** Re-attaches the side tables listed by {@link packSideTables} to a cloned value (mutates the clone). */
export function unpackSideTables<T>(packed: PackedValue<T>): T {
  for (const [path, table, content] of packed.sideTables) {
    let node: unknown = packed.value;
    for (const key of path) {
      if (typeof node !== "object" || node === null) break;
      node = (node as Record<string | number, unknown>)[key];
    }
    if (typeof node !== "object" || node === null) continue;
    const symbol = SIDE_TABLES[table];
    Object.defineProperty(node, symbol, {
      value: content,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return packed.value;
}
