import { describe, expect, it } from "vitest";
import type { ConnectorDocument } from "../model/connector-document";
import { createEmptyConnector } from "../model/create-empty-connector";
import { listOperations, type OperationRef, type SwaggerDocument } from "../model/swagger-types";
import { evaluatePolicyExpression } from "./policy-expressions";
import { displayUrl, prepareRequest, toCurl } from "./prepare-request";

function connector(
  extra: Partial<ConnectorDocument["definition"]>,
  policies: unknown[] = [],
  params: object = {},
): ConnectorDocument {
  const doc = createEmptyConnector("T");
  return {
    ...doc,
    definition: { ...doc.definition, host: "api.contoso.com", basePath: "/v1", ...extra },
    properties: {
      properties: { connectionParameters: params, policyTemplateInstances: policies },
    } as ConnectorDocument["properties"],
  };
}

const paths: NonNullable<SwaggerDocument["paths"]> = {
  "/items/{id}": {
    parameters: [{ name: "id", in: "path", required: true, type: "string" }],
    get: {
      operationId: "GetItem",
      parameters: [
        { name: "expand", in: "query", type: "string", default: "all" },
        { name: "X-Trace", in: "header", type: "string" },
      ],
      responses: {},
    },
    post: {
      operationId: "Upload",
      consumes: ["multipart/form-data"],
      parameters: [{ name: "file", in: "formData", type: "file", required: true }],
      responses: {},
    },
    put: {
      operationId: "Put",
      parameters: [{ name: "body", in: "body", schema: { type: "object" } }],
      responses: {},
    },
  },
};

const op = (doc: ConnectorDocument, id: string): OperationRef =>
  listOperations(doc.definition).find((o) => o.operation.operationId === id) as OperationRef;

describe("prepareRequest", () => {
  it("places path, query (with defaults) and header parameters, and an API key in the header", () => {
    const doc = connector(
      { paths, securityDefinitions: { key: { type: "apiKey", in: "header", name: "X-Key" } } },
      [],
      { api_key: { type: "securestring" } },
    );
    const r = prepareRequest(
      doc,
      op(doc, "GetItem"),
      { id: "a/b", "X-Trace": "t1" },
      { values: { api_key: "secret-key" } },
    );
    expect(r.method).toBe("GET");
    expect(r.url).toBe("https://api.contoso.com/v1/items/a%2Fb?expand=all");
    expect(r.headers).toEqual([
      ["X-Trace", "t1"],
      ["X-Key", "secret-key"],
    ]);
    expect(r.missing).toEqual([]);
    const curl = toCurl(r);
    expect(curl).toContain("-H 'X-Key: ••••••'");
    expect(curl).not.toContain("secret-key");
  });

  it("puts an API key in the query and masks it in the URL shown", () => {
    const doc = connector(
      { paths, securityDefinitions: { key: { type: "apiKey", in: "query", name: "code" } } },
      [],
      {
        api_key: { type: "securestring" },
      },
    );
    const r = prepareRequest(doc, op(doc, "GetItem"), { id: "1" }, { values: { api_key: "k" } });
    expect(r.url).toBe("https://api.contoso.com/v1/items/1?expand=all&code=k");
    expect(displayUrl(r)).toBe("https://api.contoso.com/v1/items/1?expand=all&code=••••••");
    // Shown exactly as sent: spaces stay %20, nothing is re-encoded.
    const spaced = prepareRequest(
      doc,
      op(doc, "GetItem"),
      { id: "1", expand: "a b" },
      { values: { api_key: "k" } },
    );
    expect(displayUrl(spaced)).toBe("https://api.contoso.com/v1/items/1?expand=a%20b&code=••••••");
  });

  it("sends basic and OAuth credentials and says what is missing", () => {
    const basic = connector({ paths, securityDefinitions: { b: { type: "basic" } } });
    const r = prepareRequest(
      basic,
      op(basic, "GetItem"),
      { id: "1" },
      { values: { username: "ann", password: "pw" } },
    );
    expect(r.headers).toContainEqual(["Authorization", `Basic ${btoa("ann:pw")}`]);
    const oauth = connector({ paths, securityDefinitions: { o: { type: "oauth2", flow: "accessCode" } } });
    expect(prepareRequest(oauth, op(oauth, "GetItem"), { id: "1" }, { values: {} }).missing).toEqual([
      "Sign in (connection)",
    ]);
    const signed = prepareRequest(oauth, op(oauth, "GetItem"), {}, { values: {}, accessToken: "tok" });
    expect(signed.headers).toContainEqual(["Authorization", "Bearer tok"]);
    expect(signed.missing).toEqual(["id"]);
  });

  it("builds multipart bodies for files and JSON bodies with their content type", () => {
    const doc = connector({ paths });
    const upload = prepareRequest(
      doc,
      op(doc, "Upload"),
      { id: "1", file: { name: "a.txt", type: "text/plain", bytes: new TextEncoder().encode("hello") } },
      { values: {} },
    );
    expect(upload.body.kind).toBe("bytes");
    if (upload.body.kind !== "bytes") return;
    const text = new TextDecoder().decode(upload.body.bytes);
    expect(text).toContain('Content-Disposition: form-data; name="file"; filename="a.txt"');
    expect(text).toContain("hello");
    expect(upload.headers.find(([n]) => n === "Content-Type")?.[1]).toMatch(
      /^multipart\/form-data; boundary=/,
    );
    const put = prepareRequest(doc, op(doc, "Put"), { id: "1", body: '{"a":1}' }, { values: {} });
    expect(put.body).toEqual({ kind: "text", text: '{"a":1}', contentType: "application/json" });
  });

  it("applies set header, set query parameter, set host URL and route request policies in order", () => {
    const P = (templateId: string, title: string, parameters: object) => ({ templateId, title, parameters });
    const doc = connector({ paths }, [
      P("dynamichosturl", "Host", {
        "x-ms-apimTemplateParameter.urlTemplate": "https://@connectionParameters('region').contoso.com",
      }),
      P("setheader", "Header", {
        "x-ms-apimTemplateParameter.name": "X-Region",
        "x-ms-apimTemplateParameter.value": "@connectionParameters('region')",
        "x-ms-apimTemplateParameter.existsAction": "override",
      }),
      P("setqueryparameter", "Query", {
        "x-ms-apimTemplateParameter.name": "api-version",
        "x-ms-apimTemplateParameter.value": "2024-01-01",
      }),
      P("routerequesttoendpoint", "Route", {
        "x-ms-apimTemplateParameter.newPath": "/v2/things/{id}",
        "x-ms-apimTemplateParameter.httpMethod": "POST",
        "x-ms-apimTemplate-operationName": ["GetItem"],
      }),
      P("setheader", "Other op", {
        "x-ms-apimTemplateParameter.name": "X-No",
        "x-ms-apimTemplateParameter.value": "1",
        "x-ms-apimTemplate-operationName": ["Put"],
      }),
      P("stringreplace", "Server side", {}),
    ]);
    const r = prepareRequest(doc, op(doc, "GetItem"), { id: "7" }, { values: { region: "eu" } });
    expect(r.url).toBe("https://eu.contoso.com/v2/things/7?expand=all&api-version=2024-01-01");
    expect(r.method).toBe("POST");
    expect(r.headers).toContainEqual(["X-Region", "eu"]);
    expect(r.headers.some(([n]) => n === "X-No")).toBe(false);
    expect(r.appliedPolicies).toEqual(["Host", "Header", "Query", "Route"]);
    expect(r.warnings.join(" ")).toContain("Server side");
  });
});

describe("policy expressions", () => {
  it("evaluates connection parameters with defaults, headers and interpolation", () => {
    const scope = { connectionParameters: { host: "h" }, headers: { "X-A": "1" }, queryParameters: {} };
    expect(
      evaluatePolicyExpression("https://@{connectionParameters('host')}/@headers('x-a')", scope).value,
    ).toBe("https://h/1");
    expect(evaluatePolicyExpression("@connectionParameters('missing','dflt')", scope).value).toBe("dflt");
    expect(evaluatePolicyExpression("@body()", scope).unresolved).toEqual(["@body()"]);
  });
});
