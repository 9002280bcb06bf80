import { importFiles } from "../importers/import-files";
import { formatTextProblem, type Diagnostic } from "../model/diagnostic";
import { validateConnector } from "../validation/validate-connector";
import { CliError } from "./cli-error";
import { problemFile, readInputFiles } from "./read-inputs";
import { locateFindings, type SourceLocation } from "./source-locations";

export interface ValidateOneOptions {
  certification: boolean;
  /** Also find the file, line and column of each diagnostic (SARIF and GitHub output). */
  locate: boolean;
}

/** What validating one input gave: its diagnostics, or the lines that say why it could not be read. */
export interface ValidateOneOutcome {
  input: string;
  unreadable: boolean;
  problems: string[];
  diagnostics: Diagnostic[];
  /** One per diagnostic when `locate` was asked for. */
  locations: SourceLocation[] | null;
}

/** Reads, imports and validates one input. Plain data in and out, so a worker thread can run it. */
export async function validateOne(input: string, options: ValidateOneOptions): Promise<ValidateOneOutcome> {
  const outcome: ValidateOneOutcome = {
    input,
    unreadable: false,
    problems: [],
    diagnostics: [],
    locations: null,
  };
  let read;
  try {
    read = await readInputFiles(input);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    return { ...outcome, unreadable: true, problems: [error.message] };
  }
  const imported = importFiles(read.files, { swaggerAsIs: true, valuesOnly: true });
  if (!imported.ok)
    return {
      ...outcome,
      unreadable: true,
      problems: imported.problems.map((p) =>
        formatTextProblem({ ...p, file: problemFile(input, read, p.file) }),
      ),
    };
  const diagnostics = await validateConnector(imported.document, { certification: options.certification });
  const locations = options.locate
    ? locateFindings(input, read, diagnostics, imported.kind === "swagger")
    : null;
  return { ...outcome, diagnostics, locations };
}
