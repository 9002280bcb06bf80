/**
 * Credentials in the inputs of a conversion (Postman collections, OpenAPI 3 documents): parameter names that
 * carry one, and user names and passwords in URLs. Their values never reach the connector (parameter
 * `default`, `x-ms-test-value`, `x-example`, examples), the Import report or a log; the report says a value
 * was withheld, without the value.
 */

/**
 * Words that make a query parameter, header or form field a credential wherever they stand in its name
 * (`X-Functions-Key`, `Ocp-Apim-Subscription-Key`, `api_key`, `X-Auth-Token`, `client_secret`,
 * `X-Hub-Signature`, `Cookie`). Names are split into words at `-`, `_`, `.`, spaces and camelCase humps.
 * A false positive only costs a sample value; a false negative leaks a secret.
 */
const SECRET_WORDS = new Set([
  "key",
  "apikey",
  "token",
  "secret",
  "password",
  "passwd",
  "pass",
  "pwd",
  "passphrase",
  "credential",
  "credentials",
  "signature",
  "auth",
  "authorization",
  "bearer",
  "jwt",
  "cookie",
  "session",
  "sessionid",
  "otp",
]);

/** Parts that mark a credential even inside a word run together (`accesstoken`, `APIKEY`, `clientsecret`). */
const SECRET_PARTS = /secret|passw|token|apikey|credential|signature|authorization/;

/**
 * Names that are credentials on their own but ordinary inside other names (`country_code`, `design`): Azure
 * Functions' `code` key, the `sig` of a shared access signature, the `key` of Google-style APIs.
 */
const SECRET_ALONE = new Set(["code", "sig", "key", "sas", "hmac"]);

/** Names of addresses, not credentials: `authUrl`, `tokenEndpoint`, `passwordResetUri`. */
const ADDRESS = /(url|uri|host|endpoint)$/i;

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** True when a parameter, header or field name says its value is a credential (matched case-insensitively). */
export function isCredentialName(name: string): boolean {
  const trimmed = name.trim();
  if (trimmed === "" || ADDRESS.test(trimmed)) return false;
  const lower = trimmed.toLowerCase();
  if (SECRET_ALONE.has(lower) || SECRET_PARTS.test(lower)) return true;
  return words(trimmed).some((word) => SECRET_WORDS.has(word));
}

/** `scheme://user:password@` (or `user@`) in any text: what {@link withoutUrlCredentials} removes. */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"'<>]*@/gi;

/** A text with the user names and passwords of its URLs removed (`https://a:b@host/x` → `https://host/x`). */
export function withoutUrlCredentials(text: string): string {
  if (!text.includes("@")) return text;
  return text.replace(URL_USERINFO, "$1");
}

/** True when a text holds a URL with a user name or password. */
export function hasUrlCredentials(text: string): boolean {
  return text.includes("@") && withoutUrlCredentials(text) !== text;
}

/**
 * The host part of an authority (`alice:password@host:8080` → `host:8080`), and whether credentials were
 * cut off. Only the part after the last `@` names the host.
 */
export function authorityWithoutCredentials(authority: string): { authority: string; withheld: boolean } {
  const at = authority.lastIndexOf("@");
  return at < 0 ? { authority, withheld: false } : { authority: authority.slice(at + 1), withheld: true };
}

/** The report message for a URL that carried credentials. */
export const URL_CREDENTIALS_WITHHELD =
  "A URL carried a user name and password (user:password@host); they were withheld: not copied into the connector or this report. Set up Basic authentication in the Security step if the API needs them.";

/** The report message for a credential value that was not used as a parameter's sample. */
export function credentialWithheldMessage(what: string, name: string, as: string): string {
  return `The value of the ${what} "${name}" was withheld: it is a credential, so it did not become ${as}.`;
}
