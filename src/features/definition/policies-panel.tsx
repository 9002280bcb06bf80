import { useState } from "react";
import { isJsonObject, type JsonValue } from "../../model/json-value";
import {
  addPolicy,
  movePolicy,
  newPolicyInstance,
  POLICY_OPERATIONS_KEY,
  POLICY_SECTION_KEY,
  POLICY_TEMPLATES,
  removePolicy,
  setPolicyOperations,
  setPolicyParameter,
  setPolicyTitle,
  type PolicyEntry,
} from "../../model/operations/policies";
import { ModalDialog } from "../../components/ui/modal-dialog";
import { Checkbox, Select, TextField } from "../../components/ui/form-fields";
import { useDispatchForm } from "./doc-fields";
import { JsonSubEditor } from "./json-sub-editor";

/** The Policies list, in run order. */
export function PoliciesList({
  policies,
  selected,
  onSelect,
}: {
  policies: readonly PolicyEntry[];
  selected: number | null;
  onSelect(index: number): void;
}) {
  return (
    <ol aria-label="Policies" className="cs-def-simple-list">
      {policies.length === 0 ? <li className="cs-muted">No policies.</li> : null}
      {policies.map((p) => (
        <li key={p.index}>
          <button
            type="button"
            className="cs-def-list__button"
            aria-current={p.index === selected ? "true" : undefined}
            onClick={() => onSelect(p.index)}
          >
            <span className="cs-def-list__title">{p.title || p.templateId}</span>
            <span className="cs-muted">{p.template?.label ?? `${p.templateId} (read-only)`}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}

/** New policy: choose a template and a name. */
export function NewPolicyDialog({
  nextIndex,
  onCreate,
  onClose,
}: {
  nextIndex: number;
  onCreate(index: number): void;
  onClose(): void;
}) {
  const dispatch = useDispatchForm();
  const [templateId, setTemplateId] = useState(POLICY_TEMPLATES[0]?.templateId ?? "setheader");
  const [title, setTitle] = useState("");
  const create = () => {
    const template = POLICY_TEMPLATES.find((t) => t.templateId === templateId);
    dispatch(addPolicy(newPolicyInstance(templateId, title.trim() || template?.label || templateId)));
    onCreate(nextIndex);
    onClose();
  };
  return (
    <ModalDialog
      title="New policy"
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={create}>
            Create
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </>
      }
    >
      <Select
        label="Template"
        value={templateId}
        options={POLICY_TEMPLATES.map((t) => ({ value: t.templateId, label: t.label }))}
        onChange={(e) => setTemplateId(e.currentTarget.value)}
      />
      <TextField label="Name" value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
    </ModalDialog>
  );
}

/** Editor of one policy: name, template parameters, operations, run-on section, order. */
export function PolicyEditor({
  policy,
  count,
  operationIds,
  onSelect,
}: {
  policy: PolicyEntry;
  count: number;
  operationIds: readonly string[];
  onSelect(index: number | null): void;
}) {
  const dispatch = useDispatchForm();
  const pointer = `/properties/policyTemplateInstances/${policy.index}`;
  const mergeKey = (k: string) => `properties:${pointer}/${k}`;
  const order = (
    <div className="cs-def-toolbar" role="group" aria-label="Policy order">
      <button
        type="button"
        disabled={policy.index === 0}
        onClick={() => {
          dispatch(movePolicy(policy.index, -1));
          onSelect(policy.index - 1);
        }}
      >
        Move up
      </button>
      <button
        type="button"
        disabled={policy.index >= count - 1}
        onClick={() => {
          dispatch(movePolicy(policy.index, 1));
          onSelect(policy.index + 1);
        }}
      >
        Move down
      </button>
      <button
        type="button"
        onClick={() => {
          dispatch(removePolicy(policy.index));
          onSelect(null);
        }}
      >
        Delete policy
      </button>
    </div>
  );
  if (!policy.template) {
    return (
      <article className="cs-def-editor" aria-label={`Policy ${policy.title}`}>
        <h3>{policy.title || policy.templateId}</h3>
        <p>
          The template <code>{policy.templateId}</code> is not one the wizard knows. It is kept exactly as
          imported and shown read-only.
        </p>
        <JsonSubEditor label="Policy (read-only)" value={policy.raw} readOnly />
        {order}
      </article>
    );
  }
  const template = policy.template;
  const known = new Set([
    ...template.parameters.map((p) => p.key),
    POLICY_OPERATIONS_KEY,
    POLICY_SECTION_KEY,
  ]);
  const others = Object.fromEntries(Object.entries(policy.parameters).filter(([k]) => !known.has(k)));
  // Names the policy lists that are no operation (renamed or deleted): shown ticked so they can be removed.
  const unknownOperations = policy.operations.filter((id) => !operationIds.includes(id));
  return (
    <article className="cs-def-editor" aria-label={`Policy ${policy.title}`}>
      <h3>
        {policy.title || template.label} <span className="cs-muted">({template.label})</span>
      </h3>
      <TextField
        label="Policy name"
        // The catch-all of a problem in this policy that no field below names.
        pointer={pointer}
        value={policy.title}
        onChange={(e) => dispatch(setPolicyTitle(policy.index, e.currentTarget.value), mergeKey("title"))}
      />
      {template.parameters.map((spec) => {
        const value = policy.parameters[spec.key];
        if (spec.kind === "select") {
          const options = spec.options ?? [];
          const current = typeof value === "string" ? value : "";
          return (
            <Select
              key={spec.key}
              label={spec.label}
              pointer={`${pointer}/parameters/${spec.key}`}
              value={current}
              options={[
                ...(options.includes(current) ? [] : [{ value: current, label: current || "(not set)" }]),
                ...options.map((o) => ({ value: o, label: o })),
              ]}
              onChange={(e) => dispatch(setPolicyParameter(policy.index, spec.key, e.currentTarget.value))}
            />
          );
        }
        if (spec.kind === "boolean") {
          return (
            <Checkbox
              key={spec.key}
              label={spec.label}
              pointer={`${pointer}/parameters/${spec.key}`}
              checked={value === true || value === "true"}
              onChange={(e) => dispatch(setPolicyParameter(policy.index, spec.key, e.currentTarget.checked))}
            />
          );
        }
        if (spec.kind === "json") {
          return (
            <JsonSubEditor
              key={spec.key}
              label={spec.label}
              value={value}
              onChange={(next) =>
                dispatch(setPolicyParameter(policy.index, spec.key, next), mergeKey(spec.key))
              }
            />
          );
        }
        return (
          <TextField
            key={spec.key}
            label={spec.label}
            pointer={`${pointer}/parameters/${spec.key}`}
            hint={spec.help}
            value={typeof value === "string" ? value : value === undefined ? "" : JSON.stringify(value)}
            onChange={(e) =>
              dispatch(setPolicyParameter(policy.index, spec.key, e.currentTarget.value), mergeKey(spec.key))
            }
          />
        );
      })}
      {template.sections.length > 0 ? (
        <Select
          label="Run policy on"
          value={policy.section}
          options={[
            ...(policy.section === "" ? [{ value: "", label: "(not set)" }] : []),
            ...template.sections.map((s) => ({ value: s, label: s })),
          ]}
          onChange={(e) =>
            dispatch(setPolicyParameter(policy.index, POLICY_SECTION_KEY, e.currentTarget.value || undefined))
          }
        />
      ) : null}
      <fieldset className="cs-def-operations">
        <legend>Operations</legend>
        <p className="cs-muted">None selected means the policy applies to every operation.</p>
        {unknownOperations.length > 0 ? (
          <p className="cs-field__warning">
            Not operations of this connector: {unknownOperations.join(", ")}. Untick them or rename the
            operation.
          </p>
        ) : null}
        <div className="cs-def-operations__list">
          {[...operationIds, ...unknownOperations].map((id) => (
            <Checkbox
              key={id}
              label={id}
              // A problem with a listed name (OperationIdNotFound) lands on its box.
              pointer={
                policy.operations.includes(id)
                  ? `${pointer}/parameters/${POLICY_OPERATIONS_KEY}/${policy.operations.indexOf(id)}`
                  : undefined
              }
              checked={policy.operations.includes(id)}
              onChange={(e) =>
                dispatch(
                  setPolicyOperations(
                    policy.index,
                    e.currentTarget.checked
                      ? [...policy.operations, id]
                      : policy.operations.filter((o) => o !== id),
                  ),
                )
              }
            />
          ))}
        </div>
      </fieldset>
      {Object.keys(others).length > 0 ? (
        <JsonSubEditor
          label="Other parameters (JSON)"
          value={others}
          onChange={(next) => {
            const edited = isJsonObject(next) ? next : {};
            for (const key of Object.keys(others))
              if (!(key in edited)) dispatch(setPolicyParameter(policy.index, key, undefined));
            for (const [key, v] of Object.entries(edited))
              dispatch(setPolicyParameter(policy.index, key, v as JsonValue));
          }}
        />
      ) : null}
      {order}
    </article>
  );
}
