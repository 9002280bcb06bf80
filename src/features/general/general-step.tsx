import { useEffect, useMemo, useRef, useState, type ClipboardEvent } from "react";
import { Controller, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import {
  Checkbox,
  FileField,
  FormSection,
  RadioGroup,
  Select,
  TextArea,
  TextField,
} from "../../components/ui/form-fields";
import { useFocusRequest, useFollowSelection, useResetOnExternalChange } from "../../store/form-sync";
import { setIcon } from "../../model/operations/document-edits";
import {
  checkIcon,
  CONNECTOR_CATEGORIES,
  GENERAL_FIELD_POINTERS,
  isGeneralPointer,
  readServiceUrl,
  serviceUrlMessage,
  setCategories,
  setGeneralField,
  setServiceUrl,
  toGeneralFormValues,
  type GeneralField,
  type GeneralFormValues,
} from "../../model/operations/general";
import { readAuthType } from "../../model/operations/security";
import { createEmptyConnector, DEFAULT_BRAND_COLOR } from "../../model/create-empty-connector";
import { useWorkspace, useWorkspaceStoreApi } from "../../store/workspace-context";
import { selectDocument } from "../../store/workspace-store";
import { generalSchema } from "./general-schema";
import "./general-step.css";

const CATEGORY_OPTIONS = [
  { value: "", label: "(none)" },
  ...CONNECTOR_CATEGORIES.map((c) => ({ value: c, label: c })),
];

/** The General step: name, description, icon, host, gateway and certification metadata. */
export function GeneralStep() {
  const doc = useWorkspace(selectDocument);
  const containerRef = useRef<HTMLElement>(null);
  const [initial] = useState(() => toGeneralFormValues(doc ?? createEmptyConnector()));
  const form = useForm<GeneralFormValues>({
    mode: "onChange",
    resolver: zodResolver(generalSchema),
    defaultValues: initial,
  });
  const { register, control, formState, reset, setValue, getValues, trigger } = form;
  const errors = formState.errors;

  const formDispatch = useResetOnExternalChange(toGeneralFormValues, (values) => {
    reset(values);
    void trigger();
  });
  useFocusRequest(containerRef, isGeneralPointer);
  const onFocusField = useFollowSelection(containerRef, isGeneralPointer);
  useEffect(() => {
    void trigger();
  }, [trigger]);

  /** Writes a field to the document when it is valid (the form shows the error otherwise). */
  const commit = <K extends GeneralField>(field: K, value: GeneralFormValues[K]) => {
    const check = generalSchema.shape[field].safeParse(value);
    if (!check.success) return;
    const pointer = GENERAL_FIELD_POINTERS[field].pointer;
    formDispatch(setGeneralField(field, value), `${pointer}#${field}`);
  };

  const field = <K extends Exclude<GeneralField, "gateway" | "scheme">>(name: K) =>
    register(name, {
      onChange: (event: { target: { value: string } }) =>
        commit(name, event.target.value as GeneralFormValues[K]),
    });

  /** What the last URL pasted into Host filled in and dropped (a query has no place in a connector). */
  const [urlNote, setUrlNote] = useState("");
  const applyUrl = (text: string): boolean => {
    const reading = readServiceUrl(text);
    if (!reading) return false;
    const { parts } = reading;
    setUrlNote(serviceUrlMessage(reading));
    formDispatch(setServiceUrl(parts));
    setValue("scheme", parts.scheme, { shouldValidate: true });
    setValue("host", parts.host, { shouldValidate: true });
    setValue("basePath", parts.basePath, { shouldValidate: true });
    return true;
  };

  const onHostPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    if (applyUrl(event.clipboardData.getData("text"))) event.preventDefault();
  };

  const commitCategories = () => {
    const { category1, category2 } = getValues();
    formDispatch(setCategories(category1, category2), "/x-ms-connector-metadata#categories");
  };

  if (!doc) {
    return (
      <section aria-label="General step">
        <p>Create or import a connector to edit it.</p>
      </section>
    );
  }

  const authType = readAuthType(doc);
  const gatewayBlocked =
    authType === "apiKey" || authType === "oauth2"
      ? `Not available with ${authType === "apiKey" ? "API Key" : "OAuth 2.0"} authentication: the on-premises data gateway supports no authentication, basic and Windows authentication only.`
      : undefined;

  return (
    <section
      aria-label="General step"
      className="cs-step cs-general"
      ref={containerRef}
      onFocus={onFocusField}
    >
      <h2>General</h2>
      <form onSubmit={(event) => event.preventDefault()} noValidate>
        <FormSection title="Connector">
          <IconField />
          <TextField
            label="Icon background color"
            pointer="/properties/iconBrandColor"
            error={errors.iconBrandColor?.message}
            hint="Hex colour behind the icon, e.g. #0f6cbd."
            autoComplete="off"
            {...field("iconBrandColor")}
          />
          <Controller
            control={control}
            name="iconBrandColor"
            render={({ field: color }) => (
              <input
                type="color"
                className="cs-general__swatch"
                aria-label="Choose colour"
                value={/^#[0-9a-fA-F]{6}$/.test(color.value) ? color.value : DEFAULT_BRAND_COLOR}
                onChange={(event) => {
                  color.onChange(event.target.value);
                  commit("iconBrandColor", event.target.value);
                }}
              />
            )}
          />
          <TextField
            label="Connector name"
            pointer="/info/title"
            error={errors.title?.message}
            hint="Up to 30 characters."
            autoComplete="off"
            {...field("title")}
          />
          <TextArea
            label="Description"
            pointer="/info/description"
            error={errors.description?.message}
            rows={3}
            {...field("description")}
          />
        </FormSection>

        <FormSection title="Host">
          <Controller
            control={control}
            name="scheme"
            render={({ field: scheme }) => (
              <RadioGroup
                label="Scheme"
                name="scheme"
                pointer="/schemes"
                options={[
                  { value: "https", label: "HTTPS" },
                  { value: "http", label: "HTTP" },
                ]}
                value={scheme.value}
                onBlur={scheme.onBlur}
                onChange={(value) => {
                  scheme.onChange(value);
                  commit("scheme", value as GeneralFormValues["scheme"]);
                }}
              />
            )}
          />
          <TextField
            label="Host"
            pointer="/host"
            error={errors.host?.message}
            hint="Host name and optional port, e.g. api.contoso.com. Paste a full URL to fill scheme, host and base URL."
            autoComplete="off"
            spellCheck={false}
            onPaste={onHostPaste}
            aria-describedby={urlNote ? "cs-general-url-note" : undefined}
            {...register("host", {
              onChange: (event: { target: { value: string } }) => {
                setUrlNote("");
                commit("host", event.target.value);
              },
              onBlur: (event: { target: { value: string } }) => {
                applyUrl(event.target.value);
              },
            })}
          />
          <p id="cs-general-url-note" className="cs-general__url-note" role="status">
            {urlNote}
          </p>
          <TextField
            label="Base URL"
            pointer="/basePath"
            error={errors.basePath?.message}
            hint="Starts with /, e.g. /v1. Empty means /."
            autoComplete="off"
            spellCheck={false}
            {...field("basePath")}
          />
          <Checkbox
            label="Connect via on-premises data gateway"
            pointer="/properties/connectionParameters/gateway"
            disabled={gatewayBlocked !== undefined && !getValues("gateway")}
            hint={gatewayBlocked}
            {...register("gateway", {
              onChange: (event: { target: { checked: boolean } }) => commit("gateway", event.target.checked),
            })}
          />
        </FormSection>

        <FormSection
          title="Publishing details"
          description="Certification asks for these: a contact, website, privacy policy, up to two categories, publisher and stack owner."
        >
          <div className="cs-general__grid">
            <TextField
              label="Contact name"
              pointer="/info/contact/name"
              error={errors.contactName?.message}
              {...field("contactName")}
            />
            <TextField
              label="Contact URL"
              type="url"
              pointer="/info/contact/url"
              error={errors.contactUrl?.message}
              {...field("contactUrl")}
            />
            <TextField
              label="Contact email"
              type="email"
              pointer="/info/contact/email"
              error={errors.contactEmail?.message}
              {...field("contactEmail")}
            />
            <TextField
              label="Website"
              type="url"
              pointer="/x-ms-connector-metadata"
              error={errors.website?.message}
              {...field("website")}
            />
            <TextField
              label="Privacy policy"
              type="url"
              pointer="/x-ms-connector-metadata"
              error={errors.privacyPolicy?.message}
              {...field("privacyPolicy")}
            />
            <Select
              label="Category 1"
              pointer="/x-ms-connector-metadata"
              options={CATEGORY_OPTIONS}
              {...register("category1", { onChange: commitCategories })}
            />
            <Select
              label="Category 2"
              pointer="/x-ms-connector-metadata"
              options={CATEGORY_OPTIONS}
              error={errors.category2?.message}
              {...register("category2", { onChange: commitCategories })}
            />
            <TextField
              label="Publisher"
              pointer="/properties/publisher"
              error={errors.publisher?.message}
              {...field("publisher")}
            />
            <TextField
              label="Stack owner"
              pointer="/properties/stackOwner"
              error={errors.stackOwner?.message}
              {...field("stackOwner")}
            />
          </div>
        </FormSection>
      </form>
    </section>
  );
}

/** Icon upload with preview; the file is checked (PNG/JPG, under 1 MB, 230×230 advised) before it is stored. */
function IconField() {
  const store = useWorkspaceStoreApi();
  const icon = useWorkspace((s) => selectDocument(s)?.icon ?? null);
  const [error, setError] = useState<string | undefined>();
  const url = useMemo(() => {
    if (!icon) return null;
    return URL.createObjectURL(new Blob([icon.bytes as Uint8Array<ArrayBuffer>], { type: icon.mediaType }));
  }, [icon]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  const warning = icon ? (checkIcon(icon.bytes).warning ?? undefined) : undefined;

  const onFile = async (file: File) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const check = checkIcon(bytes);
    if (check.error) {
      setError(check.error);
      return;
    }
    setError(undefined);
    const mediaType = check.info?.type === "jpeg" ? "image/jpeg" : "image/png";
    store.getState().dispatch(setIcon({ bytes, mediaType }), { source: "form" });
  };

  return (
    <div className="cs-general__icon">
      <div className="cs-general__icon-preview" aria-hidden={url ? undefined : true}>
        {url ? <img src={url} alt="Connector icon" width={64} height={64} /> : <span>No icon</span>}
      </div>
      <div>
        <FileField
          label="Icon"
          accept="image/png,image/jpeg,.png,.jpg,.jpeg"
          pointer=""
          error={error}
          warning={warning}
          hint="PNG or JPG under 1 MB; 230×230 pixels is what published connectors use."
          onFile={(file) => void onFile(file)}
        />
        {icon ? (
          <button
            type="button"
            className="cs-button"
            onClick={() => store.getState().dispatch(setIcon(null, "Remove icon"), { source: "form" })}
          >
            Remove icon
          </button>
        ) : null}
      </div>
    </div>
  );
}
