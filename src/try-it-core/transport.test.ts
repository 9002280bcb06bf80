import { describe, expect, it } from "vitest";
import type { PreparedRequest } from "./prepare-request";
import {
  base64ToBytes,
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

  it("encodes bodies for the relay and formats sizes", () => {
    const bytes = new Uint8Array(100_000).map((_, i) => i % 256);
    expect(Buffer.from(base64ToBytes(bytesToBase64(bytes))).equals(Buffer.from(bytes))).toBe(true);
    expect(formatSize(10)).toBe("10 B");
    expect(formatSize(2048)).toBe("2.0 KB");
  });
});
