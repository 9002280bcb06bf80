import type { JsonValue } from "../../model/json-value";
import {
  asArray,
  asObject,
  asString,
  asText,
  descriptionText,
  readPairs,
  type PostmanPair,
} from "./postman-values";
import type { VariableScope } from "./postman-variables";

/** One path segment after variable resolution: a template (`{id}`, `users`, `v{ver}`) and its parameters. */
export interface PathSegment {
  template: string;
  params: string[];
}

export interface ParsedUrl {
  /** Lower-case scheme when the URL (after variables) had one. */
  scheme: string | undefined;
  /** `host[:port]` after variables; may still hold `{{var}}` when unresolved; "" when the URL had none. */
  authority: string;
  segments: PathSegment[];
  query: PostmanPair[];
  /** `url.variable[]` entries (descriptions and sample values of `:id` path variables). */
  pathVariables: Map<string, { description: string | undefined; value: string | undefined }>;
}

/** Characters a connector path may not hold literally (validator: `*`, `?`, `#`, stray braces). */
const UNSAFE_PATH_CHARS = /[*?#{}\s"<>|\\^`]/g;

/** Makes a path parameter name safe for `{name}` and for the platform (letters, digits, `_`, `-`, `.`). */
export function safeParamName(name: string): string {
  const cleaned = name.trim().replace(/[^A-Za-z0-9_.-]/g, "_");
  return cleaned === "" ? "param" : cleaned;
}

function pathParts(value: JsonValue | undefined): string[] | undefined {
  if (typeof value === "string") return value.split("/");
  if (!Array.isArray(value)) return undefined;
  const parts: string[] = [];
  for (const entry of value) {
    const text = asText(entry) ?? asText(asObject(entry)?.value);
    if (text !== undefined) parts.push(text);
  }
  return parts;
}

function hostText(value: JsonValue | undefined): string | undefined {
  if (typeof value === "string") return value;
  if (!Array.isArray(value)) return undefined;
  return value.map((part) => asText(part) ?? "").join(".");
}

/**
 * Reads a Postman URL (string, or the structured v2 object whose parts win over `raw`), resolves variables,
 * and splits it into scheme, authority, path segments (`:id` and unresolved `{{id}}` become parameters)
 * and query parameters.
 */
export function parseUrl(url: JsonValue | undefined, vars: VariableScope): ParsedUrl {
  const obj = asObject(url);
  let text: string;
  let query: PostmanPair[] | undefined;
  if (obj && (obj.host !== undefined || obj.path !== undefined)) {
    const protocol = asString(obj.protocol);
    const host = hostText(obj.host) ?? "";
    const port = asText(obj.port);
    const path = pathParts(obj.path) ?? [];
    text = `${protocol ? `${protocol.replace(/:\/*$/, "")}://` : ""}${host}${port ? `:${port}` : ""}/${path.join("/")}`;
    if (Array.isArray(obj.query)) query = readPairs(obj.query);
  } else {
    text = asString(obj ? obj.raw : url) ?? "";
    if (obj && Array.isArray(obj.query)) query = readPairs(obj.query);
  }

  // The query of a raw URL (structured URLs list it in `query`, including disabled entries).
  const hash = text.indexOf("#");
  if (hash >= 0 && !text.slice(hash).startsWith("#{")) text = text.slice(0, hash);
  const questionMark = text.indexOf("?");
  if (questionMark >= 0) {
    if (!query) query = parseQueryString(text.slice(questionMark + 1));
    text = text.slice(0, questionMark);
  }

  let rest = vars.resolve(text.trim());
  let scheme: string | undefined;
  const schemeMatch = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(rest);
  if (schemeMatch) {
    scheme = (schemeMatch[1] ?? "").toLowerCase();
    rest = rest.slice(schemeMatch[0].length);
  }
  let authority = "";
  let path = rest;
  if (!rest.startsWith("/")) {
    const slash = rest.indexOf("/");
    authority = slash >= 0 ? rest.slice(0, slash) : rest;
    path = slash >= 0 ? rest.slice(slash) : "";
  }
  // A resolved base URL may itself carry a query or a second scheme-less slash run; keep only the path.
  const segments: PathSegment[] = [];
  const used = new Set<string>();
  for (const raw of path.split("/")) {
    if (raw === "") continue;
    segments.push(toSegment(raw, used));
  }

  const pathVariables = new Map<string, { description: string | undefined; value: string | undefined }>();
  for (const entry of asArray(obj?.variable)) {
    const v = asObject(entry);
    const key = asText(v?.key) ?? asText(v?.id);
    if (!v || key === undefined) continue;
    pathVariables.set(safeParamName(key), {
      description: descriptionText(v.description),
      value: asText(v.value),
    });
  }
  return { scheme, authority, segments, query: query ?? [], pathVariables };
}

function uniqueName(name: string, used: Set<string>): string {
  let candidate = name;
  for (let n = 2; used.has(candidate); n++) candidate = `${name}${n}`;
  used.add(candidate);
  return candidate;
}

function toSegment(raw: string, used: Set<string>): PathSegment {
  if (raw.startsWith(":") && raw.length > 1) {
    const name = uniqueName(safeParamName(raw.slice(1)), used);
    return { template: `{${name}}`, params: [name] };
  }
  const params: string[] = [];
  let template = "";
  let last = 0;
  for (const match of raw.matchAll(/\{\{([^{}]*)\}\}/g)) {
    template += encodeLiteral(raw.slice(last, match.index));
    const name = uniqueName(safeParamName(match[1] ?? ""), used);
    params.push(name);
    template += `{${name}}`;
    last = match.index + match[0].length;
  }
  template += encodeLiteral(raw.slice(last));
  return { template, params };
}

function encodeLiteral(text: string): string {
  return text.replace(UNSAFE_PATH_CHARS, (ch) => encodeURIComponent(ch));
}

function parseQueryString(query: string): PostmanPair[] {
  const pairs: PostmanPair[] = [];
  for (const part of query.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const rawKey = eq >= 0 ? part.slice(0, eq) : part;
    const rawValue = eq >= 0 ? part.slice(eq + 1) : "";
    pairs.push({
      key: safeDecode(rawKey),
      value: safeDecode(rawValue),
      disabled: false,
      description: undefined,
      type: undefined,
      contentType: undefined,
    });
  }
  return pairs;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}
