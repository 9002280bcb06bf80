import type { Command } from "../command";
import type { ConnectorDocument } from "../connector-document";
import { getAtPointer, removeAtPointer, setAtPointer, toPointer } from "../json-pointer";
import { isJsonObject, type JsonObject, type JsonValue } from "../json-value";
import type { Operation, Schema, SwaggerDocument } from "../swagger-types";
import {
  addOperation,
  getOperation,
  uniqueOperationId,
  uniquePath,
  type OperationLocation,
} from "./operations";
import { resolveParameter } from "./parameters";
import { addPolicy, listPolicies, newPolicyInstance, setPolicyParameter } from "./policies";

/** How a trigger fires: the platform calls back (webhook) or polls. */
export type TriggerKind = "webhook" | "polling" | "unset";

const P = "x-ms-apimTemplateParameter.";

/** Body schema properties (dotted paths) of an operation, for the callback-URL picker. */
export function bodyPropertyPaths(
  definition: SwaggerDocument,
  operation: Operation,
): { path: string; pointer: string; isNotificationUrl: boolean }[] {
  const result: { path: string; pointer: string; isNotificationUrl: boolean }[] = [];
  const params = Array.isArray(operation.parameters) ? operation.parameters : [];
  params.forEach((p, index) => {
    const param = resolveParameter(definition, p);
    if (param?.in !== "body" || !isJsonObject(param.schema)) return;
    const walk = (schema: Schema, segments: string[], names: string[]) => {
      if (!isJsonObject(schema.properties)) return;
      for (const [name, prop] of Object.entries(schema.properties)) {
        if (!isJsonObject(prop)) continue;
        const here = [...segments, "properties", name];
        result.push({
          path: [...names, name].join("."),
          pointer: toPointer(here),
          isNotificationUrl: prop["x-ms-notification-url"] === true,
        });
        walk(prop, here, [...names, name]);
      }
    };
    walk(param.schema, ["parameters", String(index), "schema"], []);
  });
  return result;
}

/** What kind of trigger an operation is. */
export function triggerKind(doc: ConnectorDocument, location: OperationLocation): TriggerKind {
  const operation = getOperation(doc.definition, location);
  if (!operation) return "unset";
  const item = doc.definition.paths?.[location.path];
  if (
    isJsonObject(item?.["x-ms-notification-content"]) ||
    bodyPropertyPaths(doc.definition, operation).some((p) => p.isNotificationUrl)
  ) {
    return "webhook";
  }
  const meta = operation["x-ms-trigger-metadata"];
  if (isJsonObject(meta) && meta.mode === "polling") return "polling";
  if (findPollingPolicy(doc, operation.operationId ?? "") !== undefined) return "polling";
  return "unset";
}

/**
 * Marks the body property at `propertyPointer` (relative to the operation) as the one that receives the
 * callback URL: `x-ms-notification-url: true`, string, internal and required (all the rules of the
 * webhook validator). Any other property loses the mark. An empty pointer just clears the mark.
 */
export function setNotificationUrlProperty(location: OperationLocation, propertyPointer: string): Command {
  return {
    name: "definition:set:notification-url",
    label: "Choose the callback URL property",
    apply: (doc) => {
      const operation = getOperation(doc.definition, location);
      if (!operation) return doc;
      const base = ["paths", location.path, location.method];
      let definition = doc.definition;
      for (const prop of bodyPropertyPaths(definition, operation)) {
        if (prop.isNotificationUrl && prop.pointer !== propertyPointer) {
          definition = removeAtPointer(definition, toPointer(base) + prop.pointer + "/x-ms-notification-url");
        }
      }
      if (propertyPointer !== "") {
        const pointer = toPointer(base) + propertyPointer;
        const current = getAtPointer(definition, pointer);
        if (!isJsonObject(current)) return doc;
        definition = setAtPointer(definition, pointer, {
          ...current,
          type: "string",
          "x-ms-notification-url": true,
          "x-ms-visibility": "internal",
        });
        // Required all the way up: every parent schema lists the child.
        const segments = pointer.split("/").slice(1);
        for (let i = segments.length; i >= 2; i -= 2) {
          if (segments[i - 2] !== "properties") break;
          const parent = "/" + segments.slice(0, i - 2).join("/");
          const name = segments[i - 1] as string;
          const schema = getAtPointer(definition, parent);
          if (!isJsonObject(schema)) break;
          const required = Array.isArray(schema.required) ? schema.required : [];
          const unescaped = name.replace(/~1/g, "/").replace(/~0/g, "~");
          if (!required.includes(unescaped))
            definition = setAtPointer(definition, parent + "/required", [...required, unescaped]);
        }
      }
      return definition === doc.definition ? doc : { ...doc, definition };
    },
  };
}

/** Sets the webhook payload schema (`x-ms-notification-content` on the path item, where published connectors keep it). */
export function setNotificationContent(
  location: OperationLocation,
  schema: Schema | undefined,
  description = "Notification",
): Command {
  return {
    name: "definition:set:notification-content",
    label: "Set notification content",
    apply: (doc) => {
      const pointer = ["paths", location.path, "x-ms-notification-content"];
      if (schema === undefined) {
        return getAtPointer(doc.definition, pointer) === undefined
          ? doc
          : { ...doc, definition: removeAtPointer(doc.definition, pointer) };
      }
      const current = getAtPointer(doc.definition, pointer);
      const next: JsonObject = isJsonObject(current) ? { ...current, schema } : { description, schema };
      return { ...doc, definition: setAtPointer(doc.definition, pointer, next) };
    },
  };
}

/** Ensures the subscribe operation answers `201` with a `Location` header (the platform DELETEs it later). */
export function ensureWebhookCreatedResponse(location: OperationLocation): Command {
  return {
    name: "definition:add:webhook-response",
    label: "Add 201 response with Location",
    apply: (doc) => {
      const pointer = ["paths", location.path, location.method, "responses", "201"];
      if (!getOperation(doc.definition, location)) return doc;
      const current = getAtPointer(doc.definition, pointer);
      const response: JsonObject = isJsonObject(current) ? current : { description: "Created" };
      const headers = isJsonObject(response.headers) ? response.headers : {};
      if (isJsonObject(headers.Location)) return doc;
      return {
        ...doc,
        definition: setAtPointer(doc.definition, pointer, {
          ...response,
          headers: {
            ...headers,
            Location: {
              type: "string",
              description: "URL of the subscription, called with DELETE to remove it",
            },
          },
        }),
      };
    },
  };
}

/** Plans the internal DELETE operation that removes a webhook subscription. */
export function planWebhookDelete(
  definition: SwaggerDocument,
  location: OperationLocation,
): { location: OperationLocation; operation: Operation } {
  const subscribe = getOperation(definition, location);
  const operationId = uniqueOperationId(definition, `Delete${subscribe?.operationId ?? "Webhook"}`);
  const path = uniquePath(definition, `${location.path.replace(/\/$/, "")}/{hookId}`, "delete");
  return {
    location: { path, method: "delete" },
    operation: {
      summary: "Delete the webhook subscription",
      description: "Removes the subscription when the flow is turned off or deleted.",
      operationId,
      "x-ms-visibility": "internal",
      parameters: [
        {
          name: "hookId",
          in: "path",
          required: true,
          type: "string",
          "x-ms-summary": "Hook ID",
          description: "ID of the subscription",
          "x-ms-url-encoding": "single",
        },
      ],
      responses: { "200": { description: "OK" } },
    },
  };
}

/** Adds the webhook delete operation (see {@link planWebhookDelete}). */
export function addWebhookDeleteOperation(plan: {
  location: OperationLocation;
  operation: Operation;
}): Command {
  return addOperation(plan.location, plan.operation, "Add delete operation for the webhook");
}

/** Polling configuration as the Trigger configuration pane shows it. */
export interface PollingConfig {
  stateParameter: string;
  valueExpression: string;
  triggerDataPath: string;
}

function findPollingPolicy(doc: ConnectorDocument, operationId: string) {
  return listPolicies(doc).find(
    (p) => p.templateId.toLowerCase() === "pollingtrigger" && p.operations.includes(operationId),
  );
}

/** Reads the polling configuration of a trigger from its `pollingtrigger` policy. */
export function readPollingConfig(doc: ConnectorDocument, operationId: string): PollingConfig {
  const policy = findPollingPolicy(doc, operationId);
  const config = policy?.parameters[P + "triggerConfig"];
  const first = isJsonObject(config)
    ? Object.entries(config).find(([k]) => !k.startsWith("x-ms-"))
    : undefined;
  const dataPath = policy?.parameters[P + "triggerDataPath"];
  return {
    stateParameter: first?.[0] ?? "",
    valueExpression: typeof first?.[1] === "string" ? first[1] : "",
    triggerDataPath: typeof dataPath === "string" ? dataPath : "",
  };
}

/**
 * Writes the polling configuration: `x-ms-trigger-metadata {kind: query, mode: polling}` on the operation
 * and a `pollingtrigger` policy for it (`triggerConfig` {state parameter: value expression},
 * `triggerDataPath`). An existing policy is updated in place, keeping other keys (e.g. the next-link key).
 */
export function setPollingConfig(location: OperationLocation, config: PollingConfig): Command {
  return {
    name: "definition:set:polling-config",
    label: "Configure polling trigger",
    apply: (doc) => {
      const operation = getOperation(doc.definition, location);
      const operationId = operation?.operationId;
      if (!operation || !operationId) return doc;
      let next = doc;
      const meta = operation["x-ms-trigger-metadata"];
      if (!isJsonObject(meta) || meta.mode !== "polling") {
        next = {
          ...next,
          definition: setAtPointer(
            next.definition,
            ["paths", location.path, location.method, "x-ms-trigger-metadata"],
            {
              ...(isJsonObject(meta) ? meta : {}),
              kind: "query",
              mode: "polling",
            },
          ),
        };
      }
      const policy = findPollingPolicy(next, operationId);
      const previous = policy ? policy.parameters[P + "triggerConfig"] : undefined;
      const triggerConfig: JsonObject = {};
      if (isJsonObject(previous))
        for (const [k, v] of Object.entries(previous)) if (k.startsWith("x-ms-")) triggerConfig[k] = v;
      if (config.stateParameter !== "") triggerConfig[config.stateParameter] = config.valueExpression;
      if (!policy) {
        const instance = newPolicyInstance("pollingtrigger", `${operationId} polling trigger`, [operationId]);
        const params = instance.parameters as JsonObject;
        params[P + "triggerConfig"] = triggerConfig;
        params[P + "triggerDataPath"] = config.triggerDataPath;
        return addPolicy(instance).apply(next);
      }
      next = setPolicyParameter(policy.index, P + "triggerConfig", triggerConfig as JsonValue).apply(next);
      next = setPolicyParameter(policy.index, P + "triggerDataPath", config.triggerDataPath).apply(next);
      return next;
    },
  };
}
