import type { Rule } from "./rule-types";
import { apiPropertiesRules } from "./rules/api-properties-rules";
import { certificationRules } from "./rules/certification-rules";
import { definitionRules } from "./rules/definition-rules";
import { extensionRules } from "./rules/extension-rules";
import { limitRules } from "./rules/limit-rules";
import { operationRules } from "./rules/operation-rules";
import { responseRules } from "./rules/response-rules";
import { schemaRules } from "./rules/schema-rules";
import { securityRules } from "./rules/security-rules";

/** Every rule, in the order results are reported. */
export const RULES: readonly Rule[] = [
  ...definitionRules,
  ...operationRules,
  ...responseRules,
  ...schemaRules,
  ...securityRules,
  ...extensionRules,
  ...limitRules,
  ...apiPropertiesRules,
  ...certificationRules,
];

/**
 * Rule ids a rule can emit besides its own (closely related Microsoft ids reported by the same check).
 * Kept here so the documentation and the tests list every id.
 */
export const RELATED_RULE_IDS: Record<string, string[]> = {
  SchemeNotValid: ["SchemeNotSupported"],
  OperationPathTemplateNotValid: ["OperationPathVariablesContainDefaults"],
  OperationParametersContainDuplicateParameter: ["PathParametersContainDuplicateParameter"],
  ApiAnnotationExtensionReplacementInfoForNonDeprecatedOperations: [
    "ApiAnnotationExtensionReplacementInfoMissingApiProperty",
    "ApiAnnotationExtensionReplacementInfoMissingOperationIdProperty",
  ],
  SchemaReferenceNotFound: [
    "SchemaReferenceNotValid",
    "ParameterReferenceNotFound",
    "ParameterReferenceNotValid",
    "ResponseReferenceNotFound",
    "ResponseReferenceNotValid",
  ],
  InvalidEnumValuesExtensionValue: ["DuplicateEnumValuesInExtension"],
  MinimumShouldBeLessThanOrEqualToMaximum: [
    "MinLengthShouldBeLessThanOrEqualToMaxLength",
    "MinItemsShouldBeLessThanOrEqualToMaxItems",
    "PatternShouldBeValidRegularExpression",
  ],
  SecuritySchemePropertyRequired: ["SecuritySchemePropertyNotValid"],
  SecurityRequirementMustBeDefined: [
    "SecurityRequirementMustHaveEmptyValue",
    "OAuthSecurityRequirementValueMustBeScopeName",
  ],
  VisibilityValueNotValid: ["JsonValueNotInEnum"],
  TriggerValueNotValid: ["JsonValueNotInEnum"],
  NotificationUrlNotString: ["NotificationUrlNotInternal", "NotificationUrlNotRequired"],
  IconBrandColorNotValid: ["RequiredPropertyMissing"],
  IdentityProviderNotValid: ["RequiredPropertyMissing"],
  PolicyTemplateNotValid: ["RequiredPropertyMissing"],
  PolicyOperationIdNotFound: ["OperationIdNotFound"],
  FieldLengthExceeded: ["ValueMustEndWithAlphanumeric"],
  ValueContainsProductNames: ["ValueContainsRestrictedWords"],
  OperationSummaryRequired: [
    "RequiredValueEmpty",
    "RestrictedCharactersInSummary",
    "DescriptionMustEndWithPunctuation",
    "SummaryAndDescriptionMustDiffer",
  ],
  ParameterSummaryRequired: ["ParameterDescriptionRequired"],
  ConnectorMetadataPropertiesMissing: [
    "UrlNotValid",
    "TooManyConnectorCategories",
    "InvalidConnectorCategory",
  ],
  ContactInformationMissing: ["ContactEmailNotValid"],
};

/**
 * Rules whose findings always carry a related Microsoft id (listed in {@link RELATED_RULE_IDS}) rather
 * than their own: their ids name the check, not a diagnostic.
 */
export const GROUPING_RULE_IDS = new Set([
  "PolicyOperationIdNotFound",
  "ValueContainsProductNames",
  "VisibilityValueNotValid",
  "TriggerValueNotValid",
  "OperationSummaryRequired",
]);

/** Ids the JSON Schema check reports (mapped from ajv keywords). */
export const SCHEMA_CHECK_RULE_IDS = [
  "RequiredPropertyMissing",
  "ExtensionNameNotValid",
  "JsonTypeIncorrect",
  "JsonValueNotInEnum",
  "SpecificationVersionIncorrect",
  "JsonValueNotValid",
  "RequiredValueEmpty",
  "ArrayDuplicateValue",
];
