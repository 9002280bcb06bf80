import { Deflate, strToU8, zipSync, type Zippable } from "fflate";
import { describe, expect, it } from "vitest";
import { inflateCapped } from "./inflate-capped";
import { readZip, ZIP_LIMITS } from "./read-zip";

const MB = 1024 * 1024;
const all = () => true;

function setU32(bytes: Uint8Array, at: number, value: number): void {
  new DataView(bytes.buffer, bytes.byteOffset).setUint32(at, value, true);
}

/** Offsets of the records with `signature` (local headers 0x04034b50, directory entries 0x02014b50). */
function records(bytes: Uint8Array, signature: number): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const found: number[] = [];
  for (let i = 0; i + 4 <= bytes.length; i++) if (view.getUint32(i, true) === signature) found.push(i);
  return found;
}

/** Makes every header of `zip` claim `size` inflated bytes for entry number `index` (local and directory). */
function claimSize(zip: Uint8Array, index: number, size: number): Uint8Array {
  const copy = zip.slice();
  setU32(copy, (records(copy, 0x04034b50)[index] as number) + 22, size);
  setU32(copy, (records(copy, 0x02014b50)[index] as number) + 24, size);
  return copy;
}

/** A raw DEFLATE stream of `megabytes` MB of zeros, built a megabyte at a time (about 1 KB per MB). */
function deflatedZeros(megabytes: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const deflater = new Deflate({ level: 1 }, (chunk) => void parts.push(chunk));
  const block = new Uint8Array(MB);
  for (let i = 0; i < megabytes; i++) deflater.push(block, i === megabytes - 1);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * A zip (local header, data, directory entry, end record) whose one entry `name` holds `data` (raw DEFLATE),
 * with headers that claim it inflates to `claimed` bytes.
 */
function zipWithDeflated(name: string, data: Uint8Array, claimed: number): Uint8Array {
  const nameBytes = strToU8(name);
  const local = new Uint8Array(30 + nameBytes.length);
  const view = new DataView(local.buffer);
  view.setUint32(0, 0x04034b50, true);
  view.setUint16(4, 20, true);
  view.setUint16(8, 8, true);
  view.setUint32(18, data.length, true);
  view.setUint32(22, claimed, true);
  view.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, 30);
  const dir = new Uint8Array(46 + nameBytes.length);
  const dv = new DataView(dir.buffer);
  dv.setUint32(0, 0x02014b50, true);
  dv.setUint16(4, 20, true);
  dv.setUint16(6, 20, true);
  dv.setUint16(10, 8, true);
  dv.setUint32(20, data.length, true);
  dv.setUint32(24, claimed, true);
  dv.setUint16(28, nameBytes.length, true);
  dv.setUint32(42, 0, true);
  dir.set(nameBytes, 46);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, 1, true);
  ev.setUint16(10, 1, true);
  ev.setUint32(12, dir.length, true);
  ev.setUint32(16, local.length + data.length, true);
  const out = new Uint8Array(local.length + data.length + dir.length + end.length);
  out.set(local, 0);
  out.set(data, local.length);
  out.set(dir, local.length + data.length);
  out.set(end, local.length + data.length + dir.length);
  return out;
}

describe("readZip", () => {
  it("reads deflated and stored entries", () => {
    const zip = zipSync({
      "a.swagger.json": [strToU8('{"swagger":"2.0"}'), { level: 6 }],
      "icon.png": [new Uint8Array([1, 2, 3]), { level: 0 }],
    } as Zippable);
    const outcome = readZip(zip, all);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.files.map((f) => f.path)).toEqual(["a.swagger.json", "icon.png"]);
    expect(new TextDecoder().decode(outcome.files[0]?.bytes)).toBe('{"swagger":"2.0"}');
    expect([...(outcome.files[1]?.bytes ?? [])]).toEqual([1, 2, 3]);
  });

  it("refuses by the directory's sizes before inflating anything", () => {
    const zip = claimSize(zipSync({ "big.swagger.json": strToU8("{}") }), 0, 1_500_000_000);
    expect(readZip(zip, all)).toEqual({
      ok: false,
      message: 'entry "big.swagger.json" inflates past 32 MB; refused.',
    });
  });

  it("stops inflating an entry whose headers lie about its size, at the cap", () => {
    // 4 MB of zeros that claim to be 100 bytes, against a 1 MB cap.
    const limits = { ...ZIP_LIMITS, entryBytes: MB, totalBytes: 2 * MB };
    const zip = zipWithDeflated("apiDefinition.swagger.json", deflatedZeros(4), 100);
    expect(readZip(zip, all, limits)).toEqual({
      ok: false,
      message: 'entry "apiDefinition.swagger.json" inflates past 1 MB; refused.',
    });
  });

  it("caps all the entries it reads together", () => {
    const zip = zipSync({ "a.json": new Uint8Array(600), "b.json": new Uint8Array(600) });
    const limits = { ...ZIP_LIMITS, entryBytes: 1000, totalBytes: 1000 };
    expect(readZip(zip, all, limits)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/in total; refused/),
    });
    // Lying headers: both claim 10 bytes, the second passes the total while inflating.
    const lying = claimSize(claimSize(zip, 0, 10), 1, 10);
    expect(readZip(lying, all, limits)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/in total; refused/),
    });
  });

  it("never inflates the entries it does not want, only lists them", () => {
    const bomb = claimSize(zipSync({ "huge.bin": new Uint8Array(1000) }), 0, 0xfffffffe);
    const outcome = readZip(bomb, (name) => !name.endsWith(".bin"));
    expect(outcome).toEqual({ ok: true, files: [], skipped: ["huge.bin"] });
  });

  it("refuses a zip with too many entries", () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 11; i++) files[`f${i}.txt`] = new Uint8Array(0);
    expect(readZip(zipSync(files), all, { ...ZIP_LIMITS, entries: 10 })).toEqual({
      ok: false,
      message: "it holds 11 entries, more than 10; refused.",
    });
  });

  it("reads ZIP64 sizes from the extra field, and refuses by them too", () => {
    /** `zip` (one entry) with its directory sizes moved to a ZIP64 extra field, the 32-bit ones 0xffffffff. */
    const asZip64 = (zip: Uint8Array, claimed: number) => {
      const view = new DataView(zip.buffer, zip.byteOffset);
      const dir = records(zip, 0x02014b50)[0] as number;
      const end = records(zip, 0x06054b50)[0] as number;
      const nameEnd = dir + 46 + view.getUint16(dir + 28, true);
      const extra = new Uint8Array(20);
      const ev = new DataView(extra.buffer);
      ev.setUint16(0, 1, true);
      ev.setUint16(2, 16, true);
      ev.setBigUint64(4, BigInt(claimed), true);
      ev.setBigUint64(12, BigInt(view.getUint32(dir + 20, true)), true);
      const out = new Uint8Array(zip.length + extra.length);
      out.set(zip.subarray(0, nameEnd), 0);
      out.set(extra, nameEnd);
      out.set(zip.subarray(nameEnd), nameEnd + extra.length);
      const ov = new DataView(out.buffer);
      ov.setUint32(dir + 20, 0xffffffff, true);
      ov.setUint32(dir + 24, 0xffffffff, true);
      ov.setUint16(dir + 30, extra.length, true);
      ov.setUint32(end + extra.length + 12, ov.getUint32(end + extra.length + 12, true) + extra.length, true);
      return out;
    };
    const zip = zipSync({ "a.json": [strToU8('{"a":1}'), { level: 6 }] } as Zippable);
    const read = readZip(asZip64(zip, 7), all);
    expect(read.ok && new TextDecoder().decode(read.files[0]?.bytes)).toBe('{"a":1}');
    expect(readZip(asZip64(zip, 5_000_000_000), all)).toMatchObject({
      ok: false,
      message: 'entry "a.json" inflates past 32 MB; refused.',
    });
  });

  it("says a damaged zip is not readable", () => {
    const outcome = readZip(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9]), all);
    expect(outcome).toMatchObject({ ok: false, message: expect.stringMatching(/not a readable zip/) });
    const zip = zipSync({ "a.json": strToU8('{"a":1}'.repeat(100)) });
    const cut = zip.slice();
    cut.fill(0, 40, 60); // inside the deflated data
    expect(readZip(cut, all)).toMatchObject({ ok: false });
  });
});

describe("inflateCapped", () => {
  it("returns null past the cap and the bytes within it", () => {
    const data = deflatedZeros(2);
    expect(inflateCapped(data, MB)).toBeNull();
    expect(inflateCapped(data, 2 * MB)?.length).toBe(2 * MB);
  });

  it("stops at the cap without reading the rest of the stream", () => {
    // Cut after 3 of 8 MB: inflating it all fails at the cut; stopping at a half-megabyte cap never gets there.
    const data = deflatedZeros(8);
    const cut = data.subarray(0, Math.floor((data.length * 3) / 8));
    expect(() => inflateCapped(cut, 16 * MB)).toThrow();
    expect(inflateCapped(cut, MB / 2)).toBeNull();
  });
});
