/// <reference lib="webworker" />
import { importFiles } from "../../importers/import-files";
import type { ImportRequest, ImportResponse } from "./import-protocol";
import { packSideTables } from "./lossless-transfer";

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<ImportRequest>) => {
  const { id, files } = event.data;
  let response: ImportResponse;
  try {
    const outcome = await importFiles(files);
    response = { id, ok: true, outcome: packSideTables(outcome) };
  } catch (error) {
    response = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(response);
};
