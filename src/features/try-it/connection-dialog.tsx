import { useState } from "react";
import { ModalDialog } from "../../components/ui/modal-dialog";
import { Select, TextField } from "../../components/ui/form-fields";
import type { ConnectorDocument } from "../../model/connector-document";
import { oauthSettingsProblem, readOAuthSettings, type OAuthTokens } from "../../try-it-core/oauth";
import { connectionFields, parameterSetNames } from "./connection-fields";
import type { TestConnection } from "./connection-store";
import { signIn } from "./oauth-client";

/**
 * The connection dialog, built from the Security step: the labels the maker chose, extra connection parameters,
 * and for OAuth 2.0 a Sign in that runs the authorization-code flow with PKCE. Values stay in memory.
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
  const setNames = parameterSetNames(doc);
  const [setIndex, setSetIndex] = useState<number | null>(
    setNames.length > 0 ? (current?.setIndex ?? 0) : null,
  );
  const { fields, oauth } = connectionFields(doc, setIndex);
  const [values, setValues] = useState<Record<string, string>>(() => {
    const initial: Record<string, string> = {};
    for (const f of fields) initial[f.name] = current?.values[f.name] ?? f.defaultValue;
    return initial;
  });
  const [clientSecret, setClientSecret] = useState(current?.clientSecret ?? "");
  const [tokens, setTokens] = useState<OAuthTokens | null>(current?.tokens ?? null);
  const [signing, setSigning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const settings = oauth ? readOAuthSettings(doc) : null;
  const settingsProblem = settings ? oauthSettingsProblem(settings) : null;

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
    onSave({ values, clientSecret, tokens, setIndex, createdAt: Date.now() });
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
          Connection values stay in this tab&apos;s memory: they are never saved with the connector or
          exported.
        </p>
        {setNames.length > 0 ? (
          <Select
            label="Authentication option"
            value={String(setIndex ?? 0)}
            options={setNames.map((name, i) => ({ value: String(i), label: name }))}
            onChange={(event) => setSetIndex(Number(event.currentTarget.value))}
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
