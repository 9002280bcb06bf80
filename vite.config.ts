/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { relayPlugin } from "./src/relay/relay-plugin.ts";

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Marks the entry chunk (React and the shell, all run at start-up) for eager compilation: with V8's
 * explicit compile hint, Chromium compiles its functions on a background thread while the file streams in,
 * instead of one by one on the main thread during the first render (open → ready).
 */
function eagerEntryCompile(): Plugin {
  return {
    name: "connector-studio:eager-entry-compile",
    apply: "build",
    enforce: "post",
    generateBundle: {
      // After Vite's own additions to the chunk (its preload map), so that the hint is the first line.
      order: "post",
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type === "chunk" && chunk.isEntry && chunk.fileName.endsWith(".js"))
            chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
        }
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), relayPlugin(), eagerEntryCompile()],
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
