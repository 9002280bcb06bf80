/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { cspPlugin } from "./src/csp/csp-plugin.ts";
import { relayPlugin } from "./src/relay/relay-plugin.ts";

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  // The Content-Security-Policy header on every page (src/csp), then the Test step's relay.
  plugins: [react(), cspPlugin(), relayPlugin()],
  resolve: {
    alias: [
      // swagger-parser needs util.format in the browser (reference/toolchain.md §3.2)
      { find: /^util$/, replacement: r("./src/shims/util.ts") },
      // monaco-yaml's worker manager imports a path monaco 0.57 no longer exports (§4.3)
      {
        find: /^monaco-editor\/esm\/vs\/editor\/editor\.worker\.js$/,
        replacement: r("./node_modules/monaco-editor/esm/vs/editor/editor.worker.js"),
      },
    ],
  },
  optimizeDeps: { include: ["monaco-yaml/yaml.worker.js"] },
  worker: { format: "es" },
  build: { target: "es2022", chunkSizeWarningLimit: 4000, sourcemap: false },
  // No CORS headers for other origins: the relay answers the app's own page only, and other pages must not
  // even read its refusals.
  preview: { host: "127.0.0.1", port: 4173, strictPort: true, cors: false },
  server: { host: "127.0.0.1", cors: false },
  test: {
    include: ["src/**/*.test.{ts,tsx}", "scripts/**/*.test.ts"],
    environment: "node",
    setupFiles: ["src/testing/vitest-setup.ts"],
    testTimeout: 20_000,
  },
});
