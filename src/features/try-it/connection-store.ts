import { createStore } from "zustand/vanilla";
import type { OAuthTokens } from "../../try-it-core/oauth";
import {
  forgetRemembered,
  readRemembered,
  rememberConnection,
  type KeyValueStorage,
} from "../../try-it-core/remembered-connection";
import type { CallRecord } from "../../try-it-core/call-flow";

/**
 * A connection for the Test step. Secrets (API keys, passwords, tokens, client secrets) live here, in this tab's
 * memory: never in the workspace document, drafts, exports or logs. A reload forgets them, unless the maker
 * ticked "Remember for this browser tab": then a copy is kept in this tab's sessionStorage (never localStorage
 * or IndexedDB) until the tab closes or the maker forgets the connection.
 */
export interface TestConnection {
  values: Record<string, string>;
  clientSecret: string;
  tokens: OAuthTokens | null;
  /** Index into connectionParameterSets when the connector offers several authentication options. */
  setIndex: number | null;
  createdAt: number;
  /** Kept in this tab's sessionStorage too, so that a reload of the tab keeps it. */
  remember: boolean;
}

// One call in the history of an operation (the Test step's call flow makes them).
export type { CallRecord };

interface ConnectionState {
  /** By connector id. */
  connections: Record<string, TestConnection>;
  /** By `${connectorId} ${method} ${path}`, newest first, capped. */
  history: Record<string, CallRecord[]>;
  /** Whether the tab's storage refused the last "remember" (full or blocked): the connection is in memory only. */
  rememberFailed: boolean;
  setConnection(connectorId: string, connection: TestConnection): void;
  setTokens(connectorId: string, tokens: OAuthTokens): void;
  /** Drops the connection from memory and from the tab's storage. */
  forgetConnection(connectorId: string): void;
  /** Loads a connection remembered for this tab, when none is in memory. */
  restoreConnection(connectorId: string): void;
  addCall(key: string, record: CallRecord): void;
}

const HISTORY_LIMIT = 20;

/** The tab's sessionStorage, or null where the browser blocks it. */
function tabStorage(): KeyValueStorage | null {
  try {
    return typeof sessionStorage === "undefined" ? null : sessionStorage;
  } catch {
    return null;
  }
}

/** Writes (or removes) the tab's copy of a connection; false when the storage refused it. */
function persist(connectorId: string, connection: TestConnection): boolean {
  const storage = tabStorage();
  if (!connection.remember) {
    if (storage) forgetRemembered(storage, connectorId);
    return true;
  }
  if (!storage) return false;
  return rememberConnection(storage, connectorId, {
    values: connection.values,
    clientSecret: connection.clientSecret,
    tokens: connection.tokens,
    authOption: connection.setIndex,
    createdAt: connection.createdAt,
  });
}

export const connectionStore = createStore<ConnectionState>()((set, get) => ({
  connections: {},
  history: {},
  rememberFailed: false,
  setConnection: (connectorId, connection) => {
    const ok = persist(connectorId, connection);
    set((s) => ({
      connections: {
        ...s.connections,
        [connectorId]: { ...connection, remember: connection.remember && ok },
      },
      rememberFailed: !ok,
    }));
  },
  setTokens: (connectorId, tokens) => {
    const current = get().connections[connectorId];
    if (!current) return;
    const next = { ...current, tokens };
    if (next.remember) persist(connectorId, next);
    set((s) => ({ connections: { ...s.connections, [connectorId]: next } }));
  },
  forgetConnection: (connectorId) => {
    const storage = tabStorage();
    if (storage) forgetRemembered(storage, connectorId);
    set((s) => {
      const connections = { ...s.connections };
      delete connections[connectorId];
      return { connections, rememberFailed: false };
    });
  },
  restoreConnection: (connectorId) => {
    if (get().connections[connectorId]) return;
    const storage = tabStorage();
    const saved = storage ? readRemembered(storage, connectorId) : null;
    if (!saved) return;
    set((s) => ({
      connections: {
        ...s.connections,
        [connectorId]: {
          values: saved.values,
          clientSecret: saved.clientSecret,
          tokens: saved.tokens,
          setIndex: saved.authOption,
          createdAt: saved.createdAt,
          remember: true,
        },
      },
    }));
  },
  addCall: (key, record) =>
    set((s) => ({
      history: { ...s.history, [key]: [record, ...(s.history[key] ?? [])].slice(0, HISTORY_LIMIT) },
    })),
}));
