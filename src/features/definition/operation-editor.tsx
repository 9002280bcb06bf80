import { useMemo, useState } from "react";
import { escapePointerToken, toPointer } from "../../model/json-pointer";
import { isJsonObject, type JsonObject } from "../../model/json-value";
import {
  deleteOperation,
  duplicateOperation,
  getOperation,
  moveOperation,
  planDeleteOperation,
  planDuplicate,
  setDefinitionValue,
  setOperationField,
  type DeleteOperationImpact,
  type OperationLocation,
} from "../../model/operations/operations";
import {
  addParameter,
  importRequestSample,
  resolveParameter,
  schemaFromSample,
} from "../../model/operations/parameters";
import { addResponse, importResponseSample, removeResponse } from "../../model/operations/responses";
import {
  addWebhookDeleteOperation,
  bodyPropertyPaths,
  ensureWebhookCreatedResponse,
  planWebhookDelete,
  readPollingConfig,
  setNotificationContent,
  setNotificationUrlProperty,
  setPollingConfig,
  triggerKind,
  type TriggerKind,
} from "../../model/operations/triggers";
import type { Command } from "../../model/command";
import type { Operation, Parameter, SwaggerDocument } from "../../model/swagger-types";
import { selectDocument, selectSelection } from "../../store/workspace-store";
import { useWorkspace, useWorkspaceStoreApi } from "../../store/workspace-context";
import { Select, TextField } from "../../components/ui/form-fields";
import { ModalDialog } from "../../components/ui/modal-dialog";
import { BoundText, Section, Toolbar, useDispatchForm } from "./doc-fields";
import { JsonSubEditor, mergeExtras } from "./json-sub-editor";
import { OperationGeneralForm } from "./operation-general-form";
import { ParameterEditor } from "./parameter-editor";
import { ImportRequestDialog, ImportResponseDialog } from "./sample-dialogs";
import { SchemaTreeEditor } from "./schema-tree-editor";

/** Operation keys with a form of their own; the rest is shown in the extensions JSON editor. */
const HANDLED_OPERATION_KEYS = new Set([
  "summary",
  "description",
  "operationId",
  "x-ms-visibility",
  "deprecated",
  "x-ms-api-annotation",
  "parameters",
  "responses",
  "x-ms-trigger",
  "x-ms-trigger-metadata",
]);

interface OperationEditorProps {
  location: OperationLocation;
  /** The operation moved (new URL or verb) or a new one should be shown. */
  onSelect(location: OperationLocation | null): void;
  /** Parameter index to open (from a focus request). */
  openParameter: number | null;
  setOpenParameter(index: number | null): void;
}

/** The editor of one operation: General, Request, Response, Trigger configuration, Extensions. */
export function OperationEditor({
  location,
  onSelect,
  openParameter,
  setOpenParameter,
}: OperationEditorProps) {
  const operation = useWorkspace((s) => {
    const doc = selectDocument(s);
    return doc ? getOperation(doc.definition, location) : undefined;
  });
  const store = useWorkspaceStoreApi();
  const dispatch = useDispatchForm();
  const [confirmDelete, setConfirmDelete] = useState<DeleteOperationImpact | null>(null);
  if (!operation) return <p className="cs-muted">This operation no longer exists.</p>;
  const base = toPointer(["paths", location.path, location.method]);
  const isTrigger = operation["x-ms-trigger"] !== undefined;
  const extensions = Object.fromEntries(
    Object.entries(operation).filter(([k]) => !HANDLED_OPERATION_KEYS.has(k)),
  );

  const duplicate = () => {
    const doc = selectDocument(store.getState());
    if (!doc) return;
    const plan = planDuplicate(doc.definition, location);
    if (!plan) return;
    dispatch(duplicateOperation(location, plan));
    onSelect(plan.location);
  };
  const remove = () => {
    dispatch(deleteOperation(location));
    onSelect(null);
  };
  // Policies, the custom code scope or other operations name this one: say what happens before deleting.
  const askRemove = () => {
    const doc = selectDocument(store.getState());
    const impact = doc ? planDeleteOperation(doc, location) : null;
    if (!impact) return;
    const touches =
      impact.policiesTrimmed.length > 0 ||
      impact.policiesRemoved.length > 0 ||
      impact.script !== null ||
      impact.references.length > 0;
    if (touches) setConfirmDelete(impact);
    else remove();
  };

  return (
    <article className="cs-def-editor" aria-label={`Operation ${operation.operationId ?? ""}`}>
      <header className="cs-def-editor__head">
        <h3>
          <span className={`cs-def-verb cs-def-verb--${location.method}`}>
            {location.method.toUpperCase()}
          </span>{" "}
          <code>{location.path}</code>
        </h3>
        <Toolbar label="Operation actions">
          <button type="button" onClick={duplicate}>
            Duplicate
          </button>
          <button type="button" onClick={askRemove}>
            Delete
          </button>
        </Toolbar>
      </header>
      {confirmDelete ? (
        <DeleteOperationDialog
          impact={confirmDelete}
          onDelete={() => {
            setConfirmDelete(null);
            remove();
          }}
          onClose={() => setConfirmDelete(null)}
        />
      ) : null}
      <Section title="General">
        <OperationGeneralForm location={location} operation={operation} />
      </Section>
      <Section title="Request">
        <RequestSection
          location={location}
          operation={operation}
          onSelect={onSelect}
          openParameter={openParameter}
          setOpenParameter={setOpenParameter}
        />
      </Section>
      <Section title="Response">
        <ResponseSection location={location} operation={operation} />
      </Section>
      {isTrigger ? (
        <Section title="Trigger configuration">
          <TriggerSection location={location} operation={operation} onSelect={onSelect} />
        </Section>
      ) : null}
      <Section title="Extensions" open={false}>
        <p className="cs-muted">
          Other keys of this operation: x-ms-pageable, x-ms-capabilities, x-ms-openai-data,
          x-ms-no-generic-test, tags, consumes… as JSON.
        </p>
        <JsonSubEditor
          label="Operation extensions (JSON)"
          value={extensions}
          pointer={base}
          onChange={(value) =>
            dispatch(
              setDefinitionValue(
                base,
                mergeExtras(operation, value, HANDLED_OPERATION_KEYS),
                "Edit operation extensions",
              ),
            )
          }
        />
      </Section>
    </article>
  );
}

function listTitles(policies: readonly { title: string }[]): string {
  return policies.map((p) => `“${p.title}”`).join(", ");
}

/**
 * Confirms deleting an operation that other places name: what the delete changes in apiProperties.json and
 * which references it leaves for the maker to re-point (validation flags them until then).
 */
function DeleteOperationDialog({
  impact,
  onDelete,
  onClose,
}: {
  impact: DeleteOperationImpact;
  onDelete(): void;
  onClose(): void;
}) {
  const id = impact.operationId;
  const { location } = impact;
  return (
    <ModalDialog
      title="Delete operation"
      role="alertdialog"
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onDelete}>
            Delete operation
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </>
      }
    >
      <p>
        Delete <code>{id}</code> ({location.method.toUpperCase()} <code>{location.path}</code>)? Undo brings
        everything below back in one step.
      </p>
      <ul className="cs-def-impact">
        {impact.policiesTrimmed.length > 0 ? (
          <li>
            {impact.policiesTrimmed.length === 1 ? "The policy " : "The policies "}
            {listTitles(impact.policiesTrimmed)} stop applying to it and keep their other operations.
          </li>
        ) : null}
        {impact.policiesRemoved.length > 0 ? (
          <li>
            {impact.policiesRemoved.length === 1 ? "The policy " : "The policies "}
            {listTitles(impact.policiesRemoved)} {impact.policiesRemoved.length === 1 ? "applies" : "apply"}{" "}
            only to this operation and {impact.policiesRemoved.length === 1 ? "is" : "are"} deleted too (an
            empty operation list would apply {impact.policiesRemoved.length === 1 ? "it" : "them"} to every
            operation).
          </li>
        ) : null}
        {impact.script === "trimmed" ? <li>Custom code no longer lists it among its operations.</li> : null}
        {impact.script === "kept" ? (
          <li>
            Custom code runs only for this operation. Its operation list keeps the name so that the code does
            not start running for every operation; choose its operations in the Code step or turn the code
            off.
          </li>
        ) : null}
      </ul>
      {impact.references.length > 0 ? (
        <>
          <p>
            Still named by these places, which are kept and shown as errors in Validation until you point them
            at another operation:
          </p>
          <ul className="cs-def-impact" aria-label="References to the operation">
            {impact.references.map((ref) => (
              <li key={ref.pointer}>
                {ref.ownerOperationId ? <code>{ref.ownerOperationId}</code> : "The connector"} —{" "}
                <code>{ref.extension}</code> <span className="cs-muted">({ref.pointer})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </ModalDialog>
  );
}

function RequestSection({
  location,
  operation,
  onSelect,
  openParameter,
  setOpenParameter,
}: {
  location: OperationLocation;
  operation: Operation;
  onSelect(location: OperationLocation | null): void;
  openParameter: number | null;
  setOpenParameter(index: number | null): void;
}) {
  const store = useWorkspaceStoreApi();
  const dispatch = useDispatchForm();
  const [importing, setImporting] = useState(false);
  // Narrow selectors: typing elsewhere in the definition does not re-render this section.
  const sharedParameters = useWorkspace((s) => selectDocument(s)?.definition.parameters);
  const basePath = useWorkspace((s) => {
    const value = selectDocument(s)?.definition.basePath;
    return typeof value === "string" ? value : "/";
  });
  const host = useWorkspace((s) => {
    const value = selectDocument(s)?.definition.host;
    return typeof value === "string" ? value : "api.contoso.com";
  });
  const scheme = useWorkspace((s) => {
    const value = selectDocument(s)?.definition.schemes?.[0];
    return typeof value === "string" ? value : "https";
  });
  const definition = useMemo(() => ({ parameters: sharedParameters }) as SwaggerDocument, [sharedParameters]);
  const base = toPointer(["paths", location.path, location.method]);
  const params = Array.isArray(operation.parameters) ? operation.parameters : [];
  const initialUrl = `${scheme}://${host}${basePath === "/" ? "" : basePath.replace(/\/$/, "")}${location.path}`;

  if (openParameter !== null && params[openParameter] !== undefined) {
    return (
      <ParameterEditor
        pointer={`${base}/parameters/${openParameter}`}
        onClose={() => setOpenParameter(null)}
      />
    );
  }
  const addParam = () => {
    const taken = new Set(
      params.map((p) => (definition ? resolveParameter(definition, p)?.name : undefined)),
    );
    let name = "parameter";
    for (let i = 2; taken.has(name); i += 1) name = `parameter${i}`;
    dispatch(
      addParameter(location, {
        name,
        in: "query",
        type: "string",
        required: false,
        "x-ms-summary": "Parameter",
        description: "",
      }),
    );
    setOpenParameter(params.length);
  };
  return (
    <div>
      <Toolbar label="Request actions">
        <button type="button" onClick={() => setImporting(true)}>
          Import from sample
        </button>
        <button type="button" onClick={addParam}>
          Add parameter
        </button>
      </Toolbar>
      {params.length === 0 ? (
        <p className="cs-muted">No parameters. Import a sample request or add one.</p>
      ) : (
        // A wrapper the table sizes against: narrow, In/Type/Required fold under the name (see definition.css),
        // so that the table never pushes the step sideways.
        <div className="cs-def-table-wrap">
          <table className="cs-def-table cs-def-params">
            <caption className="cs-visually-hidden">Parameters</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col" className="cs-def-params__detail">
                  In
                </th>
                <th scope="col" className="cs-def-params__detail">
                  Type
                </th>
                <th scope="col" className="cs-def-params__detail">
                  Required
                </th>
                <th scope="col" className="cs-def-params__actions">
                  <span className="cs-visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {params.map((raw, index) => {
                const p = definition ? resolveParameter(definition, raw) : undefined;
                const name = String(p?.name ?? "(unresolved)");
                const where = String(p?.in ?? "");
                const type = p?.in === "body" ? "schema" : String(p?.type ?? "");
                const required = p?.required === true ? "yes" : "no";
                return (
                  <tr key={index} data-pointer={`${base}/parameters/${index}`}>
                    <td className="cs-def-params__name">
                      {name}
                      <span className="cs-def-params__folded cs-small cs-muted">
                        {where} · {type}
                        {p?.required === true ? " · required" : ""}
                      </span>
                    </td>
                    <td className="cs-def-params__detail">{where}</td>
                    <td className="cs-def-params__detail">{type}</td>
                    <td className="cs-def-params__detail">{required}</td>
                    <td className="cs-def-params__actions">
                      <button
                        type="button"
                        onClick={() => setOpenParameter(index)}
                        aria-label={`Edit parameter ${name}`}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        aria-label={`Remove parameter ${name}`}
                        onClick={() =>
                          dispatch(
                            setDefinitionValue(
                              `${base}/parameters`,
                              params.filter((_, i) => i !== index),
                              "Remove parameter",
                            ),
                          )
                        }
                      >
                        Remove
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {importing ? (
        <ImportRequestDialog
          basePath={basePath}
          initialVerb={location.method}
          initialUrl={initialUrl}
          onClose={() => setImporting(false)}
          onImport={(sample, options) => {
            const doc = selectDocument(store.getState());
            if (!doc) return "No connector is open.";
            const target = { path: sample.path, method: sample.method };
            if (
              (target.path !== location.path || target.method !== location.method) &&
              getOperation(doc.definition, target)
            ) {
              return `Another operation already uses ${sample.method.toUpperCase()} ${sample.path}.`;
            }
            dispatch(importRequestSample(location, sample, options));
            if (target.path !== location.path || target.method !== location.method) onSelect(target);
            return null;
          }}
        />
      ) : null}
    </div>
  );
}

function ResponseSection({ location, operation }: { location: OperationLocation; operation: Operation }) {
  const dispatch = useDispatchForm();
  const [importing, setImporting] = useState(false);
  /** The status code whose schema is being imported from a sample (a response without a schema). */
  const [sampleFor, setSampleFor] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const base = toPointer(["paths", location.path, location.method, "responses"]);
  const responses: JsonObject = isJsonObject(operation.responses) ? operation.responses : {};
  const statuses = Object.keys(responses);
  const statusValid = /^([1-5]\d\d|default)$/.test(status) && responses[status] === undefined;
  // Working in a response selects it: the Swagger editor reveals its lines.
  const store = useWorkspaceStoreApi();
  const selectResponse = (pointer: string) => {
    const current = selectSelection(store.getState());
    if (current?.path === pointer && current.source === "step") return;
    store.getState().select("apiDefinition.swagger.json", pointer, "step");
  };
  return (
    <div>
      <Toolbar label="Response actions">
        <button type="button" onClick={() => setImporting(true)}>
          Add default response
        </button>
      </Toolbar>
      {statuses.map((code) => {
        const response = responses[code];
        const pointer = `${base}/${escapePointerToken(code)}`;
        const hasSchema = isJsonObject(response) && isJsonObject(response.schema);
        return (
          <div
            key={code}
            className="cs-def-response"
            role="group"
            aria-label={`Response ${code}`}
            data-response-pointer={pointer}
            onFocus={() => selectResponse(pointer)}
          >
            <div className="cs-def-panel__head">
              <h4>{code}</h4>
              <button type="button" onClick={() => dispatch(removeResponse(location, code))}>
                Remove response {code}
              </button>
            </div>
            {code === "default" && hasSchema ? (
              <p className="cs-field__warning">
                A default response with a schema is rejected by certification: put the schema on 200.
              </p>
            ) : null}
            <BoundText
              label={`Description of ${code}`}
              pointer={`${pointer}/description`}
              removeEmpty={false}
            />
            {hasSchema ? (
              <ResponseSchema
                pointer={`${pointer}/schema`}
                code={code}
                schema={(response as JsonObject).schema}
              />
            ) : code !== "default" ? (
              // Where ResponseSchemaMissing lands: the control that gives this response a schema.
              <button
                type="button"
                data-pointer={`${pointer}/schema`}
                aria-label={`Schema of ${code} from sample`}
                onClick={() => setSampleFor(code)}
              >
                Schema from sample
              </button>
            ) : null}
          </div>
        );
      })}
      <div className="cs-def-row">
        <TextField
          label="Status code"
          value={status}
          hint="e.g. 201, 400, 404"
          error={
            status !== "" && !statusValid ? "Enter a new status code (100–599) or “default”." : undefined
          }
          onChange={(e) => setStatus(e.currentTarget.value.trim())}
        />
        <button
          type="button"
          disabled={!statusValid}
          onClick={() => {
            dispatch(addResponse(location, status, status === "default" ? "default" : "Response"));
            setStatus("");
          }}
        >
          Add response
        </button>
      </div>
      {importing ? (
        <ImportResponseDialog
          onClose={() => setImporting(false)}
          onImport={(sample) => dispatch(importResponseSample(location, sample, "200"))}
        />
      ) : null}
      {sampleFor !== null ? (
        <ImportResponseDialog
          title={`Schema of ${sampleFor} from sample`}
          onClose={() => setSampleFor(null)}
          onImport={(sample) => dispatch(importResponseSample(location, sample, sampleFor))}
        />
      ) : null}
    </div>
  );
}

/**
 * "How the trigger fires" as chosen by the maker, per connector and operation ID, while the document does not
 * show it yet (no callback property, no polling policy): the editor is re-created when Import from sample or
 * Change to POST moves the operation, and the choice must survive that.
 */
const chosenTriggerKinds = new Map<string, TriggerKind>();

function TriggerSection({
  location,
  operation,
  onSelect,
}: {
  location: OperationLocation;
  operation: Operation;
  onSelect(location: OperationLocation | null): void;
}) {
  const store = useWorkspaceStoreApi();
  const dispatch = useDispatchForm();
  const doc = useWorkspace(selectDocument);
  const connectorId = useWorkspace((s) => s.activeId) ?? "";
  const choiceKey = `${connectorId}\u0000${operation.operationId ?? ""}`;
  const detected: TriggerKind = doc ? triggerKind(doc, location) : "unset";
  const [chosen, setChosenState] = useState<TriggerKind>(() => chosenTriggerKinds.get(choiceKey) ?? detected);
  const setChosen = (next: TriggerKind) => {
    chosenTriggerKinds.set(choiceKey, next);
    setChosenState(next);
  };
  const kind = detected !== "unset" ? detected : chosen;
  const [notifying, setNotifying] = useState(false);
  /** What the last webhook helper did (they change places out of sight: other operations, responses). */
  const [helperStatus, setHelperStatus] = useState("");
  const [verbProblem, setVerbProblem] = useState("");
  if (!doc) return null;
  const base = toPointer(["paths", location.path, location.method]);
  const triggerType = typeof operation["x-ms-trigger"] === "string" ? operation["x-ms-trigger"] : "single";
  const props = bodyPropertyPaths(doc.definition, operation);
  const callback = props.find((p) => p.isNotificationUrl)?.pointer ?? "";
  const notification = doc.definition.paths?.[location.path]?.["x-ms-notification-content"];
  const notificationSchema =
    isJsonObject(notification) && isJsonObject(notification.schema) ? notification.schema : undefined;
  const polling = readPollingConfig(doc, operation.operationId ?? "");
  const queryParams = (Array.isArray(operation.parameters) ? operation.parameters : [])
    .map((p) => resolveParameter(doc.definition, p))
    .filter((p): p is Parameter => p?.in === "query" && typeof p.name === "string")
    .map((p) => p.name as string);
  const writePolling = (patch: Partial<typeof polling>, key: string) =>
    dispatch(setPollingConfig(location, { ...polling, ...patch }), `${base}/polling/${key}`);
  // A webhook subscribes with a POST (answered 201 + Location); a polling trigger is a GET (connector-format
  // § 4.6). The verb is the maker's, so a mismatch is said with a one-click change, not changed silently.
  const expectedVerb = kind === "webhook" ? "post" : kind === "polling" ? "get" : null;
  const changeVerb = (method: "get" | "post") => {
    const d = selectDocument(store.getState());
    if (!d) return;
    const target = { path: location.path, method };
    if (getOperation(d.definition, target)) {
      setVerbProblem(
        `${method.toUpperCase()} ${location.path} is taken by another operation; change this trigger's URL with Import from sample.`,
      );
      return;
    }
    dispatch(moveOperation(location, target));
    onSelect(target);
  };
  /** Runs a helper's command and says what it did (or that there was nothing to do). */
  const runHelper = (command: Command, done: string, nothing: string) => {
    const d = selectDocument(store.getState());
    if (!d) return;
    const changed = command.apply(d) !== d;
    if (changed) dispatch(command);
    setHelperStatus(changed ? done : nothing);
  };

  return (
    <div>
      <div className="cs-def-row">
        <Select
          label="Trigger type"
          pointer={`${base}/x-ms-trigger`}
          value={triggerType}
          options={[
            { value: "single", label: "Single (one run per item)" },
            { value: "batch", label: "Batch (one run per call)" },
          ]}
          onChange={(e) =>
            dispatch(
              setOperationField(location, "x-ms-trigger", e.currentTarget.value, "Change trigger type"),
            )
          }
        />
        <Select
          label="How the trigger fires"
          value={kind}
          options={[
            { value: "unset", label: "(choose)" },
            { value: "webhook", label: "Webhook" },
            { value: "polling", label: "Polling" },
          ]}
          onChange={(e) => setChosen(e.currentTarget.value as TriggerKind)}
        />
      </div>
      {expectedVerb !== null && location.method !== expectedVerb ? (
        <div className="cs-def-verb-warning" role="group" aria-label="Trigger verb">
          <p className="cs-field__warning">
            {kind === "webhook"
              ? `A webhook trigger registers with a POST that answers 201 with a Location header; this trigger is ${location.method.toUpperCase()}.`
              : `A polling trigger is a GET that the platform calls again and again; this trigger is ${location.method.toUpperCase()}.`}
          </p>
          <button
            type="button"
            className="cs-button cs-button-small"
            onClick={() => changeVerb(expectedVerb)}
          >
            Change to {expectedVerb.toUpperCase()}
          </button>
          {verbProblem ? <p className="cs-field__error">{verbProblem}</p> : null}
        </div>
      ) : null}
      <BoundText label="Trigger hint" pointer={`${base}/x-ms-trigger-hint`} />
      {kind === "webhook" ? (
        <div role="group" aria-label="Webhook">
          <Select
            label="Callback URL property"
            pointer={callback ? `${base}${callback}` : undefined}
            value={callback}
            hint="The body property that receives the callback URL (marked x-ms-notification-url, internal and required)."
            options={[
              { value: "", label: props.length === 0 ? "(import a request body first)" : "(none)" },
              ...props.map((p) => ({ value: p.pointer, label: p.path })),
            ]}
            onChange={(e) => dispatch(setNotificationUrlProperty(location, e.currentTarget.value))}
          />
          <h4>Notification content</h4>
          {notificationSchema ? (
            <SchemaTreeEditor
              pointer={toPointer(["paths", location.path, "x-ms-notification-content", "schema"])}
              label="Notification"
            />
          ) : (
            <p className="cs-muted">No notification schema yet.</p>
          )}
          <Toolbar label="Webhook helpers">
            <button type="button" onClick={() => setNotifying(true)}>
              Notification content from sample
            </button>
            <button
              type="button"
              onClick={() =>
                runHelper(
                  ensureWebhookCreatedResponse(location),
                  "Added a 201 response with a Location header (see Response).",
                  "The 201 response already has a Location header; nothing changed.",
                )
              }
            >
              Add 201 response with Location
            </button>
            <button
              type="button"
              onClick={() => {
                const d = selectDocument(store.getState());
                if (!d) return;
                const plan = planWebhookDelete(d.definition, location);
                runHelper(
                  addWebhookDeleteOperation(plan),
                  `Added the internal action ${plan.operation.operationId ?? ""} (DELETE ${plan.location.path}) that removes the subscription; find it under Actions.`,
                  "Nothing added: that operation already exists.",
                );
              }}
            >
              Add delete operation
            </button>
          </Toolbar>
          <p className="cs-small" role="status">
            {helperStatus}
          </p>
          {notifying ? (
            <ImportResponseDialog
              title="Notification content from sample"
              onClose={() => setNotifying(false)}
              onImport={(sample) => {
                if (sample.body === undefined) {
                  setHelperStatus("The sample had no body; the notification content is unchanged.");
                  return;
                }
                const schema = schemaFromSample(sample.body);
                dispatch(setNotificationContent(location, schema));
                const count = isJsonObject(schema.properties) ? Object.keys(schema.properties).length : 0;
                setHelperStatus(
                  `Set the notification content from the sample (${count} ${count === 1 ? "property" : "properties"}).`,
                );
              }}
            />
          ) : null}
        </div>
      ) : null}
      {kind === "polling" ? (
        <div role="group" aria-label="Polling">
          <Select
            label="Query parameter that holds the state"
            value={polling.stateParameter}
            options={[
              { value: "", label: "(choose)" },
              ...queryParams.map((n) => ({ value: n, label: n })),
              ...(polling.stateParameter && !queryParams.includes(polling.stateParameter)
                ? [{ value: polling.stateParameter, label: polling.stateParameter }]
                : []),
            ]}
            onChange={(e) => writePolling({ stateParameter: e.currentTarget.value }, "state")}
          />
          <TextField
            label="Value to pass"
            value={polling.valueExpression}
            hint="e.g. @{triggerBody().value[0].createdAt}"
            onChange={(e) => writePolling({ valueExpression: e.currentTarget.value }, "value")}
          />
          <TextField
            label="Collection that contains trigger data"
            value={polling.triggerDataPath}
            hint="e.g. @triggerBody().value"
            onChange={(e) => writePolling({ triggerDataPath: e.currentTarget.value }, "data")}
          />
        </div>
      ) : null}
    </div>
  );
}

/** A response schema; large ones start folded so that switching operations stays fast. */
function ResponseSchema({ pointer, code, schema }: { pointer: string; code: string; schema: unknown }) {
  const size =
    isJsonObject(schema) && isJsonObject(schema.properties) ? Object.keys(schema.properties).length : 0;
  const [open, setOpen] = useState(size <= 8);
  return (
    <details open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary data-pointer={pointer}>Schema of {code}</summary>
      {open ? <SchemaTreeEditor pointer={pointer} label={`Response ${code}`} /> : null}
    </details>
  );
}
