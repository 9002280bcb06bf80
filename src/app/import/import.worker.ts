/// <reference lib="webworker" />
import { importFiles } from "../../importers/import-files";
import type { InputFile } from "../../importers/import-types";
import type { ImportRequest, ImportResponse, ImportSource } from "./import-protocol";
import { packSideTables } from "./lossless-transfer";

const scope = self as unknown as DedicatedWorkerGlobalScope;

async function readSource(source: ImportSource): Promise<InputFile> {
  if ("bytes" in source) return source;
  return { path: source.path, bytes: new Uint8Array(await source.blob.arrayBuffer()) };
}

scope.onmessage = async (event: MessageEvent<ImportRequest>) => {
  const { id, files } = event.data;
  const now = () => performance.timeOrigin + performance.now();
  const started = now();
  let response: ImportResponse;
  try {
    const outcome = importFiles(await Promise.all(files.map(readSource)));
    const imported = now();
    const packed = packSideTables(outcome);
    response = { id, ok: true, outcome: packed, timing: { started, imported, packed: now() } };
  } catch (error) {
    response = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(response);
};
