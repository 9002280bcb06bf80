/**
 * One entry of an import report: something from the input that was not carried over exactly, or ("fixed")
 * something the import changed so that the connector can be exported (a validator quick fix it applied).
 */
export interface ImportReportEntry {
  kind: "approximated" | "dropped" | "kept-as-extension" | "note" | "fixed";
  /** For "fixed" (and drops made for the same reason): the validator rule id the change resolves. */
  rule?: string;
  /** Where in the input: a Postman item path (`Folder / Request`), a JSON pointer, a file name. */
  source: string;
  /** 1-based line and column of `source` in the input file, when it was worked out (e.g. a `$ref` to nothing). */
  line?: number;
  column?: number;
  /** JSON pointer in apiDefinition.swagger.json, when the item landed somewhere. */
  target?: string;
  /** Plain language: what happened and what the maker can do. */
  message: string;
}
