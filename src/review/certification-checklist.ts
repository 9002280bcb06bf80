import type { ConnectorDocument } from "../model/connector-document";
import type { Diagnostic } from "../model/diagnostic";
import { isJsonObject } from "../model/json-value";
import { listOperations } from "../model/swagger-types";

export type ChecklistStatus = "passed" | "failed" | "todo";

/** One line of the certification checklist, mirroring the connectors repository's pull-request template. */
export interface ChecklistItem {
  id: string;
  label: string;
  status: ChecklistStatus;
  /** What to do: the fix for a failed item, the human check for a to-do. */
  detail: string;
  /** The diagnostics behind a failed item (click to jump). */
  diagnostics: Diagnostic[];
}

const key = (d: Diagnostic) => `${d.ruleId}|${d.file}|${d.path}`;

function hasSchemaOrDynamic(response: unknown): boolean {
  return (
    isJsonObject(response) && (response.schema !== undefined || response["x-ms-dynamic-schema"] !== undefined)
  );
}

function fromDiagnostics(id: string, label: string, list: Diagnostic[], passDetail: string): ChecklistItem {
  const failing = list.filter((d) => d.severity !== "info");
  return {
    id,
    label,
    status: failing.length > 0 ? "failed" : "passed",
    detail: failing.length > 0 ? (failing[0]?.message ?? "") : passDetail,
    diagnostics: failing,
  };
}

/**
 * Turns certification-mode validation into the pull-request checklist reviewers know: each item passed, failed
 * (with the diagnostics and their fixes) or left to the human (things no file can show, such as tests in flows).
 * `certification` are the results with certification rules, `plain` the results without them, so that items can
 * speak of what certification adds.
 */
export function buildCertificationChecklist(
  doc: ConnectorDocument,
  certification: readonly Diagnostic[],
  plain: readonly Diagnostic[],
  options: { independentPublisher: boolean },
): ChecklistItem[] {
  const plainKeys = new Set(plain.map(key));
  const added = certification.filter((d) => !plainKeys.has(key(d)));
  const inDefinition = (prefix: string) =>
    added.filter(
      (d) =>
        d.file === "apiDefinition.swagger.json" && (d.path === prefix || d.path.startsWith(`${prefix}/`)),
    );
  const props = isJsonObject(doc.properties.properties) ? doc.properties.properties : {};
  const color = typeof props.iconBrandColor === "string" ? props.iconBrandColor.toLowerCase() : "";
  const operations = listOperations(doc.definition);
  const withoutSchema = operations.filter((o) => {
    const responses = o.operation.responses ?? {};
    const success = Object.entries(responses).filter(([code]) => /^2\d\d$/.test(code));
    if (success.length === 0) return true;
    return success.every(([code, r]) => code !== "204" && code !== "202" && !hasSchemaOrDynamic(r));
  });
  const usesOAuth = Object.values(doc.definition.securityDefinitions ?? {}).some((s) => s.type === "oauth2");
  const errors = certification.filter((d) => d.severity === "error");

  const items: ChecklistItem[] = [
    {
      id: "validator",
      label: "The validator passes in certification mode (what paconn validate checks)",
      status: errors.length > 0 ? "failed" : "passed",
      detail:
        errors.length > 0
          ? `${errors.length} error(s) remain; fix them in the Validation list.`
          : "No errors.",
      diagnostics: errors,
    },
    fromDiagnostics(
      "title",
      "Title and description: English, at most 30 characters, no restricted words",
      inDefinition("/info"),
      "Title and description meet the rules.",
    ),
    fromDiagnostics(
      "descriptions",
      "Summaries and descriptions for all operations and parameters",
      inDefinition("/paths"),
      "Every operation and parameter is described.",
    ),
    {
      id: "response-schemas",
      label: "Response schemas for every operation (unless dynamic)",
      status: withoutSchema.length > 0 ? "failed" : "passed",
      detail:
        withoutSchema.length > 0
          ? `Add a response schema (Add default response) to: ${withoutSchema
              .slice(0, 8)
              .map((o) => o.operation.operationId ?? `${o.method.toUpperCase()} ${o.path}`)
              .join(", ")}${withoutSchema.length > 8 ? ` and ${withoutSchema.length - 8} more` : ""}.`
          : "Every operation describes its response.",
      diagnostics: [],
    },
    fromDiagnostics(
      "metadata",
      "Connector metadata: website, privacy policy and categories",
      inDefinition("/x-ms-connector-metadata").concat(added.filter((d) => d.ruleId.includes("Categor"))),
      "Metadata is complete.",
    ),
    options.independentPublisher
      ? {
          id: "brand-color",
          label: "Brand colour #da3b01 and no icon (independent publisher)",
          status: color === "#da3b01" ? "passed" : "failed",
          detail:
            color === "#da3b01"
              ? "The colour is right."
              : "Set Icon background color to #da3b01 (the certification package does it for you).",
          diagnostics: [],
        }
      : {
          id: "brand-color",
          label: "Brand colour is your own (not #007ee5 or #ffffff) and a 230×230 icon",
          status:
            color === "" || color === "#007ee5" || color === "#ffffff" || !doc.icon ? "failed" : "passed",
          detail:
            color === "" || color === "#007ee5" || color === "#ffffff"
              ? "Set Icon background color to your brand colour in the General step."
              : !doc.icon
                ? "Add a 230×230 PNG icon in the General step."
                : "Colour and icon are set.",
          diagnostics: [],
        },
    fromDiagnostics(
      "api-properties",
      "apiProperties.json: publisher, stack owner, connection parameters, policies",
      added.filter((d) => d.file === "apiProperties.json"),
      "apiProperties.json meets the rules.",
    ),
    {
      id: "not-existing",
      label: "The connector does not already exist in the repository",
      status: "todo",
      detail:
        "Search certified-connectors and independent-publisher-connectors for the service before submitting.",
      diagnostics: [],
    },
    {
      id: "tested",
      label: "All operations deployed and tested",
      status: "todo",
      detail: "Run every operation in the Test step and in a flow (about ten successful calls each).",
      diagnostics: [],
    },
  ];
  if (options.independentPublisher) {
    items.push({
      id: "screenshots",
      label: "Screenshots of three operations working in flows and of the Test step",
      status: "todo",
      detail: "Attach them to the pull request.",
      diagnostics: [],
    });
  }
  if (usesOAuth) {
    items.push({
      id: "oauth-steps",
      label: "README explains how to create the OAuth app",
      status: "todo",
      detail:
        "Fill in Obtaining Credentials in the generated README (redirect URL https://global.consent.azure-apim.net/redirect).",
      diagnostics: [],
    });
  }
  return items;
}
