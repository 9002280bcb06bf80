import { getAtPointer } from "../../model/json-pointer";
import { isJsonObject, type JsonObject } from "../../model/json-value";
import { child } from "../rule-context";
import { DEFINITION_FILE, type OperationInfo, type Rule, type RuleContext } from "../rule-types";

const D = DEFINITION_FILE;

/** `x-ms-*` extensions Power Platform reads (docs/validation-rules.md). */
export const KNOWN_EXTENSIONS = [
  "x-ms-summary",
  "x-ms-visibility",
  "x-ms-url-encoding",
  "x-ms-dynamic-values",
  "x-ms-dynamic-list",
  "x-ms-dynamic-schema",
  "x-ms-dynamic-properties",
  "x-ms-dynamic-tree",
  "x-ms-connector-metadata",
  "x-ms-trigger",
  "x-ms-trigger-hint",
  "x-ms-trigger-metadata",
  "x-ms-trigger-value",
  "x-ms-notification-content",
  "x-ms-notification-url",
  "x-ms-notification",
  "x-ms-api-annotation",
  "x-ms-capabilities",
  "x-ms-enum-values",
  "x-ms-test-value",
  "x-ms-no-generic-test",
  "x-ms-pageable",
  "x-ms-operation-context",
  "x-ms-safe-operation",
  "x-ms-media-kind",
  "x-ms-localizeDefaultValue",
  "x-ms-editor",
  "x-ms-editor-options",
  "x-ms-docs",
  "x-ms-deployment-version",
  "x-ms-openai-data",
  "x-ms-openai-manifest",
  "x-ms-openai-published-to-copilots",
  "x-ms-require-user-confirmation",
  "x-ms-keywords",
  "x-ms-agentic-protocol",
  "x-ms-api-annotations",
] as const;

/** AutoRest extensions: accepted, but Power Platform ignores them. */
export const IGNORED_EXTENSIONS = [
  "x-ms-enum",
  "x-ms-client-name",
  "x-ms-mutability",
  "x-ms-discriminator-value",
  "x-ms-long-running-operation",
  "x-ms-long-running-operation-options",
  "x-ms-identifiers",
  "x-ms-navigationProperty",
  "x-ms-docs-operation-type",
  "x-ms-parameter-location",
  "x-ms-skip-url-encoding",
  "x-ms-client-flatten",
  "x-ms-azure-resource",
  "x-ms-secret",
  "x-ms-examples",
  "x-ms-parameterized-host",
  "x-ms-api-version",
  "x-ms-enum-value",
  "x-ms-property-name-alias",
] as const;

const KNOWN = new Set<string>(KNOWN_EXTENSIONS);
const IGNORED = new Set<string>(IGNORED_EXTENSIONS);

/** Levenshtein distance, capped (returns cap+1 beyond it). */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      // Transposition (visbility/visiblity) counts as one edit.
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, (prev[j - 2] ?? v) + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > cap) return cap + 1;
    prev = cur;
  }
  return prev[b.length] as number;
}

/** The known extension a misspelled key most likely means, or null. */
export function suggestExtension(key: string): string | null {
  const lower = key
    .toLowerCase()
    .trim()
    .replace(/[:\s].*$/, "");
  let best: string | null = null;
  let bestDistance = 3;
  for (const known of [...KNOWN, ...IGNORED]) {
    if (lower === known.toLowerCase()) return known;
    const d = editDistance(lower, known.toLowerCase(), 2);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best;
}

/** Keys that are response-header names or property names, not extensions (seen in the corpus). */
function isUnderNameMap(parentPointer: string): boolean {
  return /\/(headers|properties)$/.test(parentPointer);
}

const VISIBILITY = new Set(["important", "advanced", "internal"]);

function describeOp(op: OperationInfo): string {
  const id = op.operation.operationId;
  return typeof id === "string" && id !== "" ? `"${id}"` : `${op.method.toUpperCase()} ${op.path}`;
}

/** Every dynamic extension object in the definition, with its pointer. */
function* dynamicExtensions(
  ctx: RuleContext,
): Generator<{ key: string; value: unknown; pointer: string; parentPointer: string }> {
  for (const e of ctx.extensionKeys) {
    if (
      e.key === "x-ms-dynamic-values" ||
      e.key === "x-ms-dynamic-list" ||
      e.key === "x-ms-dynamic-schema" ||
      e.key === "x-ms-dynamic-properties"
    ) {
      yield {
        key: e.key,
        value: e.value,
        pointer: e.pointer,
        parentPointer: e.parentPointer,
      };
    }
  }
}

/** Rules about `x-ms-*` extensions: known keys, values, dynamic references, triggers and webhooks. */
export const extensionRules: Rule[] = [
  {
    id: "ExtensionNameMisspelled",
    severity: "warning",
    file: D,
    summary:
      'Our rule: an `x-ms-*` key that is a misspelling of a known extension ("did you mean x-ms-visibility?"); the platform silently ignores it.',
    *check(ctx) {
      for (const e of ctx.extensionKeys) {
        if (!e.key.toLowerCase().startsWith("x-ms")) continue;
        if (KNOWN.has(e.key) || IGNORED.has(e.key) || isUnderNameMap(e.parentPointer)) continue;
        const suggestion = suggestExtension(e.key);
        if (suggestion && suggestion !== e.key) {
          yield {
            path: e.pointer,
            message: `"${e.key}" is not an extension Power Platform knows, so it is ignored. Did you mean "${suggestion}"?`,
          };
        }
      }
    },
  },
  {
    id: "ExtensionNotRecognized",
    severity: "info",
    file: D,
    summary:
      "Our rule: an `x-ms-*` key that is neither a Power Platform extension nor a misspelling of one (AutoRest keys are reported as ignored).",
    *check(ctx) {
      for (const e of ctx.extensionKeys) {
        if (!e.key.startsWith("x-ms-") || KNOWN.has(e.key) || isUnderNameMap(e.parentPointer)) continue;
        if (IGNORED.has(e.key)) {
          yield {
            path: e.pointer,
            message: `"${e.key}" is an AutoRest extension; Power Platform ignores it. You can leave it or remove it.`,
          };
          continue;
        }
        const suggestion = suggestExtension(e.key);
        if (suggestion && suggestion !== e.key) continue; // reported as misspelled
        yield {
          path: e.pointer,
          message: `"${e.key}" is not an extension Power Platform reads; it is kept but has no effect.`,
        };
      }
    },
  },
  {
    id: "VisibilityValueNotValid",
    severity: "warning",
    file: D,
    summary: '`x-ms-visibility` is "important", "advanced" or "internal" (JsonValueNotInEnum).',
    *check(ctx) {
      for (const e of ctx.extensionKeys) {
        if (e.key !== "x-ms-visibility" || isUnderNameMap(e.parentPointer)) continue;
        const v = e.value;
        if (typeof v !== "string" || !VISIBILITY.has(v)) {
          const fix =
            typeof v === "string" && VISIBILITY.has(v.toLowerCase())
              ? ` Write "${v.toLowerCase()}" in lower case.`
              : " Remove it for normal visibility.";
          yield {
            path: e.pointer,
            ruleId: "JsonValueNotInEnum",
            message: `"x-ms-visibility" is ${JSON.stringify(v)}; allowed values are "important", "advanced" and "internal".${fix}`,
          };
        }
      }
    },
  },
  {
    id: "TriggerValueNotValid",
    severity: "error",
    file: D,
    summary: '`x-ms-trigger` is "single" or "batch" (JsonValueNotInEnum).',
    *check(ctx) {
      for (const op of ctx.operations) {
        const v = op.operation["x-ms-trigger"];
        if (v !== undefined && v !== "single" && v !== "batch") {
          yield {
            path: child(op.pointer, "x-ms-trigger"),
            ruleId: "JsonValueNotInEnum",
            message: `"x-ms-trigger" of ${describeOp(op)} is ${JSON.stringify(v)}; use "single" (one event per run) or "batch".`,
          };
        }
      }
    },
  },
  {
    id: "OperationIdNotFound",
    severity: "error",
    file: D,
    summary:
      "Operations named by `x-ms-dynamic-*`, `x-ms-notification` and `x-ms-capabilities.testConnection` exist.",
    *check(ctx) {
      for (const d of dynamicExtensions(ctx)) {
        if (!isJsonObject(d.value)) continue;
        const id = d.value.operationId;
        if (typeof id === "string" && !ctx.operationIds.has(id)) {
          yield {
            path: child(d.pointer, "operationId"),
            message: `${d.key} calls the operation "${id}", which does not exist. Use the operationId of an operation in this connector.`,
          };
        }
      }
      for (const op of ctx.operations) {
        const n = op.operation["x-ms-notification"];
        if (isJsonObject(n) && typeof n.operationId === "string" && !ctx.operationIds.has(n.operationId)) {
          yield {
            path: child(child(op.pointer, "x-ms-notification"), "operationId"),
            message: `"x-ms-notification" names the operation "${n.operationId}", which does not exist.`,
          };
        }
      }
      const caps = ctx.definition["x-ms-capabilities"];
      const test = isJsonObject(caps) ? caps.testConnection : undefined;
      if (
        isJsonObject(test) &&
        typeof test.operationId === "string" &&
        !ctx.operationIds.has(test.operationId)
      ) {
        yield {
          path: "/x-ms-capabilities/testConnection/operationId",
          message: `The test-connection operation "${test.operationId}" does not exist.`,
        };
      }
    },
  },
  {
    id: "OperationParameterNameNotFound",
    severity: "warning",
    file: D,
    summary: "Parameters passed to a dynamic operation exist in that operation.",
    *check(ctx) {
      const byId = new Map(ctx.operations.map((o) => [o.operation.operationId, o] as const));
      for (const d of dynamicExtensions(ctx)) {
        if (!isJsonObject(d.value) || typeof d.value.operationId !== "string") continue;
        const target = byId.get(d.value.operationId);
        const params = d.value.parameters;
        if (!target || !isJsonObject(params)) continue;
        const names = new Set(target.parameters.map((p) => p.param.name));
        const bodyProps = bodyPropertyNames(ctx, target);
        for (const name of Object.keys(params)) {
          const top = name.split("/")[0] as string;
          if (!names.has(name) && !names.has(top) && !bodyProps.has(name) && !bodyProps.has(top)) {
            yield {
              path: child(child(d.pointer, "parameters"), name),
              message: `${d.key} passes "${name}" to "${d.value.operationId}", which has no parameter of that name.`,
            };
          }
        }
      }
    },
  },
  {
    id: "NotificationUrlNotString",
    severity: "warning",
    file: D,
    summary:
      "`x-ms-notification-url` sits on a required, internal string in the body (NotificationUrlNotRequired / NotificationUrlNotInternal).",
    *check(ctx) {
      for (const e of ctx.extensionKeys) {
        if (e.key !== "x-ms-notification-url" || isUnderNameMap(e.parentPointer)) continue;
        if (e.value !== true) continue;
        const holder = e.parent;
        if (!isJsonObject(holder)) continue;
        if (holder.type !== undefined && holder.type !== "string") {
          yield {
            path: e.parentPointer,
            message: `The notification URL must be a string, but this is "${String(holder.type)}". Set "type": "string".`,
          };
        }
        if (holder["x-ms-visibility"] !== "internal") {
          yield {
            path: e.parentPointer,
            ruleId: "NotificationUrlNotInternal",
            severity: "info",
            message:
              'The notification URL is filled in by the platform; mark it "x-ms-visibility": "internal" so makers do not see it.',
          };
        }
        // Required: a parameter has `required`, a property is named in its parent's `required`.
        const m = /^(.*)\/properties\/([^/]+)$/.exec(e.parentPointer);
        let required = holder.required === true;
        if (m) {
          const parent = getAtPointer(ctx.definition, m[1] as string);
          const name = (m[2] as string).replace(/~1/g, "/").replace(/~0/g, "~");
          required = isJsonObject(parent) && Array.isArray(parent.required) && parent.required.includes(name);
        }
        if (!required) {
          yield {
            path: e.parentPointer,
            ruleId: "NotificationUrlNotRequired",
            severity: "info",
            message: "The notification URL should be required, so the platform always sends it.",
          };
        }
      }
    },
  },
  {
    id: "OperationMustHaveNotificationContentExtension",
    severity: "info",
    file: D,
    summary:
      "A webhook trigger describes its payload with `x-ms-notification-content`; an `x-ms-notification-content` on a path without a webhook trigger is a lint (6 published connectors).",
    *check(ctx) {
      const paths = ctx.definition.paths;
      for (const op of ctx.operations) {
        if (!op.isWebhook) continue;
        const item = isJsonObject(paths) ? paths[op.path] : undefined;
        if (
          isJsonObject(item) &&
          item["x-ms-notification-content"] === undefined &&
          op.operation["x-ms-notification-content"] === undefined
        ) {
          yield {
            path: op.pointer,
            message: `The webhook trigger ${describeOp(op)} has no "x-ms-notification-content", so flows will not see the fields of the events it receives. Add it with the payload schema.`,
          };
        }
      }
    },
  },
  {
    id: "WebhookOperationsMissingNotificationUrlProperty",
    severity: "warning",
    file: D,
    summary:
      "A trigger that receives webhook events (has `x-ms-notification-content`) has a body property marked `x-ms-notification-url`.",
    *check(ctx) {
      const paths = ctx.definition.paths;
      for (const op of ctx.operations) {
        if (!op.isTrigger || op.method === "get") continue;
        const item = isJsonObject(paths) ? paths[op.path] : undefined;
        if (!isJsonObject(item) || item["x-ms-notification-content"] === undefined) continue;
        const seen = new Set<unknown>();
        const hasUrl = op.parameters.some(
          (p) => p.param["x-ms-notification-url"] === true || reaches(ctx, p.param.schema, seen),
        );
        if (!hasUrl) {
          yield {
            path: op.pointer,
            message: `The webhook trigger ${describeOp(op)} has no property marked "x-ms-notification-url": true, so the platform cannot tell your API where to send events.`,
          };
        }
      }
    },
  },
];

function reaches(ctx: RuleContext, schema: unknown, seen: Set<unknown>, depth = 0): boolean {
  if (!isJsonObject(schema) || seen.has(schema) || depth > 40) return false;
  seen.add(schema);
  if (schema["x-ms-notification-url"] === true) return true;
  if (typeof schema.$ref === "string") return reaches(ctx, ctx.resolve(schema.$ref), seen, depth + 1);
  if (isJsonObject(schema.properties)) {
    for (const v of Object.values(schema.properties)) if (reaches(ctx, v, seen, depth + 1)) return true;
  }
  return reaches(ctx, schema.items, seen, depth + 1);
}

function bodyPropertyNames(ctx: RuleContext, op: OperationInfo): Set<string> {
  const out = new Set<string>();
  for (const p of op.parameters) {
    if (p.param.in !== "body") continue;
    let schema: unknown = p.param.schema;
    if (isJsonObject(schema) && typeof schema.$ref === "string") schema = ctx.resolve(schema.$ref);
    const props = isJsonObject(schema) ? (schema as JsonObject).properties : undefined;
    if (isJsonObject(props)) for (const k of Object.keys(props)) out.add(k);
    out.add(String(p.param.name));
  }
  return out;
}
