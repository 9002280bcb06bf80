/**
 * Freezes a document and everything it holds, so that an in-place write throws (in strict mode, which every
 * module is) instead of silently changing a snapshot the undo history shares. Used in development and tests
 * only (see src/store/workspace-store.ts); production builds skip it.
 */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    // Shared, unchanged branches were frozen with an earlier snapshot: stop there. Byte arrays (the icon)
    // cannot be frozen and are replaced, never written, by every edit.
    if (typeof node !== "object" || node === null || Object.isFrozen(node) || ArrayBuffer.isView(node))
      continue;
    Object.freeze(node);
    for (const key of Reflect.ownKeys(node)) stack.push((node as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}
