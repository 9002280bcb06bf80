import type { InputFile } from "../../importers/import-types";

/**
 * What a drop carried, captured while the drop event runs: `DataTransfer` items are emptied as soon as the
 * event handler returns, so entries and files are taken synchronously and read afterwards.
 */
export interface DropCapture {
  entries: FileSystemEntry[];
  files: File[];
}

/** Takes the entries (files and folders) and plain files of a drop. Call it inside the drop handler. */
export function captureDrop(dataTransfer: DataTransfer): DropCapture {
  const entries: FileSystemEntry[] = [];
  const files: File[] = [];
  const items = Array.from(dataTransfer.items ?? []);
  for (const item of items) {
    if (item.kind !== "file") continue;
    // Synthetic drops (and some browsers) have no file-system entry: fall back to the file itself.
    const entry = typeof item.webkitGetAsEntry === "function" ? item.webkitGetAsEntry() : null;
    if (entry) entries.push(entry);
    else {
      const file = item.getAsFile();
      if (file) files.push(file);
    }
  }
  if (items.length === 0) files.push(...Array.from(dataTransfer.files ?? []));
  return { entries, files };
}

/** True when a drag carries files (not text or a link), so the window can show that it accepts them. */
export function dragHasFiles(dataTransfer: DataTransfer | null): boolean {
  return !!dataTransfer && Array.from(dataTransfer.types).includes("Files");
}

async function toInputFile(file: File, path: string): Promise<InputFile> {
  return { path, bytes: new Uint8Array(await file.arrayBuffer()) };
}

function readEntriesBatch(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function readEntry(entry: FileSystemEntry, out: InputFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await entryFile(entry as FileSystemFileEntry);
    out.push(await toInputFile(file, entry.fullPath.replace(/^\/+/, "") || file.name));
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

/** Reads a captured drop into input files; folders are walked and keep their relative paths. */
export async function readDrop(capture: DropCapture): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const entry of capture.entries) await readEntry(entry, out);
  for (const file of capture.files) out.push(await toInputFile(file, file.name));
  return out;
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
