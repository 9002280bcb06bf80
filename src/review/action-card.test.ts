import { describe, expect, it } from "vitest";
import type { ConnectorDocument } from "../model/connector-document";
import { createEmptyConnector, DEFAULT_BRAND_COLOR } from "../model/create-empty-connector";
import type { JsonObject } from "../model/json-value";
import { listOperations } from "../model/swagger-types";
import { buildActionCard, readableTextColor } from "./action-card";

function connector(paths: JsonObject, brand?: string): ConnectorDocument {
  const doc = createEmptyConnector("Contoso Sign");
  return {
    ...doc,
    definition: { ...doc.definition, paths } as ConnectorDocument["definition"],
    properties: brand ? { properties: { iconBrandColor: brand } } : { properties: {} },
  };
}

const card = (doc: ConnectorDocument, operationId: string) => {
  const ref = listOperations(doc.definition).find((o) => o.operation.operationId === operationId);
  if (!ref) throw new Error(`no ${operationId}`);
  return buildActionCard(doc, ref);
};

const send = {
  summary: "Send document",
  description: "Sends a document.",
  operationId: "SendDocument",
  parameters: [
    { name: "search", in: "query", type: "string", "x-ms-summary": "Search", "x-ms-visibility": "important" },
    {
      name: "priority",
      in: "query",
      type: "string",
      "x-ms-summary": "Priority",
      description: "How urgent it is.",
      enum: ["low", "high"],
      "x-ms-enum-values": [{ value: "low", displayName: "Low" }],
    },
    {
      name: "body",
      in: "body",
      required: true,
      schema: {
        type: "object",
        required: ["title"],
        properties: {
          title: { type: "string", "x-ms-summary": "Title", description: "What signers see." },
          template: {
            type: "string",
            "x-ms-summary": "Template",
            "x-ms-dynamic-values": { operationId: "ListTemplates", "value-path": "id" },
          },
          notify: { type: "boolean", "x-ms-summary": "Notify" },
          expiry: { type: "integer", format: "int32", "x-ms-visibility": "advanced" },
          options: {
            type: "object",
            "x-ms-visibility": "advanced",
            properties: { locale: { type: "string", "x-ms-summary": "Locale" } },
          },
          source: { type: "string", "x-ms-visibility": "internal", default: "flow" },
        },
      },
    },
  ],
  responses: { "200": { description: "OK" } },
};
const list = {
  summary: "List templates",
  operationId: "ListTemplates",
  "x-ms-visibility": "internal",
  responses: { "200": { description: "OK" } },
};

describe("buildActionCard", () => {
  const doc = connector({ "/send": { post: send }, "/templates": { get: list } }, "#fe4901");
  const c = card(doc, "SendDocument");

  it("has the connector's colour and the operation's title", () => {
    expect(c).toMatchObject({ title: "Send document", brandColor: "#fe4901", kind: "action" });
    expect(card(connector({ "/send": { post: send } }), "SendDocument").brandColor).toBe(DEFAULT_BRAND_COLOR);
  });

  it("picks header text that reads on the brand colour", () => {
    expect(readableTextColor("#fe4901")).toBe("#000000");
    expect(readableTextColor("#0b3d6e")).toBe("#ffffff");
    expect(readableTextColor("#ffffff")).toBe("#000000");
    expect(readableTextColor("#1a1a1a")).toBe("#ffffff");
  });

  it("lists inputs with labels, hints, required marks: important first, then required", () => {
    expect(c.inputs.map((i) => [i.label, i.required, i.hint])).toEqual([
      ["Search", false, null],
      ["Title", true, "What signers see."],
      ["Priority", false, "How urgent it is."],
      ["Template", false, null],
      ["Notify", false, null],
    ]);
  });

  it("gives dropdowns: static values with display names, dynamic ones from the operation, booleans Yes/No", () => {
    const byLabel = (label: string) => c.inputs.find((i) => i.label === label)?.dropdown;
    expect(byLabel("Priority")).toEqual({
      kind: "static",
      values: [
        { value: "low", label: "Low" },
        { value: "high", label: "high" },
      ],
    });
    expect(byLabel("Template")).toEqual({ kind: "dynamic", source: "from List templates (ListTemplates)" });
    expect(byLabel("Notify")).toMatchObject({ kind: "static", values: [{ label: "Yes" }, { label: "No" }] });
  });

  it("puts advanced inputs apart (an advanced object's properties too) and only counts internal ones", () => {
    expect(c.advanced.map((i) => i.label)).toEqual(["expiry", "Locale"]);
    expect(c.hiddenCount).toBe(1);
  });

  it("names a body whose fields are loaded at design time", () => {
    const fill = {
      operationId: "FillFields",
      parameters: [
        {
          name: "body",
          in: "body",
          schema: { "x-ms-dynamic-schema": { operationId: "ListTemplates", "value-path": "schema" } },
        },
      ],
      responses: {},
    };
    const d = connector({ "/fill": { post: fill }, "/templates": { get: list } });
    expect(card(d, "FillFields").dynamicSchemas).toEqual([
      { label: "Body", source: "from List templates (ListTemplates)" },
    ]);
    expect(card(d, "FillFields").inputs).toEqual([]);
  });
});
