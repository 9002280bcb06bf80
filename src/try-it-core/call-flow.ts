import type { ConnectorDocument } from "../model/connector-document";
import type { OperationRef } from "../model/swagger-types";
import { normalizeAuthOption, resolveAuth } from "./auth-options";
import { needsRefresh, readOAuthSettingsFor, type OAuthSettings, type OAuthTokens } from "./oauth";
import {
  prepareRequest,
  type PreparedRequest,
  type TryItConnection,
  type TryItValues,
} from "./prepare-request";
import type { CallResponse } from "./transport";

/** What the Test step holds for a connection (its values, the chosen option and the tokens of a sign-in). */
export interface CallConnection {
  values: Record<string, string>;
  clientSecret: string;
  tokens: OAuthTokens | null;
  setIndex: number | null;
}

/** One Test call as the step shows it: the request sent (or that would be), and the response or the error. */
export interface CallResult {
  request: PreparedRequest;
  response?: CallResponse;
  error?: string;
  /** What happened on the way (a token refreshed before the call, or after a 401). */
  notes: string[];
  /** False when nothing left the browser (inputs missing, the refresh before the call failed): no history entry. */
  sent: boolean;
}

/**
 * The page's side of a call, passed in so that the flow stays pure: sending (direct or relay), refreshing an
 * OAuth token, keeping refreshed tokens with the connection, and the clock.
 */
export interface CallPorts {
  send(request: PreparedRequest, signal: AbortSignal): Promise<CallResponse>;
  refresh(settings: OAuthSettings, tokens: OAuthTokens, clientSecret: string): Promise<OAuthTokens>;
  saveTokens(tokens: OAuthTokens): void;
  now(): number;
}

const CANCELLED = "The call was cancelled. (The API may still have received it.)";

/** The connection a request is prepared with; null when there is none yet. */
export function toTryItConnection(
  doc: ConnectorDocument,
  connection: CallConnection | undefined,
): TryItConnection | null {
  if (!connection) return null;
  return {
    values: connection.values,
    authOption: normalizeAuthOption(doc, connection.setIndex),
    ...(connection.tokens ? { accessToken: connection.tokens.accessToken } : {}),
  };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs one Test call: refreshes an expired OAuth token first, prepares the request, sends it, and when the API
 * refuses the token (401) and a refresh token is there, refreshes once and sends again. Never throws: every
 * failure comes back as the result's error, worded for the maker.
 */
export async function runTestCall(
  doc: ConnectorDocument,
  operation: OperationRef,
  values: TryItValues,
  connection: CallConnection | undefined,
  ports: CallPorts,
  signal: AbortSignal,
): Promise<CallResult> {
  const notes: string[] = [];
  const option = normalizeAuthOption(doc, connection?.setIndex);
  const settings = resolveAuth(doc, option).kind === "oauth2" ? readOAuthSettingsFor(doc, option) : null;
  let current = connection;
  if (settings && current?.tokens && needsRefresh(current.tokens, ports.now())) {
    try {
      const tokens = await ports.refresh(settings, current.tokens, current.clientSecret);
      ports.saveTokens(tokens);
      current = { ...current, tokens };
      notes.push("The access token had expired and was refreshed before the call.");
    } catch (error) {
      const request = prepareRequest(
        doc,
        operation,
        values,
        toTryItConnection(doc, current) ?? { values: {} },
      );
      return { request, error: message(error), notes, sent: false };
    }
  }
  const prepared = toTryItConnection(doc, current) ?? { values: {} };
  let request = prepareRequest(doc, operation, values, prepared);
  if (request.missing.length > 0)
    return { request, error: `Fill in ${request.missing.join(", ")} first.`, notes, sent: false };
  try {
    let response = await ports.send(request, signal);
    const refreshToken = current?.tokens?.refreshToken;
    if (response.status === 401 && settings && current?.tokens && refreshToken) {
      const tokens = await ports.refresh(settings, current.tokens, current.clientSecret);
      ports.saveTokens(tokens);
      notes.push("The API refused the access token (401); it was refreshed and the call sent again.");
      request = prepareRequest(doc, operation, values, { ...prepared, accessToken: tokens.accessToken });
      response = await ports.send(request, signal);
    }
    return { request, response, notes, sent: true };
  } catch (error) {
    return { request, error: signal.aborted ? CANCELLED : message(error), notes, sent: true };
  }
}

/** One call in the history of an operation. */
export interface CallRecord {
  at: number;
  method: string;
  url: string;
  status: number | null;
  timeMs: number;
  route: CallResponse["route"] | null;
  error?: string;
}

/** The Call history line of a sent call (a call that never left the browser has none). */
export function historyEntry(result: CallResult, at: number): CallRecord {
  return {
    at,
    method: result.request.method,
    url: result.request.url,
    status: result.response?.status ?? null,
    timeMs: result.response?.timeMs ?? 0,
    route: result.response?.route ?? null,
    ...(result.error ? { error: result.error } : {}),
  };
}
