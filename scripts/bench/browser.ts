import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type Page } from "@playwright/test";
import type { BenchSection } from "./bench-section";

// Headless Chromium measurements of the app shell (issue 2 targets): open → ready, drop Encodian → its
// operations shown, keystroke-to-paint and long tasks while typing in the Swagger editor, and the JavaScript
// loaded before Monaco. Each figure comes with a floor measured in the same run on the same page.

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
/** User-timing measures of the app that the bench adds up while typing (autosave, pane sync). */
const TIMED = ["autosave:encode", "swagger-editor:sync"] as const;
/** The parts of an import the app measures (user timings `cs:import:<part>`, see import-client.ts). */
const IMPORT_PARTS = ["to-worker", "worker-import", "worker-pack", "to-main", "unpack"];
const MONACO_CHUNK = /editor\.api|swagger-editor-pane|jsonMode|monaco|text-diff/i;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
const ratio = (value: number, floor: number) => `${(value / floor).toFixed(1)}×`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer at ${url}`);
}

/** Page-side probes, installed before any script of the app runs. */
const PROBES = `
  window.__bench = { ready: null, longTasks: [], latencies: [], events: [], opsShownAt: null, opsPattern: null };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: "longtask", buffered: true });
  // Event Timing: input → next paint as Chromium measures it (entries of 16 ms and more; the longest entry of
  // each interactionId is the interaction's latency).
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.interactionId) window.__bench.events.push({ id: e.interactionId, start: e.startTime, duration: e.duration });
  }).observe({ type: "event", buffered: true, durationThreshold: 16 });
  const check = () => {
    const b = window.__bench;
    if (b.ready === null && document.querySelector(".cs-app[data-ready='true']")) b.ready = performance.now();
    if (b.opsPattern && b.opsShownAt === null) {
      const el = document.querySelector("[data-testid='operation-count']");
      if (el && new RegExp(b.opsPattern).test(el.textContent || "")) b.opsShownAt = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  // Keystroke to paint: from the event's creation to the next animation frame after it was handled.
  addEventListener("keydown", (event) => {
    if (!window.__bench.recordKeys) return;
    const start = event.timeStamp;
    requestAnimationFrame(() => window.__bench.latencies.push(performance.now() - start));
  }, true);
`;

interface Bench {
  ready: number | null;
  longTasks: { start: number; duration: number }[];
  latencies: number[];
  events: { id: number; start: number; duration: number }[];
  opsShownAt: number | null;
  opsPattern: string | null;
  recordKeys?: boolean;
}
declare const window: { __bench: Bench };

/** A fresh page with the probes, its CPU slowed `rate` times (DevTools' CPU throttling) when rate > 1. */
async function newPage(browser: Browser, rate = 1): Promise<Page> {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  await context.addInitScript(PROBES);
  const page = await context.newPage();
  if (rate > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  }
  return page;
}

/** Click → next paint of one interaction (longest Event Timing entry; under 16 ms when there is none). */
async function clickToPaint(page: Page, click: () => Promise<void>): Promise<number> {
  await waitQuiet(page, 500, 5000);
  const since = await page.evaluate(() => performance.now());
  await click();
  await page.waitForTimeout(600);
  return page.evaluate((start) => {
    const durations = window.__bench.events.filter((e) => e.start >= start).map((e) => e.duration);
    return durations.length > 0 ? Math.max(...durations) : 16;
  }, since);
}

async function openReady(page: Page, base: string): Promise<number> {
  await page.goto(base + "/");
  await page.waitForFunction(() => window.__bench.ready !== null, null, { timeout: 30_000 });
  return page.evaluate(() => window.__bench.ready as number);
}

/** Drops a file on the window from inside the page and returns the time of the drop (page clock). */
async function dropText(page: Page, name: string, text: string): Promise<number> {
  return page.evaluate(
    ([fileName, content]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], fileName, { type: "application/json" }));
      const t0 = performance.now();
      for (const type of ["dragenter", "dragover", "drop"]) {
        document.body.dispatchEvent(
          new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
        );
      }
      return t0;
    },
    [name, text] as const,
  );
}

/** Waits until the page has had no long task for `quietMs` (at most `capMs`): typing starts on a quiet page. */
async function waitQuiet(page: Page, quietMs = 1000, capMs = 10_000): Promise<void> {
  const deadline = Date.now() + capMs;
  while (Date.now() < deadline) {
    const idleFor = await page.evaluate(() => {
      const last = window.__bench.longTasks.at(-1);
      return performance.now() - (last ? last.start + last.duration : 0);
    });
    if (idleFor >= quietMs) return;
    await page.waitForTimeout(Math.max(50, quietMs - idleFor));
  }
}

/**
 * Types `count` keys at 7–10 keys per second (a fixed jittered rhythm, the same in every run) and returns
 * each key's latency and the long tasks meanwhile. A key's latency is the longest Event Timing entry of its
 * interaction (input → next paint); keys faster than the API's 16 ms threshold have no entry and take their
 * keydown → next animation frame time instead.
 */
async function typeLatencies(
  page: Page,
  count: number,
): Promise<{ latencies: number[]; longTasks: number[] }> {
  await waitQuiet(page);
  const since = await page.evaluate(() => {
    window.__bench.latencies = [];
    window.__bench.recordKeys = true;
    return performance.now();
  });
  for (let i = 0; i < count; i++) {
    await page.keyboard.press("x");
    await page.waitForTimeout(100 + ((i * 37) % 43)); // 100–142 ms between keys: 7–10 keys/s
  }
  await page.waitForTimeout(800); // let debounced parsing, validation and autosave run and be counted
  return page.evaluate(
    ([start, keys]) => {
      window.__bench.recordKeys = false;
      const byInteraction = new Map<number, number>();
      for (const e of window.__bench.events)
        if (e.start >= start) byInteraction.set(e.id, Math.max(byInteraction.get(e.id) ?? 0, e.duration));
      const slow = [...byInteraction.values()].slice(0, keys);
      const fast = window.__bench.latencies
        .slice()
        .sort((a, b) => a - b)
        .slice(0, Math.max(0, keys - slow.length));
      return {
        latencies: [...slow, ...fast],
        longTasks: window.__bench.longTasks.filter((t) => t.start >= start).map((t) => t.duration),
      };
    },
    [since, count] as const,
  );
}

/** Sum and longest of the app's user-timing measures named `name` since `since` (page clock). */
async function userTimings(
  page: Page,
  name: string,
  since: number,
): Promise<{ sum: number; max: number; n: number }> {
  return page.evaluate(
    ([measure, start]) => {
      const entries = performance.getEntriesByName(measure).filter((e) => e.startTime >= start);
      return {
        sum: entries.reduce((a, e) => a + e.duration, 0),
        max: entries.reduce((a, e) => Math.max(a, e.duration), 0),
        n: entries.length,
      };
    },
    [name, since] as const,
  );
}

async function jsBytesBeforeMonaco(
  outDir: string,
  urls: string[],
): Promise<{ gzip: number; raw: number; files: number; monacoSeen: boolean; list: string }> {
  let gzip = 0;
  let raw = 0;
  let files = 0;
  let monacoSeen = false;
  const list: string[] = [];
  for (const url of new Set(urls)) {
    const pathname = new URL(url).pathname;
    // Workers run on their own threads (the import worker is started when the page is idle): not counted.
    if (/\.worker-/.test(pathname)) continue;
    if (MONACO_CHUNK.test(pathname)) monacoSeen = true;
    const bytes = await readFile(path.join(outDir, pathname)).catch(() => null);
    if (!bytes) continue;
    const zipped = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gzip += zipped;
    files += 1;
    list.push(`${path.basename(pathname).replace(/-[\w-]{8}\.js$/, "")} ${(zipped / 1024).toFixed(1)}`);
  }
  return { gzip, raw, files, monacoSeen, list: list.join(", ") };
}

type JsBytes = { gzip: number; raw: number; files: number; monacoSeen: boolean; list: string };

/** Every figure of the section at one CPU speed (rate 1: as is; 4: DevTools' 4× CPU throttling). */
async function measureAt(
  browser: Browser,
  base: string,
  outDir: string,
  encodian: string,
  operationCount: number,
  runs: number,
  rate: number,
): Promise<{ lines: string[]; bytes: JsBytes }> {
  const blank: number[] = [];
  const ready: number[] = [];
  const parseFloor: number[] = [];
  const dropToOps: number[] = [];
  const dropToReceived: number[] = [];
  /** The import's parts as the app times them (cs:import:* user timings), per run. */
  const importParts: Record<string, number>[] = [];
  const keyLatencies: number[] = [];
  const textareaLatencies: number[] = [];
  const longTasks: number[] = [];
  const formLatencies: number[] = [];
  const formLongTasks: number[] = [];
  const switchToPaint: number[] = [];
  const timings: { where: string; name: string; sum: number; max: number; n: number }[] = [];
  let bytes = { gzip: 0, raw: 0, files: 0, monacoSeen: false, list: "" };

  for (let run = 0; run < runs; run++) {
    // Floor: a blank page from the same server, navigation start → load.
    {
      const page = await newPage(browser, rate);
      await page.goto(base + "/bench-blank.html");
      blank.push(await page.evaluate(() => performance.getEntriesByType("navigation")[0]?.duration ?? 0));
      await page.context().close();
    }
    // Open → ready (workspace restored or found empty), and the JS that took.
    {
      const page = await newPage(browser, rate);
      const scripts: string[] = [];
      page.on("request", (r) => {
        if (r.resourceType() === "script" || r.url().endsWith(".js")) scripts.push(r.url());
      });
      ready.push(await openReady(page, base));
      await page.waitForTimeout(300);
      if (run === 0) bytes = await jsBytesBeforeMonaco(outDir, scripts);
      await page.context().close();
    }
    // Drop Encodian → "219 operations" shown in the Definition step; floor: JSON.parse of it in the page.
    {
      const page = await newPage(browser, rate);
      await openReady(page, base);
      await page.getByRole("button", { name: "New connector", exact: true }).click();
      await page.getByRole("tab", { name: "Definition", exact: true }).click();
      await page.getByTestId("operation-count").waitFor();
      await page.evaluate((n) => {
        window.__bench.opsPattern = `^${n} operations`;
      }, operationCount);
      parseFloor.push(
        await page.evaluate((text) => {
          const t0 = performance.now();
          JSON.parse(text);
          return performance.now() - t0;
        }, encodian),
      );
      const t0 = await dropText(page, "apiDefinition.swagger.json", encodian);
      await page.waitForFunction(() => window.__bench.opsShownAt !== null, null, { timeout: 30_000 });
      dropToOps.push((await page.evaluate(() => window.__bench.opsShownAt as number)) - t0);
      const received = await page.evaluate(
        () => performance.getEntriesByName("cs:import:received").at(-1)?.startTime ?? Number.NaN,
      );
      dropToReceived.push(received - t0);
      importParts.push(
        await page.evaluate(
          ([names, since]) =>
            Object.fromEntries(
              names.map((name) => [
                name,
                performance.getEntriesByName(`cs:import:${name}`).filter((e) => e.startTime >= since - 1)[0]
                  ?.duration ?? Number.NaN,
              ]),
            ),
          [IMPORT_PARTS, t0] as const,
        ),
      );

      // Typing in the Swagger editor with Encodian open: inside the "title" string (stays valid JSON).
      const lines = page.getByRole("region", { name: "Swagger editor" }).locator(".view-lines");
      await lines.waitFor();
      await lines.click();
      await page.keyboard.press("ControlOrMeta+Home");
      for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowDown");
      await page.keyboard.press("End");
      await page.keyboard.press("ArrowLeft");
      await page.keyboard.press("ArrowLeft");
      await page.waitForTimeout(500);
      const paneSince = await page.evaluate(() => performance.now());
      const typed = await typeLatencies(page, 30);
      keyLatencies.push(...typed.latencies);
      longTasks.push(...typed.longTasks);
      for (const name of TIMED)
        timings.push({ where: "pane", name, ...(await userTimings(page, name, paneSince)) });

      // Switching the selected operation in the Definition step (Encodian): click → next paint. Rows in view
      // only (the list is virtualised).
      const actions = page
        .getByRole("region", { name: "Definition step" })
        .getByRole("list", { name: "Actions" })
        .getByRole("listitem");
      for (const index of [2, 5, 8]) {
        switchToPaint.push(
          await clickToPaint(page, () => actions.nth(index).getByRole("button").first().click()),
        );
      }

      // Floor: the same keystrokes in a plain textarea of the same page (the Paste dialog).
      await page.getByRole("button", { name: "Paste", exact: true }).click();
      await page.getByRole("dialog").getByRole("textbox").click();
      const plain = await typeLatencies(page, 30);
      textareaLatencies.push(...plain.latencies);
      await page.keyboard.press("Escape");

      // Typing in a form field: the Summary of an Encodian operation in the Definition step.
      const definition = page.getByRole("region", { name: "Definition step" });
      await definition
        .getByRole("list", { name: "Actions" })
        .getByRole("listitem")
        .nth(1)
        .getByRole("button")
        .click();
      const summary = definition.getByLabel("Summary", { exact: true });
      await summary.click();
      await page.keyboard.press("End");
      await page.waitForTimeout(500);
      const formSince = await page.evaluate(() => performance.now());
      const form = await typeLatencies(page, 30);
      formLatencies.push(...form.latencies);
      formLongTasks.push(...form.longTasks);
      for (const name of TIMED)
        timings.push({ where: "form", name, ...(await userTimings(page, name, formSince)) });
      await page.context().close();
    }
  }

  const blankMedian = median(blank);
  const readyMedian = median(ready);
  const floorParse = median(parseFloor);
  const dropMedian = median(dropToOps);
  const keyP95 = percentile(keyLatencies, 95);
  const plainP95 = percentile(textareaLatencies, 95);
  const maxLong = longTasks.length ? Math.max(...longTasks) : 0;
  const formP95 = percentile(formLatencies, 95);
  const maxFormLong = formLongTasks.length ? Math.max(...formLongTasks) : 0;
  const switchMedian = median(switchToPaint);
  const timingLine = (where: string) =>
    TIMED.map((name) => {
      const rows = timings.filter((t) => t.where === where && t.name === name);
      const sum = rows.reduce((a, t) => a + t.sum, 0) / Math.max(1, rows.length);
      const max = rows.reduce((a, t) => Math.max(a, t.max), 0);
      const n = rows.reduce((a, t) => a + t.n, 0) / Math.max(1, rows.length);
      return `${name} ${n.toFixed(0)}× ${ms(sum)} in all, longest ${ms(max)}`;
    }).join("; ");
  const at = rate > 1 ? ` [CPU ${rate}× slower]` : "";
  const lines = [
    `open → ready${at}: median ${ms(readyMedian)} over ${runs} runs = ${ratio(readyMedian, blankMedian)} a static page from the same server (${ms(blankMedian)}); target ≤ 2×`,
    `drop Encodian (${operationCount} operations) → listed${at}: median ${ms(dropMedian)} = ${ratio(dropMedian, floorParse)} JSON.parse of its text in the page (${ms(floorParse)}); target ≤ 15×. Of that, drop → document back from the import worker: median ${ms(median(dropToReceived))} (${IMPORT_PARTS.map((part) => `${part} ${ms(median(importParts.map((p) => p[part] ?? Number.NaN)))}`).join(", ")})`,
    `typing in the Swagger editor (Encodian open, 7–10 keys/s)${at}: keystroke → next paint p95 ${ms(keyP95)} over ${keyLatencies.length} keys = ${ratio(keyP95, plainP95)} a plain textarea on the same page (p95 ${ms(plainP95)}); long tasks ${longTasks.length}, longest ${ms(maxLong)}; target ≤ ${rate > 1 ? "2× and no task over 100 ms" : "1.5× and no long task"}`,
    `main-thread time by part while typing 30 keys in the Swagger editor (per run)${at}: ${timingLine("pane")}`,
    `typing in a form field (Summary of an Encodian operation, 7–10 keys/s)${at}: keystroke → next paint p95 ${ms(formP95)} over ${formLatencies.length} keys = ${ratio(formP95, plainP95)} the plain textarea; long tasks ${formLongTasks.length}, longest ${ms(maxFormLong)}; target ≤ ${rate > 1 ? "2× and no task over 100 ms" : "1.5× and no long task"}`,
    `main-thread time by part while typing 30 keys in the Summary field (per run)${at}: ${timingLine("form")}`,
    `switching the selected operation (Definition, Encodian)${at}: click → next paint median ${ms(switchMedian)} = ${(switchMedian / 16.7).toFixed(1)} frames of 60 Hz over ${switchToPaint.length} switches; target ≤ 2 frames`,
  ];
  return { lines, bytes };
}

export const section: BenchSection = {
  name: "browser",
  async run(corpusDir, { runs: requestedRuns }) {
    const runs = Math.max(1, Math.min(requestedRuns, 5));
    const encodianPath = path.join(
      corpusDir,
      "connectors",
      "certified-connectors",
      "Encodian",
      "apiDefinition.swagger.json",
    );
    const encodian = await readFile(encodianPath, "utf8");
    const operationCount = Object.values(
      JSON.parse(encodian).paths as Record<string, Record<string, unknown>>,
    )
      .flatMap((item) => Object.keys(item))
      .filter((k) => ["get", "put", "post", "delete", "options", "head", "patch"].includes(k)).length;

    const outDir = await mkdtemp(path.join(tmpdir(), "cs-bench-browser-"));
    let preview: ChildProcess | null = null;
    let browser: Browser | null = null;
    try {
      const build = spawnSync(
        process.execPath,
        [
          path.join(ROOT, "node_modules/vite/bin/vite.js"),
          "build",
          "--outDir",
          outDir,
          "--emptyOutDir",
          "--logLevel",
          "error",
        ],
        {
          cwd: ROOT,
          stdio: ["ignore", "ignore", "inherit"],
        },
      );
      if (build.status !== 0) throw new Error("vite build failed");
      await writeFile(
        path.join(outDir, "bench-blank.html"),
        "<!doctype html><html><head><title>blank</title></head><body></body></html>",
      );
      const port = await freePort();
      preview = spawn(
        process.execPath,
        [
          path.join(ROOT, "node_modules/vite/bin/vite.js"),
          "preview",
          "--outDir",
          outDir,
          "--host",
          "127.0.0.1",
          "--port",
          String(port),
          "--strictPort",
        ],
        { cwd: ROOT, stdio: "ignore", detached: true },
      );
      const base = `http://127.0.0.1:${port}`;
      await waitForServer(base + "/bench-blank.html", 30_000);
      browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });

      const lines: string[] = [];
      let bytes: JsBytes | null = null;
      for (const rate of [1, 4]) {
        const measured = await measureAt(browser, base, outDir, encodian, operationCount, runs, rate);
        lines.push(...measured.lines);
        bytes ??= measured.bytes;
      }
      const assets = await readdir(path.join(outDir, "assets"));
      let totalJs = 0;
      for (const file of assets)
        if (file.endsWith(".js")) totalJs += (await stat(path.join(outDir, "assets", file))).size;
      return [
        ...lines,
        `JavaScript loaded before Monaco (empty workspace, open → ready): ${bytes ? `${(bytes.gzip / 1024).toFixed(1)} KB gzip in ${bytes.files} files (${(bytes.raw / 1024).toFixed(0)} KB raw: ${bytes.list}) = ${(bytes.gzip / (200 * 1024)).toFixed(2)}× the 200 KB budget${bytes.monacoSeen ? " — WARNING: a Monaco chunk was loaded" : ", no Monaco chunk"}` : "not measured"}; whole build ${(totalJs / 1024 / 1024).toFixed(1)} MB raw JS`,
      ];
    } finally {
      await browser?.close().catch(() => {});
      if (preview?.pid) {
        try {
          process.kill(-preview.pid, "SIGTERM");
        } catch {
          // already gone
        }
      }
      await rm(outDir, { recursive: true, force: true });
    }
  },
};
