import { toPointer } from "./json-pointer";
import { isJsonObject } from "./json-value";
import { HTTP_METHODS, type HttpMethod, type SwaggerDocument } from "./swagger-types";

/** The tag shown for operations that have none. */
export const UNTAGGED = "(no tag)";

/** One operation as the "Choose operations" picker shows it. */
export interface PickableOperation {
  /** JSON pointer of the operation (`/paths/~1items/get`): unique even without an operationId. */
  key: string;
  path: string;
  method: HttpMethod;
  operationId: string;
  summary: string;
}

/** Operations of one tag (an operation with several tags is listed under its first, as the designer does). */
export interface PickerGroup {
  tag: string;
  operations: PickableOperation[];
}

/**
 * Groups the operations of a definition by their first tag: tags in the order the document declares them
 * (`tags`), then the others in order of first use, and operations without a tag last.
 */
export function groupOperationsByTag(definition: SwaggerDocument): PickerGroup[] {
  const groups = new Map<string, PickableOperation[]>();
  if (Array.isArray(definition.tags))
    for (const t of definition.tags)
      if (isJsonObject(t) && typeof t.name === "string" && !groups.has(t.name)) groups.set(t.name, []);
  const untagged: PickableOperation[] = [];
  const paths = definition.paths;
  if (isJsonObject(paths)) {
    for (const path of Object.keys(paths)) {
      const item = paths[path];
      if (!isJsonObject(item)) continue;
      for (const method of HTTP_METHODS) {
        const op = item[method];
        if (!isJsonObject(op)) continue;
        const first = Array.isArray(op.tags)
          ? op.tags.find((t) => typeof t === "string" && t !== "")
          : undefined;
        const entry: PickableOperation = {
          key: toPointer(["paths", path, method]),
          path,
          method,
          operationId: typeof op.operationId === "string" ? op.operationId : "",
          summary: typeof op.summary === "string" ? op.summary : "",
        };
        if (typeof first !== "string") untagged.push(entry);
        else {
          const list = groups.get(first);
          if (list) list.push(entry);
          else groups.set(first, [entry]);
        }
      }
    }
  }
  const out: PickerGroup[] = [];
  for (const [tag, operations] of groups) if (operations.length > 0) out.push({ tag, operations });
  if (untagged.length > 0) out.push({ tag: UNTAGGED, operations: untagged });
  return out;
}

/** A case-insensitive search over tag, operationId, summary, method and path; empty groups are left out. */
export function filterPickerGroups(groups: readonly PickerGroup[], query: string): PickerGroup[] {
  const q = query.trim().toLowerCase();
  if (q === "") return [...groups];
  const out: PickerGroup[] = [];
  for (const group of groups) {
    if (group.tag.toLowerCase().includes(q)) {
      out.push(group);
      continue;
    }
    const operations = group.operations.filter((o) =>
      `${o.operationId}\n${o.summary}\n${o.method} ${o.path}`.toLowerCase().includes(q),
    );
    if (operations.length > 0) out.push({ tag: group.tag, operations });
  }
  return out;
}

/** Every operation key of the groups. */
export function pickerKeys(groups: readonly PickerGroup[]): string[] {
  return groups.flatMap((g) => g.operations.map((o) => o.key));
}

/** How many of a group's operations are selected: "none", "some" or "all" (for its tri-state checkbox). */
export function groupSelection(group: PickerGroup, selected: ReadonlySet<string>): "none" | "some" | "all" {
  let n = 0;
  for (const o of group.operations) if (selected.has(o.key)) n++;
  return n === 0 ? "none" : n === group.operations.length ? "all" : "some";
}

/** Selects (or clears) every given key at once: select-all of a tag or of the search results. */
export function setKeys(selected: ReadonlySet<string>, keys: readonly string[], on: boolean): Set<string> {
  const next = new Set(selected);
  for (const k of keys) {
    if (on) next.add(k);
    else next.delete(k);
  }
  return next;
}
