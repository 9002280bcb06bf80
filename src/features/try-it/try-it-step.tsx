import { useMutation } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { useStore } from "zustand";
import type { ConnectorDocument } from "../../model/connector-document";
import type { JsonValue } from "../../model/json-value";
import { listOperations, type OperationRef } from "../../model/swagger-types";
import { selectDocument } from "../../store/workspace-store";
import { useWorkspace, useWorkspaceStoreApi } from "../../store/workspace-context";
import { listAuthOptions, normalizeAuthOption } from "../../try-it-core/auth-options";
import { historyEntry, runTestCall, toTryItConnection, type CallResult } from "../../try-it-core/call-flow";
import { prepareRequest, type TryItValues } from "../../try-it-core/prepare-request";
import { setResponseSchemaFromBody } from "../../model/operations/response-from-test";
import { ConnectionDialog } from "./connection-dialog";
import { connectionFields } from "./connection-fields";
import { connectionStore } from "./connection-store";
import { refreshTokens } from "./oauth-client";
import { initialValues, OperationInputs } from "./operation-inputs";
import { RequestView } from "./request-view";
import { ResponseView, SchemaValidation } from "./response-view";
import { relayToken, sendRequest } from "./send-request";
import { scriptRunsFor } from "../../model/operations/code";
import "./try-it.css";

const opKey = (ref: OperationRef) => `${ref.method} ${ref.path}`;

function opTitle(ref: OperationRef): string {
  return ref.operation.summary || ref.operation.operationId || `${ref.method.toUpperCase()} ${ref.path}`;
}

/** The Test step: a connection, the operations, one input per parameter, the request, the response and checks. */
export function TestStep() {
  const doc = useWorkspace(selectDocument);
  const connectorId = useWorkspace((s) => s.activeId);
  if (!doc || !connectorId) {
    return (
      <section aria-label="Test step" className="cs-step">
        <h2>Test</h2>
        <p>Create or import a connector to test it.</p>
      </section>
    );
  }
  return <TestStepBody doc={doc} connectorId={connectorId} />;
}

function TestStepBody({ doc, connectorId }: { doc: ConnectorDocument; connectorId: string }) {
  const store = useWorkspaceStoreApi();
  const operations = useMemo(() => listOperations(doc.definition), [doc.definition]);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const selected = operations.find((o) => opKey(o) === selectedKey) ?? operations[0] ?? null;
  const connection = useStore(connectionStore, (s) => s.connections[connectorId]);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [valuesByOp, setValuesByOp] = useState<Record<string, TryItValues>>({});
  const [results, setResults] = useState<Record<string, CallResult>>({});
  const historyKey = selected ? `${connectorId} ${opKey(selected)}` : "";
  const history = useStore(connectionStore, (s) => s.history[historyKey]);
  const authOption = normalizeAuthOption(doc, connection?.setIndex);
  const { auth, fields } = connectionFields(doc, authOption);
  const authOptions = listAuthOptions(doc);
  const needsConnection = authOptions !== null || auth.kind !== "none" || fields.length > 0;
  const rememberFailed = useStore(connectionStore, (s) => s.rememberFailed);

  // A connection remembered for this tab comes back after a reload.
  useEffect(() => {
    connectionStore.getState().restoreConnection(connectorId);
  }, [connectorId]);

  // Said up front, not only after a blocked call: without the relay only APIs that allow CORS answer.
  const [relayOff, setRelayOff] = useState(false);
  useEffect(() => {
    let live = true;
    void relayToken().then((token) => {
      if (live) setRelayOff(token === null);
    });
    return () => {
      live = false;
    };
  }, []);

  // The call in flight, so that Cancel call can stop it.
  const inFlight = useRef<AbortController | null>(null);

  const storedValues = selected ? valuesByOp[opKey(selected)] : undefined;
  const values: TryItValues = useMemo(
    () => storedValues ?? (selected ? initialValues(doc, selected) : {}),
    [storedValues, selected, doc],
  );
  const tryItConnection = useMemo(
    () => toTryItConnection(doc, connection) ?? (needsConnection ? null : { values: {} }),
    [doc, connection, needsConnection],
  );
  const preview = useMemo(
    () => (selected ? prepareRequest(doc, selected, values, tryItConnection ?? { values: {} }) : null),
    [doc, selected, values, tryItConnection],
  );

  const setValue = (name: string, value: TryItValues[string]) => {
    if (!selected) return;
    const key = opKey(selected);
    setValuesByOp((all) => ({
      ...all,
      [key]: { ...(all[key] ?? initialValues(doc, selected)), [name]: value },
    }));
  };

  const call = useMutation({
    mutationFn: async (ref: OperationRef): Promise<CallResult> => {
      const controller = new AbortController();
      inFlight.current = controller;
      try {
        return await runTestCall(
          doc,
          ref,
          values,
          connectionStore.getState().connections[connectorId],
          {
            send: (request, signal) => sendRequest(request, { signal }),
            refresh: refreshTokens,
            saveTokens: (tokens) => connectionStore.getState().setTokens(connectorId, tokens),
            now: Date.now,
          },
          controller.signal,
        );
      } finally {
        if (inFlight.current === controller) inFlight.current = null;
      }
    },
    onSuccess: (result, ref) => {
      setResults((all) => ({ ...all, [opKey(ref)]: result }));
      if (!result.sent) return;
      connectionStore.getState().addCall(`${connectorId} ${opKey(ref)}`, historyEntry(result, Date.now()));
    },
    // runTestCall words its own failures; this catches a bug in it, shown against the request on screen.
    onError: (error, ref) => {
      if (!preview) return;
      setResults((all) => ({
        ...all,
        [opKey(ref)]: { request: preview, error: error.message, notes: [], sent: false },
      }));
    },
  });

  const result = selected ? results[opKey(selected)] : undefined;

  return (
    <section aria-label="Test step" className="cs-step cs-try">
      <h2>Test</h2>
      <div className="cs-try__connection">
        <button type="button" className="cs-button" onClick={() => setDialogOpen(true)}>
          New connection
        </button>
        <p role="status" className="cs-muted">
          {connection
            ? `Connection ready${connection.tokens ? " (signed in)" : ""}${
                authOptions
                  ? ` with ${authOptions.options.find((o) => o.index === authOption)?.label ?? "the first option"}`
                  : ""
              }; ${
                connection.remember
                  ? "remembered for this browser tab until it closes."
                  : "its values stay in this tab's memory only."
              }`
            : needsConnection
              ? "No connection yet: create one to send authenticated calls."
              : "This connector needs no authentication."}
        </p>
        {connection ? (
          <button
            type="button"
            className="cs-button"
            onClick={() => connectionStore.getState().forgetConnection(connectorId)}
          >
            Forget connection
          </button>
        ) : null}
        {relayOff ? (
          <p className="cs-field__warning" data-testid="relay-off">
            The relay is off, so calls go straight from this page: only APIs that allow CORS can answer. Start
            Connector Studio with its own server (npm start, without CONNECTOR_STUDIO_RELAY=off) to reach the
            others.
          </p>
        ) : null}
        {rememberFailed ? (
          <p role="alert" className="cs-field__warning">
            This browser did not let the tab keep the connection: it stays in memory only.
          </p>
        ) : null}
      </div>
      {dialogOpen ? (
        <ConnectionDialog
          doc={doc}
          current={connection}
          onClose={() => setDialogOpen(false)}
          onSave={(c) => {
            connectionStore.getState().setConnection(connectorId, c);
            setDialogOpen(false);
          }}
        />
      ) : null}
      {operations.length === 0 ? (
        <p>The connector has no operations yet: add one in the Definition step.</p>
      ) : (
        <div className="cs-try__layout">
          <ul aria-label="Operations" className="cs-try__operations">
            {operations.map((ref) => {
              const active = selected !== null && opKey(ref) === opKey(selected);
              return (
                <li key={opKey(ref)}>
                  <button
                    type="button"
                    className="cs-try__operation"
                    aria-current={active ? "true" : undefined}
                    onClick={() => setSelectedKey(opKey(ref))}
                  >
                    <span className={`cs-try__method cs-try__method--${ref.method}`}>
                      {ref.method.toUpperCase()}
                    </span>{" "}
                    {opTitle(ref)}
                  </button>
                </li>
              );
            })}
          </ul>
          {selected ? (
            <div className="cs-try__main">
              <h3>{opTitle(selected)}</h3>
              <OperationInputs
                doc={doc}
                connectorId={connectorId}
                operation={selected}
                values={values}
                connection={tryItConnection}
                connectionKey={`${connection?.createdAt ?? 0}:${connection?.tokens?.accessToken.length ?? 0}`}
                onChange={setValue}
              />
              <button
                type="button"
                className="cs-button cs-button-primary"
                disabled={call.isPending}
                aria-describedby={doc.script !== null ? "cs-try-script-note" : undefined}
                onClick={() => call.mutate(selected)}
              >
                Test operation
              </button>
              {doc.script !== null ? (
                <p className="cs-try__script-note cs-small" id="cs-try-script-note">
                  {scriptRunsFor(doc, selected.operation.operationId)
                    ? "This operation runs custom code (script.csx) on the platform, but not here: Test calls the API directly, so the platform's answer can differ."
                    : "The connector's custom code (script.csx) does not run for this operation, and never runs here: Test calls the API directly."}
                </p>
              ) : null}
              {call.isPending ? (
                <div className="cs-try__sending">
                  <p role="status">Sending…</p>
                  <button
                    type="button"
                    className="cs-button cs-button-small"
                    onClick={() => inFlight.current?.abort()}
                  >
                    Cancel call
                  </button>
                </div>
              ) : null}
              {preview ? <RequestView request={result?.request ?? preview} /> : null}
              {result?.error ? (
                <p role="alert" className="cs-field__error">
                  {result.error}
                </p>
              ) : null}
              {result?.response ? (
                <>
                  <ResponseView response={result.response} notes={result.notes} />
                  <SchemaValidation
                    doc={doc}
                    operation={selected}
                    response={result.response}
                    onUseAsSchema={(body: JsonValue) => {
                      store
                        .getState()
                        .dispatch(
                          setResponseSchemaFromBody(
                            selected.path,
                            selected.method,
                            String(result.response?.status ?? 200),
                            body,
                          ),
                          { source: "test" },
                        );
                    }}
                  />
                </>
              ) : null}
              {history && history.length > 0 ? (
                <section aria-label="Call history" className="cs-try__panel">
                  <h3>Call history</h3>
                  <ol className="cs-try__history">
                    {history.map((h) => (
                      <li key={h.at}>
                        {new Date(h.at).toLocaleTimeString()} · {h.method} ·{" "}
                        {h.status !== null ? `${h.status} · ${h.timeMs} ms` : `failed: ${h.error ?? ""}`}
                        {h.route ? ` · ${h.route === "relay" ? "relay" : "direct"}` : ""}
                      </li>
                    ))}
                  </ol>
                </section>
              ) : null}
            </div>
          ) : null}
        </div>
      )}
    </section>
  );
}
