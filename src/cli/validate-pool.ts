import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { validateOne, type ValidateOneOptions, type ValidateOneOutcome } from "./validate-one";
import type { ValidateJob } from "./validate-worker";
import { VALIDATE_WORKER_MARK } from "./worker-mark";

/** True when the CLI runs from the bundle (not the TypeScript source, where each thread compiles it anew). */
export function runsFromBundle(): boolean {
  return !new URL(import.meta.url).pathname.endsWith(".ts");
}

/**
 * Starts one validate worker. From the bundle: the bundle itself (its main module serves validate jobs when
 * started as a validate worker). From the TypeScript source: a small script that registers tsx's loader in the
 * thread, then loads validate-worker-entry.ts.
 */
function startWorker(): Worker {
  const here = new URL(import.meta.url);
  if (runsFromBundle()) return new Worker(here, { workerData: VALIDATE_WORKER_MARK });
  // require.resolve gives the CommonJS build of tsx/esm/api; the thread imports its ES module twin.
  const tsxApiFile = createRequire(import.meta.url)
    .resolve("tsx/esm/api")
    .replace(/\.cjs$/, ".mjs");
  const tsxApi = pathToFileURL(tsxApiFile).href;
  const entry = new URL("./validate-worker-entry.ts", here).href;
  const script = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(script, { eval: true, workerData: VALIDATE_WORKER_MARK });
}

/** Jobs each worker holds at a time. */
const JOBS_IN_FLIGHT = 2;

/**
 * Validates the inputs on up to `jobs` worker threads (inline when one job or one input would do) and returns
 * the outcomes in input order.
 */
export async function validateAll(
  inputs: readonly string[],
  options: ValidateOneOptions,
  jobs: number,
): Promise<ValidateOneOutcome[]> {
  const threads = Math.min(jobs, inputs.length);
  if (threads <= 1) {
    const outcomes: ValidateOneOutcome[] = [];
    for (const input of inputs) outcomes.push(await validateOne(input, options));
    return outcomes;
  }
  const outcomes: (ValidateOneOutcome | undefined)[] = new Array(inputs.length);
  let next = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let done = 0;
      const feed = (worker: Worker) => {
        if (next >= inputs.length) return;
        const job: ValidateJob = { index: next, input: inputs[next] as string, options };
        next++;
        worker.postMessage(job);
      };
      for (let i = 0; i < threads; i++) {
        const worker = startWorker();
        workers.push(worker);
        worker.on("message", (reply: { index: number; outcome?: string; error?: string }) => {
          if (reply.error !== undefined || reply.outcome === undefined) {
            reject(new Error(`${inputs[reply.index]}: ${reply.error ?? "no result"}`));
            return;
          }
          outcomes[reply.index] = JSON.parse(reply.outcome) as ValidateOneOutcome;
          if (++done === inputs.length) resolve();
          else feed(worker);
        });
        worker.on("error", reject);
        worker.on("exit", (code) => {
          if (done < inputs.length) reject(new Error(`a validate worker stopped (exit code ${code})`));
        });
        // Two jobs in flight per worker: it starts the next one while its last reply crosses to this thread.
        for (let k = 0; k < JOBS_IN_FLIGHT; k++) feed(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return outcomes as ValidateOneOutcome[];
}
