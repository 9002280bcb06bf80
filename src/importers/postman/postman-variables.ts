import type { JsonValue } from "../../model/json-value";
import { asArray, asObject, asText, isSecretName } from "./postman-values";

const VARIABLE = /\{\{([^{}]+)\}\}/g;
/** Chained variables ({{a}} → "{{b}}/x") resolve up to this depth, so a cycle cannot hang the import. */
const MAX_PASSES = 8;

/**
 * Collection variables and an optional environment (which wins, as in Postman). Values of variables whose
 * name or type marks a credential are never substituted: they stay `{{name}}` and so never reach the output.
 */
export class VariableScope {
  private readonly values = new Map<string, string>();
  /** Names withheld because they hold credentials (reported once). */
  readonly withheld = new Set<string>();

  constructor(collectionVariables: JsonValue | undefined, environment: JsonValue | undefined) {
    this.addAll(asArray(collectionVariables));
    const env = asObject(environment);
    this.addAll(asArray(env?.values ?? env?.variable));
  }

  private addAll(list: JsonValue[]): void {
    for (const entry of list) {
      const obj = asObject(entry);
      if (!obj) continue;
      const key = asText(obj.key) ?? asText(obj.id);
      if (key === undefined || obj.disabled === true || obj.enabled === false) continue;
      const value = asText(obj.value) ?? asText(obj.currentValue) ?? asText(obj.initialValue);
      if (value === undefined) continue;
      if (obj.type === "secret" || isSecretName(key)) {
        this.withheld.add(key);
        continue;
      }
      this.values.set(key, value);
    }
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  /** Replaces every `{{name}}` that has a value; unknown ones stay as they are. */
  resolve(text: string): string {
    if (!text.includes("{{")) return text;
    let current = text;
    for (let pass = 0; pass < MAX_PASSES && current.includes("{{"); pass++) {
      let changed = false;
      current = current.replace(VARIABLE, (whole, name: string) => {
        const value = this.values.get(name.trim());
        if (value === undefined) return whole;
        changed = true;
        return value;
      });
      if (!changed) break;
    }
    return current;
  }
}

/** Names of the `{{variables}}` still present in a text. */
export function variablesIn(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(VARIABLE)) names.push((match[1] ?? "").trim());
  return names;
}
