import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { InputFile } from "../importers/import-types";
import { safeFileName } from "../model/safe-file-name";
import { CliError, describeFsError } from "./cli-error";

/** One CLI input as the files an import takes, and whether it was a folder (for naming files in messages). */
export interface ReadInput {
  files: InputFile[];
  folder: boolean;
}

/** A plain Uint8Array view of a read file's Buffer, without copying it. */
function bytesOf(buffer: Buffer): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

/**
 * Reads one CLI input (a connector folder, a `.zip`, or a single file) as the files an import takes. Folder
 * entries keep their relative paths, so a folder reads like a dropped folder. An input that cannot be read
 * throws a one-line `CliError` naming it.
 */
export async function readInputFiles(inputPath: string): Promise<ReadInput> {
  return readInputFilesSync(inputPath);
}

/**
 * `readInputFiles` without the promise. Synchronous reads: a CLI command (or a validate worker) has nothing
 * else to do meanwhile, and the promise-based calls cost a thread-pool round trip per file (over the corpus's
 * 2,072 files, about a third of a single-thread run was spent idle between them).
 */
export function readInputFilesSync(inputPath: string): ReadInput {
  try {
    const info = statSync(inputPath);
    if (!info.isDirectory())
      return {
        files: [{ path: path.basename(inputPath), bytes: bytesOf(readFileSync(inputPath)) }],
        folder: false,
      };
    const files: InputFile[] = [];
    const walk = (dir: string, prefix: string) => {
      const entries = readdirSync(dir, { withFileTypes: true });
      entries.sort((a, b) => a.name.localeCompare(b.name));
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
        if (entry.isDirectory()) walk(full, rel);
        else if (entry.isFile()) files.push({ path: rel, bytes: bytesOf(readFileSync(full)) });
      }
    };
    walk(inputPath, "");
    return { files, folder: true };
  } catch (error) {
    throw new CliError(`${inputPath}: cannot be read (${describeFsError(error)})`);
  }
}

/** Reads one CLI input as the files an import takes (see `readInputFiles`). */
export async function readInput(inputPath: string): Promise<InputFile[]> {
  return (await readInputFiles(inputPath)).files;
}

/**
 * The path to show for a file an import problem names: `<folder>/<file>` for a folder input, the input itself
 * when the problem is about the input file, `<input>/<entry>` for an entry of a zip.
 */
export function problemFile(input: string, read: Pick<ReadInput, "folder">, file: string): string {
  if (!read.folder && file === path.basename(input)) return input;
  return path.join(input, file);
}

/** Extensions an input file's name loses as an output folder name; other dots stay (`Tomorrow.io`). */
const INPUT_EXTENSIONS = /\.(zip|json|ya?ml|txt|wsdl)$/i;

/**
 * The output folder name of an input: a folder's own name (dots and all: `Tomorrow.io`,
 * `U.S. Bank Treasury Management`), a file's name without its `.zip`/`.json`/`.yaml`/`.yml`/`.wsdl` extension, made a
 * safe path segment.
 */
export function inputName(inputPath: string, folder: boolean): string {
  const base = path.basename(path.resolve(inputPath));
  const name = folder ? base : base.replace(INPUT_EXTENSIONS, "");
  return safeFileName(name, "connector");
}
