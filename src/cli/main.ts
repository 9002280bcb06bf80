import { commandHelp, parseCommandArgs, synopsis, type ParsedArgs } from "./args";
import { CliError, firstLine } from "./cli-error";
import { parentPort, workerData } from "node:worker_threads";
import { COMMAND_SPECS, type CommandName } from "./command-specs";
import { VALIDATE_WORKER_MARK } from "./worker-mark";

/** A CLI command: takes its parsed arguments, prints, and returns the exit code. */
export type CliCommand = (args: ParsedArgs) => Promise<number>;

/** Each command's module is loaded only when that command runs: start-up stays small. */
const COMMANDS: Record<CommandName, () => Promise<CliCommand>> = {
  import: async () => (await import("./commands/import-command")).runImport,
  validate: async () => (await import("./commands/validate-command")).runValidate,
  diff: async () => (await import("./commands/diff-command")).runDiff,
  package: async () => (await import("./commands/package-command")).runPackage,
};

function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMANDS, name);
}

/** The top-level usage: every command with every option. */
export function usage(): string {
  return [
    "usage: connector-studio <command> ...",
    ...Object.values(COMMAND_SPECS).map((spec) => `  ${synopsis(spec)}`),
    "",
    "connector-studio <command> --help shows what a command's options do and its exit codes.",
  ].join("\n");
}

/**
 * Prints an error as one line, `<prefix>: …` (`connector-studio import: …`), and returns its exit code; the stack
 * of an unexpected error only with CONNECTOR_STUDIO_DEBUG set.
 */
export function reportError(error: unknown, prefix = "connector-studio"): number {
  if (error instanceof CliError) {
    console.error(`${prefix}: ${firstLine(error.message)}`);
    return error.exitCode;
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.error(`${prefix}: unexpected error: ${firstLine(message)}`);
  if (process.env.CONNECTOR_STUDIO_DEBUG && error instanceof Error && error.stack) console.error(error.stack);
  else console.error("(set CONNECTOR_STUDIO_DEBUG=1 for the stack trace)");
  return 2;
}

/** Runs the CLI; returns the process exit code. Never throws: errors become one line and exit code 2. */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  try {
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      if (name === undefined) {
        console.error(usage());
        return 2;
      }
      console.log(usage());
      return 0;
    }
    if (!isCommandName(name))
      throw new CliError(`unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(", ")})`);
    const spec = COMMAND_SPECS[name];
    const parsed = parseCommandArgs(spec, args);
    if (parsed.help) {
      console.log(commandHelp(spec));
      return 0;
    }
    const run = await COMMANDS[name]();
    return await run(parsed);
  } catch (error) {
    return reportError(error, name && isCommandName(name) ? `connector-studio ${name}` : "connector-studio");
  }
}

// The bundle is also the validate pool's worker: started as one, it serves validate jobs instead of a command.
if (parentPort && workerData === VALIDATE_WORKER_MARK)
  void import("./validate-worker").then((m) => m.serveValidateWorker());
