import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

// A small API on loopback for the Test step's e2e tests. One instance answers without any CORS headers (the
// browser cannot read it directly, so calls go through the relay), another allows CORS (calls go direct).

export interface FixtureApi {
  server: Server;
  origin: string;
  /** Every request seen, in order. */
  hits: { method: string; url: string; headers: IncomingMessage["headers"] }[];
  /** Access tokens the API no longer accepts (to force a refresh). */
  revoked: Set<string>;
  /** Bearer tokens accepted so far, in order. */
  acceptedTokens: string[];
  close(): Promise<void>;
}

export const API_KEY = "key-123";
export const BASIC_USER = "alice";
export const BASIC_PASSWORD = "s3cret!";

/** An SVG whose script marks the page it runs in (the title) and reads the relay token if it can. */
export const ACTIVE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/>' +
  '<script>document.title = "svg script ran"; fetch("/__relay/token")</script></svg>';
export const ACTIVE_HTML =
  '<!doctype html><title>page</title><script>document.title = "html script ran"; fetch("/__relay/token")</script>';
/** A 1×1 PNG. */
export const TINY_PNG_BASE64 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify(body));
}

/** The file parts of a multipart/form-data body: name, filename, type and size. */
function fileParts(
  body: Buffer,
  contentType: string,
): { field: string; filename: string; type: string; size: number }[] {
  const boundary = /boundary=([^;]+)/.exec(contentType)?.[1];
  if (!boundary) return [];
  const text = body.toString("latin1");
  return text
    .split(`--${boundary}`)
    .slice(1, -1)
    .flatMap((part) => {
      const headerEnd = part.indexOf("\r\n\r\n");
      const head = part.slice(0, headerEnd);
      const filename = /filename="([^"]*)"/.exec(head)?.[1];
      if (filename === undefined) return [];
      const content = part.slice(headerEnd + 4, part.length - 2); // minus the CRLF before the next boundary
      return [
        {
          field: /name="([^"]*)"/.exec(head)?.[1] ?? "",
          filename,
          type: /Content-Type: (.*)/i.exec(head)?.[1]?.trim() ?? "",
          size: Buffer.from(content, "latin1").length,
        },
      ];
    });
}

function jwtPayload(token: string): Record<string, unknown> | null {
  const part = token.split(".")[1];
  if (!part) return null;
  try {
    return JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** Starts the fixture API on 127.0.0.1:`port`; `issuer` is the OAuth server whose tokens it accepts. */
export async function startFixtureApi(
  port: number,
  options: { cors: boolean; issuer?: string },
): Promise<FixtureApi> {
  const hits: FixtureApi["hits"] = [];
  const revoked = new Set<string>();
  const acceptedTokens: string[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      hits.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
      if (options.cors) {
        res.setHeader("access-control-allow-origin", "*");
        res.setHeader("access-control-allow-headers", "*");
        res.setHeader("access-control-allow-methods", "GET, POST, PUT, DELETE");
        res.setHeader("access-control-expose-headers", "x-request-id");
        if (req.method === "OPTIONS") {
          res.statusCode = 204;
          res.end();
          return;
        }
      } else if (req.method === "OPTIONS") {
        res.statusCode = 404;
        res.end();
        return;
      }
      res.setHeader("x-request-id", String(hits.length));
      const url = new URL(req.url ?? "/", `http://127.0.0.1:${port}`);
      const body = await readBody(req);
      switch (url.pathname) {
        case "/blank":
          res.setHeader("content-type", "text/html");
          res.end("<!doctype html><title>Another site</title><p>Another site</p>");
          return;
        case "/v1/items": {
          if (req.headers["x-api-key"] !== API_KEY) return json(res, 401, { error: "bad api key" });
          const top = Number(url.searchParams.get("top") ?? "2");
          return json(
            res,
            200,
            [
              { id: 1, name: "One", done: false },
              { id: 2, name: "Two", done: true },
              { id: 3, name: "Three", done: false },
            ].slice(0, top),
          );
        }
        case "/v1/items/1":
        case "/v1/items/2":
          if (req.headers["x-api-key"] !== API_KEY) return json(res, 401, { error: "bad api key" });
          return json(res, 200, {
            id: Number(url.pathname.slice(-1)),
            name: url.pathname.endsWith("1") ? "One" : "Two",
          });
        case "/v1/search":
          if (url.searchParams.get("code") !== API_KEY) return json(res, 401, { error: "bad api key" });
          return json(res, 200, { query: url.searchParams.get("q"), results: [{ title: "Found it" }] });
        case "/v1/me": {
          const expected = `Basic ${Buffer.from(`${BASIC_USER}:${BASIC_PASSWORD}`).toString("base64")}`;
          if (req.headers.authorization !== expected) return json(res, 401, { error: "who are you?" });
          return json(res, 200, { user: BASIC_USER });
        }
        case "/v1/account": {
          // Either credential of the two-option connector; the answer says which one arrived.
          const basic = `Basic ${Buffer.from(`${BASIC_USER}:${BASIC_PASSWORD}`).toString("base64")}`;
          if (req.headers.authorization === basic && req.headers["x-api-key"] === undefined)
            return json(res, 200, { via: "basic", user: BASIC_USER });
          if (req.headers["x-api-key"] === API_KEY && req.headers.authorization === undefined)
            return json(res, 200, { via: "api key" });
          return json(res, 401, { error: "one credential expected" });
        }
        case "/v1/profile": {
          const auth = req.headers.authorization ?? "";
          const token = auth.startsWith("Bearer ") ? auth.slice(7) : "";
          const payload = jwtPayload(token);
          if (!payload || payload.iss !== options.issuer || revoked.has(token))
            return json(res, 401, { error: "invalid_token" });
          acceptedTokens.push(token);
          return json(res, 200, { sub: payload.sub, calls: acceptedTokens.length });
        }
        case "/v1/upload": {
          if (req.headers["x-api-key"] !== API_KEY) return json(res, 401, { error: "bad api key" });
          return json(res, 200, { files: fileParts(body, req.headers["content-type"] ?? "") });
        }
        case "/v1/mismatch":
          if (req.headers["x-api-key"] !== API_KEY) return json(res, 401, { error: "bad api key" });
          return json(res, 200, { id: "abc", tags: [1, "ok"] });
        case "/v1/slow":
          // Answers after 10 s, unless the caller gives up first (Cancel call).
          if (req.headers["x-api-key"] !== API_KEY) return json(res, 401, { error: "bad api key" });
          await new Promise((resolve) => setTimeout(resolve, 10_000));
          if (!res.writableEnded && !res.destroyed) json(res, 200, { slow: true });
          return;
        case "/v1/big":
          res.setHeader("content-type", "application/octet-stream");
          res.end(Buffer.alloc(11 * 1024 * 1024, 0x61));
          return;
        // Active content an API may answer with (issue 12): the Test step must never run it at the app's origin.
        case "/v1/media/svg":
          res.setHeader("content-type", "image/svg+xml");
          res.end(ACTIVE_SVG);
          return;
        case "/v1/media/page":
          // HTML with a NUL byte, so the Test step offers it as a download rather than as text.
          res.setHeader("content-type", "text/html; charset=utf-8");
          res.end(Buffer.concat([Buffer.from(ACTIVE_HTML), Buffer.from([0])]));
          return;
        case "/v1/media/png":
          res.setHeader("content-type", "image/png");
          res.end(Buffer.from(TINY_PNG_BASE64, "base64"));
          return;
        default:
          return json(res, 404, { error: "not found" });
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    server,
    origin: `http://127.0.0.1:${port}`,
    hits,
    revoked,
    acceptedTokens,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
