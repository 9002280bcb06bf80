import { parentPort, workerData } from "node:worker_threads";
import { validateOne, type ValidateOneOptions, type ValidateOneOutcome } from "./validate-one";
import { VALIDATE_WORKER_MARK } from "./worker-mark";

/** What the pool sends a worker once: every input, and the shared counter that hands out the next one. */
export interface ValidateWork {
  inputs: readonly string[];
  options: ValidateOneOptions;
  /** One Int32 on a SharedArrayBuffer: the index of the next input nobody has taken yet. */
  next: SharedArrayBuffer;
}

/** A worker's reply: one input's outcome (as JSON text), or why it failed. */
export interface ValidateReply {
  index: number;
  outcome?: string;
  error?: string;
}

/** True in a thread started by the validate pool. */
export function isValidateWorker(): boolean {
  return parentPort !== null && workerData === VALIDATE_WORKER_MARK;
}

/** What one input gave: its outcome, or the error that stopped it (the taker stops there). */
export type TakenResult = { index: number; outcome: ValidateOneOutcome } | { index: number; error: unknown };

/**
 * Takes the next input from the shared counter until none is left (or one fails). Threads take work without
 * asking the main thread, so a busy machine's slow wake-ups of that thread never leave a worker waiting.
 */
export async function takeWork(work: ValidateWork, done: (result: TakenResult) => void): Promise<void> {
  const next = new Int32Array(work.next);
  for (;;) {
    const index = Atomics.add(next, 0, 1);
    const input = work.inputs[index];
    if (input === undefined) return;
    try {
      done({ index, outcome: await validateOne(input, work.options) });
    } catch (error) {
      done({ index, error });
      return;
    }
  }
}

/** Why an input failed, as one line. */
export function describeFailure(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Serves the pool's work on this worker thread: one message in, one reply per input it took. */
export function serveValidateWorker(): void {
  const port = parentPort;
  if (!port) throw new Error("serveValidateWorker runs only on a worker thread");
  port.once("message", (work: ValidateWork) => {
    void takeWork(work, (result) => {
      // As JSON text: one string crosses the threads faster than a structured clone of many small objects.
      const reply: ValidateReply =
        "outcome" in result
          ? { index: result.index, outcome: JSON.stringify(result.outcome) }
          : { index: result.index, error: describeFailure(result.error) };
      port.postMessage(reply);
    });
  });
}
