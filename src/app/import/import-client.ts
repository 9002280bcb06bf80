import type { ImportOutcome, InputFile } from "../../importers/import-types";
import type { ImportRequest, ImportResponse } from "./import-protocol";
import { unpackSideTables } from "./lossless-transfer";

/** The worker is stopped after this long without work, and started again on the next import. */
const IDLE_MS = 60_000;

let worker: Worker | null = null;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
let nextId = 1;
const pending = new Map<number, { resolve(outcome: ImportOutcome): void; reject(error: Error): void }>();

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
    if (data.ok) entry.resolve(unpackSideTables(data.outcome));
    else entry.reject(new Error(data.error));
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
 * Imports files in the import worker so that parsing a large connector never freezes the page. The bytes
 * are transferred (the caller must not use them afterwards).
 */
export function importInWorker(files: InputFile[]): Promise<ImportOutcome> {
  const id = nextId++;
  const target = getWorker();
  clearTimeout(idleTimer);
  return new Promise<ImportOutcome>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    const request: ImportRequest = { id, files };
    const transfer = files
      .map((f) => f.bytes.buffer)
      .filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
    target.postMessage(request, [...new Set(transfer)]);
  });
}
