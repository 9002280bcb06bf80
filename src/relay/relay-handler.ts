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

const HOST_WITH_BRACKETS = /^\[([0-9A-Fa-f:.]+)\](?::(\d{1,5}))?$/;
const HOST_NAME = /^([A-Za-z0-9.-]+)(?::(\d{1,5}))?$/;

/**
 * True when a Host header names this machine: `localhost`, `127.x.x.x` or `[::1]`, with an optional port.
 * Parsed strictly, whole value: `[::1].evil.com`, `localhost.evil.com` or `127.0.0.1:80:80` are not loopback.
 */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const bracketed = HOST_WITH_BRACKETS.exec(host);
  const plain = bracketed ? null : HOST_NAME.exec(host);
  const match = bracketed ?? plain;
  if (!match) return false;
  const port = match[2];
  if (port !== undefined && Number(port) > 65_535) return false;
  const name = (match[1] ?? "").toLowerCase();
  if (bracketed) return name === "::1";
  if (name === "localhost") return true;
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(name);
  return octets !== null && octets.slice(1).every((o) => Number(o) <= 255);
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

/** A relay request after checking: what goes out, exactly. */
export interface CheckedRelayRequest {
  method: string;
  target: URL;
  headers: [string, string][];
  body: Buffer<ArrayBuffer> | undefined;
}

// RFC 9110 token characters: a method or a header name.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// A header value the relay can send as is: visible Latin-1 text, spaces and tabs (no CR, LF or NUL).
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
// Methods fetch (and so the relay) cannot send: CONNECT opens a tunnel, TRACE/TRACK echo credentials back.
const UNSENDABLE_METHODS = new Set(["CONNECT", "TRACE", "TRACK"]);

function quote(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}

/**
 * Checks what the page asks the relay to send and says plainly what is wrong: every problem of the request
 * itself is a 400 with a reason, found before anything is sent.
 */
export function checkRelayRequest(
  raw: Buffer,
  maxBodyBytes: number,
): CheckedRelayRequest | { problem: string; status: 400 | 413 } {
  const bad = (problem: string) => ({ problem, status: 400 as const });
  let value: unknown;
  try {
    value = JSON.parse(raw.toString("utf8"));
  } catch {
    return bad("The relay request is not JSON.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return bad("The relay request must be a JSON object.");
  const r = value as Record<string, unknown>;

  if (typeof r.method !== "string" || !TOKEN.test(r.method))
    return bad("The relay request needs an HTTP method (a word such as GET or POST).");
  const method = r.method.toUpperCase();
  if (UNSENDABLE_METHODS.has(method)) return bad(`The relay does not send ${method} requests.`);

  if (typeof r.url !== "string") return bad("The relay request needs a URL (text).");
  let target: URL;
  try {
    target = new URL(r.url);
  } catch {
    return bad(`Not a URL: ${quote(r.url)}`);
  }
  if (target.protocol !== "http:" && target.protocol !== "https:")
    return bad(`Only http and https URLs are relayed, not ${target.protocol}`);
  if (target.username !== "" || target.password !== "")
    return bad("The URL contains a user name or password; send credentials in a header instead.");

  const headers: [string, string][] = [];
  if (r.headers !== undefined) {
    if (!Array.isArray(r.headers)) return bad("Headers must be a list of [name, value] pairs.");
    for (const [index, pair] of (r.headers as unknown[]).entries()) {
      if (!Array.isArray(pair) || pair.length !== 2)
        return bad(`Header ${index + 1} is not a [name, value] pair.`);
      const [name, headerValue] = pair as unknown[];
      if (typeof name !== "string" || typeof headerValue !== "string")
        return bad(`Header ${index + 1}: name and value must both be text.`);
      if (!TOKEN.test(name)) return bad(`Header ${index + 1}: ${quote(name)} is not a valid header name.`);
      if (!HEADER_VALUE.test(headerValue))
        return bad(
          `Header ${quote(name)}: the value has a line break, a control character or a character beyond Latin-1.`,
        );
      const lower = name.toLowerCase();
      if (lower === "expect")
        return bad("The relay does not send an Expect header (it sends the whole body at once); remove it.");
      if (!DROPPED_REQUEST_HEADERS.has(lower)) headers.push([name, headerValue]);
    }
  }

  let body: Buffer<ArrayBuffer> | undefined;
  if (r.bodyBase64 !== undefined) {
    if (typeof r.bodyBase64 !== "string" || !BASE64.test(r.bodyBase64))
      return bad("The body must be base64 text.");
    body = Buffer.from(r.bodyBase64, "base64");
    if (body.length > maxBodyBytes)
      return { problem: `The request body is larger than ${maxBodyBytes} bytes.`, status: 413 };
  }
  return { method, target, headers, body: method === "GET" || method === "HEAD" ? undefined : body };
}

/** The reason a fetch failed, from its cause (undici's errors are not always `Error` instances). */
function failureCause(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  const text = (value: unknown): string =>
    typeof value === "object" && value !== null && "message" in value && typeof value.message === "string"
      ? value.message
      : "";
  const reason = text(cause) || text(error);
  return reason ? `: ${reason}` : "";
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
    const checked = checkRelayRequest(raw, limits.maxRequestBytes);
    if ("problem" in checked) return refuse(res, checked.status, checked.problem);
    const { method, target, body } = checked;
    const headers = new Headers(checked.headers);
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
        body,
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
      return refuse(res, 502, `Could not reach ${target.origin}${failureCause(error)}`);
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
          // Every problem of the request is answered above with a reason; what lands here is the relay's own
          // fault. The page gets no internals (stack, messages of libraries), the terminal gets the detail.
          console.error("Connector Studio relay:", error);
          if (!res.headersSent) refuse(res, 500, "The relay failed unexpectedly; see the server's terminal.");
          else res.end();
        });
        return;
      }
      next();
    },
  };
}
