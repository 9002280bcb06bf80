import { importFiles } from "../importers/import-files";
import type { ImportSuccess } from "../importers/import-types";
import { formatTextProblem } from "../model/diagnostic";
import { CliError } from "./cli-error";
import { problemFile, readInputFiles } from "./read-inputs";

/** Reads one CLI input as a connector, or returns the lines that say why it cannot be read. */
export async function loadConnector(
  input: string,
): Promise<{ ok: true; value: ImportSuccess } | { ok: false; lines: string[] }> {
  try {
    const read = await readInputFiles(input);
    const outcome = importFiles(read.files, { swaggerAsIs: true });
    if (!outcome.ok)
      return {
        ok: false,
        lines: outcome.problems.map((p) =>
          formatTextProblem({ ...p, file: problemFile(input, read, p.file) }),
        ),
      };
    return { ok: true, value: outcome };
  } catch (error) {
    if (error instanceof CliError) return { ok: false, lines: [error.message] };
    throw error;
  }
}
