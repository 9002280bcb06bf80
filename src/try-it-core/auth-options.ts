import type { ConnectorDocument } from "../model/connector-document";
import { getAtPointer } from "../model/json-pointer";
import { isJsonObject, orderedKeys, type JsonObject } from "../model/json-value";

/**
 * Which authentication a Test step call applies. A connector has one authentication (`connectionParameters` and
 * the first security definition) or several options (`connectionParameterSets`, chosen when the connection is
 * created). Published connectors tie an option to its scheme in different ways, so the option's scheme is, in
 * this order: the security definition named like the option; the first security definition the option's
 * parameters can fill (an API key parameter, a user name and password, an OAuth setting); an OAuth sign-in when
 * the option has an OAuth setting (the platform adds the bearer token even without a security definition);
 * otherwise none (only policies add credentials).
 */
export type AppliedAuth =
  | { kind: "none"; schemeName: string | null; note: string | null }
  | {
      kind: "apiKey";
      schemeName: string;
      /** Header or query parameter name the key is sent in. */
      name: string;
      in: "header" | "query";
      /** Connection parameter holding the key. */
      parameter: string;
    }
  | { kind: "basic"; schemeName: string; userParameter: string; passwordParameter: string }
  | { kind: "oauth2"; schemeName: string | null; oauthParameter: string | null };

/** One authentication option of a connector with several, as the connection dialog lists it. */
export interface AuthOption {
  index: number;
  /** `values[i].name`, the option's id. */
  name: string;
  /** `values[i].uiDefinition.displayName` (the name the platform shows), else the id. */
  label: string;
  description: string;
}

/** The options of `connectionParameterSets` and the label of the choice, or null when there is one authentication. */
export function listAuthOptions(doc: ConnectorDocument): { label: string; options: AuthOption[] } | null {
  const sets = getAtPointer(doc.properties, "/properties/connectionParameterSets");
  if (!isJsonObject(sets) || !Array.isArray(sets.values)) return null;
  const ui = isJsonObject(sets.uiDefinition) ? sets.uiDefinition : {};
  const options: AuthOption[] = [];
  sets.values.forEach((value, index) => {
    if (!isJsonObject(value)) return;
    const optionUi = isJsonObject(value.uiDefinition) ? value.uiDefinition : {};
    const name = str(value.name);
    options.push({
      index,
      name,
      label: str(optionUi.displayName) || name || `Option ${index + 1}`,
      description: str(optionUi.description),
    });
  });
  if (options.length === 0) return null;
  return { label: str(ui.displayName) || "Authentication type", options };
}

/**
 * The option a stored choice stands for: the same index if it still exists, else the first option; null when the
 * connector has a single authentication.
 */
export function normalizeAuthOption(
  doc: ConnectorDocument,
  option: number | null | undefined,
): number | null {
  const list = listAuthOptions(doc);
  if (!list) return null;
  return list.options.some((o) => o.index === option) ? (option as number) : list.options[0]!.index;
}

/** The connection parameters of an option (`null`: the connector's single `connectionParameters`). */
export function optionParameters(doc: ConnectorDocument, option: number | null): JsonObject {
  const pointer =
    option === null
      ? "/properties/connectionParameters"
      : `/properties/connectionParameterSets/values/${option}/parameters`;
  const params = getAtPointer(doc.properties, pointer);
  return isJsonObject(params) ? params : {};
}

function str(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function paramType(params: JsonObject, key: string): string {
  const p = params[key];
  return isJsonObject(p) ? str(p.type) : "";
}

const USER_NAME = /^user_?name$|^user$/i;
const PASSWORD = /^password$/i;

function userParameter(params: JsonObject): string | null {
  return orderedKeys(params).find((k) => USER_NAME.test(k) && isJsonObject(params[k])) ?? null;
}

function passwordParameter(params: JsonObject): string | null {
  return orderedKeys(params).find((k) => PASSWORD.test(k) && isJsonObject(params[k])) ?? null;
}

/** The parameter holding an API key: `api_key`, one named like the scheme, else the first secure string. */
function apiKeyParameter(params: JsonObject, schemeName: string): string | null {
  if (isJsonObject(params.api_key)) return "api_key";
  if (isJsonObject(params[schemeName])) return schemeName;
  return (
    orderedKeys(params).find(
      (k) => paramType(params, k) === "securestring" && !USER_NAME.test(k) && !PASSWORD.test(k),
    ) ?? null
  );
}

function oauthParameter(params: JsonObject): string | null {
  return orderedKeys(params).find((k) => paramType(params, k) === "oauthSetting") ?? null;
}

function schemesOf(doc: ConnectorDocument): [string, JsonObject][] {
  const defs = doc.definition.securityDefinitions;
  if (!isJsonObject(defs)) return [];
  return orderedKeys(defs).flatMap((key) => {
    const scheme = defs[key];
    return isJsonObject(scheme) ? [[key, scheme] as [string, JsonObject]] : [];
  });
}

function apply(
  schemeName: string,
  scheme: JsonObject,
  params: JsonObject,
  strict: boolean,
): AppliedAuth | null {
  if (scheme.type === "apiKey" && typeof scheme.name === "string") {
    const parameter = apiKeyParameter(params, schemeName);
    if (!parameter && strict) return null;
    return {
      kind: "apiKey",
      schemeName,
      name: scheme.name,
      in: scheme.in === "query" ? "query" : "header",
      parameter: parameter ?? "api_key",
    };
  }
  if (scheme.type === "basic") {
    const user = userParameter(params);
    const password = passwordParameter(params);
    if ((!user || !password) && strict) return null;
    return {
      kind: "basic",
      schemeName,
      userParameter: user ?? "username",
      passwordParameter: password ?? "password",
    };
  }
  if (scheme.type === "oauth2") {
    const parameter = oauthParameter(params);
    if (!parameter && strict) return null;
    return { kind: "oauth2", schemeName, oauthParameter: parameter };
  }
  return null;
}

/** The authentication a call applies for an option (`null`: the connector's single authentication). */
export function resolveAuth(doc: ConnectorDocument, option: number | null): AppliedAuth {
  const schemes = schemesOf(doc);
  const params = optionParameters(doc, option);
  if (option === null) {
    // One authentication: the first security definition, as the wizard edits it.
    const first = schemes[0];
    const applied = first ? apply(first[0], first[1], params, false) : null;
    if (applied) return applied;
  } else {
    const list = listAuthOptions(doc);
    const id = list?.options.find((o) => o.index === option)?.name ?? "";
    const named =
      schemes.find(([key]) => key === id) ?? schemes.find(([key]) => key.toLowerCase() === id.toLowerCase());
    const byName = named ? apply(named[0], named[1], params, false) : null;
    if (byName) return byName;
    for (const [key, scheme] of schemes) {
      const applied = apply(key, scheme, params, true);
      if (applied) return applied;
    }
  }
  const oauth = oauthParameter(params);
  if (oauth) return { kind: "oauth2", schemeName: null, oauthParameter: oauth };
  const hasCredentials = orderedKeys(params).some((k) => paramType(params, k) === "securestring");
  return {
    kind: "none",
    schemeName: null,
    note:
      option !== null && hasCredentials
        ? "No security definition matches this authentication option: only policies add its credentials to the call."
        : null,
  };
}

/** Names of the option's connection parameters that hold secrets (secure strings). */
export function secretParameterNames(doc: ConnectorDocument, option: number | null): string[] {
  const params = optionParameters(doc, option);
  return orderedKeys(params).filter((k) => paramType(params, k) === "securestring");
}
