import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRelay, isLoopbackHost, RELAY_TOKEN_HEADER, type RelayResponse } from "./relay-handler";

let app: Server;
let target: Server;
let appPort = 0;
let targetPort = 0;
let targetHits = 0;
const relay = createRelay({ maxRequestBytes: 1024, maxResponseBytes: 2048, timeoutMs: 500 }, "test-token");

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
  );
}

beforeAll(async () => {
  target = createServer((req, res) => {
    targetHits += 1;
    if (req.url === "/big") {
      res.end("x".repeat(5000));
      return;
    }
    if (req.url === "/slow") {
      setTimeout(() => res.end("late"), 2000);
      return;
    }
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      res.setHeader("content-type", "application/json");
      res.setHeader("set-cookie", "session=abc");
      res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body }));
    });
  });
  app = createServer((req, res) => relay.middleware(req, res, () => res.end("app")));
  [appPort, targetPort] = await Promise.all([listen(app), listen(target)]);
});

afterAll(() => {
  app.close();
  target.close();
});

function call(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port: appPort, path, method: options.method ?? "POST", headers: options.headers },
      (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : null }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

const ownOrigin = () => `http://127.0.0.1:${appPort}`;
const good = (body: unknown, extra: Record<string, string> = {}) => ({
  headers: {
    origin: ownOrigin(),
    "sec-fetch-site": "same-origin",
    [RELAY_TOKEN_HEADER]: "test-token",
    ...extra,
  },
  body: JSON.stringify(body),
});

describe("relay", () => {
  it("gives the token to the app's own page only", async () => {
    const own = await call("/__relay/token", {
      method: "GET",
      headers: { origin: ownOrigin(), "sec-fetch-site": "same-origin" },
    });
    expect(own).toEqual({ status: 200, json: { token: "test-token" } });
    const other = await call("/__relay/token", {
      method: "GET",
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect(other.status).toBe(403);
    const crossSite = await call("/__relay/token", {
      method: "GET",
      headers: { origin: ownOrigin(), "sec-fetch-site": "cross-site" },
    });
    expect(crossSite.status).toBe(403);
    // A same-origin GET from the page carries no Origin (browsers omit it); Sec-Fetch-Site decides.
    const noOrigin = await call("/__relay/token", {
      method: "GET",
      headers: { "sec-fetch-site": "same-origin" },
    });
    expect(noOrigin).toEqual({ status: 200, json: { token: "test-token" } });
    const noOriginCrossSite = await call("/__relay/token", {
      method: "GET",
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(noOriginCrossSite.status).toBe(403);
    // A plain client (no browser headers at all) does not get it either.
    expect((await call("/__relay/token", { method: "GET" })).status).toBe(403);
    const wrongHost = await call("/__relay/token", {
      method: "GET",
      headers: { host: "evil.example", "sec-fetch-site": "same-origin" },
    });
    expect(wrongHost.status).toBe(403);
  });

  it("forwards a call with the page's headers and body, and returns status, headers and body", async () => {
    const res = await call(
      "/__relay",
      good(
        {
          method: "post",
          url: `http://127.0.0.1:${targetPort}/echo?q=1`,
          headers: [["X-Api-Key", "k"]],
          bodyBase64: Buffer.from("hello").toString("base64"),
        },
        { cookie: "relay-own=1" },
      ),
    );
    expect(res.status).toBe(200);
    const relayed = res.json as RelayResponse;
    expect(relayed.status).toBe(200);
    const echoed = JSON.parse(Buffer.from(relayed.bodyBase64, "base64").toString());
    expect(echoed).toMatchObject({ method: "POST", url: "/echo?q=1", body: "hello" });
    expect(echoed.headers["x-api-key"]).toBe("k");
    expect(echoed.headers.cookie).toBeUndefined();
    expect(echoed.headers.origin).toBeUndefined();
    expect(relayed.headers).toContainEqual(["set-cookie", "session=abc"]);
  });

  it("refuses another origin, a missing token and a wrong token without calling the target", async () => {
    const before = targetHits;
    const body = { method: "GET", url: `http://127.0.0.1:${targetPort}/x` };
    expect(
      (
        await call("/__relay", {
          ...good(body),
          headers: { origin: "https://evil.example", [RELAY_TOKEN_HEADER]: "test-token" },
        })
      ).status,
    ).toBe(403);
    expect(
      (await call("/__relay", { ...good(body), headers: { [RELAY_TOKEN_HEADER]: "test-token" } })).status,
    ).toBe(403);
    expect((await call("/__relay", { ...good(body), headers: { origin: ownOrigin() } })).status).toBe(401);
    expect((await call("/__relay", good(body, { [RELAY_TOKEN_HEADER]: "wrong-token" }))).status).toBe(401);
    expect(targetHits).toBe(before);
  });

  it("refuses non-http URLs, bad JSON and oversize requests", async () => {
    const before = targetHits;
    const file = await call("/__relay", good({ method: "GET", url: "file:///etc/passwd" }));
    expect(file.status).toBe(400);
    expect(file.json).toEqual({ error: "Only http and https URLs are relayed, not file:" });
    expect((await call("/__relay", { ...good({}), body: "{nope" })).status).toBe(400);
    const big = await call(
      "/__relay",
      good({
        method: "POST",
        url: `http://127.0.0.1:${targetPort}/`,
        bodyBase64: Buffer.alloc(4096).toString("base64"),
      }),
    );
    expect(big.status).toBe(413);
    expect(targetHits).toBe(before);
  });

  it("answers malformed header lists with 400 and a reason, never internals, without calling the target", async () => {
    const before = targetHits;
    const url = `http://127.0.0.1:${targetPort}/x`;
    const cases: [unknown, string][] = [
      ["X-Api-Key: k", "Headers must be a list of [name, value] pairs."],
      [[["X-Api-Key"]], "Header 1 is not a [name, value] pair."],
      [["X-Api-Key=k"], "Header 1 is not a [name, value] pair."],
      [[[1, 2]], "Header 1: name and value must both be text."],
      [
        [
          ["X-Ok", "1"],
          [null, "v"],
        ],
        "Header 2: name and value must both be text.",
      ],
      [[["X-Api-Key", { k: 1 }]], "Header 1: name and value must both be text."],
      [[["bad name", "x"]], 'Header 1: "bad name" is not a valid header name.'],
      [[["", "x"]], 'Header 1: "" is not a valid header name.'],
      [
        [["X-Split", "a\r\nInjected: 1"]],
        'Header "X-Split": the value has a line break, a control character or a character beyond Latin-1.',
      ],
      [
        [["X-Euro", "10 €"]],
        'Header "X-Euro": the value has a line break, a control character or a character beyond Latin-1.',
      ],
    ];
    for (const [headers, message] of cases) {
      const res = await call("/__relay", good({ method: "GET", url, headers }));
      expect({ headers, ...res }).toEqual({ headers, status: 400, json: { error: message } });
    }
    expect(targetHits).toBe(before);
  });

  it("refuses Expect, CONNECT, TRACE, URL credentials and broken base64 with 400 and a cause", async () => {
    const before = targetHits;
    const url = `http://127.0.0.1:${targetPort}/x`;
    const expectHeader = await call(
      "/__relay",
      good({ method: "POST", url, headers: [["Expect", "100-continue"]], bodyBase64: "aGk=" }),
    );
    expect(expectHeader).toEqual({
      status: 400,
      json: {
        error: "The relay does not send an Expect header (it sends the whole body at once); remove it.",
      },
    });
    for (const method of ["CONNECT", "connect", "TRACE", "track"]) {
      const res = await call("/__relay", good({ method, url }));
      expect(res).toEqual({
        status: 400,
        json: { error: `The relay does not send ${method.toUpperCase()} requests.` },
      });
    }
    expect((await call("/__relay", good({ method: "GET /x HTTP/1.1", url }))).status).toBe(400);
    const credentials = await call(
      "/__relay",
      good({ method: "GET", url: `http://u:p@127.0.0.1:${targetPort}/` }),
    );
    expect(credentials).toEqual({
      status: 400,
      json: { error: "The URL contains a user name or password; send credentials in a header instead." },
    });
    const base64 = await call("/__relay", good({ method: "POST", url, bodyBase64: "not base64!" }));
    expect(base64).toEqual({ status: 400, json: { error: "The body must be base64 text." } });
    expect(await call("/__relay", good([]))).toEqual({
      status: 400,
      json: { error: "The relay request must be a JSON object." },
    });
    expect((await call("/__relay", good({ method: "GET", url: 42 }))).status).toBe(400);
    expect(targetHits).toBe(before);
  });

  it("says why an API could not be reached", async () => {
    const closed = createServer();
    const closedPort = await listen(closed);
    await new Promise((r) => closed.close(r));
    const res = await call("/__relay", good({ method: "GET", url: `http://127.0.0.1:${closedPort}/` }));
    expect(res.status).toBe(502);
    expect((res.json as { error: string }).error).toMatch(
      new RegExp(`^Could not reach http://127\\.0\\.0\\.1:${closedPort}: .*ECONNREFUSED`),
    );
  });

  it("parses Host strictly: only localhost, 127.x.x.x and [::1] (with a port) are loopback", () => {
    for (const host of ["localhost", "LocalHost:4173", "127.0.0.1", "127.1.2.3:80", "[::1]", "[::1]:4173"])
      expect([host, isLoopbackHost(host)]).toEqual([host, true]);
    for (const host of [
      undefined,
      "",
      "[::1].evil.com",
      "[::1].evil.com:4173",
      "[::1]evil.com",
      "[::1]:4173.evil.com",
      "[::2]",
      "[::ffff:8.8.8.8]",
      "localhost.evil.com",
      "evil.com",
      "127.0.0.1.evil.com",
      "127.0.0.1:80:80",
      "127.0.0.1:99999",
      "127.0.0.1:",
      "127.256.0.1",
      "127.0.0.1 evil.com",
      "user@localhost",
    ])
      expect([host, isLoopbackHost(host)]).toEqual([host, false]);
  });

  it("refuses a Host of [::1].evil.com", async () => {
    const res = await call("/__relay/token", {
      method: "GET",
      headers: { host: "[::1].evil.com", "sec-fetch-site": "same-origin" },
    });
    expect(res).toEqual({
      status: 403,
      json: { error: "The relay only answers requests addressed to localhost." },
    });
    const relayed = await call("/__relay", {
      ...good({ method: "GET", url: `http://127.0.0.1:${targetPort}/x` }),
      headers: {
        host: "[::1].evil.com",
        origin: "http://[::1].evil.com",
        "sec-fetch-site": "same-origin",
        [RELAY_TOKEN_HEADER]: "test-token",
      },
    });
    expect(relayed.status).toBe(403);
  });

  it("caps the response size and the time", async () => {
    const big = await call("/__relay", good({ method: "GET", url: `http://127.0.0.1:${targetPort}/big` }));
    expect(big.status).toBe(502);
    expect(big.json).toEqual({ error: "The response is larger than 2048 bytes." });
    const slow = await call("/__relay", good({ method: "GET", url: `http://127.0.0.1:${targetPort}/slow` }));
    expect(slow.status).toBe(504);
  });

  it("stops the onward call when the page cancels its call", async () => {
    // A relay whose own time limit (60 s) is far beyond this test's, so only the page's cancel can end it.
    const patient = createRelay({ maxRequestBytes: 1024, maxResponseBytes: 2048, timeoutMs: 60_000 }, "t2");
    let arrived!: () => void;
    let closed!: () => void;
    const targetArrived = new Promise<void>((r) => (arrived = r));
    const targetClosed = new Promise<void>((r) => (closed = r));
    const hanging = createServer((req) => {
      req.on("close", closed);
      arrived(); // and never answers
    });
    const app2 = createServer((req, res) => patient.middleware(req, res, () => res.end("app")));
    const [hangPort, app2Port] = await Promise.all([listen(hanging), listen(app2)]);
    try {
      const page = request({
        host: "127.0.0.1",
        port: app2Port,
        path: "/__relay",
        method: "POST",
        headers: {
          origin: `http://127.0.0.1:${app2Port}`,
          "sec-fetch-site": "same-origin",
          [RELAY_TOKEN_HEADER]: "t2",
        },
      });
      page.on("error", () => undefined);
      page.end(JSON.stringify({ method: "GET", url: `http://127.0.0.1:${hangPort}/hang` }));
      await targetArrived;
      page.destroy();
      await targetClosed;
    } finally {
      hanging.closeAllConnections();
      hanging.close();
      app2.close();
    }
  });

  it("passes other paths on to the app", async () => {
    const res = await new Promise<string>((resolve) =>
      request({ host: "127.0.0.1", port: appPort, path: "/index.html" }, (r) => {
        let t = "";
        r.on("data", (c: Buffer) => (t += c.toString()));
        r.on("end", () => resolve(t));
      }).end(),
    );
    expect(res).toBe("app");
  });
});
