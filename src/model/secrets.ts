import type { ConnectorDocument } from "./connector-document";
import { isJsonObject, type JsonObject, type JsonValue } from "./json-value";

/**
 * OAuth client secrets in apiProperties.json. A published connector never needs one in a file (paconn and pac
 * take it as a command-line argument, the maker portal stores it server-side), and nothing here can tell a
 * real secret from a placeholder: `A1B2C3D4E5F60718293A4B5C6D7E8F90`, `***` or `{…}` may be either. So every
 * value is left out, whatever it looks like. Only `null` (no value at all) is kept, as published connectors
 * hold it, so that their round trip stays exact.
 */
const CLIENT_SECRET_KEY = /^client_?secret$/i;

function escapeToken(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** True when an `oAuthSettings` member holds a client secret value (anything but `null`). */
function isClientSecretMember(key: string, value: JsonValue | undefined): boolean {
  return CLIENT_SECRET_KEY.test(key) && value !== undefined && value !== null;
}

export interface WithoutClientSecrets {
  properties: JsonObject;
  /** JSON pointers (into apiProperties.json) of the values left out; empty when there were none. */
  removed: string[];
}

/**
 * apiProperties.json without the value of any `clientSecret` in any `oAuthSettings` (connection parameters,
 * parameter sets, wherever it is nested). Copy on write: returns the same object when there is nothing to
 * remove, and keeps the lossless side tables (key order, raw numbers) of every object it copies.
 */
export function withoutClientSecrets(properties: JsonObject): WithoutClientSecrets {
  const removed: string[] = [];
  const visit = (
    value: JsonValue | undefined,
    pointer: string,
    inOAuthSettings: boolean,
  ): JsonValue | undefined => {
    if (Array.isArray(value)) {
      let copy: JsonValue[] | null = null;
      value.forEach((item, i) => {
        const next = visit(item, `${pointer}/${i}`, false);
        if (next !== item) {
          copy ??= [...value];
          copy[i] = next as JsonValue;
        }
      });
      return copy ?? value;
    }
    if (!isJsonObject(value)) return value;
    let copy: JsonObject | null = null;
    for (const key of Object.keys(value)) {
      const child = value[key];
      const childPointer = `${pointer}/${escapeToken(key)}`;
      if (inOAuthSettings && isClientSecretMember(key, child)) {
        copy ??= { ...value };
        delete copy[key];
        removed.push(childPointer);
        continue;
      }
      const next = visit(child, childPointer, key === "oAuthSettings");
      if (next !== child) {
        copy ??= { ...value };
        copy[key] = next;
      }
    }
    return copy ?? value;
  };
  return { properties: visit(properties, "", false) as JsonObject, removed };
}

/** True when apiProperties.json holds a client secret value that every writer leaves out. */
export function hasClientSecret(properties: JsonObject): boolean {
  return withoutClientSecrets(properties).removed.length > 0;
}

export interface DocumentForWriting {
  /** The document as it may be written: same as the input when it held no secret. */
  document: ConnectorDocument;
  /** JSON pointers into apiProperties.json of the client secrets left out. */
  removed: string[];
}

/**
 * The one way to a document that may leave memory: every writer (the Export zip, the certification package,
 * the CLI's `import` and `package` outputs, the IndexedDB draft and export snapshots, share links) calls this
 * first, so no client secret is ever written to a file, draft or link. A client secret the maker typed lives
 * only in memory (the Security and Test steps), never in the document.
 */
export function documentForWriting(doc: ConnectorDocument): DocumentForWriting {
  const { properties, removed } = withoutClientSecrets(doc.properties);
  return { document: properties === doc.properties ? doc : { ...doc, properties }, removed };
}

/** The note a writer shows for each client secret it left out (never the value). */
export function clientSecretNote(pointer: string): string {
  return `The OAuth client secret at ${pointer} in apiProperties.json was left out: client secrets are never written to files; give it to paconn with --secret (or enter it in the maker portal).`;
}
