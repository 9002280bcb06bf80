/** A failure the CLI reports as one line (no stack trace) with its documented exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** A file-system error as a short phrase (`no such file or folder`), else its message. */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file or folder";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a folder";
    case "ENOTDIR":
      return "a part of the path is a file, not a folder";
    case "ENOSPC":
      return "no space left on the device";
    case "EROFS":
      return "read-only file system";
    default:
      return firstLine(error instanceof Error ? error.message : String(error));
  }
}

/** The first line of a message: CLI errors are one line. */
export function firstLine(message: string): string {
  return message.split(/\r?\n/, 1)[0] ?? "";
}
