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
  readonly template: string;
  readonly params: readonly string[];
  /**
   * Set when the whole segment is one `{{variable}}`: its name and its value in the collection or
   * environment (undefined when it has none). The segment is a path parameter whatever the value.
   */
  readonly variable?: { readonly name: string; readonly value: string | undefined };
}

export interface ParsedUrl {
  /** Lower-case scheme when the URL (after variables) had one. */
  scheme: string | undefined;
  /** `host[:port]` after variables; may still hold `{{var}}` when unresolved; "" when the URL had none. */
  authority: string;
  segments: readonly PathSegment[];
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
export function parseUrl(url: JsonValue | undefined, vars: VariableScope, cache?: UrlCache): ParsedUrl {
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

  const { scheme, authority, segments } = splitUrl(text, vars, cache);
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
  // A `{{variable}}` segment: the variable's value is the parameter's sample.
  for (const segment of segments) {
    const name = segment.params[0];
    if (segment.variable && name !== undefined && !pathVariables.has(name)) {
      pathVariables.set(name, { description: undefined, value: segment.variable.value });
    }
  }
  return { scheme, authority, segments, query: query ?? [], pathVariables };
}

/** The variable-resolved parts of a URL text. Shared between requests: never mutated. */
interface SplitUrl {
  scheme: string | undefined;
  authority: string;
  segments: readonly PathSegment[];
}

/**
 * URL texts already split during one conversion (Sabre's 951 requests use a few dozen URLs). Valid for one
 * VariableScope only.
 */
export type UrlCache = Map<string, SplitUrl>;

/**
 * Splits a URL text into scheme, authority and path segments. Variables are substituted in the scheme and
 * authority (`{{baseUrl}}`, `https://{{host}}`, including a path the base URL brings with it) and inside
 * segments (`v{{version}}`), never where one forms a whole path segment (`/archive/{{archiveId}}/stop`):
 * that is a path parameter whatever its value, so requests for different IDs stay one operation and an
 * empty value cannot swallow the segment. A variable whose value holds a `/` is a piece of path, not an
 * ID, and is substituted.
 */
function splitUrl(text: string, vars: VariableScope, cache: UrlCache | undefined): SplitUrl {
  const cached = cache?.get(text);
  if (cached) return cached;
  const trimmed = text.trim();
  // The scheme and authority as written (`{{protocol}}://{{host}}`, `{{baseUrl}}`, `api.example.com`).
  const head = trimmed.startsWith("/") ? "" : (/^(?:[^/]*:\/\/)?[^/]*/.exec(trimmed)?.[0] ?? "");
  let rest = vars.resolve(head);
  let scheme: string | undefined;
  const schemeMatch = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(rest);
  if (schemeMatch) {
    scheme = (schemeMatch[1] ?? "").toLowerCase();
    rest = rest.slice(schemeMatch[0].length);
  }
  let authority = "";
  let basePath = rest;
  if (!rest.startsWith("/")) {
    const slash = rest.indexOf("/");
    authority = slash >= 0 ? rest.slice(0, slash) : rest;
    basePath = slash >= 0 ? rest.slice(slash) : "";
  }
  const segments: PathSegment[] = [];
  const used = new Set<string>();
  // The path the base URL variable brought (`https://api.example.com/v1`) is fully resolved already.
  for (const raw of basePath.split("/")) {
    if (raw !== "") segments.push(toSegment(raw, used));
  }
  for (const raw of trimmed.slice(head.length).split("/")) {
    if (raw === "") continue;
    const whole = /^\{\{([^{}]+)\}\}$/.exec(raw.trim());
    if (whole) {
      const name = (whole[1] ?? "").trim();
      const value = vars.has(name) ? vars.resolve(raw.trim()) : undefined;
      if (value === undefined || !value.includes("/")) {
        const param = uniqueName(safeParamName(name), used);
        segments.push({
          template: `{${param}}`,
          params: [param],
          variable: { name, value: value !== undefined && !value.includes("{{") ? value : undefined },
        });
        continue;
      }
    }
    for (const part of vars.resolve(raw).split("/")) {
      if (part !== "") segments.push(toSegment(part, used));
    }
  }
  const split = { scheme, authority, segments };
  if (cache) {
    // Bounded: a hostile collection of distinct URLs must not grow it without end.
    if (cache.size >= 4096) cache.clear();
    cache.set(text, split);
  }
  return split;
}

/** Literal IDs saved in request URLs: long numbers, UUIDs, 24-hex object ids. */
const LITERAL_ID = /^(\d{3,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{24})$/i;

/**
 * Turns literal IDs in the path (`/files/5639341636`) into path parameters named after the segment before
 * them (`{fileId}`), so one operation serves every ID. Returns the IDs replaced, for the report.
 */
export function parameterizeLiteralIds(url: ParsedUrl): string[] {
  const replaced: string[] = [];
  if (!url.segments.some((s) => s.params.length === 0 && LITERAL_ID.test(s.template))) return replaced;
  const used = new Set(url.segments.flatMap((s) => s.params));
  url.segments = url.segments.map((segment, i) => {
    if (segment.params.length > 0 || !LITERAL_ID.test(segment.template)) return segment;
    const previous = url.segments[i - 1];
    const stem =
      previous && previous.params.length === 0 ? previous.template.replace(/[^A-Za-z0-9]/g, "") : "";
    const singular = stem.length > 3 && stem.endsWith("s") ? stem.slice(0, -1) : stem;
    const name = uniqueName(safeParamName(singular ? `${singular}Id` : "id"), used);
    replaced.push(segment.template);
    url.pathVariables.set(name, { description: undefined, value: segment.template });
    return { template: `{${name}}`, params: [name] };
  });
  return replaced;
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
  if (!raw.includes("{{")) return { template: encodeLiteral(raw), params: [] };
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
