import type { ConnectorDocument } from "../model/connector-document";
import type { Diagnostic, DiagnosticFile, Severity } from "../model/diagnostic";
import type { JsonObject, JsonValue } from "../model/json-value";
import type { HttpMethod, Operation, Parameter, SwaggerDocument } from "../model/swagger-types";

export const DEFINITION_FILE: DiagnosticFile = "apiDefinition.swagger.json";
export const PROPERTIES_FILE: DiagnosticFile = "apiProperties.json";

/** One effective parameter of an operation (path-level and operation-level merged, `$ref` resolved). */
export interface ParamInfo {
  param: Parameter;
  /** Where the parameter is listed for this operation (the `$ref` site when it is a reference). */
  pointer: string;
  /** Where the parameter object itself lives (the `#/parameters/...` target for a reference). */
  targetPointer: string;
  level: "path" | "operation";
}

/** One operation located in the definition, with everything the rules ask about it. */
export interface OperationInfo {
  path: string;
  method: HttpMethod;
  operation: Operation;
  /** `/paths/<path>/<method>` */
  pointer: string;
  /** `/paths/<path>` */
  pathPointer: string;
  parameters: ParamInfo[];
  /** Has `x-ms-trigger`. */
  isTrigger: boolean;
  /** A trigger whose parameters reach an `x-ms-notification-url: true`, or whose path item carries `x-ms-notification-content`. */
  isWebhook: boolean;
}

/** A schema met while walking the definition. */
export interface SchemaVisit {
  schema: JsonObject;
  pointer: string;
  /** Where the schema sits: a body parameter or response (top of a body), a nested property, a shared definition… */
  role:
    "definition" | "body" | "response" | "property" | "items" | "additional" | "composed" | "notification";
  /** The operation the schema belongs to, when it is inline in one. */
  operation?: OperationInfo;
}

/** Everything a rule can read. Built once per validation run. */
export interface RuleContext {
  doc: ConnectorDocument;
  definition: SwaggerDocument;
  /** `apiProperties.json → properties` (empty object when absent). */
  apiProperties: JsonObject;
  certification: boolean;
  operations: OperationInfo[];
  /** Operation ids present in the definition. */
  operationIds: Set<string>;
  /** Every inline and shared schema, walked once. */
  schemas: SchemaVisit[];
  /** Every `$ref` in the definition with the pointer of the object holding it. */
  refs: { ref: string; pointer: string }[];
  /** Every object key starting with `x-` (case-insensitively) with the pointer of the key itself. */
  extensionKeys: {
    key: string;
    pointer: string;
    parentPointer: string;
    value: JsonValue | undefined;
    parent: JsonObject;
  }[];
  /** Resolves a local `#/...` reference; undefined when it does not exist. */
  resolve(ref: string): unknown;
}

/** A diagnostic without the fields a rule fills from its own metadata. */
export interface Finding {
  path: string;
  message: string;
  /** Overrides the rule's default severity for this finding. */
  severity?: Severity;
  /** Overrides the rule's file. */
  file?: DiagnosticFile;
  /** Overrides the rule id (a rule module may emit several closely related ids). */
  ruleId?: string;
}

/** One validator rule: Microsoft's id where one exists, else our own, with a default severity. */
export interface Rule {
  id: string;
  severity: Severity;
  file: DiagnosticFile;
  /** Only in certification mode. */
  certificationOnly?: boolean;
  /** One line for the rule documentation. */
  summary: string;
  check(ctx: RuleContext): Iterable<Finding>;
}

/** Builds a diagnostic from a rule and one of its findings. */
export function toDiagnostic(rule: Rule, finding: Finding): Diagnostic {
  return {
    ruleId: finding.ruleId ?? rule.id,
    severity: finding.severity ?? rule.severity,
    file: finding.file ?? rule.file,
    path: finding.path,
    message: finding.message,
  };
}
