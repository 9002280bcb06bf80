import type { ConnectorDocument } from "../../model/connector-document";
import type { ImportReportEntry } from "../../model/import-report";
import type { JsonObject, JsonValue } from "../../model/json-value";
import {
  HTTP_METHODS,
  type HttpMethod,
  type Operation,
  type Parameter,
  type PathItem,
  type Response,
  type Schema,
  type SecurityScheme,
  type SwaggerDocument,
} from "../../model/swagger-types";
import type { ConversionResult } from "../import-types";
import { inferSchema } from "../sample-to-schema/infer-schema";
import {
  authorityWithoutCredentials,
  credentialWithheldMessage,
  URL_CREDENTIALS_WITHHELD,
} from "../shared/credentials";
import { deriveConnectionProperties } from "../shared/derive-connection-parameters";
import { labelProperties, summaryFromName } from "../shared/display-name";
import { authType, mapAuth, type AuthMapping } from "./postman-auth";
import { parseJsonLoosely, readBody, type BodyShape } from "./postman-body";
import {
  parameterizeLiteralIds,
  parseUrl,
  type ParsedUrl,
  type PathSegment,
  type UrlCache,
} from "./postman-url";
import {
  asArray,
  asObject,
  asString,
  asText,
  descriptionText,
  pascalCase,
  pointerToken,
  readPairs,
  redactSample,
  safeSample,
  setOwn,
  type PostmanPair,
} from "./postman-values";
import { VariableScope, variablesIn } from "./postman-variables";
import { upgradeV1 } from "./upgrade-v1";

export interface PostmanConvertOptions {
  /** A Postman environment (its parsed JSON) dropped with the collection. */
  environment?: JsonValue;
  /** The input file name, for report sources. */
  sourceName: string;
}

/** Placeholder host when the collection's host cannot be worked out (same as a blank connector). */
const PLACEHOLDER_HOST = "api.contoso.com";
/** Swagger 2.0's pattern for `host`. */
const HOST_PATTERN = /^[^{}/ :\\]+(?::\d+)?$/;
const MAX_TITLE = 30;
const MAX_SUMMARY = 80;
/**
 * A merged operation's body schema is inferred from at most this many request bodies (Sabre merges 951
 * requests into 20 operations; parsing every body would cost more than the rest of the conversion).
 * Saved example responses are always all used.
 */
const MAX_BODY_SAMPLES = 10;
/** Folders nested deeper than this are not walked (hostile input must not overflow the stack). */
const MAX_DEPTH = 100;

/** Headers that are never parameters: body/response negotiation and credentials. */
const NOT_PARAMETER_HEADERS = new Set(["content-type", "accept", "authorization", "content-length", "host"]);
/** Header or query names that carry an API key when the request declares no auth. */
const KEY_HEADER = /^(x-)?api[-_]?key$|subscription-key$|^x-auth-token$/i;
const KEY_QUERY = /^(api[-_]?key|apikey|access_token|subscription-key)$/i;

/** True when the value looks like a Postman collection (v1, v2.0, v2.1, or wrapped in `collection`). */
export function isPostmanCollection(value: JsonValue): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const root = "collection" in value && typeof value.collection === "object" ? value.collection : value;
  if (typeof root !== "object" || root === null || Array.isArray(root)) return false;
  const info = root.info;
  if (typeof info === "object" && info !== null && !Array.isArray(info)) {
    return typeof info.schema === "string" && info.schema.includes("schema.getpostman.com");
  }
  return Array.isArray(root.requests) && typeof root.name === "string";
}

// ---------------------------------------------------------------------------------------------------------
// Phase 1: walk the collection into flat request records (auth inheritance resolved, URL parsed).

interface RequestRecord {
  source: string;
  name: string;
  tag: string | undefined;
  description: string | undefined;
  method: HttpMethod;
  url: ParsedUrl;
  headers: PostmanPair[];
  body: BodyShape;
  auth: AuthMapping;
  examples: JsonValue[];
  /** Report entries about this request; their target becomes the operation's pointer. */
  entries: ImportReportEntry[];
}

interface Walker {
  vars: VariableScope;
  report: ImportReportEntry[];
  records: RequestRecord[];
  tagDescriptions: Map<string, string | undefined>;
  urls: UrlCache;
  /** Set when a request URL carried `user:password@` (cut off, reported once without the values). */
  urlCredentials: boolean;
}

function reportScripts(events: JsonValue | undefined, source: string, into: ImportReportEntry[]): void {
  for (const event of asArray(events)) {
    const obj = asObject(event);
    const listen = asText(obj?.listen);
    const script = asObject(obj?.script);
    const exec = script?.exec;
    // Line counts without trimming every line: scripts can be thousands of lines (Sabre).
    const lines = Array.isArray(exec)
      ? exec.length
      : (asText(exec) ?? "").trim() === ""
        ? 0
        : (asText(exec) ?? "").split("\n").length;
    if (
      lines === 0 ||
      (Array.isArray(exec) && exec.every((line) => typeof line !== "string" || line.trim() === ""))
    )
      continue;
    const what =
      listen === "prerequest" ? "Pre-request script" : listen === "test" ? "Test script" : "Script";
    const route =
      listen === "test"
        ? "Connectors do not run tests; check responses in the Test step."
        : "If it signs requests or sets headers, a policy or custom code (script.csx) can do the same.";
    into.push({
      kind: "dropped",
      source,
      message: `${what} (${lines} lines) was not carried over. ${route}`,
    });
  }
}

/** Resolves one level of auth inheritance and reports what is defined at this level (once per owner). */
function resolveAuth(
  auth: JsonValue | undefined,
  inherited: AuthMapping,
  source: string,
  vars: VariableScope,
  into: ImportReportEntry[],
): AuthMapping {
  const type = authType(auth);
  if (type === "inherit") return inherited;
  const mapping = mapAuth(auth as JsonObject, vars);
  if (mapping.kind === "unsupported") {
    into.push({ kind: "dropped", source, message: `${mapping.type} authentication: ${mapping.message}` });
  } else if (mapping.kind === "scheme") {
    for (const note of mapping.notes) into.push({ kind: "approximated", source, message: note });
  }
  return mapping;
}

function walkItems(items: JsonValue[], folders: string[], auth: AuthMapping, depth: number, w: Walker): void {
  for (const item of items) {
    const obj = asObject(item);
    if (!obj) {
      w.report.push({
        kind: "dropped",
        source: folders.join(" / ") || "(collection)",
        message: "An item that is not an object was skipped.",
      });
      continue;
    }
    const name = (asText(obj.name) ?? "").trim() || "(unnamed)";
    const path = [...folders, name];
    const source = path.join(" / ");
    if (obj.request !== undefined && obj.request !== null) {
      readRequest(obj, name, folders, source, auth, w);
    } else if (Array.isArray(obj.item)) {
      if (depth >= MAX_DEPTH) {
        w.report.push({
          kind: "dropped",
          source,
          message: `Folder nested deeper than ${MAX_DEPTH} levels was skipped.`,
        });
        continue;
      }
      const folderAuth = resolveAuth(obj.auth, auth, source, w.vars, w.report);
      reportScripts(obj.event, source, w.report);
      const tag = path.join("/");
      if (!w.tagDescriptions.has(tag)) w.tagDescriptions.set(tag, descriptionText(obj.description));
      walkItems(obj.item, path, folderAuth, depth + 1, w);
    } else {
      w.report.push({
        kind: "dropped",
        source,
        message: "An item with neither a request nor sub-items was skipped.",
      });
    }
  }
}

function readRequest(
  item: JsonObject,
  name: string,
  folders: string[],
  source: string,
  inherited: AuthMapping,
  w: Walker,
): void {
  const entries: ImportReportEntry[] = [];
  const request: JsonObject = asObject(item.request) ?? { url: item.request ?? "", method: "GET" };
  const rawMethod = (asText(request.method) ?? "").trim().toLowerCase();
  let method: HttpMethod = "get";
  if (rawMethod === "") {
    entries.push({ kind: "note", source, message: "The request has no method; GET was assumed." });
  } else if ((HTTP_METHODS as readonly string[]).includes(rawMethod)) {
    method = rawMethod as HttpMethod;
  } else {
    w.report.push({
      kind: "dropped",
      source,
      message: `Method ${rawMethod.toUpperCase()} has no Swagger 2.0 equivalent; the request was not converted.`,
    });
    return;
  }

  let auth = resolveAuth(request.auth, inherited, source, w.vars, entries);
  reportScripts(item.event, source, entries);
  const headers = readPairs(request.header);
  const contentTypeHeader = headers.find((h) => !h.disabled && h.key.toLowerCase() === "content-type")?.value;
  let body = readBody(request.body, contentTypeHeader ? w.vars.resolve(contentTypeHeader) : undefined);
  const url = parseUrl(request.url, w.vars, w.urls);
  const cut = authorityWithoutCredentials(url.authority);
  if (cut.withheld) {
    url.authority = cut.authority;
    w.urlCredentials = true;
  }
  const ids = parameterizeLiteralIds(url);
  if (ids.length > 0) {
    entries.push({
      kind: "approximated",
      source,
      message: `The saved URL holds literal IDs (${ids.join(", ")}); they became path parameters so the operation works for any ID.`,
    });
  }

  // A credential sent by hand (no auth configured) is still authentication, never a parameter.
  if (auth.kind === "none") {
    const inferred = inferAuthFromRequest(headers, url.query, w.vars);
    if (inferred) {
      auth = inferred.auth;
      entries.push({ kind: "approximated", source, message: inferred.message });
    }
  }

  if (body.kind === "graphql") {
    if (method !== "post") {
      entries.push({
        kind: "approximated",
        source,
        message: `GraphQL request sent with ${method.toUpperCase()} became a POST.`,
      });
      method = "post";
    }
    entries.push({
      kind: "approximated",
      source,
      message:
        "GraphQL body became a JSON body with `query` and `variables`: the connector cannot describe the GraphQL schema, so the query is a plain string.",
    });
  } else if (body.kind === "form" && (method === "get" || method === "head")) {
    // v1 "params" data on GET requests (HERE Routing) are what the API reads as the query string.
    const fields = body.fields.filter((f) => f.type !== "file");
    url.query = [...url.query, ...fields];
    entries.push({
      kind: "approximated",
      source,
      message: `${method.toUpperCase()} operations cannot take a body in a custom connector; its ${fields.length} form fields became query parameters.`,
    });
    body = { kind: "none" };
  } else if (body.kind !== "none" && (method === "get" || method === "head")) {
    entries.push({
      kind: "dropped",
      source,
      message: `${method.toUpperCase()} operations cannot take a body in a custom connector; the request body was dropped.`,
    });
    body = { kind: "none" };
  } else if (body.kind === "text" && body.note) {
    entries.push({ kind: "approximated", source, message: `Body: ${body.note}.` });
  }

  w.records.push({
    source,
    name,
    tag: folders.length > 0 ? folders.join("/") : undefined,
    description: descriptionText(request.description) ?? descriptionText(item.description),
    method,
    url,
    headers,
    body,
    auth,
    examples: asArray(item.response),
    entries,
  });
}

function inferAuthFromRequest(
  headers: PostmanPair[],
  query: PostmanPair[],
  vars: VariableScope,
): { auth: AuthMapping; message: string } | undefined {
  for (const header of headers) {
    if (header.disabled) continue;
    const lower = header.key.toLowerCase();
    if (lower === "authorization") {
      const value = (header.value ?? "").trim();
      const basic = /^basic\b/i.test(value);
      const auth = mapAuth(basic ? { type: "basic" } : { type: "bearer" }, vars);
      return {
        auth,
        message: basic
          ? "The Authorization header (Basic) became Basic authentication; the credentials were not copied."
          : "The Authorization header became API key authentication named Authorization (users enter 'Bearer <token>'); its value was not copied.",
      };
    }
    if (KEY_HEADER.test(header.key)) {
      const auth = mapAuth(
        {
          type: "apikey",
          apikey: [
            { key: "key", value: header.key },
            { key: "in", value: "header" },
          ],
        },
        vars,
      );
      return {
        auth,
        message: `The ${header.key} header became API key authentication; its value was not copied.`,
      };
    }
  }
  for (const param of query) {
    if (!param.disabled && KEY_QUERY.test(param.key)) {
      const auth = mapAuth(
        {
          type: "apikey",
          apikey: [
            { key: "key", value: param.key },
            { key: "in", value: "query" },
          ],
        },
        vars,
      );
      return {
        auth,
        message: `The ${param.key} query parameter became API key authentication; its value was not copied.`,
      };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Phase 2: host and base path, then operations (requests with the same method and path merge).

interface ParamDraft {
  param: Parameter;
  /** How many merged requests had it. */
  count: number;
}

interface ResponseDraft {
  names: string[];
  json: JsonValue[];
  contentTypes: Set<string>;
}

interface OperationDraft {
  method: HttpMethod;
  template: string;
  pathParams: string[];
  operationId: string;
  summary: string;
  description: string | undefined;
  tag: string | undefined;
  securityKey: string | undefined;
  securityScopes: string[];
  params: Map<string, ParamDraft>;
  bodyKind: BodyShape["kind"];
  bodyJson: JsonValue[];
  /** JSON bodies of merged requests beyond MAX_BODY_SAMPLES (not parsed). */
  bodySamplesSkipped: number;
  bodyContentType: string | undefined;
  consumes: Set<string>;
  produces: Set<string>;
  responses: Map<string, ResponseDraft>;
  records: RequestRecord[];
}

interface Builder {
  report: ImportReportEntry[];
  securityDefinitions: Record<string, SecurityScheme>;
  schemeKeys: Map<string, string>;
  byMapping: WeakMap<AuthMapping, string>;
  operationIds: Set<string>;
}

function registerScheme(b: Builder, auth: AuthMapping): string | undefined {
  if (auth.kind !== "scheme") return undefined;
  // Inherited auth is one shared object: most requests hit this cache.
  const cached = b.byMapping.get(auth);
  if (cached) return cached;
  const signature = JSON.stringify(auth.scheme);
  const known = b.schemeKeys.get(signature);
  if (known) {
    b.byMapping.set(auth, known);
    return known;
  }
  let key = auth.key;
  for (let n = 2; key in b.securityDefinitions; n++) key = `${auth.key}_${n}`;
  b.securityDefinitions[key] = auth.scheme;
  b.schemeKeys.set(signature, key);
  b.byMapping.set(auth, key);
  return key;
}

function uniqueOperationId(b: Builder, name: string, fallback: string): string {
  const base = pascalCase(name, pascalCase(fallback, "Operation"));
  let id = base;
  for (let n = 2; b.operationIds.has(id); n++) id = `${base}${n}`;
  b.operationIds.add(id);
  return id;
}

function mediaType(contentType: string): string {
  const semicolon = contentType.indexOf(";");
  return (semicolon >= 0 ? contentType.slice(0, semicolon) : contentType).trim().toLowerCase();
}

function addParam(
  draft: OperationDraft,
  seen: Set<string>,
  key: string,
  make: () => Parameter,
  onDuplicate: () => void,
): void {
  if (seen.has(key)) {
    onDuplicate();
    return;
  }
  seen.add(key);
  const existing = draft.params.get(key);
  if (existing) existing.count++;
  else draft.params.set(key, { param: make(), count: 1 });
}

const PARAM_KIND = { query: "query parameter", header: "header", formData: "form field" } as const;

function simpleParam(
  pair: PostmanPair,
  where: "query" | "header" | "formData",
  record: RequestRecord,
): Parameter {
  const param: Parameter = { name: pair.key, in: where, required: !pair.disabled, type: "string" };
  if (where === "formData" && pair.type === "file") param.type = "file";
  if (pair.description) param.description = pair.description;
  param["x-ms-summary"] = summaryFromName(pair.key);
  if (pair.disabled || where === "header") param["x-ms-visibility"] = "advanced";
  const sample = param.type === "file" ? undefined : safeSample(pair.key, pair.value);
  if (sample === undefined && param.type !== "file" && isLiteralValue(pair.value)) {
    record.entries.push({
      kind: "dropped",
      source: record.source,
      message: credentialWithheldMessage(
        PARAM_KIND[where],
        pair.key,
        where === "header" ? "its default" : "its test value",
      ),
    });
  }
  if (sample !== undefined) {
    if (where === "header") param.default = sample;
    else param["x-ms-test-value"] = sample;
  }
  return param;
}

/** A value safeSample looked at (not empty, not a `{{variable}}`): when it gave nothing, it was a credential. */
function isLiteralValue(value: string | undefined): value is string {
  return value !== undefined && value !== "" && !value.includes("{{");
}

function addRecord(draft: OperationDraft, record: RequestRecord, names: string[], vars: VariableScope): void {
  const seen = new Set<string>();
  const covered = record.auth.kind === "scheme" ? record.auth.covers : undefined;
  draft.records.push(record);

  const ownNames = names.length > 0 ? record.url.segments.flatMap((s) => s.params) : [];
  names.forEach((canonical, i) => {
    const own = record.url.pathVariables.get(ownNames[i] ?? canonical);
    addParam(
      draft,
      seen,
      `path:${canonical}`,
      () => {
        const param: Parameter = { name: canonical, in: "path", required: true, type: "string" };
        if (own?.description) param.description = own.description;
        param["x-ms-summary"] = summaryFromName(canonical);
        param["x-ms-url-encoding"] = "single";
        const sample = safeSample(canonical, own?.value);
        if (sample !== undefined) param["x-ms-test-value"] = sample;
        else if (isLiteralValue(own?.value))
          record.entries.push({
            kind: "dropped",
            source: record.source,
            message: credentialWithheldMessage("path parameter", canonical, "its test value"),
          });
        return param;
      },
      () => undefined,
    );
  });

  for (const pair of record.url.query) {
    if (pair.key === "") continue;
    if (covered?.in === "query" && covered.name === pair.key) continue;
    addParam(
      draft,
      seen,
      `query:${pair.key}`,
      () => simpleParam(pair, "query", record),
      () =>
        record.entries.push({
          kind: "approximated",
          source: record.source,
          message: `Query parameter "${pair.key}" is repeated; it was kept once.`,
        }),
    );
  }

  for (const header of record.headers) {
    const lower = header.key.toLowerCase();
    if (lower === "accept" && header.value && !header.disabled) {
      const type = mediaType(vars.resolve(header.value));
      if (type && type !== "*/*" && !type.includes("{{")) draft.produces.add(type);
    }
    if (header.key === "" || NOT_PARAMETER_HEADERS.has(lower)) continue;
    if (covered?.in === "header" && covered.name.toLowerCase() === lower) continue;
    addParam(
      draft,
      seen,
      `header:${lower}`,
      () => simpleParam(header, "header", record),
      () => undefined,
    );
  }

  addBody(draft, record, seen);
  addExamples(draft, record);
}

function addBody(draft: OperationDraft, record: RequestRecord, seen: Set<string>): void {
  const body = record.body;
  if (body.kind === "none") return;
  if (draft.bodyKind !== "none" && draft.bodyKind !== body.kind) {
    record.entries.push({
      kind: "approximated",
      source: record.source,
      message: `Its ${body.kind} body differs from the ${draft.bodyKind} body of the request it was merged with; the first one was kept.`,
    });
    return;
  }
  draft.bodyKind = body.kind;
  switch (body.kind) {
    case "json": {
      if (draft.bodyJson.length >= MAX_BODY_SAMPLES) {
        draft.bodySamplesSkipped++;
        break;
      }
      const parsed = parseJsonLoosely(body.text);
      if (parsed.ok) {
        draft.bodyJson.push(parsed.value);
        draft.bodyContentType ??= mediaType(body.contentType);
        if (parsed.note)
          record.entries.push({
            kind: "approximated",
            source: record.source,
            message: `Body: ${parsed.note}.`,
          });
      } else if (draft.bodyJson.length === 0) {
        draft.bodyKind = "text";
        draft.bodyContentType ??= body.declared ? mediaType(body.contentType) : "text/plain";
        record.entries.push({
          kind: "approximated",
          source: record.source,
          message:
            "Body: the raw JSON body does not parse; it became a string body, define its schema by hand.",
        });
      } else {
        record.entries.push({
          kind: "approximated",
          source: record.source,
          message: "Body: the raw JSON body does not parse; it was not used for the body schema.",
        });
      }
      break;
    }
    case "graphql":
      draft.bodyJson.push(
        body.variables === undefined
          ? { query: body.query }
          : { query: body.query, variables: body.variables },
      );
      draft.bodyContentType ??= "application/json";
      break;
    case "text":
    case "binary":
      draft.bodyContentType ??= mediaType(body.contentType);
      break;
    case "form": {
      draft.bodyContentType ??= body.contentType;
      for (const field of body.fields) {
        if (field.key === "") continue;
        if (field.type === "file") draft.bodyContentType = "multipart/form-data";
        addParam(
          draft,
          seen,
          `formData:${field.key}`,
          () => simpleParam(field, "formData", record),
          () =>
            record.entries.push({
              kind: "approximated",
              source: record.source,
              message: `Form field "${field.key}" is repeated; it was kept once.`,
            }),
        );
      }
      break;
    }
  }
}

function addExamples(draft: OperationDraft, record: RequestRecord): void {
  for (const example of record.examples) {
    const obj = asObject(example);
    if (!obj) continue;
    const rawCode = typeof obj.code === "number" ? obj.code : Number(asText(obj.code));
    const code = Number.isInteger(rawCode) && rawCode >= 100 && rawCode <= 599 ? String(rawCode) : "200";
    let draftResponse = draft.responses.get(code);
    if (!draftResponse) {
      draftResponse = { names: [], json: [], contentTypes: new Set() };
      draft.responses.set(code, draftResponse);
    }
    const name = (asText(obj.name) ?? "").trim() || asText(obj.status)?.trim();
    if (name) draftResponse.names.push(name);
    const headerType = readPairs(obj.header).find((h) => h.key.toLowerCase() === "content-type")?.value;
    const preview = asString(obj._postman_previewlanguage);
    const bodyText = asText(obj.body) ?? "";
    let type = headerType ? mediaType(headerType) : preview === "json" ? "application/json" : undefined;
    if (bodyText.trim() === "") {
      if (type) draftResponse.contentTypes.add(type);
      continue;
    }
    const trimmed = bodyText.trimStart();
    const jsonLike =
      type === undefined ? trimmed.startsWith("{") || trimmed.startsWith("[") : /[/+]json\b/.test(type);
    if (jsonLike) {
      const parsed = parseJsonLoosely(bodyText);
      if (parsed.ok) {
        draftResponse.json.push(parsed.value);
        type ??= "application/json";
      } else {
        record.entries.push({
          kind: "approximated",
          source: record.source,
          message: `Example response "${name ?? code}" is not valid JSON; it was not used for the response schema.`,
        });
      }
    }
    if (type === undefined)
      type = preview === "xml" ? "application/xml" : preview === "html" ? "text/html" : "text/plain";
    draftResponse.contentTypes.add(type);
  }
}

const REASONS: Record<string, string> = {
  "200": "OK",
  "201": "Created",
  "202": "Accepted",
  "204": "No Content",
  "400": "Bad Request",
  "401": "Unauthorized",
  "403": "Forbidden",
  "404": "Not Found",
  "409": "Conflict",
  "422": "Unprocessable Entity",
  "429": "Too Many Requests",
  "500": "Internal Server Error",
};

function finishOperation(
  draft: OperationDraft,
  target: string,
  b: Builder,
  securityMode: "root" | "own",
): Operation {
  const op: Operation = {};
  if (draft.tag) op.tags = [draft.tag];
  op.summary = draft.summary;
  if (draft.description) op.description = draft.description;
  op.operationId = draft.operationId;

  const count = draft.records.length;
  const ordered: Parameter[] = [];
  for (const where of ["path", "query", "header", "formData"]) {
    for (const { param, count: seenIn } of draft.params.values()) {
      if (param.in !== where) continue;
      if (where !== "path" && param.required && seenIn < count) {
        param.required = false;
        param["x-ms-visibility"] ??= "advanced";
      }
      ordered.push(param);
    }
  }
  const first = draft.records[0] as RequestRecord;
  if (draft.bodyKind === "json" || draft.bodyKind === "graphql") {
    let schema: Schema;
    if (draft.bodyKind === "graphql") {
      schema = {
        type: "object",
        properties: {
          query: { type: "string", description: "The GraphQL query or mutation." },
          variables: { type: "object", description: "Values of the query's variables." },
        },
        required: ["query"],
      };
    } else {
      const inferred = inferSchema(draft.bodyJson);
      schema = inferred.schema;
      for (const note of inferred.notes) {
        b.report.push({
          kind: "approximated",
          source: first.source,
          target: `${target}/parameters`,
          message: `Body schema at ${note.path}: ${note.message}.`,
        });
      }
    }
    labelProperties(schema);
    const example = draft.bodyJson[0];
    if (example !== undefined) schema.example = redactSample(example);
    ordered.push({ name: "body", in: "body", required: true, schema });
  } else if (draft.bodyKind === "text" || draft.bodyKind === "binary") {
    const schema: Schema =
      draft.bodyKind === "binary" ? { type: "string", format: "binary" } : { type: "string" };
    ordered.push({ name: "body", in: "body", required: true, schema, "x-ms-summary": "Body" });
  }
  if (ordered.length > 0) op.parameters = ordered;
  if (draft.bodyContentType && draft.bodyKind !== "none") op.consumes = [draft.bodyContentType];

  const responses: Record<string, Response> = {};
  const codes = [...draft.responses.keys()].sort();
  for (const code of codes) {
    const r = draft.responses.get(code) as ResponseDraft;
    const response: Response = { description: r.names[0] ?? REASONS[code] ?? "Response" };
    for (const type of r.contentTypes) draft.produces.add(type);
    if (r.json.length > 0) {
      const inferred = inferSchema(r.json);
      response.schema = inferred.schema;
      for (const note of inferred.notes) {
        b.report.push({
          kind: "approximated",
          source: first.source,
          target: `${target}/responses/${code}`,
          message: `Response ${code} schema at ${note.path}: ${note.message}.`,
        });
      }
      const jsonType = [...r.contentTypes].find((t) => /[/+]json\b/.test(t)) ?? "application/json";
      response.examples = { [jsonType]: redactSample(r.json[0] as JsonValue) };
    }
    responses[code] = response;
  }
  if (codes.length === 0) responses["200"] = { description: "OK" };
  if (draft.produces.size > 0) op.produces = [...draft.produces];
  op.responses = responses;
  if (securityMode === "own")
    op.security = draft.securityKey ? [{ [draft.securityKey]: draft.securityScopes }] : [];
  return op;
}

/** The path template and parameter names that requests of one path shape share. */
interface CanonicalRoute {
  template: string;
  params: string[];
}

function isLiteral(segment: PathSegment): boolean {
  return segment.params.length === 0;
}

function pickHost(records: RequestRecord[]): string {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.url.authority, (counts.get(r.url.authority) ?? 0) + 1);
  let best = "";
  let bestCount = -1;
  for (const [authority, n] of counts) {
    // A relative URL ("" authority) only wins when nothing has a host.
    const score = authority === "" ? n - records.length : n;
    if (score > bestCount) {
      best = authority;
      bestCount = score;
    }
  }
  return best;
}

/**
 * Converts a Postman collection (v1, v2.0, v2.1, or the `{ collection }` export of the Postman API) to a
 * connector: a Swagger 2.0 definition with `x-ms-*` extensions and its apiProperties.json. Everything not
 * carried over exactly becomes a report entry; credential values never reach the output.
 * @throws Error with a plain message when the input is not a usable Postman collection.
 */
export function convertPostman(collection: JsonValue, options: PostmanConvertOptions): ConversionResult {
  const report: ImportReportEntry[] = [];
  let root = asObject(collection);
  if (!root) throw new Error(`${options.sourceName} is not a Postman collection: expected a JSON object.`);
  if (asObject(root.collection) && root.info === undefined && root.item === undefined)
    root = asObject(root.collection) as JsonObject;
  const info = asObject(root.info);
  if (!info && Array.isArray(root.requests)) {
    const upgraded = upgradeV1(root);
    root = upgraded.collection;
    report.push({
      kind: "note",
      source: options.sourceName,
      message:
        "Postman v1 collection: upgraded to v2.1 with Postman's collection transformer before conversion.",
    });
    if (upgraded.rescued > 0) {
      report.push({
        kind: "note",
        source: options.sourceName,
        message: `${upgraded.rescued} requests were in no folder or order list of the v1 collection; they were converted too.`,
      });
    }
  } else if (!Array.isArray(root.item)) {
    throw new Error(
      `${options.sourceName} is not a Postman collection: it has neither an "item" list (v2.0/v2.1) nor a "requests" list (v1).`,
    );
  }
  const rootInfo = asObject(root.info) ?? {};
  const collectionName = (asText(rootInfo.name) ?? asText(root.name) ?? "").trim();

  const vars = new VariableScope(root.variable ?? root.variables, options.environment);
  const walker: Walker = {
    vars,
    report,
    records: [],
    tagDescriptions: new Map(),
    urls: new Map(),
    urlCredentials: false,
  };
  const collectionSource = collectionName || options.sourceName;
  const rootAuth = resolveAuth(root.auth, { kind: "none" }, `${collectionSource} (collection)`, vars, report);
  reportScripts(root.event, `${collectionSource} (collection)`, report);
  walkItems(asArray(root.item), [], rootAuth, 0, walker);
  const records = walker.records;

  if (vars.withheld.size > 0) {
    const names = [...vars.withheld].slice(0, 8).join(", ");
    report.push({
      kind: "note",
      source: "Variables",
      message: `Credential variables (${names}${vars.withheld.size > 8 ? ", …" : ""}) were not substituted and their values were not copied.`,
    });
  }

  if (walker.urlCredentials)
    report.push({
      kind: "dropped",
      source: "Request URLs",
      target: "/host",
      message: URL_CREDENTIALS_WITHHELD,
    });
  const segmentVariables = new Set<string>();
  for (const r of records)
    for (const s of r.url.segments) if (s.variable) segmentVariables.add(s.variable.name);
  if (segmentVariables.size > 0) {
    const names = [...segmentVariables].slice(0, 8).map((n) => `{{${n}}}`);
    report.push({
      kind: "note",
      source: "Variables",
      message: `${names.join(", ")}${segmentVariables.size > 8 ? ", …" : ""} form whole path segments: each became a required path parameter (a value that is not a credential became its test value) instead of being written into the path.`,
    });
  }

  // Host: the most used authority; base path: the literal path prefix its requests share.
  const authority = pickHost(records);
  const hostOk = authority !== "" && HOST_PATTERN.test(authority);
  const host = hostOk ? authority.toLowerCase() : PLACEHOLDER_HOST;
  if (!hostOk && records.length > 0) {
    const missing = variablesIn(authority);
    report.push({
      kind: "approximated",
      rule: "PlaceholderHostName",
      source: missing.length > 0 ? `{{${missing.join("}}, {{")}}}` : authority || "Request URLs",
      target: "/host",
      message:
        missing.length > 0
          ? `The host comes from ${missing.map((m) => `{{${m}}}`).join(", ")}, which has no value in the collection or the environment: set to ${PLACEHOLDER_HOST}. Drop the Postman environment with the collection, or set the host in the General step.`
          : `The requests have no usable host ("${authority}"): set to ${PLACEHOLDER_HOST}; set the real host in the General step.`,
    });
  }
  const mainRecords = records.filter((r) => r.url.authority === authority);
  const schemes = new Set<string>();
  for (const r of mainRecords)
    if (r.url.scheme === "http" || r.url.scheme === "https") schemes.add(r.url.scheme);
  if (schemes.size === 0) schemes.add("https");
  let prefix = 0;
  if (mainRecords.length >= 2) {
    const firstSegments = (mainRecords[0] as RequestRecord).url.segments;
    prefix = firstSegments.length;
    for (const r of mainRecords) {
      let i = 0;
      const segs = r.url.segments;
      while (
        i < prefix &&
        i < segs.length &&
        isLiteral(segs[i] as PathSegment) &&
        segs[i]?.template === firstSegments[i]?.template
      )
        i++;
      prefix = i;
      if (prefix === 0) break;
    }
  }
  const baseSegments = (mainRecords[0]?.url.segments ?? []).slice(0, prefix);
  const basePath = `/${baseSegments.map((s) => s.template).join("/")}`;

  const b: Builder = {
    report,
    securityDefinitions: {},
    schemeKeys: new Map(),
    byMapping: new WeakMap(),
    operationIds: new Set(),
  };
  const canonical = new Map<string, CanonicalRoute>();
  const drafts = new Map<string, OperationDraft>();

  // Requests with the same URL share one segments array (parseUrl's cache), so each route is worked out once.
  const routes = new Map<
    readonly PathSegment[],
    { template: string; shape: string; canon: CanonicalRoute }
  >();
  for (const record of records) {
    if (record.url.authority !== authority) {
      record.entries.push({
        kind: "approximated",
        source: record.source,
        message: `This request goes to ${record.url.authority || "a relative URL"}, not to the connector's host ${host}; it was kept with its path. Use a "Set host URL" policy or a separate connector for that host.`,
      });
    }
    let route = routes.get(record.url.segments);
    if (!route) {
      let segments = record.url.segments;
      if (prefix > 0 && segments.length >= prefix) {
        let same = true;
        for (let i = 0; i < prefix && same; i++) same = segments[i]?.template === baseSegments[i]?.template;
        if (same) segments = segments.slice(prefix);
      }
      const template = `/${segments.map((s) => s.template).join("/")}`;
      const params = segments.flatMap((s) => s.params);
      const shape = (params.length > 0 ? template.replace(/\{[^{}]*\}/g, "{}") : template).toLowerCase();
      let canon = canonical.get(shape);
      if (!canon) {
        canon = { template, params };
        canonical.set(shape, canon);
      }
      route = { template, shape, canon };
      routes.set(record.url.segments, route);
    }
    const { template, shape, canon } = route;
    const key = `${record.method} ${shape}`;
    let draft = drafts.get(key);
    if (!draft) {
      const securityKey = registerScheme(b, record.auth);
      draft = {
        method: record.method,
        template: canon.template,
        pathParams: canon.params,
        operationId: uniqueOperationId(b, record.name, `${record.method} ${template}`),
        summary: record.name.slice(0, MAX_SUMMARY).trim(),
        description: record.description,
        tag: record.tag,
        securityKey,
        securityScopes: record.auth.kind === "scheme" ? record.auth.scopes : [],
        params: new Map(),
        bodyKind: "none",
        bodyJson: [],
        bodySamplesSkipped: 0,
        bodyContentType: undefined,
        consumes: new Set(),
        produces: new Set(),
        responses: new Map(),
        records: [],
      };
      if (record.name.length > MAX_SUMMARY) {
        record.entries.push({
          kind: "approximated",
          source: record.source,
          message: `The name is longer than ${MAX_SUMMARY} characters; the summary was shortened.`,
        });
      }
      drafts.set(key, draft);
    } else if (record.auth.kind === "scheme") {
      registerScheme(b, record.auth);
    }
    addRecord(draft, record, canon.params, vars);
  }

  // Security: one alternative per scheme in use; operations state theirs when it differs from that.
  const used = new Set<string>();
  for (const d of drafts.values()) if (d.securityKey) used.add(d.securityKey);
  for (const key of Object.keys(b.securityDefinitions)) if (!used.has(key)) delete b.securityDefinitions[key];
  const rootSecurity = [...used].map((key) => {
    const scopes = new Set<string>();
    for (const d of drafts.values())
      if (d.securityKey === key) for (const s of d.securityScopes) scopes.add(s);
    return { [key]: [...scopes] };
  });

  const paths: Record<string, PathItem> = {};
  const tagsUsed: string[] = [];
  for (const draft of drafts.values()) {
    const target = `/paths/${pointerToken(draft.template)}/${draft.method}`;
    const sameAsRoot = used.size === 1 && draft.securityKey !== undefined;
    const securityMode = sameAsRoot || (used.size === 0 && draft.securityKey === undefined) ? "root" : "own";
    const op = finishOperation(draft, target, b, securityMode);
    let item = paths[draft.template];
    if (!item) {
      item = {};
      setOwn(paths, draft.template, item);
    }
    item[draft.method] = op;
    if (draft.tag && !tagsUsed.includes(draft.tag)) tagsUsed.push(draft.tag);
    for (const record of draft.records) {
      for (const entry of record.entries) {
        entry.target ??= target;
        report.push(entry);
      }
    }
    if (draft.records.length > 1) {
      const others = draft.records.slice(1);
      const listed = others
        .slice(0, 3)
        .map((r) => `"${r.source}"`)
        .join(", ");
      report.push({
        kind: "approximated",
        source: (others[0] as RequestRecord).source,
        target,
        message: `${draft.records.length} requests share ${draft.method.toUpperCase()} ${draft.template} and were merged into one operation (from "${(draft.records[0] as RequestRecord).source}"): ${listed}${others.length > 3 ? ` and ${others.length - 3} more` : ""}. Their parameters, bodies and examples were combined; parameters missing from some of them are optional.${draft.bodySamplesSkipped > 0 ? ` The body schema was inferred from the first ${MAX_BODY_SAMPLES} bodies.` : ""}`,
      });
    }
  }

  let title = collectionName || options.sourceName.replace(/\.[^.]*$/, "") || "Imported connector";
  if (title.length > MAX_TITLE) {
    const short = title.slice(0, MAX_TITLE).trim();
    report.push({
      kind: "approximated",
      source: collectionSource,
      target: "/info/title",
      message: `Connector titles are limited to ${MAX_TITLE} characters: "${title}" was shortened to "${short}".`,
    });
    title = short;
  }
  const version = asString(rootInfo.version)?.trim();
  const definition: SwaggerDocument = {
    swagger: "2.0",
    info: {
      title,
      description: descriptionText(rootInfo.description) ?? descriptionText(root.description) ?? "",
      version: version || "1.0",
    },
    host,
    basePath,
    schemes: [...schemes],
    consumes: [],
    produces: [],
    paths,
    definitions: {},
    parameters: {},
    responses: {},
    securityDefinitions: b.securityDefinitions,
    security: rootSecurity,
    tags: tagsUsed.map((name) => {
      const description = walker.tagDescriptions.get(name);
      return description ? { name, description } : { name };
    }),
  };

  const document: ConnectorDocument = {
    definition,
    properties: {
      properties: {
        ...deriveConnectionProperties(b.securityDefinitions),
        iconBrandColor: "#007ee5",
        capabilities: [],
        policyTemplateInstances: [],
        publisher: "",
        stackOwner: "",
      },
    },
    icon: null,
    script: null,
    settings: null,
  };
  return { document, report };
}
