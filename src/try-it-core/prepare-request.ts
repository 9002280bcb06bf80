import { effectiveParameters } from "../model/refs";
import {
  innerApiProperties,
  policyAppliesTo,
  policyInstanceObjects,
  policySection,
} from "../model/api-properties";
import type { ConnectorDocument } from "../model/connector-document";
import { isJsonObject, type JsonObject } from "../model/json-value";
import { soapOperationOf } from "../model/soap";
import type { Operation, OperationRef, Parameter } from "../model/swagger-types";
import { soapContentType } from "./soap-envelope";
import { resolveAuth, secretParameterNames } from "./auth-options";
import { evaluatePolicyExpression } from "./policy-expressions";

/** A file chosen for a `type: file` parameter. */
export interface TryItFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/** What the maker typed for one call. Body parameters take JSON (or plain) text. */
export type TryItValues = Record<string, string | TryItFile | undefined>;

/** The connection used for a call: connection parameter values by name, and an OAuth access token if signed in. */
export interface TryItConnection {
  values: Record<string, string>;
  accessToken?: string;
  /**
   * The authentication option chosen when the connector offers several (`connectionParameterSets` index); null or
   * absent for a connector with one authentication.
   */
  authOption?: number | null;
}

export type PreparedBody =
  | { kind: "none" }
  | { kind: "text"; text: string; contentType: string }
  | { kind: "bytes"; bytes: Uint8Array; contentType: string };

/** Exactly what will be sent. */
export interface PreparedRequest {
  method: string;
  url: string;
  headers: [string, string][];
  body: PreparedBody;
  /** Lower-cased names of headers (and query names) carrying secrets: masked wherever the request is shown. */
  secretNames: string[];
  /** Policies applied on the client, by title, in order. */
  appliedPolicies: string[];
  /** Why the request may not match what the platform sends, or what is missing. */
  warnings: string[];
  /** Required inputs left empty: the call should not be sent. */
  missing: string[];
}

const encoder = new TextEncoder();

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** The operation's parameters with path-level ones merged in (operation wins), `$ref`s resolved. */
export function operationParameters(doc: ConnectorDocument, ref: OperationRef): Parameter[] {
  return effectiveParameters(doc.definition, ref.path, ref.operation).filter(
    (p) => typeof p.name === "string",
  );
}

function properties(doc: ConnectorDocument): JsonObject {
  return innerApiProperties(doc);
}

function policiesFor(doc: ConnectorDocument, operation: Operation): JsonObject[] {
  return policyInstanceObjects(properties(doc))
    .map(({ policy }) => policy)
    .filter((policy) => {
      const section = policySection(policy);
      if (section !== "" && section.toLowerCase() !== "request") return false;
      return policyAppliesTo(policy, operation.operationId ?? "");
    });
}

function param(p: JsonObject, name: string): string | undefined {
  const params = isJsonObject(p.parameters) ? p.parameters : {};
  const value = params[`x-ms-apimTemplateParameter.${name}`];
  return typeof value === "string" ? value : undefined;
}

function setOrAppend(
  list: [string, string][],
  name: string,
  value: string,
  action: string | undefined,
): void {
  const index = list.findIndex(([n]) => n.toLowerCase() === name.toLowerCase());
  if (index >= 0 && action === "skip") return;
  if (index >= 0 && action !== "append") list.splice(index, 1);
  list.push([name, value]);
}

function encodeQuery(pairs: [string, string][]): string {
  return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
}

function multipart(fields: [string, string | TryItFile][]): { bytes: Uint8Array; contentType: string } {
  const boundary = `----connector-studio-${fields.length}-${Math.abs(fields.reduce((h, [k]) => (h * 31 + k.length) | 0, 7))}`;
  const parts: Uint8Array[] = [];
  for (const [name, value] of fields) {
    const head =
      typeof value === "string"
        ? `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`
        : `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${value.name}"\r\nContent-Type: ${value.type || "application/octet-stream"}\r\n\r\n`;
    parts.push(
      encoder.encode(head),
      typeof value === "string" ? encoder.encode(value) : value.bytes,
      encoder.encode("\r\n"),
    );
  }
  parts.push(encoder.encode(`--${boundary}--\r\n`));
  const total = parts.reduce((n, p) => n + p.length, 0);
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    bytes.set(p, offset);
    offset += p.length;
  }
  return { bytes, contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * Builds the request the platform would send for one operation: parameters in path, query, header and body,
 * the connection's authentication (API key, basic, OAuth bearer token), and the codeless policies that can run on
 * the client (set header, set query parameter, set host URL, route request) in list order. Pure: the Test step
 * sends it directly or through the relay.
 */
export function prepareRequest(
  doc: ConnectorDocument,
  ref: OperationRef,
  values: TryItValues,
  connection: TryItConnection,
): PreparedRequest {
  const warnings: string[] = [];
  const missing: string[] = [];
  const secretNames = new Set<string>();
  const definition = doc.definition;
  const scheme = (definition.schemes?.[0] ?? "https").toLowerCase();
  let origin = `${scheme}://${definition.host ?? "localhost"}`;
  const basePath = (definition.basePath ?? "/").replace(/\/$/, "");
  let method = ref.method.toUpperCase();
  let path = ref.path;
  const query: [string, string][] = [];
  const headers: [string, string][] = [];
  const form: [string, string | TryItFile][] = [];
  let body: PreparedBody = { kind: "none" };
  const consumes = (ref.operation.consumes ?? definition.consumes ?? []) as string[];

  for (const p of operationParameters(doc, ref)) {
    const name = p.name as string;
    const raw = values[name];
    const value =
      raw === undefined || raw === "" ? (p.default !== undefined ? String(p.default) : undefined) : raw;
    if (value === undefined) {
      if (p.required) missing.push(name);
      continue;
    }
    const text = typeof value === "string" ? value : value.name;
    switch (p.in) {
      case "path": {
        const encoding =
          p["x-ms-url-encoding"] === "double"
            ? (s: string) => encodeURIComponent(encodeURIComponent(s))
            : encodeURIComponent;
        path = path.split(`{${name}}`).join(encoding(text));
        break;
      }
      case "query":
        query.push([name, text]);
        break;
      case "header":
        headers.push([name, text]);
        break;
      case "formData":
        form.push([name, value]);
        break;
      case "body": {
        const soap = soapOperationOf(ref.operation);
        // A SOAP pass-through body is the envelope; SOAP 1.2 carries the action in the Content-Type.
        const contentType = soap
          ? soapContentType(soap.version, soap.action)
          : (consumes.find((c) => c.includes("json")) ?? consumes[0] ?? "application/json");
        body = { kind: "text", text, contentType };
        break;
      }
      default:
        warnings.push(`Parameter "${name}" has an unknown location "${String(p.in)}" and was not sent.`);
    }
  }
  if (form.length > 0) {
    const hasFile = form.some(([, v]) => typeof v !== "string") || consumes.includes("multipart/form-data");
    if (hasFile) {
      const { bytes, contentType } = multipart(form);
      body = { kind: "bytes", bytes, contentType };
    } else {
      body = {
        kind: "text",
        text: encodeQuery(form.map(([k, v]) => [k, typeof v === "string" ? v : v.name])),
        contentType: "application/x-www-form-urlencoded",
      };
    }
  }

  // Authentication, as the platform adds it from the connection (the chosen option's scheme).
  const option = connection.authOption ?? null;
  const auth = resolveAuth(doc, option);
  if (auth.kind === "apiKey") {
    const key = connection.values[auth.parameter];
    if (!key) missing.push("API key (connection)");
    else if (auth.in === "query") query.push([auth.name, key]);
    else headers.push([auth.name, key]);
    secretNames.add(auth.name.toLowerCase());
  } else if (auth.kind === "basic") {
    const user = connection.values[auth.userParameter] ?? "";
    const password = connection.values[auth.passwordParameter] ?? "";
    if (!user) missing.push("User name (connection)");
    headers.push(["Authorization", `Basic ${base64(encoder.encode(`${user}:${password}`))}`]);
    secretNames.add("authorization");
  } else if (auth.kind === "oauth2") {
    if (!connection.accessToken) missing.push("Sign in (connection)");
    else headers.push(["Authorization", `Bearer ${connection.accessToken}`]);
    secretNames.add("authorization");
  } else if (auth.note) {
    warnings.push(auth.note);
  }

  const appliedPolicies: string[] = [];
  let routed = false;
  const scope = () => ({
    connectionParameters: connection.values,
    headers: Object.fromEntries(headers),
    queryParameters: Object.fromEntries(query),
  });
  for (const policy of policiesFor(doc, ref.operation)) {
    const id = String(policy.templateId ?? "").toLowerCase();
    const title = String(policy.title ?? policy.templateId ?? "policy");
    const evaluate = (text: string | undefined) => {
      const result = evaluatePolicyExpression(text ?? "", scope());
      if (result.unresolved.length > 0)
        warnings.push(`Policy "${title}": ${result.unresolved.join(", ")} is filled in by the platform.`);
      return result.value;
    };
    if (id === "setheader") {
      const name = param(policy, "name");
      if (name) setOrAppend(headers, name, evaluate(param(policy, "value")), param(policy, "existsAction"));
    } else if (id === "setqueryparameter") {
      const name = param(policy, "name");
      if (name) setOrAppend(query, name, evaluate(param(policy, "value")), param(policy, "existsAction"));
    } else if (id === "dynamichosturl") {
      const template = evaluate(param(policy, "urlTemplate"));
      try {
        origin = new URL(template).origin;
      } catch {
        warnings.push(`Policy "${title}": "${template}" is not a URL; the host was not changed.`);
        continue;
      }
    } else if (id === "routerequesttoendpoint") {
      let newPath = evaluate(param(policy, "newPath"));
      for (const p of operationParameters(doc, ref)) {
        const v = values[p.name as string];
        if (typeof v === "string") newPath = newPath.split(`{${String(p.name)}}`).join(encodeURIComponent(v));
      }
      const newMethod = param(policy, "httpMethod");
      // "@Request.OriginalHTTPMethod" (the policy's default, src/model/operations/policies.ts) keeps the method.
      const keepsMethod = !newMethod || /^(original|@request\.originalhttpmethod)$/i.test(newMethod.trim());
      if (!keepsMethod) method = newMethod.toUpperCase();
      path = newPath;
      routed = true;
      appliedPolicies.push(title);
      continue;
    } else {
      warnings.push(`Policy "${title}" (${id}) runs on the platform only; this call does not include it.`);
      continue;
    }
    appliedPolicies.push(title);
  }
  // Headers and query parameters that policies filled with a secret connection value are masked too.
  const secretValues = secretParameterNames(doc, option)
    .map((n) => connection.values[n])
    .filter((v): v is string => typeof v === "string" && v.length >= 3);
  for (const [name, value] of [...headers, ...query])
    if (secretValues.some((secret) => value.includes(secret))) secretNames.add(name.toLowerCase());
  const fullPath = routed ? path : `${basePath}${path}`;
  const search = query.length > 0 ? `?${encodeQuery(query)}` : "";
  if (body.kind !== "none" && !headers.some(([n]) => n.toLowerCase() === "content-type"))
    headers.push(["Content-Type", body.contentType]);
  return {
    method,
    url: `${origin}${fullPath}${search}`,
    headers,
    body,
    secretNames: [...secretNames],
    appliedPolicies,
    warnings,
    missing,
  };
}

/** A header value for display: secrets are masked. */
export function displayHeaderValue(request: PreparedRequest, name: string, value: string): string {
  if (!request.secretNames.includes(name.toLowerCase())) return value;
  const space = value.indexOf(" ");
  return space > 0 && space < 10 ? `${value.slice(0, space)} ••••••` : "••••••";
}

/** The URL for display, exactly as sent except that query values carrying secrets are masked. */
export function displayUrl(request: PreparedRequest): string {
  const hashAt = request.url.indexOf("#");
  const withoutHash = hashAt >= 0 ? request.url.slice(0, hashAt) : request.url;
  const queryAt = withoutHash.indexOf("?");
  if (queryAt < 0) return request.url;
  const pairs = withoutHash
    .slice(queryAt + 1)
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      const rawName = eq >= 0 ? pair.slice(0, eq) : pair;
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, " "));
      } catch {
        // a malformed escape stays as it is
      }
      return request.secretNames.includes(name.toLowerCase()) ? `${rawName}=••••••` : pair;
    });
  return `${withoutHash.slice(0, queryAt)}?${pairs.join("&")}${hashAt >= 0 ? request.url.slice(hashAt) : ""}`;
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A copyable curl command for the request, secrets masked. */
export function toCurl(request: PreparedRequest): string {
  const parts = [`curl -X ${request.method} ${shellQuote(displayUrl(request))}`];
  for (const [name, value] of request.headers)
    parts.push(`-H ${shellQuote(`${name}: ${displayHeaderValue(request, name, value)}`)}`);
  if (request.body.kind === "text") parts.push(`--data-raw ${shellQuote(request.body.text)}`);
  if (request.body.kind === "bytes") parts.push(`--data-binary @body.bin`);
  return parts.join(" \\\n  ");
}
