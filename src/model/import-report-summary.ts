import type { ImportReportEntry } from "./import-report";
import { parsePointer } from "./json-pointer";
import { isJsonObject } from "./json-value";
import { HTTP_METHODS, type SwaggerDocument } from "./swagger-types";

type Kind = ImportReportEntry["kind"];

const KIND_ORDER: readonly Kind[] = ["dropped", "approximated", "fixed", "kept-as-extension", "note"];
const KIND_WORDS: Record<Kind, [string, string]> = {
  approximated: ["approximated", "approximated"],
  dropped: ["dropped", "dropped"],
  fixed: ["fixed", "fixed"],
  "kept-as-extension": ["kept as extension", "kept as extensions"],
  note: ["note", "notes"],
};

/**
 * The one-line summary of an import: "951 requests → 20 operations; 12 approximated, 3 dropped" (the input
 * part only when the importer counted its items).
 */
export function reportHeadline(
  entries: readonly ImportReportEntry[],
  operations: number,
  input?: { count: number; noun: string } | null,
): string {
  const counts = new Map<Kind, number>();
  for (const e of entries) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  const parts = KIND_ORDER.filter((k) => counts.has(k))
    // Approximated first, as the headline reads best: "12 approximated, 3 dropped".
    .sort((a, b) => (a === "approximated" ? -1 : b === "approximated" ? 1 : 0))
    .map((k) => {
      const n = counts.get(k) ?? 0;
      return `${n} ${KIND_WORDS[k][n === 1 ? 0 : 1]}`;
    });
  const ops = `${operations} operation${operations === 1 ? "" : "s"}`;
  const head = input ? `${input.count} ${input.noun} → ${ops}` : ops;
  return parts.length > 0 ? `${head}; ${parts.join(", ")}` : `${head}; everything carried over exactly`;
}

/** The operation a JSON pointer of the definition is in, by its operationId (else `METHOD /path`). */
export function operationNameAt(definition: SwaggerDocument, pointer: string): string | null {
  let segments: string[];
  try {
    segments = parsePointer(pointer);
  } catch {
    return null;
  }
  if (segments[0] !== "paths" || segments[1] === undefined) return null;
  const method = segments[2];
  if (method === undefined || !(HTTP_METHODS as readonly string[]).includes(method)) return null;
  const operation = definition.paths?.[segments[1]]?.[method];
  if (!isJsonObject(operation)) return null;
  return typeof operation.operationId === "string" && operation.operationId !== ""
    ? operation.operationId
    : `${method.toUpperCase()} ${segments[1]}`;
}

/** Where an entry landed, for people: the operation's name and the rest of the place, or the pointer. */
export function describeTarget(definition: SwaggerDocument, pointer: string): string {
  const name = operationNameAt(definition, pointer);
  if (!name) return pointer === "" ? "the connector" : pointer;
  const rest = parsePointer(pointer).slice(3);
  return rest.length > 0 ? `${name} › ${rest.join(" › ")}` : name;
}

/** Near-identical entries (same kind, same message once names, quotes and numbers are set aside). */
export interface ReportCluster {
  key: string;
  kind: Kind;
  /** The message of the first entry; with others, they differ only in names or numbers. */
  message: string;
  entries: ImportReportEntry[];
  /** Operations the entries landed in (distinct, in order). */
  operations: string[];
}

export interface ReportKindGroup {
  kind: Kind;
  count: number;
  clusters: ReportCluster[];
}

function messageShape(message: string): string {
  return message
    .replace(/"[^"]*"|“[^”]*”|'[^']*'|`[^`]*`/g, "‹›")
    .replace(/\{[^}]*\}/g, "‹›")
    .replace(/\d+(\.\d+)?/g, "#");
}

/**
 * Groups the report for reading: by kind (dropped first), then near-identical entries as one line each (in
 * order of first appearance), each with the operations it touched, so that 900 "body approximated" entries
 * read as one expandable line.
 */
export function groupReport(
  entries: readonly ImportReportEntry[],
  definition: SwaggerDocument,
): ReportKindGroup[] {
  const byKind = new Map<Kind, Map<string, ReportCluster>>();
  for (const entry of entries) {
    let clusters = byKind.get(entry.kind);
    if (!clusters) byKind.set(entry.kind, (clusters = new Map()));
    const key = `${entry.kind}:${messageShape(entry.message)}`;
    let cluster = clusters.get(key);
    if (!cluster) {
      cluster = { key, kind: entry.kind, message: entry.message, entries: [], operations: [] };
      clusters.set(key, cluster);
    }
    cluster.entries.push(entry);
    const name = entry.target !== undefined ? operationNameAt(definition, entry.target) : null;
    if (name && !cluster.operations.includes(name)) cluster.operations.push(name);
  }
  return KIND_ORDER.filter((k) => byKind.has(k)).map((kind) => {
    const clusters = [...(byKind.get(kind)?.values() ?? [])];
    return { kind, count: clusters.reduce((n, c) => n + c.entries.length, 0), clusters };
  });
}
