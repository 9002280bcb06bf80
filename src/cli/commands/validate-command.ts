import { readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import type { Diagnostic } from "../../model/diagnostic";
import type { ParsedArgs } from "../args";
import { CliError, describeFsError } from "../cli-error";
import { githubAnnotation, levelOf, sarifLog, type Finding } from "../report-formats";
import { validationRuleDescriptions } from "../rule-descriptions";
import { TOOL } from "../tool-info";
import { runsFromBundle, validateAll } from "../validate-pool";

/** A diagnostic as printed by the CLI; `input` names the input when several were given. */
export type CliDiagnostic = Diagnostic & { input?: string };

/**
 * `--each`: the sub-folders of each input, sorted. A sub-folder that holds folders and no file is a group of
 * connector folders (`certified-connectors/` in the certified-connector repository): its sub-folders are taken
 * instead, so one command covers the whole repository layout.
 */
function connectorFolders(inputs: readonly string[]): string[] {
  const out: string[] = [];
  const subFolders = (folder: string) => {
    const entries = readdirSync(folder, { withFileTypes: true });
    return {
      folders: entries
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort((a, b) => a.localeCompare(b))
        .map((name) => path.join(folder, name)),
      hasFiles: entries.some((e) => !e.isDirectory()),
    };
  };
  const take = (folder: string) => {
    let inside;
    try {
      inside = subFolders(folder);
    } catch {
      out.push(folder); // validating it says why it cannot be read
      return;
    }
    if (!inside.hasFiles && inside.folders.length > 0) inside.folders.forEach(take);
    else out.push(folder);
  };
  for (const input of inputs) {
    let folders;
    try {
      folders = subFolders(input).folders;
    } catch (error) {
      throw new CliError(`--each ${input}: ${describeFsError(error)}`);
    }
    folders.forEach(take);
  }
  return out;
}

function jobsOf(value: string | undefined): number {
  // From the TypeScript source each thread would compile the whole source again: one job unless asked.
  if (value === undefined) return runsFromBundle() ? availableParallelism() : 1;
  if (!/^[1-9][0-9]*$/.test(value))
    throw new CliError(`--jobs must be a whole number of at least 1 (got "${value}")`);
  return Number(value);
}

/**
 * `connector-studio validate <folder | file | zip>... [--certification] [--each] [--jobs n]
 * [--format text|json|sarif|github]`. Inputs are validated on worker threads when there are several; output
 * keeps the input order. Text output is one line per diagnostic (`file path: severity ruleId message`); JSON
 * output is an array of diagnostics (with `input` when several inputs are given); SARIF and GitHub annotations
 * carry the file, line and column of each finding. Exit code 1 when any error, 2 when an input cannot be read
 * (or the arguments are wrong), 0 otherwise.
 */
export async function runValidate({ positionals, values, flags }: ParsedArgs): Promise<number> {
  const format = values.format ?? "text";
  const certification = flags.has("certification");
  const jobs = jobsOf(values.jobs);
  const inputs = flags.has("each") ? connectorFolders(positionals) : positionals;
  const several = inputs.length > 1 || flags.has("each");
  const locate = format === "sarif" || format === "github";
  const outcomes = await validateAll(inputs, { certification, locate }, jobs);

  const all: CliDiagnostic[] = [];
  const findings: Finding[] = [];
  let unreadable = false;
  for (const { input, problems, diagnostics, locations, ...outcome } of outcomes) {
    for (const line of problems) console.error(line);
    if (outcome.unreadable) {
      unreadable = true;
      continue;
    }
    for (const d of diagnostics) all.push(several ? { input, ...d } : d);
    if (locate)
      diagnostics.forEach((d, i) =>
        findings.push({
          ruleId: d.ruleId,
          level: levelOf(d.severity),
          message: d.message,
          packageFile: d.file,
          pointer: d.path,
          location: locations?.[i] ?? { file: input },
        }),
      );
    if (format === "text")
      for (const d of diagnostics) {
        const where = `${several ? `${input}: ` : ""}${d.file} ${d.path === "" ? "/" : d.path}`;
        console.log(`${where}: ${d.severity} ${d.ruleId} ${d.message}`);
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
