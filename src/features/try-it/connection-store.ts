import { createStore } from "zustand/vanilla";
import type { OAuthTokens } from "../../try-it-core/oauth";
import type { CallResponse } from "../../try-it-core/transport";

/**
 * A connection for the Test step. Secrets (API keys, passwords, tokens, client secrets) live here, in this tab's
 * memory only: never in the workspace document, drafts, exports or logs. A reload forgets them.
 */
export interface TestConnection {
  values: Record<string, string>;
  clientSecret: string;
  tokens: OAuthTokens | null;
  /** Index into connectionParameterSets when the connector offers several authentication options. */
  setIndex: number | null;
  createdAt: number;
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

interface ConnectionState {
  /** By connector id. */
  connections: Record<string, TestConnection>;
  /** By `${connectorId} ${method} ${path}`, newest first, capped. */
  history: Record<string, CallRecord[]>;
  setConnection(connectorId: string, connection: TestConnection): void;
  setTokens(connectorId: string, tokens: OAuthTokens): void;
  addCall(key: string, record: CallRecord): void;
}

const HISTORY_LIMIT = 20;

export const connectionStore = createStore<ConnectionState>()((set) => ({
  connections: {},
  history: {},
  setConnection: (connectorId, connection) =>
    set((s) => ({ connections: { ...s.connections, [connectorId]: connection } })),
  setTokens: (connectorId, tokens) =>
    set((s) => {
      const current = s.connections[connectorId];
      if (!current) return s;
      return { connections: { ...s.connections, [connectorId]: { ...current, tokens } } };
    }),
  addCall: (key, record) =>
    set((s) => ({
      history: { ...s.history, [key]: [record, ...(s.history[key] ?? [])].slice(0, HISTORY_LIMIT) },
    })),
}));
