import { describe, expect, it } from "vitest";
import type { JsonValue } from "../../model/json-value";
import { redactSample } from "./postman-values";

describe("redactSample", () => {
  it("replaces values under credential-like keys and credential-like values, leaving the input as it was", () => {
    const input = JSON.parse(
      '{"user":"ann","password":"hunter2","nested":[{"apiKey":"k-1"},{"note":"Bearer abcdefghijk"}],"count":3}',
    ) as JsonValue;
    const before = JSON.stringify(input);
    expect(redactSample(input)).toEqual({
      user: "ann",
      password: "<redacted>",
      nested: [{ apiKey: "<redacted>" }, { note: "<redacted>" }],
      count: 3,
    });
    expect(JSON.stringify(input)).toBe(before);
  });

  it("returns the very same objects where there is nothing to redact (copy on write)", () => {
    const clean = { envelope: { recipients: [{ name: "Ann", email: "ann@example.com" }] }, status: "sent" };
    expect(redactSample(clean)).toBe(clean);
    const mixed = { clean: clean.envelope, secret: { token: "abc" } };
    const out = redactSample(mixed) as { clean: unknown; secret: unknown };
    expect(out).not.toBe(mixed);
    expect(out.clean).toBe(clean.envelope);
    expect(out.secret).toEqual({ token: "<redacted>" });
  });

  it("keeps key order and a `__proto__` key as a plain property", () => {
    const input = JSON.parse('{"a":1,"__proto__":{"x":1},"secret":"s","z":2}') as JsonValue;
    const out = redactSample(input) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(["a", "__proto__", "secret", "z"]);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(out.secret).toBe("<redacted>");
  });

  it("cuts samples nested deeper than 64 levels", () => {
    let deep: JsonValue = "leaf";
    for (let i = 0; i < 80; i++) deep = [deep];
    let out = redactSample(deep);
    let levels = 0;
    while (Array.isArray(out)) {
      out = out[0] as JsonValue;
      levels++;
    }
    expect(out).toBeNull();
    expect(levels).toBe(65);
  });
});
