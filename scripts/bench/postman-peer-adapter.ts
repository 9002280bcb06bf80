/**
 * The Postman importer as an adapter for the peer harness in `/work/shared/bench-peers` (`--adapters=`),
 * so it is timed beside p2o and the others in the same run. Bundle it first (nothing of the bundle is
 * committed):
 *
 *   node_modules/.bin/esbuild scripts/bench/postman-peer-adapter.ts --bundle --platform=node --format=esm \
 *     --outfile=/tmp/postman-adapter.mjs
 *   node run.mjs <corpus> --only=postman --adapters=/tmp/postman-adapter.mjs   # in the harness copy
 *
 * `run(text)` parses and converts, like the peers (which all start from the collection's text).
 */
import { convertPostman } from "../../src/importers/postman/convert-postman";
import type { JsonValue } from "../../src/model/json-value";
import type { ConversionResult } from "../../src/importers/import-types";

export const postman = [
  {
    name: "connector-studio convertPostman (→ Swagger 2.0)",
    pkg: null,
    run: (text: string, file?: string): ConversionResult =>
      convertPostman(JSON.parse(text.replace(/^\uFEFF/, "")) as JsonValue, {
        sourceName: file ?? "collection.json",
      }),
    toDoc: (result: ConversionResult) => result.document.definition,
  },
];
export const validators = [];
export const down = [];
