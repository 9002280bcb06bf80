/** Values a policy expression can read while a request is prepared. */
export interface ExpressionScope {
  connectionParameters: Record<string, string>;
  headers: Record<string, string>;
  queryParameters: Record<string, string>;
}

function lookup(map: Record<string, string>, name: string): string | undefined {
  if (name in map) return map[name];
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(map)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

const CALL = /@(connectionParameters|headers|queryParameters)\(\s*'([^']*)'\s*(?:,\s*'([^']*)'\s*)?\)/g;
// Inside `@{ … }` the calls carry no `@` of their own.
const INNER_CALL =
  /@?(connectionParameters|headers|queryParameters)\(\s*'([^']*)'\s*(?:,\s*'([^']*)'\s*)?\)/g;

function evaluateCalls(text: string, scope: ExpressionScope, unresolved: string[], pattern = CALL): string {
  return text.replace(
    pattern,
    (_m, fn: keyof ExpressionScope, name: string, fallback: string | undefined) => {
      const value = lookup(scope[fn], name) ?? fallback;
      if (value === undefined) {
        unresolved.push(`${fn}('${name}')`);
        return "";
      }
      return value;
    },
  );
}

/**
 * Evaluates the policy expressions the client can know: `@connectionParameters('name', 'default')`,
 * `@headers('name')`, `@queryParameters('name')`, also inside `@{ … }` interpolations. Anything else (`@body()`,
 * `@triggerBody()`) is left as it is and listed, so the Request view can say what the platform would fill in.
 */
export function evaluatePolicyExpression(
  text: string,
  scope: ExpressionScope,
): { value: string; unresolved: string[] } {
  const unresolved: string[] = [];
  const interpolated = text.replace(/@\{([^}]*)\}/g, (_m, inner: string) =>
    evaluateCalls(inner.trim(), scope, unresolved, INNER_CALL),
  );
  const value = evaluateCalls(interpolated, scope, unresolved);
  const leftover = value.match(/@[a-zA-Z]+\([^)]*\)/g);
  if (leftover) unresolved.push(...leftover);
  return { value, unresolved };
}
