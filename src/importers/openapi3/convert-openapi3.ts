import { createEmptyConnector } from "../../model/create-empty-connector";
import type { ImportReportEntry } from "../../model/import-report";
import { escapePointerToken, getAtPointer, parsePointer } from "../../model/json-pointer";
import { isJsonObject, type JsonObject, type JsonValue } from "../../model/json-value";
import type { SecurityScheme, SwaggerDocument } from "../../model/swagger-types";
import type { ConversionResult } from "../import-types";
import {
  credentialWithheldMessage,
  isCredentialName,
  URL_CREDENTIALS_WITHHELD,
  withoutUrlCredentials,
} from "../../model/credentials";
import { deriveConnectionProperties } from "../shared/derive-connection-parameters";
import { displayName } from "../shared/display-name";
import {
  externalRefMessage,
  OpenApi3ConversionError,
  SchemaConverter,
  ptr,
  uniqueValues,
} from "./convert-schema";
import { bundleExternalRefs } from "./external-refs";

export { OpenApi3ConversionError } from "./convert-schema";
export { ExternalRefError } from "./external-refs";

export interface OpenApi3ConvertOptions {
  /** The input's path as dropped (`/`-separated); the base of relative `$ref`s and the fallback title. */
  sourceName: string;
  /** Other files dropped with it (multi-file documents), parsed, keyed by their path. */
  companions?: Record<string, JsonValue>;
  /**
   * Finds JSON pointers in the source text (1-based line and column), for report entries that must name
   * where something is, such as a `$ref` to nothing. Called at most once per conversion.
   */
  locate?: (pointers: readonly string[]) => ReadonlyMap<string, { line: number; column: number }>;
}

/** True when the value is an OpenAPI 3.x document. */
export function isOpenApi3(value: JsonValue): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    typeof value.openapi === "string" &&
    value.openapi.startsWith("3.")
  );
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch"] as const;
const PRIMITIVE = new Set(["string", "number", "integer", "boolean"]);
const SIMPLE_KEYS = [
  "format",
  "default",
  "maximum",
  "exclusiveMaximum",
  "minimum",
  "exclusiveMinimum",
  "maxLength",
  "minLength",
  "pattern",
  "maxItems",
  "minItems",
  "uniqueItems",
  "enum",
  "multipleOf",
] as const;
/** What happens to a non-schema object whose `$ref` points to nothing (the default of `resolve`). */
const LEFT_OUT = "what it stands for was left out";
const FORM_TYPES = ["multipart/form-data", "application/x-www-form-urlencoded"];

/**
 * Converts an OpenAPI 3.0/3.1 document to a connector: a Swagger 2.0 definition (with `x-` extensions kept)
 * and the `apiProperties.json` connection parameters its security schemes need, plus a report of every
 * item not carried over exactly (kind, input pointer, output pointer, message). `$ref`s to other files are
 * resolved only from `companions`; a remote or missing one throws an error that names it.
 */
export function convertOpenApi3(document: JsonValue, options: OpenApi3ConvertOptions): ConversionResult {
  if (!isOpenApi3(document)) {
    throw new OpenApi3ConversionError(
      `${options.sourceName} is not an OpenAPI 3 document (no "openapi": "3.x" field).`,
      "/openapi",
    );
  }
  // Without companions there is nothing to bundle: an external $ref then fails where it is used.
  const companions = options.companions ?? {};
  const bundled =
    Object.keys(companions).length > 0
      ? bundleExternalRefs(document, { entryPath: options.sourceName, companions, flavour: "openapi3" })
      : { document, report: [] };
  const converter = new Converter(bundled.document as JsonObject, options.sourceName, bundled.report);
  const result = converter.run();
  const dangling = converter.danglingRefs;
  if (options.locate && dangling.length > 0) {
    const places = options.locate(dangling.map((e) => e.source));
    for (const entry of dangling) {
      const place = places.get(entry.source);
      if (!place) continue;
      entry.line = place.line;
      entry.column = place.column;
      entry.message += ` It is at line ${place.line}, column ${place.column} of ${options.sourceName}.`;
    }
  }
  return result;
}

class Converter {
  private readonly report: ImportReportEntry[];
  private readonly schemas: SchemaConverter;
  private readonly components: JsonObject;
  private readonly operationIds = new Set<string>();
  private readonly securityNames = new Map<string, SecurityScheme>();
  private readonly refreshUrls = new Map<string, string>();
  private readonly parameterNames = new Map<string, JsonObject | null>();
  private serverUrl = "";
  /** Set when a server URL carried `user:password@` (cut off, reported once without the values). */
  private urlCredentials = false;
  private host: string | undefined;
  private basePath = "/";

  constructor(
    private readonly input: JsonObject,
    private readonly sourceName: string,
    report: ImportReportEntry[],
  ) {
    this.report = report;
    this.schemas = new SchemaConverter(input, this.report);
    this.components = isJsonObject(input.components) ? input.components : {};
  }

  /** Report entries of `$ref`s that point to nothing. */
  get danglingRefs(): readonly ImportReportEntry[] {
    return this.schemas.danglingRefs;
  }

  run(): ConversionResult {
    const input = this.input;
    const out: JsonObject = { swagger: "2.0" };
    out.info = this.info(input.info);
    this.servers(out);
    this.schemas.convertComponents();
    const securityDefinitions = this.securitySchemes();
    const parameters = this.componentParameters();
    const responses = this.componentResponses();
    const paths = this.paths();
    out.paths = paths;
    out.definitions = this.schemas.definitionsObject();
    out.parameters = parameters;
    out.responses = responses;
    out.securityDefinitions = securityDefinitions;
    if (Array.isArray(input.security)) {
      const security = this.security(input.security, "/security");
      if (security) out.security = security;
    }
    if (Array.isArray(input.tags)) out.tags = this.tags(input.tags);
    if (isJsonObject(input.externalDocs) && typeof input.externalDocs.url === "string") {
      out.externalDocs = input.externalDocs;
    }
    for (const key of Object.keys(input)) {
      const value = input[key] as JsonValue;
      if (key.startsWith("x-")) {
        const kept = this.schemas.extension(value, ptr("", key), ptr("", key));
        if (kept !== undefined) out[key] = kept;
      } else if (key === "webhooks" && isJsonObject(value)) {
        for (const name of Object.keys(value)) {
          this.add(
            "dropped",
            ptr("/webhooks", name),
            undefined,
            `The webhook "${name}" was dropped: Swagger 2.0 has no webhooks. A connector trigger needs a subscribe operation with x-ms-trigger.`,
          );
        }
      }
    }
    for (const key of ["callbacks", "links", "pathItems"]) {
      const group = this.components[key];
      if (isJsonObject(group) && Object.keys(group).length > 0) {
        this.add(
          "dropped",
          ptr("/components", key),
          undefined,
          `components/${key} (${Object.keys(group).join(", ")}) has no Swagger 2.0 equivalent and was dropped.`,
        );
      }
    }
    this.schemas.finish();
    const definition = sanitizeRefs(out, this.report) as SwaggerDocument;
    const connection = deriveConnectionProperties(securityDefinitions as Record<string, SecurityScheme>);
    this.applyRefreshUrls(connection);
    const document = createEmptyConnector(definition.info?.title, { definition, connection });
    return { document, report: this.report };
  }

  // ---------------------------------------------------------------- info, servers, tags

  private info(info: JsonValue | undefined): JsonObject {
    const src = isJsonObject(info) ? info : {};
    const out: JsonObject = {};
    const fallbackTitle =
      this.sourceName
        .split("/")
        .pop()
        ?.replace(/\.(ya?ml|json)$/i, "") || "Imported API";
    out.title = typeof src.title === "string" && src.title.trim() !== "" ? src.title : fallbackTitle;
    if (typeof src.description === "string") out.description = src.description;
    else if (typeof src.summary === "string") out.description = src.summary;
    out.version = typeof src.version === "string" ? src.version : String(src.version ?? "1.0.0");
    if (typeof src.termsOfService === "string") out.termsOfService = src.termsOfService;
    if (isJsonObject(src.contact)) {
      const contact: JsonObject = {};
      for (const k of ["name", "url", "email"])
        if (typeof src.contact[k] === "string") contact[k] = src.contact[k] as string;
      out.contact = contact;
    }
    if (isJsonObject(src.license) && typeof src.license.name === "string") {
      out.license = {
        name: src.license.name,
        ...(typeof src.license.url === "string" ? { url: src.license.url } : {}),
      };
    }
    for (const key of Object.keys(src)) {
      if (key.startsWith("x-")) {
        const kept = this.schemas.extension(src[key] as JsonValue, ptr("/info", key), ptr("/info", key));
        if (kept !== undefined) out[key] = kept;
      }
    }
    return out;
  }

  private servers(out: JsonObject): void {
    const servers = Array.isArray(this.input.servers) ? this.input.servers.filter(isJsonObject) : [];
    const first = servers[0];
    if (!first || typeof first.url !== "string") {
      out.basePath = "/";
      out.schemes = ["https"];
      this.add(
        "note",
        "/servers",
        "/host",
        "The document names no server: set the host on the General step.",
      );
      return;
    }
    const url = this.withoutCredentials(substituteVariables(first.url, first.variables));
    this.serverUrl = url;
    const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/i.exec(url);
    if (match) {
      const scheme = (match[1] ?? "").toLowerCase();
      const host = (match[2] ?? "").replace(/^[^@]*@/, "");
      if (/^[^{}/ :\\]+(?::\d+)?$/.test(host)) {
        out.host = host;
        this.host = host;
      } else
        this.add(
          "dropped",
          "/servers/0/url",
          "/host",
          `The server host "${host}" is not a valid host name; set the host on the General step.`,
        );
      this.basePath = normaliseBasePath(match[3] ?? "");
      out.basePath = this.basePath;
      if (scheme === "http" || scheme === "https") out.schemes = [scheme];
      else {
        out.schemes = ["https"];
        this.add(
          "approximated",
          "/servers/0/url",
          "/schemes",
          `The scheme "${scheme}" is not supported by connectors; https is used.`,
        );
      }
    } else {
      this.basePath = normaliseBasePath(url.replace(/[?#].*$/, ""));
      out.basePath = this.basePath;
      out.schemes = ["https"];
      this.add(
        "note",
        "/servers/0/url",
        "/host",
        `The server URL "${this.withoutCredentials(first.url)}" has no host: set the host on the General step.`,
      );
    }
    if (isJsonObject(first.variables) && Object.keys(first.variables).length > 0) {
      this.add(
        "approximated",
        "/servers/0/variables",
        "/host",
        `Server variables took their default values (${url}). A "Set host URL" policy can make them connection parameters.`,
      );
    }
    servers.slice(1).forEach((server, i) => {
      this.add(
        "dropped",
        `/servers/${i + 1}`,
        undefined,
        `The server ${this.withoutCredentials(String(server.url ?? ""))} was dropped: a connector has one host (the first server is used).`,
      );
    });
    this.reportUrlCredentials("/servers");
  }

  private tags(tags: JsonValue[]): JsonObject[] {
    const seen = new Set<string>();
    const out: JsonObject[] = [];
    tags.forEach((tag, i) => {
      if (!isJsonObject(tag) || typeof tag.name !== "string" || seen.has(tag.name)) return;
      seen.add(tag.name);
      const t: JsonObject = { name: tag.name };
      if (typeof tag.description === "string") t.description = tag.description;
      if (isJsonObject(tag.externalDocs) && typeof tag.externalDocs.url === "string")
        t.externalDocs = tag.externalDocs;
      for (const key of Object.keys(tag)) {
        if (key.startsWith("x-")) {
          const kept = this.schemas.extension(
            tag[key] as JsonValue,
            ptr(`/tags/${i}`, key),
            undefined as unknown as string,
          );
          if (kept !== undefined) t[key] = kept;
        }
      }
      out.push(t);
    });
    return out;
  }

  // ---------------------------------------------------------------- security

  private securitySchemes(): JsonObject {
    const out: JsonObject = {};
    const schemes = isJsonObject(this.components.securitySchemes) ? this.components.securitySchemes : {};
    for (const name of Object.keys(schemes)) {
      const src = ptr("/components/securitySchemes", name);
      const tgt = ptr("/securityDefinitions", name);
      const scheme = this.resolve(schemes[name], src);
      if (!isJsonObject(scheme)) continue;
      const converted = this.securityScheme(name, scheme, src, tgt);
      if (converted) {
        out[name] = converted;
        this.securityNames.set(name, converted as SecurityScheme);
      }
    }
    return out;
  }

  private securityScheme(name: string, s: JsonObject, src: string, tgt: string): JsonObject | null {
    const description = typeof s.description === "string" ? { description: s.description } : {};
    const type = typeof s.type === "string" ? s.type : "";
    if (type === "apiKey") {
      if (s.in === "header" || s.in === "query") {
        return { type: "apiKey", in: s.in, name: typeof s.name === "string" ? s.name : name, ...description };
      }
      this.add(
        "dropped",
        src,
        undefined,
        `The API key "${name}" is sent in a ${String(s.in)}; connectors send keys only in a header or the query. A "Set HTTP header" policy or custom code can cover a cookie.`,
      );
      return null;
    }
    if (type === "http") {
      const scheme = typeof s.scheme === "string" ? s.scheme.toLowerCase() : "";
      if (scheme === "basic") return { type: "basic", ...description };
      if (scheme === "bearer") {
        this.add(
          "approximated",
          src,
          tgt,
          `HTTP bearer "${name}" became an API key named Authorization in the header (what the platform expects): users enter "Bearer <token>".`,
        );
        return { type: "apiKey", in: "header", name: "Authorization", ...description };
      }
      this.add(
        "dropped",
        src,
        undefined,
        `HTTP authentication "${scheme}" has no Swagger 2.0 form; custom code (script.csx) can compute the header.`,
      );
      return null;
    }
    if (type === "oauth2") {
      const flows = isJsonObject(s.flows) ? s.flows : {};
      const order: [string, string][] = [
        ["authorizationCode", "accessCode"],
        ["implicit", "implicit"],
        ["password", "password"],
        ["clientCredentials", "application"],
      ];
      const available = order.filter(([flow]) => isJsonObject(flows[flow]));
      const chosen = available[0];
      if (!chosen) {
        this.add("dropped", src, undefined, `OAuth 2.0 scheme "${name}" has no flows and was dropped.`);
        return null;
      }
      const [flowName, swaggerFlow] = chosen;
      const flow = flows[flowName] as JsonObject;
      const result: JsonObject = { type: "oauth2", flow: swaggerFlow };
      if (swaggerFlow === "accessCode" || swaggerFlow === "implicit")
        result.authorizationUrl = this.absoluteUrl(flow.authorizationUrl);
      if (swaggerFlow !== "implicit") result.tokenUrl = this.absoluteUrl(flow.tokenUrl);
      const scopes: JsonObject = {};
      if (isJsonObject(flow.scopes))
        for (const [k, v] of Object.entries(flow.scopes))
          scopes[k] = typeof v === "string" ? v : String(v ?? "");
      result.scopes = scopes;
      Object.assign(result, description);
      if (typeof flow.refreshUrl === "string") this.refreshUrls.set(name, this.absoluteUrl(flow.refreshUrl));
      for (const [other] of available.slice(1)) {
        this.add(
          "dropped",
          ptr(ptr(src, "flows"), other),
          tgt,
          `The OAuth 2.0 ${other} flow was dropped: Swagger 2.0 holds one flow per scheme, and connectors use the authorization-code flow.`,
        );
      }
      if (swaggerFlow !== "accessCode") {
        this.add(
          "approximated",
          ptr(ptr(src, "flows"), flowName),
          tgt,
          `The OAuth 2.0 ${flowName} flow was kept as "${swaggerFlow}", but Power Platform connectors support only the authorization-code flow.`,
        );
      }
      return result;
    }
    if (type === "openIdConnect") {
      this.add(
        "dropped",
        src,
        undefined,
        `OpenID Connect "${name}" (${String(s.openIdConnectUrl ?? "")}) has no Swagger 2.0 form and its discovery document is not fetched: set up OAuth 2.0 on the Security step with the provider's authorization and token URLs.`,
      );
      return null;
    }
    this.add(
      "dropped",
      src,
      undefined,
      `The security scheme "${name}" (${type || "no type"}) has no Swagger 2.0 form and was dropped.`,
    );
    return null;
  }

  private absoluteUrl(value: JsonValue | undefined): string {
    const url = typeof value === "string" ? value : "";
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return url;
    const base =
      /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)/i.exec(this.serverUrl)?.[1] ??
      (this.host ? `https://${this.host}` : "https://example.com");
    return base + (url.startsWith("/") ? url : `/${url}`);
  }

  private applyRefreshUrls(connection: JsonObject): void {
    if (this.refreshUrls.size === 0) return;
    const setOne = (params: JsonValue | undefined, url: string) => {
      const token = isJsonObject(params) ? params.token : undefined;
      const settings = isJsonObject(token) ? token.oAuthSettings : undefined;
      const custom = isJsonObject(settings) ? settings.customParameters : undefined;
      if (isJsonObject(custom) && isJsonObject(custom.refreshUrl)) custom.refreshUrl = { value: url };
    };
    const sets = isJsonObject(connection.connectionParameterSets)
      ? connection.connectionParameterSets.values
      : undefined;
    if (Array.isArray(sets)) {
      const names = [...this.securityNames.keys()];
      sets.forEach((set, i) => {
        const url = this.refreshUrls.get(names[i] ?? "");
        if (url && isJsonObject(set)) setOne(set.parameters, url);
      });
    } else {
      const url = [...this.refreshUrls.values()][0];
      if (url) setOne(connection.connectionParameters, url);
    }
  }

  private security(list: JsonValue[], src: string): JsonObject[] | null {
    const out: JsonObject[] = [];
    const seen = new Set<string>();
    list.forEach((req, i) => {
      if (!isJsonObject(req)) return;
      const keys = Object.keys(req);
      if (keys.length === 0) {
        if (seen.has("{}")) return;
        seen.add("{}");
        out.push({});
        return;
      }
      const converted: JsonObject = {};
      for (const key of keys) {
        const scheme = this.securityNames.get(key);
        if (!scheme) continue;
        const scopes = req[key];
        converted[key] =
          scheme.type === "oauth2" && Array.isArray(scopes)
            ? scopes.filter((s): s is string => typeof s === "string")
            : [];
      }
      const key = JSON.stringify(converted);
      if (Object.keys(converted).length > 0 && !seen.has(key)) {
        seen.add(key);
        out.push(converted);
      } else void ptr(src, i);
    });
    if (out.length === 0 && list.length > 0) return null;
    return out;
  }

  // ---------------------------------------------------------------- components

  private componentParameters(): JsonObject {
    const out: JsonObject = {};
    const params = isJsonObject(this.components.parameters) ? this.components.parameters : {};
    for (const name of Object.keys(params)) {
      const src = ptr("/components/parameters", name);
      const converted = this.parameter(this.resolve(params[name], src), src, ptr("/parameters", name));
      this.parameterNames.set(name, converted);
      if (converted) out[name] = converted;
    }
    return out;
  }

  private componentResponses(): JsonObject {
    const out: JsonObject = {};
    const responses = isJsonObject(this.components.responses) ? this.components.responses : {};
    for (const name of Object.keys(responses)) {
      const src = ptr("/components/responses", name);
      out[name] = this.response(this.resolve(responses[name], src), src, ptr("/responses", name), new Set());
    }
    return out;
  }

  // ---------------------------------------------------------------- paths and operations

  private paths(): JsonObject {
    const out: JsonObject = {};
    const paths = isJsonObject(this.input.paths) ? this.input.paths : {};
    for (const path of Object.keys(paths)) {
      const src = ptr("/paths", path);
      if (path.startsWith("x-")) {
        const kept = this.schemas.extension(paths[path] as JsonValue, src, src);
        if (kept !== undefined) out[path] = kept;
        continue;
      }
      if (!path.startsWith("/")) {
        this.add("dropped", src, undefined, `The path "${path}" does not start with "/" and was dropped.`);
        continue;
      }
      const item = this.resolve(paths[path], src);
      if (!isJsonObject(item)) continue;
      out[path] = this.pathItem(path, item, src);
    }
    return out;
  }

  private pathItem(path: string, item: JsonObject, src: string): JsonObject {
    const tgt = ptr("/paths", path);
    const out: JsonObject = {};
    let pathParams: JsonObject[] = [];
    if (Array.isArray(item.parameters)) {
      pathParams = this.parameterList(item.parameters, ptr(src, "parameters"), ptr(tgt, "parameters"));
      const placeholders = new Set([...path.matchAll(/\{([^/}]+)\}/g)].map((m) => m[1] as string));
      pathParams = pathParams.filter((p) => {
        const e = typeof p.$ref === "string" ? this.parameterByRef(p.$ref) : p;
        if (e && e.in === "path" && typeof e.name === "string" && !placeholders.has(e.name)) {
          this.add(
            "dropped",
            ptr(src, "parameters"),
            tgt,
            `The path parameter "${e.name}" has no {${e.name}} in the path and was dropped.`,
          );
          return false;
        }
        return true;
      });
    }
    for (const key of Object.keys(item)) {
      const value = item[key] as JsonValue;
      if ((METHODS as readonly string[]).includes(key)) {
        if (isJsonObject(value))
          out[key] = this.operation(path, key, value, ptr(src, key), ptr(tgt, key), pathParams);
      } else if (key === "parameters") {
        if (pathParams.length > 0) out.parameters = pathParams;
      } else if (key.startsWith("x-")) {
        const kept = this.schemas.extension(value, ptr(src, key), ptr(tgt, key));
        if (kept !== undefined) out[key] = kept;
      } else if (key === "servers") {
        this.serversOverride(value, ptr(src, key));
      } else if (key === "summary" || key === "description") {
        if (typeof value === "string" && value.trim() !== "") {
          this.add(
            "dropped",
            ptr(src, key),
            tgt,
            `The path-level ${key} was dropped: Swagger 2.0 path items have none (operations keep theirs).`,
          );
        }
      } else if (key === "trace") {
        this.add(
          "dropped",
          ptr(src, key),
          undefined,
          "The TRACE operation was dropped: Swagger 2.0 has no trace.",
        );
      } else if (key !== "$ref") {
        this.add(
          "dropped",
          ptr(src, key),
          tgt,
          `"${key}" is not part of a Swagger 2.0 path item and was dropped.`,
        );
      }
    }
    return out;
  }

  /** A URL without its user name and password; notes that some were cut off. */
  private withoutCredentials(url: string): string {
    const clean = withoutUrlCredentials(url);
    if (clean !== url) this.urlCredentials = true;
    return clean;
  }

  /** Reports, once and without the values, that URLs carried credentials. */
  private reportUrlCredentials(source: string): void {
    if (!this.urlCredentials) return;
    this.urlCredentials = false;
    this.add("dropped", source, "/host", URL_CREDENTIALS_WITHHELD);
  }

  private serversOverride(value: JsonValue, src: string): void {
    if (!Array.isArray(value)) return;
    const urls = value
      .filter(isJsonObject)
      .map((s) => this.withoutCredentials(substituteVariables(String(s.url ?? ""), s.variables)));
    if (urls.length === 0 || urls.every((u) => u.replace(/\/+$/, "") === this.serverUrl.replace(/\/+$/, "")))
      return;
    this.add(
      "dropped",
      src,
      undefined,
      `The server override ${urls.join(", ")} was dropped: the connector's host is ${this.serverUrl || "unset"}. A "Set host URL" or "Route request" policy can send these calls elsewhere.`,
    );
    this.reportUrlCredentials(src);
  }

  private operation(
    path: string,
    method: string,
    op: JsonObject,
    src: string,
    tgt: string,
    pathParams: JsonObject[],
  ): JsonObject {
    const out: JsonObject = {};
    const produces = new Set<string>();
    let consumes: string[] = [];
    let params: JsonObject[] = Array.isArray(op.parameters)
      ? this.parameterList(op.parameters, ptr(src, "parameters"), ptr(tgt, "parameters"))
      : [];
    if (op.requestBody !== undefined) {
      const body = this.requestBody(op.requestBody, ptr(src, "requestBody"), ptr(tgt, "parameters"), params);
      params = params.concat(body.params);
      consumes = body.consumes;
    }
    params = this.fixPathParameters(path, params, pathParams, src, tgt);
    const responses = this.responses(op.responses, ptr(src, "responses"), ptr(tgt, "responses"), produces);

    for (const key of Object.keys(op)) {
      const value = op[key] as JsonValue;
      switch (key) {
        case "tags":
          if (Array.isArray(value))
            out.tags = [...new Set(value.filter((t): t is string => typeof t === "string"))];
          break;
        case "summary":
        case "description":
          if (typeof value === "string") out[key] = value;
          break;
        case "externalDocs":
          if (isJsonObject(value) && typeof value.url === "string") out.externalDocs = value;
          break;
        case "deprecated":
          if (typeof value === "boolean") out.deprecated = value;
          break;
        case "callbacks":
          if (isJsonObject(value)) {
            for (const name of Object.keys(value)) {
              this.add(
                "dropped",
                ptr(ptr(src, key), name),
                tgt,
                `The callback "${name}" was dropped: Swagger 2.0 has no callbacks. A webhook trigger (x-ms-trigger with x-ms-notification-url) is the connector equivalent.`,
              );
            }
          }
          break;
        case "servers":
          this.serversOverride(value, ptr(src, key));
          break;
        case "security":
          if (Array.isArray(value)) {
            const security = this.security(value, ptr(src, key));
            if (security) out.security = security;
          }
          break;
        case "operationId":
        case "parameters":
        case "requestBody":
        case "responses":
          break;
        default:
          if (key.startsWith("x-")) {
            const kept = this.schemas.extension(value, ptr(src, key), ptr(tgt, key));
            if (kept !== undefined) out[key] = kept;
          } else {
            this.add(
              "dropped",
              ptr(src, key),
              tgt,
              `"${key}" is not part of a Swagger 2.0 operation and was dropped.`,
            );
          }
      }
    }
    const ordered: JsonObject = {};
    for (const key of ["tags", "summary", "description", "externalDocs"])
      if (key in out) ordered[key] = out[key] as JsonValue;
    ordered.operationId = this.operationId(op.operationId, method, path, src, tgt);
    if (consumes.length > 0) ordered.consumes = consumes;
    if (produces.size > 0) ordered.produces = [...produces];
    if (params.length > 0) ordered.parameters = params;
    ordered.responses = responses;
    for (const key of Object.keys(out)) if (!(key in ordered)) ordered[key] = out[key] as JsonValue;
    return ordered;
  }

  private operationId(
    value: JsonValue | undefined,
    method: string,
    path: string,
    src: string,
    tgt: string,
  ): string {
    let id = typeof value === "string" && value.trim() !== "" ? value : "";
    if (id === "") {
      id = pascalCase(`${method} ${path.replace(/[{}]/g, " ")}`) || "Operation";
      this.add(
        "note",
        src,
        ptr(tgt, "operationId"),
        `The operation had no operationId; it is now "${this.uniqueId(id, false)}".`,
      );
      return this.uniqueId(id, true);
    }
    if (this.operationIds.has(id)) {
      const unique = this.uniqueId(id, true);
      this.add(
        "approximated",
        ptr(src, "operationId"),
        ptr(tgt, "operationId"),
        `The operationId "${id}" was used twice; this one is now "${unique}".`,
      );
      return unique;
    }
    this.operationIds.add(id);
    return id;
  }

  private uniqueId(base: string, claim: boolean): string {
    let id = base;
    for (let i = 2; this.operationIds.has(id); i++) id = `${base}${i}`;
    if (claim) this.operationIds.add(id);
    return id;
  }

  /** Every `{name}` in the path gets exactly one required path parameter, as Swagger 2.0 demands. */
  private fixPathParameters(
    path: string,
    params: JsonObject[],
    pathParams: JsonObject[],
    src: string,
    tgt: string,
  ): JsonObject[] {
    const placeholders = [...path.matchAll(/\{([^/}]+)\}/g)].map((m) => m[1] as string);
    const effective = (p: JsonObject) => (typeof p.$ref === "string" ? this.parameterByRef(p.$ref) : p);
    const declared = new Set<string>();
    for (const p of [...params, ...pathParams]) {
      const e = effective(p);
      if (e && e.in === "path" && typeof e.name === "string") declared.add(e.name);
    }
    const result = params.filter((p) => {
      const e = effective(p);
      if (e && e.in === "path" && typeof e.name === "string" && !placeholders.includes(e.name)) {
        this.add(
          "dropped",
          src,
          tgt,
          `The path parameter "${e.name}" has no {${e.name}} in the path and was dropped.`,
        );
        return false;
      }
      return true;
    });
    for (const name of placeholders) {
      if (!declared.has(name)) {
        result.push({
          name,
          in: "path",
          required: true,
          type: "string",
          "x-ms-summary": displayName(name),
          "x-ms-url-encoding": "single",
        });
        this.add(
          "approximated",
          src,
          ptr(tgt, "parameters"),
          `The path placeholder {${name}} had no parameter; a required string parameter was added.`,
        );
      }
    }
    return result;
  }

  private parameterByRef(ref: string): JsonObject | null {
    const name = ref.startsWith("#/parameters/") ? safeSegments(ref)[1] : undefined;
    return name !== undefined ? (this.parameterNames.get(name) ?? null) : null;
  }

  private parameterList(list: JsonValue[], src: string, tgt: string): JsonObject[] {
    const out: JsonObject[] = [];
    const seen = new Set<string>();
    list.forEach((p, i) => {
      const psrc = ptr(src, i);
      let converted: JsonObject | null;
      if (isJsonObject(p) && typeof p.$ref === "string") {
        const match = /^#\/components\/parameters\/([^/]+)$/.exec(p.$ref);
        const name = match ? unescape(match[1] as string) : undefined;
        if (name !== undefined && this.parameterNames.has(name)) {
          const target = this.parameterNames.get(name);
          converted = target ? { $ref: `#/parameters/${escapePointerToken(name)}` } : null;
          if (target) {
            const key = `${String(target.in)}:${String(target.name)}`;
            if (seen.has(key)) return;
            seen.add(key);
            out.push(converted as JsonObject);
          }
          return;
        }
        converted = this.parameter(this.resolve(p, psrc), psrc, ptr(tgt, out.length));
      } else {
        converted = this.parameter(p, psrc, ptr(tgt, out.length));
      }
      if (!converted) return;
      const key = `${String(converted.in)}:${String(converted.name)}`;
      if (seen.has(key)) {
        this.add(
          "dropped",
          psrc,
          tgt,
          `A second ${String(converted.in)} parameter named "${String(converted.name)}" was dropped.`,
        );
        return;
      }
      seen.add(key);
      out.push(converted);
    });
    return out;
  }

  /** One OpenAPI 3 parameter (not a $ref to a component) → a Swagger 2.0 non-body parameter, or null. */
  private parameter(p: JsonValue | undefined, src: string, tgt: string): JsonObject | null {
    if (!isJsonObject(p)) return null;
    const name = typeof p.name === "string" ? p.name : "";
    const location = typeof p.in === "string" ? p.in : "";
    if (name === "") {
      this.add("dropped", src, undefined, "A parameter without a name was dropped.");
      return null;
    }
    if (location === "cookie") {
      this.add(
        "dropped",
        src,
        undefined,
        `The cookie parameter "${name}" was dropped: connectors cannot send cookies as parameters. A "Set HTTP header" policy can set a Cookie header.`,
      );
      return null;
    }
    if (location !== "query" && location !== "header" && location !== "path") {
      this.add(
        "dropped",
        src,
        undefined,
        `The parameter "${name}" is in "${location}", which Swagger 2.0 does not have; it was dropped.`,
      );
      return null;
    }
    const out: JsonObject = { name, in: location };
    // Generated and 3.1 documents often describe the parameter in its schema (title, description, example).
    const meta = this.schemaMetadata(p.schema);
    const description = typeof p.description === "string" ? p.description : meta.description;
    if (description !== undefined) out.description = description;
    out["x-ms-summary"] = displayName(name, meta.title);
    out.required = location === "path" ? true : p.required === true;
    if (location === "query" && p.allowEmptyValue === true) out.allowEmptyValue = true;
    let schema: JsonObject;
    if (p.schema !== undefined) schema = this.schemas.convert(p.schema, ptr(src, "schema"), tgt);
    else if (isJsonObject(p.content)) {
      const mediaType = Object.keys(p.content)[0] ?? "";
      const media = p.content[mediaType];
      schema = { type: "string" };
      void media;
      this.add(
        "approximated",
        ptr(src, "content"),
        tgt,
        `The parameter "${name}" is serialised as ${mediaType}; it became a string the user fills in that format.`,
      );
    } else schema = { type: "string" };
    Object.assign(out, this.simpleType(schema, src, tgt, `parameter "${name}"`));
    if (location === "path") out["x-ms-url-encoding"] = "single";
    if (out.type === "array") {
      const format = collectionFormat(location, p.style, p.explode);
      if (format) out.collectionFormat = format;
    } else if (p.style === "deepObject") {
      this.add("approximated", ptr(src, "style"), tgt, `The deepObject parameter "${name}" became a string.`);
    }
    if (p.deprecated === true) {
      this.add(
        "dropped",
        ptr(src, "deprecated"),
        tgt,
        `"deprecated" on the parameter "${name}" was dropped: Swagger 2.0 parameters cannot be deprecated.`,
      );
    }
    const credential = isCredentialName(name);
    // The platform's sample value (connector-format: x-ms-test-value, never for credentials).
    const example = p.example ?? firstExample(p.examples, this.input) ?? meta.example;
    if (isTestValue(example) && !credential) out["x-ms-test-value"] = example;
    for (const key of Object.keys(p)) {
      if (key.startsWith("x-")) {
        const kept = this.schemas.extension(p[key] as JsonValue, ptr(src, key), ptr(tgt, key));
        if (kept !== undefined) out[key] = kept;
      }
    }
    if (credential) this.withholdCredentialSamples(out, p, name, location, src, tgt);
    return out;
  }

  /**
   * A parameter whose name marks a credential (`X-Functions-Key`, `code`, `api_key`…) keeps no sample value:
   * its default, example or test value is left out and reported, without the value.
   */
  private withholdCredentialSamples(
    out: JsonObject,
    p: JsonObject,
    name: string,
    location: string,
    src: string,
    tgt: string,
  ): void {
    const dropped = ["default", "x-example", "x-ms-test-value", "example"].filter(
      (key) => out[key] !== undefined,
    );
    for (const key of dropped) delete out[key];
    if (dropped.length === 0 && p.example === undefined && p.examples === undefined) return;
    this.add(
      "dropped",
      src,
      tgt,
      credentialWithheldMessage(
        location === "header" ? "header" : `${location} parameter`,
        name,
        "its default, example or test value",
      ),
    );
  }

  /**
   * Title, description and example of an input schema, the nearest one winning: the schema itself, then the
   * schemas its `$ref`s lead to (a few levels; `examples` of 3.1 gives its first entry).
   */
  private schemaMetadata(schema: JsonValue | undefined): {
    title: string | undefined;
    description: string | undefined;
    example: JsonValue | undefined;
  } {
    const meta: { title?: string; description?: string; example?: JsonValue } = {};
    let node = schema;
    for (let depth = 0; depth < 5 && isJsonObject(node); depth++) {
      if (meta.title === undefined && typeof node.title === "string" && node.title.trim() !== "")
        meta.title = node.title;
      if (meta.description === undefined && typeof node.description === "string")
        meta.description = node.description;
      if (meta.example === undefined) {
        if (node.example !== undefined) meta.example = node.example;
        else if (Array.isArray(node.examples) && node.examples.length > 0) meta.example = node.examples[0];
      }
      const ref = node.$ref;
      if (typeof ref !== "string" || !ref.startsWith("#")) break;
      node = getAtPointer(this.input, safeSegments(ref)) as JsonValue | undefined;
    }
    return { title: meta.title, description: meta.description, example: meta.example };
  }

  /**
   * The parameter-level form of a schema (type, format, items, enum, bounds): objects and other shapes a
   * query/header/path/formData value cannot have become strings, reported.
   */
  private simpleType(schema: JsonObject, src: string, tgt: string, what: string, depth = 0): JsonObject {
    let s: JsonObject = this.schemas.deref(schema) ?? {};
    if (Array.isArray(s.allOf) && s.type === undefined) {
      for (const member of s.allOf) {
        const m = isJsonObject(member) ? this.schemas.deref(member) : null;
        if (m && typeof m.type === "string") {
          s = { ...m, ...s, type: m.type };
          break;
        }
      }
    }
    const out: JsonObject = {};
    const type = typeof s.type === "string" ? s.type : undefined;
    if (type !== undefined && PRIMITIVE.has(type)) out.type = type;
    else if (type === "array" && depth < 5) {
      out.type = "array";
      const items = isJsonObject(s.items) ? s.items : {};
      out.items = this.simpleType(items, src, tgt, what, depth + 1);
      delete (out.items as JsonObject)["x-nullable"];
    } else {
      out.type = "string";
      if (type === "object" || s.properties !== undefined) {
        this.add("approximated", src, tgt, `The ${what} is an object; it became a string (JSON text).`);
      } else if (type === undefined && Object.keys(s).length > 0 && s.enum === undefined) {
        this.add("approximated", src, tgt, `The ${what} has no single type; it became a string.`);
      }
    }
    for (const key of SIMPLE_KEYS) {
      const value = s[key];
      if (value === undefined) continue;
      if (
        (key === "default" || key === "enum") &&
        out.type === "string" &&
        type !== "string" &&
        type !== undefined
      )
        continue;
      if (key === "default" && typeof value === "object" && value !== null) continue;
      if (key === "enum") {
        if (Array.isArray(value)) {
          const values = uniqueValues(value.filter((v) => v === null || typeof v !== "object"));
          if (values.length > 0) out.enum = values;
        }
        continue;
      }
      if (key === "format" && out.type === "array") continue;
      out[key] = value;
    }
    if (s["x-nullable"] === true) out["x-nullable"] = true;
    for (const key of Object.keys(s))
      if (key.startsWith("x-") && key !== "x-nullable") out[key] = s[key] as JsonValue;
    return out;
  }

  // ---------------------------------------------------------------- request bodies

  private requestBody(
    value: JsonValue,
    src: string,
    tgt: string,
    existing: JsonObject[],
  ): { params: JsonObject[]; consumes: string[] } {
    const body = this.resolve(value, src);
    if (!isJsonObject(body) || !isJsonObject(body.content)) return { params: [], consumes: [] };
    const content = body.content;
    const types = Object.keys(content);
    if (types.length === 0) return { params: [], consumes: [] };
    const isForm = (t: string) => FORM_TYPES.some((f) => t.toLowerCase().startsWith(f));
    const isJson = (t: string) => /json/i.test(t);
    const jsonType = types.find(isJson);
    const formType = types.find(isForm);
    const chosen = jsonType ?? formType ?? (types[0] as string);
    const sameShape = types.filter((t) => (isForm(chosen) ? isForm(t) : !isForm(t)));
    const dropped = types.filter((t) => !sameShape.includes(t));
    if (dropped.length > 0) {
      this.add(
        "approximated",
        ptr(src, "content"),
        tgt,
        `The request body as ${dropped.join(", ")} was dropped; Swagger 2.0 describes a body or form fields, not both (${chosen} is kept).`,
      );
    }
    const media = isJsonObject(content[chosen]) ? (content[chosen] as JsonObject) : {};
    const msrc = ptr(ptr(src, "content"), chosen);
    const required = body.required === true;
    const description = typeof body.description === "string" ? body.description : undefined;
    if (isForm(chosen)) {
      return { params: this.formParameters(media, msrc, tgt, chosen, existing), consumes: sameShape };
    }
    let schema: JsonObject;
    if (media.schema !== undefined)
      schema = this.schemas.convert(media.schema, ptr(msrc, "schema"), ptr(tgt, "schema"));
    else schema = /json/i.test(chosen) ? { type: "object" } : { type: "string", format: "binary" };
    const example = media.example ?? firstExample(media.examples, this.input);
    if (example !== undefined && schema.$ref === undefined && schema.example === undefined)
      schema.example = example;
    const param: JsonObject = { name: "body", in: "body", required };
    if (description !== undefined) param.description = description;
    param.schema = schema;
    for (const key of Object.keys(body)) {
      if (key.startsWith("x-")) {
        const kept = this.schemas.extension(body[key] as JsonValue, ptr(src, key), tgt);
        if (kept !== undefined) param[key] = kept;
      }
    }
    return { params: [param], consumes: sameShape };
  }

  private formParameters(
    media: JsonObject,
    src: string,
    tgt: string,
    mediaType: string,
    existing: JsonObject[],
  ): JsonObject[] {
    const schema = this.schemas.convert(media.schema ?? {}, ptr(src, "schema"), tgt);
    const props: JsonObject = {};
    const required = new Set<string>();
    // Each schema once (again only when reached at a smaller depth): shared allOf members are not walked per path.
    const reached = new Map<JsonObject, number>();
    const gather = (s: JsonObject, depth: number) => {
      const d = this.schemas.deref(s);
      if (!d || depth > 10 || (reached.get(d) ?? Infinity) <= depth) return;
      reached.set(d, depth);
      if (isJsonObject(d.properties))
        for (const [k, v] of Object.entries(d.properties)) if (!(k in props) && v !== undefined) props[k] = v;
      if (Array.isArray(d.required)) for (const r of d.required) if (typeof r === "string") required.add(r);
      if (Array.isArray(d.allOf)) for (const m of d.allOf) if (isJsonObject(m)) gather(m, depth + 1);
    };
    gather(schema, 0);
    if (Object.keys(props).length === 0) {
      this.add(
        "approximated",
        ptr(src, "schema"),
        tgt,
        `The ${mediaType} body has no named fields; no form parameters were created.`,
      );
      return [];
    }
    if (isJsonObject(media.encoding)) {
      this.add("dropped", ptr(src, "encoding"), tgt, "The per-field encoding of the form body was dropped.");
    }
    const taken = new Set(existing.map((p) => `${String(p.in)}:${String(p.name)}`));
    const multipart = mediaType.toLowerCase().startsWith("multipart/");
    const out: JsonObject[] = [];
    for (const [name, prop] of Object.entries(props)) {
      if (taken.has(`formData:${name}`)) continue;
      const p = isJsonObject(prop) ? (this.schemas.deref(prop) ?? {}) : {};
      const param: JsonObject = { name, in: "formData" };
      if (typeof p.description === "string") param.description = p.description;
      param["x-ms-summary"] = displayName(name, p.title);
      param.required = required.has(name);
      const binary =
        p.type === "string" &&
        (p.format === "binary" || p.format === "byte") &&
        multipart &&
        p.format === "binary";
      if (binary) param.type = "file";
      else
        Object.assign(
          param,
          this.simpleType(
            prop as JsonObject,
            ptr(ptr(src, "schema"), name),
            ptr(tgt, out.length),
            `form field "${name}"`,
          ),
        );
      out.push(param);
    }
    return out;
  }

  // ---------------------------------------------------------------- responses

  private responses(
    value: JsonValue | undefined,
    src: string,
    tgt: string,
    produces: Set<string>,
  ): JsonObject {
    const out: JsonObject = {};
    const responses = isJsonObject(value) ? value : {};
    for (const code of Object.keys(responses)) {
      const rsrc = ptr(src, code);
      const raw = responses[code] as JsonValue;
      if (code.startsWith("x-")) {
        const kept = this.schemas.extension(raw, rsrc, ptr(tgt, code));
        if (kept !== undefined) out[code] = kept;
        continue;
      }
      let key = code;
      if (!/^[1-5]\d\d$/.test(code) && code !== "default") {
        const range = /^([1-5])XX$/i.exec(code);
        const replacement = range ? `${range[1]}00` : undefined;
        if (replacement && !(replacement in responses) && !(replacement in out)) {
          key = replacement;
          this.add(
            "approximated",
            rsrc,
            ptr(tgt, key),
            `The response range ${code} became ${key}: Swagger 2.0 has no ranges.`,
          );
        } else {
          this.add(
            "dropped",
            rsrc,
            undefined,
            `The response "${code}" was dropped: Swagger 2.0 needs a status code or "default".`,
          );
          continue;
        }
      }
      if (isJsonObject(raw) && typeof raw.$ref === "string") {
        const match = /^#\/components\/responses\/([^/]+)$/.exec(raw.$ref);
        const target = this.resolve(raw, rsrc, 0, "the response keeps only a description");
        if (target === undefined) {
          out[key] = { description: "Response (its definition is missing from the source document)" };
          continue;
        }
        if (isJsonObject(target) && isJsonObject(target.content))
          for (const t of Object.keys(target.content)) produces.add(t);
        if (match) {
          out[key] = { $ref: `#/responses/${match[1] as string}` };
          continue;
        }
        out[key] = this.response(target, rsrc, ptr(tgt, key), produces);
        continue;
      }
      out[key] = this.response(raw, rsrc, ptr(tgt, key), produces);
    }
    if (Object.keys(out).filter((k) => !k.startsWith("x-")).length === 0) {
      out.default = { description: "Operation completed" };
      this.add(
        "note",
        src,
        ptr(tgt, "default"),
        "The operation listed no responses; a default response was added.",
      );
    }
    return out;
  }

  private response(
    value: JsonValue | undefined,
    src: string,
    tgt: string,
    produces: Set<string>,
  ): JsonObject {
    const r = isJsonObject(value) ? value : {};
    const out: JsonObject = { description: typeof r.description === "string" ? r.description : "" };
    if (isJsonObject(r.content)) {
      const types = Object.keys(r.content);
      for (const t of types) produces.add(t);
      const withSchema = types.filter(
        (t) =>
          isJsonObject(r.content) &&
          isJsonObject((r.content as JsonObject)[t]) &&
          ((r.content as JsonObject)[t] as JsonObject).schema !== undefined,
      );
      const chosen = withSchema.find((t) => /json/i.test(t)) ?? withSchema[0];
      if (chosen !== undefined) {
        const media = (r.content as JsonObject)[chosen] as JsonObject;
        out.schema = this.schemas.convert(
          media.schema,
          ptr(ptr(ptr(src, "content"), chosen), "schema"),
          ptr(tgt, "schema"),
        );
        const others = withSchema.filter(
          (t) =>
            t !== chosen &&
            JSON.stringify(((r.content as JsonObject)[t] as JsonObject).schema) !==
              JSON.stringify(media.schema),
        );
        if (others.length > 0) {
          this.add(
            "approximated",
            ptr(src, "content"),
            ptr(tgt, "schema"),
            `Only the ${chosen} schema is kept; Swagger 2.0 has one schema per response (also produced: ${others.join(", ")}).`,
          );
        }
      }
      const examples: JsonObject = {};
      for (const t of types) {
        const media = (r.content as JsonObject)[t];
        if (!isJsonObject(media)) continue;
        const example = media.example ?? firstExample(media.examples, this.input);
        if (example !== undefined) examples[t] = example;
      }
      if (Object.keys(examples).length > 0) out.examples = examples;
    }
    if (isJsonObject(r.headers)) {
      const headers: JsonObject = {};
      for (const name of Object.keys(r.headers)) {
        const hsrc = ptr(ptr(src, "headers"), name);
        const h = this.resolve(r.headers[name], hsrc);
        if (!isJsonObject(h)) continue;
        const schema =
          h.schema !== undefined
            ? this.schemas.convert(h.schema, ptr(hsrc, "schema"), tgt)
            : { type: "string" };
        const header: JsonObject = {
          ...this.simpleType(schema, hsrc, ptr(ptr(tgt, "headers"), name), `header "${name}"`),
        };
        delete header["x-nullable"];
        if (typeof h.description === "string") header.description = h.description;
        headers[name] = header;
      }
      if (Object.keys(headers).length > 0) out.headers = headers;
    }
    if (isJsonObject(r.links) && Object.keys(r.links).length > 0) {
      this.add(
        "dropped",
        ptr(src, "links"),
        tgt,
        `The response links (${Object.keys(r.links).join(", ")}) were dropped: Swagger 2.0 has no links. x-ms-dynamic-values can chain operations in a connector.`,
      );
    }
    for (const key of Object.keys(r)) {
      if (key.startsWith("x-")) {
        const kept = this.schemas.extension(r[key] as JsonValue, ptr(src, key), ptr(tgt, key));
        if (kept !== undefined) out[key] = kept;
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- helpers

  /** Follows internal `$ref`s of non-schema objects (parameters, bodies, responses, headers, path items). */
  private resolve(
    value: JsonValue | undefined,
    src: string,
    depth = 0,
    outcome = LEFT_OUT,
  ): JsonValue | undefined {
    if (!isJsonObject(value) || typeof value.$ref !== "string") return value;
    if (depth > 20) throw new OpenApi3ConversionError(`The $ref chain at ${src} is circular.`, src);
    const ref = value.$ref;
    if (!ref.startsWith("#")) {
      throw new OpenApi3ConversionError(externalRefMessage(ref, src), src);
    }
    const target = getAtPointer(this.input, safeSegments(ref)) as JsonValue | undefined;
    if (target === undefined) {
      this.schemas.danglingRef(
        ref,
        src,
        undefined,
        outcome,
        outcome === LEFT_OUT ? "dropped" : "approximated",
      );
      return undefined;
    }
    return this.resolve(target, src, depth + 1, outcome);
  }

  private add(
    kind: ImportReportEntry["kind"],
    source: string,
    target: string | undefined,
    message: string,
  ): void {
    this.schemas.add(kind, source, target, message);
  }
}

function safeSegments(ref: string): string[] {
  try {
    return parsePointer(ref);
  } catch {
    return [ref];
  }
}

function unescape(token: string): string {
  return token.replace(/~1/g, "/").replace(/~0/g, "~");
}

function firstExample(examples: JsonValue | undefined, input: JsonObject): JsonValue | undefined {
  if (!isJsonObject(examples)) return undefined;
  for (const key of Object.keys(examples)) {
    let ex = examples[key];
    if (isJsonObject(ex) && typeof ex.$ref === "string" && ex.$ref.startsWith("#")) {
      ex = getAtPointer(input, safeSegments(ex.$ref)) as JsonValue | undefined;
    }
    if (isJsonObject(ex) && ex.value !== undefined) return ex.value;
  }
  return undefined;
}

/** A value that can be a parameter's `x-ms-test-value`: a string, number or boolean. */
function isTestValue(value: JsonValue | undefined): value is string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

function substituteVariables(url: string, variables: JsonValue | undefined): string {
  const vars = isJsonObject(variables) ? variables : {};
  return url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const v = vars[name];
    if (isJsonObject(v)) {
      if (typeof v.default === "string" || typeof v.default === "number") return String(v.default);
      if (Array.isArray(v.enum) && v.enum.length > 0) return String(v.enum[0]);
    }
    return whole.replace(/[{}]/g, "");
  });
}

function normaliseBasePath(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  if (trimmed === "") return "/";
  return trimmed.startsWith("/") ? trimmed : `/${trimmed}`;
}

function collectionFormat(
  location: string,
  style: JsonValue | undefined,
  explode: JsonValue | undefined,
): string | undefined {
  const s = typeof style === "string" ? style : location === "query" ? "form" : "simple";
  if (s === "spaceDelimited") return "ssv";
  if (s === "pipeDelimited") return "pipes";
  if (s === "form") return explode === false ? "csv" : "multi";
  return "csv";
}

/** `get /users/{id}/items` → `GetUsersIdItems`. */
export function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== "")
    .map((w) => (w[0] as string).toUpperCase() + w.slice(1))
    .join("");
}

/**
 * Safety net before swagger-parser: every `$ref` must land on something in the output (definitions,
 * parameters, responses). One that does not (a pointer into an example, say) is replaced by an empty object
 * and reported, so the output always validates.
 */
function sanitizeRefs(root: JsonObject, report: ImportReportEntry[]): JsonObject {
  const known = new Map<string, boolean>();
  const resolves = (ref: string): boolean => {
    let ok = known.get(ref);
    if (ok === undefined) {
      ok = ref.startsWith("#/") && getAtPointer(root, safeSegments(ref)) !== undefined;
      known.set(ref, ok);
    }
    return ok;
  };
  const check = (node: JsonValue, path: string): JsonValue => {
    if (Array.isArray(node)) {
      let changed = false;
      const copy = node.map((item, i) => {
        const next = typeof item === "object" && item !== null ? check(item, ptr(path, i)) : item;
        if (next !== item) changed = true;
        return next;
      });
      return changed ? copy : node;
    }
    if (!isJsonObject(node)) return node;
    let copy: JsonObject | null = null;
    if ("$ref" in node && typeof node.$ref !== "string") {
      // Not a reference at all (a key named "$ref" holding data): it cannot be kept under that name.
      copy = { ...node };
      delete copy.$ref;
      report.push({
        kind: "dropped",
        source: path,
        target: path,
        message: 'A "$ref" key that holds no reference was dropped.',
      });
    } else if ("$ref" in node) {
      const ref = node.$ref as string;
      if (!resolves(ref)) {
        report.push({
          kind: "dropped",
          source: path,
          target: path,
          message: `A $ref to ${JSON.stringify(ref)} has no target in the output and was replaced by an empty object.`,
        });
        return {};
      }
    }
    for (const key of Object.keys(node)) {
      const child = node[key];
      if (typeof child !== "object" || child === null || (copy && !(key in copy))) continue;
      const next = check(child, ptr(path, key));
      if (next !== child || copy) {
        copy ??= { ...node };
        copy[key] = next;
      }
    }
    return copy ?? node;
  };
  return check(root, "") as JsonObject;
}
