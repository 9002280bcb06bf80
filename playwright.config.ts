import { defineConfig } from "@playwright/test";

// Each e2e run builds into its own folder so that parallel runs on one machine do not collide.
// Not 4173 (`npm start`): the tests run beside a running app. Set E2E_PORT to run several at once.
const port = Number(process.env.E2E_PORT ?? 4180);
const outDir = `.e2e-build/${port}`;

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: true,
  // On CI one retry, so a timing hiccup of a shared machine does not fail the landing; the list reporter
  // still marks such a test "flaky", and a test that fails twice fails the run.
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: "chromium",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
    permissions: ["clipboard-read", "clipboard-write"],
    acceptDownloads: true,
    // On CI the first attempt records no trace (recording every action of 100+ tests costs minutes of a
    // 20-minute budget); a retry is traced, so a test that fails twice leaves its trace. Locally, every
    // failure keeps one.
    trace: process.env.CI ? "on-first-retry" : "retain-on-failure",
  },
  webServer: {
    command: `npx vite build --outDir ${outDir} --emptyOutDir && npx vite preview --outDir ${outDir} --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 180_000,
  },
});
