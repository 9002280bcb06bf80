import { describe, expect, it } from "vitest";
import type { ConnectorDocument } from "../model/connector-document";
import { createEmptyConnector } from "../model/create-empty-connector";
import type { JsonObject } from "../model/json-value";
import { diffConnectors, type ConnectorChange } from "./diff-connectors";
import { diffToMarkdown } from "./diff-markdown";

function connector(paths: JsonObject, extra: JsonObject = {}): ConnectorDocument {
  const doc = createEmptyConnector("Contoso");
  return { ...doc, definition: { ...doc.definition, paths, ...extra } as ConnectorDocument["definition"] };
}

const getItem = (overrides: JsonObject = {}) => ({
  operationId: "GetItem",
  summary: "Get item",
  parameters: [
    { name: "id", in: "path", required: true, type: "string" },
    { name: "mode", in: "query", type: "string", enum: ["a", "b"] },
  ],
  responses: {
    "200": {
      description: "OK",
      schema: { type: "object", properties: { name: { type: "string" }, size: { type: "integer" } } },
    },
  },
  ...overrides,
});

const base = connector({ "/items/{id}": { get: getItem() } });

function only(changes: ConnectorChange[], breaking: boolean) {
  return changes.filter((c) => c.breaking === breaking).map((c) => c.message);
}

describe("diffConnectors", () => {
  it("finds nothing between identical versions", () => {
    expect(diffConnectors(base, base)).toEqual([]);
  });

  it("marks a removed operation as breaking and an added one as not", () => {
    const next = connector({
      "/other": { get: { operationId: "Other", responses: { "200": { description: "OK" } } } },
    });
    const changes = diffConnectors(base, next);
    expect(only(changes, true)).toContain('Operation "GetItem" was removed (GET /items/{id}).');
    expect(only(changes, false)).toContain('Operation "Other" was added (GET /other).');
  });

  it("marks a path change as breaking", () => {
    const next = connector({ "/things/{id}": { get: getItem() } });
    const changes = diffConnectors(base, next);
    expect(changes).toContainEqual(
      expect.objectContaining({
        breaking: true,
        operationId: "GetItem",
        message: "Path changed from GET /items/{id} to GET /things/{id}.",
      }),
    );
  });

  it("marks a new required parameter as breaking and a new optional one as not", () => {
    const params = getItem().parameters;
    const required = connector({
      "/items/{id}": {
        get: getItem({
          parameters: [...params, { name: "tenant", in: "header", required: true, type: "string" }],
        }),
      },
    });
    expect(only(diffConnectors(base, required), true)).toEqual([
      'New required parameter "tenant": existing flows do not set it.',
    ]);
    const optional = connector({
      "/items/{id}": {
        get: getItem({ parameters: [...params, { name: "tenant", in: "header", type: "string" }] }),
      },
    });
    expect(only(diffConnectors(base, optional), false)).toEqual(['New optional parameter "tenant".']);
    expect(only(diffConnectors(base, optional), true)).toEqual([]);
  });

  it("marks location and type changes of a parameter as breaking", () => {
    const next = connector({
      "/items/{id}": {
        get: getItem({
          parameters: [
            { name: "id", in: "path", required: true, type: "integer" },
            { name: "mode", in: "header", type: "string", enum: ["a", "b"] },
          ],
        }),
      },
    });
    const messages = only(diffConnectors(base, next), true);
    expect(messages).toContain('Parameter "id" type changed from string to integer.');
    expect(messages).toContain('Parameter "mode" location changed from query to header.');
  });

  it("marks a removed enum value as breaking and an added one as not", () => {
    const next = connector({
      "/items/{id}": {
        get: getItem({
          parameters: [
            { name: "id", in: "path", required: true, type: "string" },
            { name: "mode", in: "query", type: "string", enum: ["b", "c"] },
          ],
        }),
      },
    });
    const changes = diffConnectors(base, next);
    expect(only(changes, true)).toEqual(['"mode": enum value "a" was removed.']);
    expect(only(changes, false)).toEqual(['"mode": enum value "c" was added.']);
  });

  it("marks response properties removed or retyped as breaking, added as not", () => {
    const next = connector({
      "/items/{id}": {
        get: getItem({
          responses: {
            "200": {
              description: "OK",
              schema: {
                type: "object",
                properties: { size: { type: "string" }, colour: { type: "string" } },
              },
            },
          },
        }),
      },
    });
    const changes = diffConnectors(base, next);
    expect(only(changes, true)).toEqual([
      'Response property "name" was removed (Response 200).',
      'Response property "size" was retyped from integer to string (Response 200).',
    ]);
    expect(only(changes, false)).toEqual(['Response 200: property "colour" was added.']);
  });

  it("follows $refs and stops on recursive schemas", () => {
    const node = {
      type: "object",
      properties: { child: { $ref: "#/definitions/Node" }, name: { type: "string" } },
    };
    const before = connector(
      {
        "/n": {
          get: {
            operationId: "N",
            responses: { "200": { description: "OK", schema: { $ref: "#/definitions/Node" } } },
          },
        },
      },
      { definitions: { Node: node } },
    );
    const after = connector(
      {
        "/n": {
          get: {
            operationId: "N",
            responses: { "200": { description: "OK", schema: { $ref: "#/definitions/Node" } } },
          },
        },
      },
      { definitions: { Node: { ...node, properties: { child: { $ref: "#/definitions/Node" } } } } },
    );
    const changes = diffConnectors(before, after);
    expect(only(changes, true)).toEqual(['Response property "name" was removed (Response 200).']);
    expect(changes.some((c) => c.message === 'Schema "Node" changed.')).toBe(true);
  });

  it("marks visibility turned internal as breaking", () => {
    const next = connector({ "/items/{id}": { get: getItem({ "x-ms-visibility": "internal" }) } });
    expect(only(diffConnectors(base, next), true)).toEqual([
      "Visibility turned internal: the action disappears from the designer for existing flows.",
    ]);
    const advanced = connector({ "/items/{id}": { get: getItem({ "x-ms-visibility": "advanced" }) } });
    expect(only(diffConnectors(base, advanced), true)).toEqual([]);
  });

  it("reports authentication and policy changes", () => {
    const withKey = connector(
      { "/items/{id}": { get: getItem() } },
      { securityDefinitions: { key: { type: "apiKey", in: "header", name: "X-Key" } } },
    );
    const withBasic = connector(
      { "/items/{id}": { get: getItem() } },
      { securityDefinitions: { key: { type: "basic" } } },
    );
    expect(only(diffConnectors(withKey, withBasic), true)).toEqual([
      'Authentication "key" changed type from apiKey to basic. Existing connections will need to be re-created.',
    ]);
    const withPolicy: ConnectorDocument = {
      ...withKey,
      properties: {
        properties: {
          policyTemplateInstances: [{ templateId: "setheader", title: "Add header", parameters: {} }],
        },
      },
    };
    expect(only(diffConnectors(withKey, withPolicy), false)).toContain('Policy "Add header" was added.');
  });

  describe("authentication changes break existing connections", () => {
    const token = (oAuthSettings: JsonObject, uiDefinition: JsonObject = {}): JsonObject => ({
      type: "oauthSetting",
      oAuthSettings: {
        clientId: "abc",
        redirectUrl: "https://global.consent.azure-apim.net/redirect",
        ...oAuthSettings,
      },
      uiDefinition,
    });
    const withParams = (connectionParameters: JsonObject): ConnectorDocument => ({
      ...base,
      properties: { properties: { connectionParameters } },
    });
    const before = withParams({
      token: token({ identityProvider: "aad", scopes: ["Mail.Read", "User.Read"] }),
      site: { type: "string", uiDefinition: { constraints: { required: "false" } } },
    });

    it("a removed OAuth scope is breaking and named; an added one is not", () => {
      const after = withParams({
        token: token({ identityProvider: "aad", scopes: ["User.Read", "Files.Read"] }),
        site: { type: "string", uiDefinition: { constraints: { required: "false" } } },
      });
      const changes = diffConnectors(before, after);
      expect(only(changes, true)).toEqual([
        'Connection parameter "token": the OAuth scope "Mail.Read" was removed. Existing connections will need to be re-authenticated. Actions that need the scope will fail.',
      ]);
      const removed = changes.find((c) => c.breaking);
      // The pointer names the new scope list; the old one names the removed entry (a diff shows both lines).
      expect(removed?.path).toBe("/properties/connectionParameters/token/oAuthSettings/scopes");
      expect(removed?.oldPath).toBe("/properties/connectionParameters/token/oAuthSettings/scopes/0");
      expect(only(changes, false)).toEqual([
        'Connection parameter "token": the OAuth scope "Files.Read" was added. Existing connections get it only when they are re-authenticated.',
      ]);
    });

    it("a new identity provider or a parameter made required is breaking", () => {
      const after = withParams({
        token: token({ identityProvider: "oauth2", scopes: ["Mail.Read", "User.Read"] }),
        site: { type: "string", uiDefinition: { constraints: { required: "true" } } },
      });
      expect(only(diffConnectors(before, after), true)).toEqual([
        'Connection parameter "token": the identity provider changed from "aad" to "oauth2". Existing connections will need to be re-created.',
        'Connection parameter "site" is now required. Existing connections will need to be re-created.',
      ]);
    });

    it("a scope removed from an OAuth security definition is breaking", () => {
      const oauth = (scopes: JsonObject) =>
        connector(
          { "/items/{id}": { get: getItem() } },
          {
            securityDefinitions: {
              oauth2: {
                type: "oauth2",
                flow: "accessCode",
                authorizationUrl: "https://a",
                tokenUrl: "https://t",
                scopes,
              },
            },
          },
        );
      expect(
        only(diffConnectors(oauth({ "Mail.Read": "", "User.Read": "" }), oauth({ "User.Read": "" })), true),
      ).toEqual([
        'Authentication "oauth2": the OAuth scope "Mail.Read" was removed. Existing connections will need to be re-authenticated. Actions that need the scope will fail.',
      ]);
    });

    it("other edits of a connection parameter stay one plain change", () => {
      const after = withParams({
        token: {
          ...token({ identityProvider: "aad", scopes: ["Mail.Read", "User.Read"] }),
          uiDefinition: { displayName: "Sign in" },
        },
        site: { type: "string", uiDefinition: { constraints: { required: "false" } } },
      });
      const changes = diffConnectors(before, after);
      expect(only(changes, true)).toEqual([]);
      expect(only(changes, false)).toEqual(['Connection parameter "token" changed.']);
    });
  });

  it("renders Markdown with breaking changes first", () => {
    const next = connector({});
    const markdown = diffToMarkdown(diffConnectors(base, next), { old: "v1", new: "v2" });
    expect(markdown).toContain("**1 breaking**");
    expect(markdown).toContain("### Breaking changes");
    expect(markdown).toContain(
      '| GetItem | operation | Operation "GetItem" was removed (GET /items/{id}). | `/paths/~1items~1{id}/get` |',
    );
  });

  describe("schemas that reference each other many levels deep", () => {
    /**
     * `levels` definitions, each with `fanOut` properties referencing the next one; the last has plain
     * properties. The response of one operation references the first: `fanOut ** levels` paths. 12 × 10 is about
     * 10 KB of JSON and 10^12 paths.
     */
    function layered(levels: number, fanOut: number, leaf: JsonObject): ConnectorDocument {
      const definitions: JsonObject = {};
      for (let level = 0; level < levels; level++) {
        const properties: JsonObject = {};
        for (let i = 0; i < fanOut; i++)
          properties[`p${i}`] = level === levels - 1 ? leaf : { $ref: `#/definitions/Level${level + 1}` };
        definitions[`Level${level}`] = { type: "object", properties };
      }
      const op = getItem({
        responses: { "200": { description: "OK", schema: { $ref: "#/definitions/Level0" } } },
        parameters: [{ name: "body", in: "body", schema: { $ref: "#/definitions/Level0" } }],
      });
      return connector({ "/items/{id}": { get: op } }, { definitions });
    }

    it("compares the 12 × 10 definition with itself and a small change at once, each pair once", () => {
      const before = layered(12, 10, { type: "string" });
      expect(JSON.stringify(before.definition).length).toBeLessThan(12_000);
      expect(diffConnectors(before, before)).toEqual([]);
      // A change at the top: everything below is the same and compared once.
      const after = structuredClone(before);
      (after.definition.definitions as JsonObject).Level0 = {
        type: "object",
        properties: {
          ...((before.definition.definitions as JsonObject).Level0 as { properties: JsonObject }).properties,
          extra: { type: "string" },
        },
      };
      const changes = diffConnectors(before, after);
      expect(changes.some((c) => c.incomplete)).toBe(false);
      expect(changes.map((c) => c.message)).toContain('Response 200: property "extra" was added.');
    });

    it('says "too deep to compare fully" for a change at the bottom of 12 × 10, within its node budget', () => {
      const before = layered(12, 10, { type: "string" });
      const after = layered(12, 10, { type: "integer" });
      const changes = diffConnectors(before, after);
      const notices = changes.filter((c) => c.incomplete);
      expect(notices.map((c) => c.message)).toEqual([
        "Request body: too deep to compare fully (stopped after 2048 schema nodes); the changes listed under it may be incomplete, compare the rest by hand.",
        "Response 200: too deep to compare fully (stopped after 2048 schema nodes); the changes listed under it may be incomplete, compare the rest by hand.",
      ]);
      expect(notices.every((c) => !c.breaking)).toBe(true);
      // What it did compare is reported: the retyped leaves it reached, a bounded number of them.
      expect(
        changes.some((c) => /Response property "p0" was retyped from string to integer/.test(c.message)),
      ).toBe(true);
      expect(changes.length).toBeLessThanOrEqual(2 * 2048 + 2);
    });

    it("stops a diff that finishes but repeats itself: 5 × 10 changed at the bottom is 10^6 changes without a budget", () => {
      const changes = diffConnectors(layered(5, 10, { type: "string" }), layered(5, 10, { type: "integer" }));
      expect(changes.filter((c) => c.incomplete)).toHaveLength(2);
      expect(changes.length).toBeLessThanOrEqual(2 * 2048 + 2);
    });
  });
});
