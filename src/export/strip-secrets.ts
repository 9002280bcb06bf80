import { isJsonObject, type JsonObject, type JsonValue } from "../model/json-value";

/** Values that are obviously placeholders, not secrets: kept so that an untouched import exports unchanged. */
const PLACEHOLDER = /^(\[\[.*\]\]|<.*>|[A-Z][A-Z0-9_]*|\{.*\}|\*+)$/;

export function isSecretPlaceholder(value: JsonValue | undefined): boolean {
  return (
    value === null ||
    value === undefined ||
    value === "" ||
    (typeof value === "string" && PLACEHOLDER.test(value))
  );
}

export interface StrippedSecrets {
  properties: JsonObject;
  /** JSON pointers (into apiProperties.json) of the values removed. */
  removed: string[];
}

/**
 * Removes OAuth client secrets from apiProperties.json: a `clientSecret` string inside any `oAuthSettings` that is
 * not a placeholder. paconn and pac take the secret as a command-line argument, so it never needs to be in a file.
 * Placeholders (`null`, `""`, `[[DUMMY]]`, `<Enter your client secret>`, `YOUR_CLIENT_SECRET`) are kept.
 */
export function stripSecrets(properties: JsonObject): StrippedSecrets {
  const removed: string[] = [];
  const visit = (
    value: JsonValue | undefined,
    pointer: string,
    inOAuthSettings: boolean,
  ): JsonValue | undefined => {
    if (Array.isArray(value)) {
      let changed = false;
      const next = value.map((item, i) => {
        const v = visit(item, `${pointer}/${i}`, false);
        if (v !== item) changed = true;
        return v as JsonValue;
      });
      return changed ? next : value;
    }
    if (!isJsonObject(value)) return value;
    let copy: JsonObject | null = null;
    for (const key of Object.keys(value)) {
      const child = value[key];
      const childPointer = `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
      if (
        inOAuthSettings &&
        key === "clientSecret" &&
        typeof child === "string" &&
        !isSecretPlaceholder(child)
      ) {
        copy ??= { ...value };
        delete copy[key];
        removed.push(childPointer);
        continue;
      }
      const next = visit(child, childPointer, key === "oAuthSettings");
      if (next !== child) {
        copy ??= { ...value };
        copy[key] = next;
      }
    }
    return copy ?? value;
  };
  return { properties: visit(properties, "", false) as JsonObject, removed };
}
