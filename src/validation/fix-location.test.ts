import { describe, expect, it } from "vitest";
import { createEmptyConnector } from "../model/create-empty-connector";
import type { Diagnostic } from "../model/diagnostic";
import { fixLocation } from "./fix-location";

const D = "apiDefinition.swagger.json" as const;

function diagnostic(ruleId: string, path: string, file: Diagnostic["file"] = D, message = ""): Diagnostic {
  return { ruleId, severity: "error", file, path, message };
}

describe("fixLocation", () => {
  const doc = createEmptyConnector("T");
  doc.definition.paths = {
    "/hooks": { post: { summary: "When a ticket is created", operationId: "Hook", responses: {} } },
    "/items": { get: { summary: "", description: "Lists items.", operationId: "List", responses: {} } },
  };
  doc.definition.info = { ...doc.definition.info, contact: { name: "Ann" } };

  it("points a problem reported on its owner at the field that fixes it", () => {
    // A trigger's missing description and an action's missing summary are both reported on the operation.
    expect(fixLocation(diagnostic("RequiredValueEmpty", "/paths/~1hooks/post"), doc)).toBe(
      "/paths/~1hooks/post/description",
    );
    expect(fixLocation(diagnostic("RequiredValueEmpty", "/paths/~1items/get"), doc)).toBe(
      "/paths/~1items/get/summary",
    );
    const param = "/paths/~1items/get/parameters/0";
    expect(fixLocation(diagnostic("ParameterSummaryRequired", param), doc)).toBe(`${param}/x-ms-summary`);
    expect(fixLocation(diagnostic("ParameterDescriptionRequired", param), doc)).toBe(`${param}/description`);
    expect(fixLocation(diagnostic("PathParameterMissingEncoding", param), doc)).toBe(
      `${param}/x-ms-url-encoding`,
    );
    expect(fixLocation(diagnostic("PathParameterMustBeRequired", param), doc)).toBe(`${param}/required`);
    expect(fixLocation(diagnostic("ResponseSchemaMissing", "/paths/~1items/get/responses/200"), doc)).toBe(
      "/paths/~1items/get/responses/200/schema",
    );
    // The first contact field still missing, not the step's first control (the icon).
    expect(fixLocation(diagnostic("ContactInformationMissing", "/info"), doc)).toBe("/info/contact/url");
    expect(fixLocation(diagnostic("ConnectorMetadataPropertiesMissing", ""), doc)).toBe(
      "/x-ms-connector-metadata",
    );
    expect(
      fixLocation(
        diagnostic("SecuritySchemePropertyRequired", "/securityDefinitions/api_key", D, 'needs "name" (the…'),
        doc,
      ),
    ).toBe("/securityDefinitions/api_key/name");
    expect(
      fixLocation(diagnostic("PublisherInformationMissing", "/properties", "apiProperties.json"), doc),
    ).toBe("/properties/publisher");
  });

  it("keeps the path of a problem already reported on its field", () => {
    expect(fixLocation(diagnostic("HostNameNotValid", "/host"), doc)).toBe("/host");
    expect(fixLocation(diagnostic("RequiredValueEmpty", "/info/title"), doc)).toBe("/info/title");
  });
});
