import { useEffect, useRef, useState } from "react";
import type { Diagnostic } from "../../model/diagnostic";
import type { JsonValue } from "../../model/json-value";
import { sharedDefinitionText } from "../../model/memo-stringify";
import { selectDocument } from "../../store/workspace-store";
import { useWorkspace, useWorkspaceStoreApi } from "../../store/workspace-context";
import { createValidationClient, type ValidationClient } from "../../validation/validation-client";

/** Delay after the last edit before validating: typing is not interrupted, results land within 500 ms. */
export const VALIDATION_DEBOUNCE_MS = 250;
/** The text for the worker is ready and posted at most this long after the edit. */
const VALIDATION_DEADLINE_MS = 450;

/**
 * Runs validation in the worker on every revision of the active document (debounced) and writes the
 * results into the store with the revision they belong to. A result that arrives after a newer edit is
 * dropped. When no worker can be started, validation falls back to the main thread.
 */
export function useValidation(certification: boolean): {
  running: boolean;
  elapsed: number | null;
  failure: string | null;
} {
  const store = useWorkspaceStoreApi();
  const doc = useWorkspace(selectDocument);
  const revision = useWorkspace((s) => s.revision);
  const clientRef = useRef<ValidationClient | null>(null);
  const [state, setState] = useState<{ running: boolean; elapsed: number | null; failure: string | null }>({
    running: false,
    elapsed: null,
    failure: null,
  });

  useEffect(() => {
    const client = createValidationClient({
      writeDefinition: (definition) => sharedDefinitionText.stringify(definition as JsonValue),
    });
    clientRef.current = client;
    return () => {
      client.dispose();
      clientRef.current = null;
    };
  }, []);

  useEffect(() => {
    if (!doc) return;
    let cancelled = false;
    let idle: number | undefined;
    const requestedAt = Date.now();
    const post = () => {
      const client = clientRef.current;
      if (!client) return;
      setState((s) => ({ ...s, running: true }));
      const finish = (diagnostics: Diagnostic[], elapsed: number | null) => {
        if (cancelled || store.getState().revision !== revision) return;
        store.getState().setDiagnostics(revision, diagnostics);
        setState({ running: false, elapsed, failure: null });
      };
      client
        .validate(doc, { certification })
        .then((outcome) => {
          if (outcome) finish(outcome.diagnostics, outcome.elapsed);
        })
        .catch(async (error: unknown) => {
          // No worker (or it crashed): validate here so the list and the export gate still work.
          const { validateConnector } = await import("../../validation/validate-connector");
          const started = performance.now();
          const diagnostics = await validateConnector(doc, { certification });
          finish(diagnostics, performance.now() - started);
          if (!cancelled)
            setState((s) => ({ ...s, failure: error instanceof Error ? error.message : String(error) }));
        });
    };
    // The definition's text for the worker is written in idle slices (between keystrokes, after paint);
    // the cache keeps the progress, and only the changed branch of an edited definition is new. Past the
    // deadline the rest is written at once so that results still land within 500 ms.
    const step = (deadline: IdleDeadline) => {
      idle = undefined;
      if (cancelled) return;
      const ready =
        sharedDefinitionText.stringifyWithin(
          doc.definition as JsonValue,
          () => deadline.timeRemaining() < 3,
        ) !== null;
      const late = deadline.didTimeout || Date.now() - requestedAt >= VALIDATION_DEADLINE_MS;
      if (ready || late) post();
      else idle = requestIdleCallback(step, { timeout: remaining() });
    };
    const remaining = () => Math.max(1, requestedAt + VALIDATION_DEADLINE_MS - Date.now());
    const timer = setTimeout(() => {
      if (typeof requestIdleCallback === "function")
        idle = requestIdleCallback(step, { timeout: remaining() });
      else post();
    }, VALIDATION_DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      if (idle !== undefined) cancelIdleCallback(idle);
    };
  }, [doc, revision, certification, store]);

  return state;
}
