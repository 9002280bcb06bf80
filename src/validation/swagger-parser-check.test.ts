import { describe, expect, it, vi } from "vitest";
import { validConnector, withDefinition } from "./__fixtures__/connector-fixture";
import { checkWithSwaggerParser } from "./swagger-parser-check";
import { validateConnectorSync } from "./validate-connector";

describe("swagger-parser baseline", () => {
  it("accepts the valid fixture", async () => {
    expect(await checkWithSwaggerParser(validConnector().definition)).toEqual([]);
  });

  it("names an external $ref's URL and never requests it", async () => {
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    const url = "http://127.0.0.1:4999/evil.json#/Item";
    const doc = withDefinition("/paths/~1lists/get/responses/200/schema/$ref", url);
    const result = await checkWithSwaggerParser(doc.definition);
    expect(result[0]?.message).toContain("http://127.0.0.1:4999/evil.json");
    expect(fetchSpy).not.toHaveBeenCalled();
    // The rule engine reports the same place, with the URL, without swagger-parser.
    expect(validateConnectorSync(doc).find((d) => d.ruleId === "SchemaReferenceNotValid")?.message).toContain(
      url,
    );
    fetchSpy.mockRestore();
  });

  it("the rule engine catches what swagger-parser's spec checks catch", async () => {
    const faults = [
      withDefinition("/paths/~1lists~1{listId}~1tasks/get/parameters", []),
      withDefinition("/paths/~1lists~1{listId}~1tasks/post/operationId", "GetTasks"),
      withDefinition("/paths/~1lists~1{listId}~1tasks/get/parameters/2", {
        name: "top",
        in: "query",
        type: "integer",
      }),
      withDefinition("/paths/~1lists/get/responses/200/schema/$ref", "#/definitions/Nope"),
      withDefinition("/paths/~1lists~1{listId}~1tasks/get/parameters/1", {
        name: "ids",
        in: "query",
        type: "array",
      }),
    ];
    for (const doc of faults) {
      expect(await checkWithSwaggerParser(doc.definition)).toHaveLength(1);
      expect(validateConnectorSync(doc).some((d) => d.severity === "error")).toBe(true);
    }
  });
});
