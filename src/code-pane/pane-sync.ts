import type { JsonValue } from "../model/json-value";
import { getAtPointer } from "../model/json-pointer";
import type { SwaggerDocument } from "../model/swagger-types";
import { stringifyJson } from "../model/text/json-text";
import { stringifyYaml } from "../model/text/yaml-text";
import {
  findChangedContainer,
  indentLike,
  outlineJson,
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
  let replacement: ContainerNode | null;
  try {
    replacement = outlineJson(serialised, target.start);
  } catch {
    return null;
  }
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
