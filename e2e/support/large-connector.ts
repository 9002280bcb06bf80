import { expect, type Page } from "@playwright/test";
import { dropFiles, type TestFile } from "./drop-files";
import { connectorsNav } from "./workspace";

/**
 * A generated connector as large as the largest published one (219 operations, about 40 lines each in the
 * Swagger editor), valid enough to import as it is: no corpus file needed. Operation `i` is `GET /items{i}`,
 * `ListItems{i}`, "List items of collection {i}".
 */
export function largeConnector(title: string, operations = 219): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (let i = 0; i < operations; i++) {
    paths[`/items${i}`] = {
      get: {
        operationId: `ListItems${i}`,
        summary: `List items of collection ${i}`,
        description: `Lists the items of collection ${i}, newest first.`,
        parameters: [
          {
            name: "top",
            in: "query",
            type: "integer",
            "x-ms-summary": "Top",
            description: "How many items.",
          },
          {
            name: "skip",
            in: "query",
            type: "integer",
            "x-ms-summary": "Skip",
            description: "Items to skip.",
          },
        ],
        responses: {
          "200": {
            description: "OK",
            schema: {
              type: "object",
              properties: {
                id: { type: "string", "x-ms-summary": "ID", description: "The item's ID." },
                name: { type: "string", "x-ms-summary": "Name", description: "The item's name." },
              },
            },
          },
        },
      },
    };
  }
  return {
    swagger: "2.0",
    info: { title, description: `${title}, generated for the workbench tests`, version: "1.0" },
    host: "lists.fabrikam.io",
    basePath: "/",
    schemes: ["https"],
    consumes: [],
    produces: ["application/json"],
    paths,
    definitions: { Item: { type: "object", properties: { id: { type: "string" } } } },
    parameters: {},
    responses: {},
    securityDefinitions: {},
    security: [],
    tags: [],
  };
}

/** Drops {@link largeConnector} on the window and waits until it is the open connector. */
export async function importLargeConnector(page: Page, title: string, operations = 219): Promise<void> {
  const bytes = new TextEncoder().encode(JSON.stringify(largeConnector(title, operations)));
  await dropFiles(page, [{ name: `${title}.swagger.json`, bytes, mimeType: "application/json" }]);
  await expect(connectorsNav(page).getByRole("button", { name: new RegExp(`^${title} `) })).toHaveAttribute(
    "aria-current",
    "true",
  );
}

const TAGS = ["Core", "Utility", "Mgmt", "DynamicSchema", "Convert"];
const VERBS = ["Convert", "Merge", "Extract", "Update", "Get"];

/** An object schema of `count` documented string, integer and boolean properties. */
function wideSchema(prefix: string, count: number): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (let p = 0; p < count; p++) {
    const type = p % 3 === 0 ? "integer" : p % 3 === 1 ? "string" : "boolean";
    properties[`${prefix}Field${p}`] = {
      type,
      "x-ms-summary": `${prefix} field ${p}`,
      description: `Field ${p} of ${prefix}: what it holds and which values the service accepts for it.`,
    };
  }
  return { type: "object", required: [`${prefix}Field1`], properties };
}

/**
 * A connector package as large as the largest published one (the Encodian package: 219 operations, mostly
 * POST with a request and a response definition of their own, over 1 MB of definition, API key connection),
 * generated so that the e2e tests need no corpus. Operation `i` is `{verb}Item{i}` ("{Verb} item {i}") on
 * `POST /api/{tag}/item{i}`, every fifth one a GET; its request and response are `Item{i}Request` and
 * `Item{i}Response`.
 */
export function largeConnectorPackage(title: string, operations = 219): TestFile[] {
  const paths: Record<string, unknown> = {};
  const definitions: Record<string, unknown> = {};
  for (let i = 0; i < operations; i++) {
    const tag = TAGS[i % TAGS.length] ?? "Core";
    const verb = VERBS[i % VERBS.length] ?? "Get";
    const isGet = i % 5 === 4;
    const request = `Item${i}Request`;
    const response = `Item${i}Response`;
    if (!isGet) definitions[request] = wideSchema(`request${i}`, 12);
    definitions[response] = wideSchema(`response${i}`, 10);
    paths[`/api/${tag.toLowerCase()}/item${i}`] = {
      [isGet ? "get" : "post"]: {
        operationId: `${verb}Item${i}`,
        summary: `${verb} item ${i}`,
        description: `${verb}s item ${i} of the ${tag} group and returns what the service made of it.`,
        tags: [tag],
        consumes: isGet ? [] : ["application/json"],
        produces: ["application/json"],
        parameters: isGet
          ? [
              {
                name: "id",
                in: "query",
                required: true,
                type: "string",
                "x-ms-summary": "ID",
                description: "The item's ID.",
              },
            ]
          : [{ name: "body", in: "body", required: true, schema: { $ref: `#/definitions/${request}` } }],
        responses: {
          "200": { description: "OK", schema: { $ref: `#/definitions/${response}` } },
          "400": { description: "Bad request" },
        },
      },
    };
  }
  const definition = {
    swagger: "2.0",
    info: {
      title,
      description: `${title}, generated as large as the largest published connector`,
      version: "1.0",
    },
    host: "api.fabrikam-documents.com",
    basePath: "/",
    schemes: ["https"],
    consumes: [],
    produces: [],
    paths,
    definitions,
    parameters: {},
    responses: {},
    securityDefinitions: { API_Key: { type: "apiKey", in: "header", name: "x-ApiKey" } },
    security: [{ API_Key: [] }],
    tags: TAGS.map((name) => ({ name })),
  };
  const properties = {
    properties: {
      capabilities: ["actions"],
      publisher: "Fabrikam",
      stackOwner: "Fabrikam",
      connectionParameters: {
        api_key: {
          type: "securestring",
          uiDefinition: {
            displayName: "API Key",
            description: "The API key of your Fabrikam account",
            tooltip: "Provide your API key",
            constraints: { tabIndex: 2, clearText: false, required: "true" },
          },
        },
      },
      iconBrandColor: "#da3b01",
    },
  };
  const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value, null, 2));
  return [
    { name: "apiDefinition.swagger.json", bytes: encode(definition), mimeType: "application/json" },
    { name: "apiProperties.json", bytes: encode(properties), mimeType: "application/json" },
  ];
}
