import type { SaveResult } from "./draft-database";
import type { DraftFields } from "./draft-format";
import type { TextTreeDelta } from "./draft-text-tree";

/** Main thread → autosave worker. */
export type DraftWriterRequest =
  | {
      type: "save";
      seq: number;
      fields: DraftFields;
      definition: TextTreeDelta;
      knownCount: number | undefined;
      force: boolean;
    }
  /** The connector's draft was deleted: its text is no longer kept. */
  | { type: "forget"; connectorId: string }
  /** Another tab upgrades the database: close the connection once pending saves are written. */
  | { type: "close"; seq: number };

/** Autosave worker → main thread: the outcome of one request and the text nodes it dropped. */
export type DraftWriterReply =
  | { seq: number; ok: true; result: SaveResult | null; dropped: number[] }
  | { seq: number; ok: false; error: { name: string; message: string }; dropped: number[] };
