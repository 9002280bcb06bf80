import type { ConnectorDocument } from "../model/connector-document";
import type { Diagnostic } from "../model/diagnostic";
import type { SwaggerDocument } from "../model/swagger-types";
import type { ValidationWorkerRequest, ValidationWorkerResponse } from "./validation-protocol";

/** The part of a Worker the client uses (so tests can pass a fake). */
export interface WorkerLike {
  postMessage(message: ValidationWorkerRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<ValidationWorkerResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface ValidationClientOptions {
  /** Creates the worker; defaults to the bundled validation worker. */
  createWorker?: () => WorkerLike;
  /** The worker is terminated after this long without requests (ms). */
  idleMs?: number;
  /**
   * Writes the definition's text for the worker (default `JSON.stringify`). The UI passes a cached compact
   * writer so that a keystroke in a 1 MB definition does not serialise all of it again.
   */
  writeDefinition?: (definition: SwaggerDocument) => string;
}

/** A validation result, or `null` when a newer request superseded this one (a stale result is dropped). */
export type ValidationOutcome = { diagnostics: Diagnostic[]; elapsed: number } | null;

export interface ValidationClient {
  /** Validates in the worker. Resolves `null` when a newer request was made before this one finished. */
  validate(doc: ConnectorDocument, options?: { certification?: boolean }): Promise<ValidationOutcome>;
  /** Terminates the worker now (it is recreated on the next request). */
  dispose(): void;
}

function defaultWorker(): WorkerLike {
  return new Worker(new URL("./validation.worker.ts", import.meta.url), {
    type: "module",
    name: "validation",
  }) as unknown as WorkerLike;
}

/**
 * A client of the validation worker: request ids, tagged messages, stale results dropped (only the newest
 * request resolves with diagnostics), idle termination, and the definition sent as text only when it changed.
 */
export function createValidationClient(options: ValidationClientOptions = {}): ValidationClient {
  const createWorker = options.createWorker ?? defaultWorker;
  const idleMs = options.idleMs ?? 60_000;
  const writeDefinition =
    options.writeDefinition ?? ((definition: SwaggerDocument) => JSON.stringify(definition));
  let worker: WorkerLike | null = null;
  let sentDefinition: SwaggerDocument | null = null;
  let nextId = 1;
  let latestId = 0;
  const pending = new Map<number, (outcome: ValidationOutcome, error?: Error) => void>();
  let idleTimer: ReturnType<typeof setTimeout> | null = null;

  const stopIdleTimer = () => {
    if (idleTimer !== null) clearTimeout(idleTimer);
    idleTimer = null;
  };
  const dispose = () => {
    stopIdleTimer();
    worker?.terminate();
    worker = null;
    sentDefinition = null;
    for (const [, settle] of pending) settle(null);
    pending.clear();
  };
  const armIdleTimer = () => {
    stopIdleTimer();
    if (pending.size === 0) idleTimer = setTimeout(dispose, idleMs);
  };

  const ensureWorker = (): WorkerLike => {
    if (worker) return worker;
    const w = createWorker();
    w.onmessage = (event) => {
      const message = event.data;
      const settle = pending.get(message.id);
      if (!settle) return;
      pending.delete(message.id);
      if (message.type === "error") settle(null, new Error(message.message));
      // A result for an older request than the newest one is stale: drop it.
      else
        settle(
          message.id === latestId ? { diagnostics: message.diagnostics, elapsed: message.elapsed } : null,
        );
      armIdleTimer();
    };
    w.onerror = (event) => {
      const error = new Error(event.message || "The validation worker failed.");
      for (const [, settle] of pending) settle(null, error);
      pending.clear();
      worker?.terminate();
      worker = null;
      sentDefinition = null;
    };
    worker = w;
    return w;
  };

  return {
    validate(doc, validateOptions = {}) {
      stopIdleTimer();
      const w = ensureWorker();
      const id = nextId++;
      latestId = id;
      // Older requests still running will resolve null when they arrive; resolve nothing early so the
      // worker's one-at-a-time order is kept.
      const definitionText = doc.definition === sentDefinition ? null : writeDefinition(doc.definition);
      sentDefinition = doc.definition;
      return new Promise<ValidationOutcome>((resolve, reject) => {
        pending.set(id, (outcome, error) => (error ? reject(error) : resolve(outcome)));
        w.postMessage({
          type: "validate",
          id,
          definitionText,
          properties: doc.properties,
          script: doc.script,
          icon: doc.icon,
          certification: validateOptions.certification === true,
        });
      });
    },
    dispose,
  };
}
