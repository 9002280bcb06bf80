import type { InputFile } from "../../importers/import-types";
import type { ImportSource } from "./import-protocol";

/**
 * What a drop carried, captured while the drop event runs: `DataTransfer` items are emptied as soon as the
 * event handler returns, so folders and files are taken synchronously and walked afterwards. Files are
 * never read here: the import worker reads them.
 */
export interface DropCapture {
  /** Dropped folders (walked by {@link readDrop}). */
  entries: FileSystemEntry[];
  /** Dropped files with their paths, in drop order. */
  files: { path: string; file: File }[];
}

/** Takes the folders and files of a drop. Call it inside the drop handler. */
export function captureDrop(dataTransfer: DataTransfer): DropCapture {
  const entries: FileSystemEntry[] = [];
  const files: DropCapture["files"] = [];
  const items = Array.from(dataTransfer.items ?? []);
  for (const item of items) {
    if (item.kind !== "file") continue;
    // Synthetic drops (and some browsers) have no file-system entry: fall back to the file itself.
    const entry = typeof item.webkitGetAsEntry === "function" ? item.webkitGetAsEntry() : null;
    if (entry?.isDirectory) {
      entries.push(entry);
      continue;
    }
    const file = item.getAsFile();
    if (file) files.push({ path: entry?.fullPath.replace(/^\/+/, "") || file.name, file });
  }
  if (items.length === 0)
    for (const file of Array.from(dataTransfer.files ?? [])) files.push({ path: file.name, file });
  return { entries, files };
}

/** True when a drag carries files (not text or a link), so the window can show that it accepts them. */
export function dragHasFiles(dataTransfer: DataTransfer | null): boolean {
  return !!dataTransfer && Array.from(dataTransfer.types).includes("Files");
}

async function toInputFile(file: File, path: string): Promise<InputFile> {
  return { path, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** A file for the import worker to read (so that the main thread never reads it). */
function toSource(file: File, path: string): ImportSource {
  return { path, blob: file };
}

function readEntriesBatch(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function readEntry(entry: FileSystemEntry, out: ImportSource[]): Promise<void> {
  if (entry.isFile) {
    const file = await entryFile(entry as FileSystemFileEntry);
    out.push(toSource(file, entry.fullPath.replace(/^\/+/, "") || file.name));
    return;
  }
  if (entry.isDirectory) {
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries returns at most ~100 entries per call: read until it returns none.
    for (;;) {
      const batch = await readEntriesBatch(reader);
      if (batch.length === 0) break;
      for (const child of batch) await readEntry(child, out);
    }
  }
}

/**
 * Lists the files of a captured drop for the importer; folders are walked and keep their relative paths.
 * Without folders this settles at once (no file is read on the main thread).
 */
export async function readDrop(capture: DropCapture): Promise<ImportSource[]> {
  const out: ImportSource[] = [];
  for (const entry of capture.entries) await readEntry(entry, out);
  for (const { path, file } of capture.files) out.push(toSource(file, path));
  return out;
}

/** The files picked in a file input, for the importer (a folder pick keeps `webkitRelativePath`). */
export function fileListSources(files: Iterable<File>): ImportSource[] {
  return Array.from(files, (file) => toSource(file, file.webkitRelativePath || file.name));
}

/** Reads files picked in a file input (a folder pick keeps `webkitRelativePath`). */
export async function readFileList(files: Iterable<File>): Promise<InputFile[]> {
  return Promise.all(Array.from(files, (file) => toInputFile(file, file.webkitRelativePath || file.name)));
}

/**
 * Turns pasted text into an input file. The name only hints the format to the importer: text starting
 * with `{` is JSON, anything else is read as YAML.
 */
export function pastedTextToFile(text: string): InputFile {
  const trimmed = text.trimStart();
  const name = trimmed.startsWith("{") || trimmed.startsWith("[") ? "pasted.json" : "pasted.yaml";
  return { path: name, bytes: new TextEncoder().encode(text) };
}
