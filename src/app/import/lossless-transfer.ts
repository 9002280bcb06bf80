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

/** Lists the side tables of `value` so that they survive a structured clone. Does not change `value`. */
export function packSideTables<T>(value: T): PackedValue<T> {
  const sideTables: SideTableEntry[] = [];
  const path: (string | number)[] = [];
  const visit = (node: unknown): void => {
    if (typeof node !== "object" || node === null) return;
    const record = node as Record<symbol, unknown>;
    SIDE_TABLES.forEach((symbol, index) => {
      const content = record[symbol];
      if (content !== undefined) sideTables.push([[...path], index as SideTableIndex, content]);
    });
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        visit(node[i]);
        path.pop();
      }
      return;
    }
    if (node instanceof Uint8Array) return;
    for (const key of Object.keys(node)) {
      path.push(key);
      visit((node as Record<string, unknown>)[key]);
      path.pop();
    }
  };
  visit(value);
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
