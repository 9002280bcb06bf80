import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../model/json-value";
import { validateConnectorSync } from "../../validation/validate-connector";
import { importFiles } from "../import-files";
import { WSDL_EXTENSION, type WsdlExtension } from "./convert-wsdl";

const LEDGER = readFileSync(join(import.meta.dirname, "__fixtures__", "golden", "ledger.wsdl"));

function importText(path: string, text: string | Uint8Array) {
  return importFiles([{ path, bytes: typeof text === "string" ? new TextEncoder().encode(text) : text }]);
}

describe("WSDL 1.1 import", () => {
  it("imports the ledger service: two SOAP 1.2 operations, no validation error", () => {
    const outcome = importText("ledger.wsdl", LEDGER);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    expect(outcome.kind).toBe("wsdl");
    const definition = outcome.document.definition;
    expect(Object.keys(definition.paths ?? {})).toEqual([
      "/ledger/service.svc/PostEntry",
      "/ledger/service.svc/GetBalance",
    ]);
    expect(definition.host).toBe("127.0.0.1:8731");
    expect(definition.consumes).toEqual(["application/soap+xml"]);
    const extension = definition[WSDL_EXTENSION] as WsdlExtension;
    expect(extension.content).toBe(LEDGER.toString("utf8"));
    expect(extension.service).toEqual({
      qualifiedName: "{urn:example:ledger}LedgerService",
      endpointQualifiedNames: ["{urn:example:ledger}LedgerSoap12Port"],
    });
    expect(extension.soapVersion).toBe("1.2");
    const errors = validateConnectorSync(outcome.document).filter((d) => d.severity === "error");
    expect(errors).toEqual([]);
    expect(outcome.report.map((e) => e.message).join("\n")).toMatch(
      /not imported: LedgerService\/LedgerSoap11Port/,
    );
  });

  it("takes the SOAP 1.1 port when it is the only one: SOAPAction header, text/xml", () => {
    const text = LEDGER.toString("utf8").replace(
      /<wsdl:port name="LedgerSoap12Port"[\s\S]*?<\/wsdl:port>/,
      "",
    );
    const outcome = importText("ledger.wsdl", text);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    const post = outcome.document.definition.paths?.["/ledger/service.svc/GetBalance"]?.post as JsonObject;
    expect(post.consumes).toEqual(["text/xml"]);
    expect((post.parameters as JsonObject[])[0]).toMatchObject({
      name: "SOAPAction",
      in: "header",
      default: '"urn:example:ledger/GetBalance"',
      "x-ms-visibility": "internal",
    });
    expect(validateConnectorSync(outcome.document).filter((d) => d.severity === "error")).toEqual([]);
  });

  it("says where malformed XML breaks (line and column), and imports nothing", () => {
    const outcome = importText(
      "broken.wsdl",
      '<?xml version="1.0"?>\n<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/">\n  <a></b>\n</wsdl:definitions>',
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems[0]).toMatchObject({ file: "broken.wsdl", line: 3, column: 3 });
    expect(outcome.problems[0]?.message).toMatch(/Not well-formed XML: .*mismatch/);
  });

  it("refuses an XML file that is not WSDL 1.1, and ignores a plain .xml file", () => {
    const wsdl2 = importText("svc.wsdl", '<description xmlns="http://www.w3.org/ns/wsdl"/>');
    expect(wsdl2.ok).toBe(false);
    if (!wsdl2.ok) expect(wsdl2.problems[0]?.message).toMatch(/Not a WSDL 1.1 document/);
    const plain = importText("data.xml", "<root/>");
    expect(plain.ok).toBe(false);
    if (!plain.ok) expect(plain.problems[0]?.message).toMatch(/WSDL 1.1 file/);
  });

  it("recognises a WSDL given as .xml by its root element", () => {
    const outcome = importText("ledger.xml", LEDGER);
    expect(outcome.ok && outcome.kind).toBe("wsdl");
  });

  it("reports a WSDL without a SOAP port clearly", () => {
    const outcome = importText(
      "http.wsdl",
      '<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" targetNamespace="urn:x"><service name="S"/></definitions>',
    );
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(outcome.problems[0]?.message).toMatch(/no service port with a SOAP 1.1 or SOAP 1.2 binding/);
  });
});
