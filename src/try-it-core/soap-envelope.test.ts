import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importFiles } from "../importers/import-files";
import type { JsonObject } from "../model/json-value";
import type { OperationRef } from "../model/swagger-types";
import { prepareRequest } from "./prepare-request";
import { prettyXml, soapContentType, soapEnvelope } from "./soap-envelope";
import { viewBody } from "./transport";

function ledger() {
  const bytes = readFileSync(join(import.meta.dirname, "../importers/wsdl/__fixtures__/golden/ledger.wsdl"));
  const outcome = importFiles([{ path: "ledger.wsdl", bytes }]);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.document;
}

describe("SOAP envelope for the Test step", () => {
  it("builds a SOAP 1.2 envelope skeleton from the request schema (namespaces, attributes, arrays)", () => {
    const doc = ledger();
    const path = "/ledger/service.svc/PostEntry";
    const body = ((doc.definition.paths?.[path]?.post as JsonObject).parameters as JsonObject[]).find(
      (p) => p.in === "body",
    );
    expect(soapEnvelope(doc, body?.schema, "1.2")).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope">',
        "  <soap:Body>",
        '    <PostEntry xmlns="urn:example:ledger:types">',
        "      <date>2024-01-31</date>",
        "      <line>",
        "        <account>?</account>",
        "        <side>debit</side>",
        '        <money currency="?">',
        "          <amount>0</amount>",
        "        </money>",
        "        <memo>?</memo>",
        "      </line>",
        "      <reference>?</reference>",
        "      <invoiceNumber>0</invoiceNumber>",
        "    </PostEntry>",
        "  </soap:Body>",
        "</soap:Envelope>",
        "",
      ].join("\n"),
    );
  });

  it("sends the envelope with the SOAP 1.2 Content-Type and action, routed to the endpoint", () => {
    const doc = ledger();
    const path = "/ledger/service.svc/GetBalance";
    const operation = doc.definition.paths?.[path]?.post as JsonObject;
    const ref = { path, method: "post", operation } as unknown as OperationRef;
    const envelope = soapEnvelope(
      doc,
      (operation.parameters as JsonObject[]).find((p) => p.in === "body")?.schema,
      "1.2",
    );
    const prepared = prepareRequest(doc, ref, { body: envelope }, { values: {} } as never);
    expect(prepared.method).toBe("POST");
    expect(prepared.url).toBe("http://127.0.0.1:8731/ledger/service.svc");
    expect(prepared.headers).toContainEqual([
      "Content-Type",
      'application/soap+xml; charset=utf-8; action="urn:example:ledger/GetBalance"',
    ]);
    expect(prepared.body).toMatchObject({ kind: "text", text: envelope });
  });

  it("SOAP 1.1 goes as text/xml (the action is the SOAPAction header)", () => {
    expect(soapContentType("1.1", "urn:a")).toBe("text/xml; charset=utf-8");
  });

  it("shows an XML response indented, as text; broken XML as it came", () => {
    const xml = '<s:Envelope xmlns:s="urn:s"><s:Body><R a="1"><v>5 &amp; 6</v></R></s:Body></s:Envelope>';
    expect(prettyXml(xml)).toBe(
      [
        '<s:Envelope xmlns:s="urn:s">',
        "  <s:Body>",
        '    <R a="1">',
        "      <v>5 &amp; 6</v>",
        "    </R>",
        "  </s:Body>",
        "</s:Envelope>",
      ].join("\n"),
    );
    expect(prettyXml("<a><b></a>")).toBe("<a><b></a>");
    const view = viewBody([["Content-Type", "application/soap+xml"]], new TextEncoder().encode(xml));
    expect(view).toEqual({ kind: "text", text: prettyXml(xml) });
  });
});
