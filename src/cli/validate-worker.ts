import { parentPort, workerData } from "node:worker_threads";
import { validateOne, type ValidateOneOptions } from "./validate-one";
import { VALIDATE_WORKER_MARK } from "./worker-mark";

export interface ValidateJob {
  index: number;
  input: string;
  options: ValidateOneOptions;
}

/** True in a thread started by the validate pool. */
export function isValidateWorker(): boolean {
  return parentPort !== null && workerData === VALIDATE_WORKER_MARK;
}

/** Serves validate jobs on this worker thread until the pool closes it. */
export function serveValidateWorker(): void {
  const port = parentPort;
  if (!port) throw new Error("serveValidateWorker runs only on a worker thread");
  port.on("message", (job: ValidateJob) => {
    validateOne(job.input, job.options).then(
      // As JSON text: one string crosses the threads faster than a structured clone of many small objects.
      (outcome) => port.postMessage({ index: job.index, outcome: JSON.stringify(outcome) }),
      (error: unknown) =>
        port.postMessage({
          index: job.index,
          error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        }),
    );
  });
}
