import { describe, expect, it } from "vitest";
import { exportLogicApps } from "../../export/logic-apps/custom-api-template";
import type { ConnectorDocument } from "../../model/connector-document";
import { createEmptyConnector } from "../../model/create-empty-connector";
import type { JsonObject } from "../../model/json-value";
import { importFiles } from "../import-files";

const encoder = new TextEncoder();
const file = (path: string, value: unknown) => ({
  path,
  bytes: encoder.encode(typeof value === "string" ? value : JSON.stringify(value, null, 2)),
});

function ledger(): ConnectorDocument {
  const doc = createEmptyConnector("Contoso Ledger");
  return {
    ...doc,
    definition: {
      ...doc.definition,
      info: { title: "Contoso Ledger", description: "Books.", version: "1.0" },
      host: "ledger.contoso.com",
      basePath: "/v2",
      paths: {
        "/entries": {
          get: {
            operationId: "ListEntries",
            summary: "[beta] List entries]",
            responses: { "200": { description: "OK" } },
          },
        },
      },
    },
    properties: {
      properties: {
        connectionParameters: {
          token: {
            type: "oauthSetting",
            oAuthSettings: {
              identityProvider: "oauth2",
              clientId: "abc",
              clientSecret: "SECRET-VALUE",
              scopes: ["read"],
              properties: { IsFirstParty: "False" },
            },
          },
        },
        iconBrandColor: "#123456",
        capabilities: ["gateway"],
      },
    },
    icon: { bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), mediaType: "image/png" },
  };
}

describe("importing a Logic Apps template", () => {
  it("gives back the connector the Studio exported", () => {
    const doc = ledger();
    const outcome = importFiles([file("Contoso-Ledger.logicapp.json", exportLogicApps(doc, "arm").text)]);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    expect(outcome.kind).toBe("logic-apps");
    expect(outcome.name).toBe("Contoso-Ledger");
    expect(outcome.document.definition).toEqual(doc.definition);
    expect(outcome.document.icon).toEqual(doc.icon);
    const token = {
      type: "oauthSetting",
      oAuthSettings: {
        identityProvider: "oauth2",
        clientId: "abc",
        scopes: ["read"],
        properties: { IsFirstParty: "False" },
      },
    };
    expect(outcome.document.properties).toEqual({
      properties: { connectionParameters: { token }, iconBrandColor: "#123456", capabilities: ["gateway"] },
    });
    expect(outcome.report).toEqual([
      expect.objectContaining({
        kind: "dropped",
        source: "/resources/0/properties/connectionParameters/token/oAuthSettings/clientSecret",
        message:
          "The OAuth client secret of \"token\" is a template parameter ([parameters('tokenClientSecret')]), never a value in a file: enter it in the Security step.",
      }),
    ]);
    expect(outcome.more).toBeUndefined();
  });

  it("reads a template as Azure exports it: several connectors, and a report of what does not carry over", () => {
    const swagger = (title: string) => ({
      swagger: "2.0",
      info: { title, version: "1.0" },
      host: "soap.contoso.com",
      basePath: "/",
      schemes: ["https"],
      paths: {},
    });
    const template = {
      $schema: "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
      contentVersion: "1.0.0.0",
      parameters: {
        customApis_ledger_name: { defaultValue: "ledger", type: "String" },
        customApis_calc_name: { defaultValue: "calc", type: "String" },
      },
      variables: {},
      resources: [
        {
          type: "Microsoft.Web/customApis",
          apiVersion: "2016-06-01",
          name: "[parameters('customApis_ledger_name')]",
          location: "westeurope",
          tags: { team: "finance" },
          properties: {
            connectionParameters: {},
            backendService: { serviceUrl: "https://soap.contoso.com" },
            displayName: "Ledger",
            iconUri: "https://az818438.vo.msecnd.net/icons/custom-api.png",
            runtimeUrls: ["https://logic-apis-westeurope.azure-apim.net/apim/ledger"],
            swagger: swagger("Ledger"),
            apiType: "Soap",
            wsdlDefinition: { importMethod: "SoapPassThrough", url: "https://soap.contoso.com/?wsdl" },
          },
        },
        {
          type: "Microsoft.Web/connections",
          apiVersion: "2016-06-01",
          name: "ledger-connection",
          properties: {},
        },
        {
          type: "Microsoft.Web/customApis",
          apiVersion: "2016-06-01",
          name: "[parameters('customApis_calc_name')]",
          location: "westeurope",
          properties: {
            displayName: "Calculator",
            backendService: { serviceUrl: "https://calc.contoso.com/api" },
            swagger: { ...swagger("Calc"), host: undefined },
            apiType: "Rest",
          },
        },
      ],
    };
    const outcome = importFiles([file("ExportedTemplate-contoso.json", template)]);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    expect(outcome.name).toBe("ledger");
    expect(outcome.document.definition.info?.title).toBe("Ledger");
    expect(outcome.document.icon).toBeNull();
    const messages = outcome.report.map((e) => `${e.kind} ${e.source}: ${e.message}`);
    expect(messages).toEqual([
      "dropped /resources/0/properties/iconUri: The icon is a URL (https://az818438.vo.msecnd.net/icons/custom-api.png), which is never downloaded; add the icon in General.",
      "dropped /resources/0/properties/runtimeUrls: Runtime URLs (https://logic-apis-westeurope.azure-apim.net/apim/ledger) are set by Azure for the deployed resource; a connector package has none.",
      "dropped /resources/0/properties/wsdlDefinition: SOAP settings (apiType Soap, wsdlDefinition) are not carried: the connector keeps the operations its definition describes; the WSDL itself is not read.",
      "dropped /resources/0/tags: Resource tags belong to the Azure resource, not to the connector.",
      "dropped ExportedTemplate-contoso.json: 1 other resource of the template (Microsoft.Web/connections) is not a custom connector and was not imported.",
    ]);
    expect(outcome.more).toHaveLength(1);
    const calc = outcome.more?.[0];
    expect(calc?.name).toBe("calc");
    expect(calc?.document.definition).toMatchObject({
      info: { title: "Calculator" },
      host: "calc.contoso.com",
      basePath: "/api",
      schemes: ["https"],
    });
    expect(calc?.report.map((e) => e.target)).toEqual(["/info/title", "/host"]);
  });

  it("reads one resource as the REST API returns it (strings taken literally)", () => {
    const resource = {
      id: "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Web/customApis/ledger",
      name: "ledger",
      type: "Microsoft.Web/customApis",
      location: "westeurope",
      properties: {
        displayName: "[Ledger]",
        provisioningState: "Succeeded",
        swagger: { swagger: "2.0", info: { title: "[Ledger]", version: "1" }, host: "a.b", paths: {} },
        brandColor: "#ffffff",
      },
    };
    const outcome = importFiles([file("ledger.json", resource)]);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    expect(outcome.document.definition.info?.title).toBe("[Ledger]");
    expect(outcome.document.properties.properties).toMatchObject({ iconBrandColor: "#ffffff" });
    expect(outcome.report).toEqual([]);
  });

  it("refuses a resource whose definition is only a URL, saying what to do", () => {
    const template = {
      resources: [
        {
          type: "Microsoft.Web/customApis",
          name: "x",
          properties: { apiDefinitions: { originalSwaggerUrl: "https://store/x.json" } },
        },
      ],
    };
    const outcome = importFiles([file("t.json", template)]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems[0]?.message).toBe(
      "/resources/0: the definition is only given by URL (apiDefinitions: https://store/x.json), which is never downloaded; save that Swagger file and import it instead.",
    );
  });

  it("keeps an unknown expression as text and says so", () => {
    const template = {
      resources: [
        {
          type: "Microsoft.Web/customApis",
          name: "[concat('a', 'b')]",
          properties: {
            displayName: "T",
            swagger: { swagger: "2.0", info: { title: "T", version: "1" }, host: "[variables('host')]" },
          },
        },
      ],
    } satisfies JsonObject;
    const outcome = importFiles([file("t.json", template)]);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    expect(outcome.name).toBe("T");
    expect(outcome.report.map((e) => e.message)).toContain(
      "The template expression [variables('host')] cannot be worked out without deploying; it is kept as text.",
    );
  });

  it("a Bicep file alone is refused with a pointer to the ARM template", () => {
    const outcome = importFiles([
      file("ledger.bicep", "resource customApi 'Microsoft.Web/customApis@2016-06-01' = {}"),
    ]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems[0]?.message).toContain(
      "A Bicep file is not read: import the ARM template (JSON) of the connector instead.",
    );
  });
});
