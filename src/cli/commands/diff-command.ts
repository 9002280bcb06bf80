import { diffConnectors } from "../../review/diff-connectors";
import type { ParsedArgs } from "../args";
import { loadConnector } from "../load-connector";

/**
 * `connector-studio diff <old> <new> [--format text|json]`: the semantic comparison of two versions. Exit 1 when
 * any change breaks existing flows, 0 otherwise, 2 when an input cannot be read.
 */
export async function runDiff({ positionals, values }: ParsedArgs): Promise<number> {
  const [oldInput, newInput] = positionals as [string, string];
  const [before, after] = await Promise.all([loadConnector(oldInput), loadConnector(newInput)]);
  if (!before.ok || !after.ok) {
    for (const r of [before, after]) if (!r.ok) for (const line of r.lines) console.error(line);
    return 2;
  }
  const changes = diffConnectors(before.value.document, after.value.document);
  if (values.format === "json") {
    const out = changes.map((c) => ({
      breaking: c.breaking,
      operationId: c.operationId ?? null,
      path: c.path,
      file: c.file,
      area: c.area,
      kind: c.kind,
      message: c.message,
    }));
    console.log(JSON.stringify({ changes: out }, null, 2));
  } else {
    for (const c of changes)
      console.log(
        `${c.breaking ? "BREAKING " : ""}${c.operationId ? `${c.operationId}: ` : ""}${c.message} (${c.path})`,
      );
    const breaking = changes.filter((c) => c.breaking).length;
    console.log(`${changes.length} change(s), ${breaking} breaking`);
  }
  return changes.some((c) => c.breaking) ? 1 : 0;
}
