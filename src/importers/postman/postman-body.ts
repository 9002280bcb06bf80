import type { JsonValue } from "../../model/json-value";
import { asObject, asString, asText, readPairs, type PostmanPair } from "./postman-values";

/** A Postman request body, classified for Swagger 2.0. */
export type BodyShape =
  | { kind: "none" }
  /** Parsed only when used (`parseJsonLoosely`): a merged operation needs only some of its bodies. */
  | { kind: "json"; text: string; contentType: string; declared: boolean }
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
      let declared =
        headerContentType ??
        (language
          ? Object.hasOwn(LANGUAGE_TYPES, language)
            ? LANGUAGE_TYPES[language]
            : undefined
          : undefined);
      if (declared === undefined && /^\s*</.test(raw)) declared = "application/xml";
      if (declared && /x-www-form-urlencoded/i.test(declared)) {
        // A raw body typed as a form is a form: its fields become formData parameters.
        const fields = raw
          .trim()
          .split("&")
          .filter((part) => part !== "")
          .map((part): PostmanPair => {
            const eq = part.indexOf("=");
            return {
              key: decodeFormPart(eq >= 0 ? part.slice(0, eq) : part),
              value: eq >= 0 ? decodeFormPart(part.slice(eq + 1)) : "",
              disabled: false,
              description: undefined,
              type: "text",
              contentType: undefined,
            };
          })
          .filter((f) => f.key !== "");
        if (fields.length > 0)
          return { kind: "form", contentType: "application/x-www-form-urlencoded", fields };
      }
      const looksJson = declared === undefined || /[/+]json\b/i.test(declared);
      if (looksJson && (declared !== undefined || /^\s*[[{]/.test(raw))) {
        return {
          kind: "json",
          text: raw,
          contentType: declared ?? "application/json",
          declared: declared !== undefined,
        };
      }
      return { kind: "text", contentType: declared ?? "text/plain", note: undefined };
    }
    case "urlencoded":
    case "formdata": {
      // Postman saves `formdata: []` / `urlencoded: []` on requests that send nothing (Box, Stripe GETs).
      const fields = readPairs(mode === "formdata" ? obj.formdata : obj.urlencoded).filter(
        (f) => f.key !== "",
      );
      if (fields.length === 0) return { kind: "none" };
      const contentType = mode === "formdata" ? "multipart/form-data" : "application/x-www-form-urlencoded";
      return { kind: "form", contentType, fields };
    }
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
  // Cheap rejection first: a failed JSON.parse on a large XML or text body costs more than the check.
  const first = /\S/.exec(text)?.[0];
  if (first === undefined || !/[[{"\d\-tfn]/.test(first)) return { ok: false };
  // A placeholder in value position (`"n": {{count}}`) makes JSON.parse fail: go to the tolerant pass
  // directly rather than paying for a failed parse of a large body first.
  const placeholderValue = text.includes("{{") && /[:,[]\s*\{\{/.test(text);
  if (!placeholderValue) {
    try {
      return { ok: true, value: JSON.parse(text) as JsonValue, note: undefined };
    } catch {
      // fall through to the tolerant pass
    }
    if (!text.includes("//")) return { ok: false };
  }
  let changed = false;
  // Strings are matched whole (so "{{x}}" and "http://" inside them stay); outside them a placeholder
  // becomes a string and a line comment disappears.
  const tolerant = text.replace(/"(?:[^"\\]|\\.)*"|\{\{[^{}]*\}\}|\/\/[^\n]*/g, (token) => {
    if (token.startsWith('"')) return token;
    changed = true;
    return token.startsWith("{{") ? JSON.stringify(token) : "";
  });
  if (!changed) {
    // The placeholder was inside a string after all.
    try {
      return { ok: true, value: JSON.parse(text) as JsonValue, note: undefined };
    } catch {
      return { ok: false };
    }
  }
  try {
    return {
      ok: true,
      value: JSON.parse(tolerant) as JsonValue,
      note: "the raw JSON body holds {{variables}} outside strings or comments; they were read as strings",
    };
  } catch {
    return { ok: false };
  }
}

function decodeFormPart(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}
