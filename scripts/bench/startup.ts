/**
 * CLI start-up: `connector-studio validate <one small connector>` as a child process, from the bundle
 * `npm run build` makes (built here first, so the figure is never of a stale bundle), against `node -e 0`
 * timed alternately in the same run; target ≤ 5× the floor.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchSection } from "./bench-section";
import { median } from "./bench-util";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = path.join(ROOT, "bin", "connector-studio.js");
/** A small published connector (5 operations); the corpus layout is `connectors/<group>/<name>`. */
const CONNECTOR = "connectors/independent-publisher-connectors/Tomorrow.io";

function timeChild(args: readonly string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: "ignore", env: { ...process.env } });
  const elapsed = performance.now() - start;
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} exited with ${result.status}`);
  return elapsed;
}

export const section: BenchSection = {
  name: "startup",
  async run(corpusDir, { runs }) {
    const connector = path.join(corpusDir, CONNECTOR);
    if (!existsSync(connector)) return [`skipped: ${connector} not found`];
    const build = spawnSync(process.execPath, [path.join(ROOT, "scripts", "build-cli.js")], {
      cwd: ROOT,
      encoding: "utf8",
    });
    if (build.status !== 0) throw new Error(`building the CLI failed: ${build.stderr}`);
    const floor: number[] = [];
    const cli: number[] = [];
    const rounds = Math.max(runs, 5);
    timeChild(["-e", "0"]);
    timeChild([BIN, "validate", connector]);
    for (let i = 0; i < rounds; i++) {
      floor.push(timeChild(["-e", "0"]));
      cli.push(timeChild([BIN, "validate", connector]));
    }
    const ratio = median(cli) / median(floor);
    return [
      `node -e 0: ${median(floor).toFixed(0)} ms (median of ${rounds})`,
      `connector-studio validate ${CONNECTOR.split("/").at(-1)}: ${median(cli).toFixed(0)} ms, ${ratio.toFixed(2)}× node -e 0`,
      `target: ≤ 5× node -e 0 (${ratio <= 5 ? "met" : "NOT met"})`,
    ];
  },
};
