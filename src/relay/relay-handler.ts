import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/** Where the relay answers. */
export const RELAY_PATH = "/__relay";
export const RELAY_TOKEN_PATH = "/__relay/token";
export const RELAY_TOKEN_HEADER = "x-relay-token";

export interface RelayLimits {
  /** Largest request body accepted from the page (bytes). */
  maxRequestBytes: number;
  /** Largest response body read from the target (bytes). */
  maxResponseBytes: number;
  /** Time allowed for the whole call to the target (ms). */
  timeoutMs: number;
}

export const DEFAULT_RELAY_LIMITS: RelayLimits = {
  maxRequestBytes: 10 * 1024 * 1024,
  maxResponseBytes: 10 * 1024 * 1024,
  timeoutMs: 30_000,
};

/** What the page asks the relay to send. */
export interface RelayRequest {
  method: string;
  url: string;
  headers?: [string, string][];
  /** Request body, base64-encoded (so binary uploads pass unchanged). */
  bodyBase64?: string;
}

/** What the relay sends back to the page. */
export interface RelayResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  bodyBase64: string;
  timeMs: number;
}

// Hop-by-hop headers and headers the relay sets itself are never forwarded.
const DROPPED_REQUEST_HEADERS = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "host",
  "content-length",
  "origin",
  "referer",
]);

const LOOPBACK_ADDRESSES = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.startsWith("[") ? host.slice(1, host.indexOf("]")) : host.replace(/:\d+$/, "");
  return name === "localhost" || name === "::1" || /^127(\.\d{1,3}){3}$/.test(name);
}

/** A relay instance: one random token per server start, checked on every call. */
export interface Relay {
  token: string;
  limits: RelayLimits;
  /** Connect-style middleware: answers `/__relay*` and passes everything else on. */
  middleware(req: IncomingMessage, res: ServerResponse, next: () => void): void;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.setHeader("cache-control", "no-store");
  res.setHeader("x-content-type-options", "nosniff");
  res.end(text);
}

function refuse(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { error: message });
}

/**
 * Checks that a request comes from the app's own page: served on loopback, with the app's own origin (a page of
 * any other site carries another Origin, or a cross-site Sec-Fetch-Site). Returns the reason it does not, or null.
 */
export function sameOriginProblem(req: IncomingMessage): string | null {
  const remote = req.socket.remoteAddress;
  if (remote && !LOOPBACK_ADDRESSES.has(remote)) return "The relay only answers on loopback.";
  const host = req.headers.host;
  if (!isLoopbackHost(host)) return "The relay only answers requests addressed to localhost.";
  const origin = req.headers.origin;
  if (!origin) return "The relay needs the Origin header of the app's page.";
  if (origin !== `http://${host}` && origin !== `https://${host}`)
    return `Requests from ${origin} are not allowed.`;
  const site = req.headers["sec-fetch-site"];
  if (site !== undefined && site !== "same-origin") return "Only the app's own page may use the relay.";
  return null;
}

/** For a token GET without Origin: loopback, addressed to localhost, and `Sec-Fetch-Site: same-origin`. */
function tokenFetchProblem(req: IncomingMessage): string | null {
  const remote = req.socket.remoteAddress;
  if (remote && !LOOPBACK_ADDRESSES.has(remote)) return "The relay only answers on loopback.";
  if (!isLoopbackHost(req.headers.host)) return "The relay only answers requests addressed to localhost.";
  if (req.headers["sec-fetch-site"] !== "same-origin")
    return "Only the app's own page may read the relay token.";
  return null;
}

function tokenMatches(expected: string, given: string | string[] | undefined): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function parseRelayRequest(raw: Buffer): RelayRequest | string {
  let value: unknown;
  try {
    value = JSON.parse(raw.toString("utf8"));
  } catch {
    return "The relay request is not JSON.";
  }
  if (typeof value !== "object" || value === null) return "The relay request must be an object.";
  const r = value as Partial<RelayRequest>;
  if (typeof r.method !== "string" || !/^[A-Za-z]+$/.test(r.method))
    return "The relay request needs an HTTP method.";
  if (typeof r.url !== "string") return "The relay request needs a URL.";
  if (
    r.headers !== undefined &&
    !(Array.isArray(r.headers) && r.headers.every((h) => Array.isArray(h) && h.length === 2))
  )
    return "Headers must be a list of [name, value] pairs.";
  if (r.bodyBase64 !== undefined && typeof r.bodyBase64 !== "string") return "The body must be base64 text.";
  return r as RelayRequest;
}

async function readLimited(response: Response, limit: number): Promise<Buffer | null> {
  const declared = Number(response.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel();
    return null;
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Creates the relay that lets the Test step reach APIs without CORS. It must never become an open proxy: it
 * answers only the app's own page on loopback, needs a per-start random token that only that page can read,
 * forwards only http/https, caps sizes and time, and forwards no cookies of its own (only the headers the page
 * lists explicitly go out).
 */
export function createRelay(
  limits: RelayLimits = DEFAULT_RELAY_LIMITS,
  token = randomBytes(32).toString("base64url"),
): Relay {
  const handleToken = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== "GET") return refuse(res, 405, "Use GET.");
    // The token is readable by the app's page only: the same-origin checks, and no CORS headers for anyone else.
    // Browsers send no Origin on a same-origin GET, so there the browser-set Sec-Fetch-Site must say same-origin.
    const problem = req.headers.origin === undefined ? tokenFetchProblem(req) : sameOriginProblem(req);
    if (problem) return refuse(res, 403, problem);
    sendJson(res, 200, { token });
  };

  const handleRelay = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== "POST") return refuse(res, 405, "Use POST.");
    const problem = sameOriginProblem(req);
    if (problem) return refuse(res, 403, problem);
    if (!tokenMatches(token, req.headers[RELAY_TOKEN_HEADER]))
      return refuse(res, 401, "Missing or wrong relay token.");
    const raw = await readBody(req, Math.ceil(limits.maxRequestBytes * 1.4) + 64 * 1024);
    if (raw === null) return refuse(res, 413, `The request is larger than ${limits.maxRequestBytes} bytes.`);
    const parsed = parseRelayRequest(raw);
    if (typeof parsed === "string") return refuse(res, 400, parsed);
    let target: URL;
    try {
      target = new URL(parsed.url);
    } catch {
      return refuse(res, 400, `Not a URL: ${parsed.url}`);
    }
    if (target.protocol !== "http:" && target.protocol !== "https:") {
      return refuse(res, 400, `Only http and https URLs are relayed, not ${target.protocol}`);
    }
    const body = parsed.bodyBase64 ? Buffer.from(parsed.bodyBase64, "base64") : undefined;
    if (body && body.length > limits.maxRequestBytes) {
      return refuse(res, 413, `The request body is larger than ${limits.maxRequestBytes} bytes.`);
    }
    const headers = new Headers();
    for (const [name, value] of parsed.headers ?? []) {
      if (!DROPPED_REQUEST_HEADERS.has(name.toLowerCase())) headers.append(name, value);
    }
    const method = parsed.method.toUpperCase();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
    // The page cancelled the call (Cancel call, a closed tab): stop the onward call too, not up to 30 s later.
    let pageGone = false;
    const onClose = () => {
      if (res.writableFinished) return;
      pageGone = true;
      controller.abort();
    };
    res.on("close", onClose);
    const started = performance.now();
    try {
      const response = await fetch(target, {
        method,
        headers,
        body: method === "GET" || method === "HEAD" ? undefined : body,
        redirect: "manual",
        signal: controller.signal,
      });
      const content = await readLimited(response, limits.maxResponseBytes);
      if (content === null)
        return refuse(res, 502, `The response is larger than ${limits.maxResponseBytes} bytes.`);
      const result: RelayResponse = {
        status: response.status,
        statusText: response.statusText,
        headers: [...response.headers.entries()],
        bodyBase64: content.toString("base64"),
        timeMs: Math.round(performance.now() - started),
      };
      sendJson(res, 200, result);
    } catch (error) {
      if (pageGone) return;
      if (controller.signal.aborted)
        return refuse(res, 504, `The API did not answer within ${limits.timeoutMs / 1000} s.`);
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
      return refuse(res, 502, `Could not reach ${target.origin}${cause}`);
    } finally {
      clearTimeout(timer);
      res.off("close", onClose);
    }
  };

  return {
    token,
    limits,
    middleware(req, res, next) {
      const path = (req.url ?? "").split("?")[0];
      if (path === RELAY_TOKEN_PATH) return handleToken(req, res);
      if (path === RELAY_PATH) {
        handleRelay(req, res).catch((error: unknown) => {
          if (!res.headersSent) refuse(res, 500, error instanceof Error ? error.message : String(error));
          else res.end();
        });
        return;
      }
      next();
    },
  };
}
