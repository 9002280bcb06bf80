import type { Command } from "../command";
import { escapePointerToken, parsePointer, toPointer } from "../json-pointer";
import { isJsonObject, type JsonObject, type JsonValue } from "../json-value";
import type { SwaggerDocument } from "../swagger-types";
import { operationOfPointer, renameKeyInPlace, type OperationLocation } from "./operations";

/** The three sections of shared, `$ref`-able things. */
export type ReferenceKind = "definitions" | "parameters" | "responses";
export const REFERENCE_KINDS: readonly ReferenceKind[] = ["definitions", "parameters", "responses"];

/** One place a reference is used. */
export interface ReferenceUsage {
  /** Pointer of the object holding the `$ref`. */
  pointer: string;
  /** The operation that owns the usage, when it is inside one. */
  operation: OperationLocation | null;
}

export interface ReferenceEntry {
  kind: ReferenceKind;
  name: string;
  pointer: string;
  usages: ReferenceUsage[];
}

/** Lists every shared definition, parameter and response with where each is used. */
export function listReferences(definition: SwaggerDocument): ReferenceEntry[] {
  const usages = new Map<string, ReferenceUsage[]>();
  collectRefs(definition, [], (ref, segments) => {
    const target = refTarget(ref);
    if (!target) return;
    const key = `${target.kind}/${target.name}`;
    const list = usages.get(key) ?? [];
    list.push({ pointer: toPointer(segments), operation: operationOfPointer(definition, segments) });
    usages.set(key, list);
  });
  const entries: ReferenceEntry[] = [];
  for (const kind of REFERENCE_KINDS) {
    const section = definition[kind];
    if (!isJsonObject(section)) continue;
    for (const name of Object.keys(section)) {
      entries.push({
        kind,
        name,
        pointer: toPointer([kind, name]),
        usages: usages.get(`${kind}/${name}`) ?? [],
      });
    }
  }
  return entries;
}

/** `#/definitions/Foo/properties/x` → { kind: definitions, name: Foo, rest: ["properties", "x"] }. */
export function refTarget(ref: string): { kind: ReferenceKind; name: string; rest: string[] } | null {
  if (!ref.startsWith("#/")) return null;
  let segments: string[];
  try {
    segments = parsePointer(ref);
  } catch {
    return null;
  }
  const [kind, name, ...rest] = segments;
  if (!kind || name === undefined || !(REFERENCE_KINDS as readonly string[]).includes(kind)) return null;
  return { kind: kind as ReferenceKind, name, rest };
}

function collectRefs(
  node: unknown,
  segments: string[],
  visit: (ref: string, segments: string[]) => void,
): void {
  // One shared segments stack (push/pop) keeps this walk cheap on 1 MB definitions.
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i += 1) {
      const item: unknown = node[i];
      if (typeof item !== "object" || item === null) continue;
      segments.push(String(i));
      collectRefs(item, segments, visit);
      segments.pop();
    }
    return;
  }
  if (!isJsonObject(node)) return;
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (key === "$ref" && typeof value === "string") visit(value, segments.slice());
    else if (typeof value === "object" && value !== null) {
      segments.push(key);
      collectRefs(value, segments, visit);
      segments.pop();
    }
  }
}

/**
 * Renames a shared definition, parameter or response in place (its position is kept) and rewrites every
 * `$ref` to it, including refs into its inner parts (`#/definitions/Foo/properties/bar`). No-op when the
 * new name is empty or taken.
 */
export function renameReference(kind: ReferenceKind, previous: string, next: string): Command {
  return {
    name: `definition:rename:${kind}`,
    label: "Rename reference",
    apply: (doc) => {
      const section = doc.definition[kind];
      if (!isJsonObject(section) || section[previous] === undefined) return doc;
      if (previous === next || next.trim() === "" || section[next] !== undefined) return doc;
      const renamedSection = renameKeyInPlace(section, previous, next);
      const base: SwaggerDocument = { ...doc.definition, [kind]: renamedSection };
      const definition = rewriteRefs(base, kind, previous, next) as SwaggerDocument;
      return { ...doc, definition };
    },
  };
}

function rewriteRefs(
  node: JsonValue | undefined,
  kind: ReferenceKind,
  previous: string,
  next: string,
): JsonValue | undefined {
  if (Array.isArray(node)) {
    let changed = false;
    const copy = node.map((item) => {
      const r = rewriteRefs(item, kind, previous, next) as JsonValue;
      if (r !== item) changed = true;
      return r;
    });
    return changed ? copy : node;
  }
  if (!isJsonObject(node)) return node;
  let copy: JsonObject | null = null;
  for (const key of Object.keys(node)) {
    const value = node[key];
    let replaced: JsonValue | undefined = value;
    if (key === "$ref" && typeof value === "string") {
      const target = refTarget(value);
      if (target && target.kind === kind && target.name === previous) {
        replaced = "#" + toPointer([kind, next, ...target.rest]);
      }
    } else if (typeof value === "object" && value !== null) {
      replaced = rewriteRefs(value, kind, previous, next);
    }
    if (replaced !== value) {
      copy ??= { ...node };
      copy[key] = replaced;
    }
  }
  return copy ?? node;
}

/** The `$ref` string pointing at a shared item. */
export function referenceRef(kind: ReferenceKind, name: string): string {
  return `#/${kind}/${escapePointerToken(name)}`;
}
