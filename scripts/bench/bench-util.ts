/**
 * Helpers for `npm run bench` sections: medians, a timing loop that alternates the floor and the subjects
 * (so a shared machine's load hits them alike), ratio tables, corpus file listing, and heap measurement.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Milliseconds of one call. */
export function timeOnce(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/**
 * Times each function `runs` times after one warm-up call each, interleaving them round by round (floor,
 * subject 1, subject 2, floor, …), and returns the median per name in the order given.
 */
export function timeInterleaved(fns: Record<string, () => unknown>, runs: number): Record<string, number> {
  const names = Object.keys(fns);
  const samples = new Map<string, number[]>(names.map((n) => [n, []]));
  for (const name of names) (fns[name] as () => unknown)();
  for (let i = 0; i < runs; i++) {
    for (const name of names) samples.get(name)?.push(timeOnce(fns[name] as () => unknown));
  }
  const out: Record<string, number> = {};
  for (const name of names) out[name] = median(samples.get(name) ?? []);
  return out;
}

/**
 * Like {@link timeInterleaved}, but alternates per item: for each item, each function runs once on it, timed
 * alone, and a run's figure per function is the sum over the items. On a shared machine whose load changes
 * from second to second, this keeps the floor and the subjects under the same load far better than timing
 * whole passes. Returns the median per name of `runs` runs (after one warm-up pass).
 */
export function timeAlternating<T>(
  items: readonly T[],
  fns: Record<string, (item: T) => unknown>,
  runs: number,
): Record<string, number> {
  const names = Object.keys(fns);
  const samples = new Map<string, number[]>(names.map((n) => [n, []]));
  for (let r = -1; r < runs; r++) {
    const totals = new Map<string, number>(names.map((n) => [n, 0]));
    for (const item of items) {
      for (const name of names) {
        const fn = fns[name] as (item: T) => unknown;
        const start = performance.now();
        fn(item);
        totals.set(name, (totals.get(name) as number) + performance.now() - start);
      }
    }
    if (r >= 0) for (const name of names) samples.get(name)?.push(totals.get(name) as number);
  }
  const out: Record<string, number> = {};
  for (const name of names) out[name] = median(samples.get(name) ?? []);
  return out;
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "n/a";
  return ms < 10 ? `${ms.toFixed(2)} ms` : ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export function formatRatio(subject: number, floor: number): string {
  return floor > 0 && Number.isFinite(subject) ? `${(subject / floor).toFixed(2)}x` : "n/a";
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MiB`
    : `${(bytes / 1024).toFixed(0)} KiB`;
}

/** A plain-text table: the first row is the header; columns are padded to their widest cell. */
export function table(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  const out = rows.map(line);
  if (out.length > 1) out.splice(1, 0, widths.map((w) => "-".repeat(w)).join("  "));
  return out;
}

/** One connector folder of the corpus with its package files read (definition, apiProperties.json). */
export interface CorpusConnector {
  /** Path relative to `<corpus>/connectors`. */
  rel: string;
  /** Folder name (what a user drops). */
  name: string;
  files: { name: string; bytes: Uint8Array }[];
}

/** Every connector folder under `<corpus>/connectors` with its `*.swagger.json` and `apiProperties.json` bytes. */
export function readCorpusConnectors(corpusDir: string): CorpusConnector[] {
  const root = path.join(corpusDir, "connectors");
  const out: CorpusConnector[] = [];
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    const names = entries.filter((e) => e.isFile()).map((e) => e.name);
    const wanted = names.filter(
      (n) => /\.swagger\.json$/i.test(n) || n.toLowerCase() === "apiproperties.json",
    );
    if (wanted.some((n) => /\.swagger\.json$/i.test(n))) {
      out.push({
        rel: path.relative(root, dir),
        name: path.basename(dir),
        files: wanted.map((n) => ({ name: n, bytes: new Uint8Array(readFileSync(path.join(dir, n))) })),
      });
    }
    for (const e of entries) if (e.isDirectory()) walk(path.join(dir, e.name));
  };
  walk(root);
  return out;
}

/** Files under a folder whose names match, recursively, sorted. */
export function listFiles(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(full, pattern));
    else if (pattern.test(e.name)) out.push(full);
  }
  return out;
}

let gcFn: (() => void) | null = null;

/** Runs a full garbage collection (turning on --expose-gc at run time when needed). */
export function collectGarbage(): void {
  if (!gcFn) {
    const existing = (globalThis as { gc?: () => void }).gc;
    if (existing) gcFn = existing;
    else {
      setFlagsFromString("--expose-gc");
      gcFn = runInNewContext("gc") as () => void;
    }
  }
  gcFn();
  gcFn();
}

/** Heap bytes that `build()`'s result keeps alive (heap after a GC with it held, minus before). */
export function retainedHeap(build: () => unknown): number {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const holder: { kept: unknown } = { kept: build() };
  collectGarbage();
  const after = process.memoryUsage().heapUsed;
  holder.kept = null; // held until after the measurement
  return after - before;
}

/** Median of `runs` timed calls after one warm-up; floor and subject alternate so load hits both alike. */
export function timePair(
  floor: () => void,
  subject: () => void,
  runs: number,
): { floor: number; subject: number } {
  floor();
  subject();
  const f: number[] = [];
  const s: number[] = [];
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    floor();
    f.push(performance.now() - start);
    start = performance.now();
    subject();
    s.push(performance.now() - start);
  }
  return { floor: median(f), subject: median(s) };
}
