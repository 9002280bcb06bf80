import { createHash } from "node:crypto";

/**
 * The Content-Security-Policy of every page the app serves. Sent as an HTTP header (frame-ancestors does not
 * work in a <meta>), by the Vite plugin in csp-plugin.ts, on `npm start`/`vite preview` and on `npm run dev`.
 *
 * - script-src: the app's own files, plus the hashes of the inline scripts of the built HTML (index.html reads
 *   IndexedDB early). 'unsafe-eval' because ajv compiles JSON Schemas to functions: the Swagger 2.0 schema in
 *   the validation worker and response schemas in the Test step. No other inline script runs.
 * - style-src 'unsafe-inline': Monaco and React set style attributes and Monaco adds <style> elements. Styles
 *   cannot run script.
 * - connect-src http: https:: the Test step calls any API directly when its CORS allows, and OAuth token
 *   endpoints; calls without CORS go through the relay at 'self'.
 * - worker-src 'self' blob:: Monaco, validation and import workers are files of the app; blob: for workers Vite
 *   or Monaco create from a blob.
 * - img-src data: blob:: the icon preview and image responses of the Test step are blob: URLs.
 * - object-src, base-uri, frame-src and frame-ancestors 'none': no plugins, no <base> hijack, no frames in or of
 *   the app (the OAuth sign-in is a popup, not a frame).
 */
export interface PolicyOptions {
  /** sha256 hashes (base64) of the inline scripts the pages may run. */
  scriptHashes: readonly string[];
  /**
   * The dev server's looser policy: Vite's client and the React refresh preamble are inline module scripts
   * that Vite writes on each request, so dev allows inline script ('unsafe-inline', ignored by browsers as soon
   * as a hash is listed, so dev lists none) and the HMR WebSocket (ws:). Never used by `npm start`.
   */
  dev?: boolean;
}

export function contentSecurityPolicy({ scriptHashes, dev = false }: PolicyOptions): string {
  const scripts = dev
    ? ["'self'", "'unsafe-inline'", "'unsafe-eval'"]
    : ["'self'", ...scriptHashes.map((h) => `'sha256-${h}'`), "'unsafe-eval'"];
  const directives: [string, string[]][] = [
    ["default-src", ["'self'"]],
    ["script-src", scripts],
    ["style-src", ["'self'", "'unsafe-inline'"]],
    ["img-src", ["'self'", "data:", "blob:"]],
    ["font-src", ["'self'", "data:"]],
    ["connect-src", ["'self'", "http:", "https:", ...(dev ? ["ws:", "wss:"] : [])]],
    ["worker-src", ["'self'", "blob:"]],
    ["frame-src", ["'none'"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'none'"]],
    ["form-action", ["'self'"]],
    ["frame-ancestors", ["'none'"]],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(" ")}`).join("; ");
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/**
 * The sha256 hashes (base64, as CSP lists them) of the inline scripts of an HTML page: every <script> without
 * a src and with content, hashed over its exact text as the browser does.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(SCRIPT)) {
    const attributes = match[1] ?? "";
    const content = match[2] ?? "";
    if (/\ssrc\s*=/i.test(` ${attributes}`) || content === "") continue;
    const hash = createHash("sha256").update(content, "utf8").digest("base64");
    if (!hashes.includes(hash)) hashes.push(hash);
  }
  return hashes;
}
