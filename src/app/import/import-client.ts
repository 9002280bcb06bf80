import type { ImportOutcome } from "../../importers/import-types";
import type { ImportRequest, ImportResponse, ImportSource, ImportTiming } from "./import-protocol";
import { unpackSideTables } from "./lossless-transfer";

/** The worker is stopped after this long without work, and started again on the next import. */
const IDLE_MS = 60_000;

let worker: Worker | null = null;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
let nextId = 1;
const pending = new Map<
  number,
  { posted: number; resolve(outcome: ImportOutcome): void; reject(error: Error): void }
>();

function failAll(message: string): void {
  for (const { reject } of pending.values()) reject(new Error(message));
  pending.clear();
}

function getWorker(): Worker {
  if (worker) return worker;
  const created = new Worker(new URL("./import.worker.ts", import.meta.url), { type: "module" });
  created.onmessage = (event: MessageEvent<ImportResponse>) => {
    const data = event.data;
    const entry = pending.get(data.id);
    if (!entry) return;
    pending.delete(data.id);
    if (data.ok) {
      const received = performance.now();
      entry.resolve(unpackSideTables(data.outcome));
      recordTiming(entry.posted, data.timing, received);
    } else entry.reject(new Error(data.error));
    scheduleIdleStop();
  };
  created.onerror = (event) => {
    event.preventDefault();
    failAll(`The importer stopped unexpectedly${event.message ? `: ${event.message}` : ""}.`);
    created.terminate();
    if (worker === created) worker = null;
  };
  worker = created;
  return created;
}

/**
 * User timings of the last import on the main thread's clock, for the browser bench: the request's way to
 * the worker (worker start-up included when it was not running), the worker's import,
 * its packing, the message's way back (clone, queueing) and the unpacking here.
 */
function recordTiming(posted: number, timing: ImportTiming, received: number): void {
  const at = (epoch: number) => epoch - performance.timeOrigin;
  try {
    performance.measure("cs:import:to-worker", { start: posted, end: at(timing.started) });
    performance.measure("cs:import:worker-import", { start: at(timing.started), end: at(timing.imported) });
    performance.measure("cs:import:worker-pack", { start: at(timing.imported), end: at(timing.packed) });
    performance.measure("cs:import:to-main", { start: at(timing.packed), end: received });
    performance.measure("cs:import:unpack", { start: received });
  } catch {
    // a clock that went backwards across threads: no timings rather than an error
  }
}

function scheduleIdleStop(): void {
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (pending.size === 0 && worker) {
      worker.terminate();
      worker = null;
    }
  }, IDLE_MS);
}

/** Starts the import worker ahead of use (e.g. when a drag enters the window) to save its start-up time. */
export function warmUpImporter(): void {
  getWorker();
  scheduleIdleStop();
}

/**
 * Imports files in the import worker so that parsing a large connector never freezes the page. Bytes are
 * transferred (the caller must not use them afterwards); blobs are read by the worker.
 */
export function importInWorker(files: ImportSource[]): Promise<ImportOutcome> {
  const id = nextId++;
  const target = getWorker();
  clearTimeout(idleTimer);
  return new Promise<ImportOutcome>((resolve, reject) => {
    pending.set(id, { posted: performance.now(), resolve, reject });
    const request: ImportRequest = { id, files };
    const transfer = files
      .map((f) => ("bytes" in f ? f.bytes.buffer : null))
      .filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
    target.postMessage(request, [...new Set(transfer)]);
  });
}
