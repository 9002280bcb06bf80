import { describe, expect, it } from "vitest";
import {
  forgetRemembered,
  readRemembered,
  rememberConnection,
  REMEMBERED_PREFIX,
  type KeyValueStorage,
  type RememberedConnection,
} from "./remembered-connection";

class MemoryStorage implements KeyValueStorage {
  readonly map = new Map<string, string>();
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.map.set(key, value);
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
}

const connection: RememberedConnection = {
  values: { username: "ann", password: "pw" },
  clientSecret: "",
  tokens: { accessToken: "at", refreshToken: "rt", tokenType: "Bearer", expiresAt: 1_700_000_000_000 },
  authOption: 1,
  createdAt: 42,
};

describe("remembered connections (session storage)", () => {
  it("round-trips a connection per connector and forgets it", () => {
    const storage = new MemoryStorage();
    expect(rememberConnection(storage, "c1", connection)).toBe(true);
    expect(readRemembered(storage, "c1")).toEqual(connection);
    expect(readRemembered(storage, "c2")).toBeNull();
    expect([...storage.map.keys()]).toEqual([`${REMEMBERED_PREFIX}c1`]);
    forgetRemembered(storage, "c1");
    expect(readRemembered(storage, "c1")).toBeNull();
    expect(storage.map.size).toBe(0);
  });

  it("keeps optional token fields absent and a single authentication as null", () => {
    const storage = new MemoryStorage();
    const single = {
      ...connection,
      authOption: null,
      tokens: { accessToken: "at", tokenType: "Bearer" },
    };
    rememberConnection(storage, "c1", single);
    const back = readRemembered(storage, "c1");
    expect(back).toEqual(single);
    expect(back?.tokens && "refreshToken" in back.tokens).toBe(false);
  });

  it.each([
    ["not JSON", "{oops"],
    ["JSON null", "null"],
    [
      "another version",
      JSON.stringify({
        version: 2,
        values: {},
        clientSecret: "",
        tokens: null,
        authOption: null,
        createdAt: 1,
      }),
    ],
    [
      "a value that is not a string",
      JSON.stringify({
        version: 1,
        values: { a: 1 },
        clientSecret: "",
        tokens: null,
        authOption: null,
        createdAt: 1,
      }),
    ],
    [
      "a token without an access token",
      JSON.stringify({
        version: 1,
        values: {},
        clientSecret: "",
        tokens: { tokenType: "Bearer" },
        authOption: null,
        createdAt: 1,
      }),
    ],
    [
      "a negative option",
      JSON.stringify({
        version: 1,
        values: {},
        clientSecret: "",
        tokens: null,
        authOption: -1,
        createdAt: 1,
      }),
    ],
    [
      "a missing field",
      JSON.stringify({ version: 1, values: {}, tokens: null, authOption: null, createdAt: 1 }),
    ],
  ])("ignores and removes corrupt data: %s", (_name, text) => {
    const storage = new MemoryStorage();
    storage.setItem(`${REMEMBERED_PREFIX}c1`, text);
    expect(() => readRemembered(storage, "c1")).not.toThrow();
    expect(readRemembered(storage, "c1")).toBeNull();
    expect(storage.map.size).toBe(0);
  });

  it("never throws when the browser blocks or fills the storage", () => {
    const blocked: KeyValueStorage = {
      getItem: () => {
        throw new DOMException("blocked", "SecurityError");
      },
      setItem: () => {
        throw new DOMException("full", "QuotaExceededError");
      },
      removeItem: () => {
        throw new DOMException("blocked", "SecurityError");
      },
    };
    expect(readRemembered(blocked, "c1")).toBeNull();
    expect(rememberConnection(blocked, "c1", connection)).toBe(false);
    expect(() => forgetRemembered(blocked, "c1")).not.toThrow();
  });
});
