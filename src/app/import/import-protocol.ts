import type { ImportOutcome, InputFile } from "../../importers/import-types";
import type { PackedValue } from "./lossless-transfer";

/**
 * A file to import: its bytes, or a `Blob` (a dropped or picked `File`) that the worker reads itself, so
 * that the main thread does not have to read it first.
 */
export type ImportSource = InputFile | { path: string; blob: Blob };

/** Main thread → import worker. */
export interface ImportRequest {
  id: number;
  files: ImportSource[];
}

/** When the worker started, finished importing and finished packing (ms since the epoch, any thread). */
export interface ImportTiming {
  started: number;
  imported: number;
  packed: number;
}

/** Import worker → main thread. The outcome's side tables travel packed (see lossless-transfer.ts). */
export type ImportResponse =
  | { id: number; ok: true; outcome: PackedValue<ImportOutcome>; timing: ImportTiming }
  | { id: number; ok: false; error: string };
