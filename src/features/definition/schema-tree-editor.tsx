import { useState } from "react";
import { isJsonObject } from "../../model/json-value";
import { escapePointerToken } from "../../model/json-pointer";
import {
  addSchemaProperty,
  FORMATS_BY_TYPE,
  removeSchemaProperty,
  renameSchemaProperty,
  setSchemaPropertyRequired,
  setSchemaType,
} from "../../model/operations/parameters";
import { setDefinitionValue } from "../../model/operations/operations";
import type { Schema } from "../../model/swagger-types";
import { Checkbox, Select, TextField } from "../../components/ui/form-fields";
import {
  BoundSelect,
  BoundText,
  useDefinitionValue,
  useDispatchForm,
  VISIBILITY_OPTIONS,
} from "./doc-fields";
import { JsonSubEditor, mergeExtras } from "./json-sub-editor";

const TYPES = ["string", "integer", "number", "boolean", "array", "object"] as const;
const HANDLED = new Set([
  "type",
  "format",
  "title",
  "x-ms-summary",
  "description",
  "x-ms-visibility",
  "properties",
  "required",
  "items",
]);

/**
 * A property tree editor for an object (or array) schema at `pointer`: add, remove, rename, type, format,
 * required, visibility, title/summary, description, nested objects and arrays; other keywords and
 * `x-ms-*` extensions of each property in a JSON sub-editor.
 */
export function SchemaTreeEditor({
  pointer,
  label,
  depth = 0,
}: {
  pointer: string;
  label: string;
  depth?: number;
}) {
  const schema = useDefinitionValue(pointer);
  const dispatch = useDispatchForm();
  const [newName, setNewName] = useState("");
  if (!isJsonObject(schema)) return <p className="cs-muted">No schema.</p>;
  if (typeof schema.$ref === "string") {
    return <p className="cs-muted">Uses the shared schema {schema.$ref}; edit it under References.</p>;
  }
  if (schema.type === "array") {
    return (
      <div className="cs-def-tree">
        <p className="cs-muted">Array items:</p>
        <SchemaTreeEditor pointer={`${pointer}/items`} label={`${label} items`} depth={depth + 1} />
      </div>
    );
  }
  const properties = isJsonObject(schema.properties) ? Object.keys(schema.properties) : [];
  const required = Array.isArray(schema.required) ? schema.required : [];
  const add = () => {
    const name = newName.trim();
    if (name === "") return;
    dispatch(addSchemaProperty(pointer, name));
    setNewName("");
  };
  return (
    <div className="cs-def-tree" role="group" aria-label={`${label} properties`}>
      {properties.length === 0 ? <p className="cs-muted">No properties yet.</p> : null}
      <ul className="cs-def-tree__list">
        {properties.map((name) => (
          <li key={name}>
            <PropertyEditor parent={pointer} name={name} required={required.includes(name)} depth={depth} />
          </li>
        ))}
      </ul>
      <div className="cs-def-row">
        <TextField
          label={`New property name${depth > 0 ? ` (${label})` : ""}`}
          value={newName}
          onChange={(e) => setNewName(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" onClick={add} disabled={newName.trim() === ""}>
          Add property
        </button>
      </div>
    </div>
  );
}

function PropertyEditor({
  parent,
  name,
  required,
  depth,
}: {
  parent: string;
  name: string;
  required: boolean;
  depth: number;
}) {
  const pointer = `${parent}/properties/${escapePointerToken(name)}`;
  const prop = useDefinitionValue(pointer);
  const dispatch = useDispatchForm();
  const [nameDraft, setNameDraft] = useState(name);
  const [nameError, setNameError] = useState<string | undefined>();
  const [open, setOpen] = useState(false);
  if (!isJsonObject(prop)) return null;
  const schema = prop as Schema;
  const type = typeof schema.type === "string" ? schema.type : "";
  const formats = FORMATS_BY_TYPE[type] ?? [];
  const commitName = () => {
    const next = nameDraft.trim();
    if (next === name) return;
    if (next === "") {
      setNameError("A property needs a name.");
      return;
    }
    setNameError(undefined);
    dispatch(renameSchemaProperty(parent, name, next));
  };
  const extras = Object.fromEntries(Object.entries(schema).filter(([k]) => !HANDLED.has(k)));
  return (
    <details
      className="cs-def-property"
      open={open}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary data-pointer={pointer}>
        <span className="cs-def-property__name">{name}</span>{" "}
        <span className="cs-muted">{type || "any"}</span>
        {required ? <span className="cs-muted"> · required</span> : null}
      </summary>
      {open ? (
        <div className="cs-def-property__body">
          <TextField
            label="Name"
            pointer={pointer}
            value={nameDraft}
            error={nameError}
            hint="Press Enter or leave the field to rename."
            onChange={(e) => setNameDraft(e.currentTarget.value)}
            onBlur={commitName}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                commitName();
              }
            }}
          />
          <BoundText label="Summary" pointer={`${pointer}/x-ms-summary`} />
          <BoundText label="Title" pointer={`${pointer}/title`} />
          <BoundText label="Description" pointer={`${pointer}/description`} multiline />
          <div className="cs-def-row">
            <Select
              label="Type"
              pointer={`${pointer}/type`}
              value={type}
              options={[
                ...(type === "" ? [{ value: "", label: "(any)" }] : []),
                ...TYPES.map((t) => ({ value: t, label: t })),
              ]}
              onChange={(e) => dispatch(setSchemaType(pointer, e.currentTarget.value))}
            />
            <Select
              label="Format"
              pointer={`${pointer}/format`}
              value={typeof schema.format === "string" ? schema.format : ""}
              options={[
                { value: "", label: "(none)" },
                ...formats.map((f) => ({ value: f, label: f })),
                ...(typeof schema.format === "string" && !formats.includes(schema.format)
                  ? [{ value: schema.format, label: schema.format }]
                  : []),
              ]}
              onChange={(e) =>
                dispatch(
                  setDefinitionValue(
                    `${pointer}/format`,
                    e.currentTarget.value || undefined,
                    "Change format",
                  ),
                )
              }
            />
            <BoundSelect
              label="Visibility"
              pointer={`${pointer}/x-ms-visibility`}
              options={VISIBILITY_OPTIONS}
            />
          </div>
          <Checkbox
            label="Is required?"
            checked={required}
            onChange={(e) => dispatch(setSchemaPropertyRequired(parent, name, e.currentTarget.checked))}
          />
          {(type === "object" || type === "array") && depth < 8 ? (
            <SchemaTreeEditor pointer={pointer} label={name} depth={depth + 1} />
          ) : null}
          <JsonSubEditor
            label="Other keywords and extensions"
            value={extras}
            pointer={pointer}
            onChange={(value) => {
              dispatch(
                setDefinitionValue(pointer, mergeExtras(schema, value, HANDLED), "Edit property extensions"),
              );
            }}
          />
          <button type="button" onClick={() => dispatch(removeSchemaProperty(parent, name))}>
            Remove property {name}
          </button>
        </div>
      ) : null}
    </details>
  );
}
