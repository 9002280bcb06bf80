import { useEffect, useState } from "react";
import type { Diagnostic } from "../../model/diagnostic";
import { selectDocument } from "../../store/workspace-store";
import { useWorkspace, useWorkspaceStoreApi } from "../../store/workspace-context";
import { definitionTextReady, sharedValidationClient } from "../../validation/shared-validation-client";

/** Delay after the last edit before validating: typing is not interrupted, results land within 500 ms. */
export const VALIDATION_DEBOUNCE_MS = 250;
/** The text for the worker is ready and posted at most this long after the edit. */
const VALIDATION_DEADLINE_MS = 450;

/** The panel's requests supersede each other (a result for an older revision is dropped). */
const CHANNEL = "validation-panel";
const PLAIN_CHANNEL = "validation-panel:plain";

/**
 * Runs validation in the shared worker on every revision of the active document (debounced) and writes the
 * results into the store with the revision they belong to. A result that arrives after a newer edit is
 * dropped. The Review checklist and the export gate ask the same client, so a revision already validated in
 * the same mode is not validated again. When the worker cannot run, validation happens on the page and
 * `failure` says why.
 */
export function useValidation(certification: boolean): {
  running: boolean;
  elapsed: number | null;
  failure: string | null;
  /**
   * In certification mode, the plain-mode results of the same revision (what Export decides on), so the panel
   * can say what each export does; `null` in plain mode or until they are known.
   */
  plain: { revision: number; diagnostics: Diagnostic[] } | null;
} {
  const store = useWorkspaceStoreApi();
  const doc = useWorkspace(selectDocument);
  const revision = useWorkspace((s) => s.revision);
  const [state, setState] = useState<{
    running: boolean;
    elapsed: number | null;
    failure: string | null;
    plain: { revision: number; diagnostics: Diagnostic[] } | null;
  }>({
    running: false,
    elapsed: null,
    failure: null,
    plain: null,
  });

  useEffect(() => {
    if (!doc) return;
    const abort = new AbortController();
    const client = sharedValidationClient();
    const current = () => !abort.signal.aborted && store.getState().revision === revision;
    const run = async () => {
      // The definition's text is written in idle slices; past the deadline the rest at once.
      await definitionTextReady(doc.definition, {
        deadlineMs: VALIDATION_DEADLINE_MS - VALIDATION_DEBOUNCE_MS,
        signal: abort.signal,
      });
      setState((s) => ({ ...s, running: true }));
      const outcome = await client.validate(doc, { certification, channel: CHANNEL, signal: abort.signal });
      if (!outcome || !current()) return;
      store.getState().setDiagnostics(revision, outcome.diagnostics);
      // Plain mode is what Export decides on; the export gate asks the same worker for it anyway.
      const plain = certification
        ? await client.validate(doc, { channel: PLAIN_CHANNEL, signal: abort.signal })
        : null;
      if (certification && (!plain || !current())) return;
      setState({
        running: false,
        elapsed: outcome.elapsed,
        failure: outcome.failure,
        plain: plain ? { revision, diagnostics: plain.diagnostics } : null,
      });
    };
    const timer = setTimeout(() => {
      run().catch((error: unknown) => {
        if (abort.signal.aborted) return;
        // Neither the worker nor the page could validate: say so rather than show a stale list.
        setState({
          running: false,
          elapsed: null,
          failure: error instanceof Error ? error.message : String(error),
          plain: null,
        });
      });
    }, VALIDATION_DEBOUNCE_MS);
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [doc, revision, certification, store]);

  return state;
}
