// Small connector packages for the Test step's e2e tests, pointed at the loopback fixture APIs.

export interface Package {
  definition: Record<string, unknown>;
  properties: Record<string, unknown>;
}

function base(
  title: string,
  host: string,
  paths: Record<string, unknown>,
  security: Record<string, unknown>,
) {
  return {
    swagger: "2.0",
    info: { title, description: `${title} for the Test step`, version: "1.0" },
    host,
    basePath: "/v1",
    schemes: ["http"],
    consumes: [],
    produces: ["application/json"],
    paths,
    definitions: {},
    parameters: {},
    responses: {},
    securityDefinitions: security,
    security: [],
    tags: [],
  };
}

/** API key in a header, on the API without CORS: items, upload, a schema mismatch and an oversize answer. */
export function apiKeyHeaderConnector(host: string): Package {
  return {
    definition: base(
      "Relay Tasks",
      host,
      {
        "/items": {
          get: {
            operationId: "ListItems",
            summary: "List items",
            parameters: [
              { name: "top", in: "query", type: "integer", default: 2, "x-ms-summary": "Page size" },
              { name: "order", in: "query", type: "string", enum: ["asc", "desc"], "x-ms-summary": "Order" },
            ],
            responses: { "200": { description: "OK" } },
          },
        },
        "/items/{id}": {
          get: {
            operationId: "GetItem",
            summary: "Get an item",
            parameters: [
              {
                name: "id",
                in: "path",
                type: "integer",
                required: true,
                "x-ms-summary": "Item",
                "x-ms-dynamic-values": {
                  operationId: "ListItems",
                  "value-path": "id",
                  "value-title": "name",
                },
              },
            ],
            responses: { "200": { description: "OK" } },
          },
        },
        "/upload": {
          post: {
            operationId: "UploadFile",
            summary: "Upload a file",
            consumes: ["multipart/form-data"],
            parameters: [
              { name: "file", in: "formData", type: "file", required: true, "x-ms-summary": "Document" },
              { name: "note", in: "formData", type: "string", "x-ms-summary": "Note" },
            ],
            responses: { "200": { description: "OK" } },
          },
        },
        "/mismatch": {
          get: {
            operationId: "GetThing",
            summary: "Get a thing",
            parameters: [],
            responses: {
              "200": {
                description: "OK",
                schema: {
                  type: "object",
                  required: ["id", "name"],
                  properties: {
                    id: { type: "integer" },
                    name: { type: "string" },
                    tags: { type: "array", items: { type: "string" } },
                  },
                },
              },
            },
          },
        },
        "/big": {
          get: {
            operationId: "GetBig",
            summary: "Download a big file",
            parameters: [],
            responses: { "200": { description: "OK" } },
          },
        },
        "/slow": {
          get: {
            operationId: "GetSlow",
            summary: "Wait a while",
            parameters: [],
            responses: { "200": { description: "OK" } },
          },
        },
      },
      { api_key: { type: "apiKey", in: "header", name: "X-Api-Key" } },
    ),
    properties: {
      properties: {
        connectionParameters: {
          api_key: {
            type: "securestring",
            uiDefinition: {
              displayName: "Tasks API key",
              description: "The key from your Tasks profile",
              tooltip: "Provide your API key",
              constraints: { tabIndex: 2, clearText: false, required: "true" },
            },
          },
        },
        iconBrandColor: "#007ee5",
        capabilities: [],
        publisher: "Connector Studio tests",
        stackOwner: "Connector Studio tests",
      },
    },
  };
}

/** API key in the query, on the API with CORS. */
export function apiKeyQueryConnector(host: string): Package {
  return {
    definition: base(
      "Cors Search",
      host,
      {
        "/search": {
          get: {
            operationId: "Search",
            summary: "Search",
            parameters: [
              { name: "q", in: "query", type: "string", required: true, "x-ms-summary": "Search text" },
            ],
            responses: { "200": { description: "OK" } },
          },
        },
      },
      { api_key: { type: "apiKey", in: "query", name: "code" } },
    ),
    properties: {
      properties: {
        connectionParameters: {
          api_key: {
            type: "securestring",
            uiDefinition: {
              displayName: "Search code",
              description: "The search code",
              tooltip: "Provide your code",
              constraints: { tabIndex: 2, clearText: false, required: "true" },
            },
          },
        },
      },
    },
  };
}

/** Basic authentication, on the API without CORS. */
export function basicConnector(host: string): Package {
  return {
    definition: base(
      "Basic Me",
      host,
      {
        "/me": {
          get: {
            operationId: "WhoAmI",
            summary: "Who am I",
            parameters: [],
            responses: {
              "200": {
                description: "OK",
                schema: { type: "object", properties: { user: { type: "string" } } },
              },
            },
          },
        },
      },
      { basic_auth: { type: "basic" } },
    ),
    properties: {
      properties: {
        connectionParameters: {
          username: {
            type: "securestring",
            uiDefinition: {
              displayName: "Account name",
              description: "The account name",
              tooltip: "Provide your account name",
              constraints: { tabIndex: 2, clearText: true, required: "true" },
            },
          },
          password: {
            type: "securestring",
            uiDefinition: {
              displayName: "Account password",
              description: "The password",
              tooltip: "Provide your password",
              constraints: { tabIndex: 3, clearText: false, required: "true" },
            },
          },
        },
      },
    },
  };
}

/** OAuth 2.0 (authorization code) against oauth2-mock-server, on the API without CORS. */
export function oauthConnector(host: string, issuer: string): Package {
  return {
    definition: base(
      "OAuth Profile",
      host,
      {
        "/profile": {
          get: {
            operationId: "GetProfile",
            summary: "Get my profile",
            parameters: [],
            responses: { "200": { description: "OK" } },
          },
        },
      },
      {
        oauth2_auth: {
          type: "oauth2",
          flow: "accessCode",
          authorizationUrl: `${issuer}/authorize`,
          tokenUrl: `${issuer}/token`,
          scopes: { "profile.read": "profile.read" },
        },
      },
    ),
    properties: {
      properties: {
        connectionParameters: {
          token: {
            type: "oauthSetting",
            oAuthSettings: {
              identityProvider: "oauth2",
              clientId: "connector-studio-e2e",
              scopes: ["profile.read"],
              redirectMode: "Global",
              redirectUrl: "https://global.consent.azure-apim.net/redirect",
              properties: { IsFirstParty: "False" },
              customParameters: {
                authorizationUrl: { value: `${issuer}/authorize` },
                tokenUrl: { value: `${issuer}/token` },
                refreshUrl: { value: `${issuer}/token` },
              },
            },
          },
        },
      },
    },
  };
}

/**
 * Two authentication options (connectionParameterSets), as published connectors such as Open Data Network
 * declare them: each option is named like its security definition. The first is an API key in a header, the
 * second basic authentication; both share a plain "Region" parameter.
 */
export function twoOptionConnector(host: string): Package {
  const region = {
    type: "string",
    uiDefinition: {
      displayName: "Region",
      description: "Where the account lives",
      constraints: { required: "false" },
    },
  };
  return {
    definition: base(
      "Two Ways",
      host,
      {
        "/account": {
          get: {
            operationId: "GetAccount",
            summary: "Get the account",
            parameters: [],
            responses: { "200": { description: "OK" } },
          },
        },
      },
      {
        "key-auth": { type: "apiKey", in: "header", name: "X-Api-Key" },
        "basic-auth": { type: "basic" },
      },
    ),
    properties: {
      properties: {
        connectionParameters: {},
        connectionParameterSets: {
          uiDefinition: { displayName: "Authentication type", description: "How to sign in" },
          values: [
            {
              name: "key-auth",
              uiDefinition: { displayName: "Account key", description: "Use the account key" },
              parameters: {
                api_key: {
                  type: "securestring",
                  uiDefinition: {
                    displayName: "Account key",
                    description: "The key from your profile",
                    constraints: { required: "true" },
                  },
                },
                region,
              },
            },
            {
              name: "basic-auth",
              uiDefinition: { displayName: "User name and password", description: "Use your sign-in" },
              parameters: {
                username: {
                  type: "securestring",
                  uiDefinition: { displayName: "User name", constraints: { required: "true" } },
                },
                password: {
                  type: "securestring",
                  uiDefinition: { displayName: "Password", constraints: { required: "true" } },
                },
                region,
              },
            },
          ],
        },
        iconBrandColor: "#007ee5",
        capabilities: [],
        publisher: "Connector Studio tests",
        stackOwner: "Connector Studio tests",
      },
    },
  };
}

/**
 * An API key or an OAuth 2.0 sign-in (oauth2-mock-server), on the API without CORS. The option ids differ from
 * the security definition keys, so each option's scheme is the definition its parameters can fill.
 */
export function keyOrOAuthConnector(host: string, issuer: string): Package {
  const pkg = oauthConnector(host, issuer);
  const definition = {
    ...pkg.definition,
    info: { title: "Key Or Sign In", description: "Two ways to call the profile", version: "1.0" },
    securityDefinitions: {
      api_key: { type: "apiKey", in: "header", name: "X-Api-Key" },
      ...(pkg.definition.securityDefinitions as Record<string, unknown>),
    },
  };
  const token = (pkg.properties.properties as { connectionParameters: { token: unknown } })
    .connectionParameters.token;
  return {
    definition,
    properties: {
      properties: {
        connectionParameters: {},
        connectionParameterSets: {
          uiDefinition: { displayName: "Sign-in method", description: "How to call the API" },
          values: [
            {
              name: "keyOption",
              uiDefinition: { displayName: "Profile key", description: "A key from your profile" },
              parameters: {
                api_key: {
                  type: "securestring",
                  uiDefinition: { displayName: "Profile key", constraints: { required: "true" } },
                },
              },
            },
            {
              name: "signInOption",
              uiDefinition: { displayName: "Work account", description: "Sign in with your work account" },
              parameters: { token },
            },
          ],
        },
      },
    },
  };
}

/** No authentication: operations whose answers are active content (SVG, HTML) or a PNG. */
export function mediaConnector(host: string): Package {
  const get = (operationId: string, summary: string) => ({
    get: { operationId, summary, parameters: [], responses: { "200": { description: "OK" } } },
  });
  return {
    definition: base(
      "Media Answers",
      host,
      {
        "/media/svg": get("GetSvg", "Get an SVG"),
        "/media/page": get("GetPage", "Get a page"),
        "/media/png": get("GetPng", "Get a PNG"),
      },
      {},
    ),
    properties: { properties: { publisher: "Connector Studio tests", stackOwner: "Connector Studio tests" } },
  };
}
