import { describe, expect, it } from "vitest";
import { validConnector, withDefinition } from "../__fixtures__/connector-fixture";
import { validateConnectorSync } from "../validate-connector";

const op = { get: { operationId: "X", responses: { "200": { description: "OK" } } } };

function messagesOf(ruleId: string, doc = validConnector()): string[] {
  return validateConnectorSync(doc)
    .filter((d) => d.ruleId === ruleId)
    .map((d) => d.message);
}

describe("each rule gives the advice that fixes it", () => {
  it("a ? in a path: declare query parameters", () => {
    const [message] = messagesOf(
      "OperationPathMayNotContainQueryOrFragment",
      withDefinition("/paths/~1items?x=1", op),
    );
    expect(message).toContain("query parameters");
  });
  it("a # in a path: remove the fragment, never 'declare query parameters'", () => {
    const [message] = messagesOf(
      "OperationPathMayNotContainQueryOrFragment",
      withDefinition("/paths/~1items#v2", op),
    );
    expect(message).toContain("never sent to the server");
    expect(message).not.toContain("query parameters");
  });
  it("too many operations: points to Choose operations to keep", () => {
    const paths: Record<string, unknown> = {};
    for (let i = 0; i < 257; i++) paths[`/items${i}`] = { get: { ...op.get, operationId: `Get${i}` } };
    const [message] = messagesOf("TotalOperationsCountExceedsMaxAllowed", withDefinition("/paths", paths));
    expect(message).toContain("Choose operations to keep");
  });
  it("over 1 MB only with indentation: a note with nothing to do, never 'export it minified'", () => {
    let nested: unknown = "x";
    for (let i = 0; i < 40; i++) nested = { a: nested };
    const definitions: Record<string, unknown> = {};
    for (let i = 0; i < 1500; i++) definitions[`D${i}`] = { type: "object", "x-deep": nested };
    const found = validateConnectorSync(withDefinition("/definitions", definitions)).filter(
      (d) => d.ruleId === "DefinitionSizeExceedsMaxAllowed",
    );
    expect(found.map((d) => d.severity)).toEqual(["info"]);
    expect(found[0]?.message).toContain("The platform counts the minified size");
    expect(found[0]?.message).not.toMatch(/export it minified/i);
  });
  it("over 1 MB minified: an error that points to removing definitions or operations", () => {
    const found = validateConnectorSync(
      withDefinition("/definitions/Task/description", "x".repeat(1100 * 1024)),
    ).filter((d) => d.ruleId === "DefinitionSizeExceedsMaxAllowed");
    expect(found.map((d) => d.severity)).toEqual(["error"]);
    expect(found[0]?.message).toContain("Choose operations to keep");
  });
});
