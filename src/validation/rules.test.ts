import { describe, expect, it } from "vitest";
import type { ConnectorDocument } from "../model/connector-document";
import { validConnector, withDefinition, withProperties } from "./__fixtures__/connector-fixture";
import { GROUPING_RULE_IDS, RELATED_RULE_IDS, RULES, SCHEMA_CHECK_RULE_IDS } from "./rule-catalog";
import { validateConnectorSync } from "./validate-connector";

interface Case {
  /** The rule id expected in the failing case. */
  id: string;
  /** Test name when one id has several cases. */
  name?: string;
  bad: () => ConnectorDocument;
  /** The passing case (defaults to the valid fixture). */
  good?: () => ConnectorDocument;
  certification?: boolean;
  severity?: "error" | "warning" | "info";
}

const TASKS_GET = "/paths/~1lists~1{listId}~1tasks/get";
const TASKS_POST = "/paths/~1lists~1{listId}~1tasks/post";
const LISTS_GET = "/paths/~1lists/get";
const HOOK_POST = "/paths/~1hooks/post";
const PROPS = "/properties";

const big = (n: number) => "x".repeat(n);

function manyOperations(n: number): ConnectorDocument {
  const doc = validConnector();
  const paths = { ...doc.definition.paths };
  for (let i = 0; i < n; i++) {
    paths[`/extra${i}`] = {
      get: {
        operationId: `Extra${i}`,
        summary: "Extra",
        description: "Extra.",
        responses: { "200": { description: "OK" } },
      },
    };
  }
  return { ...doc, definition: { ...doc.definition, paths } };
}

function wideBody(n: number): ConnectorDocument {
  const properties: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) properties[`p${i}`] = { type: "string" };
  return withDefinition("/definitions/Task", { type: "object", properties });
}

const cases: Case[] = [
  { id: "SpecificationVersionIncorrect", bad: () => withDefinition("/swagger", "3.0") },
  { id: "HostNameNotValid", bad: () => withDefinition("/host", "https://api.contoso.com/v1") },
  { id: "PlaceholderHostName", bad: () => withDefinition("/host", "api.contoso.com"), severity: "warning" },
  {
    id: "PlaceholderHostName",
    name: "PlaceholderHostName: example.com subdomain with a port",
    bad: () => withDefinition("/host", "api.example.com:8443"),
    severity: "warning",
  },
  {
    id: "PlaceholderHostName",
    name: "PlaceholderHostName: not when a policy sets the host",
    bad: () => withDefinition("/host", "api.test"),
    good: () =>
      withProperties(
        "/properties/policyTemplateInstances",
        [
          {
            templateId: "dynamichosturl",
            title: "Host",
            parameters: { "x-ms-apimTemplateParameter.urlTemplate": "https://@connectionParameters('host')" },
          },
        ],
        withDefinition("/host", "api.test"),
      ),
    severity: "warning",
  },
  { id: "BasePathNotValid", bad: () => withDefinition("/basePath", "v1") },
  { id: "SchemesArrayEmpty", bad: () => withDefinition("/schemes", []) },
  { id: "SchemeNotValid", bad: () => withDefinition("/schemes", ["ftp"]) },
  { id: "SchemeNotSupported", bad: () => withDefinition("/schemes", ["wss"]) },
  {
    id: "OperationPathMustStartWithSlash",
    bad: () =>
      withDefinition("/paths/items", {
        get: { operationId: "X", responses: { "200": { description: "OK" } } },
      }),
  },
  {
    id: "OperationPathContainsUnsupportedCharacters",
    bad: () =>
      withDefinition("/paths/~1items*", {
        get: { operationId: "X", responses: { "200": { description: "OK" } } },
      }),
  },
  {
    id: "OperationPathMayNotContainQueryOrFragment",
    bad: () =>
      withDefinition("/paths/~1items?x=1", {
        get: { operationId: "X", responses: { "200": { description: "OK" } } },
      }),
  },
  {
    id: "OperationPathTemplateNotValid",
    bad: () =>
      withDefinition("/paths/~1items~1{id", {
        get: { operationId: "X", responses: { "200": { description: "OK" } } },
      }),
  },
  {
    id: "OperationPathVariablesContainDefaults",
    bad: () =>
      withDefinition("/paths/~1items~1{id=1}", {
        get: {
          operationId: "X",
          parameters: [
            { name: "id=1", in: "path", required: true, type: "string", "x-ms-url-encoding": "single" },
          ],
          responses: { "200": { description: "OK" } },
        },
      }),
  },
  {
    id: "PathRedefined",
    bad: () =>
      withDefinition("/paths/~1Lists", {
        put: { operationId: "PutLists", responses: { "200": { description: "OK" } } },
      }),
  },
  {
    id: "DuplicateOperationPath",
    bad: () =>
      withDefinition("/paths/~1lists~1{id}~1tasks", {
        get: {
          operationId: "Other",
          parameters: [
            { name: "id", in: "path", required: true, type: "string", "x-ms-url-encoding": "single" },
          ],
          responses: { "200": { description: "OK" } },
        },
      }),
  },
  { id: "PathItemRefNotSuppored", bad: () => withDefinition("/paths/~1other", { $ref: "#/x-paths/other" }) },
  { id: "OperationIdRequired", bad: () => withDefinition(`${LISTS_GET}/operationId`, "") },
  { id: "OperationIdNotUnique", bad: () => withDefinition(`${TASKS_POST}/operationId`, "gettasks") },
  {
    id: "OperationIdSanitized",
    bad: () => withDefinition(`${LISTS_GET}/operationId`, "list-lists"),
    severity: "warning",
  },
  { id: "OperationIdTooLong", bad: () => withDefinition(`${LISTS_GET}/operationId`, big(200)) },
  { id: "OperationSummaryTooLong", bad: () => withDefinition(`${LISTS_GET}/summary`, big(130)) },
  {
    id: "RestrictedCharactersInSummary",
    bad: () => withDefinition(`${LISTS_GET}/summary`, "List/read lists."),
  },
  { id: "OperationMissingPathParameter", bad: () => withDefinition(`${TASKS_GET}/parameters`, []) },
  {
    id: "PathParameterNotDefinedInTemplate",
    bad: () =>
      withDefinition(`${LISTS_GET}/parameters`, [
        { name: "nope", in: "path", required: true, type: "string", "x-ms-url-encoding": "single" },
      ]),
  },
  {
    id: "PathParameterMustBeRequired",
    bad: () => withDefinition(`${TASKS_GET}/parameters/0/required`, false),
  },
  {
    id: "PathParameterMissingEncoding",
    bad: () => withDefinition("/parameters/ListId/x-ms-url-encoding", undefined),
    severity: "warning",
  },
  {
    id: "QueryParameterEncodingNotSupported",
    bad: () => withDefinition(`${TASKS_GET}/parameters/1/x-ms-url-encoding`, "single"),
  },
  {
    id: "BodyOrFormDataParameterInFetchOperationNotAllowed",
    bad: () =>
      withDefinition(`${LISTS_GET}/parameters`, [{ name: "body", in: "body", schema: { type: "object" } }]),
  },
  {
    id: "OperationParametersContainMultipleBodyParameters",
    bad: () =>
      withDefinition(`${TASKS_POST}/parameters/2`, { name: "body2", in: "body", schema: { type: "object" } }),
  },
  {
    id: "ParameterListContainsFormDataAndBody",
    bad: () => withDefinition(`${TASKS_POST}/parameters/2`, { name: "file", in: "formData", type: "string" }),
  },
  {
    id: "OperationParametersContainDuplicateParameter",
    bad: () => withDefinition(`${TASKS_GET}/parameters/2`, { name: "top", in: "query", type: "integer" }),
  },
  {
    id: "PathParametersContainDuplicateParameter",
    bad: () => {
      const p = { name: "q", in: "query", type: "string" };
      return withDefinition("/paths/~1lists/parameters", [p, p]);
    },
  },
  {
    id: "ConnectionIdParameterNotAllowed",
    bad: () => withDefinition(`${TASKS_GET}/parameters/1/name`, "connectionId"),
  },
  {
    id: "AuthorizationHeaderNotAllowed",
    bad: () =>
      withDefinition(`${TASKS_GET}/parameters/2`, { name: "Authorization", in: "header", type: "string" }),
  },
  {
    id: "FileParameterMustBeInFormData",
    bad: () => withDefinition(`${TASKS_GET}/parameters/2`, { name: "f", in: "query", type: "file" }),
  },
  {
    id: "MimeTypeNotCompatibleWithRequestContentSchemaType",
    bad: () => withDefinition(`${LISTS_GET}/parameters`, [{ name: "f", in: "formData", type: "file" }]),
  },
  { id: "MimeTypeNotValid", bad: () => withDefinition("/produces", ["json"]) },
  {
    id: "InvalidNextLinkNameValue",
    bad: () => withDefinition(`${LISTS_GET}/x-ms-pageable`, { nextLinkName: "next" }),
  },
  {
    id: "ApiAnnotationExtensionReplacementInfoForNonDeprecatedOperations",
    bad: () =>
      withDefinition(`${LISTS_GET}/x-ms-api-annotation`, {
        replacement: { api: "x", operationId: "ListListsV2" },
      }),
  },
  {
    id: "ApiAnnotationExtensionReplacementInfoMissingApiProperty",
    bad: () =>
      withDefinition(`${LISTS_GET}/x-ms-api-annotation`, { replacement: { operationId: "ListListsV2" } }),
  },
  {
    id: "ApiAnnotationExtensionReplacementInfoMissingOperationIdProperty",
    bad: () => withDefinition(`${LISTS_GET}/x-ms-api-annotation`, { replacement: { api: "x" } }),
  },
  {
    id: "OperationFamilyHasDuplicateRevisions",
    bad: () =>
      withDefinition(
        `${TASKS_GET}/x-ms-api-annotation`,
        { family: "F", revision: 1 },
        withDefinition(`${LISTS_GET}/x-ms-api-annotation`, { family: "F", revision: 1 }),
      ),
  },
  {
    id: "OperationMustHaveResponse",
    bad: () => withDefinition(`${LISTS_GET}/responses`, {}),
    severity: "warning",
  },
  {
    id: "ResponseMustBeDefaultOrHttpStatusCode",
    bad: () => withDefinition(`${LISTS_GET}/responses/ok`, { description: "OK" }),
  },
  {
    id: "OperationShouldHaveSuccessfulResponse",
    bad: () => withDefinition(`${LISTS_GET}/responses`, { "404": { description: "Not found" } }),
  },
  {
    id: "DefaultResponseHasSchema",
    bad: () =>
      withDefinition(`${LISTS_GET}/responses`, {
        default: { description: "default", schema: { type: "object" } },
      }),
    severity: "warning",
  },
  {
    id: "OperationHasManyResponsesWithSchema",
    bad: () =>
      withDefinition(`${LISTS_GET}/responses/201`, { description: "Created", schema: { type: "object" } }),
  },
  {
    id: "ResponseHeadersAreNotUnique",
    bad: () => withDefinition(`${HOOK_POST}/responses/201/headers/location`, { type: "string" }),
  },
  {
    id: "SchemaReferenceNotFound",
    bad: () => withDefinition(`${LISTS_GET}/responses/200/schema/$ref`, "#/definitions/Nope"),
  },
  {
    id: "SchemaReferenceNotValid",
    bad: () =>
      withDefinition(`${LISTS_GET}/responses/200/schema/$ref`, "https://example.com/schemas.json#/List"),
  },
  {
    id: "ParameterReferenceNotFound",
    bad: () => withDefinition(`${TASKS_POST}/parameters/0/$ref`, "#/parameters/Nope"),
  },
  {
    id: "ParameterReferenceNotValid",
    bad: () => withDefinition(`${TASKS_POST}/parameters/0/$ref`, "#/definitions/Task"),
  },
  {
    id: "ResponseReferenceNotFound",
    bad: () => withDefinition(`${LISTS_GET}/responses/200`, { $ref: "#/responses/Nope" }),
  },
  {
    id: "ResponseReferenceNotValid",
    bad: () => withDefinition(`${LISTS_GET}/responses/200`, { $ref: "#/definitions/Task" }),
  },
  {
    id: "ArrayHasNoItems",
    bad: () => withDefinition(`${TASKS_GET}/parameters/1`, { name: "ids", in: "query", type: "array" }),
  },
  { id: "RequiredPropertyArrayEmpty", bad: () => withDefinition("/definitions/Task/required", []) },
  {
    id: "RequiredPropertyDefinitionMissing",
    bad: () => withDefinition("/definitions/Task/required", ["id", "nope"]),
  },
  {
    id: "EnumMustContainAtLeastOneElement",
    bad: () => withDefinition("/definitions/Task/properties/title/enum", []),
  },
  {
    id: "InvalidEnumValue",
    bad: () => withDefinition("/definitions/Task/properties/state/enum", ["open", "done", 3]),
  },
  {
    id: "InvalidEnumValuesExtensionValue",
    bad: () => withDefinition("/definitions/Task/properties/state/x-ms-enum-values/1/value", "closed"),
  },
  {
    id: "DuplicateEnumValuesInExtension",
    bad: () => withDefinition("/definitions/Task/properties/state/x-ms-enum-values/1/value", "open"),
  },
  { id: "DefaultValueMustMatchType", bad: () => withDefinition(`${TASKS_GET}/parameters/1/default`, "ten") },
  { id: "UnrecognizedTypeFormat", bad: () => withDefinition("/definitions/Task/properties/id/type", "guid") },
  {
    id: "MinimumShouldBeLessThanOrEqualToMaximum",
    bad: () =>
      withDefinition(
        `${TASKS_GET}/parameters/1/minimum`,
        5,
        withDefinition(`${TASKS_GET}/parameters/1/maximum`, 1),
      ),
  },
  {
    id: "MinLengthShouldBeLessThanOrEqualToMaxLength",
    bad: () =>
      withDefinition(
        "/definitions/Task/properties/title/minLength",
        5,
        withDefinition("/definitions/Task/properties/title/maxLength", 1),
      ),
  },
  {
    id: "MinItemsShouldBeLessThanOrEqualToMaxItems",
    bad: () =>
      withDefinition(
        "/definitions/Task/properties/tags/minItems",
        5,
        withDefinition("/definitions/Task/properties/tags/maxItems", 1),
      ),
  },
  {
    id: "PatternShouldBeValidRegularExpression",
    bad: () => withDefinition("/definitions/Task/properties/title/pattern", "([a-z"),
  },
  {
    id: "InvalidCustomEditorExtensionDictionaryValue",
    bad: () => withDefinition("/definitions/Task/properties/title/x-ms-editor", "dictionary"),
  },
  {
    id: "SecuritySchemePropertyRequired",
    bad: () => withDefinition("/securityDefinitions/api_key/name", undefined),
  },
  {
    id: "SecuritySchemePropertyNotValid",
    bad: () => withDefinition("/securityDefinitions/api_key/in", "cookie"),
  },
  {
    id: "OAuthFlowNotSupported",
    bad: () =>
      withDefinition("/securityDefinitions/oauth", {
        type: "oauth2",
        flow: "implicit",
        authorizationUrl: "https://login.contoso.com",
        scopes: {},
      }),
  },
  {
    id: "SecurityDefinitionKeyedUndefined",
    bad: () =>
      withDefinition(
        "/securityDefinitions",
        { undefined: { type: "basic" } },
        withDefinition("/security", []),
      ),
  },
  { id: "SecurityRequirementMustBeDefined", bad: () => withDefinition("/security", [{ nope: [] }]) },
  {
    id: "SecurityRequirementMustHaveEmptyValue",
    bad: () => withDefinition("/security", [{ api_key: ["read"] }]),
  },
  {
    id: "OAuthSecurityRequirementValueMustBeScopeName",
    bad: () =>
      withDefinition(
        "/securityDefinitions",
        {
          oauth: {
            type: "oauth2",
            flow: "accessCode",
            authorizationUrl: "https://a",
            tokenUrl: "https://t",
            scopes: { read: "Read" },
          },
        },
        withDefinition("/security", [{ oauth: ["write"] }]),
      ),
  },
  {
    id: "MultipleSecurityDefinitions",
    bad: () => withDefinition("/securityDefinitions/basic", { type: "basic" }),
  },
  {
    id: "ExtensionNameMisspelled",
    bad: () => withDefinition(`${TASKS_GET}/parameters/1/x-ms-visibilty`, "advanced"),
  },
  {
    id: "ExtensionNotRecognized",
    bad: () => withDefinition(`${TASKS_GET}/x-ms-enum`, { name: "x" }),
    severity: "info",
  },
  {
    id: "JsonValueNotInEnum",
    bad: () => withDefinition(`${TASKS_GET}/parameters/1/x-ms-visibility`, "Advanced"),
  },
  {
    id: "OperationIdNotFound",
    bad: () => withDefinition(`${TASKS_GET}/parameters/0/x-ms-dynamic-values/operationId`, "Nope"),
  },
  {
    id: "OperationParameterNameNotFound",
    bad: () => withDefinition(`${TASKS_GET}/parameters/0/x-ms-dynamic-values/parameters`, { nope: "1" }),
  },
  {
    id: "NotificationUrlNotString",
    bad: () => withDefinition(`${HOOK_POST}/parameters/0/schema/properties/callbackUrl/type`, "integer"),
  },
  {
    id: "NotificationUrlNotInternal",
    bad: () =>
      withDefinition(`${HOOK_POST}/parameters/0/schema/properties/callbackUrl/x-ms-visibility`, undefined),
  },
  {
    id: "NotificationUrlNotRequired",
    bad: () => withDefinition(`${HOOK_POST}/parameters/0/schema/required`, ["other"]),
  },
  {
    id: "OperationMustHaveNotificationContentExtension",
    bad: () => withDefinition("/paths/~1hooks/x-ms-notification-content", undefined),
  },
  {
    id: "WebhookOperationsMissingNotificationUrlProperty",
    bad: () =>
      withDefinition(
        `${HOOK_POST}/parameters/0/schema/properties/callbackUrl/x-ms-notification-url`,
        undefined,
      ),
  },
  { id: "TotalOperationsCountExceedsMaxAllowed", bad: () => manyOperations(260) },
  { id: "BodySchemaCountExceedsMaxAllowed", bad: () => wideBody(600) },
  {
    id: "DefinitionSizeExceedsMaxAllowed",
    bad: () => withDefinition("/definitions/Task/description", big(1100 * 1024)),
  },
  { id: "UnusedDefinition", bad: () => withDefinition("/definitions/Orphan", { type: "object" }) },
  { id: "IconBrandColorNotValid", bad: () => withProperties(`${PROPS}/iconBrandColor`, "blue") },
  { id: "RequiredPropertyMissing", bad: () => withProperties(`${PROPS}/iconBrandColor`, undefined) },
  {
    id: "ConnectionParameterNameNotValid",
    bad: () => withProperties(`${PROPS}/connectionParameters`, { "API Key": { type: "securestring" } }),
  },
  {
    id: "ConnectionParameterTypeNotValid",
    bad: () => withProperties(`${PROPS}/connectionParameters/api_key/type`, "password"),
  },
  {
    id: "ConstraintValueNotString",
    bad: () =>
      withProperties(`${PROPS}/connectionParameters/api_key/uiDefinition/constraints/required`, true),
  },
  {
    id: "IdentityProviderNotValid",
    bad: () =>
      withProperties(`${PROPS}/connectionParameters/token`, {
        type: "oauthSetting",
        oAuthSettings: { identityProvider: "aad", clientId: "x", customParameters: {} },
      }),
    good: () =>
      withProperties(`${PROPS}/connectionParameters/token`, {
        type: "oauthSetting",
        oAuthSettings: {
          identityProvider: "aad",
          clientId: "x",
          redirectMode: "Global",
          customParameters: { resourceUri: { value: "https://contoso.com" } },
        },
      }),
  },
  {
    id: "PolicyTemplateNotValid",
    bad: () =>
      withProperties(
        `${PROPS}/policyTemplateInstances/0/parameters/x-ms-apimTemplateParameter.value`,
        undefined,
      ),
  },
  {
    id: "OperationIdNotFound",
    name: "OperationIdNotFound (scriptOperations)",
    bad: () => withProperties(`${PROPS}/scriptOperations`, ["Nope"]),
    severity: "warning",
  },
  {
    id: "OperationIdNotFound",
    name: "OperationIdNotFound (policy operations)",
    bad: () =>
      withProperties(
        `${PROPS}/policyTemplateInstances/0/parameters/x-ms-apimTemplate-operationName/0`,
        "Nope",
      ),
    severity: "warning",
  },
  {
    id: "JsonValueNotInEnum",
    name: "JsonValueNotInEnum (x-ms-trigger)",
    bad: () => withDefinition(`${HOOK_POST}/x-ms-trigger`, "many"),
  },
  { id: "ScriptOperationsWithoutScript", bad: () => ({ ...validConnector(), script: null }) },
  { id: "CustomCodeSizeExceeded", bad: () => ({ ...validConnector(), script: big(1024 * 1024 + 1) }) },
  // Certification mode
  {
    id: "ValueContainsRestrictedWords",
    bad: () => withDefinition("/info/title", "Contoso API"),
    certification: true,
  },
  {
    id: "FieldLengthExceeded",
    bad: () => withDefinition("/info/title", "Contoso Tasks And Many More Things"),
    certification: true,
  },
  {
    id: "ValueMustEndWithAlphanumeric",
    bad: () => withDefinition("/info/title", "Contoso Tasks!"),
    certification: true,
  },
  {
    id: "FieldLengthNotInRange",
    bad: () => withDefinition("/info/description", "Too short."),
    certification: true,
  },
  {
    id: "ValueContainsRestrictedWords",
    name: "ValueContainsRestrictedWords (description)",
    bad: () =>
      withDefinition("/info/description", "Use Contoso Tasks from Power Automate to keep lists of work."),
    certification: true,
    severity: "warning",
  },
  {
    id: "RequiredValueEmpty",
    bad: () => withDefinition(`${LISTS_GET}/summary`, undefined),
    certification: true,
  },
  {
    id: "DescriptionMustEndWithPunctuation",
    bad: () => withDefinition(`${LISTS_GET}/description`, "Lists the task lists"),
    certification: true,
  },
  {
    id: "SummaryAndDescriptionMustDiffer",
    bad: () => withDefinition(`${LISTS_GET}/description`, "List task lists"),
    certification: true,
  },
  {
    id: "ResponseSchemaMissing",
    bad: () => withDefinition(`${LISTS_GET}/responses/200`, { description: "OK" }),
    certification: true,
  },
  {
    id: "ResponseSchemaMissing",
    name: "ResponseSchemaMissing is not asked of internal operations",
    bad: () => withDefinition(`${LISTS_GET}/responses/200`, { description: "OK" }),
    good: () =>
      withDefinition(
        `${LISTS_GET}/x-ms-visibility`,
        "internal",
        withDefinition(`${LISTS_GET}/responses/200`, { description: "OK" }),
      ),
    certification: true,
  },
  {
    id: "ParameterSummaryRequired",
    bad: () => withDefinition(`${TASKS_GET}/parameters/1/x-ms-summary`, undefined),
    certification: true,
  },
  {
    id: "ParameterDescriptionRequired",
    bad: () => withDefinition(`${TASKS_GET}/parameters/1/description`, undefined),
    certification: true,
  },
  {
    id: "ConnectorMetadataPropertiesMissing",
    bad: () => withDefinition("/x-ms-connector-metadata", []),
    certification: true,
  },
  {
    id: "UrlNotValid",
    bad: () => withDefinition("/x-ms-connector-metadata/0/propertyValue", "contoso dot com"),
    certification: true,
  },
  {
    id: "TooManyConnectorCategories",
    bad: () => withDefinition("/x-ms-connector-metadata/2/propertyValue", "AI;Data;Finance"),
    certification: true,
  },
  {
    id: "InvalidConnectorCategory",
    bad: () => withDefinition("/x-ms-connector-metadata/2/propertyValue", "Tasks"),
    certification: true,
  },
  {
    id: "ContactInformationMissing",
    bad: () => withDefinition("/info/contact", undefined),
    certification: true,
  },
  {
    id: "ContactEmailNotValid",
    bad: () => withDefinition("/info/contact/email", "support"),
    certification: true,
  },
  {
    id: "ProductionHostRequired",
    bad: () => withDefinition("/host", "api.dev.contoso.com"),
    certification: true,
  },
  {
    id: "PublisherInformationMissing",
    bad: () => withProperties(`${PROPS}/stackOwner`, undefined),
    certification: true,
  },
  {
    id: "IconBrandColorNotAllowed",
    bad: () => withProperties(`${PROPS}/iconBrandColor`, "#007ee5"),
    certification: true,
  },
  {
    id: "IconNotValid",
    bad: () => ({
      ...validConnector(),
      icon: {
        bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new Array(30).fill(0)]),
        mediaType: "image/jpeg",
      },
    }),
    certification: true,
  },
  // The JSON Schema check
  { id: "JsonTypeIncorrect", bad: () => withDefinition("/info/version", 1) },
  { id: "ExtensionNameNotValid", bad: () => withDefinition("/basepath", "/v1"), severity: "warning" },
  { id: "JsonValueNotValid", bad: () => withDefinition(`${TASKS_GET}/parameters/1/in`, "cookie") },
  {
    id: "ArrayDuplicateValue",
    bad: () => withDefinition("/definitions/Task/properties/state/enum", ["open", "open", "done"]),
    severity: "warning",
  },
];

function ids(doc: ConnectorDocument, certification = false): string[] {
  return validateConnectorSync(doc, { certification }).map((d) => d.ruleId);
}

describe("the valid fixture", () => {
  it("has no diagnostics, certification included", () => {
    expect(validateConnectorSync(validConnector())).toEqual([]);
    expect(validateConnectorSync(validConnector(), { certification: true })).toEqual([]);
  });
});

describe("each rule has a failing and a passing case", () => {
  for (const c of cases) {
    it(c.name ?? c.id, () => {
      const bad = validateConnectorSync(c.bad(), { certification: c.certification === true });
      const hit = bad.filter((d) => d.ruleId === c.id);
      expect(hit.length, `expected ${c.id} in ${JSON.stringify(bad.map((d) => d.ruleId))}`).toBeGreaterThan(
        0,
      );
      if (c.severity) expect(hit[0]?.severity).toBe(c.severity);
      for (const d of hit) {
        expect(d.message.length).toBeGreaterThan(10);
        expect(d.path === "" || d.path.startsWith("/")).toBe(true);
      }
      const good = c.good ? c.good() : validConnector();
      expect(ids(good, c.certification === true)).not.toContain(c.id);
    });
  }
});

describe("the catalogue", () => {
  it("every rule id (and related id) has a test case", () => {
    const tested = new Set(cases.map((c) => c.id));
    const all = [
      ...RULES.map((r) => r.id),
      ...Object.values(RELATED_RULE_IDS).flat(),
      ...SCHEMA_CHECK_RULE_IDS,
    ];
    const missing = [...new Set(all)].filter((id) => !tested.has(id) && !GROUPING_RULE_IDS.has(id));
    expect(missing).toEqual([]);
  });
  it("certification rules do not run in normal mode", () => {
    expect(ids(withDefinition("/info/title", "Contoso API"))).not.toContain("ValueContainsRestrictedWords");
  });
  it("DefaultResponseHasSchema is an error in certification mode", () => {
    const doc = withDefinition(`${LISTS_GET}/responses`, {
      default: { description: "default", schema: { type: "object" } },
    });
    const d = validateConnectorSync(doc, { certification: true }).find(
      (x) => x.ruleId === "DefaultResponseHasSchema",
    );
    expect(d?.severity).toBe("error");
  });
  it("internal operations need no summary or description for certification (21 certified connectors)", () => {
    const bare = withDefinition(
      `${LISTS_GET}/summary`,
      undefined,
      withDefinition(`${LISTS_GET}/description`, ""),
    );
    const internal = withDefinition(`${LISTS_GET}/x-ms-visibility`, "internal", bare);
    const errorsAt = (doc: ConnectorDocument) =>
      validateConnectorSync(doc, { certification: true }).filter(
        (d) => d.ruleId === "RequiredValueEmpty" && d.path === LISTS_GET,
      );
    expect(errorsAt(bare)).toHaveLength(2);
    expect(errorsAt(internal)).toEqual([]);
  });
  it("a placeholder host is a warning when a Set host URL policy replaces it", () => {
    const doc = withProperties(
      `${PROPS}/policyTemplateInstances/1`,
      {
        templateId: "dynamichosturl",
        title: "Host",
        parameters: { "x-ms-apimTemplateParameter.urlTemplate": "https://@connectionParameters('host')" },
      },
      withDefinition("/host", "{{replace_with_your_domain}}"),
    );
    expect(validateConnectorSync(doc).find((d) => d.ruleId === "HostNameNotValid")?.severity).toBe("warning");
  });
  it("policy template ids match in any case", () => {
    const doc = withProperties(`${PROPS}/policyTemplateInstances/0/templateId`, "SetHeader");
    expect(ids(doc)).not.toContain("PolicyTemplateNotValid");
  });
  it("suggests the known extension for a misspelling", () => {
    const d = validateConnectorSync(
      withDefinition(`${TASKS_GET}/parameters/1/x-ms-visibilty`, "advanced"),
    ).find((x) => x.ruleId === "ExtensionNameMisspelled");
    expect(d?.message).toContain('Did you mean "x-ms-visibility"?');
    expect(d?.path).toBe(`${TASKS_GET}/parameters/1/x-ms-visibilty`);
  });
  it("names an external $ref's URL and never fetches it", () => {
    const d = validateConnectorSync(
      withDefinition(`${LISTS_GET}/responses/200/schema/$ref`, "https://example.com/schemas.json#/List"),
    ).find((x) => x.ruleId === "SchemaReferenceNotValid");
    expect(d?.message).toContain("https://example.com/schemas.json#/List");
  });
  it("survives a malformed document without throwing", () => {
    const doc = {
      ...validConnector(),
      definition: { swagger: "2.0", paths: { "/x": { get: "nope" } }, definitions: [] },
    } as unknown as ConnectorDocument;
    const result = validateConnectorSync(doc);
    expect(result.some((d) => d.ruleId === "ValidatorRuleFailed")).toBe(false);
    expect(result.some((d) => d.severity === "error")).toBe(true);
  });
});
