import type { Plugin } from "vite";
import { createRelay, DEFAULT_RELAY_LIMITS, type RelayLimits } from "./relay-handler.ts";

/** True unless the relay was turned off with `CONNECTOR_STUDIO_RELAY=off`. */
export function isRelayEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.CONNECTOR_STUDIO_RELAY ?? "").toLowerCase() !== "off";
}

/**
 * Serves the Test step's relay at `/__relay` from the dev server and from `vite preview` (what `npm start` runs).
 * One random token per server start. Turn it off with `CONNECTOR_STUDIO_RELAY=off`: the Test step then calls APIs
 * directly, which works for APIs that allow CORS.
 */
export function relayPlugin(limits: RelayLimits = DEFAULT_RELAY_LIMITS): Plugin {
  const relay = createRelay(limits);
  return {
    name: "connector-studio-relay",
    configureServer(server) {
      if (isRelayEnabled()) server.middlewares.use(relay.middleware);
    },
    configurePreviewServer(server) {
      if (isRelayEnabled()) server.middlewares.use(relay.middleware);
    },
  };
}
