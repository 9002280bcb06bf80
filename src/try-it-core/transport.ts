import { prettyXml } from "./soap-envelope";
import type { PreparedRequest } from "./prepare-request";

/** How a call leaves the browser. */
export type SendRoute = "direct" | "relay";

const SAFE_HEADERS = new Set(["accept", "accept-language", "content-language", "content-type"]);
const SIMPLE_CONTENT_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"];

/**
 * True when the browser would send the request without a CORS preflight (a "simple" request). A direct attempt
 * at an API without CORS then still reaches the API before the browser hides the answer, so such calls that
 * change data go through the relay at once instead of being sent twice.
 */
export function isSimpleCorsRequest(request: PreparedRequest): boolean {
  if (!["GET", "HEAD", "POST"].includes(request.method)) return false;
  return request.headers.every(([name, value]) => {
    const lower = name.toLowerCase();
    if (!SAFE_HEADERS.has(lower)) return false;
    if (lower === "content-type")
      return SIMPLE_CONTENT_TYPES.includes(value.split(";")[0]?.trim().toLowerCase() ?? "");
    return true;
  });
}

/**
 * The order in which to try the routes. `known` remembers, per origin, what worked before in this tab. A direct
 * attempt is harmless when it is preflighted (a refused preflight sends nothing) or when the method is safe.
 */
export function chooseRoutes(
  request: PreparedRequest,
  relayAvailable: boolean,
  known: SendRoute | undefined,
): SendRoute[] {
  if (!relayAvailable) return ["direct"];
  if (known) return [known];
  const safeMethod = request.method === "GET" || request.method === "HEAD";
  if (!safeMethod && isSimpleCorsRequest(request)) return ["relay"];
  return ["direct", "relay"];
}

/** A response as the Test step shows it, whichever route it took. */
export interface CallResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: Uint8Array;
  timeMs: number;
  route: SendRoute;
}

export type BodyView =
  | { kind: "empty" }
  | { kind: "json"; value: unknown; pretty: string }
  | { kind: "text"; text: string }
  | { kind: "image"; contentType: string }
  | { kind: "binary"; contentType: string };

/** The response header value (case-insensitive), first one. */
export function headerValue(headers: [string, string][], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find(([n]) => n.toLowerCase() === lower)?.[1];
}

function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 512);
  for (const b of sample) if (b === 0) return false;
  return true;
}

/**
 * Raster image types that are passive wherever a browser shows them (no script, no markup, no links), even when
 * the user opens the image in a tab at the app's origin. SVG is not one of them: it is XML that can run script.
 */
export const PASSIVE_IMAGE_TYPES: ReadonlySet<string> = new Set([
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "image/avif",
  "image/bmp",
  "image/x-icon",
  "image/vnd.microsoft.icon",
]);

/** The type every download of a response body gets: a file to save, never a page the browser renders. */
export const DOWNLOAD_TYPE = "application/octet-stream";

/**
 * Decides how to show a body: pretty JSON, text, a passive image, or a download for anything binary. An API's
 * response never becomes active content at the app's origin: HTML, SVG and XML are shown as text, and only the
 * raster types of PASSIVE_IMAGE_TYPES are shown as images.
 */
const PRETTY_XML_TYPES = new Set(["text/xml", "application/xml", "application/soap+xml"]);

export function viewBody(headers: [string, string][], body: Uint8Array): BodyView {
  if (body.length === 0) return { kind: "empty" };
  const contentType = (headerValue(headers, "content-type") ?? "").toLowerCase();
  const mime = contentType.split(";")[0]?.trim() ?? "";
  if (PASSIVE_IMAGE_TYPES.has(mime)) return { kind: "image", contentType: mime };
  const textual =
    mime === "" ||
    mime.startsWith("text/") ||
    mime.includes("json") ||
    mime.includes("xml") ||
    mime.includes("javascript") ||
    mime === "application/x-www-form-urlencoded";
  if (!textual || !looksLikeText(body))
    return { kind: "binary", contentType: mime || "application/octet-stream" };
  const text = new TextDecoder().decode(body);
  if (mime.includes("json") || mime === "" || mime === "text/plain") {
    try {
      const value: unknown = JSON.parse(text);
      return { kind: "json", value, pretty: JSON.stringify(value, null, 2) };
    } catch {
      // not JSON after all: shown as text
    }
  }
  // Plain XML (a SOAP response among others) is shown indented, as text: never rendered. SVG and XHTML are
  // shown exactly as they came.
  return { kind: "text", text: PRETTY_XML_TYPES.has(mime) ? prettyXml(text) : text };
}

/**
 * The type of the blob URL the Test step makes for a body, or null when it makes none. Never the API's own
 * Content-Type for anything but a passive image: a blob URL opened in a tab runs at the app's origin, so an
 * HTML, SVG or PDF body (or one mislabelled as anything else) would get the app's origin and its relay token.
 */
export function blobTypeFor(view: BodyView): string | null {
  if (view.kind === "image")
    return PASSIVE_IMAGE_TYPES.has(view.contentType) ? view.contentType : DOWNLOAD_TYPE;
  if (view.kind === "binary") return DOWNLOAD_TYPE;
  return null;
}

/** A byte count for people: `512 B`, `1.5 KB`, `2.0 MB`. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Bytes to base64 (the relay's body encoding), in chunks so large uploads do not overflow the stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
