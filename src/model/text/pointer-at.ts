import { isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode } from "yaml";
import { escapePointerToken, parsePointer, toPointer } from "../json-pointer";
import { HTTP_METHODS } from "../swagger-types";

const WS = new Uint8Array(128);
for (const c of [0x20, 0x09, 0x0a, 0x0d]) WS[c] = 1;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Stop extends Error {}

/**
 * The JSON pointer of the deepest value whose text holds `offset`: an object member counts from its key to
 * the end of its value, so a cursor on `"operationId": "X"` gives `…/operationId` and one on the line
 * `"get": {` gives `…/get`. Between members (or on a bracket) the container itself is the answer. Scans only
 * up to `offset` (plus the value it lands in). Returns null when the text is not valid JSON there.
 *
 * @example jsonPointerAt('{"a": {"b": 1}}', 8) // "/a/b"
 */
export function jsonPointerAt(text: string, offset: number): string | null {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let found: string | null = null;
  const fail = (): never => {
    throw new Stop();
  };
  const ws = () => {
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c < 128 && WS[c] === 1) pos++;
      else break;
    }
  };
  const string = (decode: boolean): string => {
    const start = pos;
    let p = pos + 1;
    let escaped = false;
    for (;;) {
      if (p >= text.length) fail();
      const c = text.charCodeAt(p);
      if (c === 0x22) break;
      if (c === 0x5c) {
        escaped = true;
        p += text.charCodeAt(p + 1) === 0x75 ? 6 : 2;
        continue;
      }
      p++;
    }
    pos = p + 1;
    if (!decode) return "";
    const raw = text.slice(start, pos);
    if (!escaped) return raw.slice(1, -1);
    try {
      return JSON.parse(raw) as string;
    } catch {
      return fail();
    }
  };
  // `pointer` is the value's; `from` is where its member starts (its key), so that the key line counts.
  const value = (pointer: string, from: number): void => {
    const c = text.charCodeAt(pos);
    if (from <= offset) found = pointer;
    if (c === 0x7b || c === 0x5b) {
      const close = c === 0x7b ? 0x7d : 0x5d;
      pos++;
      ws();
      if (text.charCodeAt(pos) === close) {
        pos++;
        return;
      }
      for (let index = 0; ; index++) {
        const memberStart = lineStartBefore(text, pos);
        // Past the offset: the answer is known, the rest need not be read.
        if (memberStart > offset) throw new Stop();
        let token = String(index);
        if (c === 0x7b) {
          if (text.charCodeAt(pos) !== 0x22) fail();
          token = string(true);
          ws();
          if (text.charCodeAt(pos) !== 0x3a) fail();
          pos++;
          ws();
        }
        const before = found;
        value(pointer + "/" + escapePointerToken(token), memberStart);
        // A member that ended before the offset does not hold it (right after its value still does).
        if (pos < offset) found = before;
        ws();
        const next = text.charCodeAt(pos);
        if (next === 0x2c) {
          pos++;
          ws();
          continue;
        }
        if (next === close) {
          pos++;
          return;
        }
        fail();
      }
    }
    if (c === 0x22) string(false);
    else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      NUMBER.lastIndex = pos;
      const match = NUMBER.exec(text);
      if (!match) fail();
      else pos += match[0].length;
    } else if (text.startsWith("true", pos)) pos += 4;
    else if (text.startsWith("false", pos)) pos += 5;
    else if (text.startsWith("null", pos)) pos += 4;
    else fail();
  };
  try {
    ws();
    if (pos > offset) return "";
    value("", pos);
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    // Stopped early (past the offset) keeps what was found; a syntax error before the offset does not.
    if (pos <= offset) return null;
  }
  return found;
}

/** Where a member starts for the cursor: its line's start when only indentation comes before it there. */
function lineStartBefore(text: string, start: number): number {
  let p = start;
  while (p > 0 && (text.charCodeAt(p - 1) === 0x20 || text.charCodeAt(p - 1) === 0x09)) p--;
  const c = text.charCodeAt(p - 1);
  return p === 0 || c === 0x0a || c === 0x0d ? p : start;
}

/**
 * {@link jsonPointerAt} for YAML text, from the `yaml` package's node ranges (a mapping pair counts from its
 * key). Returns null when the YAML has errors.
 */
export function yamlPointerAt(text: string, offset: number): string | null {
  const doc = parseDocument(text, { keepSourceTokens: false, uniqueKeys: false });
  if (doc.errors.length > 0 || !doc.contents) return null;
  const segments: string[] = [];
  let node = doc.contents as YamlNode;
  for (;;) {
    let next: YamlNode | null = null;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as YamlNode | null;
        const value = pair.value as YamlNode | null;
        const start = key?.range?.[0] ?? value?.range?.[0];
        const end = value?.range?.[1] ?? key?.range?.[1];
        if (start === undefined || end === undefined || offset < start || offset >= end) continue;
        segments.push(isScalar(key) ? String(key.value) : "");
        next = value;
        break;
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const range = (item as YamlNode | null)?.range;
        if (next === null && range && offset >= range[0] && offset < range[1]) {
          segments.push(String(index));
          next = item as YamlNode;
        }
      });
    }
    if (!next) break;
    node = next;
  }
  return toPointer(segments);
}

/** What a step can show for a place in the definition: the item a pointer belongs to. */
export type DefinitionItemKind =
  | "operation"
  | "parameter"
  | "response"
  | "definition"
  | "shared-parameter"
  | "shared-response"
  | "security"
  | "setting";

export interface DefinitionItem {
  kind: DefinitionItemKind;
  pointer: string;
}

const METHODS: readonly string[] = HTTP_METHODS;
const SETTINGS = new Set([
  "host",
  "basePath",
  "schemes",
  "consumes",
  "produces",
  "security",
  "x-ms-connector-metadata",
]);

/**
 * The item a step can show that holds a pointer of `apiDefinition.swagger.json`: an operation's parameter
 * or response, the operation, a definition, a shared parameter or response, a security definition (or its
 * field), or a General setting (`/info/title`, `/host`, `/x-ms-connector-metadata`…). Null for places no
 * step shows on their own.
 *
 * @example definitionItemOf("/paths/~1pets/get/responses/200/schema") // { kind: "response", pointer: "/paths/~1pets/get/responses/200" }
 */
export function definitionItemOf(pointer: string): DefinitionItem | null {
  let segments: string[];
  try {
    segments = parsePointer(pointer);
  } catch {
    return null;
  }
  const [top, second, third, fourth, fifth] = segments;
  if (top === "paths" && second !== undefined && third !== undefined && METHODS.includes(third)) {
    const operation = toPointer(["paths", second, third]);
    if (fourth === "parameters" && fifth !== undefined && /^\d+$/.test(fifth))
      return { kind: "parameter", pointer: `${operation}/parameters/${fifth}` };
    if (fourth === "responses" && fifth !== undefined)
      return { kind: "response", pointer: `${operation}/responses/${escapePointerToken(fifth)}` };
    return { kind: "operation", pointer: operation };
  }
  if (top !== undefined && SETTINGS.has(top)) return { kind: "setting", pointer: `/${top}` };
  if (second === undefined) return null;
  const item = `/${escapePointerToken(top ?? "")}/${escapePointerToken(second)}`;
  if (top === "definitions") return { kind: "definition", pointer: item };
  if (top === "parameters") return { kind: "shared-parameter", pointer: item };
  if (top === "responses") return { kind: "shared-response", pointer: item };
  // The Security step is a form: a scheme's field (its `name`, `in`, `tokenUrl`…) is what it can show.
  if (top === "securityDefinitions")
    return { kind: "security", pointer: toPointer(segments.slice(0, third === undefined ? 2 : 3)) };
  if (top === "info") {
    // Contact and licence are objects of their own; their fields are settings too.
    return { kind: "setting", pointer: toPointer(segments.slice(0, third === undefined ? 2 : 3)) };
  }
  return null;
}
