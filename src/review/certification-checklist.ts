import { DEFAULT_BRAND_COLOR, INDEPENDENT_PUBLISHER_BRAND_COLOR } from "../model/create-empty-connector";
import type { ConnectorDocument } from "../model/connector-document";
import type { Diagnostic } from "../model/diagnostic";
import { isJsonObject } from "../model/json-value";
import { certificationSentence, decideVerdict } from "../validation/verdict";

/** "warnings": nothing blocks certification, but the validator has advice (shown with the item). */
export type ChecklistStatus = "passed" | "failed" | "warnings" | "todo";

/** One line of the certification checklist, mirroring the connectors repository's pull-request template. */
export interface ChecklistItem {
  id: string;
  label: string;
  status: ChecklistStatus;
  /** What to do: the fix for a failed item, the human check for a to-do. */
  detail: string;
  /** The diagnostics behind the item, errors first (click to jump). */
  diagnostics: Diagnostic[];
}

const key = (d: Diagnostic) => `${d.ruleId}|${d.file}|${d.path}`;

/** The validator's rule ids behind each checklist item that is not decided by where the finding is. */
const METADATA_RULES = new Set([
  "ConnectorMetadataPropertiesMissing",
  "UrlNotValid",
  "TooManyConnectorCategories",
  "InvalidConnectorCategory",
  "ContactInformationMissing",
  "ContactEmailNotValid",
]);
const RESPONSE_RULES = new Set([
  "ResponseSchemaMissing",
  "DefaultResponseHasSchema",
  "OperationMustHaveResponse",
  "OperationShouldHaveSuccessfulResponse",
]);
const BRAND_RULES = new Set(["IconBrandColorNotAllowed", "IconNotValid"]);

/**
 * An item decided by the validator: failed when any of its diagnostics is an error, "warnings" when only
 * warnings remain, passed otherwise. Its detail is the first problem's message, so the checklist says what
 * the Validation panel says.
 */
function fromDiagnostics(id: string, label: string, list: Diagnostic[], passDetail: string): ChecklistItem {
  const errors = list.filter((d) => d.severity === "error");
  const warnings = list.filter((d) => d.severity === "warning");
  const shown = [...errors, ...warnings];
  return {
    id,
    label,
    status: errors.length > 0 ? "failed" : warnings.length > 0 ? "warnings" : "passed",
    detail: shown[0]?.message ?? passDetail,
    diagnostics: shown,
  };
}

function brandItem(list: Diagnostic[], hasIcon: boolean): ChecklistItem {
  const item = fromDiagnostics(
    "brand-color",
    `Brand colour is your own (not ${DEFAULT_BRAND_COLOR} or #ffffff) and a 230×230 icon`,
    list,
    "Colour and icon are set.",
  );
  // No icon is no validator error (the platform adds the default), but verified publishers submit one.
  if (item.status === "passed" && !hasIcon)
    return { ...item, status: "todo", detail: "Add a 230×230 PNG icon in the General step." };
  return item;
}

/**
 * Turns certification-mode validation into the pull-request checklist reviewers know: each item passed, failed
 * (with the diagnostics and their fixes), passed with the validator's warnings, or left to the human (things no
 * file can show, such as tests in flows). Every item that a file can show is decided by the validator's
 * results alone, so the checklist never contradicts the Validation panel. `certification` are the results with
 * certification rules, `plain` the results without them, so that items can speak of what certification adds.
 */
export function buildCertificationChecklist(
  doc: ConnectorDocument,
  certification: readonly Diagnostic[],
  plain: readonly Diagnostic[],
  options: { independentPublisher: boolean },
): ChecklistItem[] {
  const plainKeys = new Set(plain.map(key));
  const added = certification.filter((d) => !plainKeys.has(key(d)));
  const claimed = (d: Diagnostic) =>
    METADATA_RULES.has(d.ruleId) || RESPONSE_RULES.has(d.ruleId) || BRAND_RULES.has(d.ruleId);
  const inDefinition = (prefix: string) =>
    added.filter(
      (d) =>
        !claimed(d) &&
        d.file === "apiDefinition.swagger.json" &&
        (d.path === prefix || d.path.startsWith(`${prefix}/`)),
    );
  const byRule = (rules: Set<string>) => certification.filter((d) => rules.has(d.ruleId));
  const props = isJsonObject(doc.properties.properties) ? doc.properties.properties : {};
  const color = typeof props.iconBrandColor === "string" ? props.iconBrandColor.toLowerCase() : "";
  const usesOAuth = Object.values(doc.definition.securityDefinitions ?? {}).some((s) => s.type === "oauth2");
  const verdict = decideVerdict({ plain, certification });

  const items: ChecklistItem[] = [
    {
      id: "validator",
      label: "The validator passes in certification mode (what paconn validate checks)",
      status: verdict.certifiable ? "passed" : "failed",
      detail: certificationSentence(verdict),
      diagnostics: verdict.certificationErrors ?? [],
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
    fromDiagnostics(
      "response-schemas",
      "Response schemas for every operation (unless dynamic or internal)",
      byRule(RESPONSE_RULES),
      "Every visible operation describes its response.",
    ),
    fromDiagnostics(
      "metadata",
      "Connector metadata: website, privacy policy, categories and contact",
      byRule(METADATA_RULES),
      "Metadata is complete.",
    ),
    options.independentPublisher
      ? {
          id: "brand-color",
          label: `Brand colour ${INDEPENDENT_PUBLISHER_BRAND_COLOR} and no icon (independent publisher)`,
          // The certification package sets the colour and leaves the icon out: nothing for the validator to refuse.
          status: color === INDEPENDENT_PUBLISHER_BRAND_COLOR && !doc.icon ? "passed" : "todo",
          detail:
            color === INDEPENDENT_PUBLISHER_BRAND_COLOR && !doc.icon
              ? "The colour is right."
              : `The certification package sets Icon background color to ${INDEPENDENT_PUBLISHER_BRAND_COLOR} and leaves the icon out for you.`,
          diagnostics: [],
        }
      : brandItem(byRule(BRAND_RULES), doc.icon !== null),
    fromDiagnostics(
      "api-properties",
      "apiProperties.json: publisher, stack owner, connection parameters, policies",
      added.filter((d) => d.file === "apiProperties.json" && !claimed(d)),
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
