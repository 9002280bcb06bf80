/**
 * Typed accessors for the parts of apiProperties.json that name operations: a policy's operation list and the
 * custom code's `scriptOperations`. Every layer reads them through here, so one rule decides what a list
 * means (docs/architecture.md, "Where each connector rule lives").
 */
import type { ConnectorDocument } from "./connector-document";
import { isJsonObject, type JsonObject, type JsonValue } from "./json-value";

/** The key of a policy instance's `parameters` that lists the operationIds it applies to. */
export const POLICY_OPERATIONS_KEY = "x-ms-apimTemplate-operationName";
/** The key of a policy instance's `parameters` that names the section it runs in (Request, Response…). */
export const POLICY_SECTION_KEY = "x-ms-apimTemplate-policySection";

/** `apiProperties.json`'s inner `properties` object (empty when missing or not an object). */
export function innerApiProperties(doc: Pick<ConnectorDocument, "properties">): JsonObject {
  return isJsonObject(doc.properties.properties) ? doc.properties.properties : {};
}

/** The raw `policyTemplateInstances` list, in run order (empty when missing or not a list). */
export function policyTemplateInstances(inner: JsonObject): JsonValue[] {
  return Array.isArray(inner.policyTemplateInstances) ? inner.policyTemplateInstances : [];
}

/** The policy instances that are objects, in run order, with their index in the list. */
export function policyInstanceObjects(inner: JsonObject): { policy: JsonObject; index: number }[] {
  return policyTemplateInstances(inner).flatMap((policy, index) =>
    isJsonObject(policy) ? [{ policy, index }] : [],
  );
}

function policyParameters(policy: JsonValue | undefined): JsonObject {
  return isJsonObject(policy) && isJsonObject(policy.parameters) ? policy.parameters : {};
}

/**
 * The operationIds a policy names, in order. The platform's schema declares a list, and every policy of the
 * corpus of published connectors writes one; a lone string is read as a one-item list (never as "every
 * operation", which would widen the policy past what its author wrote). Entries that are not strings are
 * skipped.
 */
export function policyOperationNames(policy: JsonValue | undefined): string[] {
  const raw = policyParameters(policy)[POLICY_OPERATIONS_KEY];
  if (typeof raw === "string") return [raw];
  return Array.isArray(raw) ? raw.filter((name): name is string => typeof name === "string") : [];
}

/** Each operation name of a policy with the pointer segments (relative to the policy) where it is written. */
export function policyOperationNameSites(
  policy: JsonValue | undefined,
): { name: string; segments: string[] }[] {
  const raw = policyParameters(policy)[POLICY_OPERATIONS_KEY];
  if (typeof raw === "string") return [{ name: raw, segments: ["parameters", POLICY_OPERATIONS_KEY] }];
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((name, i) =>
    typeof name === "string" ? [{ name, segments: ["parameters", POLICY_OPERATIONS_KEY, String(i)] }] : [],
  );
}

/** Whether a policy runs for every operation: it names none (no key, an empty list, or a value of no use). */
export function policyAppliesToEveryOperation(policy: JsonValue | undefined): boolean {
  const raw = policyParameters(policy)[POLICY_OPERATIONS_KEY];
  if (typeof raw === "string") return false;
  return !Array.isArray(raw) || raw.length === 0;
}

/** Whether a policy runs for the operation with this id. */
export function policyAppliesTo(policy: JsonValue | undefined, operationId: string): boolean {
  return policyAppliesToEveryOperation(policy) || policyOperationNames(policy).includes(operationId);
}

/** The section a policy runs in (`Request`, `Response`, `Failure`), or "" when it does not say. */
export function policySection(policy: JsonValue | undefined): string {
  const raw = policyParameters(policy)[POLICY_SECTION_KEY];
  return typeof raw === "string" ? raw : "";
}

/** The operationIds the custom code runs for; an empty list means every operation. */
export function scriptOperations(inner: JsonObject): string[] {
  const raw = inner.scriptOperations;
  return Array.isArray(raw) ? raw.filter((name): name is string => typeof name === "string") : [];
}

/**
 * Takes removed operationIds out of the lists in apiProperties.json that name operations, so that deleting
 * operations never widens what runs:
 * - a policy loses the names; a policy left with none is removed (an empty list applies to every operation);
 * - `scriptOperations` loses the names, unless none would stay: then the list is left as it was (the code then
 *   runs for none, and the validator's OperationIdNotFound warning asks the maker to re-scope it).
 * Returns `properties` itself when nothing changes.
 */
export function removeOperationNames(
  properties: JsonObject,
  isRemoved: (name: string) => boolean,
): JsonObject {
  const inner = properties.properties;
  if (!isJsonObject(inner)) return properties;
  const keep = (name: JsonValue) => typeof name !== "string" || !isRemoved(name);
  let next: JsonObject = inner;
  const scripts = inner.scriptOperations;
  if (Array.isArray(scripts)) {
    const kept = scripts.filter(keep);
    if (kept.length !== scripts.length && kept.length > 0) next = { ...next, scriptOperations: kept };
  }
  const policies = inner.policyTemplateInstances;
  if (Array.isArray(policies)) {
    let changed = false;
    const list: JsonValue[] = [];
    for (const policy of policies) {
      const raw = policyParameters(policy)[POLICY_OPERATIONS_KEY];
      const names = typeof raw === "string" ? [raw] : Array.isArray(raw) ? raw : null;
      if (!isJsonObject(policy) || !isJsonObject(policy.parameters) || names === null) {
        list.push(policy);
        continue;
      }
      const kept = names.filter(keep);
      if (kept.length === names.length) {
        list.push(policy);
        continue;
      }
      changed = true;
      if (kept.length > 0)
        list.push({ ...policy, parameters: { ...policy.parameters, [POLICY_OPERATIONS_KEY]: kept } });
    }
    if (changed) next = { ...next, policyTemplateInstances: list };
  }
  return next === inner ? properties : { ...properties, properties: next };
}
