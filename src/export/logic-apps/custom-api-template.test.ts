import { describe, expect, it } from "vitest";
import type { ConnectorDocument } from "../../model/connector-document";
import { createEmptyConnector } from "../../model/create-empty-connector";
import { isJsonObject, type JsonObject, type JsonValue } from "../../model/json-value";
import { parseJsonText } from "../../model/text/json-text";
import { escapeArmString, isArmExpression, mapStrings, unescapeArmString } from "./arm-strings";
import { bicepString } from "./bicep-writer";
import {
  backendServiceUrl,
  customApiResourceName,
  exportLogicApps,
  logicAppsArmTemplate,
  logicAppsBicep,
  logicAppsLosses,
} from "./custom-api-template";

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 255]);

function contoso(): ConnectorDocument {
  const doc = createEmptyConnector("Contoso Ledger");
  return {
    ...doc,
    definition: {
      ...doc.definition,
      info: { title: "Contoso Ledger", description: "Books of Contoso.", version: "1.0" },
      host: "ledger.contoso.com",
      basePath: "/api/v2/",
      schemes: ["http", "https"],
      paths: {
        "/entries": {
          get: {
            operationId: "ListEntries",
            summary: "[draft] list entries]",
            description: "Costs ${amount}; 'quoted' \\ back\nnext",
            parameters: [{ name: "top", in: "query", type: "number", default: 0.5, maximum: 1e3 }],
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
              identityProvider: "aad",
              clientId: "client-id",
              clientSecret: "A1B2C3D4E5F60718293A4B5C6D7E8F90",
              scopes: ["api://ledger/.default"],
              redirectUrl: "https://global.consent.azure-apim.net/redirect",
              properties: { IsFirstParty: "False" },
            },
          },
        },
        iconBrandColor: "#007ee5",
        capabilities: ["gateway"],
        policyTemplateInstances: [{ templateId: "setheader", title: "Set header", parameters: {} }],
        publisher: "Contoso",
        stackOwner: "",
      },
    },
    icon: { bytes: PNG, mediaType: "image/png" },
    script: "public class Script : ScriptBase {}",
  };
}

function resourceOf(template: JsonObject): JsonObject {
  const resources = template.resources as JsonValue[];
  expect(resources).toHaveLength(1);
  return resources[0] as JsonObject;
}

/** Reads back the literal values of an ARM template's resource properties, as a deployment does. */
function armLiteral(value: JsonValue): JsonValue {
  return mapStrings(value, unescapeArmString);
}

describe("ARM template for Logic Apps", () => {
  it("holds one customApis resource with the connector's fields", () => {
    const { template } = logicAppsArmTemplate(contoso());
    expect(template.$schema).toBe(
      "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
    );
    expect(template.contentVersion).toBe("1.0.0.0");
    const resource = resourceOf(template);
    expect(resource).toMatchObject({
      type: "Microsoft.Web/customApis",
      apiVersion: "2016-06-01",
      name: "[parameters('customApiName')]",
      location: "[parameters('location')]",
    });
    const properties = resource.properties as JsonObject;
    expect(properties.displayName).toBe("Contoso Ledger");
    expect(properties.description).toBe("Books of Contoso.");
    expect(properties.iconUri).toBe(`data:image/png;base64,${Buffer.from(PNG).toString("base64")}`);
    expect(properties.brandColor).toBe("#007ee5");
    expect(properties.backendService).toEqual({ serviceUrl: "https://ledger.contoso.com/api/v2" });
    expect(properties.capabilities).toEqual(["gateway"]);
    expect(properties.apiType).toBe("Rest");
    expect(armLiteral(properties.swagger as JsonValue)).toEqual(contoso().definition);
  });

  it("never writes the client secret: it becomes a securestring parameter", () => {
    const { template, notes } = logicAppsArmTemplate(contoso());
    const text = JSON.stringify(template);
    expect(text).not.toContain("A1B2C3D4E5F60718293A4B5C6D7E8F90");
    expect(template.parameters).toMatchObject({
      customApiName: { type: "string", defaultValue: "Contoso-Ledger" },
      location: { type: "string", defaultValue: "[resourceGroup().location]" },
      tokenClientSecret: { type: "securestring" },
    });
    expect((template.parameters as JsonObject).tokenClientSecret).not.toHaveProperty("defaultValue");
    const oauth = (
      ((resourceOf(template).properties as JsonObject).connectionParameters as JsonObject).token as JsonObject
    ).oAuthSettings as JsonObject;
    expect(Object.keys(oauth)).toEqual([
      "identityProvider",
      "clientId",
      "clientSecret",
      "scopes",
      "redirectUrl",
      "properties",
    ]);
    expect(oauth.clientSecret).toBe("[parameters('tokenClientSecret')]");
    expect(notes.some((n) => n.includes("tokenClientSecret"))).toBe(true);
  });

  it("keeps a null client secret as null (no parameter), so that it round-trips", () => {
    const doc = contoso();
    const props = doc.properties.properties as JsonObject;
    const token = (props.connectionParameters as JsonObject).token as JsonObject;
    const nulled = {
      ...doc,
      properties: {
        properties: {
          ...props,
          connectionParameters: {
            token: {
              ...token,
              oAuthSettings: { ...(token.oAuthSettings as JsonObject), clientSecret: null },
            },
          },
        },
      },
    };
    const { template, notes } = logicAppsArmTemplate(nulled);
    expect(Object.keys(template.parameters as JsonObject)).toEqual(["customApiName", "location"]);
    expect(JSON.stringify(template)).toContain('"clientSecret":null');
    expect(notes).toContain(
      'The OAuth client secret of the connection parameter "token" is null in apiProperties.json and stays null: set it on the deployed connector.',
    );
  });

  it("escapes literal strings ARM would read as expressions, and says so", () => {
    const { template, notes } = logicAppsArmTemplate(contoso());
    const swagger = (resourceOf(template).properties as JsonObject).swagger as JsonObject;
    const get = ((swagger.paths as JsonObject)["/entries"] as JsonObject).get as JsonObject;
    expect(get.summary).toBe("[[draft] list entries]");
    expect(notes).toContain(
      '1 string of the connector starts with "[" and ends with "]": written as "[[…]" so that ARM keeps it as text.',
    );
    expect(escapeArmString("[[x]")).toBe("[[[x]");
    expect(unescapeArmString(escapeArmString("[[x]"))).toBe("[[x]");
    expect(isArmExpression("[parameters('a')]")).toBe(true);
    expect(isArmExpression("[[literal]")).toBe(false);
    expect(isArmExpression("[")).toBe(false);
  });

  it("keeps source key order and raw number lexemes of the definition", () => {
    const text =
      '{"swagger":"2.0","info":{"title":"T","version":"1.0"},"paths":{"/b":{},"/a":{}},"x-n":1.0,"x-big":12345678901234567890}';
    const parsed = parseJsonText(text, "a.swagger.json");
    if (!parsed.ok) throw new Error("fixture does not parse");
    const doc = { ...createEmptyConnector(), definition: parsed.value as JsonObject };
    const { text: written } = exportLogicApps(doc, "arm");
    expect(written).toContain('"x-n": 1.0');
    expect(written).toContain('"x-big": 12345678901234567890');
    expect(written.indexOf('"/b"')).toBeLessThan(written.indexOf('"/a"'));
  });

  it("lists what a Logic Apps connector cannot hold", () => {
    expect(logicAppsLosses(contoso())).toEqual([
      "Custom code (script.csx) does not run in a Logic Apps custom connector: the operations it handles call the API directly.",
      "1 policy (policyTemplateInstances) is not part of a Logic Apps custom connector: the API is called without it.",
      "apiProperties.json's publisher has no place in a customApis resource and is left out.",
    ]);
    expect(logicAppsLosses(createEmptyConnector())).toEqual([]);
  });

  it("derives the resource name and backend URL", () => {
    const doc = createEmptyConnector("Café Ünïcode / Tools (beta)");
    expect(customApiResourceName(doc)).toBe("Cafe-Unicode-Tools-beta");
    expect(customApiResourceName(createEmptyConnector("???"))).toBe("custom-connector");
    expect(backendServiceUrl(doc)).toBe("https://api.contoso.com");
    expect(backendServiceUrl({ ...doc, definition: { ...doc.definition, host: undefined } })).toBeNull();
    expect(
      backendServiceUrl({ ...doc, definition: { ...doc.definition, schemes: ["http"], basePath: "v1" } }),
    ).toBe("http://api.contoso.com/v1");
  });
});

/**
 * A reader of the Bicep the writer emits (parameters, one resource, JSON-like values, `json('…')` and
 * parameter references), so that the test checks the Bicep text says the same values.
 */
function readBicep(text: string): { params: Map<string, string>; name: string; properties: JsonValue } {
  const params = new Map<string, string>();
  for (const match of text.matchAll(/^param (\w+) string(?: = (.*))?$/gm))
    params.set(match[1] as string, match[2] ?? "");
  const start = text.indexOf("  properties: ");
  let p = start + "  properties: ".length;
  const skip = () => {
    while (/\s/.test(text[p] ?? "")) p++;
  };
  const str = (): string => {
    let out = "";
    p++; // opening quote
    for (;;) {
      const ch = text[p++];
      if (ch === undefined) throw new Error("unterminated string");
      if (ch === "'") return out;
      if (ch !== "\\") {
        out += ch;
        continue;
      }
      const esc = text[p++];
      if (esc === "n") out += "\n";
      else if (esc === "r") out += "\r";
      else if (esc === "t") out += "\t";
      else if (esc === "u") {
        const end = text.indexOf("}", p);
        out += String.fromCodePoint(parseInt(text.slice(p + 1, end), 16));
        p = end + 1;
      } else out += esc;
    }
  };
  const value = (): JsonValue => {
    skip();
    const ch = text[p];
    if (ch === "'") return str();
    if (ch === "{") {
      p++;
      const obj: JsonObject = {};
      for (;;) {
        skip();
        if (text[p] === "}") {
          p++;
          return obj;
        }
        const key = text[p] === "'" ? str() : (/^[A-Za-z_]\w*/.exec(text.slice(p))?.[0] ?? "");
        if (text[p - 1] !== "'") p += key.length;
        expect(text[p]).toBe(":");
        p++;
        obj[key] = value();
      }
    }
    if (ch === "[") {
      p++;
      const arr: JsonValue[] = [];
      for (;;) {
        skip();
        if (text[p] === "]") {
          p++;
          return arr;
        }
        arr.push(value());
      }
    }
    if (text.startsWith("json(", p)) {
      p += 5;
      const inner = str();
      p++; // )
      return JSON.parse(inner) as JsonValue;
    }
    const word = /^-?\w+/.exec(text.slice(p))?.[0] ?? "";
    p += word.length;
    if (word === "true" || word === "false") return word === "true";
    if (word === "null") return null;
    if (/^-?\d+$/.test(word)) return Number(word);
    return `<param ${word}>`;
  };
  const name = /^ {2}name: (\w+)$/m.exec(text)?.[1] ?? "";
  return { params, name, properties: value() };
}

describe("Bicep file for Logic Apps", () => {
  it("says the same resource as the ARM template, with the secret as a @secure() parameter", () => {
    const doc = contoso();
    const { text } = logicAppsBicep(doc);
    expect(text).toContain("resource customApi 'Microsoft.Web/customApis@2016-06-01' = {");
    expect(text).toContain(
      "@secure()\n@description('OAuth client secret of the connection parameter \"token\".')\nparam tokenClientSecret string\n",
    );
    expect(text).not.toContain("A1B2C3D4E5F60718293A4B5C6D7E8F90");
    const read = readBicep(text);
    expect(read.name).toBe("customApiName");
    expect(read.params.get("customApiName")).toBe("'Contoso-Ledger'");
    expect(read.params.get("location")).toBe("resourceGroup().location");
    const arm = armLiteral(resourceOf(logicAppsArmTemplate(doc).template).properties as JsonValue);
    const fromArm = mapStrings(arm, (s) =>
      s === "[parameters('tokenClientSecret')]" ? "<param tokenClientSecret>" : s,
    );
    expect(read.properties).toEqual(fromArm);
    expect(isJsonObject(read.properties) && read.properties.swagger).toEqual(doc.definition);
  });

  it("writes numbers Bicep has no literal for through json()", () => {
    const { text } = logicAppsBicep(contoso());
    expect(text).toContain("default: json('0.5')");
    expect(text).toContain("maximum: 1000");
    expect(text).toContain("'200': {");
    expect(text).toContain("description: 'Costs \\${amount}; \\'quoted\\' \\\\ back\\nnext'");
  });

  it("escapes strings", () => {
    expect(bicepString("a'b\\c${d}$e\u0001")).toBe("'a\\'b\\\\c\\${d}$e\\u{1}'");
  });
});

describe("exportLogicApps", () => {
  it("names the files after the resource", () => {
    expect(exportLogicApps(contoso(), "arm").fileName).toBe("Contoso-Ledger.logicapp.json");
    expect(exportLogicApps(contoso(), "bicep").fileName).toBe("Contoso-Ledger.bicep");
    const parsed = JSON.parse(exportLogicApps(contoso(), "arm").text) as JsonObject;
    expect(parsed.resources).toHaveLength(1);
  });
});

describe("Logic Apps export of a connector imported from a WSDL", () => {
  it("carries apiType Soap and the wsdlDefinition (content, SoapPassThrough, service)", async () => {
    const { readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { importFiles } = await import("../../importers/import-files");
    const text = readFileSync(
      join(import.meta.dirname, "../../importers/wsdl/__fixtures__/golden/ledger.wsdl"),
      "utf8",
    );
    const outcome = importFiles([{ path: "ledger.wsdl", bytes: new TextEncoder().encode(text) }]);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    const { template } = logicAppsArmTemplate(outcome.document);
    const resource = (template.resources as JsonObject[])[0] as JsonObject;
    const properties = resource.properties as JsonObject;
    expect(properties.apiType).toBe("Soap");
    expect(properties.wsdlDefinition).toEqual({
      content: text,
      importMethod: "SoapPassThrough",
      service: {
        qualifiedName: "{urn:example:ledger}LedgerService",
        endpointQualifiedNames: ["{urn:example:ledger}LedgerSoap12Port"],
      },
    });
    expect(logicAppsBicep(outcome.document).text).toContain("apiType: 'Soap'");
  });

  it("a REST connector stays apiType Rest with no wsdlDefinition", () => {
    const properties = (logicAppsArmTemplate(contoso()).template.resources as JsonObject[])[0]
      ?.properties as JsonObject;
    expect(properties.apiType).toBe("Rest");
    expect(properties.wsdlDefinition).toBeUndefined();
  });
});
