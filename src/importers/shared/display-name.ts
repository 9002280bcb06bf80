/**
 * Labels for the flow designer (`x-ms-summary` of parameters and schema properties), shared by the Postman
 * and OpenAPI importers so that both label the same name the same way. A label obeys the validator's summary
 * rules: at most 80 characters, no `/`, no line break, no leading or trailing space, no final full stop.
 */

/** Longest label the designer shows in full (the validator's summary limit). */
export const MAX_SUMMARY_LENGTH = 80;

/** Words shown in capitals whatever their case in the name (`account_id` → "Account ID"). */
const ACRONYMS = new Set([
  "api",
  "cc",
  "cpu",
  "csv",
  "dns",
  "eta",
  "gps",
  "guid",
  "html",
  "http",
  "https",
  "iban",
  "id",
  "ip",
  "iso",
  "json",
  "jwt",
  "mfa",
  "mime",
  "otp",
  "pdf",
  "sdk",
  "sku",
  "sms",
  "sql",
  "ssl",
  "ssn",
  "tls",
  "ttl",
  "ui",
  "uri",
  "url",
  "utc",
  "uuid",
  "vat",
  "vpn",
  "xml",
]);

/** Plural acronyms keep a small "s" (`ids` → "IDs", `userURLs` → "User URLs"). */
function acronymOf(word: string): string | undefined {
  const lower = word.toLowerCase();
  if (ACRONYMS.has(lower)) return lower.toUpperCase();
  if (lower.length > 2 && lower.endsWith("s") && ACRONYMS.has(lower.slice(0, -1)))
    return `${lower.slice(0, -1).toUpperCase()}s`;
  return undefined;
}

const isUpper = (c: string): boolean => c >= "A" && c <= "Z";
const isLower = (c: string): boolean => c >= "a" && c <= "z";
const isDigit = (c: string): boolean => c >= "0" && c <= "9";

/**
 * Splits an identifier into words: at anything that is not a letter or digit, at a lower-case letter or digit
 * followed by a capital (`userId`), and before the last capital of a run followed by a lower-case letter
 * (`HTTPStatus` → HTTP, Status). Letters of other scripts stay inside their word.
 */
export function splitWords(name: string): string[] {
  const out: string[] = [];
  let current = "";
  const chars = [...name];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    const letterOrDigit = /[\p{L}\p{N}]/u.test(c);
    if (!letterOrDigit) {
      if (current !== "") out.push(current);
      current = "";
      continue;
    }
    const previous = current.slice(-1);
    const next = chars[i + 1] ?? "";
    const boundary =
      current !== "" &&
      isUpper(c) &&
      (isLower(previous) || isDigit(previous) || (isUpper(previous) && isLower(next)));
    if (boundary) {
      out.push(current);
      current = "";
    }
    current += c;
  }
  if (current !== "") out.push(current);
  return out;
}

function capitalise(word: string): string {
  const acronym = acronymOf(word);
  if (acronym !== undefined) return acronym;
  // A word already in capitals (an acronym the list does not know, `SKU`, `VIN`) stays as it is.
  if (word.length > 1 && word === word.toUpperCase() && /\p{L}/u.test(word)) return word;
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Cuts a label to the limit at a word boundary where one is near. */
function clip(text: string): string {
  if (text.length <= MAX_SUMMARY_LENGTH) return text;
  const cut = text.slice(0, MAX_SUMMARY_LENGTH);
  const space = cut.lastIndexOf(" ");
  return (space > MAX_SUMMARY_LENGTH / 2 ? cut.slice(0, space) : cut).trim();
}

const nameMemo = new Map<string, string>();

/**
 * A label from an identifier: `account_id` → "Account ID", `userId` → "User ID", `URL` → "URL",
 * `$filter` → "Filter", `page-size` → "Page Size". Never empty (a name without letters or digits gives
 * "Value").
 */
export function summaryFromName(name: string): string {
  const known = nameMemo.get(name);
  if (known !== undefined) return known;
  const label = clip(splitWords(name).map(capitalise).join(" ")) || "Value";
  // Names repeat across requests and schemas: bounded so that hostile input cannot grow it without end.
  if (nameMemo.size >= 10_000) nameMemo.clear();
  nameMemo.set(name, label);
  return label;
}

/**
 * A label from a human-written title (an OpenAPI `title`): line breaks and `/` become spaces, a final full
 * stop goes, at most 80 characters. Undefined when nothing is left.
 */
export function summaryFromTitle(title: unknown): string | undefined {
  if (typeof title !== "string") return undefined;
  const text = clip(
    title
      .replace(/[/\\\r\n\t]+/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/[.\s]+$/, ""),
  );
  return text === "" ? undefined : text;
}

/** The designer label of a parameter or property: its title when it has a usable one, else its name in words. */
export function displayName(name: string, title?: unknown): string {
  return summaryFromTitle(title) ?? summaryFromName(name);
}

/**
 * Gives every property of a schema built by an importer (object properties, array items, nested) an
 * `x-ms-summary` from its title or name, where it has none. Changes the schema in place: only for schemas
 * the importer has just created. `$ref`s are left alone (Swagger 2.0 ignores keywords beside them).
 */
export function labelProperties(schema: Record<string, unknown>, depth = 0): void {
  if (depth > 32) return;
  const properties = schema.properties;
  if (typeof properties === "object" && properties !== null && !Array.isArray(properties)) {
    for (const [name, value] of Object.entries(properties)) {
      if (typeof value !== "object" || value === null || Array.isArray(value)) continue;
      const prop = value as Record<string, unknown>;
      if (prop.$ref !== undefined) continue;
      if (prop["x-ms-summary"] === undefined) prop["x-ms-summary"] = displayName(name, prop.title);
      labelProperties(prop, depth + 1);
    }
  }
  const items = schema.items;
  if (typeof items === "object" && items !== null && !Array.isArray(items))
    labelProperties(items as Record<string, unknown>, depth + 1);
}
