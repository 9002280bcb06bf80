import type { ConnectorDocument } from "../model/connector-document";
import type { TextProblem } from "../model/diagnostic";
import type { ImportReportEntry } from "../model/import-report";

/** A file handed to an importer: its path as dropped (folders kept, `/`-separated) and its bytes. */
export interface InputFile {
  path: string;
  bytes: Uint8Array;
}

/** What kind of input an import was made from. */
export type ImportSourceKind =
  "connector-package" | "swagger" | "postman" | "openapi3" | "logic-apps" | "wsdl";

/** A further connector of the same input (a Logic Apps template with several customApis resources). */
export interface FurtherConnector {
  document: ConnectorDocument;
  name: string;
  report: ImportReportEntry[];
}

export interface ImportSuccess {
  ok: true;
  document: ConnectorDocument;
  kind: ImportSourceKind;
  /** A name for the result (the input file or folder name without extension). */
  name: string;
  /** Items not carried over exactly (conversions); empty for a connector package. */
  report: ImportReportEntry[];
  /** Things the user should be told (encoding fallback, duplicate keys, ignored files). */
  notes: TextProblem[];
  /** What the input held, for the report's headline ("951 requests"); converted inputs only. */
  input?: { count: number; noun: string };
  /** The other connectors of the input, in its order, when it held several (each becomes a connector too). */
  more?: FurtherConnector[];
}

export interface ImportFailure {
  ok: false;
  /** Each problem names the file and, where it applies, the line and column. */
  problems: TextProblem[];
}

export type ImportOutcome = ImportSuccess | ImportFailure;

/** Result of a format converter (Postman, OpenAPI 3): a connector and what was not carried over exactly. */
export interface ConversionResult {
  document: ConnectorDocument;
  report: ImportReportEntry[];
}
