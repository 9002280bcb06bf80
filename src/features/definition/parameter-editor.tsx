import { useCallback, useMemo, useRef, type ReactElement } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { escapePointerToken, getAtPointer } from "../../model/json-pointer";
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
  literalFromText,
  patchObject,
  readDynamicValues,
  readStaticValues,
  renameParameter,
  resolveParameter,
  setDropdown,
  setParameterType,
  type DropdownKind,
  type DynamicValuesConfig,
  type StaticValue,
} from "../../model/operations/parameters";
import type { Parameter, SwaggerDocument } from "../../model/swagger-types";
import { selectDocument } from "../../store/workspace-store";
import { useWorkspace, useWorkspaceStoreApi } from "../../store/workspace-context";
import { Checkbox, Select, TextArea, TextField } from "../../components/ui/form-fields";
import { useResetOnExternalChange, type FormDispatch } from "../../store/form-sync";
import { useDefinition, useDefinitionValue, VISIBILITY_OPTIONS } from "./doc-fields";
import { JsonSubEditor, mergeExtras } from "./json-sub-editor";
import {
  fieldError,
  makeParameterSchema,
  PARAM_TYPES,
  parameterContext,
  parameterFormValues,
  type ParameterFormValues,
} from "./parameter-form";
import { SchemaTreeEditor } from "./schema-tree-editor";

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

const EMPTY: readonly JsonValue[] = [];

/**
 * The Parameter pane: Name, Summary, Description, Default value, Is required?, Visibility, Type, Format,
 * URL encoding and Dropdown type (None / Static / Dynamic). A body parameter edits its schema as a tree.
 */
export function ParameterEditor({ pointer, onClose }: { pointer: string; onClose(): void }) {
  const param = useDefinitionValue(pointer);
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
  // One form per parameter: opening another parameter starts from its own values.
  return <ParameterForm key={pointer} pointer={pointer} node={param as Parameter} onClose={onClose} />;
}

/**
 * The form of one parameter: react-hook-form with the zod schema of {@link makeParameterSchema}. Each
 * field is checked as the maker types; invalid text stays on screen with its message and is not written;
 * valid text is written at once as a command (typing in one field is one undo step). Changes from
 * elsewhere (undo, the Swagger editor, an import) reset the form to the document.
 */
function ParameterForm({ pointer, node, onClose }: { pointer: string; node: Parameter; onClose(): void }) {
  const store = useWorkspaceStoreApi();
  const ownerPointer = pointer.split("/").slice(0, -2).join("/");
  // The context changes only with the owner's parameter list, the shared parameters or the path.
  const siblings = useWorkspace((s) => {
    const doc = selectDocument(s);
    const list = doc ? getAtPointer(doc.definition, `${ownerPointer}/parameters`) : undefined;
    return Array.isArray(list) ? list : EMPTY;
  });
  const shared = useWorkspace((s) => selectDocument(s)?.definition.parameters);
  const ctx = useMemo(() => {
    const doc = selectDocument(store.getState());
    const definition: SwaggerDocument = doc
      ? doc.definition
      : { parameters: shared, paths: {} as SwaggerDocument["paths"] };
    return parameterContext(definition, pointer);
    // `siblings` and `shared` are what the context is read from.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, pointer, siblings, shared]);
  const schema = useMemo(() => makeParameterSchema(ctx), [ctx]);
  const form = useForm<ParameterFormValues>({
    defaultValues: parameterFormValues(node),
    resolver: zodResolver(schema),
    mode: "onChange",
  });
  const { register, control, formState, reset, getValues, setValue } = form;
  const staticRows = useFieldArray({ control, name: "staticValues" });

  const readNode = useCallback((): JsonObject | undefined => {
    const doc = selectDocument(store.getState());
    const value = doc ? getAtPointer(doc.definition, pointer) : undefined;
    return isJsonObject(value) ? value : undefined;
  }, [store, pointer]);

  // The parameter as last shown: an outside change that leaves it untouched keeps what is being typed.
  const shown = useRef<unknown>(node);
  const formDispatch = useResetOnExternalChange(
    (doc) => getAtPointer(doc.definition, pointer),
    (next) => {
      if (next === shown.current || !isJsonObject(next)) return;
      shown.current = next;
      reset(parameterFormValues(next));
    },
  );
  const dispatch = useCallback<FormDispatch>(
    (command, mergeKey) => {
      formDispatch(command, mergeKey);
      shown.current = readNode();
    },
    [formDispatch, readNode],
  );

  /** Whether the field (an RHF path) is valid in the form's current values. */
  const valid = (field: string) => fieldError(schema.safeParse(getValues()).error, field) === undefined;
  const errorOf = (field: keyof ParameterFormValues) => formState.errors[field]?.message;

  const text = (
    field: "summary" | "description" | "default",
    key: string,
    label: string,
    toValue: (text: string) => JsonValue | undefined,
  ) =>
    register(field, {
      onChange: (e: { target: { value: string } }) => {
        if (!valid(field)) return;
        dispatch(patchObject(pointer, { [key]: toValue(e.target.value) }, label), `${pointer}/${key}`);
      },
    });
  const orRemove = (t: string) => (t === "" ? undefined : t);

  const p = node;
  const isBody = p.in === "body";
  const extras = Object.fromEntries(Object.entries(p).filter(([k]) => !HANDLED.has(k)));
  const type = typeof p.type === "string" ? p.type : "string";
  const formats = FORMATS_BY_TYPE[type] ?? [];
  const kind = dropdownKind(p);
  // A problem reported on the parameter itself (not one of its keys) focuses the field that most likely
  // fixes it: a path parameter that is not required, a missing summary, else the name.
  const ownTarget =
    p.in === "path" && p.required !== true
      ? "required"
      : typeof p["x-ms-summary"] !== "string" || p["x-ms-summary"].trim() === ""
        ? "summary"
        : "name";
  // Always the same wrapper (a changing tree would remount the input being typed in).
  const anchor = (field: typeof ownTarget, element: ReactElement) => (
    <div className="cs-def-anchor" data-pointer={field === ownTarget ? pointer : undefined}>
      {element}
    </div>
  );

  const onKind = (next: DropdownKind) => {
    const current = readNode();
    if (!current) return;
    if (next === "static") {
      // Start the list with the default value (or a placeholder) so that the enum is never empty.
      const existing = readStaticValues(current);
      const seed = current.default === undefined ? "value1" : String(current.default);
      const values = existing.length > 0 ? existing : [{ value: seed, displayName: "" }];
      dispatch(setDropdown(pointer, "static", { values }));
    } else if (next === "dynamic")
      dispatch(setDropdown(pointer, "dynamic", { dynamic: readDynamicValues(current) }));
    else dispatch(setDropdown(pointer, "none"));
    staticRows.replace(readStaticValues(readNode() ?? current));
  };

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
      <form className="cs-def-form" onSubmit={(e) => e.preventDefault()}>
        {anchor(
          "name",
          <TextField
            label="Name"
            pointer={`${pointer}/name`}
            error={errorOf("name")}
            spellCheck={false}
            autoComplete="off"
            hint={
              p.in === "path"
                ? "A path parameter is named after a {placeholder} of the operation's path."
                : "Renaming also updates the dynamic dropdowns of this operation that pass its value on."
            }
            {...register("name", {
              onChange: (e: { target: { value: string } }) => {
                if (valid("name")) dispatch(renameParameter(pointer, e.target.value), `${pointer}/name`);
              },
            })}
          />,
        )}
        {anchor(
          "summary",
          <TextField
            label="Summary"
            pointer={`${pointer}/x-ms-summary`}
            error={errorOf("summary")}
            {...text("summary", "x-ms-summary", "Change summary", orRemove)}
          />,
        )}
        <TextArea
          label="Description"
          rows={3}
          pointer={`${pointer}/description`}
          error={errorOf("description")}
          {...text("description", "description", "Change description", orRemove)}
        />
        {!isBody ? (
          <TextField
            label="Default value"
            pointer={`${pointer}/default`}
            error={errorOf("default")}
            hint={type === "array" ? 'A list as JSON, such as ["a", "b"].' : undefined}
            {...text("default", "default", "Change default value", (t) =>
              literalFromText(t, getValues("type")),
            )}
          />
        ) : null}
        {anchor(
          "required",
          <Checkbox
            label="Is required?"
            pointer={`${pointer}/required`}
            error={errorOf("required")}
            disabled={p.in === "path" && p.required === true}
            hint={p.in === "path" ? "Path parameters are always required." : undefined}
            {...register("required", {
              onChange: (e: { target: { checked: boolean } }) => {
                if (!valid("required")) return;
                dispatch(
                  patchObject(pointer, { required: e.target.checked ? true : undefined }, "Change required"),
                );
              },
            })}
          />,
        )}
        <Select
          label="Visibility"
          pointer={`${pointer}/x-ms-visibility`}
          options={VISIBILITY_OPTIONS}
          {...register("visibility", {
            onChange: (e: { target: { value: string } }) =>
              dispatch(
                patchObject(
                  pointer,
                  { "x-ms-visibility": e.target.value === "none" ? undefined : e.target.value },
                  "Change visibility",
                ),
              ),
          })}
        />
      </form>
      {isBody ? (
        <SchemaTreeEditor pointer={`${pointer}/schema`} label="Body" />
      ) : (
        <>
          <div className="cs-def-row">
            <Select
              label="Type"
              pointer={`${pointer}/type`}
              options={[
                ...PARAM_TYPES.map((t) => ({ value: t, label: t })),
                ...((PARAM_TYPES as readonly string[]).includes(type) ? [] : [{ value: type, label: type }]),
              ]}
              {...register("type", {
                deps: ["default", "staticValues"],
                onChange: (e: { target: { value: string } }) => {
                  dispatch(setParameterType(pointer, e.target.value));
                  // The command may drop the format and convert the default and the dropdown values.
                  const now = readNode();
                  if (now) setValue("format", typeof now.format === "string" ? now.format : "");
                },
              })}
            />
            <Select
              label="Format"
              pointer={`${pointer}/format`}
              options={[
                { value: "", label: "(none)" },
                ...formats.map((f) => ({ value: f, label: f })),
                ...(typeof p.format === "string" && p.format !== "" && !formats.includes(p.format)
                  ? [{ value: p.format, label: p.format }]
                  : []),
              ]}
              {...register("format", {
                deps: ["default", "staticValues"],
                onChange: (e: { target: { value: string } }) =>
                  dispatch(patchObject(pointer, { format: e.target.value || undefined }, "Change format")),
              })}
            />
            {p.in === "path" ? (
              <Select
                label="URL encoding"
                pointer={`${pointer}/x-ms-url-encoding`}
                options={[
                  { value: "", label: "(not set)" },
                  { value: "single", label: "single" },
                  { value: "double", label: "double" },
                ]}
                {...register("urlEncoding", {
                  onChange: (e: { target: { value: string } }) =>
                    dispatch(
                      patchObject(
                        pointer,
                        { "x-ms-url-encoding": e.target.value || undefined },
                        "Change URL encoding",
                      ),
                    ),
                })}
              />
            ) : null}
          </div>
          <div className="cs-def-dropdown">
            <Select
              label="Dropdown type"
              pointer={`${pointer}/${kind === "dynamic" ? "x-ms-dynamic-values" : "enum"}`}
              options={[
                { value: "none", label: "None" },
                { value: "static", label: "Static" },
                { value: "dynamic", label: "Dynamic" },
              ]}
              {...register("dropdown", {
                onChange: (e: { target: { value: string } }) => onKind(e.target.value as DropdownKind),
              })}
            />
            {kind === "static" ? (
              <div role="group" aria-label="Static values" className="cs-def-static">
                {staticRows.fields.map((row, i) => (
                  <StaticValueRow
                    key={row.id}
                    index={i}
                    pointer={pointer}
                    node={p}
                    register={register}
                    error={formState.errors.staticValues?.[i]?.value?.message}
                    valid={valid}
                    dispatch={dispatch}
                    readNode={readNode}
                    onRemove={() => {
                      const current = readNode();
                      if (!current) return;
                      const values = readStaticValues(current).filter((_, j) => j !== i);
                      dispatch(setDropdown(pointer, "static", { values }));
                      staticRows.remove(i);
                    }}
                  />
                ))}
                <button
                  type="button"
                  onClick={() => {
                    const current = readNode();
                    if (!current) return;
                    const values = readStaticValues(current);
                    const row = { value: nextStaticValue(values, type), displayName: "" };
                    dispatch(setDropdown(pointer, "static", { values: [...values, row] }));
                    staticRows.append(row, { shouldFocus: false });
                  }}
                >
                  Add value
                </button>
              </div>
            ) : null}
            {kind === "dynamic" ? (
              <DynamicValuesEditor pointer={pointer} config={readDynamicValues(p)} dispatch={dispatch} />
            ) : null}
          </div>
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

/** A new value for the static list that fits the type and is not listed yet. */
function nextStaticValue(values: readonly StaticValue[], type: string): string {
  const taken = new Set(values.map((v) => v.value));
  if (type === "integer" || type === "number") {
    const numbers = values.map((v) => Number(v.value)).filter((n) => Number.isFinite(n));
    return String(numbers.length > 0 ? Math.floor(Math.max(...numbers)) + 1 : 1);
  }
  if (type === "boolean") return taken.has("true") ? "false" : "true";
  for (let i = values.length + 1; ; i += 1) if (!taken.has(`value${i}`)) return `value${i}`;
}

/** The pointer of the `x-ms-enum-values` entry that names enum value `index` (they need not be aligned). */
function displayNamePointer(pointer: string, node: JsonObject, index: number): string {
  const values = Array.isArray(node.enum) ? node.enum : [];
  const names = Array.isArray(node["x-ms-enum-values"]) ? node["x-ms-enum-values"] : [];
  const at = names.findIndex((n) => isJsonObject(n) && n.value === values[index]);
  return at === -1 ? `${pointer}/x-ms-enum-values` : `${pointer}/x-ms-enum-values/${at}/displayName`;
}

/** One static dropdown value: Value N (checked against the type) and Display name N. */
function StaticValueRow({
  index,
  pointer,
  node,
  register,
  error,
  valid,
  dispatch,
  readNode,
  onRemove,
}: {
  index: number;
  pointer: string;
  node: JsonObject;
  register: ReturnType<typeof useForm<ParameterFormValues>>["register"];
  error: string | undefined;
  valid(field: string): boolean;
  dispatch: FormDispatch;
  readNode(): JsonObject | undefined;
  onRemove(): void;
}) {
  // Other rows are written as the document has them: their invalid drafts are never written.
  const write = (patch: Partial<StaticValue>, mergeKey: string) => {
    const current = readNode();
    if (!current) return;
    const values = readStaticValues(current).map((v, j) => (j === index ? { ...v, ...patch } : v));
    dispatch(setDropdown(pointer, "static", { values }), mergeKey);
  };
  const n = index + 1;
  return (
    <div className="cs-def-row">
      <TextField
        label={`Value ${n}`}
        pointer={`${pointer}/enum/${index}`}
        error={error}
        {...register(`staticValues.${index}.value`, {
          deps: ["default"],
          onChange: (e: { target: { value: string } }) => {
            if (!valid(`staticValues.${index}.value`)) return;
            write({ value: e.target.value }, `${pointer}/enum/${index}`);
          },
        })}
      />
      <TextField
        label={`Display name ${n}`}
        pointer={displayNamePointer(pointer, node, index)}
        {...register(`staticValues.${index}.displayName`, {
          onChange: (e: { target: { value: string } }) =>
            write({ displayName: e.target.value }, `${pointer}/x-ms-enum-values/${index}`),
        })}
      />
      <button type="button" onClick={onRemove}>
        Remove value {n}
      </button>
    </div>
  );
}

function DynamicValuesEditor({
  pointer,
  config,
  dispatch,
}: {
  pointer: string;
  config: DynamicValuesConfig;
  dispatch: FormDispatch;
}) {
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
          write({ parameters }, `${dv}/parameters/${escapePointerToken(name)}`);
        };
        return (
          <div className="cs-def-row" key={name}>
            <Select
              label={`${name}: value from`}
              pointer={`${dv}/parameters/${escapePointerToken(name)}`}
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
                pointer={`${dv}/parameters/${escapePointerToken(name)}`}
                value={String((binding as JsonObject).parameter)}
                options={ownParams.map((n) => ({ value: n, label: n }))}
                onChange={(e) => setBinding({ parameter: e.currentTarget.value })}
              />
            ) : (
              <TextField
                label={`${name}: fixed value`}
                pointer={`${dv}/parameters/${escapePointerToken(name)}`}
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
