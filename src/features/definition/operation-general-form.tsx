import { useEffect, useMemo } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { toPointer } from "../../model/json-pointer";
import { isJsonObject, type JsonValue } from "../../model/json-value";
import {
  operationIds,
  renameOperationId,
  setOperationField,
  type OperationLocation,
} from "../../model/operations/operations";
import type { Operation } from "../../model/swagger-types";
import { selectDocument } from "../../store/workspace-store";
import { useWorkspaceStoreApi } from "../../store/workspace-context";
import { Checkbox, Select, TextArea, TextField } from "../../components/ui/form-fields";
import { useDispatchForm, VISIBILITY_OPTIONS } from "./doc-fields";

type GeneralValues = z.infer<ReturnType<typeof makeSchema>>;

/** Form values derived from the operation (pure: the document is the source of truth). */
export function operationFormValues(operation: Operation): GeneralValues {
  const annotation = isJsonObject(operation["x-ms-api-annotation"]) ? operation["x-ms-api-annotation"] : {};
  const str = (v: unknown) => (typeof v === "string" ? v : "");
  return {
    summary: str(operation.summary),
    description: str(operation.description),
    operationId: str(operation.operationId),
    visibility: visibilityOf(operation["x-ms-visibility"]),
    deprecated: operation.deprecated === true,
    family: str(annotation.family),
    revision: annotation.revision === undefined ? "" : String(annotation.revision),
  };
}

const VISIBILITIES = ["none", "advanced", "internal", "important"] as const;

function visibilityOf(value: unknown): (typeof VISIBILITIES)[number] {
  return VISIBILITIES.find((v) => v === value) ?? "none";
}

function makeSchema(otherIds: ReadonlySet<string>) {
  return z.object({
    summary: z
      .string()
      .max(80, "Keep the summary to 80 characters or fewer.")
      .refine((s) => !s.includes("/"), "A summary cannot contain “/”."),
    description: z.string(),
    operationId: z
      .string()
      .min(1, "Every operation needs an operation ID.")
      .regex(/^[A-Za-z0-9_.-]+$/, "Use letters, digits, “_”, “.” or “-” only (no spaces).")
      .refine((id) => !otherIds.has(id), "Another operation already uses this operation ID."),
    visibility: z.enum(VISIBILITIES),
    deprecated: z.boolean(),
    family: z.string(),
    revision: z.string().regex(/^$|^[1-9]\d*$/, "The revision is a whole number from 1 up."),
  });
}

/** Summary, Description, Operation ID, Visibility and deprecation of one operation. */
export function OperationGeneralForm({
  location,
  operation,
}: {
  location: OperationLocation;
  operation: Operation;
}) {
  const store = useWorkspaceStoreApi();
  const dispatch = useDispatchForm();
  const derived = useMemo(() => operationFormValues(operation), [operation]);
  const currentId = derived.operationId;
  const schema = useMemo(() => {
    const doc = selectDocument(store.getState());
    const ids = new Set(doc ? operationIds(doc.definition) : []);
    ids.delete(currentId);
    return makeSchema(ids);
  }, [store, currentId]);
  const form = useForm<GeneralValues>({
    defaultValues: derived,
    resolver: zodResolver(schema),
    mode: "onChange",
  });
  const { register, formState, reset } = form;

  // The document changed elsewhere (undo, the Swagger editor, an import): show it.
  useEffect(() => {
    if (store.getState().lastSource !== "form") reset(derived);
  }, [derived, reset, store]);

  const base = toPointer(["paths", location.path, location.method]);
  const fieldValid = (name: keyof GeneralValues, value: unknown) =>
    schema.shape[name].safeParse(value).success;

  const commit = (name: keyof GeneralValues, value: string | boolean) => {
    if (!fieldValid(name, value)) return;
    const text = typeof value === "string" ? value : "";
    switch (name) {
      case "summary":
      case "description":
        dispatch(
          setOperationField(location, name, text === "" ? undefined : text, `Change ${name}`),
          `${base}/${name}`,
        );
        break;
      case "operationId":
        dispatch(renameOperationId(currentId, text), `${base}/operationId`);
        break;
      case "visibility":
        dispatch(
          setOperationField(
            location,
            "x-ms-visibility",
            text === "none" ? undefined : text,
            "Change visibility",
          ),
        );
        break;
      case "deprecated":
        dispatch(
          setOperationField(location, "deprecated", value === true ? true : undefined, "Change deprecation"),
        );
        break;
      case "family":
      case "revision": {
        const annotation = isJsonObject(operation["x-ms-api-annotation"])
          ? { ...operation["x-ms-api-annotation"] }
          : {};
        if (name === "family") {
          if (text === "") delete annotation.family;
          else annotation.family = text;
        } else if (text === "") delete annotation.revision;
        else annotation.revision = Number(text);
        const next: JsonValue | undefined = Object.keys(annotation).length > 0 ? annotation : undefined;
        dispatch(
          setOperationField(location, "x-ms-api-annotation", next, "Change versioning"),
          `${base}/x-ms-api-annotation/${name}`,
        );
        break;
      }
    }
  };

  const field = (name: "summary" | "description" | "operationId" | "family" | "revision") =>
    register(name, { onChange: (e: { target: { value: string } }) => commit(name, e.target.value) });

  return (
    <form className="cs-def-form" onSubmit={(e) => e.preventDefault()} aria-label="Operation general">
      <TextField
        label="Summary"
        pointer={`${base}/summary`}
        error={formState.errors.summary?.message}
        {...field("summary")}
      />
      <TextArea
        label="Description"
        pointer={`${base}/description`}
        rows={2}
        error={formState.errors.description?.message}
        {...field("description")}
      />
      <TextField
        label="Operation ID"
        pointer={`${base}/operationId`}
        error={formState.errors.operationId?.message}
        hint="Renaming updates dynamic values, policies and the custom code scope that use it."
        spellCheck={false}
        {...field("operationId")}
      />
      <Select
        label="Visibility"
        pointer={`${base}/x-ms-visibility`}
        options={VISIBILITY_OPTIONS}
        {...register("visibility", {
          onChange: (e: { target: { value: string } }) => commit("visibility", e.target.value),
        })}
      />
      <Checkbox
        label="Deprecated"
        pointer={`${base}/deprecated`}
        hint="Deprecated operations keep working in existing flows but are hidden in the designer."
        {...register("deprecated", {
          onChange: (e: { target: { checked: boolean } }) => commit("deprecated", e.target.checked),
        })}
      />
      <div className="cs-def-row">
        <TextField
          label="Operation family"
          pointer={`${base}/x-ms-api-annotation/family`}
          error={formState.errors.family?.message}
          {...field("family")}
        />
        <TextField
          label="Revision"
          inputMode="numeric"
          pointer={`${base}/x-ms-api-annotation/revision`}
          error={formState.errors.revision?.message}
          {...field("revision")}
        />
      </div>
    </form>
  );
}
