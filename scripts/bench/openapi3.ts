import { isOpenApi3, convertOpenApi3 } from "../../src/importers/openapi3/convert-openapi3";
import { prepareSwagger2 } from "../../src/importers/openapi3/swagger2-input";
import { parseJsonText } from "../../src/model/text/json-text";
import { parseYamlText } from "../../src/model/text/yaml-text";
import { listOperations } from "../../src/model/swagger-types";
import { loadOpenApiInputs } from "../corpus/openapi3";
import type { BenchSection } from "./bench-section";
import { timePair } from "./bench-util";

const fmt = (ms: number): string => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));

/**
 * OpenAPI 3 → Swagger 2.0 (and Swagger 2.0 preparation): per document of `openapi/`, the conversion from
 * the parsed document against the parse floor of its text (JSON.parse, or `parseYamlText` for YAML), as a
 * ratio; the parse itself is listed because for YAML it can cost more than converting. The peer
 * (api-spec-converter, ~0.1 s on Stripe per peer-figures.md) is timed in the same run by the peer
 * harness: copy `../shared/bench-peers` to a temp dir, `npm install`, and run
 * `node run.mjs <corpus> --only=down --adapters=<adapter.mjs>` with an adapter module that registers tsx
 * (`tsx/esm/api` `register()`) and exports `down = [{ name, applies: () => true, run: (doc) =>
 * convertOpenApi3(doc, { sourceName: "input" }), toDoc: (r) => r.document.definition }]`.
 */
export const section: BenchSection = {
  name: "openapi3",
  async run(corpusDir, { runs }) {
    const lines: string[] = ["document | ops | parse floor | convert (from parsed) | ratio convert/floor"];
    let totalFloor = 0;
    let totalSubject = 0;
    for (const input of loadOpenApiInputs(corpusDir)) {
      if (input.parseError !== undefined) {
        lines.push(`${input.name} | not parsed: ${input.parseError.split("\n")[0] ?? ""}`);
        continue;
      }
      const yaml = /\.ya?ml$/i.test(input.entryPath);
      const parse = yaml
        ? () => parseYamlText(input.text, input.entryPath)
        : () => parseJsonText(input.text, input.entryPath);
      const openapi3 = isOpenApi3(input.document);
      let ops = 0;
      const convert = openapi3
        ? () => {
            ops = listOperations(
              convertOpenApi3(input.document, { sourceName: input.entryPath, companions: input.companions })
                .document.definition,
            ).length;
          }
        : () => {
            ops = listOperations(
              prepareSwagger2(input.document, { sourceName: input.entryPath, companions: input.companions })
                .definition,
            ).length;
          };
      try {
        const { floor, subject } = timePair(parse, convert, runs);
        totalFloor += floor;
        totalSubject += subject;
        lines.push(
          `${input.name} | ${ops} | ${fmt(floor)} ms (${yaml ? "parseYamlText" : "parseJsonText"}) | ${fmt(subject)} ms${openapi3 ? "" : " (Swagger 2.0 preparation)"} | ${(subject / Math.max(floor, 0.001)).toFixed(2)}×`,
        );
      } catch (error) {
        lines.push(`${input.name} | failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    lines.push(
      `total | | ${fmt(totalFloor)} ms | ${fmt(totalSubject)} ms | ${(totalSubject / Math.max(totalFloor, 0.001)).toFixed(2)}×`,
    );
    return lines;
  },
};

const invokedDirectly = process.argv[1]?.endsWith("openapi3.ts") && process.argv[1].includes("bench");
if (invokedDirectly) {
  void section
    .run(process.argv[2] ?? "../shared/corpus", { runs: Number(process.argv[3] ?? 3) })
    .then((lines) => {
      for (const line of lines) console.log(line);
    });
}
