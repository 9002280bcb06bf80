import { runImport } from "./commands/import-command";
import { runValidate } from "./commands/validate-command";
import { runDiff } from "./commands/diff-command";
import { runPackage } from "./commands/package-command";

/** A CLI command: takes its arguments, prints, and returns the exit code. */
export type CliCommand = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, { run: CliCommand; usage: string }> = {
  import: {
    run: runImport,
    usage:
      "import <input>... --out <dir> [--report <file.json>] [--include-tags <a,b>] [--include-paths <glob,...>] [--exclude-paths <glob,...>] (--help for details)",
  },
  validate: {
    run: runValidate,
    usage: "validate <folder | file | zip>... [--certification] [--format json]",
  },
  diff: { run: runDiff, usage: "diff <old> <new> [--format json]" },
  package: {
    run: runPackage,
    usage: "package <folder | zip | file> --out <file.zip> [--independent-publisher]",
  },
};

function usage(): string {
  return [
    "usage: connector-studio <command> ...",
    ...Object.values(COMMANDS).map((c) => `  connector-studio ${c.usage}`),
  ].join("\n");
}

/** Runs the CLI; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "--help" || name === "-h") {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n${usage()}`);
    return 2;
  }
  return command.run(args);
}
