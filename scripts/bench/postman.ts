import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { convertPostman } from "../../src/importers/postman/convert-postman";
import { upgradeV1 } from "../../src/importers/postman/upgrade-v1";
import type { JsonObject, JsonValue } from "../../src/model/json-value";
import { listOperations } from "../../src/model/swagger-types";
import type { BenchSection } from "./bench-section";
import { timePair } from "./bench-util";

function listJson(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...listJson(full));
    else if (entry.endsWith(".json")) out.push(full);
  }
  return out;
}

const fmt = (ms: number): string => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));

/**
 * Postman → Swagger 2.0: per collection, parse + convert (what a drop costs; the peers also start from
 * text) against the floor JSON.parse of the same text, as a ratio. For v1 collections, the share of
 * Postman's transformer (v1 → v2.1) is printed too. Sabre (951 requests) is the headline: the peers
 * p2o and @readme/postman-to-openapi take ~15 ms there (peer-figures.md); compare them in the same run
 * with scripts/bench/postman-peer-adapter.ts.
 */
export const section: BenchSection = {
  name: "postman",
  async run(corpusDir, { runs }) {
    const root = join(corpusDir, "postman");
    const lines: string[] = ["collection | ops | floor JSON.parse | parse+convert | ratio"];
    let totalFloor = 0;
    let totalSubject = 0;
    for (const file of listJson(root)) {
      const name = relative(root, file);
      const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
      let ops = 0;
      try {
        const { floor, subject } = timePair(
          () => JSON.parse(text),
          () => {
            ops = listOperations(
              convertPostman(JSON.parse(text) as JsonValue, { sourceName: name }).document.definition,
            ).length;
          },
          runs,
        );
        totalFloor += floor;
        totalSubject += subject;
        let extra = "";
        const parsed = JSON.parse(text) as JsonObject;
        if (Array.isArray(parsed.requests) && parsed.info === undefined) {
          const upgrade = timePair(
            () => undefined,
            () => upgradeV1(parsed),
            runs,
          );
          extra = ` (v1 upgrade by postman-collection-transformer: ${fmt(upgrade.subject)} ms)`;
        }
        lines.push(
          `${name} | ${ops} | ${fmt(floor)} ms | ${fmt(subject)} ms | ${(subject / floor).toFixed(1)}×${extra}`,
        );
      } catch (error) {
        lines.push(`${name} | – | – | rejected: ${(error as Error).message}`);
      }
    }
    lines.push(
      `all collections | | ${fmt(totalFloor)} ms | ${fmt(totalSubject)} ms | ${(totalSubject / totalFloor).toFixed(1)}×`,
    );
    return lines;
  },
};
