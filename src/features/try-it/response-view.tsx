import { useEffect, useMemo, useState } from "react";
import type { ConnectorDocument } from "../../model/connector-document";
import { resolveLocalRef } from "../../model/refs";
import { isJsonObject, type JsonValue } from "../../model/json-value";
import type { OperationRef, Schema } from "../../model/swagger-types";
import { checkResponseAgainstSchema } from "../../try-it-core/response-schema-check";
import { blobTypeFor, formatSize, viewBody, type CallResponse } from "../../try-it-core/transport";

/**
 * Status, time, size, headers and body: pretty JSON, text (HTML, SVG and XML too: never rendered), a passive
 * image, or a download for binary (always application/octet-stream, so it cannot open as a page).
 */
export function ResponseView({ response, notes }: { response: CallResponse; notes: string[] }) {
  const view = useMemo(() => viewBody(response.headers, response.body), [response]);
  const blobUrl = useBlobUrl(response.body, blobTypeFor(view));
  return (
    <section aria-label="Response" className="cs-try__panel">
      <h3>Response</h3>
      <p className="cs-try__line">
        <strong data-testid="response-status">
          {response.status} {response.statusText}
        </strong>{" "}
        · {response.timeMs} ms · {formatSize(response.body.length)} ·{" "}
        {response.route === "relay" ? "through the relay" : "directly (CORS)"}
      </p>
      {notes.map((n) => (
        <p key={n} className="cs-muted">
          {n}
        </p>
      ))}
      <details className="cs-try__response-headers">
        <summary>Headers ({response.headers.length})</summary>
        <table className="cs-try__headers" aria-label="Response headers">
          <tbody>
            {response.headers.map(([name, value], i) => (
              <tr key={`${name}-${i}`}>
                <th scope="row">{name}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      {view.kind === "empty" ? <p className="cs-muted">No body.</p> : null}
      {view.kind === "json" ? (
        <pre className="cs-try__code" aria-label="Response body">
          {view.pretty}
        </pre>
      ) : null}
      {view.kind === "text" ? (
        <pre className="cs-try__code" aria-label="Response body">
          {view.text}
        </pre>
      ) : null}
      {view.kind === "image" && blobUrl ? (
        <img className="cs-try__image" src={blobUrl} alt="Response body (image)" />
      ) : null}
      {view.kind === "binary" && blobUrl ? (
        <a className="cs-button cs-button-small" href={blobUrl} download="response.bin">
          Download body ({view.contentType})
        </a>
      ) : null}
    </section>
  );
}

/** A blob URL of the body with the given (safe) type, revoked when the response changes; null when type is. */
function useBlobUrl(body: Uint8Array, type: string | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (type === null) return;
    const created = URL.createObjectURL(new Blob([body as Uint8Array<ArrayBuffer>], { type }));
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [body, type]);
  return type === null ? null : url;
}

/** The response schema the platform would check a status against: that status's, else `default`. */
export function responseSchemaFor(
  doc: ConnectorDocument,
  ref: OperationRef,
  status: number,
): { schema: Schema | null; key: string | null } {
  const responses = ref.operation.responses ?? {};
  const key = String(status) in responses ? String(status) : "default" in responses ? "default" : null;
  if (!key) return { schema: null, key: null };
  let response: unknown = responses[key];
  if (isJsonObject(response) && typeof response.$ref === "string")
    response = resolveLocalRef(doc.definition, response.$ref);
  const schema = isJsonObject(response) && isJsonObject(response.schema) ? (response.schema as Schema) : null;
  return { schema, key };
}

/** Checks the body against the response schema (draft-04 with x-nullable) and offers "Use response as schema". */
export function SchemaValidation({
  doc,
  operation,
  response,
  onUseAsSchema,
}: {
  doc: ConnectorDocument;
  operation: OperationRef;
  response: CallResponse;
  onUseAsSchema(body: JsonValue): void;
}) {
  const view = useMemo(() => viewBody(response.headers, response.body), [response]);
  const { schema, key } = responseSchemaFor(doc, operation, response.status);
  const body = view.kind === "json" ? (view.value as JsonValue) : null;
  const mismatches = useMemo(
    () => (schema && body !== null ? checkResponseAgainstSchema(doc, schema, body) : null),
    [doc, schema, body],
  );
  let summary: string;
  if (view.kind !== "json") summary = "The body is not JSON, so it was not checked against a schema.";
  else if (!schema)
    summary = `The operation has no response schema for ${key === null ? `status ${response.status}` : `"${key}"`}.`;
  else if (mismatches && mismatches.length === 0) summary = "The body matches the response schema.";
  else
    summary = `${mismatches?.length ?? 0} mismatch${mismatches?.length === 1 ? "" : "es"} with the response schema:`;
  return (
    <section aria-label="Schema validation" className="cs-try__panel">
      <h3>Schema validation</h3>
      <p role="status">{summary}</p>
      {mismatches && mismatches.length > 0 ? (
        <ul className="cs-try__mismatches">
          {mismatches.map((m, i) => (
            <li key={`${m.path}-${i}`}>
              <code>{m.path}</code> {m.message}
            </li>
          ))}
        </ul>
      ) : null}
      <button
        type="button"
        className="cs-button"
        disabled={body === null}
        onClick={() => body !== null && onUseAsSchema(body)}
      >
        Use response as schema
      </button>
    </section>
  );
}
