import { useState } from "react";
import {
  displayHeaderValue,
  displayUrl,
  toCurl,
  type PreparedRequest,
} from "../../try-it-core/prepare-request";
import { formatSize } from "../../try-it-core/transport";

function safeDisplayUrl(request: PreparedRequest): string {
  try {
    return displayUrl(request);
  } catch {
    return request.url;
  }
}

/** Exactly what is sent: method, URL, headers (secrets masked), body, applied policies, and a curl command. */
export function RequestView({ request }: { request: PreparedRequest }) {
  const [copied, setCopied] = useState(false);
  const curl = toCurlSafe(request);
  return (
    <section aria-label="Request" className="cs-try__panel">
      <h3>Request</h3>
      <p className="cs-try__line">
        <strong>{request.method}</strong> <code data-testid="request-url">{safeDisplayUrl(request)}</code>
      </p>
      {request.headers.length > 0 ? (
        <table className="cs-try__headers" aria-label="Request headers">
          <tbody>
            {request.headers.map(([name, value], i) => (
              <tr key={`${name}-${i}`}>
                <th scope="row">{name}</th>
                <td>{displayHeaderValue(request, name, value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="cs-muted">No headers.</p>
      )}
      {request.body.kind === "text" ? (
        <pre className="cs-try__code" aria-label="Request body">
          {request.body.text}
        </pre>
      ) : request.body.kind === "bytes" ? (
        <p>
          Body: {request.body.contentType.split(";")[0]}, {formatSize(request.body.bytes.length)}
        </p>
      ) : null}
      {request.appliedPolicies.length > 0 ? (
        <p>Policies applied: {request.appliedPolicies.join(", ")}</p>
      ) : null}
      {request.warnings.length > 0 ? (
        <ul className="cs-try__warnings">
          {request.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      {request.missing.length > 0 ? (
        <p className="cs-field__warning">Still needed: {request.missing.join(", ")}</p>
      ) : null}
      <details className="cs-try__curl">
        <summary>curl</summary>
        <pre className="cs-try__code" aria-label="curl command">
          {curl}
        </pre>
      </details>
      <button
        type="button"
        className="cs-button cs-button-small"
        onClick={() => {
          void navigator.clipboard.writeText(curl).then(() => setCopied(true));
        }}
      >
        {copied ? "Copied" : "Copy curl"}
      </button>
    </section>
  );
}

function toCurlSafe(request: PreparedRequest): string {
  try {
    return toCurl(request);
  } catch {
    return `curl -X ${request.method} '${request.url}'`;
  }
}
