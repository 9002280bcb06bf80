import { useMemo } from "react";
import type { ConnectorDocument } from "../../model/connector-document";
import { describeConnection, type ConnectionFieldView } from "../../review/connection-view";

function Field({ field }: { field: ConnectionFieldView }) {
  const oauth = field.oauth;
  return (
    <li className="cs-review-connection__field">
      <p>
        <strong>{field.label}</strong> <code>{field.name}</code> · {field.type} ·{" "}
        {field.required ? "required" : "optional"}
        {field.hidden ? " · hidden" : ""}
      </p>
      {field.tooltip ? <p className="cs-muted">Tooltip: {field.tooltip}</p> : null}
      {field.description ? <p className="cs-muted">{field.description}</p> : null}
      {field.allowedValues.length > 0 ? (
        <p>Choices: {field.allowedValues.map((v) => `${v.text} (${v.value})`).join(", ")}</p>
      ) : null}
      {oauth ? (
        <dl className="cs-review-summary">
          <dt>Identity provider</dt>
          <dd>{oauth.identityProvider}</dd>
          <dt>Client ID</dt>
          <dd>{oauth.clientId ?? "—"}</dd>
          <dt>Client secret</dt>
          <dd>
            {oauth.hasClientSecret
              ? "Not shown: it is never written to a file, draft or link."
              : "Not in the file (set when the connector is created)."}
          </dd>
          <dt>Scopes</dt>
          <dd>{oauth.scopes.length > 0 ? oauth.scopes.join(" ") : "None"}</dd>
          <dt>Redirect mode</dt>
          <dd>
            {oauth.redirectMode}
            {oauth.redirectUrl ? ` (${oauth.redirectUrl})` : ""}
          </dd>
          {oauth.urls.map((u) => (
            <div key={u.name} className="cs-review-summary__pair">
              <dt>{u.name}</dt>
              <dd>
                <code>{u.value}</code>
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
    </li>
  );
}

/**
 * `apiProperties.json` in view: the connection dialog's fields (OAuth settings without the secret), each
 * authentication option of a multi-auth connector, and every policy with its values and operations.
 */
export function ConnectionPropertiesView({ doc }: { doc: ConnectorDocument }) {
  const view = useMemo(() => describeConnection(doc), [doc]);
  const noFields = view.options.every((o) => o.fields.length === 0);
  return (
    <section className="cs-review-section" aria-labelledby="cs-review-connection">
      <h3 id="cs-review-connection">Connection and policies</h3>
      <div className="cs-review-section__body">
        <h4>Connection dialog</h4>
        {noFields ? (
          <p className="cs-muted">No connection parameters: makers connect without input.</p>
        ) : null}
        {view.options.map((option, i) => (
          <div key={i}>
            {option.name ? <h5>Option: {option.name}</h5> : null}
            <ul className="cs-review-connection" aria-label={option.name ?? "Connection parameters"}>
              {option.fields.map((f) => (
                <Field key={f.name} field={f} />
              ))}
            </ul>
          </div>
        ))}
        <h4>Policies</h4>
        {view.policies.length === 0 ? (
          <p className="cs-muted">None.</p>
        ) : (
          <ul className="cs-review-connection" aria-label="Policies">
            {view.policies.map((p, i) => (
              <li key={i} className="cs-review-connection__field">
                <p>
                  <strong>{p.title}</strong> — {p.templateName ?? p.templateId} <code>{p.templateId}</code>,{" "}
                  {p.operations ? `on ${p.operations.join(", ")}` : "on every operation"}
                </p>
                {p.values.length > 0 ? (
                  <ul>
                    {p.values.map((v) => (
                      <li key={v.name}>
                        {v.name}: <code>{v.value}</code>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
