import { importFiles } from "../importers/import-files";
import type { ImportSuccess } from "../importers/import-types";
import { formatTextProblem } from "../model/diagnostic";
import { problemLocation, readInput } from "./read-inputs";

/** Reads one CLI input as a connector, or returns the lines that say why it cannot be read. */
export async function loadConnector(
  input: string,
): Promise<{ ok: true; value: ImportSuccess } | { ok: false; lines: string[] }> {
  try {
    const outcome = importFiles(await readInput(input));
    if (!outcome.ok)
      return {
        ok: false,
        lines: outcome.problems.map((p) => formatTextProblem({ ...p, file: problemLocation(input, p.file) })),
      };
    return { ok: true, value: outcome };
  } catch (error) {
    return { ok: false, lines: [`${input}: ${error instanceof Error ? error.message : String(error)}`] };
  }
}
