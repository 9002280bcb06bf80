import type { ConnectorDocument } from "../model/connector-document";
import { listOperations, type OperationRef } from "../model/swagger-types";
import { keepOperations } from "../model/operations/keep-operations";

/** Which operations to keep. Every given criterion must hold; an empty or missing list selects everything. */
export interface OperationSelection {
  /** Keep operations with one of these tags (without case). Untagged operations: see {@link operationTags}. */
  includeTags?: readonly string[];
  /** Keep operations whose path template matches one of these globs. */
  includePaths?: readonly string[];
  /** Drop operations whose path template matches one of these globs. */
  excludePaths?: readonly string[];
}

export interface SelectionResult {
  document: ConnectorDocument;
  /** Operations before and after. */
  total: number;
  kept: number;
  /** Tags asked for that no operation has. */
  unknownTags: string[];
}

/** Path segments that only version or prefix an API (`v1`, `api`, `2010-04-01`), skipped to find a group. */
const PREFIX_SEGMENT = /^(v\d+(\.\d+)*|api|rest|\d{4}-\d{2}-\d{2}|\{[^}]*\})$/i;

/**
 * The tags an operation is selected by: its `tags`, or, when it has none, the first path segment after
 * version prefixes (`/v1/customers/{id}` → "customers"), so that untagged APIs can be chosen by area too.
 */
export function operationTags(ref: OperationRef): string[] {
  const tags = ref.operation.tags;
  if (Array.isArray(tags) && tags.length > 0) return tags.map(String);
  const segment = ref.path.split("/").find((s) => s !== "" && !PREFIX_SEGMENT.test(s));
  return segment ? [segment.replace(/\.[a-z]+$/i, "")] : [];
}

/**
 * A path glob as a regular expression: `*` matches within one segment, `**` across segments, `?` one
 * character other than `/`; everything else (braces of `{id}` included) is literal. Matching ignores case
 * and a trailing `/`.
 */
export function globToRegExp(glob: string): RegExp {
  let source = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === "*" && glob[i + 1] === "*") {
      // `/**` also matches the parent itself: /v1/customers/** matches /v1/customers.
      if (source.endsWith("/") && (glob[i + 2] === undefined || glob[i + 2] === "/")) {
        source = `${source.slice(0, -1)}(?:/.*)?`;
        i += glob[i + 2] === "/" ? 2 : 1;
      } else {
        source += ".*";
        i++;
      }
    } else if (c === "*") source += "[^/]*";
    else if (c === "?") source += "[^/]";
    else source += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source.replace(/\/$/, "")}/?$`, "i");
}

/**
 * Keeps the operations a selection names (tags, path globs) and removes the rest with what only they used:
 * definitions no operation reaches any more, and their names in policies and custom code
 * ({@link keepOperations}). Pure; the CLI `import --include-tags/--include-paths/--exclude-paths` and the
 * app's "Choose operations" use it.
 */
export function selectOperations(doc: ConnectorDocument, selection: OperationSelection): SelectionResult {
  const ops = listOperations(doc.definition);
  const tags = (selection.includeTags ?? []).map((t) => t.trim().toLowerCase()).filter((t) => t !== "");
  const include = (selection.includePaths ?? []).filter((g) => g.trim() !== "").map(globToRegExp);
  const exclude = (selection.excludePaths ?? []).filter((g) => g.trim() !== "").map(globToRegExp);
  const seenTags = new Set(ops.flatMap((ref) => operationTags(ref).map((t) => t.toLowerCase())));
  const keep = ops.filter((ref) => {
    if (tags.length > 0 && !operationTags(ref).some((t) => tags.includes(t.toLowerCase()))) return false;
    if (include.length > 0 && !include.some((re) => re.test(ref.path))) return false;
    return !exclude.some((re) => re.test(ref.path));
  });
  const ids = keep
    .map((ref) => ref.operation.operationId)
    .filter((id): id is string => typeof id === "string");
  const document = keep.length === ops.length ? doc : keepOperations(ids).apply(doc);
  return {
    document,
    total: ops.length,
    kept: keep.length,
    unknownTags: (selection.includeTags ?? []).filter(
      (t) => t.trim() !== "" && !seenTags.has(t.trim().toLowerCase()),
    ),
  };
}
