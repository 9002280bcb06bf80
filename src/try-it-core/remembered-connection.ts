import { z } from "zod";
import type { OAuthTokens } from "./oauth";

/**
 * A Test step connection the maker chose to remember for this browser tab. The feature passes the tab's
 * `sessionStorage` (never `localStorage` or IndexedDB): it survives a reload of the same tab and ends with it.
 * What is read back is checked; anything else (an older format, a hand-edited or truncated value) is dropped
 * and treated as "nothing remembered".
 */
export interface RememberedConnection {
  values: Record<string, string>;
  clientSecret: string;
  tokens: OAuthTokens | null;
  authOption: number | null;
  createdAt: number;
}

/** The part of the Web Storage interface used here (a Map-backed fake in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const REMEMBERED_PREFIX = "connector-studio.test-connection.";
const VERSION = 1;

const tokensSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().optional(),
  tokenType: z.string(),
  expiresAt: z.number().finite().optional(),
  scope: z.string().optional(),
});

const storedSchema = z.object({
  version: z.literal(VERSION),
  values: z.record(z.string(), z.string()),
  clientSecret: z.string(),
  tokens: tokensSchema.nullable(),
  authOption: z.number().int().nonnegative().nullable(),
  createdAt: z.number().finite(),
});

const keyFor = (connectorId: string) => `${REMEMBERED_PREFIX}${connectorId}`;

function tokensOut(t: z.infer<typeof tokensSchema>): OAuthTokens {
  return {
    accessToken: t.accessToken,
    tokenType: t.tokenType,
    ...(t.refreshToken !== undefined ? { refreshToken: t.refreshToken } : {}),
    ...(t.expiresAt !== undefined ? { expiresAt: t.expiresAt } : {}),
    ...(t.scope !== undefined ? { scope: t.scope } : {}),
  };
}

/** The remembered connection of a connector, or null (nothing stored, storage unavailable, or invalid data). */
export function readRemembered(storage: KeyValueStorage, connectorId: string): RememberedConnection | null {
  let text: string | null;
  try {
    text = storage.getItem(keyFor(connectorId));
  } catch {
    return null;
  }
  if (text === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  const parsed = storedSchema.safeParse(data);
  if (!parsed.success) {
    forgetRemembered(storage, connectorId);
    return null;
  }
  const { values, clientSecret, tokens, authOption, createdAt } = parsed.data;
  return { values, clientSecret, tokens: tokens ? tokensOut(tokens) : null, authOption, createdAt };
}

/** Stores a connection for this tab. False when the storage refused it (full, or blocked by the browser). */
export function rememberConnection(
  storage: KeyValueStorage,
  connectorId: string,
  connection: RememberedConnection,
): boolean {
  const stored: z.infer<typeof storedSchema> = {
    version: VERSION,
    values: connection.values,
    clientSecret: connection.clientSecret,
    tokens: connection.tokens,
    authOption: connection.authOption,
    createdAt: connection.createdAt,
  };
  try {
    storage.setItem(keyFor(connectorId), JSON.stringify(stored));
    return true;
  } catch {
    return false;
  }
}

/** Removes what was remembered for a connector (nothing happens when there is nothing or no storage). */
export function forgetRemembered(storage: KeyValueStorage, connectorId: string): void {
  try {
    storage.removeItem(keyFor(connectorId));
  } catch {
    // Storage blocked: there is nothing to forget.
  }
}
