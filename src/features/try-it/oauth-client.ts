import {
  authorizationRequestUrl,
  createPkcePair,
  parseAuthorizationCallback,
  parseTokenResponse,
  randomToken,
  refreshRequestBody,
  tokenRequestBody,
  type OAuthSettings,
  type OAuthTokens,
} from "../../try-it-core/oauth";
import type { PreparedRequest } from "../../try-it-core/prepare-request";
import { sendRequest } from "./send-request";

export const OAUTH_MESSAGE_TYPE = "connector-studio-oauth";

/** Where the identity provider sends the browser back: a page of this app that hands the answer to the opener. */
export function callbackUrl(): string {
  return new URL("oauth-callback.html", window.location.href).toString();
}

/** Waits for the callback page's message (postMessage to the opener, or a BroadcastChannel if the opener is gone). */
function waitForCallback(popup: Window, state: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const channel = new BroadcastChannel(OAUTH_MESSAGE_TYPE);
    const done = () => {
      window.removeEventListener("message", onMessage);
      channel.close();
      clearInterval(closedTimer);
    };
    const accept = (data: unknown) => {
      if (typeof data !== "object" || data === null) return;
      const message = data as { type?: unknown; search?: unknown };
      if (message.type !== OAUTH_MESSAGE_TYPE || typeof message.search !== "string") return;
      if (new URLSearchParams(message.search).get("state") !== state && !message.search.includes("error="))
        return;
      done();
      resolve(message.search);
    };
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== window.location.origin) return;
      accept(event.data);
    };
    window.addEventListener("message", onMessage);
    channel.onmessage = (event) => accept(event.data);
    // A popup closed by the user ends the wait (checked a little after, so a message in flight still wins).
    const closedTimer = setInterval(() => {
      if (popup.closed)
        setTimeout(() => {
          done();
          reject(new Error("The sign-in window was closed before the sign-in finished."));
        }, 500);
    }, 400);
  });
}

function formPost(url: string, body: string): PreparedRequest {
  return {
    method: "POST",
    url,
    headers: [
      ["Content-Type", "application/x-www-form-urlencoded"],
      ["Accept", "application/json"],
    ],
    body: { kind: "text", text: body, contentType: "application/x-www-form-urlencoded" },
    secretNames: [],
    appliedPolicies: [],
    warnings: [],
    missing: [],
  };
}

async function tokenCall(url: string, body: string, previous?: OAuthTokens): Promise<OAuthTokens> {
  // Token endpoints rarely allow CORS: the relay carries the exchange (directly only when the relay is off).
  const response = await sendRequest(formPost(url, body), { prefer: "relay" });
  const result = parseTokenResponse(
    response.status,
    new TextDecoder().decode(response.body),
    Date.now(),
    previous,
  );
  if ("error" in result) throw new Error(result.error);
  return result;
}

/**
 * Runs the authorization-code flow with PKCE in a popup and trades the code for tokens through the relay. The
 * popup must be opened in the click handler (browsers block it otherwise), so this opens it first.
 */
export async function signIn(settings: OAuthSettings, clientSecret: string): Promise<OAuthTokens> {
  const popup = window.open("about:blank", "connector-studio-sign-in", "popup,width=520,height=680");
  if (!popup) throw new Error("The browser blocked the sign-in window; allow pop-ups for this page.");
  try {
    const state = randomToken(16);
    const { verifier, challenge } = await createPkcePair();
    const redirectUri = callbackUrl();
    popup.location.href = authorizationRequestUrl(settings, redirectUri, state, challenge);
    const search = await waitForCallback(popup, state);
    const answer = parseAuthorizationCallback(search, state);
    if ("error" in answer) throw new Error(answer.error);
    return await tokenCall(
      settings.tokenUrl,
      tokenRequestBody(settings, answer.code, verifier, redirectUri, clientSecret),
    );
  } finally {
    if (!popup.closed) popup.close();
  }
}

/** Gets a new access token with the refresh token (through the relay). */
export function refreshTokens(
  settings: OAuthSettings,
  tokens: OAuthTokens,
  clientSecret: string,
): Promise<OAuthTokens> {
  if (!tokens.refreshToken)
    return Promise.reject(new Error("The sign-in gave no refresh token; sign in again."));
  return tokenCall(
    settings.refreshUrl || settings.tokenUrl,
    refreshRequestBody(settings, tokens.refreshToken, clientSecret),
    tokens,
  );
}
