import { describe, expect, it } from "vitest";
import {
  UNTAGGED,
  filterPickerGroups,
  groupOperationsByTag,
  groupSelection,
  pickerKeys,
  setKeys,
} from "./operation-picker";
import type { SwaggerDocument } from "./swagger-types";

const ok = { responses: { "200": { description: "OK" } } };
const definition: SwaggerDocument = {
  swagger: "2.0",
  tags: [{ name: "Users" }, { name: "Unused" }],
  paths: {
    "/pets": {
      get: { ...ok, operationId: "ListPets", summary: "List pets", tags: ["Pets", "Users"] },
      post: { ...ok, operationId: "CreatePet", tags: ["Pets"] },
    },
    "/users/{id}": { get: { ...ok, operationId: "GetUser", summary: "Get a user", tags: ["Users"] } },
    "/ping": { get: { ...ok } },
  },
};

describe("groupOperationsByTag", () => {
  it("groups by first tag, declared tags first, untagged last, empty tags left out", () => {
    const groups = groupOperationsByTag(definition);
    expect(groups.map((g) => [g.tag, g.operations.map((o) => o.operationId)])).toEqual([
      ["Users", ["GetUser"]],
      ["Pets", ["ListPets", "CreatePet"]],
      [UNTAGGED, [""]],
    ]);
    expect(groups[2]?.operations[0]).toEqual({
      key: "/paths/~1ping/get",
      path: "/ping",
      method: "get",
      operationId: "",
      summary: "",
    });
  });
});

describe("filterPickerGroups", () => {
  const groups = groupOperationsByTag(definition);
  it("keeps a whole group whose tag matches", () => {
    expect(filterPickerGroups(groups, "pets").map((g) => g.tag)).toEqual(["Pets"]);
  });
  it("matches operationId, summary, method and path, case-insensitively", () => {
    expect(pickerKeys(filterPickerGroups(groups, "a USER"))).toEqual(["/paths/~1users~1{id}/get"]);
    expect(pickerKeys(filterPickerGroups(groups, "createpet"))).toEqual(["/paths/~1pets/post"]);
    expect(pickerKeys(filterPickerGroups(groups, "get /ping"))).toEqual(["/paths/~1ping/get"]);
    expect(filterPickerGroups(groups, "  ")).toHaveLength(3);
    expect(filterPickerGroups(groups, "nothing")).toEqual([]);
  });
});

describe("selection helpers", () => {
  it("tells none, some or all of a group, and sets many keys at once", () => {
    const [, pets] = groupOperationsByTag(definition);
    if (!pets) throw new Error("no Pets group");
    const keys = pets.operations.map((o) => o.key);
    let selected: Set<string> = new Set();
    expect(groupSelection(pets, selected)).toBe("none");
    selected = setKeys(selected, [keys[0] ?? ""], true);
    expect(groupSelection(pets, selected)).toBe("some");
    selected = setKeys(selected, keys, true);
    expect(groupSelection(pets, selected)).toBe("all");
    const cleared = setKeys(selected, keys, false);
    expect(cleared.size).toBe(0);
    expect(selected.size).toBe(2);
  });
});
