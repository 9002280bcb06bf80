import { deflateSync, strFromU8, strToU8 } from "fflate";
import type { ConnectorDocument } from "../model/connector-document";
import { isJsonObject, type JsonObject } from "../model/json-value";
import type { SwaggerDocument } from "../model/swagger-types";
import { documentForWriting } from "../model/secrets";
import { inflateCapped } from "../importers/shared/inflate-capped";

/** Fragments longer than this are not offered as links (chat tools and mail clients cut long URLs). */
export const SHARE_FRAGMENT_LIMIT = 32_000;
/**
 * A shared connector inflates to at most this many bytes of JSON (the platform takes a 1 MB definition and 1 MB of
 * code; a link that fits {@link SHARE_FRAGMENT_LIMIT} holds far less unless it is a bomb).
 */
export const SHARE_INFLATED_LIMIT = 4 * 1024 * 1024;
const PREFIX = "connector=";

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Encodes a connector into a URL fragment (`connector=<deflated, base64url JSON>`), never sent to a server.
 * Returns null when the result is too long for a link: share the package file instead. Secrets are left out;
 * the icon is left out (it would dominate the size).
 */
export function encodeShareFragment(source: ConnectorDocument): string | null {
  const doc = documentForWriting(source).document;
  const payload = {
    v: 1,
    definition: doc.definition,
    properties: doc.properties,
    script: doc.script,
  };
  const fragment = PREFIX + toBase64Url(deflateSync(strToU8(JSON.stringify(payload)), { level: 9 }));
  return fragment.length <= SHARE_FRAGMENT_LIMIT ? fragment : null;
}

/** True when a location hash carries a shared connector. */
export function isShareFragment(hash: string): boolean {
  return hash.replace(/^#/, "").startsWith(PREFIX);
}

/** A shared connector read from a link, with what to show before opening it. */
export interface SharedConnector {
  document: ConnectorDocument;
  /** The definition's `info.title`, or "Untitled connector". */
  title: string;
  /** Bytes of JSON the link carries (inflated). */
  bytes: number;
}

const kilobytes = (n: number) => `${Math.ceil(n / 1024)} KB`;

/**
 * Reads a shared connector from a location hash, within limits: a fragment longer than
 * {@link SHARE_FRAGMENT_LIMIT} is refused before anything is inflated, and inflating stops at
 * {@link SHARE_INFLATED_LIMIT}. Throws an Error with a plain message when the link is damaged or too big.
 */
export function readShareFragment(hash: string): SharedConnector {
  const body = hash.replace(/^#/, "");
  if (!body.startsWith(PREFIX)) throw new Error("This link does not carry a connector.");
  if (body.length > SHARE_FRAGMENT_LIMIT)
    throw new Error(
      `This shared link is too long (${kilobytes(body.length)}; links carry at most ${kilobytes(SHARE_FRAGMENT_LIMIT)}); it was not opened.`,
    );
  let inflated: Uint8Array | null;
  try {
    inflated = inflateCapped(fromBase64Url(body.slice(PREFIX.length)), SHARE_INFLATED_LIMIT);
  } catch {
    throw new Error("The shared connector in this link is damaged or incomplete (was the link cut?).");
  }
  if (inflated === null)
    throw new Error(
      `The shared connector in this link inflates past ${SHARE_INFLATED_LIMIT / (1024 * 1024)} MB; it was not opened.`,
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(strFromU8(inflated));
  } catch {
    throw new Error("The shared connector in this link is damaged or incomplete (was the link cut?).");
  }
  if (!isJsonObject(parsed as JsonObject) || !isJsonObject((parsed as JsonObject).definition)) {
    throw new Error("The shared connector in this link is not a connector.");
  }
  const value = parsed as { definition: SwaggerDocument; properties?: unknown; script?: unknown };
  const title = value.definition.info?.title;
  return {
    document: {
      definition: value.definition,
      properties: isJsonObject(value.properties as JsonObject)
        ? (value.properties as JsonObject)
        : { properties: {} },
      icon: null,
      script: typeof value.script === "string" ? value.script : null,
      settings: null,
    },
    title: typeof title === "string" && title.trim() !== "" ? title : "Untitled connector",
    bytes: inflated.length,
  };
}

/** Decodes a shared connector; throws an Error with a plain message when the link is damaged or too big. */
export function decodeShareFragment(hash: string): ConnectorDocument {
  return readShareFragment(hash).document;
}
