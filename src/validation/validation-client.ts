import type { ConnectorDocument } from "../model/connector-document";
import type { Diagnostic } from "../model/diagnostic";
import type { SwaggerDocument } from "../model/swagger-types";
import type { Budget } from "./budget";
import type { ValidationWorkerRequest, ValidationWorkerResponse } from "./validation-protocol";

/** The part of a Worker the client uses (so tests can pass a fake). */
export interface WorkerLike {
  postMessage(message: ValidationWorkerRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<ValidationWorkerResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** What the client asks the worker about one document. */
export type ValidationKind = "plain" | "certification" | "budget";

/** Computes a request on the page when the worker cannot (no Worker, it crashed, or it reported an error). */
export interface ValidationFallback {
  validate(doc: ConnectorDocument, certification: boolean): Promise<Diagnostic[]>;
  budget(doc: ConnectorDocument): Promise<Budget>;
}

export interface ValidationClientOptions {
  /** Creates the worker; defaults to the bundled validation worker. */
  createWorker?: () => WorkerLike;
  /** The worker is terminated after this long without requests (ms); results stay cached. */
  idleMs?: number;
  /**
   * Writes the definition's text for the worker (default `JSON.stringify`). The UI passes a cached compact
   * writer so that a keystroke in a 1 MB definition does not serialise all of it again.
   */
  writeDefinition?: (definition: SwaggerDocument) => string;
  /**
   * When the worker fails, compute on the page with this instead of rejecting; the result then carries
   * `failure` (the reason) so that the UI can say so.
   */
  fallback?: ValidationFallback;
  /** After this many worker failures in a row, stop starting workers and use the fallback (default 2). */
  maxWorkerFailures?: number;
}

/** A validation result. `failure` is set when the worker failed and the result was computed on the page. */
export interface ValidationResult {
  diagnostics: Diagnostic[];
  /** Time spent validating, in ms (in the worker, or on the page after a failure). */
  elapsed: number;
  failure: string | null;
}

export interface BudgetResult {
  budget: Budget;
  elapsed: number;
  failure: string | null;
}

/** A validation result, or `null` when a newer request on the same channel superseded this one. */
export type ValidationOutcome = ValidationResult | null;

export interface RequestOptions {
  /**
   * Requests on one channel supersede each other: an older request resolves `null` (its result is stale),
   * and when nobody else waits for it, it is not sent to the worker at all. Without a channel a request is
   * never superseded (the export gate).
   */
  channel?: string;
  /** Aborting rejects this request with the signal's reason and, when nobody else waits, drops it. */
  signal?: AbortSignal;
}

export interface ValidationClient {
  /**
   * Validates in the worker. One job per document version and mode: asking again about the same document
   * object (the model is immutable, so the object is the revision) shares the running job or its result.
   */
  validate(
    doc: ConnectorDocument,
    options?: RequestOptions & { certification?: boolean },
  ): Promise<ValidationOutcome>;
  /** The definition's budget, computed in the worker; shared and cached like {@link validate}. */
  budget(doc: ConnectorDocument, options?: RequestOptions): Promise<BudgetResult | null>;
  /** How many jobs were sent to the worker or computed on the page (for tests and the bench). */
  readonly stats: { posted: number; fallbacks: number; cancelled: number };
  /** Terminates the worker now, forgets every cached result, and drops every request (they resolve `null`). */
  dispose(): void;
}

type Payload = { kind: "validate"; result: ValidationResult } | { kind: "budget"; result: BudgetResult };

/** A settled job: the payload, `cancelled` (nobody waited any more), or an error. */
type Settled = { payload: Payload } | { cancelled: true } | { error: Error };

interface Job {
  doc: ConnectorDocument;
  kind: ValidationKind;
  /** Callers still waiting; a queued job nobody waits for is dropped. */
  waiters: number;
  state: "queued" | "posted" | "done";
  id: number;
  settled: Promise<Settled>;
  settle(value: Settled): void;
}

function defaultWorker(): WorkerLike {
  return new Worker(new URL("./validation.worker.ts", import.meta.url), {
    type: "module",
    name: "validation",
  }) as unknown as WorkerLike;
}

const abortError = (signal: AbortSignal): unknown =>
  signal.reason ?? new DOMException("The validation request was aborted.", "AbortError");

/**
 * A client of the validation worker, shared by the Validation panel, the Review checklist and the export
 * gate. One worker runs plain and certification-mode validation and the budget, one job at a time; jobs are
 * keyed by document object and kind, so the same question about the same revision is asked once and its
 * answer is reused. Superseded requests resolve `null` and are never sent when nobody else waits for them.
 * The definition is sent as text only when it changed; the worker is terminated when idle. When the worker
 * fails, the optional fallback computes on the page and the result says why.
 */
export function createValidationClient(options: ValidationClientOptions = {}): ValidationClient {
  const createWorker = options.createWorker ?? defaultWorker;
  const idleMs = options.idleMs ?? 60_000;
  const writeDefinition =
    options.writeDefinition ?? ((definition: SwaggerDocument) => JSON.stringify(definition));
  const fallback = options.fallback ?? null;
  const maxWorkerFailures = options.maxWorkerFailures ?? 2;

  let worker: WorkerLike | null = null;
  let sentDefinition: SwaggerDocument | null = null;
  let nextId = 1;
  let workerFailures = 0;
  let lastFailure: string | null = null;
  let cache = new WeakMap<ConnectorDocument, Partial<Record<ValidationKind, Job>>>();
  const queue: Job[] = [];
  let inFlight: Job | null = null;
  /** The newest request of each channel; a newer one supersedes it. */
  const latest = new Map<string, { token: object; supersede(): void }>();
  let idleTimer: ReturnType<typeof setTimeout> | null = null;
  const stats = { posted: 0, fallbacks: 0, cancelled: 0 };

  const stopIdleTimer = () => {
    if (idleTimer !== null) clearTimeout(idleTimer);
    idleTimer = null;
  };
  const terminateWorker = () => {
    stopIdleTimer();
    if (worker) {
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
    }
    worker = null;
    sentDefinition = null;
  };
  const armIdleTimer = () => {
    stopIdleTimer();
    if (inFlight === null && queue.length === 0 && worker) idleTimer = setTimeout(terminateWorker, idleMs);
  };

  const forget = (job: Job) => {
    const entry = cache.get(job.doc);
    if (entry?.[job.kind] === job) delete entry[job.kind];
  };

  const finish = (job: Job, value: Settled) => {
    if (job.state === "done") return;
    job.state = "done";
    // A failed or dropped job is not an answer: the next request asks again.
    if (!("payload" in value)) forget(job);
    job.settle(value);
  };

  const runFallback = async (job: Job, reason: string) => {
    if (!fallback) {
      finish(job, { error: new Error(reason) });
      return;
    }
    stats.fallbacks++;
    const started = performance.now();
    try {
      const payload: Payload =
        job.kind === "budget"
          ? {
              kind: "budget",
              result: { budget: await fallback.budget(job.doc), elapsed: 0, failure: reason },
            }
          : {
              kind: "validate",
              result: {
                diagnostics: await fallback.validate(job.doc, job.kind === "certification"),
                elapsed: 0,
                failure: reason,
              },
            };
      payload.result.elapsed = performance.now() - started;
      finish(job, { payload });
    } catch (error) {
      finish(job, { error: error instanceof Error ? error : new Error(String(error)) });
    }
  };

  /** The worker is gone: every job it had or would get is computed by the fallback (or fails). */
  const workerFailed = (reason: string) => {
    workerFailures++;
    lastFailure = reason;
    terminateWorker();
    const orphans = [...(inFlight ? [inFlight] : []), ...queue.splice(0)];
    inFlight = null;
    // With a fallback the queue is worked off on the page one job at a time, in order.
    void orphans.reduce<Promise<void>>(
      (previous, job) => previous.then(() => runFallback(job, reason)),
      Promise.resolve(),
    );
  };

  const onMessage = (event: MessageEvent<ValidationWorkerResponse>) => {
    const message = event.data;
    const job = inFlight;
    if (!job || message.id !== job.id) return;
    inFlight = null;
    if (message.type === "error") {
      // The worker is alive; this document made it throw. The page may still manage (or says why not).
      void runFallback(job, message.message);
    } else {
      workerFailures = 0;
      const payload: Payload =
        message.type === "budget"
          ? { kind: "budget", result: { budget: message.budget, elapsed: message.elapsed, failure: null } }
          : {
              kind: "validate",
              result: { diagnostics: message.diagnostics, elapsed: message.elapsed, failure: null },
            };
      finish(job, { payload });
    }
    pump();
  };

  const ensureWorker = (): WorkerLike => {
    if (worker) return worker;
    const w = createWorker();
    w.onmessage = onMessage;
    w.onerror = (event) => workerFailed(event.message || "The validation worker failed.");
    worker = w;
    return w;
  };

  /** Sends the next queued job when the worker is free (one at a time, so queued jobs can still be dropped). */
  function pump(): void {
    stopIdleTimer();
    while (inFlight === null && queue.length > 0) {
      const job = queue.shift()!;
      if (workerFailures >= maxWorkerFailures && fallback) {
        void runFallback(job, lastFailure ?? "The validation worker failed.");
        continue;
      }
      let w: WorkerLike;
      try {
        w = ensureWorker();
      } catch (error) {
        queue.unshift(job);
        workerFailed(error instanceof Error ? error.message : String(error));
        return;
      }
      const definition = job.doc.definition;
      const definitionText = definition === sentDefinition ? null : writeDefinition(definition);
      sentDefinition = definition;
      job.state = "posted";
      inFlight = job;
      stats.posted++;
      try {
        if (job.kind === "budget") w.postMessage({ type: "budget", id: job.id, definitionText });
        else
          w.postMessage({
            type: "validate",
            id: job.id,
            definitionText,
            properties: job.doc.properties,
            script: job.doc.script,
            icon: job.doc.icon,
            certification: job.kind === "certification",
          });
      } catch (error) {
        workerFailed(error instanceof Error ? error.message : String(error));
        return;
      }
    }
    armIdleTimer();
  }

  /** One caller stops waiting: a queued job nobody waits for any more is dropped. */
  const release = (job: Job) => {
    job.waiters--;
    if (job.waiters > 0 || job.state !== "queued") return;
    const index = queue.indexOf(job);
    if (index >= 0) queue.splice(index, 1);
    stats.cancelled++;
    finish(job, { cancelled: true });
    armIdleTimer();
  };

  const jobFor = (doc: ConnectorDocument, kind: ValidationKind): Job => {
    let entry = cache.get(doc);
    if (!entry) {
      entry = {};
      cache.set(doc, entry);
    }
    const existing = entry[kind];
    if (existing) return existing;
    let settle!: (value: Settled) => void;
    const settled = new Promise<Settled>((resolve) => (settle = resolve));
    const job: Job = {
      doc,
      kind,
      waiters: 0,
      state: "queued",
      id: nextId++,
      settled,
      settle,
    };
    entry[kind] = job;
    queue.push(job);
    return job;
  };

  function request(
    doc: ConnectorDocument,
    kind: ValidationKind,
    requestOptions: RequestOptions,
  ): Promise<Payload | null> {
    const { channel, signal } = requestOptions;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    const job = jobFor(doc, kind);
    job.waiters++;
    return new Promise<Payload | null>((resolve, reject) => {
      const token = {};
      let open = true;
      /** Ends this call once: the first of result, supersession and abort wins. */
      const close = (): boolean => {
        if (!open) return false;
        open = false;
        signal?.removeEventListener("abort", onAbort);
        if (channel !== undefined && latest.get(channel)?.token === token) latest.delete(channel);
        return true;
      };
      const onAbort = () => {
        if (!close()) return;
        release(job);
        reject(abortError(signal!));
      };
      const supersede = () => {
        if (!close()) return;
        release(job);
        resolve(null);
      };
      if (channel !== undefined) {
        const previous = latest.get(channel);
        latest.set(channel, { token, supersede });
        previous?.supersede();
      }
      signal?.addEventListener("abort", onAbort, { once: true });
      void job.settled.then((value) => {
        if (!close()) return;
        if ("error" in value) reject(value.error);
        else if ("cancelled" in value) resolve(null);
        else resolve(value.payload);
      });
      if (job.state === "queued") pump();
    });
  }

  return {
    async validate(doc, validateOptions = {}) {
      const kind = validateOptions.certification === true ? "certification" : "plain";
      const payload = await request(doc, kind, validateOptions);
      return payload?.kind === "validate" ? payload.result : null;
    },
    async budget(doc, budgetOptions = {}) {
      const payload = await request(doc, "budget", budgetOptions);
      return payload?.kind === "budget" ? payload.result : null;
    },
    stats,
    dispose() {
      terminateWorker();
      const dropped = [...(inFlight ? [inFlight] : []), ...queue.splice(0)];
      inFlight = null;
      for (const job of dropped) finish(job, { cancelled: true });
      for (const call of [...latest.values()]) call.supersede();
      latest.clear();
      cache = new WeakMap();
      workerFailures = 0;
      lastFailure = null;
    },
  };
}
