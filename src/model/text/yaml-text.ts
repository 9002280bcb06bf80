import { CORE_SCHEMA, dump, load, type LoaderState } from "js-yaml";
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, type Document } from "yaml";
import type { TextProblem } from "../diagnostic";
import { KEY_ORDER, orderedKeys, type JsonObject, type JsonValue } from "../json-value";
import { MAX_DEPTH } from "./json-exact";
import { parseJsonText, type ParseOutcome } from "./json-text";

/**
 * YAML in and out, for Swagger and OpenAPI files written in YAML and for the Swagger editor's YAML view.
 *
 * Parser choice, measured on the corpus YAML files (openapi/*.yaml, 4.5 MB; `npm run bench -- … --only
 * roundtrip` prints it): js-yaml 4 is about 10-20× faster than `yaml` 2 (the 3 MB OpenAI file: ~0.15-0.4 s
 * against ~0.8-5 s here), and it also reads the Docker spec that `yaml` refuses. So js-yaml (YAML 1.2 core
 * schema, as JSON-compatible as YAML gets) does the work; a load listener records each mapping's keys in
 * source order, which gives duplicate keys (the last wins, a note names line and column) and the source
 * order of integer-like keys (kept in {@link KEY_ORDER}). When the listener's record does not match the
 * parsed value exactly (explicit `? key` entries, complex keys), the `yaml` package parses the file instead,
 * from its syntax tree. Output uses js-yaml's dumper; objects with a KEY_ORDER are presented to it through a
 * proxy that lists their keys in source order.
 */

interface KeyRecord {
  key: string;
  position: number;
  line: number;
  column: number;
}

/** The keys met so far in one open mapping, in source order, with where each starts. */
interface KeyList {
  keys: string[];
  positions: number[];
  lines: number[];
  columns: number[];
}

/** Values reached through YAML aliases may not expand to more than this many nodes. */
const MAX_EXPANDED_NODES = 2_000_000;

/**
 * Parses YAML (1.2, core schema) into JSON values. Errors name line and column (1-based; CRLF is one line
 * break). Duplicate keys: the last value wins and a note says so. Key order is kept, also for integer-like
 * keys. Never throws.
 */
export function parseYamlText(text: string, file: string): ParseOutcome<JsonValue> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") {
    return { ok: false, problem: { file, line: 1, column: 1, message: "The file is empty" } };
  }
  // Per open node (by loader depth): where it starts, and the keys of its entries once it is a mapping.
  // Plain arrays indexed by depth and reused, so the listener allocates only for keys.
  const startPos: number[] = [];
  const startLine: number[] = [];
  const startColumn: number[] = [];
  const keyLists: (KeyList | null)[] = [];
  /** Whether the node is an explicit key (`? key`), which is followed by a line break rather than ':'. */
  const explicitKey: boolean[] = [];
  const duplicates: KeyRecord[] = [];
  let uncertain = false;
  let loaderState: LoaderState | null = null;

  const listener = (event: "open" | "close", state: LoaderState): void => {
    loaderState = state;
    const depth = state.depth;
    if (event === "open") {
      startPos[depth] = state.position;
      startLine[depth] = state.line;
      startColumn[depth] = state.position - state.lineStart;
      keyLists[depth] = null;
      const before = state.input.charCodeAt(state.position - 1);
      const after = state.input.charCodeAt(state.position);
      explicitKey[depth] =
        before === 63 && (after === 32 || after === 9 || after === 10 || after === 13 || Number.isNaN(after));
      return;
    }
    const result = state.result;
    if (state.kind === "mapping" && typeof result === "object" && result !== null && !Array.isArray(result)) {
      if (!checkMapping(keyLists[depth] ?? null, result as JsonObject, duplicates)) uncertain = true;
      keyLists[depth] = null;
    }
    // Is this node the key of an entry in the enclosing mapping (the next character on its line is ':')?
    const input = state.input;
    let p = state.position;
    let c = input.charCodeAt(p);
    while (c === 32 || c === 9) c = input.charCodeAt(++p);
    if ((c === 58 || explicitKey[depth] === true) && depth > 1) {
      let list = keyLists[depth - 1];
      if (!list) list = keyLists[depth - 1] = { keys: [], positions: [], lines: [], columns: [] };
      list.keys.push(typeof result === "string" ? result : keyString(result));
      list.positions.push(startPos[depth] as number);
      list.lines.push(startLine[depth] as number);
      list.columns.push(startColumn[depth] as number);
    }
  };

  let value: unknown;
  try {
    value = load(body, { schema: CORE_SCHEMA, json: true, maxDepth: MAX_DEPTH, listener });
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const reason = (error as { reason?: string }).reason;
    if (mark && typeof reason === "string") {
      return {
        ok: false,
        problem: { file, line: mark.line + 1, column: mark.column + 1, message: plainYamlMessage(reason) },
      };
    }
    // No position from js-yaml (e.g. several documents in one file): ask the other parser for one.
    const message = error instanceof Error ? error.message : String(error);
    const other = parseWithYamlPackage(body, file);
    if (!other.ok) {
      if (/single document/.test(message)) {
        other.problem.message =
          "The file holds more than one YAML document (separated by '---'); a definition must be one document";
      }
      return other;
    }
    return { ok: false, problem: { file, message: plainYamlMessage(message) } };
  }
  if (uncertain) return parseWithYamlPackage(body, file);
  const anchors = (loaderState as LoaderState | null)?.anchorMap;
  if (anchors && Object.keys(anchors).length > 0) {
    const problem = checkAliasExpansion(value as JsonValue, file);
    if (problem) return { ok: false, problem };
  }
  const notes: TextProblem[] = duplicates.map((dup) => ({
    file,
    line: dup.line + 1,
    column: dup.column + 1,
    message: `Duplicate key "${dup.key}": only its last value is kept`,
  }));
  return { ok: true, value: (value === undefined ? null : value) as JsonValue, notes };
}

/** Records duplicates and the source key order of one mapping; false when the record does not match. */
function checkMapping(list: KeyList | null, result: JsonObject, duplicates: KeyRecord[]): boolean {
  const natural = Object.keys(result);
  const keys = list ? list.keys : [];
  if (keys.length === natural.length) {
    let same = true;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] !== natural[i]) {
        same = false;
        break;
      }
    }
    if (same) return true; // the common case: no duplicates, JavaScript keeps the source order
  }
  if (!list) return natural.length === 0;
  const first = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const seen = first.get(key);
    if (seen === undefined) first.set(key, i);
    else if (list.positions[seen] !== list.positions[i]) {
      duplicates.push({
        key,
        position: list.positions[i] as number,
        line: list.lines[i] as number,
        column: list.columns[i] as number,
      });
    }
  }
  if (natural.length !== first.size) return false;
  for (const key of first.keys()) if (!Object.prototype.hasOwnProperty.call(result, key)) return false;
  const order = [...first.keys()];
  if (order.some((k, i) => k !== natural[i])) {
    (result as { [KEY_ORDER]?: readonly string[] })[KEY_ORDER] = order;
  }
  return true;
}

function keyString(key: unknown): string {
  if (typeof key === "object" && key !== null && !Array.isArray(key)) return "[object Object]";
  return String(key);
}

function plainYamlMessage(reason: string): string {
  if (/exceeded maxDepth/.test(reason)) return `The YAML is nested more than ${MAX_DEPTH} levels deep`;
  const text = reason.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, "").trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Refuses recursive aliases and alias "bombs" (a few lines that expand to millions of nodes). */
function checkAliasExpansion(value: JsonValue, file: string): TextProblem | null {
  const sizes = new Map<object, number>();
  const active = new Set<object>();
  const sizeOf = (v: JsonValue | undefined): number => {
    if (typeof v !== "object" || v === null) return 1;
    const known = sizes.get(v);
    if (known !== undefined) return known;
    if (active.has(v)) throw new RangeError("recursive");
    active.add(v);
    let total = 1;
    const items: (JsonValue | undefined)[] = Array.isArray(v) ? v : Object.values(v);
    for (const item of items) {
      total += sizeOf(item);
      if (total > MAX_EXPANDED_NODES) break;
    }
    active.delete(v);
    sizes.set(v, total);
    return total;
  };
  try {
    if (sizeOf(value) > MAX_EXPANDED_NODES) {
      return {
        file,
        message: "The YAML aliases expand to more than two million values; the file is refused",
      };
    }
  } catch {
    return {
      file,
      message: "A YAML alias refers to a node that contains it; such a loop cannot become JSON",
    };
  }
  return null;
}

/** The exact but slower path: the `yaml` package's syntax tree, converted with key order and duplicates. */
export function parseWithYamlPackage(text: string, file: string): ParseOutcome<JsonValue> {
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, {
      lineCounter,
      uniqueKeys: false,
      schema: "core",
      version: "1.2",
      prettyErrors: false,
    });
  } catch (error) {
    return { ok: false, problem: { file, message: error instanceof Error ? error.message : String(error) } };
  }
  const error = doc.errors[0];
  if (error) {
    const at = lineCounter.linePos(error.pos[0]);
    return {
      ok: false,
      problem: { file, line: at.line, column: at.col, message: plainYamlMessage(error.message) },
    };
  }
  const notes: TextProblem[] = [];
  const converted = new Map<unknown, JsonValue>();
  const active = new Set<unknown>();
  const convert = (node: unknown): JsonValue => {
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (target === undefined) throw new YamlConvertError(`Unknown alias *${node.source}`);
      if (active.has(target)) throw new YamlConvertError("A YAML alias refers to a node that contains it");
      const done = converted.get(target);
      return done !== undefined ? done : convert(target);
    }
    if (isScalar(node)) {
      const v = node.value;
      if (typeof v === "bigint") return Number(v);
      if (v === undefined) return null;
      return v as JsonValue;
    }
    active.add(node);
    let out: JsonValue;
    if (isSeq(node)) {
      out = node.items.map((item) => convert(item));
    } else if (isMap(node)) {
      const obj: JsonObject = {};
      const order: string[] = [];
      for (const pair of node.items) {
        const keyValue = isScalar(pair.key) ? pair.key.value : pair.key === null ? null : convert(pair.key);
        const key = keyString(keyValue);
        const value = convert(pair.value);
        if (Object.prototype.hasOwnProperty.call(obj, key)) {
          const range = (pair.key as { range?: [number, number, number] } | null)?.range;
          const at = lineCounter.linePos(range ? range[0] : 0);
          notes.push({
            file,
            line: at.line,
            column: at.col,
            message: `Duplicate key "${key}": only its last value is kept`,
          });
        } else order.push(key);
        if (key === "__proto__") {
          Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
        } else obj[key] = value;
      }
      const natural = Object.keys(obj);
      if (natural.some((k, i) => k !== order[i])) {
        (obj as { [KEY_ORDER]?: readonly string[] })[KEY_ORDER] = order;
      }
      out = obj;
    } else {
      out = null;
    }
    active.delete(node);
    converted.set(node, out);
    return out;
  };
  try {
    const value = convert(doc.contents);
    const problem = checkAliasExpansion(value, file);
    if (problem) return { ok: false, problem };
    return { ok: true, value, notes };
  } catch (e) {
    if (e instanceof YamlConvertError) return { ok: false, problem: { file, message: e.message } };
    throw e;
  }
}

class YamlConvertError extends Error {}

/**
 * Serialises a JSON value as YAML (block style, 2-space indentation, no line folding, no anchors), keeping
 * key order, including the source order of integer-like keys recorded in {@link KEY_ORDER}.
 */
export function stringifyYaml(value: JsonValue): string {
  const input = hasKeyOrder(value, new Set()) ? orderedView(value, new WeakMap()) : value;
  return dump(input, { noRefs: true, lineWidth: -1, skipInvalid: true });
}

function hasKeyOrder(value: unknown, seen: Set<object>): boolean {
  if (typeof value !== "object" || value === null || seen.has(value)) return false;
  seen.add(value);
  if (!Array.isArray(value) && (value as { [KEY_ORDER]?: unknown })[KEY_ORDER] !== undefined) return true;
  const items: unknown[] = Array.isArray(value) ? value : Object.values(value);
  for (const item of items) if (hasKeyOrder(item, seen)) return true;
  return false;
}

/** A read-only view whose objects list their keys in source order (Object.keys on a proxy keeps trap order). */
function orderedView(value: unknown, views: WeakMap<object, object>): unknown {
  if (typeof value !== "object" || value === null) return value;
  const known = views.get(value);
  if (known) return known;
  const view = new Proxy(value, {
    ownKeys: (target) => (Array.isArray(target) ? Reflect.ownKeys(target) : orderedKeys(target)),
    get: (target, key) => {
      const item: unknown = Reflect.get(target, key);
      return typeof key === "string" ? orderedView(item, views) : item;
    },
  });
  views.set(value, view);
  return view;
}

export type StructuredFormat = "json" | "yaml";

/** A parse outcome and the format that was read. */
export type StructuredOutcome = ParseOutcome<JsonValue> & { format: StructuredFormat };

/**
 * Parses text that may be JSON or YAML: JSON when the first character that is not white space (after a BOM)
 * is `{` or `[`, YAML otherwise. Reports which format it read.
 */
export function parseStructuredText(text: string, file: string): StructuredOutcome {
  const format = detectFormat(text);
  const outcome = format === "json" ? parseJsonText(text, file) : parseYamlText(text, file);
  return { ...outcome, format };
}

/** JSON when the first non-space character (after a BOM) is `{` or `[`, else YAML. */
export function detectFormat(text: string): StructuredFormat {
  const match = /^\uFEFF?[ \t\r\n]*([{[])?/.exec(text);
  return match?.[1] ? "json" : "yaml";
}
