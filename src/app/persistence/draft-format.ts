import { z } from "zod";
import type { ConnectorDocument } from "../../model/connector-document";
import { connectorTitle } from "../../model/connector-document";
import type { JsonObject, JsonValue } from "../../model/json-value";
import { isJsonObject } from "../../model/json-value";
import type { SwaggerDocument } from "../../model/swagger-types";
import { formatTextProblem } from "../../model/diagnostic";
import { documentForWriting } from "../../model/secrets";
import { parseJsonText, stringifyJson } from "../../model/text/json-text";
import { isEmptyReview, reviewRecordSchema, type ReviewRecord } from "../../review/review-notes";

/**
 * The draft format written by this build. A draft of a newer format is left where it is, untouched (the newer
 * version of the app reads it), never guessed at.
 */
export const DRAFT_FORMAT = "connector-studio/draft";
export const DRAFT_VERSION = 1;
export const WORKSPACE_FORMAT = "connector-studio/workspace";

/**
 * One autosaved connector. The JSON files are kept as text written by the lossless serialiser: structured
 * clone (what IndexedDB stores) would drop the key-order and raw-number side tables of the model. Only the
 * document is stored: not the undo history, and no secrets: the Test step's credentials are not in the
 * document, and an OAuth client secret that came in with an imported apiProperties.json is left out,
 * whatever it looks like (`documentForWriting`, as every writer does).
 */
export const draftRecordSchema = z.object({
  format: z.literal(DRAFT_FORMAT),
  version: z.literal(DRAFT_VERSION),
  id: z.string().min(1),
  name: z.string(),
  savedAt: z.number(),
  /** Increases on every save; a tab that finds a count it did not write knows another tab saved. */
  saveCount: z.number().int().nonnegative(),
  /** The tab that wrote this version. */
  owner: z.string(),
  definition: z.string(),
  properties: z.string(),
  settings: z.string().nullable(),
  script: z.string().nullable(),
  icon: z
    .object({
      bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, "icon bytes missing"),
      mediaType: z.string(),
    })
    .nullable(),
  /**
   * The reviewer's notes and sign-offs (Review step), beside the files rather than in them, so that an export
   * stays the document as it is. Absent when there are none (and in drafts of earlier builds). A damaged
   * review is dropped rather than setting the whole draft aside: the connector matters more than its notes.
   */
  review: reviewRecordSchema.optional().catch(undefined),
});
export type DraftRecord = z.infer<typeof draftRecordSchema>;

/** The list of connectors (order and the open one). Drafts missing from `order` are still restored. */
export const workspaceRecordSchema = z.object({
  format: z.literal(WORKSPACE_FORMAT),
  version: z.literal(DRAFT_VERSION),
  order: z.array(z.string()),
  activeId: z.string().nullable(),
  savedAt: z.number(),
});
export type WorkspaceRecord = z.infer<typeof workspaceRecordSchema>;

/** A draft record but for its definition's text and its save count (autosave's worker adds those). */
export type DraftFields = Omit<DraftRecord, "definition" | "saveCount">;

/**
 * The record's fields but the definition's text and the save count, and the definition to write (client
 * secrets left out). `writeJson` writes compact JSON (autosave passes one that caches by identity); it must
 * return what `stringifyJson(value, 0)` returns.
 */
export function encodeDraftFields(
  id: string,
  source: ConnectorDocument,
  meta: { savedAt: number; owner: string; review?: ReviewRecord | undefined },
  writeJson: (value: JsonValue) => string = (value) => stringifyJson(value, 0),
): { fields: DraftFields; definition: JsonValue } {
  const doc = documentForWriting(source).document;
  return {
    fields: {
      format: DRAFT_FORMAT,
      version: DRAFT_VERSION,
      id,
      name: connectorTitle(doc),
      savedAt: meta.savedAt,
      owner: meta.owner,
      properties: writeJson(doc.properties),
      settings: doc.settings ? writeJson(doc.settings) : null,
      script: doc.script,
      icon: doc.icon ? { bytes: doc.icon.bytes, mediaType: doc.icon.mediaType } : null,
      ...(meta.review && !isEmptyReview(meta.review) ? { review: meta.review } : {}),
    },
    definition: doc.definition as JsonValue,
  };
}

/** The whole record from its fields, the definition's text and the save count (key order as before). */
export function draftRecordOf(fields: DraftFields, definition: string, saveCount: number): DraftRecord {
  const { review, ...rest } = fields;
  return {
    format: rest.format,
    version: rest.version,
    id: rest.id,
    name: rest.name,
    savedAt: rest.savedAt,
    saveCount,
    owner: rest.owner,
    definition,
    properties: rest.properties,
    settings: rest.settings,
    script: rest.script,
    icon: rest.icon,
    ...(review ? { review } : {}),
  };
}

/**
 * Builds the record saved for a connector. `writeDefinition` writes the definition's compact text (autosave
 * passes a `MemoStringifier` so that a keystroke re-writes only the changed branch); it must return
 * what `stringifyJson(definition, 0)` returns.
 */
export function encodeDraft(
  id: string,
  source: ConnectorDocument,
  meta: { savedAt: number; saveCount: number; owner: string; review?: ReviewRecord | undefined },
  writeDefinition: (definition: JsonValue) => string = (definition) => stringifyJson(definition, 0),
): DraftRecord {
  const { fields, definition } = encodeDraftFields(id, source, meta);
  return draftRecordOf(fields, writeDefinition(definition), meta.saveCount);
}

export type DecodedDraft =
  | { ok: true; record: DraftRecord; doc: ConnectorDocument }
  | { ok: false; reason: string; id: string | null; name: string | null; newer: boolean };

function parseObject(text: string, file: string): JsonObject {
  const parsed = parseJsonText(text, file);
  if (!parsed.ok) throw new Error(formatTextProblem(parsed.problem));
  if (!isJsonObject(parsed.value)) throw new Error(`${file}: not a JSON object`);
  return parsed.value;
}

/** Whether a stored record is a draft written by a newer version of the app (to be left as it is). */
export function isNewerDraft(raw: unknown): boolean {
  const loose = isJsonObject(raw as never) ? (raw as Record<string, unknown>) : {};
  return typeof loose.version === "number" && loose.version > DRAFT_VERSION;
}

/**
 * Checks and decodes a stored draft. A draft that does not fit the format is reported, never thrown; `newer`
 * tells a draft written by a newer version (to be left alone) from a damaged one.
 */
export function decodeDraft(raw: unknown): DecodedDraft {
  const loose = isJsonObject(raw as never) ? (raw as Record<string, unknown>) : {};
  const id = typeof loose.id === "string" ? loose.id : null;
  const name = typeof loose.name === "string" ? loose.name : null;
  if (isNewerDraft(raw)) {
    return {
      ok: false,
      id,
      name,
      newer: true,
      reason: `it was saved by a newer version of Connector Studio (draft format ${String(loose.version)})`,
    };
  }
  const checked = draftRecordSchema.safeParse(raw);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    return {
      ok: false,
      id,
      name,
      newer: false,
      reason: `the saved data is not a valid draft (${where}${issue?.message ?? "unknown"})`,
    };
  }
  const record = checked.data;
  try {
    const doc: ConnectorDocument = {
      definition: parseObject(record.definition, "apiDefinition.swagger.json") as SwaggerDocument,
      properties: parseObject(record.properties, "apiProperties.json"),
      settings: record.settings === null ? null : parseObject(record.settings, "settings.json"),
      script: record.script,
      icon: record.icon ? { bytes: record.icon.bytes, mediaType: record.icon.mediaType } : null,
    };
    return { ok: true, record, doc };
  } catch (error) {
    return {
      ok: false,
      id,
      name,
      newer: false,
      reason: error instanceof Error ? error.message : String(error),
    };
  }
}
