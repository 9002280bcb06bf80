/**
 * The importers as adapters for the peer harness in `/work/shared/bench-peers` (`--adapters=`), so they are
 * timed beside p2o, api-spec-converter and the others in the same run. Bundle it first (nothing of the bundle
 * is committed):
 *
 *   npx esbuild scripts/bench/postman-peer-adapter.ts --bundle --platform=node --format=esm \
 *     --banner:js="import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" \
 *     --outfile=/tmp/adapters.mjs
 *   node run.mjs <corpus> --only=postman,down --adapters=/tmp/adapters.mjs   # in the harness copy
 *
 * What is timed is what the user gets: the conversion **and** the make-ready pass (`makeImportReady`, which
 * `importFiles` runs after every conversion). `postman[].run(text)` starts from the collection's text, like
 * the peers; `down[].run(doc)` from the parsed OpenAPI 3 document, like api-spec-converter. The
 * "whole importFiles" adapter times the import as the app and CLI run it (decoding the bytes, the lossless
 * parser, conversion, make-ready); the bytes are encoded once per file, on the harness's warm-up call.
 * "convert only" is the conversion without make-ready, to show what that pass costs.
 */
import { importFiles } from "../../src/importers/import-files";
import type { ConversionResult } from "../../src/importers/import-types";
import { makeImportReady } from "../../src/importers/make-ready";
import { convertOpenApi3 } from "../../src/importers/openapi3/convert-openapi3";
import { convertPostman } from "../../src/importers/postman/convert-postman";
import type { JsonValue } from "../../src/model/json-value";

const parse = (text: string): JsonValue => JSON.parse(text.replace(/^\uFEFF/, "")) as JsonValue;
const ready = (result: ConversionResult): ConversionResult => {
  const made = makeImportReady(result.document);
  return { document: made.document, report: [...result.report, ...made.report] };
};
const toDoc = (result: ConversionResult) => result.document.definition;

const bytesByFile = new Map<string, Uint8Array>();

export const postman = [
  {
    name: "connector-studio import (convertPostman + makeImportReady)",
    pkg: null,
    run: (text: string, file?: string): ConversionResult =>
      ready(convertPostman(parse(text), { sourceName: file ?? "collection.json" })),
    toDoc,
  },
  {
    name: "connector-studio whole importFiles (bytes → ready connector)",
    pkg: null,
    run: (text: string, file?: string) => {
      const path = file ?? "collection.json";
      let bytes = bytesByFile.get(path);
      if (!bytes) {
        bytes = new TextEncoder().encode(text);
        bytesByFile.set(path, bytes);
      }
      const outcome = importFiles([{ path, bytes }]);
      if (!outcome.ok) throw new Error(outcome.problems[0]?.message ?? "import failed");
      return outcome;
    },
    toDoc: (outcome: { document: { definition: unknown } }) => outcome.document.definition,
  },
  {
    name: "connector-studio convertPostman only (not ready)",
    pkg: null,
    run: (text: string, file?: string): ConversionResult =>
      convertPostman(parse(text), { sourceName: file ?? "collection.json" }),
    toDoc,
  },
];
export const validators = [];
export const down = [
  {
    name: "connector-studio import (convertOpenApi3 + makeImportReady)",
    pkg: null,
    applies: () => true,
    run: (doc: JsonValue): ConversionResult => ready(convertOpenApi3(doc, { sourceName: "openapi.json" })),
    toDoc,
  },
  {
    name: "connector-studio convertOpenApi3 only (not ready)",
    pkg: null,
    applies: () => true,
    run: (doc: JsonValue): ConversionResult => convertOpenApi3(doc, { sourceName: "openapi.json" }),
    toDoc,
  },
];
