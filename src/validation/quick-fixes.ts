import type { Command } from "../model/command";
import type { ConnectorDocument } from "../model/connector-document";
import type { Diagnostic } from "../model/diagnostic";
import { getAtPointer, parsePointer, removeAtPointer, setAtPointer, toPointer } from "../model/json-pointer";
import { isJsonObject, type JsonObject } from "../model/json-value";
import { renameKeyInPlace, renameOperationId } from "../model/operations/operations";
import { titleFromName } from "../model/operations/parameters";
import { listOperations, type SwaggerDocument } from "../model/swagger-types";
import { removeUnusedDefinitions } from "./budget";
import { suggestExtension } from "./rules/extension-rules";
import { sanitizeOperationId } from "./rules/operation-rules";

/** A quick fix: the command and the button's label. */
export interface QuickFix {
  label: string;
  command: Command;
}

function definitionCommand(
  name: string,
  label: string,
  edit: (definition: SwaggerDocument) => SwaggerDocument,
): Command {
  return {
    name: `quick-fix:${name}`,
    label,
    apply: (doc) => {
      const definition = edit(doc.definition);
      return definition === doc.definition ? doc : { ...doc, definition };
    },
  };
}

/** "GetTaskList" / "get_task_list" → "Get task list": a summary in sentence case from an operationId. */
export function summaryFromOperationId(id: string): string {
  const words = titleFromName(id).split(" ");
  return words.map((w, i) => (i === 0 || w === "ID" ? w : w.toLowerCase())).join(" ");
}

function uniqueId(definition: SwaggerDocument, base: string, previous: string): string {
  const taken = new Set(
    listOperations(definition)
      .map((o) => o.operation.operationId)
      .filter((id): id is string => typeof id === "string" && id !== previous)
      .map((id) => id.toLowerCase()),
  );
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}${i}`.toLowerCase())) return `${base}${i}`;
}

/** Adds a summary to every operation that lacks one, from its operationId (or method and path). */
export function addMissingSummaries(): Command {
  return definitionCommand("add-summaries", "Add missing summaries", (definition) => {
    let next = definition;
    for (const op of listOperations(definition)) {
      if (typeof op.operation.summary === "string" && op.operation.summary.trim() !== "") continue;
      const id = op.operation.operationId;
      const summary =
        typeof id === "string" && id !== ""
          ? summaryFromOperationId(id)
          : `${op.method.toUpperCase()} ${op.path}`;
      next = setAtPointer(next, ["paths", op.path, op.method, "summary"], summary);
    }
    return next;
  });
}

/** Adds `x-ms-summary` (from the name) to every non-body parameter that lacks one. */
export function addMissingParameterSummaries(): Command {
  return definitionCommand("add-parameter-summaries", "Add missing parameter labels", (definition) => {
    let next = definition;
    const visit = (pointer: string[], param: unknown) => {
      if (
        !isJsonObject(param) ||
        typeof param.$ref === "string" ||
        param.in === "body" ||
        typeof param.name !== "string"
      )
        return;
      if (typeof param["x-ms-summary"] === "string" && param["x-ms-summary"] !== "") return;
      next = setAtPointer(next, [...pointer, "x-ms-summary"], titleFromName(param.name));
    };
    if (isJsonObject(definition.parameters)) {
      for (const name of Object.keys(definition.parameters))
        visit(["parameters", name], definition.parameters[name]);
    }
    const paths = definition.paths;
    if (isJsonObject(paths)) {
      for (const path of Object.keys(paths)) {
        const item = paths[path];
        if (!isJsonObject(item)) continue;
        for (const key of Object.keys(item)) {
          const holder = key === "parameters" ? item : item[key];
          const list =
            key === "parameters" ? item.parameters : isJsonObject(holder) ? holder.parameters : undefined;
          if (!Array.isArray(list)) continue;
          const base =
            key === "parameters" ? ["paths", path, "parameters"] : ["paths", path, key, "parameters"];
          list.forEach((p, i) => visit([...base, String(i)], p));
        }
      }
    }
    return next;
  });
}

/**
 * The quick fix for a diagnostic, or null when there is no clear fix. Every fix is a Command, so it is one
 * undo step; the caller dispatches it with source "quick-fix".
 */
export function quickFixFor(diagnostic: Diagnostic, doc: ConnectorDocument): QuickFix | null {
  const { ruleId, path } = diagnostic;
  if (diagnostic.file === "apiDefinition.swagger.json") {
    const target = getAtPointer(doc.definition, path);
    switch (ruleId) {
      case "PathParameterMissingEncoding":
        if (!isJsonObject(target)) return null;
        return {
          label: 'Add "x-ms-url-encoding": "single"',
          command: definitionCommand("add-url-encoding", "Add URL encoding", (d) =>
            setAtPointer(d, `${path}/x-ms-url-encoding`, "single"),
          ),
        };
      case "PathParameterMustBeRequired":
        if (!isJsonObject(target)) return null;
        return {
          label: "Make the parameter required",
          command: definitionCommand("require-path-parameter", "Make path parameter required", (d) =>
            setAtPointer(d, `${path}/required`, true),
          ),
        };
      case "DefaultResponseHasSchema":
        return isJsonObject(target)
          ? { label: "Move the schema to 200", command: moveDefaultSchema(path) }
          : null;
      case "OperationIdSanitized": {
        if (typeof target !== "string") return null;
        const next = uniqueId(doc.definition, sanitizeOperationId(target), target);
        return {
          label: `Rename to "${next}"`,
          command: {
            ...renameOperationId(target, next),
            name: "quick-fix:sanitize-operation-id",
            label: `Rename operation ID to ${next}`,
          },
        };
      }
      case "RequiredValueEmpty": {
        if (
          !/^\/paths\/[^/]+\/[^/]+$/.test(path) ||
          !isJsonObject(target) ||
          (typeof target.summary === "string" && target.summary !== "")
        )
          return null;
        return { label: "Add summaries from operation IDs", command: addMissingSummaries() };
      }
      case "ParameterSummaryRequired":
        return { label: "Add labels from parameter names", command: addMissingParameterSummaries() };
      case "ExtensionNameMisspelled": {
        const segments = parsePointer(path);
        const key = segments[segments.length - 1];
        const suggestion = key ? suggestExtension(key) : null;
        if (!key || !suggestion) return null;
        const parentPointer = toPointer(segments.slice(0, -1));
        return {
          label: `Rename to "${suggestion}"`,
          command: definitionCommand("rename-extension", `Rename ${key} to ${suggestion}`, (d) => {
            const parent = getAtPointer(d, parentPointer);
            if (!isJsonObject(parent) || parent[suggestion] !== undefined) return d;
            const renamed = renameKeyInPlace(parent as JsonObject, key, suggestion);
            return parentPointer === ""
              ? (renamed as SwaggerDocument)
              : setAtPointer(d, parentPointer, renamed);
          }),
        };
      }
      case "UnusedDefinition":
        return {
          label: "Remove unused definitions",
          command: { ...removeUnusedDefinitions(), name: "quick-fix:remove-unused-definitions" },
        };
      case "QueryParameterEncodingNotSupported":
        return {
          label: 'Remove "x-ms-url-encoding"',
          command: definitionCommand("remove-query-encoding", "Remove URL encoding", (d) =>
            getAtPointer(d, path) === undefined ? d : removeAtPointer(d, path),
          ),
        };
      default:
        return null;
    }
  }
  return null;
}

/**
 * Moves the schema of a `default` response to `200` (creating it, or filling the first 2xx without schema).
 * When a 2xx response already has a schema, or the only 2xx responses are 204/205 (no content), the
 * `default` schema is only removed.
 */
function moveDefaultSchema(defaultPointer: string): Command {
  return definitionCommand("move-default-schema", "Move default response schema to 200", (d) => {
    const responsesPointer = defaultPointer.replace(/\/default$/, "");
    const responses = getAtPointer(d, responsesPointer);
    if (!isJsonObject(responses)) return d;
    const moved = responsesWithDefaultSchemaMoved(responses);
    return moved ? setAtPointer(d, responsesPointer, moved) : d;
  });
}

/**
 * An operation's `responses` with the `default` response's schema moved to the first 2xx response with
 * content (created as "200" when there is none), or dropped when a 2xx response already has a schema or
 * only 204/205 are declared. Undefined when `default` has no schema. The quick fix and the importer's
 * make-ready pass both use it.
 */
export function responsesWithDefaultSchemaMoved(responses: JsonObject): JsonObject | undefined {
  const def = responses.default;
  if (!isJsonObject(def) || def.schema === undefined) return undefined;
  const { schema, ...defaultWithoutSchema } = def;
  const next: JsonObject = { ...responses, default: defaultWithoutSchema };
  const twoXx = Object.keys(responses).filter((k) => /^2\d\d$/.test(k));
  const withSchema = twoXx.find(
    (k) => isJsonObject(responses[k]) && (responses[k] as JsonObject).schema !== undefined,
  );
  if (withSchema) return next;
  // 204/205 carry no content: a default schema there would show error fields as outputs.
  const withContent = twoXx.filter((k) => k !== "204" && k !== "205");
  if (twoXx.length > 0 && withContent.length === 0) return next;
  const code = withContent[0] ?? "200";
  const existing = responses[code];
  const description =
    typeof def.description === "string" && def.description !== "default" ? def.description : "OK";
  next[code] = isJsonObject(existing) ? { ...existing, schema } : { description, schema };
  return next;
}
