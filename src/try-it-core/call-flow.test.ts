import { describe, expect, it } from "vitest";
import type { ConnectorDocument } from "../model/connector-document";
import { createEmptyConnector } from "../model/create-empty-connector";
import { listOperations, type OperationRef, type SwaggerDocument } from "../model/swagger-types";
import { historyEntry, runTestCall, type CallConnection, type CallPorts } from "./call-flow";
import type { OAuthTokens } from "./oauth";
import type { PreparedRequest } from "./prepare-request";
import type { CallResponse } from "./transport";

const NOW = 1_800_000_000_000;

function connector(securityDefinitions: SwaggerDocument["securityDefinitions"] = {}): ConnectorDocument {
  const doc = createEmptyConnector("T");
  return {
    ...doc,
    definition: {
      ...doc.definition,
      host: "api.contoso.com",
      basePath: "/v1",
      securityDefinitions,
      paths: {
        "/items/{id}": {
          get: {
            operationId: "GetItem",
            parameters: [{ name: "id", in: "path", required: true, type: "string" }],
            responses: {},
          },
        },
      },
    },
  };
}

const oauthConnector = () =>
  connector({
    o: {
      type: "oauth2",
      flow: "accessCode",
      authorizationUrl: "https://login.contoso.com/authorize",
      tokenUrl: "https://login.contoso.com/token",
      scopes: {},
    },
  });

const getItem = (doc: ConnectorDocument): OperationRef => listOperations(doc.definition)[0] as OperationRef;

function response(status: number): CallResponse {
  return {
    status,
    statusText: "",
    headers: [],
    body: new TextEncoder().encode("{}"),
    timeMs: 12,
    route: "direct",
  };
}

/** Ports that answer with `statuses` in turn and record what the flow asked of them. */
function fakePorts(
  statuses: number[],
  refreshed: OAuthTokens | Error = { accessToken: "new", tokenType: "Bearer" },
) {
  const sent: PreparedRequest[] = [];
  const saved: OAuthTokens[] = [];
  let refreshes = 0;
  const ports: CallPorts = {
    send: (request) => {
      sent.push(request);
      const status = statuses.shift();
      return status === undefined
        ? Promise.reject(new TypeError("Failed to fetch"))
        : Promise.resolve(response(status));
    },
    refresh: () => {
      refreshes += 1;
      return refreshed instanceof Error ? Promise.reject(refreshed) : Promise.resolve(refreshed);
    },
    saveTokens: (tokens) => saved.push(tokens),
    now: () => NOW,
  };
  return { ports, sent, saved, refreshes: () => refreshes };
}

const signedIn = (tokens: Partial<OAuthTokens> = {}): CallConnection => ({
  values: {},
  clientSecret: "secret",
  setIndex: null,
  tokens: { accessToken: "old", tokenType: "Bearer", refreshToken: "refresh", ...tokens },
});

const authorization = (request: PreparedRequest | undefined) =>
  request?.headers.find(([name]) => name === "Authorization")?.[1];

describe("runTestCall", () => {
  it("prepares and sends the request of a connector without authentication", async () => {
    const doc = connector();
    const fake = fakePorts([200]);
    const result = await runTestCall(
      doc,
      getItem(doc),
      { id: "42" },
      undefined,
      fake.ports,
      new AbortController().signal,
    );
    expect(result.sent).toBe(true);
    expect(result.response?.status).toBe(200);
    expect(result.request.url).toBe("https://api.contoso.com/v1/items/42");
    expect(fake.sent).toHaveLength(1);
    expect(result.notes).toEqual([]);
  });

  it("sends nothing while a required input is missing, and says which", async () => {
    const doc = connector();
    const fake = fakePorts([200]);
    const result = await runTestCall(
      doc,
      getItem(doc),
      {},
      undefined,
      fake.ports,
      new AbortController().signal,
    );
    expect(result).toMatchObject({ sent: false, error: "Fill in id first." });
    expect(fake.sent).toHaveLength(0);
  });

  it("refreshes an expired access token before the call and keeps the new tokens", async () => {
    const doc = oauthConnector();
    const fake = fakePorts([200]);
    const result = await runTestCall(
      doc,
      getItem(doc),
      { id: "1" },
      signedIn({ expiresAt: NOW - 1 }),
      fake.ports,
      new AbortController().signal,
    );
    expect(fake.refreshes()).toBe(1);
    expect(fake.saved.map((t) => t.accessToken)).toEqual(["new"]);
    expect(authorization(fake.sent[0])).toBe("Bearer new");
    expect(result.notes).toEqual(["The access token had expired and was refreshed before the call."]);
  });

  it("does not refresh a token that is still valid", async () => {
    const doc = oauthConnector();
    const fake = fakePorts([200]);
    await runTestCall(
      doc,
      getItem(doc),
      { id: "1" },
      signedIn({ expiresAt: NOW + 3_600_000 }),
      fake.ports,
      new AbortController().signal,
    );
    expect(fake.refreshes()).toBe(0);
    expect(authorization(fake.sent[0])).toBe("Bearer old");
  });

  it("on a 401 refreshes once and sends the call again with the new token", async () => {
    const doc = oauthConnector();
    const fake = fakePorts([401, 200]);
    const result = await runTestCall(
      doc,
      getItem(doc),
      { id: "1" },
      signedIn(),
      fake.ports,
      new AbortController().signal,
    );
    expect(fake.sent.map(authorization)).toEqual(["Bearer old", "Bearer new"]);
    expect(fake.saved).toHaveLength(1);
    expect(result.response?.status).toBe(200);
    expect(authorization(result.request)).toBe("Bearer new");
    expect(result.notes).toEqual([
      "The API refused the access token (401); it was refreshed and the call sent again.",
    ]);
  });

  it("shows a 401 as it is when there is no refresh token to try", async () => {
    const doc = oauthConnector();
    const fake = fakePorts([401]);
    const result = await runTestCall(
      doc,
      getItem(doc),
      { id: "1" },
      { ...signedIn(), tokens: { accessToken: "old", tokenType: "Bearer" } },
      fake.ports,
      new AbortController().signal,
    );
    expect(fake.sent).toHaveLength(1);
    expect(fake.refreshes()).toBe(0);
    expect(result.response?.status).toBe(401);
  });

  it("a failed refresh before the call sends nothing and reports the refresh's error", async () => {
    const doc = oauthConnector();
    const fake = fakePorts([200], new Error("invalid_grant: the refresh token expired"));
    const result = await runTestCall(
      doc,
      getItem(doc),
      { id: "1" },
      signedIn({ expiresAt: NOW - 1 }),
      fake.ports,
      new AbortController().signal,
    );
    expect(result).toMatchObject({ sent: false, error: "invalid_grant: the refresh token expired" });
    expect(fake.sent).toHaveLength(0);
  });

  it("turns a failed send into the result's error, and a cancelled one into the cancel message", async () => {
    const doc = connector();
    const unreachable = await runTestCall(
      doc,
      getItem(doc),
      { id: "1" },
      undefined,
      fakePorts([]).ports,
      new AbortController().signal,
    );
    expect(unreachable).toMatchObject({ sent: true, error: "Failed to fetch" });
    expect(unreachable.response).toBeUndefined();

    const controller = new AbortController();
    controller.abort();
    const cancelled = await runTestCall(
      doc,
      getItem(doc),
      { id: "1" },
      undefined,
      fakePorts([]).ports,
      controller.signal,
    );
    expect(cancelled.error).toBe("The call was cancelled. (The API may still have received it.)");
  });
});

describe("historyEntry", () => {
  it("records method, URL, status, time and route, or the error of a failed call", async () => {
    const doc = connector();
    const ok = await runTestCall(
      doc,
      getItem(doc),
      { id: "7" },
      undefined,
      fakePorts([204]).ports,
      new AbortController().signal,
    );
    expect(historyEntry(ok, 5)).toEqual({
      at: 5,
      method: "GET",
      url: "https://api.contoso.com/v1/items/7",
      status: 204,
      timeMs: 12,
      route: "direct",
    });
    const failed = await runTestCall(
      doc,
      getItem(doc),
      { id: "7" },
      undefined,
      fakePorts([]).ports,
      new AbortController().signal,
    );
    expect(historyEntry(failed, 6)).toMatchObject({
      status: null,
      timeMs: 0,
      route: null,
      error: "Failed to fetch",
    });
  });
});
