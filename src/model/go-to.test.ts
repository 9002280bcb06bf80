import { describe, expect, it } from "vitest";
import type { ConnectorDocument } from "./connector-document";
import { createEmptyConnector } from "./create-empty-connector";
import { goToTargets, searchGoTo } from "./go-to";
import type { SwaggerDocument } from "./swagger-types";

function makeDoc(): ConnectorDocument {
  const doc = createEmptyConnector("Tickets");
  return {
    ...doc,
    definition: {
      ...doc.definition,
      paths: {
        "/tickets": {
          get: {
            operationId: "ListTickets",
            summary: "List tickets",
            parameters: [{ name: "status", in: "query", type: "string", "x-ms-summary": "Status" }],
            responses: { "200": { description: "OK" } },
          },
          post: { operationId: "CreateTicket", summary: "Create a ticket", responses: {} },
        },
        "/tickets/{id}": {
          get: { operationId: "GetTicket", summary: "Get a ticket", responses: {} },
        },
        "/hooks": {
          post: {
            operationId: "OnTicket",
            summary: "When a ticket is created",
            "x-ms-trigger": "single",
            responses: {},
          },
        },
      },
      definitions: { Ticket: { type: "object" }, "Ticket list": { type: "array" } },
      securityDefinitions: { oauth2_auth: { type: "oauth2" } },
    } as SwaggerDocument,
    properties: {
      properties: {
        connectionParameters: { token: { type: "oauthSetting" } },
        policyTemplateInstances: [{ templateId: "setheader", title: "Set the API version", parameters: {} }],
      },
    },
  };
}

describe("goToTargets", () => {
  it("lists steps, operations, definitions, parameters, policies and settings with where they are", () => {
    const targets = goToTargets(makeDoc());
    const byId = new Map(targets.map((t) => [t.id, t]));
    expect(targets.slice(0, 6).map((t) => t.label)).toEqual([
      "General",
      "Security",
      "Definition",
      "Code",
      "Test",
      "Review",
    ]);
    expect(byId.get("op:/paths/~1tickets/get")).toMatchObject({
      kind: "operation",
      label: "List tickets",
      detail: "GET /tickets · ListTickets",
      step: "definition",
      file: "apiDefinition.swagger.json",
    });
    expect(byId.get("param:/paths/~1tickets/get/parameters/0")).toMatchObject({
      label: "Status (status)",
      detail: "query parameter of List tickets",
    });
    expect(byId.get("ref:/definitions/Ticket list")?.path).toBe("/definitions/Ticket list");
    expect(byId.get("policy:0")).toMatchObject({
      label: "Set the API version",
      file: "apiProperties.json",
      path: "/properties/policyTemplateInstances/0",
    });
    expect(targets.find((t) => t.label === "Host")).toMatchObject({ step: "general", path: "/host" });
    expect(targets.find((t) => t.label === "token")).toMatchObject({
      step: "security",
      detail: "Connection parameter",
    });
    expect(targets.find((t) => t.label === "oauth2_auth")).toMatchObject({ step: "security" });
    expect(new Set(targets.map((t) => t.id)).size).toBe(targets.length);
  });
});

describe("searchGoTo", () => {
  const targets = goToTargets(makeDoc());
  const labels = (query: string) => searchGoTo(targets, query).map((t) => t.label);

  it("finds operations by summary, operationId, and method with path", () => {
    expect(labels("list tickets")[0]).toBe("List tickets");
    expect(labels("GetTicket")[0]).toBe("Get a ticket");
    expect(labels("post /tickets")).toEqual(["Create a ticket"]);
    expect(labels("get /tickets/{id}")).toEqual(["Get a ticket"]);
  });

  it("ranks a whole label above a prefix, a prefix above a word start, a label above a detail", () => {
    expect(labels("ticket")[0]).toBe("Ticket");
    expect(labels("ticket").slice(0, 2)).toEqual(["Ticket", "Ticket list"]);
    // "Ticket" is in many labels; the operations whose detail only has it come after them.
    const order = labels("ticket");
    expect(order.indexOf("Get a ticket")).toBeLessThan(order.indexOf("Status (status)"));
  });

  it("matches every word, in any order, case-insensitively", () => {
    expect(labels("TICKET created")).toEqual(["When a ticket is created"]);
    expect(labels("created ticket")).toEqual(["When a ticket is created"]);
    expect(labels("nothing like this")).toEqual([]);
  });

  it("finds steps, policies and settings, and gives the first targets for an empty query", () => {
    expect(labels("review")[0]).toBe("Review");
    expect(labels("api version")).toEqual(["Set the API version"]);
    expect(labels("host")[0]).toBe("Host");
    expect(searchGoTo(targets, "  ", 3).map((t) => t.label)).toEqual(["General", "Security", "Definition"]);
  });

  it("keeps to the limit", () => {
    expect(searchGoTo(targets, "t", 2)).toHaveLength(2);
  });
});
