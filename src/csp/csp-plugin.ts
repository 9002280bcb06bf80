import { readdirSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join, resolve } from "node:path";
import type { Plugin } from "vite";
import { contentSecurityPolicy, inlineScriptHashes } from "./content-security-policy.ts";

/** The inline script hashes of every built page (index.html, oauth-callback.html) in `outDir`. */
export function builtPageHashes(outDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(outDir).filter((name) => name.endsWith(".html"));
  } catch {
    return []; // nothing built: the preview server serves no page, so no inline script either
  }
  const hashes = names.flatMap((name) => inlineScriptHashes(readFileSync(join(outDir, name), "utf8")));
  return [...new Set(hashes)];
}

function sendPolicy(policy: string) {
  return (_req: IncomingMessage, res: ServerResponse, next: () => void) => {
    res.setHeader("Content-Security-Policy", policy);
    next();
  };
}

/**
 * Sends the app's Content-Security-Policy (content-security-policy.ts) as a header on every response of the
 * preview server (`npm start`, the e2e server), with the hashes of the built pages' inline scripts, and a looser
 * one on the dev server (`npm run dev`: inline scripts of Vite's client and React refresh, HMR WebSocket).
 */
export function cspPlugin(): Plugin {
  return {
    name: "connector-studio-csp",
    configureServer(server) {
      server.middlewares.use(sendPolicy(contentSecurityPolicy({ scriptHashes: [], dev: true })));
    },
    configurePreviewServer(server) {
      const outDir = resolve(server.config.root, server.config.build.outDir);
      server.middlewares.use(sendPolicy(contentSecurityPolicy({ scriptHashes: builtPageHashes(outDir) })));
    },
  };
}
