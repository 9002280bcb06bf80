import { describe, expect, it } from "vitest";
import { countOpenApiOperations, countPostmanRequests } from "./input-count";

describe("input counts for the import report's headline", () => {
  it("counts Postman requests in nested folders (v2) and in v1 collections", () => {
    const v2 = {
      info: { name: "C" },
      item: [
        { name: "a", request: { url: "https://x" } },
        {
          name: "folder",
          item: [
            { name: "b", request: "https://y" },
            { name: "sub", item: [{ request: {} }] },
          ],
        },
      ],
    };
    expect(countPostmanRequests(v2)).toBe(3);
    expect(countPostmanRequests({ requests: [{}, {}] })).toBe(2);
    expect(countPostmanRequests(null)).toBe(0);
  });
  it("counts OpenAPI 3 operations", () => {
    expect(
      countOpenApiOperations({ paths: { "/a": { get: {}, post: {}, parameters: [] }, "/b": { trace: {} } } }),
    ).toBe(3);
    expect(countOpenApiOperations({})).toBe(0);
  });
});
