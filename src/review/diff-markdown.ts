import type { ConnectorChange } from "./diff-connectors";

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/** Renders a comparison as Markdown for a pull request: counts, then breaking changes first, then the rest. */
export function diffToMarkdown(
  changes: readonly ConnectorChange[],
  titles: { old: string; new: string },
): string {
  const breaking = changes.filter((c) => c.breaking);
  const other = changes.filter((c) => !c.breaking);
  const count = (kind: ConnectorChange["kind"]) => changes.filter((c) => c.kind === kind).length;
  const lines = [
    `## Connector changes: ${titles.old} → ${titles.new}`,
    "",
    `${changes.length} change(s): ${count("added")} added, ${count("removed")} removed, ${count("changed")} changed; **${breaking.length} breaking**.`,
    "",
  ];
  const table = (title: string, list: readonly ConnectorChange[]) => {
    if (list.length === 0) return;
    lines.push(`### ${title}`, "", "| Operation | Area | Change | Where |", "|---|---|---|---|");
    for (const c of list) {
      lines.push(
        `| ${escapeCell(c.operationId ?? "—")} | ${c.area} | ${escapeCell(c.message)} | \`${escapeCell(c.path)}\` |`,
      );
    }
    lines.push("");
  };
  table("Breaking changes", breaking);
  table("Other changes", other);
  if (changes.length === 0) lines.push("No differences.", "");
  return lines.join("\n");
}
