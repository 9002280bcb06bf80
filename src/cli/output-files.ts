import { randomBytes } from "node:crypto";
import { mkdir, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { CliError, describeFsError } from "./cli-error";

async function statOrNull(file: string) {
  try {
    return await stat(file);
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT") return null;
    throw new CliError(`${file}: ${describeFsError(error)}`);
  }
}

/** The nearest existing ancestor of `target` must be a folder, or nothing can be created under it. */
async function checkAncestors(target: string, flag: string): Promise<void> {
  let dir = path.dirname(path.resolve(target));
  for (;;) {
    const info = await statOrNull(dir);
    if (info) {
      if (!info.isDirectory()) throw new CliError(`${flag} ${target}: ${dir} is a file, not a folder`);
      return;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

/** Checks, before anything is written, that `file` can be written as a file (it is not a folder). */
export async function checkFileTarget(file: string, flag: string): Promise<void> {
  const info = await statOrNull(file);
  if (info?.isDirectory())
    throw new CliError(`${flag} ${file} is a folder; give a file name (e.g. ${path.join(file, "out")})`);
  if (info && !info.isFile()) throw new CliError(`${flag} ${file} is not a regular file`);
  await checkAncestors(file, flag);
}

/** Checks, before anything is written, that `dir` is a folder or can be created as one. */
export async function checkFolderTarget(dir: string, flag: string): Promise<void> {
  const info = await statOrNull(dir);
  if (info && !info.isDirectory()) throw new CliError(`${flag} ${dir} is a file, not a folder`);
  if (!info) await checkAncestors(dir, flag);
}

/**
 * Checks that the connector folder `dir` may be replaced: it does not exist, or it is a folder that holds only
 * files a connector package consists of (so `--out .` never deletes unrelated work).
 */
export async function checkReplaceableFolder(dir: string, allowed: ReadonlySet<string>): Promise<void> {
  const info = await statOrNull(dir);
  if (!info) return;
  if (!info.isDirectory()) throw new CliError(`${dir} exists and is not a folder; not replacing it`);
  const entries = await readdir(dir, { withFileTypes: true });
  const foreign = entries.find((e) => !e.isFile() || !allowed.has(e.name));
  if (foreign)
    throw new CliError(
      `${dir} already holds ${foreign.name}, which is not part of a connector package; not replacing it`,
    );
}

function tempName(target: string, what: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${what}-${process.pid}-${randomBytes(4).toString("hex")}`,
  );
}

/** Writes `bytes` to a temporary file beside `file`, then renames it into place: never a half-written file. */
export async function writeFileAtomic(file: string, bytes: Uint8Array | string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const temp = tempName(path.resolve(file), "tmp");
  try {
    await writeFile(temp, bytes);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw new CliError(`cannot write ${file}: ${describeFsError(error)}`);
  }
}

/**
 * Replaces the folder `dir` by one holding exactly `files` (relative paths): they are written to a temporary
 * folder beside it that is then moved into place, so stale files of an earlier run never survive and a failed
 * write leaves the old folder as it was.
 */
export async function replaceFolder(
  dir: string,
  files: readonly { path: string; bytes: Uint8Array }[],
): Promise<void> {
  const target = path.resolve(dir);
  await mkdir(path.dirname(target), { recursive: true });
  const temp = tempName(target, "tmp");
  const old = tempName(target, "old");
  try {
    await mkdir(temp);
    for (const file of files) {
      const full = path.join(temp, file.path);
      await mkdir(path.dirname(full), { recursive: true });
      await writeFile(full, file.bytes);
    }
    const existed = (await statOrNull(target)) !== null;
    if (existed) await rename(target, old);
    try {
      await rename(temp, target);
    } catch (error) {
      if (existed) await rename(old, target);
      throw error;
    }
    if (existed) await rm(old, { recursive: true, force: true });
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw new CliError(`cannot write ${dir}: ${describeFsError(error)}`);
  }
}
