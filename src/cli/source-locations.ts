import path from "node:path";
import { jsonPointerRanges, yamlPointerRanges, type PointerRange } from "../code-pane/pointer-range";
import type { InputFile } from "../importers/import-types";
import { decodeText } from "../model/text/decode-text";
import { LineIndex } from "../model/text/line-index";
import type { ReadInput } from "./read-inputs";

/** Where a finding is on disk: the file as given on the command line, and a 1-based line and column in it. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

/** A place a finding points to: one file of a connector package and a JSON pointer into it. */
export interface PointerTarget {
  file: string;
  path: string;
}

function findSource(read: ReadInput, packageFile: string, definitionFromFile: boolean): InputFile | null {
  if (!read.folder)
    return definitionFromFile && packageFile === "apiDefinition.swagger.json"
      ? (read.files[0] ?? null)
      : null;
  const lower = packageFile.toLowerCase();
  const topLevel = read.files.filter((f) => !f.path.includes("/"));
  return (
    topLevel.find((f) => f.path.toLowerCase() === lower) ??
    (lower === "apidefinition.swagger.json"
      ? (topLevel.find((f) => f.path.toLowerCase().endsWith(".swagger.json")) ?? null)
      : null)
  );
}

/**
 * Maps findings (package file + JSON pointer) of one input to places in the files that were read: the
 * input's own `apiDefinition.swagger.json` (JSON or YAML) and `apiProperties.json`, with the line and column of
 * the pointed-to key (or value) from the lossless text; a pointer that does not exist lands on its deepest
 * existing ancestor. Findings in a zip entry or in a converted file (Postman, OpenAPI 3) get the input itself
 * and no line.
 *
 * @param definitionFromFile the input is a single Swagger 2.0 file, so it is the definition itself.
 */
export function locateFindings(
  input: string,
  read: ReadInput,
  targets: readonly PointerTarget[],
  definitionFromFile: boolean,
): SourceLocation[] {
  const byFile = new Map<string, { source: InputFile | null; pointers: Set<string> }>();
  for (const t of targets) {
    let entry = byFile.get(t.file);
    if (!entry) {
      entry = { source: findSource(read, t.file, definitionFromFile), pointers: new Set() };
      byFile.set(t.file, entry);
    }
    entry.pointers.add(t.path);
  }
  const resolved = new Map<
    string,
    { file: string; ranges: Map<string, PointerRange>; lines: LineIndex | null }
  >();
  for (const [file, { source, pointers }] of byFile) {
    if (!source) {
      resolved.set(file, { file: input, ranges: new Map(), lines: null });
      continue;
    }
    const shown = read.folder ? path.join(input, source.path) : input;
    let ranges = new Map<string, PointerRange>();
    let lines: LineIndex | null = null;
    if (/\.(json|ya?ml)$/i.test(source.path)) {
      const { text } = decodeText(source.bytes, source.path);
      lines = new LineIndex(text);
      try {
        ranges = /\.ya?ml$/i.test(source.path)
          ? yamlPointerRanges(text, [...pointers])
          : jsonPointerRanges(text, [...pointers]);
      } catch {
        // Not valid JSON text: the finding keeps the file and no line.
      }
    }
    resolved.set(file, { file: shown, ranges, lines });
  }
  return targets.map((t) => {
    const place = resolved.get(t.file);
    if (!place) return { file: input };
    const range = place.ranges.get(t.path);
    if (!range || !place.lines) return { file: place.file };
    const at = place.lines.at(range.keyStart ?? range.start);
    return { file: place.file, line: at.line, column: at.column };
  });
}
