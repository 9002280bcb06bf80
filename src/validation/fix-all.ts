import type { Command } from "../model/command";
import type { Diagnostic } from "../model/diagnostic";
import type { ConnectorDocument } from "../model/connector-document";
import { quickFixFor } from "./quick-fixes";

/**
 * Quick fixes that the global **Fix all** leaves alone: renaming an operation ID changes what existing flows
 * call, so it is applied only when asked for (its own Fix, or Fix all of that rule).
 */
export const UNSAFE_IN_FIX_ALL: ReadonlySet<string> = new Set(["OperationIdSanitized"]);

/** A rule with diagnostics that have a quick fix: what "Fix all N" beside it does. */
export interface FixableRule {
  ruleId: string;
  count: number;
  /** Part of the global Fix all (see {@link UNSAFE_IN_FIX_ALL}). */
  safe: boolean;
}

/** The rules with quick fixes among `diagnostics`, in order of first appearance, and the global count. */
export function summariseFixes(
  diagnostics: readonly Diagnostic[],
  doc: ConnectorDocument,
): { rules: FixableRule[]; safeCount: number } {
  const byRule = new Map<string, FixableRule>();
  let safeCount = 0;
  for (const d of diagnostics) {
    if (!quickFixFor(d, doc)) continue;
    const safe = !UNSAFE_IN_FIX_ALL.has(d.ruleId);
    const rule = byRule.get(d.ruleId) ?? { ruleId: d.ruleId, count: 0, safe };
    rule.count++;
    byRule.set(d.ruleId, rule);
    if (safe) safeCount++;
  }
  return { rules: [...byRule.values()], safeCount };
}

/**
 * Applies the quick fixes of many diagnostics as one command (one undo step): every safe one, or every one
 * of `ruleId`. Each fix is worked out on the document as the previous fixes left it, so fixes that touch the
 * same place (two renames, a fix that covers several diagnostics at once) never clash; a diagnostic already
 * fixed by an earlier one has no fix any more and is skipped.
 */
export function fixAllCommand(
  diagnostics: readonly Diagnostic[],
  options: { ruleId?: string } = {},
): Command {
  const chosen = diagnostics.filter((d) =>
    options.ruleId !== undefined ? d.ruleId === options.ruleId : !UNSAFE_IN_FIX_ALL.has(d.ruleId),
  );
  return {
    name: options.ruleId !== undefined ? `quick-fix:fix-all:${options.ruleId}` : "quick-fix:fix-all",
    label: options.ruleId !== undefined ? `Fix all ${options.ruleId}` : "Fix all",
    apply: (doc) => {
      let current = doc;
      // Commands that fix every occurrence at once (add missing summaries, remove unused definitions) run once.
      const ranOnce = new Set<string>();
      for (const d of chosen) {
        const fix = quickFixFor(d, current);
        if (!fix || ranOnce.has(fix.command.name)) continue;
        if (WHOLE_DOCUMENT_FIXES.has(fix.command.name)) ranOnce.add(fix.command.name);
        current = fix.command.apply(current);
      }
      return current;
    },
  };
}

/** Quick-fix commands that fix every diagnostic of their rule in one pass. */
const WHOLE_DOCUMENT_FIXES = new Set([
  "quick-fix:add-summaries",
  "quick-fix:add-parameter-summaries",
  "quick-fix:remove-unused-definitions",
]);
