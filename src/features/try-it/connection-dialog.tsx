import { useState } from "react";
import { ModalDialog } from "../../components/ui/modal-dialog";
import { Checkbox, Select, TextField } from "../../components/ui/form-fields";
import type { ConnectorDocument } from "../../model/connector-document";
import { listAuthOptions, normalizeAuthOption } from "../../try-it-core/auth-options";
import { oauthSettingsProblem, readOAuthSettingsFor, type OAuthTokens } from "../../try-it-core/oauth";
import { connectionFields, initialFieldValues } from "./connection-fields";
import type { TestConnection } from "./connection-store";
import { signIn } from "./oauth-client";

/**
 * The connection dialog, built from the Security step: the labels the maker chose, extra connection parameters,
 * and for OAuth 2.0 a Sign in that runs the authorization-code flow with PKCE. A connector with several
 * authentication options (connectionParameterSets) first asks which one, by the names the platform shows, and
 * then shows that option's fields. Values stay in memory, or also in this tab's sessionStorage when the maker
 * ticks "Remember for this browser tab".
 */
export function ConnectionDialog({
  doc,
  current,
  onSave,
  onClose,
}: {
  doc: ConnectorDocument;
  current: TestConnection | undefined;
  onSave(connection: TestConnection): void;
  onClose(): void;
}) {
  const authOptions = listAuthOptions(doc);
  const [setIndex, setSetIndex] = useState<number | null>(() => normalizeAuthOption(doc, current?.setIndex));
  const { fields, oauth } = connectionFields(doc, setIndex);
  // Values by parameter name, for every option visited (options often share names such as an environment).
  const [values, setValues] = useState<Record<string, string>>(() =>
    initialFieldValues(fields, current?.values),
  );
  const [clientSecret, setClientSecret] = useState(current?.clientSecret ?? "");
  // A sign-in belongs to the option it was made with.
  const [tokens, setTokens] = useState<OAuthTokens | null>(() =>
    current && current.setIndex === setIndex ? current.tokens : null,
  );
  const [remember, setRemember] = useState(current?.remember ?? false);
  const [signing, setSigning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const settings = oauth ? readOAuthSettingsFor(doc, setIndex) : null;
  const settingsProblem = settings ? oauthSettingsProblem(settings) : null;
  const chosenOption = authOptions?.options.find((o) => o.index === setIndex);

  const chooseOption = (index: number) => {
    setSetIndex(index);
    setTokens(index === current?.setIndex ? (current?.tokens ?? null) : null);
    setError(null);
    const next = connectionFields(doc, index).fields;
    setValues((v) => ({ ...initialFieldValues(next, undefined), ...v }));
  };

  const missing = fields.filter((f) => f.required && !(values[f.name] ?? "").trim()).map((f) => f.label);

  const onSignIn = async () => {
    if (!settings) return;
    setError(null);
    setSigning(true);
    try {
      setTokens(await signIn(settings, clientSecret));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSigning(false);
    }
  };

  const save = () => {
    if (missing.length > 0) {
      setError(`Fill in ${missing.join(", ")}.`);
      return;
    }
    if (oauth && !tokens) {
      setError("Sign in first.");
      return;
    }
    // Only the chosen option's values are kept (and, when remembered, stored).
    const kept = Object.fromEntries(fields.map((f) => [f.name, values[f.name] ?? ""]));
    onSave({
      values: kept,
      clientSecret: oauth ? clientSecret : "",
      tokens: oauth ? tokens : null,
      setIndex,
      createdAt: Date.now(),
      remember,
    });
  };

  return (
    <ModalDialog
      title="New connection"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="cs-button cs-button-primary" onClick={save}>
            Create connection
          </button>
          <button type="button" className="cs-button" onClick={onClose}>
            Cancel
          </button>
        </>
      }
    >
      <form
        className="cs-try__connection-form"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <p className="cs-muted">
          Connection values stay in this tab: they are never saved with the connector or exported.
        </p>
        {authOptions ? (
          <Select
            label={authOptions.label}
            hint={chosenOption?.description || undefined}
            value={String(setIndex ?? authOptions.options[0]?.index ?? 0)}
            options={authOptions.options.map((o) => ({ value: String(o.index), label: o.label }))}
            onChange={(event) => chooseOption(Number(event.currentTarget.value))}
          />
        ) : null}
        {fields.length === 0 && !oauth ? <p>This connector needs no connection values.</p> : null}
        {fields.map((f) =>
          f.options.length > 0 ? (
            <Select
              key={f.name}
              label={f.label}
              className={f.required ? "cs-try__required" : undefined}
              hint={f.description || undefined}
              value={values[f.name] ?? ""}
              options={[
                { value: "", label: "Choose…" },
                ...f.options.map((o) => ({ value: o.value, label: o.text })),
              ]}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setValues((v) => ({ ...v, [f.name]: value }));
              }}
            />
          ) : (
            <TextField
              key={f.name}
              label={f.label}
              className={f.required ? "cs-try__required" : undefined}
              hint={f.description || undefined}
              type={f.secret ? "password" : "text"}
              autoComplete="off"
              required={f.required}
              value={values[f.name] ?? ""}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setValues((v) => ({ ...v, [f.name]: value }));
              }}
            />
          ),
        )}
        {oauth ? (
          <div className="cs-try__oauth">
            <TextField
              label="Client secret"
              type="password"
              autoComplete="off"
              hint="Optional with PKCE. Needed when the identity provider wants a confidential client; kept in memory only."
              value={clientSecret}
              onChange={(event) => setClientSecret(event.currentTarget.value)}
            />
            {settingsProblem ? <p className="cs-field__warning">{settingsProblem}</p> : null}
            <button
              type="button"
              className="cs-button"
              disabled={signing || settingsProblem !== null}
              onClick={() => void onSignIn()}
            >
              {signing ? "Signing in…" : tokens ? "Sign in again" : "Sign in"}
            </button>
            <p role="status" className="cs-try__signin-status">
              {tokens ? "Signed in." : signing ? "Waiting for the sign-in window…" : "Not signed in."}
            </p>
          </div>
        ) : null}
        <Checkbox
          label="Remember for this browser tab"
          hint="Keeps this connection, secrets included, in this tab's session storage so that a reload keeps it. It ends when the tab closes, or with Forget connection."
          checked={remember}
          onChange={(event) => setRemember(event.currentTarget.checked)}
        />
        {error ? (
          <p role="alert" className="cs-field__error">
            {error}
          </p>
        ) : null}
        <button type="submit" hidden tabIndex={-1} aria-hidden="true" />
      </form>
    </ModalDialog>
  );
}
