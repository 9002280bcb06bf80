import type { ConnectorDocument } from "../../model/connector-document";
import { isJsonObject, type JsonObject } from "../../model/json-value";
import { listOperations } from "../../model/swagger-types";
import { describeAuthentication } from "../../review/readme-generator";

/** Authentication, policies and triggers at a glance. */
export function ConnectorSummary({ doc }: { doc: ConnectorDocument }) {
  const props = isJsonObject(doc.properties.properties) ? doc.properties.properties : {};
  const policies = Array.isArray(props.policyTemplateInstances)
    ? (props.policyTemplateInstances.filter(isJsonObject) as JsonObject[])
    : [];
  const sets =
    isJsonObject(props.connectionParameterSets) && Array.isArray(props.connectionParameterSets.values)
      ? props.connectionParameterSets.values.length
      : 0;
  const params = isJsonObject(props.connectionParameters) ? Object.keys(props.connectionParameters) : [];
  const triggers = listOperations(doc.definition).filter((o) => o.operation["x-ms-trigger"] !== undefined);
  return (
    <section className="cs-review-section" aria-labelledby="cs-review-summary">
      <h3 id="cs-review-summary">Summary</h3>
      <dl className="cs-review-summary">
        <dt>Authentication</dt>
        <dd>
          {describeAuthentication(doc)}
          {sets > 0 ? ` ${sets} authentication options.` : ""}
          {params.length > 0 ? ` Connection parameters: ${params.join(", ")}.` : ""}
        </dd>
        <dt>Policies</dt>
        <dd>
          {policies.length === 0 ? (
            "None"
          ) : (
            <ul>
              {policies.map((p, i) => {
                const parameters = isJsonObject(p.parameters) ? p.parameters : {};
                const ops = parameters["x-ms-apimTemplate-operationName"];
                return (
                  <li key={i}>
                    {String(p.title ?? p.templateId)} <code>{String(p.templateId)}</code>
                    {Array.isArray(ops) && ops.length > 0 ? ` on ${ops.join(", ")}` : " on every operation"}
                  </li>
                );
              })}
            </ul>
          )}
        </dd>
        <dt>Triggers</dt>
        <dd>
          {triggers.length === 0
            ? "None"
            : triggers
                .map(
                  (t) =>
                    `${t.operation.summary ?? t.operation.operationId} (${String(t.operation["x-ms-trigger"])}, ${t.operation["x-ms-trigger"] === "single" || t.operation["x-ms-trigger"] === "batch" ? (t.method === "post" ? "webhook" : "polling") : "trigger"})`,
                )
                .join("; ")}
        </dd>
        {doc.script !== null ? (
          <>
            <dt>Custom code</dt>
            <dd>
              {Array.isArray(props.scriptOperations) && props.scriptOperations.length > 0
                ? `Runs for ${props.scriptOperations.join(", ")}`
                : "Runs for every operation"}
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
