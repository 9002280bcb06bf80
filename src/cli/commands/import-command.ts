import { stat } from "node:fs/promises";
import path from "node:path";
import { exportPackageFiles } from "../../export/export-package";
import { importFiles } from "../../importers/import-files";
import { selectOperations, type OperationSelection } from "../../importers/select-operations";
import { PACKAGE_FILES } from "../../model/connector-document";
import { formatTextProblem } from "../../model/diagnostic";
import { safeFileName } from "../../model/safe-file-name";
import type { ImportReportEntry } from "../../model/import-report";
import type { ParsedArgs } from "../args";
import { CliError } from "../cli-error";
import {
  checkFileTarget,
  checkFolderTarget,
  checkReplaceableFolder,
  replaceFolder,
  writeFileAtomic,
} from "../output-files";
import { inputName, problemFile, readInputFiles } from "../read-inputs";

interface InputResult {
  input: string;
  ok: boolean;
  output?: string;
  kind?: string;
  report: ImportReportEntry[];
  notes: string[];
  problems: string[];
}

/** Files an output folder may already hold to be replaced: the ones a connector package consists of. */
const PACKAGE_FILE_NAMES: ReadonlySet<string> = new Set(Object.values(PACKAGE_FILES));

/** A comma-separated option value as a list (empty when the option is absent). */
function list(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** Whether `input` is a folder; null when it cannot be found (that input then fails on its own). */
async function isFolder(input: string): Promise<boolean | null> {
  try {
    return (await stat(input)).isDirectory();
  } catch {
    return null;
  }
}

/**
 * `connector-studio import <input>... --out <dir> [--report <file.json>] [--include-tags <a,b>]
 * [--include-paths <glob,...>] [--exclude-paths <glob,...>]`: each input (a connector folder, a
 * `.zip`, a Swagger/OpenAPI/Postman file) is written to `<dir>/<input name>/` as a connector package (only
 * the selected operations when a selection is given; an input with none left fails), replacing
 * that folder (never merged with an earlier run's files). The outputs are checked before anything is written;
 * each folder is written beside its place and moved in. One bad input does not stop the others; exit code 2
 * when any failed.
 */
export async function runImport({ positionals, values }: ParsedArgs): Promise<number> {
  const outDir = values.out as string;
  const reportFile = values.report;
  const selection: OperationSelection = {
    includeTags: list(values["include-tags"]),
    includePaths: list(values["include-paths"]),
    excludePaths: list(values["exclude-paths"]),
  };
  const selecting = Object.values(selection).some((v: string[]) => v.length > 0);
  await checkFolderTarget(outDir, "--out");
  if (reportFile !== undefined) await checkFileTarget(reportFile, "--report");

  // Output folder of each input, decided and checked before anything is read or written.
  const usedNames = new Set<string>();
  const targets: (string | null)[] = [];
  for (const input of positionals) {
    const folder = await isFolder(input);
    if (folder === null) {
      targets.push(null);
      continue;
    }
    const base = inputName(input, folder);
    let name = base;
    for (let n = 2; usedNames.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    usedNames.add(name.toLowerCase());
    const target = path.join(outDir, name);
    if (reportFile !== undefined && path.resolve(reportFile).startsWith(path.resolve(target) + path.sep))
      throw new CliError(`--report ${reportFile} is inside ${target}, which import replaces`);
    await checkReplaceableFolder(target, PACKAGE_FILE_NAMES);
    targets.push(target);
  }

  const results: InputResult[] = [];
  for (const [index, input] of positionals.entries()) {
    const result: InputResult = { input, ok: false, report: [], notes: [], problems: [] };
    results.push(result);
    try {
      const read = await readInputFiles(input);
      const outcome = importFiles(read.files);
      if (!outcome.ok) {
        result.problems = outcome.problems.map((p) =>
          formatTextProblem({ ...p, file: problemFile(input, read, p.file) }),
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
      const target = targets[index];
      if (!target) throw new CliError(`${input}: cannot be read`);
      const exported = exportPackageFiles(document);
      await replaceFolder(target, exported.files);
      result.ok = true;
      result.output = target;
      result.kind = outcome.kind;
      result.report = outcome.report;
      result.notes = [
        ...selectionNotes,
        ...outcome.notes.map((p) => formatTextProblem({ ...p, file: problemFile(input, read, p.file) })),
        ...exported.notes,
      ];
      const summary =
        outcome.report.length > 0 ? ` (${outcome.report.length} item(s) in the import report)` : "";
      console.log(`${input} → ${target}${summary}`);
      for (const note of result.notes) console.log(`  note: ${note}`);
      // A Logic Apps template with several customApis resources: each further one gets its own folder,
      // named after the resource, checked like the others before it is written.
      for (const further of outcome.more ?? []) {
        const extra: InputResult = {
          input: `${input} (${further.name})`,
          ok: false,
          report: further.report,
          notes: [],
          problems: [],
        };
        results.push(extra);
        try {
          let furtherDocument = further.document;
          if (selecting) {
            const selected = selectOperations(furtherDocument, selection);
            if (selected.kept === 0) {
              extra.problems = [`${extra.input}: no operation matches the selection.`];
              console.error(extra.problems[0]);
              continue;
            }
            furtherDocument = selected.document;
          }
          const base = safeFileName(further.name);
          let name = base;
          for (let n = 2; usedNames.has(name.toLowerCase()); n++) name = `${base}-${n}`;
          usedNames.add(name.toLowerCase());
          const furtherTarget = path.join(outDir, name);
          await checkReplaceableFolder(furtherTarget, PACKAGE_FILE_NAMES);
          const furtherFiles = exportPackageFiles(furtherDocument);
          await replaceFolder(furtherTarget, furtherFiles.files);
          Object.assign(extra, {
            ok: true,
            output: furtherTarget,
            kind: outcome.kind,
            notes: furtherFiles.notes,
          });
          const furtherSummary =
            further.report.length > 0 ? ` (${further.report.length} item(s) in the import report)` : "";
          console.log(`${extra.input} → ${furtherTarget}${furtherSummary}`);
          for (const note of extra.notes) console.log(`  note: ${note}`);
        } catch (error) {
          if (!(error instanceof CliError)) throw error;
          extra.problems = [error.message];
          console.error(error.message);
        }
      }
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      result.problems = [error.message];
      console.error(error.message);
    }
  }
  if (reportFile !== undefined)
    await writeFileAtomic(reportFile, JSON.stringify({ inputs: results }, null, 2) + "\n");
  const failed = results.filter((r) => !r.ok).length;
  if (results.length > 1) console.log(`${results.length - failed} imported, ${failed} failed`);
  return failed > 0 ? 2 : 0;
}
