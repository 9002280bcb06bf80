/** The files a diagnostic can point into. */
export type DiagnosticFile = "apiDefinition.swagger.json" | "apiProperties.json" | "script.csx" | "icon.png";

export type Severity = "error" | "warning" | "info";

/**
 * One problem, from any source (validator rules, swagger-parser, parsing, import). `path` is a JSON
 * pointer into `file`; the Swagger editor maps it to a text range and the forms to a field.
 */
export interface Diagnostic {
  /** Microsoft's validator rule id where one exists (e.g. `OperationIdNotUnique`), else our own. */
  ruleId: string;
  severity: Severity;
  file: DiagnosticFile;
  path: string;
  /** Plain language: what is wrong and how to fix it. */
  message: string;
}

/** A problem reading a file: what it says, and where (1-based line and column) when that applies. */
export interface TextProblem {
  file: string;
  line?: number;
  column?: number;
  message: string;
}

/** Formats a text problem as one line: `file:line:column: message`. */
export function formatTextProblem(problem: TextProblem): string {
  const where =
    problem.line !== undefined
      ? `${problem.file}:${problem.line}${problem.column !== undefined ? `:${problem.column}` : ""}`
      : problem.file;
  return `${where}: ${problem.message}`;
}
