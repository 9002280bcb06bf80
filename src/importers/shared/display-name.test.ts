import { describe, expect, it } from "vitest";
import { displayName, labelProperties, splitWords, summaryFromName, summaryFromTitle } from "./display-name";

describe("summaryFromName", () => {
  it.each([
    ["account_id", "Account ID"],
    ["userId", "User ID"],
    ["URL", "URL"],
    ["callbackUrl", "Callback URL"],
    ["HTTPStatus", "HTTP Status"],
    ["getHTTPStatus_v2", "Get HTTP Status V2"],
    ["page-size", "Page Size"],
    ["$filter", "Filter"],
    ["ids", "IDs"],
    ["X-Request-ID", "X Request ID"],
    ["SKU", "SKU"],
    ["playlist.name", "Playlist Name"],
    ["__", "Value"],
    ["nombreCompleto", "Nombre Completo"],
  ])("%s → %s", (name, label) => {
    expect(summaryFromName(name)).toBe(label);
  });

  it("keeps labels within the validator's summary rules", () => {
    const label = summaryFromName(`${"very_long_name_".repeat(12)}end`);
    expect(label.length).toBeLessThanOrEqual(80);
    expect(label).not.toMatch(/[/\r\n]|^\s|\s$|\.$/);
  });
});

describe("summaryFromTitle and displayName", () => {
  it("cleans a human title: no slash, line break or final full stop; at most 80 characters", () => {
    expect(summaryFromTitle("Start / end date.\n")).toBe("Start end date");
    expect(summaryFromTitle("   ")).toBeUndefined();
    expect(summaryFromTitle(42)).toBeUndefined();
    expect(summaryFromTitle("word ".repeat(40))?.length).toBeLessThanOrEqual(80);
  });

  it("prefers the title, else the name in words", () => {
    expect(displayName("account_id", "Billing account")).toBe("Billing account");
    expect(displayName("account_id", "")).toBe("Account ID");
    expect(displayName("account_id")).toBe("Account ID");
  });

  it("splits identifiers into words", () => {
    expect(splitWords("userIDList")).toEqual(["user", "ID", "List"]);
    expect(splitWords("a1B")).toEqual(["a1", "B"]);
  });
});

describe("labelProperties", () => {
  it("labels nested properties and array items, keeping existing labels and leaving $refs alone", () => {
    const schema = {
      type: "object",
      properties: {
        user_id: { type: "string" },
        tags: { type: "array", items: { type: "object", properties: { tagName: { type: "string" } } } },
        kept: { type: "string", "x-ms-summary": "Mine" },
        titled: { type: "string", title: "Shown name" },
        other: { $ref: "#/definitions/Other" },
      },
    };
    labelProperties(schema);
    expect(schema.properties.user_id).toEqual({ type: "string", "x-ms-summary": "User ID" });
    expect(schema.properties.tags.items.properties.tagName).toEqual({
      type: "string",
      "x-ms-summary": "Tag Name",
    });
    expect(schema.properties.kept["x-ms-summary"]).toBe("Mine");
    expect(schema.properties.titled).toMatchObject({ "x-ms-summary": "Shown name" });
    expect(schema.properties.other).toEqual({ $ref: "#/definitions/Other" });
  });
});
