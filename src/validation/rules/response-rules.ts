import { isJsonObject } from "../../model/json-value";
import { child } from "../rule-context";
import { DEFINITION_FILE, type OperationInfo, type Rule } from "../rule-types";

const D = DEFINITION_FILE;

function describeOp(op: OperationInfo): string {
  const id = op.operation.operationId;
  return typeof id === "string" && id !== "" ? `"${id}"` : `${op.method.toUpperCase()} ${op.path}`;
}

function responsesOf(op: OperationInfo): Record<string, unknown> | null {
  const r = op.operation.responses;
  return isJsonObject(r) ? r : null;
}

/** Status-code keys of a responses object (extensions excluded). */
function codes(responses: Record<string, unknown>): string[] {
  return Object.keys(responses).filter((k) => !k.startsWith("x-"));
}

/** Rules about responses. */
export const responseRules: Rule[] = [
  {
    id: "OperationMustHaveResponse",
    severity: "warning",
    file: D,
    summary:
      "Every operation lists at least one response. A warning, not an error: 17 operations in 11 published connectors (mostly webhook subscriptions) have an empty `responses` and the platform accepted them.",
    *check(ctx) {
      for (const op of ctx.operations) {
        const responses = responsesOf(op);
        if (responses && codes(responses).length > 0) continue;
        yield {
          path: responses ? child(op.pointer, "responses") : op.pointer,
          message: op.isTrigger
            ? `The trigger ${describeOp(op)} lists no response. Add the response the subscription returns (e.g. "201" with a description).`
            : `${describeOp(op)} lists no response, so flows get no outputs from it. Add at least a "200" response with a description (and a schema for the data it returns).`,
        };
      }
    },
  },
  {
    id: "ResponseMustBeDefaultOrHttpStatusCode",
    severity: "error",
    file: D,
    summary: 'Response keys are "default" or a three-digit HTTP status code.',
    *check(ctx) {
      for (const op of ctx.operations) {
        const responses = responsesOf(op);
        if (!responses) continue;
        for (const code of codes(responses)) {
          if (code !== "default" && !/^[1-5]\d\d$/.test(code)) {
            yield {
              path: child(child(op.pointer, "responses"), code),
              message: `The response key "${code}" of ${describeOp(op)} is not an HTTP status code. Use "default" or a code such as "200".`,
            };
          }
        }
      }
    },
  },
  {
    id: "OperationShouldHaveSuccessfulResponse",
    severity: "warning",
    file: D,
    summary: "Operations list a 2xx response (or only `default`).",
    *check(ctx) {
      for (const op of ctx.operations) {
        const responses = responsesOf(op);
        if (!responses) continue;
        const keys = codes(responses);
        if (keys.length === 0) continue;
        if (!keys.some((k) => /^2\d\d$/.test(k) || k === "default")) {
          yield {
            path: child(op.pointer, "responses"),
            message: `${describeOp(op)} lists no successful (2xx) response. Add the response your API returns on success.`,
          };
        }
      }
    },
  },
  {
    id: "DefaultResponseHasSchema",
    severity: "warning",
    file: D,
    summary:
      "A `default` response with a schema: the designer ignores it. Warning (284 published connectors have one); an error in certification mode.",
    *check(ctx) {
      for (const op of ctx.operations) {
        const responses = responsesOf(op);
        if (!responses) continue;
        const def = responses.default;
        if (!isJsonObject(def) || def.schema === undefined) continue;
        const has2xx = codes(responses).some(
          (k) =>
            /^2\d\d$/.test(k) &&
            isJsonObject(responses[k]) &&
            (responses[k] as { schema?: unknown }).schema !== undefined,
        );
        yield {
          path: child(child(op.pointer, "responses"), "default"),
          severity: ctx.certification ? "error" : "warning",
          message: has2xx
            ? `The "default" response of ${describeOp(op)} has a schema, which the designer ignores. Remove the schema from "default".`
            : `The "default" response of ${describeOp(op)} has a schema, which the designer ignores: flows will not see its outputs. Move the schema to a "200" response.`,
        };
      }
    },
  },
  {
    id: "OperationHasManyResponsesWithSchema",
    severity: "info",
    file: D,
    summary: "More than one 2xx response with a schema: the designer uses only the first.",
    *check(ctx) {
      for (const op of ctx.operations) {
        const responses = responsesOf(op);
        if (!responses) continue;
        const withSchema = codes(responses).filter(
          (k) =>
            /^2\d\d$/.test(k) &&
            isJsonObject(responses[k]) &&
            (responses[k] as { schema?: unknown }).schema !== undefined,
        );
        if (withSchema.length > 1) {
          yield {
            path: child(op.pointer, "responses"),
            message: `${describeOp(op)} has schemas on ${withSchema.join(", ")}; the designer only shows outputs of the first. Keep one schema.`,
          };
        }
      }
    },
  },
  {
    id: "ResponseHeadersAreNotUnique",
    severity: "warning",
    file: D,
    summary: "Response header names are unique without case.",
    *check(ctx) {
      for (const op of ctx.operations) {
        const responses = responsesOf(op);
        if (!responses) continue;
        for (const code of codes(responses)) {
          const r = responses[code];
          if (!isJsonObject(r) || !isJsonObject(r.headers)) continue;
          const seen = new Set<string>();
          for (const name of Object.keys(r.headers)) {
            if (seen.has(name.toLowerCase())) {
              yield {
                path: child(child(child(child(op.pointer, "responses"), code), "headers"), name),
                message: `The response header "${name}" is listed twice (header names ignore case). Remove one.`,
              };
            }
            seen.add(name.toLowerCase());
          }
        }
      }
    },
  },
];
