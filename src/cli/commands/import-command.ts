import { mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { exportPackageFiles } from "../../export/export-package";
import { importFiles } from "../../importers/import-files";
import { selectOperations, type OperationSelection } from "../../importers/select-operations";
import { formatTextProblem } from "../../model/diagnostic";
import type { ImportReportEntry } from "../../model/import-report";
import { inputName, parseArgs, problemLocation, readInput } from "../read-inputs";

const USAGE = `usage: connector-studio import <input>... --out <dir> [--report <file.json>]
         [--include-tags <a,b>] [--include-paths <glob,...>] [--exclude-paths <glob,...>]
  Postman, OpenAPI and bare Swagger inputs come out export-ready: the validator's safe quick fixes run on
  them, and each change is in the report ("fixed").
  --include-tags    keep operations with one of these tags (untagged ones by their first path segment
                    after a version, e.g. customers for /v1/customers/{id})
  --include-paths   keep operations whose path matches one of these globs (* within a segment, ** across)
  --exclude-paths   drop operations whose path matches one of these globs
  Definitions only the dropped operations used are removed too.`;

function list(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

interface InputResult {
  input: string;
  ok: boolean;
  output?: string;
  kind?: string;
  report: ImportReportEntry[];
  notes: string[];
  problems: string[];
}

/**
 * `connector-studio import <input>... --out <dir> [--report <file.json>] [--include-tags <a,b>]
 * [--include-paths <glob,...>] [--exclude-paths <glob,...>]`: each input (a connector folder, a
 * `.zip`, a Swagger/OpenAPI/Postman file) is written to `<dir>/<input name>/` as a connector package, with only
 * the selected operations when a selection is given (an input with no operation left fails). One bad input does
 * not stop the others; exit code 2 when any failed.
 */
export async function runImport(args: string[]): Promise<number> {
  const { positionals, values, flags, errors } = parseArgs(args, {
    values: ["out", "report", "include-tags", "include-paths", "exclude-paths"],
    flags: ["help"],
  });
  if (flags.has("help")) {
    console.log(USAGE);
    return 0;
  }
  const outDir = values.out;
  if (errors.length > 0 || positionals.length === 0 || !outDir) {
    console.error([...errors, USAGE].join("\n"));
    return 2;
  }
  const selection: OperationSelection = {
    includeTags: list(values["include-tags"]),
    includePaths: list(values["include-paths"]),
    excludePaths: list(values["exclude-paths"]),
  };
  const selecting = Object.values(selection).some((v: string[]) => v.length > 0);
  const results: InputResult[] = [];
  const usedNames = new Set<string>();
  for (const input of positionals) {
    const result: InputResult = { input, ok: false, report: [], notes: [], problems: [] };
    results.push(result);
    try {
      const outcome = importFiles(await readInput(input));
      if (!outcome.ok) {
        // A file input is read under its own name: name it once, not as `<input>/<its name>`. Files of a
        // folder or members of a zip are named inside it.
        const isFolder = (await stat(input)).isDirectory();
        result.problems = outcome.problems.map((p) =>
          formatTextProblem({ ...p, file: problemLocation(input, p.file) }),
        );
        for (const line of result.problems) console.error(line);
        continue;
      }
      let document = outcome.document;
      const selectionNotes: string[] = [];
      if (selecting) {
        const selected = selectOperations(document, selection);
        if (selected.kept === 0) {
          result.problems = [
            `${input}: no operation matches the selection (${selected.total} operation(s) in the input${selected.unknownTags.length > 0 ? `; no operation has the tag(s) ${selected.unknownTags.join(", ")}` : ""}).`,
          ];
          console.error(result.problems[0]);
          continue;
        }
        document = selected.document;
        selectionNotes.push(`kept ${selected.kept} of ${selected.total} operations`);
        if (selected.unknownTags.length > 0)
          selectionNotes.push(`no operation has the tag(s) ${selected.unknownTags.join(", ")}`);
      }
      let name = inputName(input);
      for (let n = 2; usedNames.has(name); n++) name = `${inputName(input)}-${n}`;
      usedNames.add(name);
      const target = path.join(outDir, name);
      await mkdir(target, { recursive: true });
      const exported = exportPackageFiles(document);
      for (const file of exported.files) await writeFile(path.join(target, file.path), file.bytes);
      result.ok = true;
      result.output = target;
      result.kind = outcome.kind;
      result.report = outcome.report;
      result.notes = [...selectionNotes, ...outcome.notes.map(formatTextProblem), ...exported.notes];
      const summary =
        outcome.report.length > 0 ? ` (${outcome.report.length} item(s) in the import report)` : "";
      console.log(`${input} → ${target}${summary}`);
      for (const note of result.notes) console.log(`  note: ${note}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      result.problems = [`${input}: ${message}`];
      console.error(result.problems[0]);
    }
  }
  if (values.report) {
    await mkdir(path.dirname(path.resolve(values.report)), { recursive: true });
    await writeFile(values.report, JSON.stringify({ inputs: results }, null, 2) + "\n");
  }
  const failed = results.filter((r) => !r.ok).length;
  if (positionals.length > 1) console.log(`${results.length - failed} imported, ${failed} failed`);
  return failed > 0 ? 2 : 0;
}
