import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// `npm run screenshots`: the README's pictures of each step (e2e/screenshots/steps.screenshots.ts), written to
// docs/screenshots/. Its own config and file suffix, so that `npm test` never runs it. Same Chromium and build
// as the e2e tests, on its own port and build folder.
const port = Number(process.env.E2E_PORT ?? 4183);
const outDir = `.e2e-build/${port}`;

export default defineConfig({
  ...base,
  testDir: "e2e/screenshots",
  testMatch: "**/*.screenshots.ts",
  timeout: 300_000,
  retries: 0,
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}` },
  webServer: {
    command: `npx vite build --outDir ${outDir} --emptyOutDir && npx vite preview --outDir ${outDir} --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 180_000,
  },
});
