import {
  GROUPING_RULE_IDS,
  RELATED_RULE_IDS,
  RULES,
  SCHEMA_CHECK_RULE_IDS,
} from "../validation/rule-catalog";
import { levelOf, type RuleDescription } from "./report-formats";

/**
 * Every id `validate` can report, for the SARIF driver: the rules with their severity and summary, the ids
 * they report besides their own, the Swagger 2.0 JSON Schema check's ids, and ValidatorRuleFailed.
 */
export function validationRuleDescriptions(): RuleDescription[] {
  const out = new Map<string, RuleDescription>();
  for (const rule of RULES) {
    if (!GROUPING_RULE_IDS.has(rule.id))
      out.set(rule.id, { id: rule.id, level: levelOf(rule.severity), help: rule.summary });
  }
  for (const rule of RULES)
    for (const id of RELATED_RULE_IDS[rule.id] ?? [])
      if (!out.has(id)) out.set(id, { id, level: levelOf(rule.severity), help: rule.summary });
  for (const id of SCHEMA_CHECK_RULE_IDS)
    if (!out.has(id))
      out.set(id, {
        id,
        level: "error",
        help: "The definition does not match the Swagger 2.0 JSON Schema at this place.",
      });
  out.set("ValidatorRuleFailed", {
    id: "ValidatorRuleFailed",
    level: "error",
    help: "A check could not run on this document; fix the other problems first.",
  });
  return [...out.values()];
}

/** The two kinds of `diff` findings. */
export const DIFF_RULES: readonly RuleDescription[] = [
  {
    id: "BreakingChange",
    level: "error",
    help: "A change that can break flows built on the old version (the platform's change validation flags it).",
  },
  { id: "Change", level: "note", help: "A change that keeps flows built on the old version working." },
];
