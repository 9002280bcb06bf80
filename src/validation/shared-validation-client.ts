import type { JsonValue } from "../model/json-value";
import { sharedDefinitionText } from "../model/memo-stringify";
import type { SwaggerDocument } from "../model/swagger-types";
import { createValidationClient, type ValidationClient } from "./validation-client";

let shared: ValidationClient | null = null;

/**
 * The one validation client of the page: the Validation panel, the Review step (checklist and budget) and
 * the export gate ask it, so one worker serves them all and the same document revision is validated once per
 * mode. The definition's text comes from the shared memoised writer (see {@link definitionTextReady}); when
 * the worker cannot run, validation happens on the page and each result says so.
 */
export function sharedValidationClient(): ValidationClient {
  shared ??= createValidationClient({
    writeDefinition: (definition) => sharedDefinitionText.stringify(definition as JsonValue),
    fallback: {
      async validate(doc, certification) {
        const { validateConnectorSync } = await import("./validate-connector");
        return validateConnectorSync(doc, { certification });
      },
      async budget(doc) {
        const { computeBudget } = await import("./budget");
        return computeBudget(doc);
      },
    },
  });
  return shared;
}

/** Replaces the shared client (tests); `null` makes the next call create a fresh one. */
export function setSharedValidationClient(client: ValidationClient | null): void {
  shared?.dispose();
  shared = client;
}

/** The text for the worker is written at most this long after it was asked for. */
export const DEFINITION_TEXT_DEADLINE_MS = 450;

/**
 * Resolves once the definition's text for the worker is written, writing it in idle slices (between
 * keystrokes, after paint) so that no task pays for all of a 1 MB definition; the writer's cache keeps the
 * progress and only the changed branch of an edited definition is new. Past the deadline the rest is
 * written at once so that results still land in time. Rejects with the signal's reason when aborted.
 */
export function definitionTextReady(
  definition: SwaggerDocument,
  options: { deadlineMs?: number; signal?: AbortSignal } = {},
): Promise<void> {
  const { signal } = options;
  const deadlineAt = Date.now() + (options.deadlineMs ?? DEFINITION_TEXT_DEADLINE_MS);
  return new Promise<void>((resolve, reject) => {
    // Usually the text is written already (the panel asked first) or nearly: try a few ms right away.
    const started = performance.now();
    const now =
      sharedDefinitionText.stringifyWithin(definition as JsonValue, () => performance.now() - started > 4) !==
      null;
    if (now || typeof requestIdleCallback !== "function") {
      resolve();
      return;
    }
    let handle: number | undefined;
    const onAbort = () => {
      if (handle !== undefined) cancelIdleCallback(handle);
      reject(signal?.reason ?? new DOMException("Aborted", "AbortError"));
    };
    if (signal?.aborted) {
      onAbort();
      return;
    }
    signal?.addEventListener("abort", onAbort, { once: true });
    const remaining = () => Math.max(1, deadlineAt - Date.now());
    const step = (deadline: IdleDeadline) => {
      handle = undefined;
      const ready =
        sharedDefinitionText.stringifyWithin(definition as JsonValue, () => deadline.timeRemaining() < 3) !==
        null;
      if (ready || deadline.didTimeout || Date.now() >= deadlineAt) {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      } else handle = requestIdleCallback(step, { timeout: remaining() });
    };
    handle = requestIdleCallback(step, { timeout: remaining() });
  });
}
