import { describe, expect, it } from "vitest";
import type { ConnectorDocument } from "../model/connector-document";
import { createEmptyConnector } from "../model/create-empty-connector";
import type { Diagnostic } from "../model/diagnostic";
import { withDefinition } from "../validation/__fixtures__/connector-fixture";
import { validateConnectorSync } from "../validation/validate-connector";
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
    expect(byId["response-schemas"]?.status).toBe("passed");
    expect(byId["brand-color"]?.status).toBe("todo");
    expect(byId.tested?.status).toBe("todo");
    expect(byId["oauth-steps"]?.status).toBe("todo");
    expect(byId.metadata?.status).toBe("passed");
  });

  it("checks the independent-publisher colour", () => {
    const ip: ConnectorDocument = { ...doc, properties: { properties: { iconBrandColor: "#da3b01" } } };
    const items = buildCertificationChecklist(ip, [], [], { independentPublisher: true });
    expect(items.find((i) => i.id === "brand-color")?.status).toBe("passed");
    const withIcon = buildCertificationChecklist(
      { ...ip, icon: { bytes: new Uint8Array([0x89, 0x50]), mediaType: "image/png" } },
      [],
      [],
      {
        independentPublisher: true,
      },
    );
    expect(withIcon.find((i) => i.id === "brand-color")?.status).toBe("todo");
    expect(items.some((i) => i.id === "screenshots")).toBe(true);
  });

  describe("derives from the validator's results", () => {
    const check = (subject: ConnectorDocument) =>
      Object.fromEntries(
        buildCertificationChecklist(
          subject,
          validateConnectorSync(subject, { certification: true }),
          validateConnectorSync(subject),
          { independentPublisher: false },
        ).map((i) => [i.id, i]),
      );

    it("fails Connector metadata beside a ConnectorMetadataPropertiesMissing error, whatever its path", () => {
      const byId = check(withDefinition("/x-ms-connector-metadata", undefined));
      expect(byId.metadata?.status).toBe("failed");
      expect(byId.metadata?.diagnostics.map((x) => x.ruleId)).toContain("ConnectorMetadataPropertiesMissing");
      expect(byId.validator?.detail).toContain("ConnectorMetadataPropertiesMissing");
    });

    it("a default response with a schema gets the validator's advice, never 'Add default response'", () => {
      const byId = check(
        withDefinition("/paths/~1lists/get/responses", {
          default: { description: "default", schema: { type: "object" } },
        }),
      );
      const item = byId["response-schemas"];
      expect(item?.diagnostics.map((x) => x.ruleId)).toEqual(["DefaultResponseHasSchema"]);
      expect(item?.detail).not.toContain("Add default response");
      expect(item?.status).toBe(item?.diagnostics[0]?.severity === "error" ? "failed" : "warnings");
    });

    it("an internal operation without a response schema is not asked for one", () => {
      const noSchema = withDefinition("/paths/~1lists/get/responses/200", { description: "OK" });
      expect(check(noSchema)["response-schemas"]?.status).toBe("warnings");
      const internal = withDefinition("/paths/~1lists/get/x-ms-visibility", "internal", noSchema);
      expect(check(internal)["response-schemas"]?.status).toBe("passed");
    });

    it("a description without a full stop is a warning, not a failed item", () => {
      const byId = check(withDefinition("/paths/~1lists/get/description", "Lists the task lists"));
      expect(byId.descriptions?.status).toBe("warnings");
      expect(byId.validator?.status).toBe("passed");
    });
  });
});
