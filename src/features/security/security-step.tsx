import { useEffect, useRef, useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Checkbox, FormSection, RadioGroup, Select, TextField } from "../../components/ui/form-fields";
import { useFocusRequest, useFollowSelection, useResetOnExternalChange } from "../../store/form-sync";
import { ModalDialog } from "../../components/ui/modal-dialog";
import { createEmptyConnector } from "../../model/create-empty-connector";
import { toPointer } from "../../model/json-pointer";
import { hasGateway } from "../../model/operations/general";
import {
  addConnectionParameter,
  apiKeyParameterName,
  AUTH_TYPES,
  describeAuthDiscard,
  gatewayRestriction,
  hasStoredClientSecret,
  IDENTITY_PROVIDERS,
  isSecurityPointer,
  listExtraParameters,
  OAUTH_TEMPLATE_KEYS,
  oauthParameterName,
  parametersPointer,
  primarySchemeName,
  readAuthType,
  readParameterSets,
  redirectUrlFor,
  removeClientSecrets,
  setSecurityField,
  switchAuthType,
  toSecurityFormValues,
  type AuthType,
  type OAuthTemplateKey,
  type SecurityField,
  type SecurityFormValues,
} from "../../model/operations/security";
import { useWorkspace, useWorkspaceStoreApi } from "../../store/workspace-context";
import { selectDocument } from "../../store/workspace-store";
import { ConnectionParameterEditor } from "./connection-parameter-editor";
import { ParameterSetsEditor } from "./parameter-sets-editor";
import { securitySchema } from "./security-schema";
import "./security-step.css";

const TEMPLATE_LABELS: Record<OAuthTemplateKey, string> = {
  authorizationUrlTemplate: "Authorization URL template",
  authorizationUrlQueryStringTemplate: "Authorization query string template",
  tokenUrlTemplate: "Token URL template",
  tokenUrlQueryStringTemplate: "Token query string template",
  tokenBodyTemplate: "Token body template",
  refreshUrlTemplate: "Refresh URL template",
  refreshUrlQueryStringTemplate: "Refresh query string template",
  refreshBodyTemplate: "Refresh body template",
  scopeListDelimiter: "Delimiter between scopes",
};

const REDIRECT_MODE_OPTIONS = [
  { value: "Global", label: "Global (shared redirect URL)" },
  { value: "GlobalPerConnector", label: "Per connector (unique redirect URL)" },
  { value: "Direct", label: "Direct" },
];

/** The Security step: authentication type and its fields, extra connection parameters, several options. */
export function SecurityStep() {
  const store = useWorkspaceStoreApi();
  const doc = useWorkspace(selectDocument);
  const containerRef = useRef<HTMLElement>(null);
  const [initial] = useState(() => toSecurityFormValues(doc ?? createEmptyConnector()));
  const { register, control, formState, reset, trigger } = useForm<SecurityFormValues>({
    mode: "onChange",
    resolver: zodResolver(securitySchema),
    defaultValues: initial,
  });
  const errors = formState.errors;
  const [pendingType, setPendingType] = useState<AuthType | null>(null);
  const [clientSecret, setClientSecret] = useState("");

  const formDispatch = useResetOnExternalChange(toSecurityFormValues, (values) => reset(values));
  useFocusRequest(containerRef, isSecurityPointer);
  const onFocusField = useFollowSelection(containerRef, isSecurityPointer);
  useEffect(() => {
    void trigger();
  }, [trigger]);

  if (!doc) {
    return (
      <section aria-label="Security step">
        <p>Create or import a connector to edit it.</p>
      </section>
    );
  }

  const authType = readAuthType(doc);
  const gateway = hasGateway(doc);
  const schemeName = primarySchemeName(doc);
  const schemePointer = schemeName
    ? `/securityDefinitions${toPointer([schemeName])}`
    : "/securityDefinitions";
  const cpPointer = "/properties/connectionParameters";
  const oauthName = oauthParameterName(doc);
  const oauthPointer = oauthName ? `${cpPointer}${toPointer([oauthName])}/oAuthSettings` : cpPointer;
  const provider = toSecurityFormValues(doc).identityProvider;
  const providerOptions = IDENTITY_PROVIDERS.some((p) => p.id === provider)
    ? IDENTITY_PROVIDERS
    : [...IDENTITY_PROVIDERS, { id: provider, label: `${provider} (from the imported file)` }];

  const commit = (field: SecurityField, value: string | boolean) => {
    const fieldSchema = field.startsWith("template:")
      ? null
      : securitySchema.shape[field as Exclude<SecurityField, `template:${string}`>];
    if (fieldSchema && !fieldSchema.safeParse(value).success) return;
    formDispatch(setSecurityField(field, value), `security#${field}`);
  };
  const text = (field: Exclude<SecurityField, `template:${string}` | "onBehalfOf">) =>
    register(field, {
      onChange: (event: { target: { value: string } }) => commit(field, event.target.value),
    });

  const applyAuthType = (type: AuthType) => {
    // Not the form's own edit: the form resets from the new document (other fields appear).
    store.getState().dispatch(switchAuthType(type), { source: "form" });
    setPendingType(null);
  };

  const onAuthTypeChange = (type: AuthType) => {
    if (type === authType) return;
    if (describeAuthDiscard(doc).length > 0) setPendingType(type);
    else applyAuthType(type);
  };

  const onProviderChange = (next: string) => {
    store.getState().dispatch(setSecurityField("identityProvider", next), { source: "form" });
  };

  const extra = listExtraParameters(doc);
  const usesSets = readParameterSets(doc) !== null;
  const storedSecret = hasStoredClientSecret(doc.properties);

  return (
    <section
      aria-label="Security step"
      className="cs-step cs-security"
      ref={containerRef}
      onFocus={onFocusField}
    >
      <h2>Security</h2>
      <form onSubmit={(event) => event.preventDefault()} noValidate>
        <FormSection title="Authentication" description="How the connection signs in to your API.">
          <Select
            label="Authentication type"
            pointer="/securityDefinitions"
            value={authType}
            onChange={(event) => onAuthTypeChange(event.target.value as AuthType)}
            hint={
              gateway
                ? "With the on-premises data gateway only no authentication and basic authentication are available."
                : undefined
            }
            options={AUTH_TYPES.map((t) => {
              const reason = gateway ? gatewayRestriction(t.id) : null;
              return {
                value: t.id,
                label: t.label,
                disabled: reason !== null && t.id !== authType,
                disabledReason: reason ?? undefined,
              };
            })}
          />

          {usesSets ? (
            <p className="cs-security__empty">
              The connection parameters of this connector are in its authentication options below; the fields
              here edit the security definition.
            </p>
          ) : null}

          {authType === "basic" && !usesSets ? (
            <div className="cs-security__grid">
              <TextField
                label="User name label"
                pointer={`${cpPointer}/username/uiDefinition/displayName`}
                error={errors.userNameLabel?.message}
                hint="What the connection dialog shows for the user name."
                {...text("userNameLabel")}
              />
              <TextField
                label="Password label"
                pointer={`${cpPointer}/password/uiDefinition/displayName`}
                error={errors.passwordLabel?.message}
                hint="What the connection dialog shows for the password."
                {...text("passwordLabel")}
              />
            </div>
          ) : null}

          {authType === "apiKey" ? (
            <div className="cs-security__grid">
              {usesSets ? null : (
                <TextField
                  label="Parameter label"
                  pointer={`${cpPointer}${toPointer([apiKeyParameterName(doc)])}/uiDefinition/displayName`}
                  error={errors.apiKeyLabel?.message}
                  hint="What the connection dialog shows, e.g. API Key."
                  {...text("apiKeyLabel")}
                />
              )}
              <TextField
                label="Parameter name"
                pointer={`${schemePointer}/name`}
                error={errors.apiKeyName?.message}
                hint="The header or query parameter your API expects, e.g. X-API-Key."
                spellCheck={false}
                {...text("apiKeyName")}
              />
              <Controller
                control={control}
                name="apiKeyLocation"
                render={({ field }) => (
                  <RadioGroup
                    label="Parameter location"
                    name="apiKeyLocation"
                    pointer={`${schemePointer}/in`}
                    options={[
                      { value: "header", label: "Header" },
                      { value: "query", label: "Query" },
                    ]}
                    value={field.value}
                    onBlur={field.onBlur}
                    onChange={(value) => {
                      field.onChange(value);
                      commit("apiKeyLocation", value);
                    }}
                  />
                )}
              />
            </div>
          ) : null}

          {authType === "oauth2" ? (
            <>
              <Select
                label="Identity provider"
                pointer={`${oauthPointer}/identityProvider`}
                value={provider}
                onChange={(event) => onProviderChange(event.target.value)}
                options={providerOptions.map((p) => ({ value: p.id, label: p.label }))}
              />
              <div className="cs-security__grid">
                <TextField
                  label="Client ID"
                  pointer={`${oauthPointer}/clientId`}
                  error={errors.clientId?.message}
                  autoComplete="off"
                  spellCheck={false}
                  {...text("clientId")}
                />
                <TextField
                  label="Client secret"
                  type="password"
                  autoComplete="off"
                  value={clientSecret}
                  onChange={(event) => setClientSecret(event.target.value)}
                  hint="Never saved, whatever it looks like: not in exported files, the browser draft or share links. It stays in memory only while this step is open; paconn and pac ask for it when you deploy, the Test step when you sign in."
                />
              </div>
              {storedSecret ? (
                <div className="cs-security__warning" role="status">
                  <p>
                    The imported connection settings contain a client secret. It is never saved: exports, the
                    browser draft and share links leave it out, so it is gone after a reload.
                  </p>
                  <button
                    type="button"
                    className="cs-button"
                    onClick={() => store.getState().dispatch(removeClientSecrets(), { source: "form" })}
                  >
                    Remove client secret from the document
                  </button>
                </div>
              ) : null}

              {provider === "oauth2" ? (
                <div className="cs-security__grid">
                  <TextField
                    label="Authorization URL"
                    type="url"
                    pointer={`${schemePointer}/authorizationUrl`}
                    error={errors.authorizationUrl?.message}
                    spellCheck={false}
                    {...text("authorizationUrl")}
                  />
                  <TextField
                    label="Token URL"
                    type="url"
                    pointer={`${schemePointer}/tokenUrl`}
                    error={errors.tokenUrl?.message}
                    spellCheck={false}
                    {...text("tokenUrl")}
                  />
                  <TextField
                    label="Refresh URL"
                    type="url"
                    pointer={`${oauthPointer}/customParameters/refreshUrl`}
                    error={errors.refreshUrl?.message}
                    spellCheck={false}
                    {...text("refreshUrl")}
                  />
                </div>
              ) : null}

              {provider === "aad" || provider === "aadcertificate" ? (
                <div className="cs-security__grid">
                  <TextField
                    label="Login URL"
                    type="url"
                    pointer={`${oauthPointer}/customParameters/loginUri`}
                    error={errors.loginUri?.message}
                    hint="e.g. https://login.microsoftonline.com"
                    spellCheck={false}
                    {...text("loginUri")}
                  />
                  <TextField
                    label="Tenant ID"
                    pointer={`${oauthPointer}/customParameters/tenantId`}
                    error={errors.tenantId?.message}
                    hint="common, organizations, or your tenant's ID or domain."
                    spellCheck={false}
                    {...text("tenantId")}
                  />
                  <TextField
                    label="Resource URL"
                    pointer={`${oauthPointer}/customParameters/resourceUri`}
                    error={errors.resourceUri?.message}
                    hint="The application ID URI of the API, e.g. https://graph.microsoft.com."
                    spellCheck={false}
                    {...text("resourceUri")}
                  />
                  {provider === "aadcertificate" ? (
                    <TextField
                      label="AAD sign-in endpoint (loginUriAAD)"
                      pointer={`${oauthPointer}/customParameters/loginUriAAD`}
                      spellCheck={false}
                      {...text("loginUriAAD")}
                    />
                  ) : (
                    <Checkbox
                      label="Enable on-behalf-of login"
                      pointer={`${oauthPointer}/properties`}
                      {...register("onBehalfOf", {
                        onChange: (event: { target: { checked: boolean } }) =>
                          commit("onBehalfOf", event.target.checked),
                      })}
                    />
                  )}
                </div>
              ) : null}

              {provider === "oauth2generic" ? (
                <FormSection
                  title="URL and body templates"
                  description="Placeholders: {clientId}, {clientSecret}, {redirectUrl}, {State}, {Scopes}, {code}, {refreshToken} and connection parameters such as {CustomHost}."
                >
                  <div className="cs-security__grid">
                    {OAUTH_TEMPLATE_KEYS.map((key) => (
                      <TextField
                        key={key}
                        label={TEMPLATE_LABELS[key]}
                        pointer={`${oauthPointer}/customParameters/${key}`}
                        spellCheck={false}
                        {...register(`templates.${key}`, {
                          onChange: (event: { target: { value: string } }) =>
                            commit(`template:${key}`, event.target.value),
                        })}
                      />
                    ))}
                  </div>
                </FormSection>
              ) : null}

              <div className="cs-security__grid">
                <TextField
                  label="Scope"
                  pointer={`${oauthPointer}/scopes`}
                  error={errors.scope?.message}
                  hint="Separate scopes with spaces, e.g. openid offline_access."
                  spellCheck={false}
                  {...text("scope")}
                />
                <Select
                  label="Redirect mode"
                  pointer={`${oauthPointer}/redirectMode`}
                  options={REDIRECT_MODE_OPTIONS}
                  {...text("redirectMode")}
                />
                <TextField
                  label="Redirect URL"
                  readOnly
                  value={redirectUrlFor(doc)}
                  pointer={`${oauthPointer}/redirectUrl`}
                  hint="Register this URL in your identity provider's app (certification also asks for https://global-test.consent.azure-apim.net/redirect)."
                />
              </div>
            </>
          ) : null}
        </FormSection>

        <FormSection
          title="Connection parameters"
          description="Extra values the connection asks for (e.g. a host URL used by the Set host URL policy)."
        >
          {extra.length === 0 ? <p className="cs-security__empty">No extra connection parameters.</p> : null}
          {extra.map((param) => (
            <ConnectionParameterEditor key={param.name} base={parametersPointer(null)} values={param} />
          ))}
          <button
            type="button"
            className="cs-button"
            data-pointer={cpPointer}
            onClick={() =>
              store.getState().dispatch(addConnectionParameter(parametersPointer(null)), { source: "form" })
            }
          >
            Add connection parameter
          </button>
        </FormSection>

        <ParameterSetsEditor />
      </form>

      {pendingType ? (
        <ModalDialog
          title="Change authentication type?"
          role="alertdialog"
          onClose={() => setPendingType(null)}
          actions={
            <>
              <button
                type="button"
                className="cs-button cs-button-primary"
                onClick={() => applyAuthType(pendingType)}
              >
                Change
              </button>
              <button type="button" className="cs-button" onClick={() => setPendingType(null)}>
                Cancel
              </button>
            </>
          }
        >
          <p>
            Switching to {AUTH_TYPES.find((t) => t.id === pendingType)?.label} replaces the current
            authentication. This is removed:
          </p>
          <ul>
            {describeAuthDiscard(doc).map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
          <p>Undo brings it back.</p>
        </ModalDialog>
      ) : null}
    </section>
  );
}
