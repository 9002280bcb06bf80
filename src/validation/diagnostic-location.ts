import type { Diagnostic } from "../model/diagnostic";
import { parsePointer } from "../model/json-pointer";
import { isJsonObject } from "../model/json-value";
import { HTTP_METHODS, type HttpMethod, type SwaggerDocument } from "../model/swagger-types";

/** The wizard steps (duplicated from the store's StepId so that validation stays pure). */
export type ValidationStepId = "general" | "security" | "definition" | "code" | "test" | "review";

/** Rules about limits: they belong to the Review step's Budget. */
const BUDGET_RULES = new Set([
  "DefinitionSizeExceedsMaxAllowed",
  "TotalOperationsCountExceedsMaxAllowed",
  "BodySchemaCountExceedsMaxAllowed",
  "UnusedDefinition",
]);

/**
 * The step that owns the place a diagnostic points to: General (info, host, base path, schemes,
 * metadata, icon, brand colour, publisher), Security (security definitions and connection parameters),
 * Definition (paths, shared definitions/parameters/responses, policies), Code (custom code), Review
 * (limits and budget).
 */
export function stepForDiagnostic(d: Diagnostic): ValidationStepId {
  if (d.file === "script.csx") return "code";
  if (d.file === "icon.png") return "general";
  if (BUDGET_RULES.has(d.ruleId)) return "review";
  let segments: string[];
  try {
    segments = parsePointer(d.path);
  } catch {
    return "general";
  }
  const [first, second] = segments;
  if (d.file === "apiProperties.json") {
    if (first !== "properties") return "general";
    if (second === "connectionParameters" || second === "connectionParameterSets") return "security";
    if (second === "policyTemplateInstances") return "definition";
    if (second === "scriptOperations" || second === "script") return "code";
    return "general";
  }
  switch (first) {
    case "securityDefinitions":
    case "security":
      return "security";
    case "paths":
    case "definitions":
    case "parameters":
    case "responses":
    case "tags":
      return "definition";
    default:
      return "general";
  }
}

/** The operation a pointer falls in. */
export interface OperationLocationInfo {
  path: string;
  method: HttpMethod;
  operationId: string | null;
  /** `/paths/<path>/<method>` */
  pointer: string;
}

/**
 * The operation that contains `path` (a JSON pointer into the definition), or null for places outside
 * operations (info, shared definitions, path-level parameters).
 */
export function operationForPath(definition: SwaggerDocument, path: string): OperationLocationInfo | null {
  let segments: string[];
  try {
    segments = parsePointer(path);
  } catch {
    return null;
  }
  if (segments[0] !== "paths" || segments.length < 3) return null;
  const p = segments[1] as string;
  const method = segments[2] as string;
  if (!(HTTP_METHODS as readonly string[]).includes(method)) return null;
  const item = definition.paths?.[p];
  const op = isJsonObject(item) ? item[method] : undefined;
  const id =
    isJsonObject(op) && typeof op.operationId === "string" && op.operationId !== "" ? op.operationId : null;
  return {
    path: p,
    method: method as HttpMethod,
    operationId: id,
    pointer: `/paths/${p.replace(/~/g, "~0").replace(/\//g, "~1")}/${method}`,
  };
}

/** A group of the Validation list: an operation, or one of the other areas of the connector. */
export interface DiagnosticGroup {
  key: string;
  label: string;
  diagnostics: Diagnostic[];
}

/**
 * Groups diagnostics by operation (in document order of first appearance), then the rest by area:
 * "Connector" (info, host, security, metadata), "Shared definitions", "apiProperties.json", "Custom code".
 */
export function groupDiagnostics(
  definition: SwaggerDocument,
  diagnostics: readonly Diagnostic[],
): DiagnosticGroup[] {
  const groups = new Map<string, DiagnosticGroup>();
  const add = (key: string, label: string, d: Diagnostic) => {
    let g = groups.get(key);
    if (!g) {
      g = { key, label, diagnostics: [] };
      groups.set(key, g);
    }
    g.diagnostics.push(d);
  };
  for (const d of diagnostics) {
    if (d.file === "apiDefinition.swagger.json") {
      const op = operationForPath(definition, d.path);
      if (op) {
        add(`op:${op.pointer}`, op.operationId ?? `${op.method.toUpperCase()} ${op.path}`, d);
        continue;
      }
      if (/^\/(definitions|parameters|responses)\//.test(d.path)) add("shared", "Shared definitions", d);
      else if (/^\/paths\//.test(d.path)) add("paths", "Paths", d);
      else add("connector", "Connector", d);
    } else if (d.file === "apiProperties.json") add("properties", "apiProperties.json", d);
    else if (d.file === "script.csx") add("code", "Custom code", d);
    else add("icon", "Icon", d);
  }
  return [...groups.values()];
}
