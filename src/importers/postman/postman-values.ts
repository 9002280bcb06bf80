import type { JsonObject, JsonValue } from "../../model/json-value";
import { isCredentialName } from "../../model/credentials";

/** Loose readers for Postman JSON: every field may be missing or of the wrong type in real exports. */

export function asObject(value: JsonValue | undefined): JsonObject | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : undefined;
}

export function asArray(value: JsonValue | undefined): JsonValue[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: JsonValue | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** A scalar rendered as text (Postman stores some values as numbers or booleans). */
export function asText(value: JsonValue | undefined): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

/** Postman descriptions are a string or `{ content, type }`. */
export function descriptionText(value: JsonValue | undefined): string | undefined {
  const text = typeof value === "string" ? value : asString(asObject(value)?.content);
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

/** A key/value entry of a Postman list (query, header, urlencoded, formdata, variable). */
export interface PostmanPair {
  key: string;
  value: string | undefined;
  disabled: boolean;
  description: string | undefined;
  /** formdata: "text" or "file". */
  type: string | undefined;
  contentType: string | undefined;
}

/** Reads a Postman key/value list (also the v1 `key: value` header string). */
export function readPairs(value: JsonValue | undefined): PostmanPair[] {
  if (typeof value === "string") {
    const pairs: PostmanPair[] = [];
    for (const line of value.split(/\r?\n/)) {
      const colon = line.indexOf(":");
      if (colon <= 0) continue;
      let key = line.slice(0, colon).trim();
      const disabled = key.startsWith("//");
      if (disabled) key = key.slice(2).trim();
      pairs.push({
        key,
        value: line.slice(colon + 1).trim(),
        disabled,
        description: undefined,
        type: undefined,
        contentType: undefined,
      });
    }
    return pairs;
  }
  const pairs: PostmanPair[] = [];
  for (const entry of asArray(value)) {
    const obj = asObject(entry);
    if (!obj) continue;
    const key = asText(obj.key) ?? asText(obj.name) ?? asText(obj.id);
    if (key === undefined) continue;
    pairs.push({
      key,
      value: asText(obj.value),
      disabled: obj.disabled === true || obj.enabled === false,
      description: descriptionText(obj.description),
      type: asString(obj.type),
      contentType: asString(obj.contentType),
    });
  }
  return pairs;
}

/** Names whose values are credentials: never copied into the output. */
const SECRET_NAME =
  /(pass(word|wd)?|secret|token|api[-_ ]?key|apikey|access[-_ ]?key|auth(?!or)|credential|signature|session|cookie|private|pwd|bearer|jwt|^key$)/i;

const secretNameMemo = new Map<string, boolean>();

export function isSecretName(name: string): boolean {
  // Memoised: sample bodies repeat the same keys thousands of times (DocuSign envelopes).
  let secret = secretNameMemo.get(name);
  if (secret === undefined) {
    // `authUrl`, `tokenHost`: addresses, not credentials.
    secret = !/(url|uri|host|endpoint)$/i.test(name) && SECRET_NAME.test(name);
    if (secretNameMemo.size >= 10_000) secretNameMemo.clear();
    secretNameMemo.set(name, secret);
  }
  return secret;
}

/** Values that look like credentials whatever their name: JWTs, long opaque tokens, "Bearer …"/"Basic …". */
export function isSecretValue(value: string): boolean {
  if (value.length < 8) return false;
  const first = value.charCodeAt(0) | 0x20; // lower-cased first letter: b(earer/asic) or t(oken)
  if ((first === 98 || first === 116) && /^(bearer|basic|token)\s+\S/i.test(value)) return true;
  if (value.startsWith("eyJ") && /^eyJ[\w-]+\.[\w-]+\./.test(value)) return true;
  return (
    value.length >= 24 && /^[A-Za-z0-9+/_=.-]+$/.test(value) && /\d/.test(value) && /[A-Za-z]/.test(value)
  );
}

/** A sample value that may be shown in the output: literal (no variable), not a credential. */
export function safeSample(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value === "" || value.includes("{{")) return undefined;
  if (isSecretName(name) || isCredentialName(name) || isSecretValue(value)) return undefined;
  return value;
}

/**
 * A JSON sample with the values under credential-like keys replaced, so an example body or response never
 * carries a password or token into the connector. Copy on write: parts with nothing to redact are returned
 * as they are (DocuSign's 2 MB of sample bodies are mostly that), so the input must not be mutated later.
 */
export function redactSample(value: JsonValue, depth = 0): JsonValue {
  if (depth > 64) return null;
  if (Array.isArray(value)) {
    let out: JsonValue[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item = value[i] as JsonValue;
      const redacted = redactSample(item, depth + 1);
      if (redacted !== item && !out) out = value.slice(0, i);
      out?.push(redacted);
    }
    return out ?? value;
  }
  if (typeof value === "object" && value !== null) {
    let out: JsonObject | undefined;
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const v = value[key];
      if (v === undefined) continue;
      const redacted =
        isSecretName(key) && v !== null && typeof v !== "object" && typeof v !== "boolean"
          ? "<redacted>"
          : redactSample(v, depth + 1);
      if (redacted !== v && !out) {
        out = {};
        for (let j = 0; j < i; j++) {
          const earlier = keys[j] as string;
          const kept = value[earlier];
          if (kept !== undefined) setOwn(out, earlier, kept);
        }
      }
      if (out) setOwn(out, key, redacted);
    }
    return out ?? value;
  }
  if (typeof value === "string" && isSecretValue(value)) return "<redacted>";
  return value;
}

/** Sets a property even when its name is `__proto__` (input keys must never touch prototypes). */
export function setOwn<T>(obj: Record<string, T>, key: string, value: T): void {
  if (key === "__proto__") {
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    obj[key] = value;
  }
}

/** Splits `getHTTPStatus_v2` into words (camelCase and non-alphanumerics split) without regexes. */
function words(text: string): string[] {
  const out: string[] = [];
  let current = "";
  let previous = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const upper = code >= 65 && code <= 90;
    const lower = code >= 97 && code <= 122;
    const digit = code >= 48 && code <= 57;
    if (!upper && !lower && !digit) {
      if (current !== "") out.push(current);
      current = "";
    } else {
      // a lower-case letter or digit followed by a capital starts a new word
      if (
        upper &&
        current !== "" &&
        ((previous >= 97 && previous <= 122) || (previous >= 48 && previous <= 57))
      ) {
        out.push(current);
        current = "";
      }
      current += text[i];
    }
    previous = code;
  }
  if (current !== "") out.push(current);
  return out;
}

const capitalise = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

/** Names repeat across requests (`page`, `Content-Type`): operationIds are memoised. */
const pascalMemo = new Map<string, string>();
const MEMO_LIMIT = 10_000;

function remember(memo: Map<string, string>, key: string, value: string): string {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

/** `get all users (v2)` → `GetAllUsersV2`; never empty, starts with a letter, at most 80 characters. */
export function pascalCase(text: string, fallback: string): string {
  let id = pascalMemo.get(text);
  if (id === undefined) id = remember(pascalMemo, text, words(text).map(capitalise).join(""));
  if (id === "") id = fallback;
  if (!/^[A-Za-z]/.test(id)) id = `Op${id}`;
  return id.slice(0, 80);
}

/** Escapes one JSON pointer token. */
export function pointerToken(token: string): string {
  if (!token.includes("~") && !token.includes("/")) return token;
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}
