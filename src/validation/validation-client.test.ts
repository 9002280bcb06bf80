import { afterEach, describe, expect, it, vi } from "vitest";
import type { ConnectorDocument } from "../model/connector-document";
import type { SwaggerDocument } from "../model/swagger-types";
import { validConnector, withDefinition } from "./__fixtures__/connector-fixture";
import { computeBudget } from "./budget";
import { validateConnectorSync } from "./validate-connector";
import { createValidationClient, type ValidationFallback, type WorkerLike } from "./validation-client";
import type { ValidationWorkerRequest, ValidationWorkerResponse } from "./validation-protocol";

/**
 * A fake worker doing what validation.worker.ts does, answering on a later task; with `held` it keeps its
 * answers until `release()` so that tests can ask again while a job runs.
 */
class FakeWorker implements WorkerLike {
  static instances: FakeWorker[] = [];
  onmessage: ((event: MessageEvent<ValidationWorkerResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  received: ValidationWorkerRequest[] = [];
  held: ValidationWorkerResponse[] | null = null;
  private definition: SwaggerDocument | null = null;
  constructor(options: { hold?: boolean } = {}) {
    if (options.hold) this.held = [];
    FakeWorker.instances.push(this);
  }
  postMessage(request: ValidationWorkerRequest): void {
    this.received.push(request);
    if (request.definitionText !== null)
      this.definition = JSON.parse(request.definitionText) as SwaggerDocument;
    const definition = this.definition!;
    const response: ValidationWorkerResponse =
      request.type === "budget"
        ? {
            type: "budget",
            id: request.id,
            budget: computeBudget({ definition, properties: {}, icon: null, script: null, settings: null }),
            elapsed: 1,
          }
        : {
            type: "result",
            id: request.id,
            diagnostics: validateConnectorSync(
              {
                definition,
                properties: request.properties,
                icon: request.icon,
                script: request.script,
                settings: null,
              },
              { certification: request.certification },
            ),
            elapsed: 1,
          };
    if (this.held) this.held.push(response);
    else setTimeout(() => this.answer(response), 0);
  }
  /** Answers the held requests, in order, each on its own task. */
  async release(): Promise<void> {
    const held = this.held ?? [];
    this.held = null;
    for (const response of held) {
      this.answer(response);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
  answer(response: ValidationWorkerResponse): void {
    if (!this.terminated) this.onmessage?.({ data: response } as MessageEvent<ValidationWorkerResponse>);
  }
  terminate(): void {
    this.terminated = true;
  }
  validations(): number {
    return this.received.filter((r) => r.type === "validate").length;
  }
}

/** Validates on the page, as the shared client does when the worker fails. */
const pageFallback: ValidationFallback = {
  validate: (doc, certification) => Promise.resolve(validateConnectorSync(doc, { certification })),
  budget: (doc) => Promise.resolve(computeBudget(doc)),
};

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  FakeWorker.instances = [];
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe("validation client", () => {
  it("returns diagnostics and sends the definition only when it changed", async () => {
    const client = createValidationClient({ createWorker: () => new FakeWorker() });
    const doc = withDefinition("/paths/~1lists~1{listId}~1tasks/get/parameters/0/required", false);
    const first = await client.validate(doc);
    expect(first?.diagnostics.map((d) => d.ruleId)).toContain("PathParameterMustBeRequired");
    expect(first?.failure).toBeNull();
    await client.validate({ ...doc, script: "changed" });
    const worker = FakeWorker.instances[0]!;
    expect(worker.received[0]?.definitionText).not.toBeNull();
    expect(worker.received[1]?.definitionText).toBeNull();
    client.dispose();
  });

  it("runs plain and certification mode in the one worker, each with its own severities", async () => {
    const client = createValidationClient({ createWorker: () => new FakeWorker() });
    const doc = withDefinition("/info/title", "Contoso API");
    const [plain, certification] = await Promise.all([
      client.validate(doc),
      client.validate(doc, { certification: true }),
    ]);
    expect(FakeWorker.instances).toHaveLength(1);
    expect(plain?.diagnostics).toEqual(validateConnectorSync(doc));
    expect(certification?.diagnostics).toEqual(validateConnectorSync(doc, { certification: true }));
    expect(certification?.diagnostics.map((d) => d.ruleId)).toContain("ValueContainsRestrictedWords");
    const worker = FakeWorker.instances[0]!;
    expect(worker.received.map((r) => r.type === "validate" && r.certification)).toEqual([false, true]);
    // The certification job reuses the definition the plain one sent.
    expect(worker.received[1]?.definitionText).toBeNull();
    client.dispose();
  });

  it("drops stale results: on one channel only the newest request resolves, and queued ones are never sent", async () => {
    const worker = new FakeWorker({ hold: true });
    const client = createValidationClient({ createWorker: () => worker });
    const first = client.validate(withDefinition("/host", "bad host"), { channel: "panel" });
    const second = client.validate(withDefinition("/host", "other bad host"), { channel: "panel" });
    const newest = client.validate(validConnector(), { channel: "panel" });
    // The first was posted before it was superseded; the second never left the queue.
    expect(await first).toBeNull();
    expect(await second).toBeNull();
    expect(worker.validations()).toBe(1);
    await worker.release();
    await tick();
    await worker.release();
    expect((await newest)?.diagnostics).toEqual([]);
    expect(worker.validations()).toBe(2);
    expect(client.stats.cancelled).toBe(1);
    client.dispose();
  });

  it("validates one revision once per mode when the panel, the checklist and the export gate ask", async () => {
    const worker = new FakeWorker({ hold: true });
    const client = createValidationClient({ createWorker: () => worker });
    const doc = validConnector();
    const panel = client.validate(doc, { channel: "panel" });
    const checklistPlain = client.validate(doc, { channel: "review:plain" });
    const checklistCertification = client.validate(doc, { certification: true, channel: "review:cert" });
    await worker.release();
    await tick();
    await worker.release();
    const [a, b, c] = await Promise.all([panel, checklistPlain, checklistCertification]);
    expect(a).not.toBeNull();
    expect(b).toBe(a);
    expect(c?.diagnostics).toEqual(validateConnectorSync(doc, { certification: true }));
    // Later requests about the same revision are answered from the cache.
    const gate = await client.validate(doc);
    expect(gate).toBe(a);
    expect(worker.validations()).toBe(2);
    // A new revision (a new document object) is validated again.
    await Promise.all([client.validate({ ...doc, script: "x" }), worker.release()]);
    expect(worker.validations()).toBe(3);
    client.dispose();
  });

  it("keeps a superseded job that another caller still waits for", async () => {
    const worker = new FakeWorker({ hold: true });
    const client = createValidationClient({ createWorker: () => worker });
    const busy = validConnector();
    const doc = withDefinition("/host", "bad host");
    void client.validate(busy, { channel: "other" });
    const panel = client.validate(doc, { channel: "panel" });
    const gate = client.validate(doc);
    // The panel moves on; the gate still needs the old revision's result.
    const panelNext = client.validate(validConnector(), { channel: "panel" });
    expect(await panel).toBeNull();
    await worker.release();
    await tick();
    await worker.release();
    await tick();
    await worker.release();
    expect((await gate)?.diagnostics.map((d) => d.ruleId)).toContain("HostNameNotValid");
    expect((await panelNext)?.diagnostics).toEqual([]);
    client.dispose();
  });

  it("an aborted request rejects and its queued job is dropped", async () => {
    const worker = new FakeWorker({ hold: true });
    const client = createValidationClient({ createWorker: () => worker });
    void client.validate(validConnector());
    const abort = new AbortController();
    const aborted = client.validate(withDefinition("/host", "bad host"), { signal: abort.signal });
    abort.abort();
    await expect(aborted).rejects.toMatchObject({ name: "AbortError" });
    await worker.release();
    expect(worker.validations()).toBe(1);
    await expect(client.validate(validConnector(), { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: "AbortError",
    });
    client.dispose();
  });

  it("computes the budget in the worker, shared and cached like validation", async () => {
    const client = createValidationClient({ createWorker: () => new FakeWorker() });
    const doc = validConnector();
    const [a, b] = await Promise.all([client.budget(doc), client.budget(doc, { channel: "review" })]);
    expect(a?.budget).toEqual(computeBudget(doc));
    expect(b).toBe(a);
    expect(FakeWorker.instances[0]?.received.filter((r) => r.type === "budget")).toHaveLength(1);
    client.dispose();
  });

  it("terminates the worker when idle, keeps the cache, and starts a new one on the next request", async () => {
    vi.useFakeTimers();
    const client = createValidationClient({ createWorker: () => new FakeWorker(), idleMs: 1000 });
    const doc = validConnector();
    const result = client.validate(doc);
    await vi.advanceTimersByTimeAsync(1);
    expect(await result).not.toBeNull();
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeWorker.instances[0]?.terminated).toBe(true);
    // The same revision is still known…
    expect(await client.validate(doc)).not.toBeNull();
    expect(FakeWorker.instances).toHaveLength(1);
    // …and a new one starts a new worker, which gets the definition again.
    const again = client.validate({ ...doc, script: "x" });
    await vi.advanceTimersByTimeAsync(1);
    expect(await again).not.toBeNull();
    expect(FakeWorker.instances).toHaveLength(2);
    expect(FakeWorker.instances[1]?.received[0]?.definitionText).not.toBeNull();
    client.dispose();
  });

  it("rejects when the worker fails and there is no fallback; the next request asks again", async () => {
    let worker: FakeWorker | null = null;
    const client = createValidationClient({
      createWorker: () => {
        worker = new FakeWorker({ hold: true });
        return worker;
      },
    });
    const doc = validConnector();
    const result = client.validate(doc);
    (worker as unknown as FakeWorker).onerror?.({ message: "boom" } as ErrorEvent);
    await expect(result).rejects.toThrow("boom");
    const retry = client.validate(doc);
    await (worker as unknown as FakeWorker).release();
    expect(await retry).not.toBeNull();
    expect(FakeWorker.instances).toHaveLength(2);
    client.dispose();
  });

  it("falls back to the page with the reason when the worker crashes, then stops starting workers", async () => {
    const client = createValidationClient({
      createWorker: () => {
        const worker = new FakeWorker({ hold: true });
        worker.postMessage = () =>
          queueMicrotask(() => worker.onerror?.({ message: "out of memory" } as ErrorEvent));
        return worker;
      },
      fallback: pageFallback,
    });
    const doc = withDefinition("/host", "bad host");
    const [plain, certification] = await Promise.all([
      client.validate(doc, { channel: "panel" }),
      client.validate(doc, { certification: true, channel: "review" }),
    ]);
    expect(plain?.failure).toBe("out of memory");
    expect(plain?.diagnostics).toEqual(validateConnectorSync(doc));
    expect(certification?.diagnostics).toEqual(validateConnectorSync(doc, { certification: true }));
    const second = await client.validate(validConnector());
    expect(second?.failure).toBe("out of memory");
    // Two failures in a row: the page validates from now on, without starting more workers.
    const third = await client.validate({ ...doc, script: "x" });
    expect(third?.failure).toBe("out of memory");
    expect(FakeWorker.instances).toHaveLength(2);
    expect(client.stats.fallbacks).toBe(4);
    client.dispose();
  });

  it("falls back when no worker can be started", async () => {
    const client = createValidationClient({
      createWorker: () => {
        throw new Error("Worker is not defined");
      },
      fallback: pageFallback,
    });
    const doc = validConnector();
    const result = await client.validate(doc);
    expect(result).toMatchObject({ diagnostics: [], failure: "Worker is not defined" });
    expect((await client.budget(doc))?.budget).toEqual(computeBudget(doc));
    client.dispose();
  });

  it("falls back for one document when the worker reports an error for it, and keeps the worker", async () => {
    const worker = new FakeWorker();
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (request) => {
      if (request.type === "validate" && request.script === "throws")
        setTimeout(() => worker.answer({ type: "error", id: request.id, message: "rule crashed" }), 0);
      else post(request);
    };
    const client = createValidationClient({ createWorker: () => worker, fallback: pageFallback });
    const failed = await client.validate({ ...validConnector(), script: "throws" });
    expect(failed?.failure).toBe("rule crashed");
    const next = await client.validate(validConnector());
    expect(next?.failure).toBeNull();
    expect(FakeWorker.instances).toHaveLength(1);
    client.dispose();
  });

  it("drops every request on dispose", async () => {
    const worker = new FakeWorker({ hold: true });
    const client = createValidationClient({ createWorker: () => worker });
    const a = client.validate(validConnector(), { channel: "panel" });
    const b = client.validate(withDefinition("/host", "bad host"));
    client.dispose();
    expect(await a).toBeNull();
    expect(await b).toBeNull();
    expect(worker.terminated).toBe(true);
  });
});

describe("validation worker module (in-process)", () => {
  /** Loads validation.worker.ts with a stand-in `self`, wired to a WorkerLike as a real Worker would be. */
  async function inProcessWorker(): Promise<WorkerLike> {
    const scope: {
      onmessage: ((event: MessageEvent<ValidationWorkerRequest>) => void) | null;
      postMessage(message: ValidationWorkerResponse): void;
    } = {
      onmessage: null,
      postMessage: (message) => setTimeout(() => worker.onmessage?.({ data: message } as MessageEvent), 0),
    };
    const worker: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage: (request) => setTimeout(() => scope.onmessage?.({ data: request } as MessageEvent), 0),
      terminate: () => undefined,
    };
    vi.stubGlobal("self", scope);
    vi.resetModules();
    await import("./validation.worker");
    return worker;
  }

  it("answers plain, certification and budget requests about one definition sent once", async () => {
    const worker = await inProcessWorker();
    const client = createValidationClient({ createWorker: () => worker });
    const doc: ConnectorDocument = withDefinition("/info/title", "Contoso API");
    const [plain, certification, budget] = await Promise.all([
      client.validate(doc),
      client.validate(doc, { certification: true }),
      client.budget(doc),
    ]);
    expect(plain?.diagnostics).toEqual(validateConnectorSync(doc));
    expect(certification?.diagnostics).toEqual(validateConnectorSync(doc, { certification: true }));
    const expected = computeBudget(doc);
    expect(budget?.budget).toEqual({ ...expected, size: budget?.budget.size });
    expect(budget?.budget.size.minified).toBe(JSON.stringify(doc.definition).length);
    client.dispose();
  });

  it("answers an error (not a crash) when a request comes before any definition", async () => {
    const worker = await inProcessWorker();
    const answers: ValidationWorkerResponse[] = [];
    worker.onmessage = (event) => answers.push(event.data);
    worker.postMessage({ type: "budget", id: 7, definitionText: null });
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    expect(answers[0]).toEqual({ type: "error", id: 7, message: "No definition was sent." });
  });
});
