import { CliError } from "./cli-error";

/** One `--option` of a command. */
export interface OptionSpec {
  name: string;
  /** Placeholder of the value (`<dir>`); absent for a flag that takes no value. */
  value?: string;
  /** The values accepted, when only some are. */
  choices?: readonly string[];
  /** The command cannot run without it. */
  required?: boolean;
  help: string;
}

/** What a command accepts: its positional arguments and options, for parsing and for `--help`. */
export interface CommandSpec {
  name: string;
  /** The positional part of the synopsis, e.g. `<input>...`. */
  synopsis: string;
  summary: string;
  minPositionals: number;
  /** Absent: no upper bound. */
  maxPositionals?: number;
  options: readonly OptionSpec[];
  /** What the exit codes mean, one line each. */
  exitCodes: readonly string[];
}

export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string>;
  flags: Set<string>;
  /** `--help` / `-h` was given: print the command's help and nothing else. */
  help: boolean;
}

/** Spelling of a CLI complaint about the arguments: one line that names the command and points at `--help`. */
function usageError(spec: CommandSpec, message: string): CliError {
  return new CliError(`${message} (see connector-studio ${spec.name} --help)`);
}

/**
 * Parses a command's arguments against its spec: `--name value`, `--name=value`, flags, positionals, `--` to end
 * the options. Unknown options, missing or repeated values, values outside `choices` and a wrong number of
 * positionals throw a one-line `CliError` (exit code 2).
 */
export function parseCommandArgs(spec: CommandSpec, args: readonly string[]): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], values: {}, flags: new Set(), help: false };
  let optionsEnded = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (optionsEnded || arg === "-" || !arg.startsWith("-")) {
      parsed.positionals.push(arg);
      continue;
    }
    if (arg === "--") {
      optionsEnded = true;
      continue;
    }
    if (arg === "--help" || arg === "-h") {
      parsed.help = true;
      continue;
    }
    if (!arg.startsWith("--")) throw usageError(spec, `unknown option ${arg}`);
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    const option = spec.options.find((o) => o.name === name);
    if (!option) throw usageError(spec, `unknown option --${name}`);
    if (!option.value) {
      if (inline !== undefined) throw usageError(spec, `--${name} takes no value`);
      parsed.flags.add(name);
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = args[i + 1];
      if (next !== undefined && !(next.startsWith("--") && next.length > 2)) {
        value = next;
        i++;
      }
    }
    if (value === undefined || value === "")
      throw usageError(spec, `--${name} needs a value ${option.value}`);
    if (name in parsed.values) throw usageError(spec, `--${name} is given twice`);
    if (option.choices && !option.choices.includes(value))
      throw usageError(spec, `--${name} must be one of ${option.choices.join(", ")} (got "${value}")`);
    parsed.values[name] = value;
  }
  if (parsed.help) return parsed;
  for (const option of spec.options)
    if (option.required && !(option.name in parsed.values))
      throw usageError(spec, `--${option.name} ${option.value ?? ""} is required`);
  const count = parsed.positionals.length;
  if (count < spec.minPositionals)
    throw usageError(spec, count === 0 ? `missing ${spec.synopsis}` : `expected ${spec.synopsis}`);
  if (spec.maxPositionals !== undefined && count > spec.maxPositionals)
    throw usageError(
      spec,
      `expected ${spec.synopsis}, got ${count} arguments (${parsed.positionals.slice(spec.maxPositionals).join(", ")} is extra)`,
    );
  return parsed;
}

/** The synopsis line of a command: `connector-studio <name> <positionals> [options]`, required options shown. */
export function synopsis(spec: CommandSpec): string {
  const options = spec.options.map((o) => {
    const text = `--${o.name}${o.value ? ` ${o.value}` : ""}`;
    return o.required ? text : `[${text}]`;
  });
  return `connector-studio ${spec.name} ${spec.synopsis} ${options.join(" ")}`;
}

/** `connector-studio <command> --help`: synopsis, summary, every option with its help, the exit codes. */
export function commandHelp(spec: CommandSpec): string {
  const rows: [string, string][] = spec.options.map((o) => [
    `--${o.name}${o.value ? ` ${o.value}` : ""}`,
    o.help,
  ]);
  rows.push(["-h, --help", "Show this help."]);
  const width = Math.max(...rows.map(([left]) => left.length));
  return [
    `usage: ${synopsis(spec)}`,
    "",
    spec.summary,
    "",
    "options:",
    ...rows.map(
      ([left, help]) => `  ${left.padEnd(width)}  ${help.split("\n").join(`\n${" ".repeat(width + 4)}`)}`,
    ),
    "",
    "exit codes:",
    ...spec.exitCodes.map((line) => `  ${line}`),
  ].join("\n");
}
