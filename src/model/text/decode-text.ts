import type { TextProblem } from "../diagnostic";

export type TextEncodingName = "utf-8" | "utf-8-bom" | "windows-1252";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Things the user should be told (e.g. the file was not UTF-8). */
  notes: TextProblem[];
}

/**
 * Decodes a file's bytes: UTF-8 with or without BOM; bytes that are not valid UTF-8 are read as
 * Windows-1252 and a note says so.
 * TODO(core): replace with the measured implementation.
 */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: hasBom ? "utf-8-bom" : "utf-8", notes: [] };
  } catch {
    const text = new TextDecoder("windows-1252").decode(bytes);
    return {
      text,
      encoding: "windows-1252",
      notes: [
        {
          file,
          message: "This file is not valid UTF-8; it was read as Windows-1252. Check accented characters.",
        },
      ],
    };
  }
}
