import type { Diagnostic, DiagnosticFile, Severity } from "../model/diagnostic";
import type { JsonValue } from "../model/json-value";
import { getAtPointer, setAtPointer } from "../model/json-pointer";
import type { SwaggerDocument } from "../model/swagger-types";
import { parseJsonText, stringifyJson } from "../model/text/json-text";
import type { PointerRange } from "../model/text/pointer-range";
import { stringifyYaml } from "../model/text/yaml-text";
import {
  findChangedContainer,
  findEnclosingContainer,
  indentLike,
  tryOutlineJson,
  pointerOfPath,
  type ContainerNode,
} from "./json-structure";
import { minimalEdit, type TextEdit } from "./text-diff";

export type SwaggerFormat = "json" | "yaml";

/** The whole text of a definition as the Swagger editor shows it. */
export function serialiseDefinition(definition: SwaggerDocument, format: SwaggerFormat): string {
  return format === "json" ? stringifyJson(definition, 4) : stringifyYaml(definition);
}

/** A change confined to one object or array of the JSON text, and how the outline follows it. */
export interface BranchEdit {
  /** One replacement of the synced text (offsets of the whole text); null when the text stays the same. */
  edit: TextEdit | null;
  /** The outline's path to the re-serialised container, its new outline and the change in length. */
  path: ContainerNode[];
  replacement: ContainerNode;
  delta: number;
}

/**
 * A change from elsewhere in the JSON text: re-serialises only the innermost object or array that holds
 * every change between `before` and `after` (found by identity, since edits share unchanged branches),
 * indented where it stands, and diffs only that slice. The result is exactly the text a whole
 * re-serialisation of `after` gives, at the cost of the changed subtree. Null when the change is not
 * confined to one container below the root (then the caller serialises everything): YAML, a change of the
 * root's own keys, a primitive replaced by a container.
 */
export function changedBranchEdit(
  before: SwaggerDocument,
  after: SwaggerDocument,
  syncedText: string,
  outline: ContainerNode,
  format: SwaggerFormat,
): BranchEdit | null {
  if (format !== "json") return null;
  const path = findChangedContainer(before, after, outline);
  const target = path[path.length - 1];
  if (!target || path.length < 2) return null;
  const value = getAtPointer(after, pointerOfPath(path));
  if (typeof value !== "object" || value === null) return null;
  const serialised = indentLike(stringifyJson(value as JsonValue, 4), syncedText, target.start);
  const oldSlice = syncedText.slice(target.start, target.end);
  const replacement = tryOutlineJson(serialised, target.start);
  if (!replacement) return null;
  const local = minimalEdit(oldSlice, serialised);
  return {
    edit: local
      ? { start: target.start + local.start, end: target.start + local.end, text: local.text }
      : null,
    path,
    replacement,
    delta: serialised.length - oldSlice.length,
  };
}

/** `text` with one edit applied. */
export function applyTextEdit(text: string, edit: TextEdit | null): string {
  return edit ? text.slice(0, edit.start) + edit.text + text.slice(edit.end) : text;
}

/** A user's edit confined to one object or array: the definition it gives and how the outline follows. */
export interface ParsedBranch {
  definition: SwaggerDocument;
  path: ContainerNode[];
  replacement: ContainerNode;
  delta: number;
}

/**
 * The text → definition direction of {@link changedBranchEdit}: re-parses only the innermost object or array
 * around the edit between `syncedText` and `text`, and puts it into `base` at its pointer (every other branch
 * shared). Null when that is not possible (the caller then parses the whole text): an edit that is not inside
 * one container below the root, a slice that does not parse or has duplicate keys (whose notes need lines of
 * the whole text), or a container that changed between object and array. Sound because the text outside that
 * container is unchanged and the container's old text was one complete value at the same pointer.
 */
export function parsedBranch(
  base: SwaggerDocument,
  syncedText: string,
  outline: ContainerNode,
  text: string,
  file: DiagnosticFile,
): ParsedBranch | null {
  const edit = minimalEdit(syncedText, text);
  if (!edit) return null;
  const path = findEnclosingContainer(outline, edit.start, edit.end);
  const target = path[path.length - 1];
  if (!target || path.length < 2) return null;
  const delta = edit.text.length - (edit.end - edit.start);
  const slice = text.slice(target.start, target.end + delta);
  const outcome = parseJsonText(slice, file);
  if (!outcome.ok || outcome.notes.length > 0) return null;
  const pointer = pointerOfPath(path);
  const previous = getAtPointer(base, pointer);
  if (Array.isArray(previous) !== Array.isArray(outcome.value) || typeof previous !== "object") return null;
  const replacement = tryOutlineJson(slice, target.start);
  if (!replacement) return null;
  return { definition: setAtPointer(base, pointer, outcome.value), path, replacement, delta };
}

/** One marker of the Swagger editor: offsets in its text. */
export interface MarkerPlace {
  severity: Severity;
  message: string;
  ruleId: string;
  start: number;
  end: number;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * The markers for a file's diagnostics: the `max` most severe (every marker is a decoration Monaco
 * re-examines while rendering; the Validation list has them all), each on its key where the range has one and
 * kept to the key's first line (a marker on a whole object would paint hundreds of lines). `rangesOf` finds the
 * ranges of the chosen diagnostics' pointers in `text`; a diagnostic without a range gets no marker.
 */
export function markerPlaces(
  diagnostics: readonly Diagnostic[],
  file: DiagnosticFile,
  max: number,
  text: string,
  rangesOf: (pointers: string[]) => ReadonlyMap<string, PointerRange>,
): MarkerPlace[] {
  const chosen = diagnostics
    .filter((d) => d.file === file)
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])
    .slice(0, max);
  if (chosen.length === 0) return [];
  const ranges = rangesOf([...new Set(chosen.map((d) => d.path))]);
  const places: MarkerPlace[] = [];
  for (const diagnostic of chosen) {
    const range = ranges.get(diagnostic.path);
    if (!range) continue;
    const start = range.keyStart ?? range.start;
    let end = range.keyEnd ?? range.end;
    let lineEnd = text.indexOf("\n", start);
    if (lineEnd >= 0 && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    if (lineEnd >= 0 && end > lineEnd) end = lineEnd;
    places.push({
      severity: diagnostic.severity,
      message: diagnostic.message,
      ruleId: diagnostic.ruleId,
      start,
      end,
    });
  }
  return places;
}
