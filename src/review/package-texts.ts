import type { ConnectorDocument } from "../model/connector-document";
import { documentForWriting } from "../model/secrets";
import { stringifyJson } from "../model/text/json-text";
import { lineColumnAt } from "../model/text/line-index";
import { jsonPointerRange } from "../model/text/pointer-range";
import type { ConnectorChange } from "./diff-connectors";
import { generateReadme } from "./readme-generator";

/** The files of a package a reviewer reads side by side, in the order they are shown. */
export const DIFF_FILES = [
  "apiDefinition.swagger.json",
  "apiProperties.json",
  "script.csx",
  "README.md",
] as const;
export type DiffFile = (typeof DIFF_FILES)[number];

/**
 * The text of each file as Export writes it (4-space JSON in the source key order, client secrets left out),
 * so that a line in a side-by-side diff is the line of the pull request. `script.csx` is null when the
 * connector has no custom code; `README.md` is the one Export for certification generates.
 */
export function packageTexts(source: ConnectorDocument): Record<DiffFile, string | null> {
  const doc = documentForWriting(source).document;
  return {
    "apiDefinition.swagger.json": stringifyJson(doc.definition, 4),
    "apiProperties.json": stringifyJson(doc.properties, 4),
    "script.csx": doc.script,
    "README.md": generateReadme(doc, { independentPublisher: false }),
  };
}

/**
 * The 1-based line of a JSON pointer in a serialised file: the line of its key for an object member (what a
 * reviewer looks for), else of its value; the deepest existing ancestor's line when the pointer is not there
 * (a removed entry). Null when the text is not JSON.
 */
export function lineOfPointer(text: string, pointer: string): number | null {
  const range = jsonPointerRange(text, pointer);
  if (!range) return null;
  return lineColumnAt(text, range.keyStart ?? range.start).line;
}

/** Where a change shows in the two versions' texts: the file, and its line on each side (null: not there). */
export interface ChangeLocation {
  file: DiffFile;
  oldLine: number | null;
  newLine: number | null;
}

/**
 * Maps a row of the comparison to lines of the side-by-side diff: an addition has its line in the new text,
 * a removal in the old one, a change in both (the old side at `oldPath` when the change names one).
 */
export function locateChange(
  change: ConnectorChange,
  oldTexts: Record<DiffFile, string | null>,
  newTexts: Record<DiffFile, string | null>,
): ChangeLocation {
  const file: DiffFile = change.file;
  const before = oldTexts[file];
  const after = newTexts[file];
  const oldPointer = change.oldPath ?? change.path;
  return {
    file,
    oldLine: change.kind !== "added" && before !== null ? lineOfPointer(before, oldPointer) : null,
    newLine: change.kind !== "removed" && after !== null ? lineOfPointer(after, change.path) : null,
  };
}
