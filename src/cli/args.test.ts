import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { commandHelp, parseCommandArgs } from "./args";
import { COMMAND_SPECS } from "./command-specs";
import { main } from "./main";

describe("command arguments", () => {
  let out: string[];
  let err: string[];
  beforeEach(() => {
    out = [];
    err = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => void out.push(line));
    vi.spyOn(console, "error").mockImplementation((line: string) => void err.push(line));
  });
  afterEach(() => vi.restoreAllMocks());

  it.each([
    [["validate", "a", "--strict"], "connector-studio validate: unknown option --strict"],
    [["validate", "a", "-x"], "connector-studio validate: unknown option -x"],
    [
      ["validate", "a", "--format"],
      "connector-studio validate: --format needs a value <text|json|sarif|github>",
    ],
    [["validate", "a", "--format", "--certification"], "connector-studio validate: --format needs a value"],
    [
      ["validate", "a", "--format=xml"],
      'connector-studio validate: --format must be one of text, json, sarif, github (got "xml")',
    ],
    [["validate", "a", "--certification=yes"], "connector-studio validate: --certification takes no value"],
    [["validate"], "connector-studio validate: missing <folder | file | zip>..."],
    [["diff", "a"], "connector-studio diff: expected <old> <new>"],
    [["diff", "a", "b", "c"], "connector-studio diff: expected <old> <new>, got 3 arguments (c is extra)"],
    [["package", "a"], "connector-studio package: --out <file.zip | file.json | file.bicep> is required"],
    [["package", "a", "--out", "x.zip", "--out", "y.zip"], "connector-studio package: --out is given twice"],
    [["import", "a", "--out="], "connector-studio import: --out needs a value <dir>"],
    [
      ["frobnicate"],
      'connector-studio: unknown command "frobnicate" (commands: import, validate, diff, package)',
    ],
  ])("%j → one line, exit 2", async (argv, message) => {
    expect(await main(argv)).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]?.startsWith(message)).toBe(true);
    expect(out).toEqual([]);
  });

  it("takes --name=value, and positionals after --", () => {
    const parsed = parseCommandArgs(COMMAND_SPECS.validate, ["--format=json", "--", "--odd-name", "-"]);
    expect(parsed.values).toEqual({ format: "json" });
    expect(parsed.positionals).toEqual(["--odd-name", "-"]);
  });

  it.each(Object.keys(COMMAND_SPECS))("%s --help lists every option and exits 0", async (name) => {
    expect(await main([name, "--help"])).toBe(0);
    const help = out.join("\n");
    const spec = COMMAND_SPECS[name as keyof typeof COMMAND_SPECS];
    expect(help).toBe(commandHelp(spec));
    for (const option of spec.options) expect(help).toContain(`--${option.name}`);
    expect(help).toContain("exit codes:");
    expect(err).toEqual([]);
  });

  it("prints the usage to stdout with --help (exit 0) and to stderr without a command (exit 2)", async () => {
    expect(await main(["--help"])).toBe(0);
    expect(out.join("\n")).toContain(
      "connector-studio package <folder | zip | file> --out <file.zip | file.json | file.bicep>",
    );
    expect(await main([])).toBe(2);
    expect(err.join("\n")).toContain("usage: connector-studio <command>");
  });
});
