import type { JsonValue } from "../../model/json-value";
import { asObject, asString, asText, readPairs, type PostmanPair } from "./postman-values";

/** A Postman request body, classified for Swagger 2.0. */
export type BodyShape =
  | { kind: "none" }
  | { kind: "json"; sample: JsonValue; contentType: string; note: string | undefined }
  | { kind: "text"; contentType: string; note: string | undefined }
  | { kind: "binary"; contentType: string }
  | { kind: "form"; contentType: string; fields: PostmanPair[] }
  | { kind: "graphql"; query: string; variables: JsonValue | undefined };

const LANGUAGE_TYPES: Record<string, string> = {
  json: "application/json",
  xml: "application/xml",
  html: "text/html",
  javascript: "application/javascript",
  text: "text/plain",
};

/**
 * Classifies a request body: raw JSON (parsed, `{{var}}` placeholders outside strings tolerated), raw
 * text/XML, urlencoded and form-data fields, a binary file, or a GraphQL query.
 * @param headerContentType the request's Content-Type header, which wins over Postman's language hint.
 */
export function readBody(body: JsonValue | undefined, headerContentType: string | undefined): BodyShape {
  const obj = asObject(body);
  if (!obj || obj.disabled === true) return { kind: "none" };
  const mode = asString(obj.mode);
  switch (mode) {
    case "raw": {
      const raw = asText(obj.raw) ?? "";
      if (raw.trim() === "") return { kind: "none" };
      const language = asString(asObject(asObject(obj.options)?.raw)?.language);
      const declared = headerContentType ?? (language ? LANGUAGE_TYPES[language] : undefined);
      const looksJson = declared === undefined || /[/+]json\b/i.test(declared);
      if (looksJson) {
        const parsed = parseJsonLoosely(raw);
        if (parsed.ok) {
          return {
            kind: "json",
            sample: parsed.value,
            contentType: declared ?? "application/json",
            note: parsed.note,
          };
        }
        if (declared !== undefined) {
          return {
            kind: "text",
            contentType: declared,
            note: "the raw JSON body does not parse; it became a string body, define its schema by hand",
          };
        }
      }
      return { kind: "text", contentType: declared ?? "text/plain", note: undefined };
    }
    case "urlencoded":
      return {
        kind: "form",
        contentType: "application/x-www-form-urlencoded",
        fields: readPairs(obj.urlencoded),
      };
    case "formdata":
      return { kind: "form", contentType: "multipart/form-data", fields: readPairs(obj.formdata) };
    case "file":
      return { kind: "binary", contentType: headerContentType ?? "application/octet-stream" };
    case "graphql": {
      const graphql = asObject(obj.graphql);
      const query = asText(graphql?.query) ?? "";
      let variables: JsonValue | undefined;
      const rawVariables = graphql?.variables;
      if (typeof rawVariables === "string" && rawVariables.trim() !== "") {
        const parsed = parseJsonLoosely(rawVariables);
        variables = parsed.ok ? parsed.value : undefined;
      } else if (rawVariables !== undefined && rawVariables !== null && typeof rawVariables === "object") {
        variables = rawVariables;
      }
      return { kind: "graphql", query, variables };
    }
    default:
      return { kind: "none" };
  }
}

type Loose = { ok: true; value: JsonValue; note: string | undefined } | { ok: false };

/**
 * JSON.parse, and when that fails, a second try with `{{var}}` placeholders outside strings quoted and
 * `//` line comments removed (both common in Postman bodies).
 */
export function parseJsonLoosely(text: string): Loose {
  try {
    return { ok: true, value: JSON.parse(text) as JsonValue, note: undefined };
  } catch {
    // fall through to the tolerant pass
  }
  let out = "";
  let inString = false;
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (inString) {
      out += ch;
      if (ch === "\\") {
        out += text[i + 1] ?? "";
        i++;
      } else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') {
      inString = true;
      out += ch;
    } else if (ch === "{" && text[i + 1] === "{") {
      const end = text.indexOf("}}", i + 2);
      if (end < 0) return { ok: false };
      out += JSON.stringify(text.slice(i, end + 2));
      i = end + 1;
      changed = true;
    } else if (ch === "/" && text[i + 1] === "/") {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end - 1;
      changed = true;
    } else out += ch;
  }
  if (!changed) return { ok: false };
  try {
    return {
      ok: true,
      value: JSON.parse(out) as JsonValue,
      note: "the raw JSON body holds {{variables}} outside strings or comments; they were read as strings",
    };
  } catch {
    return { ok: false };
  }
}
