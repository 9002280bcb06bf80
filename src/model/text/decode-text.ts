import type { TextProblem } from "../diagnostic";
import { lineColumnAt } from "./line-index";

export type TextEncodingName = "utf-8" | "utf-8-bom" | "windows-1252";

export interface DecodedText {
  /** The text, without a byte order mark. */
  text: string;
  /** How the bytes were read; `utf-8-bom` remembers that the file started with a BOM. */
  encoding: TextEncodingName;
  /** `crlf` when the text's first line break is `\r\n` (the text itself is not changed). */
  lineEnding: "lf" | "crlf";
  /** Things the user should be told (e.g. the file was not UTF-8). */
  notes: TextProblem[];
}

let utf8: TextDecoder | null = null;

/**
 * Decodes a file's bytes: UTF-8 with or without BOM (the BOM is dropped from the text and remembered in
 * `encoding`); bytes that are not valid UTF-8 are read as Windows-1252 and a note (with the line and column
 * of the first byte that is not UTF-8) says so. CRLF is kept in the text; every line and column this module
 * reports counts `\r\n` as one line break.
 */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  utf8 ??= new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  try {
    const text = utf8.decode(body);
    return { text, encoding: hasBom ? "utf-8-bom" : "utf-8", lineEnding: lineEndingOf(text), notes: [] };
  } catch {
    const text = decodeWindows1252(body);
    // Windows-1252 maps one byte to one UTF-16 unit, so the byte offset is the text offset.
    const bad = firstInvalidUtf8(body);
    const where = lineColumnAt(text, bad);
    const byte = (body[bad] ?? 0).toString(16).toUpperCase().padStart(2, "0");
    return {
      text,
      encoding: "windows-1252",
      lineEnding: lineEndingOf(text),
      notes: [
        {
          file,
          line: where.line,
          column: where.column,
          message:
            `This file is not valid UTF-8 (byte 0x${byte} here); it was read as Windows-1252 and will be ` +
            "saved as UTF-8. Check accented characters.",
        },
      ],
    };
  }
}

function lineEndingOf(text: string): "lf" | "crlf" {
  const lf = text.indexOf("\n");
  return lf > 0 && text.charCodeAt(lf - 1) === 13 ? "crlf" : "lf";
}

/** Offset of the first byte that does not start (or continue) a valid UTF-8 sequence; `bytes.length` if none. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return n;
}

/** Bytes 0x80-0x9F of Windows-1252 (the WHATWG table; the five unassigned bytes map to C1 controls). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Windows-1252 decoding, written out because Node's `TextDecoder("windows-1252")` decodes as ISO-8859-1
 * (0x80 becomes U+0080 instead of '€') while browsers follow the WHATWG table.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  const chunk: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    chunk.push(b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] as number) : b);
    if (chunk.length === 8192) {
      out += String.fromCharCode(...chunk);
      chunk.length = 0;
    }
  }
  return out + String.fromCharCode(...chunk);
}
