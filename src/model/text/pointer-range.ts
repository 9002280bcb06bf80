import { isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode } from "yaml";
import { escapePointerToken, parsePointer } from "../json-pointer";

/**
 * Where a JSON pointer sits in a text: the value's span and, for an object member, its key's span (offsets,
 * end exclusive). `exact` is false when the pointer does not exist and the range is that of its deepest
 * existing ancestor (a "missing property" diagnostic then lands on the object that lacks it).
 */
export interface PointerRange {
  start: number;
  end: number;
  keyStart?: number;
  keyEnd?: number;
  exact: boolean;
}

interface Span {
  start: number;
  end: number;
  keyStart?: number;
  keyEnd?: number;
}

/** A JSON syntax error found by the scanner: offset in the text and a short message. */
export class JsonScanError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = "JsonScanError";
  }
}

function ancestorsOf(pointers: readonly string[]): Set<string> {
  const wanted = new Set<string>([""]);
  for (const pointer of pointers) {
    let segments: string[];
    try {
      segments = parsePointer(pointer);
    } catch {
      continue;
    }
    let prefix = "";
    for (const segment of segments) {
      prefix += "/" + escapePointerToken(segment);
      wanted.add(prefix);
    }
  }
  return wanted;
}

function resolve(pointers: readonly string[], spans: Map<string, Span>): Map<string, PointerRange> {
  const out = new Map<string, PointerRange>();
  for (const pointer of pointers) {
    let segments: string[];
    try {
      segments = parsePointer(pointer);
    } catch {
      continue;
    }
    let best = spans.get("");
    let exact = true;
    let prefix = "";
    for (const segment of segments) {
      prefix += "/" + escapePointerToken(segment);
      const span = spans.get(prefix);
      if (!span) {
        exact = false;
        break;
      }
      best = span;
    }
    if (best) out.set(pointer, { ...best, exact });
  }
  return out;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WS = new Uint8Array(128);
for (const c of [0x20, 0x09, 0x0a, 0x0d]) WS[c] = 1;

/**
 * One pass over JSON text that validates it strictly (RFC 8259) and records the spans of the values whose
 * pointers are in `wanted` (and their keys). Values outside `wanted` are still checked but not recorded, so
 * resolving many diagnostics on a 1 MB text costs one scan, not one per pointer.
 */
class JsonScanner {
  private pos = 0;
  readonly spans = new Map<string, Span>();

  constructor(
    private readonly text: string,
    private readonly wanted: Set<string> | null,
  ) {}

  run(): void {
    if (this.text.charCodeAt(0) === 0xfeff) this.pos = 1;
    this.ws();
    this.value("", true, undefined, undefined);
    this.ws();
    if (this.pos < this.text.length) this.fail("Unexpected text after the end of the JSON value");
  }

  private fail(message: string): never {
    throw new JsonScanError(message, Math.min(this.pos, this.text.length));
  }

  private ws(): void {
    const text = this.text;
    let pos = this.pos;
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c < 128 && WS[c] === 1) pos++;
      else break;
    }
    this.pos = pos;
  }

  private value(
    pointer: string,
    record: boolean,
    keyStart: number | undefined,
    keyEnd: number | undefined,
  ): void {
    const start = this.pos;
    const c = this.text.charCodeAt(start);
    if (c === 0x7b) this.object(pointer, record);
    else if (c === 0x5b) this.array(pointer, record);
    else if (c === 0x22) this.string();
    else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) this.number();
    else if (this.text.startsWith("true", start)) this.pos += 4;
    else if (this.text.startsWith("false", start)) this.pos += 5;
    else if (this.text.startsWith("null", start)) this.pos += 4;
    else if (start >= this.text.length) this.fail("Unexpected end of text: a value is missing");
    else this.fail(`Unexpected character ${JSON.stringify(this.text[start])}: a value is expected`);
    if (record) {
      const span: Span = { start, end: this.pos };
      if (keyStart !== undefined && keyEnd !== undefined) {
        span.keyStart = keyStart;
        span.keyEnd = keyEnd;
      }
      this.spans.set(pointer, span);
    }
  }

  private object(pointer: string, record: boolean): void {
    this.pos++; // {
    this.ws();
    if (this.text.charCodeAt(this.pos) === 0x7d) {
      this.pos++;
      return;
    }
    for (;;) {
      if (this.text.charCodeAt(this.pos) !== 0x22) this.fail("Expected a property name in double quotes");
      const keyStart = this.pos;
      const hasEscape = this.string();
      const keyEnd = this.pos;
      this.ws();
      if (this.text.charCodeAt(this.pos) !== 0x3a) this.fail("Expected ':' after the property name");
      this.pos++;
      this.ws();
      let childRecord = false;
      let childPointer = "";
      if (record && this.wanted) {
        const raw = this.text.slice(keyStart + 1, keyEnd - 1);
        const key = hasEscape ? (JSON.parse(this.text.slice(keyStart, keyEnd)) as string) : raw;
        childPointer = pointer + "/" + escapePointerToken(key);
        childRecord = this.wanted.has(childPointer);
      }
      this.value(childPointer, childRecord, keyStart, keyEnd);
      this.ws();
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x2c) {
        this.pos++;
        this.ws();
        continue;
      }
      if (c === 0x7d) {
        this.pos++;
        return;
      }
      this.fail(
        this.pos >= this.text.length ? "Unexpected end of text: '}' is missing" : "Expected ',' or '}'",
      );
    }
  }

  private array(pointer: string, record: boolean): void {
    this.pos++; // [
    this.ws();
    if (this.text.charCodeAt(this.pos) === 0x5d) {
      this.pos++;
      return;
    }
    for (let index = 0; ; index++) {
      let childRecord = false;
      let childPointer = "";
      if (record && this.wanted) {
        childPointer = pointer + "/" + index;
        childRecord = this.wanted.has(childPointer);
      }
      this.value(childPointer, childRecord, undefined, undefined);
      this.ws();
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x2c) {
        this.pos++;
        this.ws();
        continue;
      }
      if (c === 0x5d) {
        this.pos++;
        return;
      }
      this.fail(
        this.pos >= this.text.length ? "Unexpected end of text: ']' is missing" : "Expected ',' or ']'",
      );
    }
  }

  /** Scans a string starting at the opening quote; returns whether it had escapes. */
  private string(): boolean {
    const text = this.text;
    let pos = this.pos + 1;
    let escaped = false;
    for (;;) {
      if (pos >= text.length) {
        this.pos = pos;
        this.fail("Unexpected end of text inside a string: '\"' is missing");
      }
      const c = text.charCodeAt(pos);
      if (c === 0x22) break;
      if (c === 0x5c) {
        escaped = true;
        const next = text.charCodeAt(pos + 1);
        if (next === 0x75) {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
            this.pos = pos;
            this.fail("Invalid \\u escape in a string");
          }
          pos += 6;
          continue;
        }
        if ('"\\/bfnrt'.includes(text[pos + 1] ?? "")) {
          pos += 2;
          continue;
        }
        this.pos = pos;
        this.fail("Invalid escape in a string");
      }
      if (c < 0x20) {
        this.pos = pos;
        this.fail(
          c === 0x0a || c === 0x0d
            ? "Line break inside a string: '\"' is missing"
            : "Control character in a string",
        );
      }
      pos++;
    }
    this.pos = pos + 1;
    return escaped;
  }

  private number(): void {
    NUMBER.lastIndex = this.pos;
    const found = NUMBER.exec(this.text);
    if (!found || found[0] === "-") this.fail("Invalid number");
    this.pos += found[0].length;
  }
}

/**
 * Finds the text ranges of JSON pointers in JSON text with one scan. Pointers that do not exist map to their
 * deepest existing ancestor (`exact: false`). Throws {@link JsonScanError} when the text is not valid JSON.
 *
 * @example jsonPointerRanges('{"a": {"b": 1}}', ["/a/b"]).get("/a/b") // { start: 12, end: 13, keyStart: 7, keyEnd: 10, exact: true }
 */
export function jsonPointerRanges(text: string, pointers: readonly string[]): Map<string, PointerRange> {
  const scanner = new JsonScanner(text, ancestorsOf(pointers));
  scanner.run();
  return resolve(pointers, scanner.spans);
}

/** The range of one pointer in JSON text, or null when the text is not valid JSON. */
export function jsonPointerRange(text: string, pointer: string): PointerRange | null {
  try {
    return jsonPointerRanges(text, [pointer]).get(pointer) ?? null;
  } catch (error) {
    if (error instanceof JsonScanError) return null;
    throw error;
  }
}

/**
 * Checks JSON text strictly and returns the first syntax error (offset and message), or null when it is
 * valid. Used to place the error when the parser's message has no line and column.
 */
export function findJsonSyntaxError(text: string): { offset: number; message: string } | null {
  try {
    new JsonScanner(text, null).run();
    return null;
  } catch (error) {
    if (error instanceof JsonScanError) return { offset: error.offset, message: error.message };
    throw error;
  }
}

/**
 * Finds the text ranges of JSON pointers in YAML text, from the `yaml` package's AST node ranges.
 * Pointers that do not exist map to their deepest existing ancestor. Returns an empty map when the YAML
 * has errors.
 */
export function yamlPointerRanges(text: string, pointers: readonly string[]): Map<string, PointerRange> {
  const doc = parseDocument(text, { keepSourceTokens: false, uniqueKeys: false });
  const out = new Map<string, PointerRange>();
  if (doc.errors.length > 0 || !doc.contents) return out;
  const root = doc.contents as YamlNode;
  for (const pointer of pointers) {
    let segments: string[];
    try {
      segments = parsePointer(pointer);
    } catch {
      continue;
    }
    let node: YamlNode = root;
    let best: Span = rangeOf(node);
    let exact = true;
    for (const segment of segments) {
      let next: { value: YamlNode; key?: YamlNode } | null = null;
      if (isMap(node)) {
        // The last occurrence wins, as with duplicate keys in the parser.
        for (let i = node.items.length - 1; i >= 0; i--) {
          const pair = node.items[i];
          if (!isPair(pair)) continue;
          const key = pair.key as YamlNode | null;
          const keyValue = isScalar(key) ? String(key.value) : null;
          if (keyValue === segment && pair.value) {
            next = { value: pair.value as YamlNode, key: key as YamlNode };
            break;
          }
        }
      } else if (isSeq(node) && /^(0|[1-9]\d*)$/.test(segment)) {
        const item = node.items[Number(segment)];
        if (item) next = { value: item as YamlNode };
      }
      if (!next) {
        exact = false;
        break;
      }
      node = next.value;
      best = rangeOf(node);
      if (next.key?.range) {
        best.keyStart = next.key.range[0];
        best.keyEnd = next.key.range[1];
      }
    }
    out.set(pointer, { ...best, exact });
  }
  return out;
}

function rangeOf(node: YamlNode): Span {
  const range = node.range;
  if (!range) return { start: 0, end: 0 };
  return { start: range[0], end: range[1] };
}

/** 1-based line and column of an offset (columns count UTF-16 code units, as Monaco does). */
export function offsetToLineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const limit = Math.min(offset, text.length);
  for (let i = text.indexOf("\n"); i !== -1 && i < limit; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: limit - lineStart + 1 };
}
