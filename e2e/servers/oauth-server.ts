import { OAuth2Server } from "oauth2-mock-server";

/** oauth2-mock-server on loopback, recording each token request's grant type. */
export async function startOAuthServer(port: number): Promise<{
  server: OAuth2Server;
  issuer: string;
  grants: string[];
  stop(): Promise<void>;
}> {
  const server = new OAuth2Server();
  await server.issuer.keys.generate("RS256");
  const grants: string[] = [];
  server.service.on("beforeResponse", (_response: unknown, req: { body?: { grant_type?: string } }) => {
    grants.push(req.body?.grant_type ?? "?");
  });
  await server.start(port, "127.0.0.1");
  // The library names its issuer "localhost"; the tests keep every URL on 127.0.0.1.
  const issuer = `http://127.0.0.1:${port}`;
  server.issuer.url = issuer;
  return { server, issuer, grants, stop: () => server.stop() };
}
