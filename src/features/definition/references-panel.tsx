import { useState } from "react";
import { isJsonObject } from "../../model/json-value";
import { setDefinitionValue, type OperationLocation } from "../../model/operations/operations";
import { renameReference, type ReferenceEntry } from "../../model/operations/references";
import { TextField } from "../../components/ui/form-fields";
import { useDefinitionValue, useDispatchForm } from "./doc-fields";
import { JsonSubEditor } from "./json-sub-editor";
import { SchemaTreeEditor } from "./schema-tree-editor";

const KIND_LABEL = { definitions: "Definition", parameters: "Parameter", responses: "Response" } as const;

/** The References list: shared definitions, parameters and responses, each with its use count. */
export function ReferencesList({
  entries,
  selected,
  onSelect,
}: {
  entries: readonly ReferenceEntry[];
  selected: string | null;
  onSelect(entry: ReferenceEntry): void;
}) {
  return (
    <ul aria-label="References" className="cs-def-simple-list">
      {entries.length === 0 ? (
        <li className="cs-muted">No shared definitions, parameters or responses.</li>
      ) : null}
      {entries.map((entry) => (
        <li key={entry.pointer}>
          <button
            type="button"
            aria-current={entry.pointer === selected ? "true" : undefined}
            onClick={() => onSelect(entry)}
            className="cs-def-list__button"
          >
            <span className="cs-def-kind">{KIND_LABEL[entry.kind]}</span>
            <span className="cs-def-list__title">{entry.name}</span>
            <span className="cs-muted">
              {entry.usages.length} {entry.usages.length === 1 ? "use" : "uses"}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Editor of one shared item: rename (updates every `$ref`), where it is used, its content. */
export function ReferenceEditor({
  entry,
  onRenamed,
  onOpenOperation,
}: {
  entry: ReferenceEntry;
  onRenamed(pointer: string): void;
  onOpenOperation(location: OperationLocation): void;
}) {
  const value = useDefinitionValue(entry.pointer);
  const dispatch = useDispatchForm();
  const [name, setName] = useState(entry.name);
  const [error, setError] = useState<string | undefined>();
  const commit = () => {
    const next = name.trim();
    if (next === entry.name) return;
    if (next === "") {
      setError("A name is required.");
      return;
    }
    const before = value;
    dispatch(renameReference(entry.kind, entry.name, next));
    if (before === undefined) return;
    setError(undefined);
    onRenamed(`/${entry.kind}/${next.replace(/~/g, "~0").replace(/\//g, "~1")}`);
  };
  const isObjectSchema =
    entry.kind === "definitions" &&
    isJsonObject(value) &&
    (value.type === "object" || isJsonObject(value.properties));
  return (
    <article className="cs-def-editor" aria-label={`${KIND_LABEL[entry.kind]} ${entry.name}`}>
      <h3>
        {KIND_LABEL[entry.kind]} {entry.name}
      </h3>
      <TextField
        label="Reference name"
        pointer={entry.pointer}
        value={name}
        error={error}
        hint="Renaming updates every $ref to it. Press Enter or leave the field to rename."
        onChange={(e) => setName(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            commit();
          }
        }}
      />
      <h4>Used by</h4>
      {entry.usages.length === 0 ? <p className="cs-muted">Not used.</p> : null}
      <ul>
        {entry.usages.map((usage) => (
          <li key={usage.pointer}>
            {usage.operation ? (
              <button
                type="button"
                className="cs-link"
                onClick={() => onOpenOperation(usage.operation as OperationLocation)}
              >
                {usage.operation.method.toUpperCase()} {usage.operation.path}
              </button>
            ) : null}{" "}
            <code>{usage.pointer}</code>
          </li>
        ))}
      </ul>
      {isObjectSchema ? <SchemaTreeEditor pointer={entry.pointer} label={entry.name} /> : null}
      <JsonSubEditor
        label={`${KIND_LABEL[entry.kind]} (JSON)`}
        value={value as never}
        pointer={entry.pointer}
        onChange={(next) => {
          if (next !== undefined) dispatch(setDefinitionValue(entry.pointer, next, "Edit reference"));
        }}
      />
    </article>
  );
}
