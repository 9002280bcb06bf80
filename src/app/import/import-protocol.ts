import type { ImportOutcome, InputFile } from "../../importers/import-types";
import type { PackedValue } from "./lossless-transfer";

/** Main thread → import worker. */
export interface ImportRequest {
  id: number;
  files: InputFile[];
}

/** Import worker → main thread. The outcome's side tables travel packed (see lossless-transfer.ts). */
export type ImportResponse =
  { id: number; ok: true; outcome: PackedValue<ImportOutcome> } | { id: number; ok: false; error: string };
