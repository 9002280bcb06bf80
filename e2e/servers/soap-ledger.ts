import { createServer, type IncomingMessage, type Server } from "node:http";

// A loopback SOAP 1.1/1.2 server for the WSDL e2e test: it answers the two operations of
// src/importers/wsdl/__fixtures__/golden/ledger.wsdl at /ledger/service.svc (CORS open, so calls go direct).

export interface SoapLedger {
  server: Server;
  origin: string;
  hits: { url: string; contentType: string; soapAction: string; body: string }[];
  close(): Promise<void>;
}

const ENVELOPE_12 = "http://www.w3.org/2003/05/soap-envelope";
const ENVELOPE_11 = "http://schemas.xmlsoap.org/soap/envelope/";

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    req.on("data", (c: Buffer) => (text += c.toString("utf8")));
    req.on("end", () => resolve(text));
    req.on("error", reject);
  });
}

export async function startSoapLedger(port: number): Promise<SoapLedger> {
  const hits: SoapLedger["hits"] = [];
  const server = createServer((req, res) => {
    void (async () => {
      res.setHeader("access-control-allow-origin", "*");
      res.setHeader("access-control-allow-headers", "*");
      if (req.method === "OPTIONS") return void res.writeHead(204).end();
      const body = await readBody(req);
      const contentType = String(req.headers["content-type"] ?? "");
      hits.push({ url: req.url ?? "", contentType, soapAction: String(req.headers.soapaction ?? ""), body });
      const soap12 = contentType.startsWith("application/soap+xml");
      const envelope = soap12 ? ENVELOPE_12 : ENVELOPE_11;
      const mediaType = soap12 ? "application/soap+xml; charset=utf-8" : "text/xml; charset=utf-8";
      const action = soap12
        ? (/action="([^"]*)"/.exec(contentType)?.[1] ?? "")
        : (hits.at(-1)?.soapAction ?? "");
      let payload: string;
      if (req.url !== "/ledger/service.svc" || req.method !== "POST") {
        res.writeHead(404, { "content-type": "text/plain" }).end("not found");
        return;
      }
      if (action.endsWith("/GetBalance") || body.includes("GetBalance")) {
        const account = /<account>([^<]*)<\/account>/.exec(body)?.[1] ?? "";
        payload = `<GetBalanceResponse xmlns="urn:example:ledger:types"><balance currency="EUR"><amount>1250.75</amount></balance><!--${account}--></GetBalanceResponse>`;
      } else if (action.endsWith("/PostEntry") || body.includes("PostEntry")) {
        payload = `<PostEntryResponse xmlns="urn:example:ledger:types"><entryId>42</entryId><posted>2024-01-31T10:00:00Z</posted></PostEntryResponse>`;
      } else {
        res.writeHead(500, { "content-type": mediaType });
        res.end(
          `<s:Envelope xmlns:s="${envelope}"><s:Body><s:Fault>unknown action</s:Fault></s:Body></s:Envelope>`,
        );
        return;
      }
      res.writeHead(200, { "content-type": mediaType });
      res.end(`<s:Envelope xmlns:s="${envelope}"><s:Body>${payload}</s:Body></s:Envelope>`);
    })();
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    server,
    origin: `http://127.0.0.1:${port}`,
    hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
