import {
  innerApiProperties,
  policyOperationNames,
  policySection,
  policyTemplateInstances,
  POLICY_OPERATIONS_KEY,
  POLICY_SECTION_KEY,
} from "../api-properties";
import type { Command } from "../command";
import type { ConnectorDocument } from "../connector-document";
import { isJsonObject, type JsonObject, type JsonValue } from "../json-value";

/** How one template parameter is edited. */
export interface PolicyParameterSpec {
  /** Full key in `parameters` (e.g. `x-ms-apimTemplateParameter.name`). */
  key: string;
  label: string;
  kind: "text" | "select" | "json" | "boolean";
  options?: readonly string[];
  defaultValue?: JsonValue;
  help?: string;
}

export interface PolicyTemplate {
  templateId: string;
  label: string;
  parameters: readonly PolicyParameterSpec[];
  /** Sections the template may run on (`x-ms-apimTemplate-policySection`); empty when it has no choice. */
  sections: readonly string[];
  /** Extra top-level keys of the instance (the polling trigger's `type`). */
  extra?: JsonObject;
}

const P = "x-ms-apimTemplateParameter.";
export { POLICY_OPERATIONS_KEY, POLICY_SECTION_KEY };
const REQ_RESP = ["Request", "Response"] as const;
const HTTP = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"] as const;

const text = (
  name: string,
  label: string,
  extra: Partial<PolicyParameterSpec> = {},
): PolicyParameterSpec => ({
  key: P + name,
  label,
  kind: "text",
  ...extra,
});

/** Every policy template of the wizard (docs/architecture.md lists where the policy rules live), with its parameters. */
export const POLICY_TEMPLATES: readonly PolicyTemplate[] = [
  {
    templateId: "setheader",
    label: "Set HTTP header",
    parameters: [
      text("name", "Header name"),
      text("value", "Header value"),
      {
        key: P + "existsAction",
        label: "Action if header exists",
        kind: "select",
        options: ["override", "skip", "append"],
        defaultValue: "override",
      },
    ],
    sections: ["Request", "Response", "Failure"],
  },
  {
    templateId: "dynamichosturl",
    label: "Set host URL",
    parameters: [
      text("urlTemplate", "URL template", {
        help: "e.g. https://@connectionParameters('instance').example.com",
      }),
    ],
    sections: [],
  },
  {
    templateId: "routerequesttoendpoint",
    label: "Route request",
    parameters: [
      text("newPath", "New path"),
      {
        key: P + "httpMethod",
        label: "HTTP method",
        kind: "select",
        options: ["@Request.OriginalHTTPMethod", ...HTTP],
        defaultValue: "@Request.OriginalHTTPMethod",
      },
    ],
    sections: [],
  },
  {
    templateId: "setproperty",
    label: "Set property",
    parameters: [
      text("newPropertyParentPathTemplate", "Parent path of the property"),
      text("newPropertySubPathTemplate", "Property path"),
      text("propertyValuePathTemplate", "Property value"),
    ],
    sections: REQ_RESP,
  },
  {
    templateId: "setqueryparameter",
    label: "Set query string parameter",
    parameters: [
      text("name", "Query parameter name"),
      text("value", "Query parameter value"),
      {
        key: P + "existsAction",
        label: "Action if parameter exists",
        kind: "select",
        options: ["override", "skip", "append"],
        defaultValue: "override",
      },
    ],
    sections: [],
  },
  {
    templateId: "pollingtrigger",
    label: "Polling trigger",
    parameters: [
      {
        key: P + "triggerConfig",
        label: "Trigger configuration (query parameter → value expression)",
        kind: "json",
        defaultValue: {},
      },
      text("triggerDataPath", "Trigger data path", { defaultValue: "@triggerBody().value" }),
    ],
    sections: [],
    extra: { type: "PollingTrigger" },
  },
  {
    templateId: "stringreplace",
    label: "String replace",
    parameters: [
      text("propertyParentPath", "Parent path of the property"),
      text("propertySubPath", "Property path"),
      text("sourceString", "Text to find"),
      text("replacementString", "Replacement text"),
      text("newPropertyPath", "New property path"),
    ],
    sections: REQ_RESP,
  },
  {
    templateId: "updatenextlink",
    label: "Update next link",
    parameters: [
      text("nextLinkPropertyName", "Next link property name", { defaultValue: "@odata.nextLink" }),
      text("nextLinkParentPropertyPath", "Parent path of the next link"),
    ],
    sections: ["Response"],
  },
  {
    templateId: "convertobjecttoarray",
    label: "Convert an object to an array",
    parameters: [
      text("propertyParentPath", "Parent path of the object"),
      text("propertySubPath", "Object path"),
      text("newPropertyPath", "New property path"),
      text("keyName", "Key name", { defaultValue: "key" }),
      text("valueName", "Value name", { defaultValue: "value" }),
    ],
    sections: REQ_RESP,
  },
  {
    templateId: "setvaluefromurl",
    label: "Set header/query parameter value from URL",
    parameters: [
      text("parameterTemplate", "Parameter to set"),
      text("parameterValueUrl", "URL to call"),
      text("parameterValuePathTemplate", "Path of the value in the response"),
      {
        key: P + "httpMethod",
        label: "HTTP method",
        kind: "select",
        options: ["GET", "POST", "PUT"],
        defaultValue: "GET",
      },
    ],
    sections: REQ_RESP,
  },
  {
    templateId: "convertarraytoobject",
    label: "Convert an array to an object",
    parameters: [
      text("propertyParentPath", "Parent path of the array"),
      text("propertySubPath", "Array path"),
      text("keyWithinCollectionPath", "Key within each item"),
      text("newPropertyPath", "New property path"),
      { key: P + "retainKey", label: "Keep the key in each item", kind: "boolean", defaultValue: true },
    ],
    sections: REQ_RESP,
  },
  {
    templateId: "stringtoarray",
    label: "Convert delimited string into array of objects",
    parameters: [
      text("propertyParentPath", "Parent path of the string"),
      text("propertySubPath", "String path"),
      text("delimiterList", "Delimiters"),
      text("childPropertyName", "Child property name"),
      text("newPropertyPath", "New property path"),
    ],
    sections: REQ_RESP,
  },
  {
    templateId: "encodepropertyvalue",
    label: "Encode property value",
    parameters: [
      text("propertyParentPath", "Parent path of the property"),
      text("propertySubPath", "Property path"),
      text("newPropertyPath", "New property path"),
    ],
    sections: REQ_RESP,
  },
];

/** The catalogue entry of a templateId (case-insensitive: the platform accepts `SetHeader`, `setHeader`…). */
export function findPolicyTemplate(templateId: string): PolicyTemplate | undefined {
  const id = templateId.toLowerCase();
  return POLICY_TEMPLATES.find((t) => t.templateId === id);
}

/** One policy instance as the UI shows it. */
export interface PolicyEntry {
  index: number;
  templateId: string;
  title: string;
  template: PolicyTemplate | undefined;
  parameters: JsonObject;
  operations: string[];
  section: string;
  raw: JsonObject;
}

function instances(doc: ConnectorDocument): JsonValue[] {
  return policyTemplateInstances(innerApiProperties(doc));
}

/** Lists the policy instances of apiProperties in their (run) order. */
export function listPolicies(doc: ConnectorDocument): PolicyEntry[] {
  return instances(doc).flatMap((raw, index) => {
    if (!isJsonObject(raw)) return [];
    const parameters = isJsonObject(raw.parameters) ? raw.parameters : {};
    const templateId = typeof raw.templateId === "string" ? raw.templateId : "";
    return [
      {
        index,
        templateId,
        title: typeof raw.title === "string" ? raw.title : "",
        template: findPolicyTemplate(templateId),
        parameters,
        operations: policyOperationNames(raw),
        section: policySection(raw),
        raw,
      },
    ];
  });
}

function withInstances(doc: ConnectorDocument, next: JsonValue[]): ConnectorDocument {
  const inner = isJsonObject(doc.properties.properties) ? doc.properties.properties : {};
  return {
    ...doc,
    properties: { ...doc.properties, properties: { ...inner, policyTemplateInstances: next } },
  };
}

function updateInstance(index: number, label: string, fn: (raw: JsonObject) => JsonObject): Command {
  return {
    name: "definition:update:policy",
    label,
    apply: (doc) => {
      const list = instances(doc);
      const raw = list[index];
      if (!isJsonObject(raw)) return doc;
      const next = fn(raw);
      if (next === raw) return doc;
      const copy = list.slice();
      copy[index] = next;
      return withInstances(doc, copy);
    },
  };
}

/** Creates a policy from a template with its default parameter values; it applies to `operations` (empty = all). */
export function newPolicyInstance(
  templateId: string,
  title: string,
  operations: readonly string[] = [],
): JsonObject {
  const template = findPolicyTemplate(templateId);
  const parameters: JsonObject = {};
  for (const spec of template?.parameters ?? [])
    parameters[spec.key] = spec.defaultValue ?? (spec.kind === "json" ? {} : "");
  if (template && template.sections.length > 0)
    parameters[POLICY_SECTION_KEY] = template.sections[0] as string;
  if (operations.length > 0) parameters[POLICY_OPERATIONS_KEY] = [...operations];
  return { templateId: template?.templateId ?? templateId, title, ...(template?.extra ?? {}), parameters };
}

/** Appends a policy instance (policies run in list order). */
export function addPolicy(instance: JsonObject): Command {
  return {
    name: "definition:add:policy",
    label: "Add policy",
    apply: (doc) => withInstances(doc, [...instances(doc), instance]),
  };
}

/** Removes the policy at `index`. */
export function removePolicy(index: number): Command {
  return {
    name: "definition:remove:policy",
    label: "Delete policy",
    apply: (doc) => {
      const list = instances(doc);
      if (index < 0 || index >= list.length) return doc;
      return withInstances(
        doc,
        list.filter((_, i) => i !== index),
      );
    },
  };
}

/** Moves the policy at `index` by `delta` places (run order). */
export function movePolicy(index: number, delta: number): Command {
  return {
    name: "definition:move:policy",
    label: "Reorder policies",
    apply: (doc) => {
      const list = instances(doc).slice();
      const target = index + delta;
      if (index < 0 || index >= list.length || target < 0 || target >= list.length) return doc;
      const [item] = list.splice(index, 1);
      list.splice(target, 0, item as JsonValue);
      return withInstances(doc, list);
    },
  };
}

/** Sets the title of a policy. */
export function setPolicyTitle(index: number, title: string): Command {
  return updateInstance(index, "Rename policy", (raw) => (raw.title === title ? raw : { ...raw, title }));
}

/** Sets (or with `undefined` removes) one parameter of a policy, keeping unknown parameters. */
export function setPolicyParameter(index: number, key: string, value: JsonValue | undefined): Command {
  return updateInstance(index, "Edit policy", (raw) => {
    const parameters = isJsonObject(raw.parameters) ? raw.parameters : {};
    if (value === undefined) {
      if (!(key in parameters)) return raw;
      const copy = { ...parameters };
      delete copy[key];
      return { ...raw, parameters: copy };
    }
    if (parameters[key] === value) return raw;
    return { ...raw, parameters: { ...parameters, [key]: value } };
  });
}

/** Sets which operations a policy applies to; an empty list removes the key (= all operations). */
export function setPolicyOperations(index: number, operations: readonly string[]): Command {
  return setPolicyParameter(
    index,
    POLICY_OPERATIONS_KEY,
    operations.length > 0 ? [...operations] : undefined,
  );
}
