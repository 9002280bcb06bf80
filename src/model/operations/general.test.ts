import { describe, expect, it } from "vitest";
import type { ConnectorDocument } from "../connector-document";
import { createEmptyConnector } from "../create-empty-connector";
import {
  basePathProblem,
  checkIcon,
  hostProblem,
  readImageInfo,
  setCategories,
  setGeneralField,
  setServiceUrl,
  readServiceUrl,
  serviceUrlMessage,
  splitServiceUrl,
  toGeneralFormValues,
  type GeneralField,
} from "./general";

/** A corpus-like certified connector (shape of a published one, written by hand). */
function certifiedDoc(): ConnectorDocument {
  return {
    definition: {
      swagger: "2.0",
      info: {
        version: "3.12",
        title: "Survey Tool",
        description: "Collects answers.",
        contact: { name: "Survey", url: "https://example.com/survey", email: "survey@example.com" },
        "x-ms-deployment-version": "1.0.0",
      },
      host: "survey.example.com:8443",
      basePath: "/api/v1",
      schemes: ["https"],
      paths: {},
      "x-ms-connector-metadata": [
        { propertyName: "Website", propertyValue: "https://example.com" },
        { propertyName: "Privacy policy", propertyValue: "https://example.com/privacy" },
        { propertyName: "Categories", propertyValue: "Website;Productivity" },
      ],
    },
    properties: {
      properties: {
        connectionParameters: {},
        iconBrandColor: "#2D882A",
        capabilities: [],
        publisher: "Example Inc.",
        stackOwner: "Example Inc.",
        "x-custom": { keep: true },
      },
    },
    icon: null,
    script: null,
    settings: null,
  };
}

describe("General form values", () => {
  it("reads every field of a certified connector", () => {
    expect(toGeneralFormValues(certifiedDoc())).toEqual({
      title: "Survey Tool",
      description: "Collects answers.",
      iconBrandColor: "#2D882A",
      scheme: "https",
      host: "survey.example.com:8443",
      basePath: "/api/v1",
      gateway: false,
      contactName: "Survey",
      contactUrl: "https://example.com/survey",
      contactEmail: "survey@example.com",
      website: "https://example.com",
      privacyPolicy: "https://example.com/privacy",
      category1: "Website",
      category2: "Productivity",
      publisher: "Example Inc.",
      stackOwner: "Example Inc.",
    });
  });

  it("writing back every read value leaves the document identical", () => {
    for (const source of [certifiedDoc(), createEmptyConnector()]) {
      const values = toGeneralFormValues(source);
      let doc = source;
      for (const field of Object.keys(values) as GeneralField[]) {
        doc = setGeneralField(field, values[field]).apply(doc);
      }
      expect(doc).toBe(source);
    }
  });

  it("edits one field in place, keeping unknown keys and key order", () => {
    const doc = setGeneralField("title", "Survey Pro").apply(certifiedDoc());
    expect(Object.keys(doc.definition.info ?? {})).toEqual([
      "version",
      "title",
      "description",
      "contact",
      "x-ms-deployment-version",
    ]);
    expect(doc.definition.info?.title).toBe("Survey Pro");
    const colored = setGeneralField("iconBrandColor", "#112233").apply(doc);
    expect(colored.properties).toEqual({
      properties: { ...(certifiedDoc().properties.properties as object), iconBrandColor: "#112233" },
    });
  });

  it("writes metadata entries and categories, removing cleared ones", () => {
    let doc = createEmptyConnector();
    doc = setGeneralField("website", "https://contoso.com").apply(doc);
    doc = setCategories("", "Data").apply(doc);
    doc = setCategories("AI", "Data").apply(doc);
    expect(doc.definition["x-ms-connector-metadata"]).toEqual([
      { propertyName: "Website", propertyValue: "https://contoso.com" },
      { propertyName: "Categories", propertyValue: "AI;Data" },
    ]);
    doc = setGeneralField("website", "").apply(doc);
    expect(doc.definition["x-ms-connector-metadata"]).toEqual([
      { propertyName: "Categories", propertyValue: "AI;Data" },
    ]);
  });

  it("clearing all contact fields removes the contact object", () => {
    let doc = certifiedDoc();
    for (const field of ["contactName", "contactUrl", "contactEmail"] as const)
      doc = setGeneralField(field, "").apply(doc);
    expect(doc.definition.info?.contact).toBeUndefined();
    doc = setGeneralField("contactEmail", "a@b.c").apply(doc);
    expect(doc.definition.info?.contact).toEqual({ email: "a@b.c" });
  });

  it("gateway adds and removes the gateway parameter and capability", () => {
    const on = setGeneralField("gateway", true).apply(createEmptyConnector());
    const props = on.properties.properties as Record<string, unknown>;
    expect(props.capabilities).toEqual(["gateway"]);
    expect(props.connectionParameters).toEqual({
      gateway: {
        type: "gatewaySetting",
        gatewaySettings: { dataSourceType: "CustomConnector", connectionDetails: [] },
        uiDefinition: { constraints: { tabIndex: 4, required: "true", capability: ["gateway"] } },
      },
    });
    expect(toGeneralFormValues(on).gateway).toBe(true);
    const off = setGeneralField("gateway", false).apply(on);
    expect(off.properties).toEqual(createEmptyConnector().properties);
  });
});

describe("host and URL helpers", () => {
  it("splits a pasted URL into scheme, host and base URL", () => {
    expect(splitServiceUrl("https://api.contoso.com:8443/v2/items/")).toEqual({
      scheme: "https",
      host: "api.contoso.com:8443",
      basePath: "/v2/items",
    });
    expect(splitServiceUrl("HTTP://example.org")).toEqual({
      scheme: "http",
      host: "example.org",
      basePath: "/",
    });
    expect(splitServiceUrl("api.contoso.com")).toBeNull();
    const doc = setServiceUrl({ scheme: "http", host: "h.example", basePath: "/x" }).apply(
      createEmptyConnector(),
    );
    expect([doc.definition.schemes, doc.definition.host, doc.definition.basePath]).toEqual([
      ["http"],
      "h.example",
      "/x",
    ]);
  });

  it("says what a pasted URL gave and what it dropped (query, fragment, credentials)", () => {
    const full = readServiceUrl("https://ann:pw@api.contoso.com/v2/tickets?x=1#top");
    expect(full?.parts).toEqual({ scheme: "https", host: "api.contoso.com", basePath: "/v2/tickets" });
    expect(full?.dropped).toHaveLength(3);
    const message = serviceUrlMessage(full!);
    expect(message).toContain("host api.contoso.com, base URL /v2/tickets");
    expect(message).toContain("the query “?x=1”");
    expect(message).toContain("the fragment “#top”");
    expect(message).not.toContain("pw");

    // Without a scheme, a host with a path or query is still a URL (HTTPS assumed); a bare host is not.
    const bare = readServiceUrl("api.contoso.com/v2/tickets?x=1");
    expect(bare).toMatchObject({
      parts: { scheme: "https", host: "api.contoso.com", basePath: "/v2/tickets" },
      schemeAssumed: true,
      dropped: ["the query “?x=1”"],
    });
    expect(serviceUrlMessage(bare!)).toMatch(/^From the pasted URL: scheme HTTPS \(the URL had none\)/);
    expect(readServiceUrl("api.contoso.com")).toBeNull();
    expect(readServiceUrl("api.contoso.com?x=1")?.parts.basePath).toBe("/");
    expect(serviceUrlMessage(readServiceUrl("https://api.contoso.com/v1/")!)).toBe(
      "From the pasted URL: scheme HTTPS, host api.contoso.com, base URL /v1.",
    );
  });

  it("explains bad hosts and base URLs", () => {
    expect(hostProblem("api.contoso.com:443")).toBeNull();
    expect(hostProblem("https://api.contoso.com")).toMatch(/without http/);
    expect(hostProblem("api.contoso.com/v1")).toMatch(/Base URL/);
    expect(basePathProblem("/v1")).toBeNull();
    expect(basePathProblem("v1")).toMatch(/start with '\/'/);
    expect(basePathProblem("")).toBeNull();
    const cleared = setGeneralField("basePath", "").apply(createEmptyConnector());
    expect("basePath" in cleared.definition).toBe(false);
  });
});

function png(width: number, height: number, extra = 0): Uint8Array {
  const bytes = new Uint8Array(33 + extra);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return bytes;
}

function jpeg(width: number, height: number): Uint8Array {
  // SOI, APP0 (length 16), SOF0 with height/width.
  const app0 = [0xff, 0xe0, 0x00, 0x10, ...new Array<number>(14).fill(0)];
  const sof = [0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 255, width >> 8, width & 255, 3];
  return new Uint8Array([0xff, 0xd8, ...app0, ...sof, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
}

describe("icon checks", () => {
  it("reads PNG and JPEG sizes from header bytes", () => {
    expect(readImageInfo(png(230, 230))).toEqual({ type: "png", width: 230, height: 230 });
    expect(readImageInfo(jpeg(640, 480))).toEqual({ type: "jpeg", width: 640, height: 480 });
    expect(readImageInfo(new TextEncoder().encode("GIF89a........"))).toBeNull();
  });

  it("accepts 230×230, warns on other sizes, rejects other formats and files over 1 MB", () => {
    expect(checkIcon(png(230, 230))).toMatchObject({ error: null, warning: null });
    expect(checkIcon(png(100, 50)).warning).toMatch(/100×50/);
    expect(checkIcon(new Uint8Array([1, 2, 3])).error).toMatch(/PNG or JPG/);
    expect(checkIcon(png(230, 230, 1024 * 1024)).error).toMatch(/under 1 MB/);
  });
});
