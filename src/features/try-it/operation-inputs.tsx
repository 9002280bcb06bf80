import { useQuery } from "@tanstack/react-query";
import { FileField, Select, TextArea, TextField } from "../../components/ui/form-fields";
import type { ConnectorDocument } from "../../model/connector-document";
import type { JsonValue } from "../../model/json-value";
import { operationParameters, prepareRequest } from "../../try-it-core/prepare-request";
import type { TryItConnection, TryItFile, TryItValues } from "../../try-it-core/prepare-request";
import type { OperationRef, Parameter } from "../../model/swagger-types";
import { dynamicSource, extractOptions, findOperation, sourceInputs } from "../../try-it-core/dynamic-values";
import { soapOperationOf } from "../../model/soap";
import { exampleFromSchema } from "../../try-it-core/example-from-schema";
import { soapEnvelope } from "../../try-it-core/soap-envelope";
import { viewBody } from "../../try-it-core/transport";
import { sendRequest } from "./send-request";

/** The label of a parameter's input: its summary, else its name. */
export function parameterLabel(p: Parameter): string {
  const summary = p["x-ms-summary"];
  return typeof summary === "string" && summary.trim() !== "" ? summary : String(p.name);
}

/** Inputs pre-filled for an operation: defaults, and a body example built from the body schema. */
export function initialValues(doc: ConnectorDocument, ref: OperationRef): TryItValues {
  const values: TryItValues = {};
  for (const p of operationParameters(doc, ref)) {
    const name = String(p.name);
    const soap = soapOperationOf(ref.operation);
    if (p.in === "body" && soap) values[name] = soapEnvelope(doc, p.schema, soap.version);
    else if (p.in === "body") values[name] = JSON.stringify(exampleFromSchema(doc, p.schema), null, 2);
    else if (p.default !== undefined) values[name] = String(p.default);
  }
  return values;
}

interface InputsProps {
  doc: ConnectorDocument;
  connectorId: string;
  operation: OperationRef;
  values: TryItValues;
  connection: TryItConnection | null;
  connectionKey: string;
  onChange(name: string, value: string | TryItFile | undefined): void;
}

/** One input per parameter: enums as selects, files as file inputs, dynamic dropdowns filled by their source. */
export function OperationInputs(props: InputsProps) {
  const params = operationParameters(props.doc, props.operation).filter(
    (p) => p["x-ms-visibility"] !== "internal" || p.default === undefined,
  );
  if (params.length === 0) return <p className="cs-muted">This operation has no parameters.</p>;
  return (
    <div className="cs-try__inputs">
      {params.map((p) => (
        <ParameterInput key={`${String(p.in)}:${String(p.name)}`} parameter={p} {...props} />
      ))}
    </div>
  );
}

function ParameterInput({ parameter: p, values, onChange, ...rest }: InputsProps & { parameter: Parameter }) {
  const name = String(p.name);
  const label = parameterLabel(p);
  const requiredClass = p.required === true ? "cs-try__required" : undefined;
  const description = typeof p.description === "string" && p.description !== "" ? p.description : undefined;
  const value = values[name];
  const text = typeof value === "string" ? value : "";
  const source = dynamicSource(p);
  if (source) {
    return (
      <DynamicInput
        {...rest}
        values={values}
        onChange={onChange}
        parameter={p}
        label={label}
        className={requiredClass}
        source={source}
      />
    );
  }
  if (p.type === "file") {
    return (
      <FileField
        label={label}
        className={requiredClass}
        hint={typeof value === "object" ? `Chosen: ${value.name} (${value.bytes.length} bytes)` : description}
        required={p.required === true}
        onFile={(file) => {
          void file
            .arrayBuffer()
            .then((buffer) =>
              onChange(name, { name: file.name, type: file.type, bytes: new Uint8Array(buffer) }),
            );
        }}
      />
    );
  }
  if (p.in === "body") {
    return (
      <TextArea
        label={label}
        hint={description ?? "JSON body, pre-filled from the schema."}
        className={`cs-try__body-editor ${requiredClass ?? ""}`}
        rows={8}
        spellCheck={false}
        value={text}
        onChange={(event) => onChange(name, event.currentTarget.value)}
      />
    );
  }
  const choices = Array.isArray(p.enum)
    ? p.enum.map((v) => String(v))
    : p.type === "boolean"
      ? ["true", "false"]
      : null;
  if (choices) {
    return (
      <Select
        label={label}
        className={requiredClass}
        hint={description}
        value={text}
        required={p.required === true}
        options={[
          { value: "", label: p.required ? "Choose…" : "(not sent)" },
          ...choices.map((c) => ({ value: c, label: c })),
        ]}
        onChange={(event) => onChange(name, event.currentTarget.value)}
      />
    );
  }
  // An example (x-ms-test-value, what Import from sample keeps) is shown, never sent: only a default is.
  const example = p["x-ms-test-value"];
  const exampleText =
    typeof example === "string" || typeof example === "number" || typeof example === "boolean"
      ? `e.g. ${String(example)}`
      : undefined;
  return (
    <TextField
      label={label}
      className={requiredClass}
      hint={description}
      placeholder={exampleText}
      required={p.required === true}
      type={p.type === "integer" || p.type === "number" ? "number" : "text"}
      value={text}
      onChange={(event) => onChange(name, event.currentTarget.value)}
    />
  );
}

function DynamicInput({
  doc,
  connectorId,
  parameter: p,
  values,
  connection,
  connectionKey,
  onChange,
  label,
  className,
  source,
}: InputsProps & {
  parameter: Parameter;
  label: string;
  className: string | undefined;
  source: NonNullable<ReturnType<typeof dynamicSource>>;
}) {
  const name = String(p.name);
  const inputs = sourceInputs(source, values);
  const sourceRef = findOperation(doc, source.operationId);
  const query = useQuery({
    queryKey: [
      "try-it-dynamic-values",
      connectorId,
      source.operationId,
      JSON.stringify(inputs.values),
      connectionKey,
    ],
    enabled: sourceRef !== null && inputs.waitingFor.length === 0 && connection !== null,
    retry: false,
    staleTime: 60_000,
    queryFn: async ({ signal }) => {
      if (!sourceRef || !connection) return [];
      const request = prepareRequest(doc, sourceRef, inputs.values, connection);
      if (request.missing.length > 0)
        throw new Error(`${source.operationId} needs ${request.missing.join(", ")}.`);
      const response = await sendRequest(request, { signal });
      if (response.status >= 400) throw new Error(`${source.operationId} answered ${response.status}.`);
      const view = viewBody(response.headers, response.body);
      if (view.kind !== "json") throw new Error(`${source.operationId} did not answer JSON.`);
      const options = extractOptions(source, view.value as JsonValue);
      if ("error" in options) throw new Error(options.error);
      return options;
    },
  });
  const text = typeof values[name] === "string" ? (values[name] as string) : "";
  const hint = !sourceRef
    ? `The source operation ${source.operationId} is not in this connector; type the value.`
    : connection === null
      ? "Create a connection to load the choices."
      : inputs.waitingFor.length > 0
        ? `Fill in ${inputs.waitingFor.join(", ")} first to load the choices.`
        : query.isFetching
          ? `Loading choices from ${source.operationId}…`
          : query.error
            ? `Could not load the choices: ${query.error.message} Type the value instead.`
            : `Choices from ${source.operationId}.`;
  if (query.data && query.data.length > 0 && !query.error) {
    return (
      <Select
        label={label}
        className={className}
        hint={hint}
        value={text}
        options={[
          { value: "", label: "Choose…" },
          ...query.data.map((o) => ({ value: o.value, label: o.title })),
        ]}
        onChange={(event) => onChange(name, event.currentTarget.value)}
      />
    );
  }
  return (
    <TextField
      label={label}
      className={className}
      hint={hint}
      value={text}
      aria-busy={query.isFetching || undefined}
      onChange={(event) => onChange(name, event.currentTarget.value)}
    />
  );
}
