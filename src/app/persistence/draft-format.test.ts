import { describe, expect, it } from "vitest";
import { createEmptyConnector } from "../../model/create-empty-connector";
import { decodeDraft, encodeDraft, isNewerDraft, DRAFT_VERSION } from "./draft-format";

const meta = { savedAt: 1_700_000_000_000, saveCount: 3, owner: "tab-a" };

describe("draft format", () => {
  it("round-trips a connector with icon, script and settings", () => {
    const doc = {
      ...createEmptyConnector("Contoso"),
      script: "public class Script : ScriptBase {}",
      icon: { bytes: new Uint8Array([137, 80, 78, 71]), mediaType: "image/png" },
      settings: { apiDefinition: "apiDefinition.swagger.json", environment: "preview" },
    };
    const record = encodeDraft("c1", doc, meta);
    expect(record.name).toBe("Contoso");
    expect(record.version).toBe(DRAFT_VERSION);
    const decoded = decodeDraft(structuredClone(record));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.doc).toEqual(doc);
    expect(decoded.record.saveCount).toBe(3);
  });

  it("keeps the review notes and sign-offs beside the files, not in them; a damaged review is dropped", () => {
    const doc = createEmptyConnector("Contoso");
    const review = {
      notes: [{ id: "n1", target: { kind: "connector" as const }, text: "Check the icon.", at: 1 }],
      signOffs: [{ itemId: "flows", label: "Tested in flows", at: 2 }],
    };
    const record = encodeDraft("c1", doc, { ...meta, review });
    expect(record.definition).not.toContain("Check the icon.");
    expect(record.properties).not.toContain("Check the icon.");
    const decoded = decodeDraft(structuredClone(record));
    expect(decoded.ok && decoded.record.review).toEqual(review);
    // No notes: nothing stored (as in drafts of earlier builds, which still read).
    expect("review" in encodeDraft("c1", doc, { ...meta, review: { notes: [], signOffs: [] } })).toBe(false);
    const damaged = decodeDraft({ ...record, review: { notes: "x" } });
    expect(damaged.ok && damaged.record.review).toBeUndefined();
  });

  it("never stores an OAuth client secret", () => {
    const doc = createEmptyConnector();
    const withSecret = {
      ...doc,
      properties: {
        properties: {
          connectionParameters: {
            token: { type: "oauthSetting", oAuthSettings: { clientId: "abc", clientSecret: "s3cr3t-value" } },
          },
        },
      },
    };
    const record = encodeDraft("c4", withSecret, meta);
    expect(record.properties).not.toContain("s3cr3t-value");
    expect(record.properties).toContain('"clientId":"abc"');
  });

  it("reports a record that is not a draft instead of throwing", () => {
    const decoded = decodeDraft({ id: "x", name: "Broken", format: "connector-studio/draft", version: 1 });
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.id).toBe("x");
    expect(decoded.reason).toMatch(/not a valid draft/);
  });

  it("reports a draft whose JSON text is damaged, with the file name", () => {
    const record = { ...encodeDraft("c2", createEmptyConnector(), meta), definition: '{"swagger": ' };
    const decoded = decodeDraft(record);
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.reason).toMatch(/apiDefinition\.swagger\.json/);
  });

  it("tells drafts from a newer format apart rather than guessing at them", () => {
    const newer = { ...encodeDraft("c3", createEmptyConnector(), meta), version: 99 };
    const decoded = decodeDraft(newer);
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.reason).toMatch(/newer version/);
    expect(decoded.newer).toBe(true);
    expect(isNewerDraft(newer)).toBe(true);
    expect(isNewerDraft(encodeDraft("c3", createEmptyConnector(), meta))).toBe(false);
    expect(isNewerDraft("garbage")).toBe(false);
    const damaged = decodeDraft({ id: "x", format: "connector-studio/draft", version: 1 });
    expect(!damaged.ok && damaged.newer).toBe(false);
  });

  it("copes with values that are not objects at all", () => {
    expect(decodeDraft("garbage").ok).toBe(false);
    expect(decodeDraft(null).ok).toBe(false);
  });
});
