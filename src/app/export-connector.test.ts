import { afterEach, describe, expect, it } from "vitest";
import { validConnector, withDefinition } from "../validation/__fixtures__/connector-fixture";
import { setSharedValidationClient, sharedValidationClient } from "../validation/shared-validation-client";
import { validateConnectorSync } from "../validation/validate-connector";
import { createValidationClient, type WorkerLike } from "../validation/validation-client";
import type { ValidationWorkerRequest, ValidationWorkerResponse } from "../validation/validation-protocol";
import { buildExport } from "./export-connector";

/** A worker that records what it was asked and answers with the synchronous validator's results. */
function fakeWorker(log: ValidationWorkerRequest[]): WorkerLike {
  let definitionText = "";
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    terminate: () => undefined,
    postMessage(request) {
      log.push(request);
      if (request.definitionText !== null) definitionText = request.definitionText;
      if (request.type !== "validate") return;
      const diagnostics = validateConnectorSync(
        {
          definition: JSON.parse(definitionText),
          properties: request.properties,
          icon: request.icon,
          script: request.script,
          settings: null,
        },
        { certification: request.certification },
      );
      setTimeout(
        () =>
          worker.onmessage?.({
            data: { type: "result", id: request.id, diagnostics, elapsed: 1 },
          } as MessageEvent<ValidationWorkerResponse>),
        0,
      );
    },
  };
  return worker;
}

afterEach(() => setSharedValidationClient(null));

describe("export gate", () => {
  it("validates in the worker in plain mode and refuses the export while errors remain", async () => {
    const log: ValidationWorkerRequest[] = [];
    setSharedValidationClient(createValidationClient({ createWorker: () => fakeWorker(log) }));
    const doc = withDefinition("/host", "https://bad host/");
    const result = await buildExport(doc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((d) => d.ruleId)).toContain("HostNameNotValid");
    expect(result.errors.every((d) => d.severity === "error")).toBe(true);
    expect(result.validatedOnPage).toBeNull();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ type: "validate", certification: false });
  });

  it("exports with warnings, reusing the result the Validation panel already has for this revision", async () => {
    const log: ValidationWorkerRequest[] = [];
    setSharedValidationClient(createValidationClient({ createWorker: () => fakeWorker(log) }));
    const doc = withDefinition("/paths/~1lists~1{listId}~1tasks/get/summary", "Get tasks.");
    await sharedValidationClient().validate(doc, { channel: "validation-panel" });
    const result = await buildExport(doc);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fileName).toMatch(/\.zip$/);
    expect(result.bytes.length).toBeGreaterThan(0);
    expect(result.warnings.map((d) => d.ruleId)).toContain("RestrictedCharactersInSummary");
    expect(log).toHaveLength(1);
  });

  it("validates on the page and says so when the worker cannot run; errors still block", async () => {
    setSharedValidationClient(null);
    // Node has no Worker: the shared client falls back to the synchronous validator.
    const blocked = await buildExport(withDefinition("/host", "https://bad host/"));
    expect(blocked).toMatchObject({ ok: false, validatedOnPage: expect.stringMatching(/Worker/) });
    const exported = await buildExport(validConnector());
    expect(exported).toMatchObject({ ok: true, validatedOnPage: expect.stringMatching(/Worker/) });
  });
});
