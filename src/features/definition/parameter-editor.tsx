import { isJsonObject, type JsonObject, type JsonValue } from "../../model/json-value";
import {
  findOperationById,
  getOperation,
  operationIds,
  setDefinitionValue,
} from "../../model/operations/operations";
import {
  dropdownKind,
  FORMATS_BY_TYPE,
  patchObject,
  readDynamicValues,
  readStaticValues,
  resolveParameter,
  setDropdown,
  type DropdownKind,
  type DynamicValuesConfig,
  type StaticValue,
} from "../../model/operations/parameters";
import type { Parameter, SwaggerDocument } from "../../model/swagger-types";
import { Checkbox, Select, TextField } from "../../components/ui/form-fields";
import {
  BoundSelect,
  BoundText,
  useDefinition,
  useDefinitionValue,
  useDispatchForm,
  VISIBILITY_OPTIONS,
} from "./doc-fields";
import { JsonSubEditor, mergeExtras } from "./json-sub-editor";
import { SchemaTreeEditor } from "./schema-tree-editor";

const PARAM_TYPES = ["string", "integer", "number", "boolean", "array", "file"] as const;
const HANDLED = new Set([
  "name",
  "in",
  "x-ms-summary",
  "description",
  "default",
  "required",
  "x-ms-visibility",
  "type",
  "format",
  "x-ms-url-encoding",
  "enum",
  "x-ms-enum-values",
  "x-ms-dynamic-values",
  "schema",
]);

/** Converts the Default value text to the parameter's type (numbers, booleans), text otherwise. */
function defaultFromText(text: string, type: unknown): JsonValue | undefined {
  if (text === "") return undefined;
  if ((type === "integer" || type === "number") && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (type === "boolean" && (text === "true" || text === "false")) return text === "true";
  return text;
}

/**
 * The Parameter pane: Name, Summary, Description, Default value, Is required?, Visibility, Type, Format,
 * URL encoding and Dropdown type (None / Static / Dynamic). A body parameter edits its schema as a tree.
 */
export function ParameterEditor({ pointer, onClose }: { pointer: string; onClose(): void }) {
  const param = useDefinitionValue(pointer);
  const dispatch = useDispatchForm();
  if (!isJsonObject(param)) return null;
  if (typeof param.$ref === "string") {
    return (
      <section className="cs-def-panel" aria-label="Parameter">
        <p>
          This parameter is the shared parameter <code>{param.$ref}</code>. Edit it under References.
        </p>
        <button type="button" onClick={onClose}>
          Back
        </button>
      </section>
    );
  }
  const p = param as Parameter;
  const isBody = p.in === "body";
  const extras = Object.fromEntries(Object.entries(p).filter(([k]) => !HANDLED.has(k)));
  const formats = FORMATS_BY_TYPE[typeof p.type === "string" ? p.type : ""] ?? [];
  return (
    <section className="cs-def-panel" aria-label={`Parameter ${String(p.name ?? "")}`}>
      <div className="cs-def-panel__head">
        <h4>
          Parameter {String(p.name ?? "")} <span className="cs-muted">({String(p.in ?? "")})</span>
        </h4>
        <button type="button" onClick={onClose}>
          Back
        </button>
      </div>
      <BoundText
        label="Name"
        pointer={`${pointer}/name`}
        removeEmpty={false}
        validate={(t) =>
          t.trim() === ""
            ? "A parameter needs a name."
            : t === "connectionId"
              ? "“connectionId” is reserved."
              : null
        }
      />
      <BoundText label="Summary" pointer={`${pointer}/x-ms-summary`} />
      <BoundText label="Description" pointer={`${pointer}/description`} multiline />
      {!isBody ? (
        <BoundText
          label="Default value"
          pointer={`${pointer}/default`}
          toValue={(t) => defaultFromText(t, p.type)}
        />
      ) : null}
      <Checkbox
        label="Is required?"
        pointer={`${pointer}/required`}
        checked={p.required === true}
        disabled={p.in === "path"}
        hint={p.in === "path" ? "Path parameters are always required." : undefined}
        onChange={(e) =>
          dispatch(
            patchObject(pointer, { required: e.currentTarget.checked ? true : undefined }, "Change required"),
          )
        }
      />
      <BoundSelect label="Visibility" pointer={`${pointer}/x-ms-visibility`} options={VISIBILITY_OPTIONS} />
      {isBody ? (
        <SchemaTreeEditor pointer={`${pointer}/schema`} label="Body" />
      ) : (
        <>
          <div className="cs-def-row">
            <Select
              label="Type"
              pointer={`${pointer}/type`}
              value={typeof p.type === "string" ? p.type : "string"}
              options={PARAM_TYPES.map((t) => ({ value: t, label: t }))}
              onChange={(e) => {
                const type = e.currentTarget.value;
                const patch: Record<string, JsonValue | undefined> = { type };
                if (typeof p.format === "string" && !(FORMATS_BY_TYPE[type] ?? []).includes(p.format))
                  patch.format = undefined;
                if (type === "array" && !isJsonObject(p.items)) patch.items = { type: "string" };
                if (type !== "array") patch.items = undefined;
                dispatch(patchObject(pointer, patch, "Change type"));
              }}
            />
            <Select
              label="Format"
              pointer={`${pointer}/format`}
              value={typeof p.format === "string" ? p.format : ""}
              options={[
                { value: "", label: "(none)" },
                ...formats.map((f) => ({ value: f, label: f })),
                ...(typeof p.format === "string" && !formats.includes(p.format)
                  ? [{ value: p.format, label: p.format }]
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
            {p.in === "path" ? (
              <BoundSelect
                label="URL encoding"
                pointer={`${pointer}/x-ms-url-encoding`}
                noneValue=""
                options={[
                  { value: "", label: "(not set)" },
                  { value: "single", label: "single" },
                  { value: "double", label: "double" },
                ]}
              />
            ) : null}
          </div>
          <DropdownEditor pointer={pointer} node={p} />
        </>
      )}
      <JsonSubEditor
        label="Other keywords and extensions"
        value={extras}
        pointer={pointer}
        onChange={(value) =>
          dispatch(setDefinitionValue(pointer, mergeExtras(p, value, HANDLED), "Edit parameter extensions"))
        }
      />
    </section>
  );
}

/** Dropdown type: None (free text), Static (`enum` + `x-ms-enum-values`) or Dynamic (`x-ms-dynamic-values`). */
function DropdownEditor({ pointer, node }: { pointer: string; node: JsonObject }) {
  const dispatch = useDispatchForm();
  const kind = dropdownKind(node);
  const onKind = (next: DropdownKind) => {
    if (next === "static") {
      // Start the list with the default value (or a placeholder) so that the enum is never empty.
      const existing = readStaticValues(node);
      const seed = node.default === undefined ? "value1" : String(node.default);
      const values = existing.length > 0 ? existing : [{ value: seed, displayName: "" }];
      dispatch(setDropdown(pointer, "static", { values }));
    } else if (next === "dynamic")
      dispatch(setDropdown(pointer, "dynamic", { dynamic: readDynamicValues(node) }));
    else dispatch(setDropdown(pointer, "none"));
  };
  return (
    <div className="cs-def-dropdown">
      <Select
        label="Dropdown type"
        pointer={`${pointer}/${kind === "dynamic" ? "x-ms-dynamic-values" : "enum"}`}
        value={kind}
        options={[
          { value: "none", label: "None" },
          { value: "static", label: "Static" },
          { value: "dynamic", label: "Dynamic" },
        ]}
        onChange={(e) => onKind(e.currentTarget.value as DropdownKind)}
      />
      {kind === "static" ? <StaticValuesEditor pointer={pointer} values={readStaticValues(node)} /> : null}
      {kind === "dynamic" ? <DynamicValuesEditor pointer={pointer} config={readDynamicValues(node)} /> : null}
    </div>
  );
}

function StaticValuesEditor({ pointer, values }: { pointer: string; values: StaticValue[] }) {
  const dispatch = useDispatchForm();
  // Typing merges into one undo step; adding or removing a value is a step of its own.
  const write = (next: StaticValue[], typing = true) =>
    dispatch(setDropdown(pointer, "static", { values: next }), typing ? `${pointer}/enum` : undefined);
  return (
    <div role="group" aria-label="Static values" className="cs-def-static">
      {values.map((v, i) => (
        <div className="cs-def-row" key={i}>
          <TextField
            label={`Value ${i + 1}`}
            pointer={`${pointer}/enum/${i}`}
            value={v.value}
            onChange={(e) =>
              write(values.map((x, j) => (j === i ? { ...x, value: e.currentTarget.value } : x)))
            }
          />
          <TextField
            label={`Display name ${i + 1}`}
            value={v.displayName}
            onChange={(e) =>
              write(values.map((x, j) => (j === i ? { ...x, displayName: e.currentTarget.value } : x)))
            }
          />
          <button
            type="button"
            onClick={() =>
              write(
                values.filter((_, j) => j !== i),
                false,
              )
            }
          >
            Remove value {i + 1}
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => write([...values, { value: `value${values.length + 1}`, displayName: "" }], false)}
      >
        Add value
      </button>
    </div>
  );
}

function DynamicValuesEditor({ pointer, config }: { pointer: string; config: DynamicValuesConfig }) {
  const dispatch = useDispatchForm();
  const definition = useDefinition();
  const ids = operationIds(definition);
  const write = (patch: Partial<DynamicValuesConfig>, mergeKey?: string) =>
    dispatch(setDropdown(pointer, "dynamic", { dynamic: { ...config, ...patch } }), mergeKey);
  const targetParams = calledOperationParameters(definition, config.operationId);
  const ownParams = ownParameterNames(definition, pointer);
  const dv = `${pointer}/x-ms-dynamic-values`;
  return (
    <div role="group" aria-label="Dynamic values" className="cs-def-dynamic">
      <Select
        label="Operation"
        pointer={`${dv}/operationId`}
        value={config.operationId}
        options={[
          { value: "", label: "(choose an operation)" },
          ...ids.map((id) => ({ value: id, label: id })),
          ...(config.operationId && !ids.includes(config.operationId)
            ? [{ value: config.operationId, label: `${config.operationId} (missing)` }]
            : []),
        ]}
        onChange={(e) => write({ operationId: e.currentTarget.value, parameters: {} })}
      />
      {targetParams.map((name) => {
        const binding = config.parameters[name];
        const bound = isJsonObject(binding) && typeof binding.parameter === "string";
        const setBinding = (value: JsonValue | undefined) => {
          const parameters = { ...config.parameters };
          if (value === undefined) delete parameters[name];
          else parameters[name] = value;
          write({ parameters }, `${dv}/parameters/${name}`);
        };
        return (
          <div className="cs-def-row" key={name}>
            <Select
              label={`${name}: value from`}
              value={bound ? "parameter" : "fixed"}
              options={[
                { value: "fixed", label: "Fixed value" },
                { value: "parameter", label: "This operation's parameter" },
              ]}
              onChange={(e) =>
                setBinding(e.currentTarget.value === "parameter" ? { parameter: ownParams[0] ?? "" } : "")
              }
            />
            {bound ? (
              <Select
                label={`${name}: parameter`}
                pointer={`${dv}/parameters/${name}`}
                value={String((binding as JsonObject).parameter)}
                options={ownParams.map((n) => ({ value: n, label: n }))}
                onChange={(e) => setBinding({ parameter: e.currentTarget.value })}
              />
            ) : (
              <TextField
                label={`${name}: fixed value`}
                pointer={`${dv}/parameters/${name}`}
                value={
                  binding === undefined ? "" : typeof binding === "string" ? binding : JSON.stringify(binding)
                }
                onChange={(e) => setBinding(e.currentTarget.value === "" ? undefined : e.currentTarget.value)}
              />
            )}
          </div>
        );
      })}
      <div className="cs-def-row">
        <TextField
          label="Value collection"
          pointer={`${dv}/value-collection`}
          value={config.valueCollection}
          onChange={(e) => write({ valueCollection: e.currentTarget.value }, `${dv}/value-collection`)}
        />
        <TextField
          label="Value"
          pointer={`${dv}/value-path`}
          value={config.valuePath}
          onChange={(e) => write({ valuePath: e.currentTarget.value }, `${dv}/value-path`)}
        />
        <TextField
          label="Value display name"
          pointer={`${dv}/value-title`}
          value={config.valueTitle}
          onChange={(e) => write({ valueTitle: e.currentTarget.value }, `${dv}/value-title`)}
        />
      </div>
    </div>
  );
}

function calledOperationParameters(definition: SwaggerDocument, operationId: string): string[] {
  const location = operationId ? findOperationById(definition, operationId) : null;
  const operation = location ? getOperation(definition, location) : undefined;
  const params = Array.isArray(operation?.parameters) ? operation.parameters : [];
  return params
    .map((p) => resolveParameter(definition, p))
    .filter((p): p is Parameter => p !== undefined && p.in !== "body" && typeof p.name === "string")
    .map((p) => p.name as string);
}

/** Names of the parameters of the operation that owns `pointer` (for bindings). */
function ownParameterNames(definition: SwaggerDocument, pointer: string): string[] {
  const match = /^\/paths\/([^/]+)\/([^/]+)\//.exec(pointer);
  if (!match) return [];
  const path = (match[1] as string).replace(/~1/g, "/").replace(/~0/g, "~");
  const operation = definition.paths?.[path]?.[match[2] as string];
  const params = isJsonObject(operation) && Array.isArray(operation.parameters) ? operation.parameters : [];
  return params
    .map((p) => resolveParameter(definition, p))
    .filter((p): p is Parameter => p !== undefined && typeof p.name === "string")
    .map((p) => p.name as string);
}
