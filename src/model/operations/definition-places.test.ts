import { describe, expect, it } from "vitest";
import type { ConnectorDocument } from "../connector-document";
import { createEmptyConnector } from "../create-empty-connector";
import type { JsonObject } from "../json-value";
import { definitionPlacesOf } from "./definition-places";

function doc(properties: JsonObject): ConnectorDocument {
  const base = createEmptyConnector("Places");
  return {
    ...base,
    definition: {
      ...base.definition,
      paths: {
        "/items": { get: { operationId: "ListItems", responses: {} } },
        "/items/{id}": { get: { operationId: "GetItem", responses: {} } },
      },
      securityDefinitions: { api_key: { type: "apiKey", name: "X-Key", in: "header" } },
    },
    properties: { properties },
  };
}

const connectionParameters = {
  api_key: { type: "securestring", uiDefinition: { displayName: "API Key" } },
  CustomHost: { type: "string" },
};

describe("definitionPlacesOf", () => {
  it("gives a definition pointer back as is", () => {
    expect(definitionPlacesOf(doc({}), "apiDefinition.swagger.json", "/host")).toEqual(["/host"]);
  });

  it("maps a policy to the operations it names, in the definition's order", () => {
    const d = doc({
      policyTemplateInstances: [
        { templateId: "setheader", parameters: { "x-ms-apimTemplate-operationName": ["GetItem", "Gone"] } },
        { templateId: "setheader", parameters: {} },
      ],
    });
    expect(definitionPlacesOf(d, "apiProperties.json", "/properties/policyTemplateInstances/0")).toEqual([
      "/paths/~1items~1{id}/get",
    ]);
    // A field of the policy belongs to the policy.
    expect(
      definitionPlacesOf(d, "apiProperties.json", "/properties/policyTemplateInstances/0/parameters"),
    ).toEqual(["/paths/~1items~1{id}/get"]);
    // Every operation would be the whole text: no place.
    expect(definitionPlacesOf(d, "apiProperties.json", "/properties/policyTemplateInstances/1")).toEqual([]);
    expect(definitionPlacesOf(d, "apiProperties.json", "/properties/policyTemplateInstances/7")).toEqual([]);
  });

  it("maps the authentication's connection parameter to its security definition, and no other", () => {
    const d = doc({ connectionParameters });
    expect(
      definitionPlacesOf(d, "apiProperties.json", "/properties/connectionParameters/api_key/uiDefinition"),
    ).toEqual(["/securityDefinitions/api_key"]);
    expect(
      definitionPlacesOf(d, "apiProperties.json", "/properties/connectionParameters/CustomHost"),
    ).toEqual([]);
    expect(definitionPlacesOf(d, "apiProperties.json", "/properties/iconBrandColor")).toEqual([]);
    expect(definitionPlacesOf(d, "icon.png", "")).toEqual([]);
  });
});
