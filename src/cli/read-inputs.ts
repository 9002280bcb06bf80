import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { InputFile } from "../importers/import-types";

/**
 * Reads one CLI input (a connector folder, a `.zip`, or a single file) as the files an import takes. Folder
 * entries keep their relative paths, so a folder reads like a dropped folder.
 */
export async function readInput(inputPath: string): Promise<InputFile[]> {
  const info = await stat(inputPath);
  if (!info.isDirectory())
    return [{ path: path.basename(inputPath), bytes: new Uint8Array(await readFile(inputPath)) }];
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
  return files;
}

/**
 * Where a problem of an input is, for a message: the input itself when the problem is about the file given (a
 * zip or a single file), else the file inside the given folder or zip.
 */
export function problemLocation(inputPath: string, file: string): string {
  return file === path.basename(inputPath) ? inputPath : path.join(inputPath, file);
}

/** `<input file name without extension>`: the folder name, or the file name without its last extension. */
export function inputName(inputPath: string): string {
  const base = path.basename(path.resolve(inputPath));
  const ext = path.extname(base);
  return ext && ext !== base ? base.slice(0, -ext.length) : base;
}

/** Splits arguments into positionals and `--name value` / `--flag` options. */
export function parseArgs(
  args: readonly string[],
  spec: { values?: readonly string[]; flags?: readonly string[] },
): { positionals: string[]; values: Record<string, string>; flags: Set<string>; errors: string[] } {
  const positionals: string[] = [];
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  const errors: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg.startsWith("--")) {
      const [name, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
      if (spec.values?.includes(name)) {
        const value = inline ?? args[++i];
        if (value === undefined) errors.push(`--${name} needs a value`);
        else values[name] = value;
      } else if (spec.flags?.includes(name)) {
        flags.add(name);
      } else {
        errors.push(`unknown option --${name}`);
      }
    } else {
      positionals.push(arg);
    }
  }
  return { positionals, values, flags, errors };
}
