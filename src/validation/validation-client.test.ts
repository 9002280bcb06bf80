import { afterEach, describe, expect, it, vi } from "vitest";
import type { ConnectorDocument } from "../model/connector-document";
import type { SwaggerDocument } from "../model/swagger-types";
import { validConnector, withDefinition } from "./__fixtures__/connector-fixture";
import { validateConnectorSync } from "./validate-connector";
import { createValidationClient, type WorkerLike } from "./validation-client";
import type { ValidationWorkerRequest, ValidationWorkerResponse } from "./validation-protocol";

/** A fake worker doing what validation.worker.ts does, answering on a later task. */
class FakeWorker implements WorkerLike {
  static instances: FakeWorker[] = [];
  onmessage: ((event: MessageEvent<ValidationWorkerResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  received: ValidationWorkerRequest[] = [];
  private definition: SwaggerDocument | null = null;
  constructor() {
    FakeWorker.instances.push(this);
  }
  postMessage(request: ValidationWorkerRequest): void {
    this.received.push(request);
    if (request.definitionText !== null)
      this.definition = JSON.parse(request.definitionText) as SwaggerDocument;
    const doc: ConnectorDocument = {
      definition: this.definition!,
      properties: request.properties,
      icon: request.icon,
      script: request.script,
      settings: null,
    };
    const diagnostics = validateConnectorSync(doc, { certification: request.certification });
    setTimeout(
      () =>
        this.onmessage?.({
          data: { type: "result", id: request.id, diagnostics, elapsed: 1 },
        } as MessageEvent<ValidationWorkerResponse>),
      0,
    );
  }
  terminate(): void {
    this.terminated = true;
  }
}

afterEach(() => {
  FakeWorker.instances = [];
  vi.useRealTimers();
});

describe("validation client", () => {
  it("returns diagnostics and sends the definition only when it changed", async () => {
    const client = createValidationClient({ createWorker: () => new FakeWorker() });
    const doc = withDefinition("/paths/~1lists~1{listId}~1tasks/get/parameters/0/required", false);
    const first = await client.validate(doc);
    expect(first?.diagnostics.map((d) => d.ruleId)).toContain("PathParameterMustBeRequired");
    await client.validate({ ...doc, script: "changed" });
    const worker = FakeWorker.instances[0]!;
    expect(worker.received[0]?.definitionText).not.toBeNull();
    expect(worker.received[1]?.definitionText).toBeNull();
    client.dispose();
  });

  it("drops stale results: only the newest request resolves with diagnostics", async () => {
    const client = createValidationClient({ createWorker: () => new FakeWorker() });
    const older = client.validate(withDefinition("/host", "bad host"));
    const newer = client.validate(validConnector());
    expect(await older).toBeNull();
    expect((await newer)?.diagnostics).toEqual([]);
    client.dispose();
  });

  it("terminates the worker when idle and starts a new one on the next request", async () => {
    vi.useFakeTimers();
    const client = createValidationClient({ createWorker: () => new FakeWorker(), idleMs: 1000 });
    const result = client.validate(validConnector());
    await vi.advanceTimersByTimeAsync(1);
    expect(await result).not.toBeNull();
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeWorker.instances[0]?.terminated).toBe(true);
    const again = client.validate(validConnector());
    await vi.advanceTimersByTimeAsync(1);
    expect(await again).not.toBeNull();
    expect(FakeWorker.instances).toHaveLength(2);
    // The new worker got the definition again (the old one was forgotten with its worker).
    expect(FakeWorker.instances[1]?.received[0]?.definitionText).not.toBeNull();
    client.dispose();
  });

  it("rejects when the worker fails", async () => {
    let worker: FakeWorker | null = null;
    const client = createValidationClient({
      createWorker: () => {
        worker = new FakeWorker();
        worker.postMessage = () => undefined;
        return worker;
      },
    });
    const result = client.validate(validConnector());
    (worker as unknown as FakeWorker).onerror?.({ message: "boom" } as ErrorEvent);
    await expect(result).rejects.toThrow("boom");
    client.dispose();
  });
});
