import { diffConnectors, type ConnectorChange } from "../../review/diff-connectors";
import type { ParsedArgs } from "../args";
import { CliError } from "../cli-error";
import { importFiles } from "../../importers/import-files";
import { formatTextProblem } from "../../model/diagnostic";
import { problemFile, readInputFiles, type ReadInput } from "../read-inputs";
import { DIFF_RULES } from "../rule-descriptions";
import { githubAnnotation, sarifLog, type Finding } from "../report-formats";
import { locateFindings } from "../source-locations";
import { TOOL } from "../tool-info";
import type { ImportSuccess } from "../../importers/import-types";

interface Loaded {
  input: string;
  read: ReadInput;
  outcome: ImportSuccess;
}

/** Reads and imports one input; prints why when it cannot, and returns null. */
async function load(input: string): Promise<Loaded | null> {
  let read: ReadInput;
  try {
    read = await readInputFiles(input);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    console.error(error.message);
    return null;
  }
  const outcome = importFiles(read.files, { swaggerAsIs: true });
  if (!outcome.ok) {
    for (const p of outcome.problems)
      console.error(formatTextProblem({ ...p, file: problemFile(input, read, p.file) }));
    return null;
  }
  return { input, read, outcome };
}

/** Each change as a finding located in the new version's files (in the old one's for a removal). */
function changeFindings(changes: readonly ConnectorChange[], before: Loaded, after: Loaded): Finding[] {
  const locate = (side: Loaded, list: readonly ConnectorChange[]) =>
    locateFindings(side.input, side.read, list, side.outcome.kind === "swagger");
  const removed = changes.filter((c) => c.kind === "removed");
  const other = changes.filter((c) => c.kind !== "removed");
  const places = new Map<ConnectorChange, Finding["location"]>();
  locate(before, removed).forEach((l, i) => places.set(removed[i] as ConnectorChange, l));
  locate(after, other).forEach((l, i) => places.set(other[i] as ConnectorChange, l));
  return changes.map((c) => ({
    ruleId: c.breaking ? "BreakingChange" : "Change",
    level: c.breaking ? "error" : "note",
    message: `${c.operationId ? `${c.operationId}: ` : ""}${c.message}`,
    packageFile: c.file,
    pointer: c.path,
    location: places.get(c) ?? { file: after.input },
  }));
}

/**
 * `connector-studio diff <old> <new> [--format text|json|sarif|github]`: the semantic comparison of two versions. Exit 1 when
 * any change breaks existing flows, 0 otherwise, 2 when an input cannot be read.
 */
export async function runDiff({ positionals, values }: ParsedArgs): Promise<number> {
  const [oldInput, newInput] = positionals as [string, string];
  const before = await load(oldInput);
  const after = await load(newInput);
  if (!before || !after) return 2;
  const changes = diffConnectors(before.outcome.document, after.outcome.document);
  if (values.format === "sarif") {
    console.log(JSON.stringify(sarifLog(TOOL, DIFF_RULES, changeFindings(changes, before, after)), null, 2));
  } else if (values.format === "github") {
    for (const f of changeFindings(changes, before, after)) console.log(githubAnnotation(f));
  } else if (values.format === "json") {
    const out = changes.map((c) => ({
      breaking: c.breaking,
      operationId: c.operationId ?? null,
      path: c.path,
      file: c.file,
      area: c.area,
      kind: c.kind,
      message: c.message,
      ...(c.incomplete ? { incomplete: true } : {}),
    }));
    console.log(JSON.stringify({ changes: out }, null, 2));
  } else {
    for (const c of changes)
      console.log(
        `${c.breaking ? "BREAKING " : ""}${c.operationId ? `${c.operationId}: ` : ""}${c.message} (${c.path})`,
      );
    const breaking = changes.filter((c) => c.breaking).length;
    const incomplete = changes.filter((c) => c.incomplete).length;
    console.log(
      `${changes.length} change(s), ${breaking} breaking${incomplete > 0 ? `; ${incomplete} schema(s) too deep to compare fully` : ""}`,
    );
  }
  return changes.some((c) => c.breaking) ? 1 : 0;
}
