/**
 * The one `$ref` resolver and the one rule for an operation's effective parameters. Every layer resolves
 * references and merges path-level parameters through here (docs/architecture.md).
 */
import { getAtPointer } from "./json-pointer";
import { isJsonObject, type JsonObject, type JsonValue } from "./json-value";
import type { Operation, Parameter, SwaggerDocument } from "./swagger-types";

/**
 * Resolves a local reference (`#/definitions/X`, read as a URI fragment: percent-decoded, `~1`/`~0`
 * unescaped) in `root`; undefined for external, malformed or dangling references.
 */
export function resolveLocalRef(root: unknown, ref: string): unknown {
  if (!ref.startsWith("#")) return undefined;
  try {
    return getAtPointer(root, ref);
  } catch {
    return undefined;
  }
}

/**
 * The object a value stands for: the target of its local `$ref` (undefined when that is not an object), or
 * the value itself when it is an object without a `$ref`.
 */
export function resolveRefObject<T extends JsonObject = JsonObject>(
  root: unknown,
  value: unknown,
): T | undefined {
  if (!isJsonObject(value)) return undefined;
  if (typeof value.$ref !== "string") return value as T;
  const target = resolveLocalRef(root, value.$ref);
  return isJsonObject(target) ? (target as T) : undefined;
}

/** One parameter as it applies to an operation, with where it is listed. */
export interface EffectiveParameter {
  parameter: Parameter;
  /** The list it comes from: the path item's or the operation's own. */
  level: "path" | "operation";
  /** Its index in that list. */
  index: number;
  /** The `$ref` it was listed by, or null when it is written inline. */
  ref: string | null;
}

/**
 * The parameters that apply to an operation: the path item's, except those the operation lists itself with
 * the same name and location (Swagger 2.0: the operation's definition overrides), then the operation's own,
 * each `$ref` resolved. Entries that resolve to nothing are left out.
 */
export function effectiveParameterEntries(
  definition: SwaggerDocument | JsonObject,
  path: string,
  operation: Operation | JsonObject,
): EffectiveParameter[] {
  const paths = (definition as JsonObject).paths;
  const item = isJsonObject(paths) ? paths[path] : undefined;
  const collect = (list: JsonValue | undefined, level: EffectiveParameter["level"]) =>
    (Array.isArray(list) ? list : []).flatMap((raw, index): EffectiveParameter[] => {
      const parameter = resolveRefObject<Parameter>(definition, raw);
      if (!parameter) return [];
      const ref = isJsonObject(raw) && typeof raw.$ref === "string" ? raw.$ref : null;
      return [{ parameter, level, index, ref }];
    });
  const own = collect(operation.parameters as JsonValue | undefined, "operation");
  const overridden = new Set(own.map((p) => `${p.parameter.in}|${p.parameter.name}`));
  const pathLevel = collect(isJsonObject(item) ? item.parameters : undefined, "path").filter(
    (p) => !overridden.has(`${p.parameter.in}|${p.parameter.name}`),
  );
  return [...pathLevel, ...own];
}

/** The parameter objects of {@link effectiveParameterEntries}. */
export function effectiveParameters(
  definition: SwaggerDocument | JsonObject,
  path: string,
  operation: Operation | JsonObject,
): Parameter[] {
  return effectiveParameterEntries(definition, path, operation).map((p) => p.parameter);
}
