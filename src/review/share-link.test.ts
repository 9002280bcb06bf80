import { Deflate, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { validConnector } from "../validation/__fixtures__/connector-fixture";
import {
  decodeShareFragment,
  encodeShareFragment,
  readShareFragment,
  SHARE_FRAGMENT_LIMIT,
  SHARE_INFLATED_LIMIT,
} from "./share-link";

function toBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64").replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** A link whose connector has a description of `megabytes` MB of one letter: a few KB that inflate to MBs. */
function bombLink(megabytes: number): string {
  const parts: Uint8Array[] = [];
  const deflater = new Deflate({ level: 9 }, (chunk) => void parts.push(chunk));
  deflater.push(strToU8('{"v":1,"definition":{"swagger":"2.0","info":{"title":"Bomb","description":"'));
  const block = strToU8("a".repeat(1024 * 1024));
  for (let i = 0; i < megabytes; i++) deflater.push(block);
  deflater.push(strToU8('"},"paths":{}}}'), true);
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return `#connector=${toBase64Url(bytes)}`;
}

describe("share links", () => {
  it("reads back a shared connector with its title and size", () => {
    const fragment = encodeShareFragment(validConnector());
    expect(fragment).not.toBeNull();
    const shared = readShareFragment(`#${fragment}`);
    expect(shared.document.definition).toEqual(validConnector().definition);
    expect(shared.title).toBe(validConnector().definition.info?.title);
    expect(shared.bytes).toBeGreaterThan(100);
  });

  it("refuses a link that inflates past the cap", () => {
    const link = bombLink(6);
    // Short enough to be a link: only the inflated size gives it away.
    expect(link.length).toBeLessThan(SHARE_FRAGMENT_LIMIT);
    expect(SHARE_INFLATED_LIMIT).toBeLessThan(6 * 1024 * 1024);
    expect(() => decodeShareFragment(link)).toThrow(
      "The shared connector in this link inflates past 4 MB; it was not opened.",
    );
  });

  it("refuses a link longer than a share link can be before inflating anything", () => {
    const link = `#connector=${"A".repeat(SHARE_FRAGMENT_LIMIT)}`;
    expect(() => decodeShareFragment(link)).toThrow(/too long \(32 KB; links carry at most 32 KB\)/);
  });

  it("says a cut link is damaged", () => {
    const fragment = encodeShareFragment(validConnector()) ?? "";
    expect(() => readShareFragment(`#${fragment.slice(0, fragment.length / 2)}`)).toThrow(/damaged/);
  });
});
