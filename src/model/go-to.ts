import type { ConnectorDocument } from "./connector-document";
import type { DiagnosticFile } from "./diagnostic";
import { toPointer } from "./json-pointer";
import { isJsonObject } from "./json-value";
import { listPolicies } from "./operations/policies";
import { summariseOperations } from "./operations/operations";

/** The wizard's steps, as Go to names them (the shell's step ids). */
export type GoToStep = "general" | "security" | "definition" | "code" | "test" | "review";

export type GoToKind = "step" | "operation" | "definition" | "parameter" | "policy" | "setting";

/** One place Go to can take the maker: a step, and in it an item to select (file and JSON pointer). */
export interface GoToTarget {
  /** Unique among the targets of one document (list keys, option ids). */
  id: string;
  kind: GoToKind;
  /** What the result shows first: the operation's summary, the definition's name, the setting's label. */
  label: string;
  /** What it shows after: "GET /items · ListItems", "Parameter of List items"… */
  detail: string;
  step: GoToStep;
  /** The item to select; absent for a step. */
  file?: DiagnosticFile;
  path?: string;
}

const DEFINITION: DiagnosticFile = "apiDefinition.swagger.json";
const PROPERTIES: DiagnosticFile = "apiProperties.json";

const STEPS: readonly { step: GoToStep; label: string; detail: string }[] = [
  { step: "general", label: "General", detail: "Name, description, icon, host" },
  { step: "security", label: "Security", detail: "Authentication and connection parameters" },
  { step: "definition", label: "Definition", detail: "Actions, triggers, references and policies" },
  { step: "code", label: "Code", detail: "Custom code (script.csx)" },
  { step: "test", label: "Test", detail: "Call the API" },
  { step: "review", label: "Review", detail: "Checklist, budget, compare, export" },
];

/** The General step's fields, by the label the step shows (its focus requests find them by pointer). */
const SETTINGS: readonly { label: string; file: DiagnosticFile; path: string }[] = [
  { label: "Connector name", file: DEFINITION, path: "/info/title" },
  { label: "Description", file: DEFINITION, path: "/info/description" },
  { label: "Icon background color", file: PROPERTIES, path: "/properties/iconBrandColor" },
  { label: "Scheme", file: DEFINITION, path: "/schemes" },
  { label: "Host", file: DEFINITION, path: "/host" },
  { label: "Base URL", file: DEFINITION, path: "/basePath" },
  { label: "Connect via on-premises data gateway", file: PROPERTIES, path: "/properties/capabilities" },
  { label: "Contact name", file: DEFINITION, path: "/info/contact/name" },
  { label: "Contact URL", file: DEFINITION, path: "/info/contact/url" },
  { label: "Contact email", file: DEFINITION, path: "/info/contact/email" },
  { label: "Website, privacy policy and categories", file: DEFINITION, path: "/x-ms-connector-metadata" },
  { label: "Publisher", file: PROPERTIES, path: "/properties/publisher" },
  { label: "Stack owner", file: PROPERTIES, path: "/properties/stackOwner" },
];

/**
 * Every place of a connector Go to offers, in the order results are shown when they rank the same: steps,
 * operations (with their parameters after them), definitions and shared parameters and responses,
 * policies, then settings (General fields, security definitions and connection parameters).
 */
export function goToTargets(doc: ConnectorDocument): GoToTarget[] {
  const targets: GoToTarget[] = STEPS.map((s) => ({
    id: `step:${s.step}`,
    kind: "step",
    label: s.label,
    detail: s.detail,
    step: s.step,
  }));
  const definition = doc.definition;
  const operations = summariseOperations(definition);
  const parameters: GoToTarget[] = [];
  for (const op of operations) {
    const title = op.summary || op.operationId || op.key;
    targets.push({
      id: `op:${op.pointer}`,
      kind: "operation",
      label: title,
      detail: `${op.key}${op.operationId ? ` · ${op.operationId}` : ""}${op.isTrigger ? " · trigger" : ""}`,
      step: "definition",
      file: DEFINITION,
      path: op.pointer,
    });
    const operation = definition.paths?.[op.path]?.[op.method];
    const params = isJsonObject(operation) && Array.isArray(operation.parameters) ? operation.parameters : [];
    params.forEach((param, index) => {
      if (!isJsonObject(param) || typeof param.name !== "string") return;
      const summary = typeof param["x-ms-summary"] === "string" ? param["x-ms-summary"] : "";
      const where = typeof param.in === "string" ? `${param.in} parameter` : "Parameter";
      parameters.push({
        id: `param:${op.pointer}/parameters/${index}`,
        kind: "parameter",
        label: summary && summary !== param.name ? `${summary} (${param.name})` : param.name,
        detail: `${where} of ${title}`,
        step: "definition",
        file: DEFINITION,
        path: `${op.pointer}/parameters/${index}`,
      });
    });
  }
  for (const [key, kind, noun] of [
    ["definitions", "definition", "Definition"],
    ["parameters", "parameter", "Shared parameter"],
    ["responses", "definition", "Shared response"],
  ] as const) {
    const group = definition[key];
    if (!isJsonObject(group)) continue;
    for (const name of Object.keys(group)) {
      const path = toPointer([key, name]);
      targets.push({
        id: `ref:${path}`,
        kind,
        label: name,
        detail: noun,
        step: "definition",
        file: DEFINITION,
        path,
      });
    }
  }
  targets.push(...parameters);
  for (const policy of listPolicies(doc)) {
    targets.push({
      id: `policy:${policy.index}`,
      kind: "policy",
      label: policy.title || policy.template?.label || policy.templateId || `Policy ${policy.index + 1}`,
      detail: `Policy${policy.templateId ? ` · ${policy.templateId}` : ""}`,
      step: "definition",
      file: PROPERTIES,
      path: `/properties/policyTemplateInstances/${policy.index}`,
    });
  }
  for (const setting of SETTINGS) {
    targets.push({
      id: `setting:${setting.file}#${setting.path}`,
      kind: "setting",
      label: setting.label,
      detail: "General setting",
      step: "general",
      file: setting.file,
      path: setting.path,
    });
  }
  if (isJsonObject(definition.securityDefinitions)) {
    for (const name of Object.keys(definition.securityDefinitions)) {
      const path = toPointer(["securityDefinitions", name]);
      targets.push({
        id: `security:${path}`,
        kind: "setting",
        label: name,
        detail: "Security definition",
        step: "security",
        file: DEFINITION,
        path,
      });
    }
  }
  const inner = doc.properties.properties;
  const connection = isJsonObject(inner) ? inner.connectionParameters : undefined;
  if (isJsonObject(connection)) {
    for (const name of Object.keys(connection)) {
      const path = toPointer(["properties", "connectionParameters", name]);
      targets.push({
        id: `connection:${path}`,
        kind: "setting",
        label: name,
        detail: "Connection parameter",
        step: "security",
        file: PROPERTIES,
        path,
      });
    }
  }
  return targets;
}

/** Lower is better; null when a word of the query is not found. */
function wordScore(word: string, label: string, detail: string): number | null {
  if (label === word) return 0;
  if (label.startsWith(word)) return 1;
  const inLabel = label.indexOf(word);
  if (inLabel > 0 && /[^a-z0-9]/.test(label[inLabel - 1] ?? "")) return 2;
  if (inLabel > 0) return 3;
  const inDetail = detail.indexOf(word);
  if (inDetail === 0 || (inDetail > 0 && /[^a-z0-9]/.test(detail[inDetail - 1] ?? ""))) return 4;
  if (inDetail > 0) return 5;
  return null;
}

/**
 * The targets that match every word of `query` (case-insensitive, in the label or the detail), best first:
 * a label that is the query, then labels that start with it, then matches at a word start, then anywhere;
 * label matches before detail matches; ties keep the order of {@link goToTargets}. An empty query gives the
 * first `limit` targets (the steps first).
 *
 * @example searchGoTo(goToTargets(doc), "get /items")[0]?.label // the GET /items operation
 */
export function searchGoTo(targets: readonly GoToTarget[], query: string, limit = 50): GoToTarget[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return targets.slice(0, limit);
  const whole = words.join(" ");
  const scored: { target: GoToTarget; score: number; order: number }[] = [];
  targets.forEach((target, order) => {
    const label = target.label.toLowerCase();
    const detail = target.detail.toLowerCase();
    let score = 0;
    for (const word of words) {
      const s = wordScore(word, label, detail);
      if (s === null) return;
      score += s;
    }
    // The whole query as it was typed ("list items") ranks above its words found apart.
    if (words.length > 1 && !label.includes(whole) && !detail.includes(whole)) score += words.length;
    scored.push({ target, score, order });
  });
  scored.sort((a, b) => a.score - b.score || a.order - b.order);
  return scored.slice(0, limit).map((s) => s.target);
}
