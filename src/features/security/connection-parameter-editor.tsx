import { useState } from "react";
import { useForm } from "react-hook-form";
import { Checkbox, Select, TextArea, TextField } from "../../components/ui/form-fields";
import { useResetOnExternalChange } from "../../store/form-sync";
import { getAtPointer, toPointer } from "../../model/json-pointer";
import { isJsonObject } from "../../model/json-value";
import {
  parameterNameProblem,
  readConnectionParameter,
  removeConnectionParameter,
  renameConnectionParameter,
  setConnectionParameterField,
  type ConnectionParameterField,
  type ConnectionParameterValues,
} from "../../model/operations/security";
import { useWorkspaceStoreApi } from "../../store/workspace-context";

const TYPE_OPTIONS = [
  { value: "string", label: "Text (string)" },
  { value: "securestring", label: "Secret text (securestring)" },
  { value: "int", label: "Number (int)" },
  { value: "bool", label: "Yes/no (bool)" },
];

/**
 * Edits one connection parameter (in `connectionParameters` or in one authentication option) in place:
 * name, type, display name, description, tooltip, required and allowed values.
 */
export function ConnectionParameterEditor({
  base,
  values,
}: {
  base: string;
  values: ConnectionParameterValues;
}) {
  const store = useWorkspaceStoreApi();
  const pointer = `${base}${toPointer([values.name])}`;
  const { register, reset, getValues } = useForm<ConnectionParameterValues>({
    mode: "onChange",
    defaultValues: values,
  });
  const [nameError, setNameError] = useState<string | undefined>();

  const formDispatch = useResetOnExternalChange(
    (doc) => {
      const param = getAtPointer(doc.properties, pointer);
      return isJsonObject(param) ? readConnectionParameter(values.name, param) : getValues();
    },
    (next) => reset(next),
  );

  const commit = (field: ConnectionParameterField, value: string | boolean) =>
    formDispatch(setConnectionParameterField(base, values.name, field, value), `${pointer}#${field}`);

  const activeProperties = () => {
    const state = store.getState();
    const id = state.activeId;
    return id ? state.histories[id]?.present.properties : undefined;
  };

  const onRename = (next: string) => {
    if (next === values.name) return setNameError(undefined);
    const problem = parameterNameProblem(next);
    if (problem) return setNameError(problem);
    const existing = getAtPointer(activeProperties(), `${base}${toPointer([next])}`);
    if (existing !== undefined) return setNameError(`There is already a parameter named "${next}".`);
    setNameError(undefined);
    store.getState().dispatch(renameConnectionParameter(base, values.name, next), { source: "form" });
  };

  const onText = (field: ConnectionParameterField) => ({
    onChange: (event: { target: { value: string } }) => commit(field, event.target.value),
  });

  const supportsAllowedValues = values.type === "string" || values.type === "int";
  const knownType = TYPE_OPTIONS.some((o) => o.value === values.type);

  return (
    <fieldset className="cs-security__parameter">
      <legend>
        Connection parameter <code>{values.name}</code>
      </legend>
      <div className="cs-security__grid">
        <TextField
          label="Name"
          pointer={pointer}
          error={nameError}
          hint="Referenced as @connectionParameters('name') in policies."
          autoComplete="off"
          spellCheck={false}
          {...register("name", {
            onBlur: (event: { target: { value: string } }) => onRename(event.target.value),
          })}
        />
        <Select
          label="Type"
          pointer={`${pointer}/type`}
          options={knownType ? TYPE_OPTIONS : [...TYPE_OPTIONS, { value: values.type, label: values.type }]}
          {...register("type", onText("type"))}
        />
        <TextField
          label="Display name"
          pointer={`${pointer}/uiDefinition/displayName`}
          {...register("label", onText("label"))}
        />
        <TextField
          label="Tooltip"
          pointer={`${pointer}/uiDefinition/tooltip`}
          {...register("tooltip", onText("tooltip"))}
        />
      </div>
      <TextField
        label="Description"
        pointer={`${pointer}/uiDefinition/description`}
        {...register("description", onText("description"))}
      />
      <Checkbox
        label="Required"
        pointer={`${pointer}/uiDefinition/constraints/required`}
        {...register("required", {
          onChange: (event: { target: { checked: boolean } }) => commit("required", event.target.checked),
        })}
      />
      {supportsAllowedValues ? (
        <TextArea
          label="Allowed values"
          pointer={`${pointer}/uiDefinition/constraints/allowedValues`}
          hint="One per line: a value, or display text | value. Leave empty for free input."
          rows={3}
          {...register("allowedValues", onText("allowedValues"))}
        />
      ) : null}
      <button
        type="button"
        className="cs-button"
        onClick={() =>
          store.getState().dispatch(removeConnectionParameter(base, values.name), { source: "form" })
        }
      >
        Remove parameter {values.name}
      </button>
    </fieldset>
  );
}
