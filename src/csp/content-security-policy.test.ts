import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PreviewServer, ViteDevServer } from "vite";
import { afterEach, describe, expect, it } from "vitest";
import { contentSecurityPolicy, inlineScriptHashes } from "./content-security-policy";
import { builtPageHashes, cspPlugin } from "./csp-plugin";

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("base64");
const directives = (policy: string) =>
  new Map(policy.split("; ").map((d) => [d.split(" ")[0] ?? "", d.split(" ").slice(1)] as const));

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function builtDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "cs-csp-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("content security policy", () => {
  it("hashes exactly the inline scripts of a page, as the browser does", () => {
    const html = [
      "<html><head><script>var a = 1;</script>",
      '<script type="module" src="/assets/index.js"></script>',
      '<SCRIPT type="module">\n  import "/x.js";\n</SCRIPT >',
      "<script></script>",
      '<script crossorigin src="/y.js"></script>',
      "<script>var a = 1;</script>",
      "</head></html>",
    ].join("\n");
    expect(inlineScriptHashes(html)).toEqual([sha256("var a = 1;"), sha256('\n  import "/x.js";\n')]);
    expect(inlineScriptHashes("<p>no script</p>")).toEqual([]);
  });

  it("hashes the early IndexedDB read of index.html", () => {
    const html = readFileSync(new URL("../../index.html", import.meta.url), "utf8");
    const inline = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
    expect(inline).toContain("__csEarlyRead");
    expect(inlineScriptHashes(html)).toEqual([sha256(inline)]);
  });

  it("allows the app's own scripts and hashed inline ones only, and no framing, plugins or <base>", () => {
    const policy = directives(contentSecurityPolicy({ scriptHashes: ["abc=", "def="] }));
    expect(policy.get("script-src")).toEqual(["'self'", "'sha256-abc='", "'sha256-def='", "'unsafe-eval'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("frame-src")).toEqual(["'none'"]);
    expect(policy.get("worker-src")).toEqual(["'self'", "blob:"]);
    // The Test step calls APIs and OAuth token endpoints of any origin directly when their CORS allows.
    expect(policy.get("connect-src")).toEqual(["'self'", "http:", "https:"]);
    expect(policy.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
  });

  it("is looser on the dev server only: Vite's inline scripts and the HMR WebSocket", () => {
    const dev = directives(contentSecurityPolicy({ scriptHashes: ["abc="], dev: true }));
    expect(dev.get("script-src")).toEqual(["'self'", "'unsafe-inline'", "'unsafe-eval'"]);
    expect(dev.get("connect-src")).toEqual(["'self'", "http:", "https:", "ws:", "wss:"]);
    expect(dev.get("frame-ancestors")).toEqual(["'none'"]);
    const built = directives(contentSecurityPolicy({ scriptHashes: [] }));
    expect(built.get("script-src")).not.toContain("'unsafe-inline'");
    expect(built.get("connect-src")).not.toContain("ws:");
  });

  it("collects the hashes of every built page, and none when nothing was built", () => {
    const dir = builtDir({
      "index.html": "<script>one()</script>",
      "oauth-callback.html": '<script src="./oauth-callback.js"></script><script>two()</script>',
      "notes.txt": "<script>not a page()</script>",
    });
    expect(builtPageHashes(dir).sort()).toEqual([sha256("one()"), sha256("two()")].sort());
    expect(builtPageHashes(join(dir, "missing"))).toEqual([]);
  });

  it("sends the policy as a header on every response of the preview and dev servers", () => {
    const dir = builtDir({ "index.html": "<script>early()</script>" });
    const headerOf = (hook: "configurePreviewServer" | "configureServer") => {
      const used: ((req: IncomingMessage, res: ServerResponse, next: () => void) => void)[] = [];
      const server = {
        config: { root: "/", build: { outDir: dir } },
        middlewares: { use: (f: never) => used.push(f) },
      };
      const plugin = cspPlugin();
      const call = plugin[hook] as (s: PreviewServer & ViteDevServer) => void;
      call(server as unknown as PreviewServer & ViteDevServer);
      const headers = new Map<string, string>();
      let passedOn = false;
      const res = { setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), value) };
      used[0]?.({} as IncomingMessage, res as unknown as ServerResponse, () => (passedOn = true));
      expect(passedOn).toBe(true);
      return headers.get("content-security-policy") ?? "";
    };
    expect(headerOf("configurePreviewServer")).toBe(
      contentSecurityPolicy({ scriptHashes: [sha256("early()")] }),
    );
    expect(headerOf("configureServer")).toBe(contentSecurityPolicy({ scriptHashes: [], dev: true }));
  });
});
