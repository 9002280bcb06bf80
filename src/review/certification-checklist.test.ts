import { describe, expect, it } from "vitest";
import type { ConnectorDocument } from "../model/connector-document";
import { createEmptyConnector } from "../model/create-empty-connector";
import type { Diagnostic } from "../model/diagnostic";
import { buildCertificationChecklist } from "./certification-checklist";

const base = createEmptyConnector("Contoso");
const doc: ConnectorDocument = {
  ...base,
  definition: {
    ...base.definition,
    paths: {
      "/a": {
        get: { operationId: "A", responses: { "200": { description: "OK", schema: { type: "object" } } } },
      },
      "/b": { get: { operationId: "B", responses: { "200": { description: "OK" } } } },
    },
    securityDefinitions: { o: { type: "oauth2", flow: "accessCode" } },
  },
};
const d = (ruleId: string, path: string, severity: Diagnostic["severity"] = "warning"): Diagnostic => ({
  ruleId,
  severity,
  file: "apiDefinition.swagger.json",
  path,
  message: `${ruleId} at ${path}`,
});

describe("certification checklist", () => {
  it("marks items passed, failed with their fixes, or to-do for the human", () => {
    const plain = [d("SchemaWarning", "/paths/~1a/get")];
    const cert = [
      ...plain,
      d("ValueContainsRestrictedWords", "/info/title", "error"),
      d("ParameterDescriptionRequired", "/paths/~1b/get/parameters/0"),
    ];
    const items = buildCertificationChecklist(doc, cert, plain, { independentPublisher: false });
    const byId = Object.fromEntries(items.map((i) => [i.id, i]));
    expect(byId.validator?.status).toBe("failed");
    expect(byId.title).toMatchObject({
      status: "failed",
      detail: "ValueContainsRestrictedWords at /info/title",
    });
    expect(byId.descriptions?.diagnostics.map((x) => x.ruleId)).toEqual(["ParameterDescriptionRequired"]);
    expect(byId["response-schemas"]).toMatchObject({
      status: "failed",
      detail: "Add a response schema (Add default response) to: B.",
    });
    expect(byId["brand-color"]?.status).toBe("failed");
    expect(byId.tested?.status).toBe("todo");
    expect(byId["oauth-steps"]?.status).toBe("todo");
    expect(byId.metadata?.status).toBe("passed");
  });

  it("checks the independent-publisher colour", () => {
    const ip: ConnectorDocument = { ...doc, properties: { properties: { iconBrandColor: "#da3b01" } } };
    const items = buildCertificationChecklist(ip, [], [], { independentPublisher: true });
    expect(items.find((i) => i.id === "brand-color")?.status).toBe("passed");
    expect(items.some((i) => i.id === "screenshots")).toBe(true);
  });
});
