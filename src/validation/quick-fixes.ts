import type { Command } from "../model/command";
import type { ConnectorDocument } from "../model/connector-document";
import type { Diagnostic } from "../model/diagnostic";
import { getAtPointer, parsePointer } from "../model/json-pointer";
import { isJsonObject } from "../model/json-value";
import {
  addMissingParameterSummaries,
  addMissingSummaries,
  addUrlEncoding,
  moveDefaultSchema,
  removeUrlEncoding,
  renameExtensionKey,
  requirePathParameter,
  sanitizeOperationIdTo,
  uniqueOperationIdFor,
} from "../model/operations/definition-fixes";
import { removeUnusedDefinitions } from "../model/operations/keep-operations";
import { suggestExtension } from "./rules/extension-rules";
import { sanitizeOperationId } from "./rules/operation-rules";

/** A quick fix: the command and the button's label. */
export interface QuickFix {
  label: string;
  command: Command;
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
          command: addUrlEncoding(path),
        };
      case "PathParameterMustBeRequired":
        if (!isJsonObject(target)) return null;
        return {
          label: "Make the parameter required",
          command: requirePathParameter(path),
        };
      case "DefaultResponseHasSchema":
        return isJsonObject(target)
          ? { label: "Move the schema to 200", command: moveDefaultSchema(path) }
          : null;
      case "OperationIdSanitized": {
        if (typeof target !== "string") return null;
        const next = uniqueOperationIdFor(doc.definition, sanitizeOperationId(target), target);
        return { label: `Rename to "${next}"`, command: sanitizeOperationIdTo(target, next) };
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
        return { label: `Rename to "${suggestion}"`, command: renameExtensionKey(path, suggestion) };
      }
      case "UnusedDefinition":
        return {
          label: "Remove unused definitions",
          command: { ...removeUnusedDefinitions(), name: "quick-fix:remove-unused-definitions" },
        };
      case "QueryParameterEncodingNotSupported":
        return {
          label: 'Remove "x-ms-url-encoding"',
          command: removeUrlEncoding(path),
        };
      default:
        return null;
    }
  }
  return null;
}
