import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { InputFile } from "../importers/import-types";
import { safeFileName } from "../model/safe-file-name";
import { CliError, describeFsError } from "./cli-error";

/** One CLI input as the files an import takes, and whether it was a folder (for naming files in messages). */
export interface ReadInput {
  files: InputFile[];
  folder: boolean;
}

/**
 * Reads one CLI input (a connector folder, a `.zip`, or a single file) as the files an import takes. Folder
 * entries keep their relative paths, so a folder reads like a dropped folder. An input that cannot be read
 * throws a one-line `CliError` naming it.
 */
export async function readInputFiles(inputPath: string): Promise<ReadInput> {
  try {
    const info = await stat(inputPath);
    if (!info.isDirectory())
      return {
        files: [{ path: path.basename(inputPath), bytes: new Uint8Array(await readFile(inputPath)) }],
        folder: false,
      };
    const files: InputFile[] = [];
    const walk = async (dir: string, prefix: string) => {
      const entries = await readdir(dir, { withFileTypes: true });
      entries.sort((a, b) => a.name.localeCompare(b.name));
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
        if (entry.isDirectory()) await walk(full, rel);
        else if (entry.isFile()) files.push({ path: rel, bytes: new Uint8Array(await readFile(full)) });
      }
    };
    await walk(inputPath, "");
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
