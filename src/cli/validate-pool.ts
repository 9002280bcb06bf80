import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { validateOne, type ValidateOneOptions, type ValidateOneOutcome } from "./validate-one";
import {
  describeFailure,
  takeWork,
  type TakenResult,
  type ValidateReply,
  type ValidateWork,
} from "./validate-worker";
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

/**
 * Validates the inputs on `jobs` threads: this one and `jobs - 1` workers (inline alone when one job or one
 * input would do), and returns the outcomes in input order. Every thread takes the next input from a shared
 * counter and reads its files itself; only the outcomes cross to this thread.
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
  const work: ValidateWork = { inputs, options, next: new SharedArrayBuffer(4) };
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let done = 0;
      let failed = false;
      const fail = (error: Error) => {
        failed = true;
        reject(error);
      };
      const record = (result: TakenResult) => {
        if ("error" in result) {
          fail(new Error(`${inputs[result.index]}: ${describeFailure(result.error)}`));
          return;
        }
        outcomes[result.index] = result.outcome;
        if (++done === inputs.length) resolve();
      };
      for (let i = 1; i < threads; i++) {
        const worker = startWorker();
        workers.push(worker);
        worker.on("message", (reply: ValidateReply) => {
          if (reply.outcome === undefined)
            record({ index: reply.index, error: new Error(reply.error ?? "no result") });
          else record({ index: reply.index, outcome: JSON.parse(reply.outcome) as ValidateOneOutcome });
        });
        worker.on("error", fail);
        worker.on("exit", (code) => {
          if (done < inputs.length) fail(new Error(`a validate worker stopped (exit code ${code})`));
        });
        worker.postMessage(work);
      }
      // This thread takes inputs too (while the workers start up, it is the only one).
      takeWork(work, (result) => {
        if (!failed) record(result);
      }).catch(fail);
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return outcomes as ValidateOneOutcome[];
}
