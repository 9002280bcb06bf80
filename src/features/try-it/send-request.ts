import type { PreparedRequest } from "../../try-it-core/prepare-request";
import {
  base64ToBytes,
  bytesToBase64,
  chooseRoutes,
  type CallResponse,
  type SendRoute,
} from "../../try-it-core/transport";

const RELAY_PATH = "/__relay";
const RELAY_TOKEN_PATH = "/__relay/token";

let tokenPromise: Promise<string | null> | null = null;

/**
 * The relay's per-start token, fetched once from the app's own server (which gives it to same-origin requests
 * only). Null when the relay is off or the app is served without it (a static host): calls then go direct.
 */
export function relayToken(): Promise<string | null> {
  tokenPromise ??= fetch(RELAY_TOKEN_PATH, { credentials: "same-origin", cache: "no-store" })
    .then(async (res) => {
      if (!res.ok) return null;
      const data = (await res.json()) as { token?: unknown };
      return typeof data.token === "string" ? data.token : null;
    })
    .catch(() => null);
  return tokenPromise;
}

function bodyInit(request: PreparedRequest): BodyInit | undefined {
  if (request.method === "GET" || request.method === "HEAD") return undefined;
  if (request.body.kind === "text") return request.body.text;
  if (request.body.kind === "bytes") return new Blob([request.body.bytes as Uint8Array<ArrayBuffer>]);
  return undefined;
}

function bodyBytes(request: PreparedRequest): Uint8Array | null {
  if (request.body.kind === "text") return new TextEncoder().encode(request.body.text);
  if (request.body.kind === "bytes") return request.body.bytes;
  return null;
}

/** Sends straight from the page. Throws a TypeError when the API does not allow CORS (or cannot be reached). */
async function sendDirect(request: PreparedRequest, signal?: AbortSignal): Promise<CallResponse> {
  const started = performance.now();
  const init: RequestInit = {
    method: request.method,
    headers: request.headers,
    credentials: "omit",
    cache: "no-store",
  };
  const body = bodyInit(request);
  if (body !== undefined) init.body = body;
  if (signal) init.signal = signal;
  const res = await fetch(request.url, init);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return {
    status: res.status,
    statusText: res.statusText,
    headers: [...res.headers.entries()],
    body: bytes,
    timeMs: Math.round(performance.now() - started),
    route: "direct",
  };
}

/** Sends through the app's relay (see src/relay). A refusal comes back as an Error with the relay's reason. */
export async function sendThroughRelay(
  request: PreparedRequest,
  token: string,
  signal?: AbortSignal,
): Promise<CallResponse> {
  const bytes = bodyBytes(request);
  const init: RequestInit = {
    method: "POST",
    headers: { "content-type": "application/json", "x-relay-token": token },
    credentials: "same-origin",
    body: JSON.stringify({
      method: request.method,
      url: request.url,
      headers: request.headers,
      ...(bytes ? { bodyBase64: bytesToBase64(bytes) } : {}),
    }),
  };
  if (signal) init.signal = signal;
  const res = await fetch(RELAY_PATH, init);
  const data = (await res.json().catch(() => ({}))) as {
    error?: string;
    status?: number;
    statusText?: string;
    headers?: [string, string][];
    bodyBase64?: string;
    timeMs?: number;
  };
  if (!res.ok || typeof data.status !== "number")
    throw new Error(`The relay refused the call: ${data.error ?? `HTTP ${res.status}`}`);
  return {
    status: data.status,
    statusText: data.statusText ?? "",
    headers: data.headers ?? [],
    body: base64ToBytes(data.bodyBase64 ?? ""),
    timeMs: data.timeMs ?? 0,
    route: "relay",
  };
}

/** Per origin, the route that worked last in this tab (an API either allows CORS or not). */
const knownRoutes = new Map<string, SendRoute>();

/**
 * Sends a prepared request: directly when the API allows CORS, otherwise through the relay. Non-idempotent calls
 * that the browser would send without a preflight go through the relay at once, so they never reach the API twice.
 */
export async function sendRequest(
  request: PreparedRequest,
  options: { prefer?: SendRoute; signal?: AbortSignal } = {},
): Promise<CallResponse> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    throw new Error(`"${request.url}" is not a URL: check the Host and Base URL in the General step.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new Error(`Only http and https URLs can be called, not ${url.protocol}`);
  const token = await relayToken();
  const routes =
    options.prefer && token
      ? [options.prefer]
      : chooseRoutes(request, token !== null, knownRoutes.get(url.origin));
  let lastError: unknown = null;
  for (const route of routes) {
    try {
      const response =
        route === "relay" && token
          ? await sendThroughRelay(request, token, options.signal)
          : await sendDirect(request, options.signal);
      knownRoutes.set(url.origin, route);
      return response;
    } catch (error) {
      if (options.signal?.aborted) throw error;
      lastError = error;
    }
  }
  if (lastError instanceof TypeError)
    throw new Error(
      token
        ? `Could not reach ${url.origin}.`
        : `Could not reach ${url.origin}: the API does not allow calls from this page (CORS) and the relay is off.`,
    );
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}
