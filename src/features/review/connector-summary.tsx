import {
  policyAppliesToEveryOperation,
  policyOperationNames,
  scriptOperations,
} from "../../model/api-properties";
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
                const ops = policyOperationNames(p);
                return (
                  <li key={i}>
                    {String(p.title ?? p.templateId)} <code>{String(p.templateId)}</code>
                    {policyAppliesToEveryOperation(p) ? " on every operation" : ` on ${ops.join(", ")}`}
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
              {scriptOperations(props).length > 0
                ? `Runs for ${scriptOperations(props).join(", ")}`
                : "Runs for every operation"}
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
