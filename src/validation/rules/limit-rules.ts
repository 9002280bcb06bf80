import { LIMITS, countBodySchemas, definitionSize, findUnusedDefinitions } from "../budget";
import { child } from "../rule-context";
import { DEFINITION_FILE, type Rule } from "../rule-types";

const D = DEFINITION_FILE;

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}

/** Count and size limits (docs/validation-rules.md, "Budget") and unused definitions. */
export const limitRules: Rule[] = [
  {
    id: "TotalOperationsCountExceedsMaxAllowed",
    severity: "error",
    file: D,
    summary: `At most ${LIMITS.operations} operations.`,
    *check(ctx) {
      if (ctx.operations.length > LIMITS.operations) {
        yield {
          path: "/paths",
          message: `The connector has ${ctx.operations.length} operations; the platform allows ${LIMITS.operations}. Keep fewer operations (Choose operations to keep, offered when the export is refused and in Review → Budget) or split the connector.`,
        };
      }
    },
  },
  {
    id: "BodySchemaCountExceedsMaxAllowed",
    severity: "error",
    file: D,
    summary: `At most ${LIMITS.schemasPerBody} schemas in one request body or response (references expanded).`,
    *check(ctx) {
      for (const body of countBodySchemas(ctx.definition)) {
        if (body.count <= LIMITS.schemasPerBody) break;
        yield {
          path: body.pointer,
          message: `This ${body.kind === "body" ? "request body" : "response"} of ${body.operationId ? `"${body.operationId}"` : `${body.method.toUpperCase()} ${body.path}`} has more than ${LIMITS.schemasPerBody} schemas (${body.count}${body.count >= LIMITS.schemasPerBody * 4 ? "+" : ""}) once references are expanded. Trim properties you do not need or split it.`,
        };
      }
    },
  },
  {
    id: "DefinitionSizeExceedsMaxAllowed",
    severity: "error",
    file: D,
    summary:
      "The definition is under 1 MB, measured minified as the platform counts it: over 1 MB minified is an error; over 1 MB only with indentation is a note (published connectors such as Encodian are).",
    *check(ctx) {
      const size = definitionSize(ctx.definition);
      if (size.minified > LIMITS.definitionBytes) {
        yield {
          path: "",
          message: `The definition is ${kb(size.minified)} even without indentation; the platform accepts at most 1 MB (1024 KB). Remove unused definitions, or keep fewer operations (Choose operations to keep, offered when the export is refused and in Review → Budget).`,
        };
      } else if (size.indented > LIMITS.definitionBytes) {
        // The platform counts the minified size: published connectors over 1 MB indented are accepted, so
        // there is nothing to fix (no minified export is needed).
        yield {
          path: "",
          severity: "info",
          message: `The definition is ${kb(size.indented)} with indentation and ${kb(size.minified)} minified. The platform counts the minified size, so it is within the 1 MB limit.`,
        };
      }
    },
  },
  {
    id: "UnusedDefinition",
    severity: "info",
    file: D,
    summary:
      "Our rule: a schema under `definitions` that no operation uses (it still counts against the size limit).",
    *check(ctx) {
      for (const name of findUnusedDefinitions(ctx.definition)) {
        yield {
          path: child("/definitions", name),
          message: `The definition "${name}" is not used by any operation. Remove it to keep the connector small.`,
        };
      }
    },
  },
];
