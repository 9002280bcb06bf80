import type { ConnectorDocument } from "../model/connector-document";
import type { Diagnostic, Severity } from "../model/diagnostic";
import { buildRuleContext } from "./rule-context";
import { RULES } from "./rule-catalog";
import { toDiagnostic } from "./rule-types";
import { checkSwaggerSchema } from "./schema-check";

export interface ValidateOptions {
  /** Adds the certification content rules (and makes certification-only severities apply). */
  certification?: boolean;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Validates a connector synchronously: the Swagger 2.0 JSON Schema (compiled once) and the validator
 * rules. Never fetches anything: an external `$ref` is reported by SchemaReferenceNotValid with its URL.
 * A rule that throws on a malformed document is reported as a `ValidatorRuleFailed` error instead of
 * stopping the others.
 */
export function validateConnectorSync(doc: ConnectorDocument, options: ValidateOptions = {}): Diagnostic[] {
  const certification = options.certification === true;
  const ctx = buildRuleContext(doc, certification);
  const fromRules: Diagnostic[] = [];
  for (const rule of RULES) {
    if (rule.certificationOnly && !certification) continue;
    try {
      for (const finding of rule.check(ctx)) fromRules.push(toDiagnostic(rule, finding));
    } catch (error) {
      fromRules.push({
        ruleId: "ValidatorRuleFailed",
        severity: "error",
        file: rule.file,
        path: "",
        message: `The check ${rule.id} could not run on this document (${error instanceof Error ? error.message : String(error)}). Fix the other problems first.`,
      });
    }
  }
  const fromSchema = checkSwaggerSchema(doc.definition).filter(
    // A generic schema complaint where a rule already explains the place is noise.
    (d) =>
      !fromRules.some(
        (r) =>
          r.file === d.file &&
          (r.path === d.path ||
            r.path.startsWith(`${d.path}/`) ||
            (d.ruleId === "JsonValueNotValid" && d.path.startsWith(`${r.path}/`))),
      ),
  );
  const all = [...fromRules, ...fromSchema];
  // Stable: by severity, then by file and document position as the rules found them.
  return all
    .map((d, i) => ({ d, i }))
    .sort((a, b) => SEVERITY_ORDER[a.d.severity] - SEVERITY_ORDER[b.d.severity] || a.i - b.i)
    .map((x) => x.d);
}

/**
 * Validates a connector (Swagger 2.0 schema and the validator rules with Microsoft's rule ids) and returns
 * every diagnostic. Runs in Node (CLI), in a Worker, and in tests. The export gate calls it without
 * certification: errors block the export, warnings never do.
 */
export async function validateConnector(
  doc: ConnectorDocument,
  options: ValidateOptions = {},
): Promise<Diagnostic[]> {
  return validateConnectorSync(doc, options);
}

/** True when the diagnostics block an export (any error). */
export function hasBlockingErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
