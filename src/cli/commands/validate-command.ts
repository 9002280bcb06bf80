import { importFiles } from "../../importers/import-files";
import { formatTextProblem, type Diagnostic } from "../../model/diagnostic";
import { validateConnector } from "../../validation/validate-connector";
import type { ParsedArgs } from "../args";
import { CliError } from "../cli-error";
import { problemFile, readInputFiles } from "../read-inputs";
import { githubAnnotation, levelOf, sarifLog, type Finding } from "../report-formats";
import { validationRuleDescriptions } from "../rule-descriptions";
import { locateFindings } from "../source-locations";
import { TOOL } from "../tool-info";

/** A diagnostic as printed by the CLI; `input` names the input when several were given. */
export type CliDiagnostic = Diagnostic & { input?: string };

/**
 * `connector-studio validate <folder | file | zip>... [--certification] [--format text|json|sarif|github]`.
 * Text output is one line per diagnostic (`file path: severity ruleId message`); JSON output is an array of
 * diagnostics (with `input` when several inputs are given); SARIF and GitHub annotations carry the file, line and
 * column of each finding. Exit code 1 when any error, 2 when an input cannot be read (or the arguments are
 * wrong), 0 otherwise.
 */
export async function runValidate({ positionals, values, flags }: ParsedArgs): Promise<number> {
  const format = values.format ?? "text";
  const certification = flags.has("certification");
  const several = positionals.length > 1;
  const all: CliDiagnostic[] = [];
  const findings: Finding[] = [];
  let unreadable = false;
  for (const input of positionals) {
    let read;
    try {
      read = await readInputFiles(input);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      console.error(error.message);
      unreadable = true;
      continue;
    }
    const outcome = importFiles(read.files);
    if (!outcome.ok) {
      for (const p of outcome.problems)
        console.error(formatTextProblem({ ...p, file: problemFile(input, read, p.file) }));
      unreadable = true;
      continue;
    }
    const diagnostics = await validateConnector(outcome.document, { certification });
    for (const d of diagnostics) all.push(several ? { input, ...d } : d);
    if (format === "sarif" || format === "github") {
      const locations = locateFindings(input, read, diagnostics, outcome.kind === "swagger");
      diagnostics.forEach((d, i) =>
        findings.push({
          ruleId: d.ruleId,
          level: levelOf(d.severity),
          message: d.message,
          packageFile: d.file,
          pointer: d.path,
          location: locations[i] ?? { file: input },
        }),
      );
    }
    if (format === "text") {
      for (const d of diagnostics) {
        const where = `${several ? `${input}: ` : ""}${d.file} ${d.path === "" ? "/" : d.path}`;
        console.log(`${where}: ${d.severity} ${d.ruleId} ${d.message}`);
      }
    }
    if (format === "text" || format === "github") {
      const count = (s: Diagnostic["severity"]) => diagnostics.filter((d) => d.severity === s).length;
      console.error(
        `${input}: ${count("error")} error(s), ${count("warning")} warning(s), ${count("info")} note(s)${certification ? " (certification rules on)" : ""}`,
      );
    }
  }
  if (format === "json") console.log(JSON.stringify(all, null, 2));
  if (format === "sarif")
    console.log(JSON.stringify(sarifLog(TOOL, validationRuleDescriptions(), findings), null, 2));
  if (format === "github") for (const f of findings) console.log(githubAnnotation(f));
  if (unreadable) return 2;
  return all.some((d) => d.severity === "error") ? 1 : 0;
}
