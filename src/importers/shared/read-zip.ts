import { strFromU8 } from "fflate";
import { inflateCapped } from "./inflate-capped";

/** How much a zip may hold and inflate to. A connector package is a few files of at most a few MB. */
export const ZIP_LIMITS = {
  /** Entries in the zip's directory (all of them, read or not). */
  entries: 1000,
  /** Inflated bytes of one entry that is read. */
  entryBytes: 32 * 1024 * 1024,
  /** Inflated bytes of all the entries that are read. */
  totalBytes: 64 * 1024 * 1024,
} as const;

export type ZipLimits = { [K in keyof typeof ZIP_LIMITS]: number };

export interface ZipEntry {
  path: string;
  bytes: Uint8Array;
}

export type ZipReadOutcome =
  | {
      ok: true;
      /** The entries `want` accepted, inflated, in directory order. */
      files: ZipEntry[];
      /** Names of the file entries `want` refused: listed, never inflated. */
      skipped: string[];
    }
  | { ok: false; message: string };

class ZipFormatError extends Error {}

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

function u16(d: Uint8Array, at: number): number {
  if (at + 2 > d.length) throw new ZipFormatError("it ends inside a header");
  return (d[at] as number) | ((d[at + 1] as number) << 8);
}

function u32(d: Uint8Array, at: number): number {
  if (at + 4 > d.length) throw new ZipFormatError("it ends inside a header");
  return (
    ((d[at] as number) | ((d[at + 1] as number) << 8) | ((d[at + 2] as number) << 16)) +
    (d[at + 3] as number) * 0x1000000
  );
}

function u64(d: Uint8Array, at: number): number {
  return u32(d, at) + u32(d, at + 4) * 0x100000000;
}

interface DirectoryEntry {
  name: string;
  compression: number;
  compressedSize: number;
  /** What the directory claims the entry inflates to: a hint to refuse early, never trusted as a bound. */
  claimedSize: number;
  headerOffset: number;
}

function readDirectory(d: Uint8Array, maxEntries: number): DirectoryEntry[] | string {
  let end = d.length - 22;
  while (end >= 0 && u32(d, end) !== 0x06054b50) {
    if (d.length - end > 65_557 || end === 0) throw new ZipFormatError("no end of central directory");
    end--;
  }
  if (end < 0) throw new ZipFormatError("no end of central directory");
  let count = u16(d, end + 10);
  let offset = u32(d, end + 16);
  let zip64 = false;
  if (end >= 20 && u32(d, end - 20) === 0x07064b50) {
    const record = u64(d, end - 12);
    if (record + 56 <= d.length && u32(d, record) === 0x06064b50) {
      zip64 = true;
      count = u64(d, record + 32);
      offset = u64(d, record + 48);
    }
  }
  if (count > maxEntries) return `it holds ${count} entries, more than ${maxEntries}; refused.`;
  const entries: DirectoryEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (u32(d, at) !== 0x02014b50) throw new ZipFormatError("a damaged central directory");
    const flags = u16(d, at + 8);
    const nameLength = u16(d, at + 28);
    const extraLength = u16(d, at + 30);
    const commentLength = u16(d, at + 32);
    if (at + 46 + nameLength > d.length) throw new ZipFormatError("it ends inside a header");
    const name = strFromU8(d.subarray(at + 46, at + 46 + nameLength), (flags & 0x800) === 0);
    let compressedSize = u32(d, at + 20);
    let claimedSize = u32(d, at + 24);
    let headerOffset = u32(d, at + 42);
    if (zip64 || compressedSize === 0xffffffff || claimedSize === 0xffffffff || headerOffset === 0xffffffff) {
      // ZIP64 extended information: the 8-byte values present are in this order.
      const extraEnd = at + 46 + nameLength + extraLength;
      for (let e = at + 46 + nameLength; e + 4 <= extraEnd; e += 4 + u16(d, e + 2)) {
        if (u16(d, e) !== 1) continue;
        let field = e + 4;
        if (claimedSize === 0xffffffff) {
          claimedSize = u64(d, field);
          field += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(d, field);
          field += 8;
        }
        if (headerOffset === 0xffffffff) headerOffset = u64(d, field);
        break;
      }
    }
    entries.push({ name, compression: u16(d, at + 10), compressedSize, claimedSize, headerOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Reads a zip with limits, for imports (the app's and the CLI's): refuses a zip with more than `limits.entries`
 * entries, inflates only the entries `want` accepts, and refuses the zip as soon as one of them inflates past
 * `limits.entryBytes` or all of them past `limits.totalBytes`: first by the sizes the directory claims (nothing
 * is inflated then), then while inflating, since those sizes can lie. Messages name the entry and the limit.
 */
export function readZip(
  bytes: Uint8Array,
  want: (path: string) => boolean,
  limits: ZipLimits = ZIP_LIMITS,
): ZipReadOutcome {
  try {
    const directory = readDirectory(bytes, limits.entries);
    if (typeof directory === "string") return { ok: false, message: directory };
    const wanted: DirectoryEntry[] = [];
    const skipped: string[] = [];
    for (const entry of directory) {
      if (entry.name.endsWith("/")) continue;
      if (want(entry.name)) wanted.push(entry);
      else skipped.push(entry.name);
    }
    const tooBig = (name: string) => ({
      ok: false as const,
      message: `entry "${name}" inflates past ${megabytes(limits.entryBytes)}; refused.`,
    });
    const tooBigInAll = {
      ok: false as const,
      message: `its entries inflate past ${megabytes(limits.totalBytes)} in total; refused.`,
    };
    let claimed = 0;
    for (const entry of wanted) {
      const size = entry.compression === 0 ? entry.compressedSize : entry.claimedSize;
      if (size > limits.entryBytes) return tooBig(entry.name);
      claimed += size;
    }
    if (claimed > limits.totalBytes) return tooBigInAll;
    const files: ZipEntry[] = [];
    let total = 0;
    for (const entry of wanted) {
      const start =
        entry.headerOffset + 30 + u16(bytes, entry.headerOffset + 26) + u16(bytes, entry.headerOffset + 28);
      if (u32(bytes, entry.headerOffset) !== 0x04034b50 || start + entry.compressedSize > bytes.length)
        throw new ZipFormatError(`a damaged entry "${entry.name}"`);
      const data = bytes.subarray(start, start + entry.compressedSize);
      const room = Math.min(limits.entryBytes, limits.totalBytes - total);
      let out: Uint8Array | null;
      if (entry.compression === 0) out = data.length > room ? null : data.slice();
      else if (entry.compression === 8) out = inflateCapped(data, room);
      else throw new ZipFormatError(`entry "${entry.name}" uses compression method ${entry.compression}`);
      if (out === null) return room < limits.entryBytes ? tooBigInAll : tooBig(entry.name);
      total += out.length;
      files.push({ path: entry.name, bytes: out });
    }
    return { ok: true, files, skipped };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `This is not a readable zip archive (${reason}).` };
  }
}
