import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { convertPostman } from "../../src/importers/postman/convert-postman";
import { swaggerProblem } from "../../src/importers/postman/__fixtures__/swagger-validate";
import type { JsonValue } from "../../src/model/json-value";
import { listOperations } from "../../src/model/swagger-types";
import type { CorpusSection } from "./corpus-section";

function listJson(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...listJson(full));
    else if (entry.endsWith(".json")) out.push(full);
  }
  return out;
}

/**
 * Every collection in `<corpus>/postman` (edge cases included) must convert, or fail with a clear message,
 * and every output must pass swagger-parser with unique operationIds. Prints operations and report entries
 * by kind per collection.
 */
export const section: CorpusSection = {
  name: "postman",
  async run(corpusDir) {
    const root = join(corpusDir, "postman");
    const lines: string[] = [];
    let passed = 0;
    let failed = 0;
    const totals = {
      requests: 0,
      operations: 0,
      approximated: 0,
      dropped: 0,
      "kept-as-extension": 0,
      note: 0,
      fixed: 0,
    };
    for (const file of listJson(root)) {
      const name = relative(root, file);
      let value: JsonValue;
      try {
        value = JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, "")) as JsonValue;
      } catch (error) {
        failed++;
        lines.push(`✗ ${name}: not JSON (${(error as Error).message})`);
        continue;
      }
      let result;
      try {
        result = convertPostman(value, { sourceName: name });
      } catch (error) {
        // A clear Error is an accepted outcome for unusable input; an unexpected crash type is not.
        const message = (error as Error).message;
        if (
          error instanceof Error &&
          message.length > 0 &&
          !/undefined|null|is not a function/.test(message)
        ) {
          passed++;
          lines.push(`– ${name}: rejected with a clear message: ${message}`);
        } else {
          failed++;
          lines.push(`✗ ${name}: crashed: ${message}`);
        }
        continue;
      }
      const ops = listOperations(result.document.definition);
      const ids = ops.map((o) => o.operation.operationId);
      const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
      const problem =
        (await swaggerProblem(result.document.definition)) ??
        (duplicate ? `duplicate operationId ${duplicate}` : undefined);
      const kinds = { approximated: 0, dropped: 0, "kept-as-extension": 0, note: 0, fixed: 0 };
      for (const entry of result.report) kinds[entry.kind]++;
      totals.operations += ops.length;
      for (const k of Object.keys(kinds) as (keyof typeof kinds)[]) totals[k] += kinds[k];
      const counts = `${ops.length} ops; report: ${kinds.approximated} approximated, ${kinds.dropped} dropped, ${kinds.note} notes`;
      if (problem) {
        failed++;
        lines.push(`✗ ${name}: ${counts}; INVALID: ${problem.slice(0, 300)}`);
      } else {
        passed++;
        lines.push(`✓ ${name}: ${counts}`);
      }
    }
    lines.push(
      `postman totals: ${totals.operations} operations; report ${totals.approximated} approximated, ${totals.dropped} dropped, ${totals.note} notes`,
    );
    return { passed, failed, lines };
  },
};
