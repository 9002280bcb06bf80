import { escapePointerToken, parsePointer } from "../model/json-pointer";
import { orderedKeys } from "../model/json-value";
import { jsonPointerAt } from "../model/text/pointer-at";
import { JsonScanError, jsonPointerRanges, type PointerRange } from "./pointer-range";

/**
 * The objects and arrays of a JSON text with their spans (offsets, end exclusive) and their pointer token
 * in the parent (unescaped key, or index). The Swagger editor keeps this outline of the text it last
 * synced so that typing re-parses only the innermost object or array around the edit, not the whole 1 MB
 * document (see {@link findEnclosingContainer}).
 */
export interface ContainerNode {
  start: number;
  end: number;
  token: string;
  children: ContainerNode[];
}

const WS = new Uint8Array(128);
for (const c of [0x20, 0x09, 0x0a, 0x0d]) WS[c] = 1;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** {@link outlineJson}, or null also when the text is not valid JSON (callers then take the slow path). */
export function tryOutlineJson(text: string, offset = 0): ContainerNode | null {
  try {
    return outlineJson(text, offset);
  } catch {
    return null;
  }
}

/**
 * Scans JSON text strictly and returns the outline of its containers, or null when the top value is not
 * an object or array. Offsets are shifted by `offset` (to outline a slice of a larger text).
 * Throws {@link JsonScanError} when the text is not valid JSON.
 */
export function outlineJson(text: string, offset = 0): ContainerNode | null {
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (message: string): never => {
    throw new JsonScanError(message, offset + Math.min(pos, text.length));
  };
  const ws = () => {
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c < 128 && WS[c] === 1) pos++;
      else break;
    }
  };
  /** Scans a string at the opening quote; returns its decoded value only when `decode`. */
  const string = (decode: boolean): string => {
    const start = pos;
    let p = pos + 1;
    let escaped = false;
    for (;;) {
      const c = text.charCodeAt(p);
      if (p >= text.length) {
        pos = p;
        fail("Unexpected end of text inside a string");
      }
      if (c === 0x22) break;
      if (c === 0x5c) {
        escaped = true;
        p += text.charCodeAt(p + 1) === 0x75 ? 6 : 2;
        continue;
      }
      if (c < 0x20) {
        pos = p;
        fail("Control character or line break in a string");
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
      pos = start;
      return fail("Invalid escape in a string");
    }
  };
  const value = (token: string, parent: ContainerNode | null): ContainerNode | null => {
    const c = text.charCodeAt(pos);
    if (c === 0x7b || c === 0x5b) {
      const node: ContainerNode = { start: offset + pos, end: 0, token, children: [] };
      parent?.children.push(node);
      pos++;
      ws();
      const close = c === 0x7b ? 0x7d : 0x5d;
      if (text.charCodeAt(pos) === close) {
        pos++;
      } else {
        for (let index = 0; ; index++) {
          let childToken = String(index);
          if (c === 0x7b) {
            if (text.charCodeAt(pos) !== 0x22) fail("Expected a property name in double quotes");
            childToken = string(true);
            ws();
            if (text.charCodeAt(pos) !== 0x3a) fail("Expected ':' after the property name");
            pos++;
            ws();
          }
          value(childToken, node);
          ws();
          const next = text.charCodeAt(pos);
          if (next === 0x2c) {
            pos++;
            ws();
            continue;
          }
          if (next === close) {
            pos++;
            break;
          }
          fail(c === 0x7b ? "Expected ',' or '}'" : "Expected ',' or ']'");
        }
      }
      node.end = offset + pos;
      return node;
    }
    if (c === 0x22) string(false);
    else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      NUMBER.lastIndex = pos;
      const found = NUMBER.exec(text);
      if (!found || found[0] === "-") fail("Invalid number");
      else pos += found[0].length;
    } else if (text.startsWith("true", pos)) pos += 4;
    else if (text.startsWith("false", pos)) pos += 5;
    else if (text.startsWith("null", pos)) pos += 4;
    else fail("A value is expected");
    return null;
  };
  ws();
  const root = value("", null);
  ws();
  if (pos < text.length) fail("Unexpected text after the end of the JSON value");
  return root;
}

/**
 * The innermost container that holds the changed span `[start, end)` of the old text strictly inside:
 * its opening bracket before `start` and its closing bracket at or after `end`, so both brackets survive
 * the edit. Returns the path from the root to it.
 */
export function findEnclosingContainer(root: ContainerNode, start: number, end: number): ContainerNode[] {
  const path: ContainerNode[] = [];
  let node: ContainerNode | undefined = root;
  while (node && node.start < start && end <= node.end - 1) {
    path.push(node);
    const children: ContainerNode[] = node.children;
    // Children are in text order: binary search for the last one that opens before `start`.
    let lo = 0;
    let hi = children.length - 1;
    let candidate: ContainerNode | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const child = children[mid] as ContainerNode;
      if (child.start < start) {
        candidate = child;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    node = candidate;
  }
  return path;
}

/** The JSON pointer of a container path from {@link findEnclosingContainer} (the root's token is skipped). */
export function pointerOfPath(path: readonly ContainerNode[]): string {
  let pointer = "";
  for (let i = 1; i < path.length; i++) pointer += "/" + escapePointerToken((path[i] as ContainerNode).token);
  return pointer;
}

function shiftDeep(node: ContainerNode, delta: number): void {
  node.start += delta;
  node.end += delta;
  for (const child of node.children) shiftDeep(child, delta);
}

/**
 * Updates the outline in place after the last container of `path` was re-parsed: its subtree becomes
 * `replacement` (outlined from the new text, same start), and everything after it moves by `delta`.
 */
export function replaceInOutline(
  path: readonly ContainerNode[],
  replacement: ContainerNode,
  delta: number,
): void {
  const target = path[path.length - 1];
  if (!target) return;
  const oldEnd = target.end;
  target.children = replacement.children;
  target.end = replacement.end;
  for (let i = path.length - 2; i >= 0; i--) {
    const ancestor = path[i] as ContainerNode;
    ancestor.end += delta;
    for (const child of ancestor.children) {
      if (child !== path[i + 1] && child.start >= oldEnd) shiftDeep(child, delta);
    }
  }
}

/**
 * Resolves JSON pointers with the help of an outline of `text`: the outline leads to the deepest container
 * on the pointer's way, and only that container's text is scanned for the rest. Same results as
 * `jsonPointerRanges` on the whole text, at a fraction of the cost on a large document.
 */
export function outlinePointerRanges(
  text: string,
  outline: ContainerNode,
  pointers: readonly string[],
): Map<string, PointerRange> {
  const out = new Map<string, PointerRange>();
  for (const pointer of pointers) {
    let segments: string[];
    try {
      segments = parsePointer(pointer);
    } catch {
      continue;
    }
    let node = outline;
    let depth = 0;
    for (; depth < segments.length; depth++) {
      const token = segments[depth];
      // The last child with the token wins, as with duplicate keys in the parser.
      let next: ContainerNode | undefined;
      for (let i = node.children.length - 1; i >= 0; i--) {
        const child = node.children[i] as ContainerNode;
        if (child.token === token) {
          next = child;
          break;
        }
      }
      if (!next) break;
      node = next;
    }
    const slice = text.slice(node.start, node.end);
    const rest = "/" + segments.slice(depth).map(escapePointerToken).join("/");
    let range: PointerRange | undefined;
    if (depth === segments.length) {
      range = { start: node.start, end: node.end, exact: true, ...keySpanBefore(text, node.start) };
    } else {
      try {
        range = jsonPointerRanges(slice, [rest]).get(rest);
      } catch {
        range = undefined;
      }
      if (range) {
        const shifted: PointerRange = {
          start: range.start + node.start,
          end: range.end + node.start,
          exact: range.exact,
        };
        if (range.keyStart !== undefined && range.keyEnd !== undefined) {
          shifted.keyStart = range.keyStart + node.start;
          shifted.keyEnd = range.keyEnd + node.start;
        } else if (range.start === 0) {
          Object.assign(shifted, keySpanBefore(text, node.start));
        }
        range = shifted;
      }
    }
    if (range) out.set(pointer, range);
  }
  return out;
}

/** The span of the `"key"` in front of a member value starting at `valueStart` (none for array items). */
function keySpanBefore(text: string, valueStart: number): { keyStart?: number; keyEnd?: number } {
  let p = valueStart - 1;
  while (p >= 0 && /\s/.test(text[p] ?? "")) p--;
  if (text[p] !== ":") return {};
  p--;
  while (p >= 0 && /\s/.test(text[p] ?? "")) p--;
  if (text[p] !== '"') return {};
  const keyEnd = p + 1;
  p--;
  while (p >= 0 && !(text[p] === '"' && text[p - 1] !== "\\")) p--;
  return p >= 0 ? { keyStart: p, keyEnd } : {};
}

/**
 * Finds the container that holds everything that changed between two versions of a document that share
 * their unchanged branches (as every edit command produces): it descends while exactly one child differs
 * (by identity) and that child is an object or array in the outline. Returns the outline path (root
 * first); a path of length 1 means "the root" (serialise everything).
 */
export function findChangedContainer(
  before: unknown,
  after: unknown,
  outline: ContainerNode,
): ContainerNode[] {
  const path: ContainerNode[] = [outline];
  let a = before;
  let b = after;
  let node = outline;
  for (;;) {
    if (!a || !b || typeof a !== "object" || typeof b !== "object" || Array.isArray(a) !== Array.isArray(b))
      break;
    const keysA = Array.isArray(a) ? a.map((_, i) => String(i)) : orderedKeys(a);
    const keysB = Array.isArray(b) ? (b as unknown[]).map((_, i) => String(i)) : orderedKeys(b);
    if (keysA.length !== keysB.length) break;
    let changed: string | null = null;
    let several = false;
    for (let i = 0; i < keysA.length; i++) {
      const key = keysA[i] as string;
      if (key !== keysB[i]) {
        several = true;
        break;
      }
      if ((a as Record<string, unknown>)[key] !== (b as Record<string, unknown>)[key]) {
        if (changed !== null) {
          several = true;
          break;
        }
        changed = key;
      }
    }
    if (several || changed === null) break;
    let child: ContainerNode | undefined;
    for (let i = node.children.length - 1; i >= 0; i--) {
      if ((node.children[i] as ContainerNode).token === changed) {
        child = node.children[i];
        break;
      }
    }
    const nextA = (a as Record<string, unknown>)[changed];
    const nextB = (b as Record<string, unknown>)[changed];
    // Only an object/array on both sides can be re-serialised on its own (a primitive's raw lexeme lives in
    // its parent's side table).
    const isContainer = (v: unknown) => typeof v === "object" && v !== null;
    if (!child || !isContainer(nextA) || !isContainer(nextB)) break;
    path.push(child);
    node = child;
    a = nextA;
    b = nextB;
  }
  return path;
}

/** Indents every line but the first of a serialised value by the indentation of the line it starts on. */
export function indentLike(serialised: string, text: string, start: number): string {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  let indent = "";
  for (let p = lineStart; p < start && (text[p] === " " || text[p] === "\t"); p++) indent += text[p];
  return indent === "" ? serialised : serialised.replace(/\n/g, "\n" + indent);
}

/**
 * {@link jsonPointerAt} with the help of an outline of `text`: the outline leads to the innermost object or
 * array around the offset (a container counts from the start of the line its bracket is on, so the key
 * line `"get": {` belongs to the operation), and only that container's text is scanned for the rest.
 */
export function outlinePointerAt(text: string, outline: ContainerNode, offset: number): string | null {
  const path: ContainerNode[] = [outline];
  let node = outline;
  for (;;) {
    const children = node.children;
    // Children are in text order: the last one that starts (by its line) at or before the offset.
    let lo = 0;
    let hi = children.length - 1;
    let candidate: ContainerNode | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const child = children[mid] as ContainerNode;
      if (lineStartOf(text, child.start) <= offset) {
        candidate = child;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (!candidate || offset >= candidate.end) break;
    path.push(candidate);
    node = candidate;
  }
  const base = pointerOfPath(path);
  if (offset < node.start) return base;
  const inner = jsonPointerAt(text.slice(node.start, node.end), offset - node.start);
  return inner === null ? null : base + inner;
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}
