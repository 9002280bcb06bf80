import { describe, expect, it } from "vitest";
import type { PreparedRequest } from "./prepare-request";
import {
  base64ToBytes,
  blobTypeFor,
  bytesToBase64,
  chooseRoutes,
  formatSize,
  isSimpleCorsRequest,
  viewBody,
} from "./transport";

const request = (method: string, headers: [string, string][]): PreparedRequest => ({
  method,
  url: "http://127.0.0.1/x",
  headers,
  body: { kind: "none" },
  secretNames: [],
  appliedPolicies: [],
  warnings: [],
  missing: [],
});

describe("transport", () => {
  it("knows which requests go without a CORS preflight", () => {
    expect(isSimpleCorsRequest(request("GET", []))).toBe(true);
    expect(isSimpleCorsRequest(request("POST", [["Content-Type", "text/plain; charset=utf-8"]]))).toBe(true);
    expect(isSimpleCorsRequest(request("POST", [["Content-Type", "application/json"]]))).toBe(false);
    expect(isSimpleCorsRequest(request("GET", [["X-Api-Key", "k"]]))).toBe(false);
    expect(isSimpleCorsRequest(request("DELETE", []))).toBe(false);
  });

  it("never sends a simple data-changing call twice, and remembers what worked", () => {
    expect(
      chooseRoutes(request("POST", [["Content-Type", "multipart/form-data; boundary=x"]]), true, undefined),
    ).toEqual(["relay"]);
    expect(chooseRoutes(request("POST", [["Content-Type", "application/json"]]), true, undefined)).toEqual([
      "direct",
      "relay",
    ]);
    expect(chooseRoutes(request("GET", []), true, "relay")).toEqual(["relay"]);
    expect(chooseRoutes(request("GET", []), false, "relay")).toEqual(["direct"]);
  });

  it("shows bodies as JSON, text, image or binary", () => {
    const enc = new TextEncoder();
    expect(viewBody([["Content-Type", "application/json"]], enc.encode('{"a":1}'))).toEqual({
      kind: "json",
      value: { a: 1 },
      pretty: '{\n  "a": 1\n}',
    });
    expect(viewBody([["content-type", "text/html"]], enc.encode("<p>"))).toEqual({
      kind: "text",
      text: "<p>",
    });
    expect(viewBody([["content-type", "image/png"]], new Uint8Array([137, 80]))).toEqual({
      kind: "image",
      contentType: "image/png",
    });
    expect(viewBody([["content-type", "application/pdf"]], new Uint8Array([1, 0]))).toEqual({
      kind: "binary",
      contentType: "application/pdf",
    });
    expect(viewBody([], new Uint8Array())).toEqual({ kind: "empty" });
  });

  it("never gives a response body an active content type at the app's origin", () => {
    const enc = new TextEncoder();
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>';
    const view = (type: string, body: Uint8Array) => {
      const v = viewBody([["Content-Type", type]], body);
      return { kind: v.kind, blobType: blobTypeFor(v) };
    };
    // SVG, HTML and XML are markup that can run script: text, and no blob URL at all.
    for (const type of [
      "image/svg+xml",
      "IMAGE/SVG+XML; charset=utf-8",
      "text/html",
      "application/xhtml+xml",
      "text/xml",
      "application/xml",
    ])
      expect([type, view(type, enc.encode(svg))]).toEqual([type, { kind: "text", blobType: null }]);
    expect(viewBody([["Content-Type", "image/svg+xml"]], enc.encode(svg))).toEqual({
      kind: "text",
      text: svg,
    });
    // Markup that does not look like text (a NUL byte) is a download, typed so that it can never render.
    const withNul = new Uint8Array([...enc.encode("<html><script>alert(1)</script>"), 0]);
    for (const type of ["text/html", "image/svg+xml", "application/xhtml+xml"])
      expect([type, view(type, withNul)]).toEqual([
        type,
        { kind: "binary", blobType: "application/octet-stream" },
      ]);
    // Anything else that is not a passive raster image downloads as application/octet-stream too.
    for (const type of [
      "application/pdf",
      "application/octet-stream",
      "video/mp4",
      "image/x-unknown",
      "foo/bar",
    ])
      expect([type, view(type, new Uint8Array([1, 0, 2]))]).toEqual([
        type,
        { kind: "binary", blobType: "application/octet-stream" },
      ]);
    // Passive raster images keep their type (an <img>, or a tab showing a picture, runs nothing).
    for (const type of ["image/png", "image/jpeg", "Image/GIF", "image/webp", "image/avif"])
      expect([type, view(type, new Uint8Array([137, 80]))]).toEqual([
        type,
        { kind: "image", blobType: type.toLowerCase() },
      ]);
    expect(blobTypeFor({ kind: "image", contentType: "image/svg+xml" })).toBe("application/octet-stream");
    expect(blobTypeFor({ kind: "text", text: "x" })).toBeNull();
    expect(blobTypeFor({ kind: "empty" })).toBeNull();
  });

  it("encodes bodies for the relay and formats sizes", () => {
    const bytes = new Uint8Array(100_000).map((_, i) => i % 256);
    expect(Buffer.from(base64ToBytes(bytesToBase64(bytes))).equals(Buffer.from(bytes))).toBe(true);
    expect(formatSize(10)).toBe("10 B");
    expect(formatSize(2048)).toBe("2.0 KB");
  });
});
