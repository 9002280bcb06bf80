import { describe, expect, it } from "vitest";
import { decodeText, firstInvalidUtf8 } from "./decode-text";
import { LineIndex, lineStarts } from "./line-index";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("decodeText", () => {
  it("reads UTF-8 without BOM", () => {
    const d = decodeText(utf8('{"a":"é"}'), "f.json");
    expect(d).toEqual({ text: '{"a":"é"}', encoding: "utf-8", lineEnding: "lf", notes: [] });
  });

  it("drops a BOM from the text and remembers it", () => {
    const d = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("{}")]), "f.json");
    expect(d.text).toBe("{}");
    expect(d.encoding).toBe("utf-8-bom");
  });

  it("reads invalid UTF-8 as Windows-1252 with a note naming line and column", () => {
    // "Brønnøysund" with ø as the Latin-1 byte 0xF8, on line 2; plus a Windows-1252 euro sign (0x80).
    const bytes = new Uint8Array([...utf8('{\r\n  "n": "Br'), 0xf8, ...utf8('nn"'), 0x80, ...utf8("}")]);
    const d = decodeText(bytes, "def.json");
    expect(d.encoding).toBe("windows-1252");
    expect(d.text).toBe('{\r\n  "n": "Brønn"€}');
    expect(d.lineEnding).toBe("crlf");
    expect(d.notes).toHaveLength(1);
    expect(d.notes[0]).toMatchObject({ file: "def.json", line: 2, column: 11 });
    expect(d.notes[0]?.message).toMatch(/not valid UTF-8.*Windows-1252/);
  });

  it("strips a BOM before falling back to Windows-1252", () => {
    const d = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xad, 0x42]), "f");
    expect(d.text).toBe("A\u00adB");
    expect(d.notes[0]).toMatchObject({ line: 1, column: 2 });
  });

  it("reports CRLF line endings", () => {
    expect(decodeText(utf8("{\r\n}"), "f").lineEnding).toBe("crlf");
    expect(decodeText(utf8("{\n}"), "f").lineEnding).toBe("lf");
  });
});

describe("firstInvalidUtf8", () => {
  it("accepts valid multi-byte sequences and finds bad ones", () => {
    expect(firstInvalidUtf8(utf8("aé€😀"))).toBe(utf8("aé€😀").length);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc0, 0x80]))).toBe(1); // overlong
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe2, 0x82]))).toBe(1); // truncated
    expect(firstInvalidUtf8(new Uint8Array([0xf8]))).toBe(0);
  });
});

describe("line index", () => {
  it("counts CRLF, LF and lone CR as one line break each", () => {
    const text = "a\r\nb\nc\rd";
    expect(lineStarts(text)).toEqual([0, 3, 5, 7]);
    const idx = new LineIndex(text);
    expect(idx.at(0)).toEqual({ line: 1, column: 1 });
    expect(idx.at(3)).toEqual({ line: 2, column: 1 });
    expect(idx.at(8)).toEqual({ line: 4, column: 2 });
    expect(idx.at(2)).toEqual({ line: 1, column: 3 }); // the \n of \r\n still belongs to line 1
  });
});
