import { useState } from "react";
import { ModalDialog } from "../../components/ui/modal-dialog";
import { Checkbox, Select, TextArea, TextField } from "../../components/ui/form-fields";
import { HTTP_METHODS } from "../../model/swagger-types";
import {
  parseRequestSample,
  type ParsedRequestSample,
  type RequestSampleOptions,
} from "../../model/operations/parameters";
import { parseResponseSample } from "../../model/operations/responses";
import type { JsonValue } from "../../model/json-value";

function Errors({ errors }: { errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <ul className="cs-field__error" role="alert">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}

/** Import from sample (request): Verb, URL, Headers, Body. */
export function ImportRequestDialog({
  basePath,
  initialVerb,
  initialUrl,
  onImport,
  onClose,
}: {
  basePath: string;
  initialVerb: string;
  initialUrl: string;
  /** Returns an error message when the import cannot be applied (e.g. the URL is taken). */
  onImport(sample: ParsedRequestSample, options: RequestSampleOptions): string | null;
  onClose(): void;
}) {
  const [verb, setVerb] = useState(initialVerb.toUpperCase());
  const [valuesAsDefaults, setValuesAsDefaults] = useState(false);
  const [url, setUrl] = useState(initialUrl);
  const [headers, setHeaders] = useState("");
  const [body, setBody] = useState("");
  const [errors, setErrors] = useState<string[]>([]);
  const submit = () => {
    const parsed = parseRequestSample({ verb, url, headers, body }, basePath);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    const error = onImport(parsed.value, { valuesAsDefaults });
    if (error) setErrors([error]);
    else onClose();
  };
  return (
    <ModalDialog
      title="Import from sample"
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={submit}>
            Import
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Select
          label="Verb"
          value={verb}
          options={HTTP_METHODS.map((m) => ({ value: m.toUpperCase(), label: m.toUpperCase() }))}
          onChange={(e) => setVerb(e.currentTarget.value)}
        />
        <TextField
          label="URL"
          value={url}
          hint="The full URL; mark path parameters as {name}. Query parameters come from the query string."
          onChange={(e) => setUrl(e.currentTarget.value)}
        />
        <TextArea
          label="Headers"
          rows={3}
          value={headers}
          hint="One “Name: value” per line. Content-type and authentication headers are added by the platform."
          onChange={(e) => setHeaders(e.currentTarget.value)}
        />
        <TextArea
          label="Body"
          rows={6}
          value={body}
          spellCheck={false}
          hint="A JSON sample. No property becomes required: mark those in the schema afterwards."
          onChange={(e) => setBody(e.currentTarget.value)}
        />
        <Checkbox
          label="Use sample values as defaults"
          checked={valuesAsDefaults}
          hint={
            valuesAsDefaults
              ? "Query and header values become defaults: every call that leaves them empty sends them."
              : "Off: query and header values are kept as examples (x-ms-test-value), never sent on their own."
          }
          onChange={(e) => setValuesAsDefaults(e.currentTarget.checked)}
        />
        <Errors errors={errors} />
      </form>
    </ModalDialog>
  );
}

/** Add default response: Headers and Body of a sample response. */
export function ImportResponseDialog({
  onImport,
  onClose,
  title = "Add default response",
}: {
  onImport(sample: { headers: { name: string; value: string }[]; body: JsonValue | undefined }): void;
  onClose(): void;
  title?: string;
}) {
  const [headers, setHeaders] = useState("");
  const [body, setBody] = useState("");
  const [errors, setErrors] = useState<string[]>([]);
  const submit = () => {
    const parsed = parseResponseSample({ headers, body });
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    onImport({ headers: parsed.headers, body: parsed.body });
    onClose();
  };
  return (
    <ModalDialog
      title={title}
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={submit}>
            Import
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <TextArea
          label="Headers"
          rows={3}
          value={headers}
          hint="One “Name: value” per line."
          onChange={(e) => setHeaders(e.currentTarget.value)}
        />
        <TextArea
          label="Body"
          rows={8}
          value={body}
          spellCheck={false}
          hint="A JSON sample of the response body. No property becomes required: mark those in the schema afterwards."
          onChange={(e) => setBody(e.currentTarget.value)}
        />
        <Errors errors={errors} />
      </form>
    </ModalDialog>
  );
}
