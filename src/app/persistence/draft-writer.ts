import type { ConnectorDocument } from "../../model/connector-document";
import type { JsonValue } from "../../model/json-value";
import { sharedDefinitionText } from "../../model/memo-stringify";
import { stringifyJson } from "../../model/text/json-text";
import type { ReviewRecord } from "../../review/review-notes";
import { saveDraftChecked, type SaveResult, type StudioDatabase } from "./draft-database";
import { draftRecordOf, encodeDraftFields } from "./draft-format";
import { TextTreeSender } from "./draft-text-tree";
import type { DraftWriterReply, DraftWriterRequest } from "./draft-writer-protocol";

export interface DraftSave {
  id: string;
  doc: ConnectorDocument;
  savedAt: number;
  owner: string;
  review: ReviewRecord | undefined;
  knownCount: number | undefined;
  force: boolean;
}

/** Writes drafts: in the autosave worker where there is one, else on the main thread. */
export interface DraftWriter {
  save(save: DraftSave): Promise<SaveResult>;
  /** Writes the text of a definition not sent yet in time slices; false when time ran out first. */
  prepareWithin(definition: JsonValue, outOfTime: () => boolean): boolean;
  /** The connector's draft was deleted. */
  forget(connectorId: string): void;
  /** Closes the worker's connection once what was sent is written (another tab upgrades the database). */
  close(): Promise<void>;
  stop(): void;
}

/** The compact text of small JSON files (apiProperties, settings), cached by identity: edits rarely touch them. */
function cachedJsonWriter(): (value: JsonValue) => string {
  const cache = new WeakMap<object, string>();
  return (value) => {
    if (typeof value !== "object" || value === null) return stringifyJson(value, 0);
    let text = cache.get(value);
    if (text === undefined) {
      text = stringifyJson(value, 0);
      cache.set(value, text);
    }
    return text;
  };
}

function errorFrom(error: { name: string; message: string }): Error {
  const e = new Error(error.message);
  e.name = error.name;
  return e;
}

/** The main-thread writer: the whole text is joined and copied here (no Worker, or it failed). */
function mainThreadWriter(db: StudioDatabase): DraftWriter {
  const writeJson = cachedJsonWriter();
  return {
    async save(s) {
      return saveDraftChecked(
        db,
        (saveCount) => {
          const encodeStart = performance.now();
          const { fields, definition } = encodeDraftFields(s.id, s.doc, s, writeJson);
          const record = draftRecordOf(fields, sharedDefinitionText.stringify(definition), saveCount);
          // User timing: the browser bench attributes main-thread time to autosave with it.
          performance.measure("autosave:encode", { start: encodeStart });
          return record;
        },
        s.id,
        s.knownCount,
        s.owner,
        s.force,
      );
    },
    prepareWithin: (definition, outOfTime) =>
      sharedDefinitionText.stringifyWithin(definition, outOfTime) !== null,
    forget: () => {},
    close: async () => {},
    stop: () => {},
  };
}

/**
 * The worker writer: per save the main thread finds the objects an edit changed (by identity) and sends
 * them with the changed operation's text; the worker joins the whole text and writes it. Falls back to the
 * main-thread writer when the worker cannot start or fails.
 */
export function createDraftWriter(db: StudioDatabase): DraftWriter {
  const fallback = mainThreadWriter(db);
  if (typeof Worker !== "function") return fallback;
  let worker: Worker | null = null;
  let broken = false;
  let seq = 0;
  const pending = new Map<number, { resolve(reply: DraftWriterReply): void; reject(error: Error): void }>();
  const sender = new TextTreeSender(sharedDefinitionText);
  const writeJson = cachedJsonWriter();

  const fail = (error: Error) => {
    broken = true;
    worker?.terminate();
    worker = null;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };

  // Started when autosave starts (after the drafts were restored): its script loads off the main thread.
  const started = (): Worker | null => {
    if (broken) return null;
    if (worker) return worker;
    try {
      worker = new Worker(new URL("./autosave.worker.ts", import.meta.url), {
        type: "module",
        name: "autosave",
      });
    } catch {
      broken = true;
      return null;
    }
    worker.onmessage = (event: MessageEvent<DraftWriterReply>) => {
      const reply = event.data;
      // Dropped before the promise settles: the next save then sends those nodes again if it needs them.
      sender.forget(reply.dropped);
      const waiting = pending.get(reply.seq);
      pending.delete(reply.seq);
      waiting?.resolve(reply);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      fail(new Error(`the autosave worker failed: ${event.message || "unknown error"}`));
    };
    return worker;
  };

  const request = (w: Worker, message: DraftWriterRequest & { seq: number }) =>
    new Promise<DraftWriterReply>((resolve, reject) => {
      pending.set(message.seq, { resolve, reject });
      w.postMessage(message);
    });

  async function saveInWorker(w: Worker, s: DraftSave, retry: boolean): Promise<SaveResult> {
    const encodeStart = performance.now();
    const { fields, definition } = encodeDraftFields(s.id, s.doc, s, writeJson);
    const delta = sender.describe(definition);
    // User timing: the browser bench attributes main-thread time to autosave with it.
    performance.measure("autosave:encode", { start: encodeStart });
    const reply = await request(w, {
      type: "save",
      seq: ++seq,
      fields,
      definition: delta,
      knownCount: s.knownCount,
      force: s.force,
    });
    if (reply.ok) return reply.result as SaveResult;
    if (retry && /text node/.test(reply.error.message)) {
      // The worker lacks a part this side thought it had: send everything once more.
      sender.reset();
      return saveInWorker(w, s, false);
    }
    throw errorFrom(reply.error);
  }

  started();
  return {
    async save(s) {
      const w = started();
      if (!w) return fallback.save(s);
      try {
        return await saveInWorker(w, s, true);
      } catch (error) {
        if (!broken) throw error;
        // The worker died: this save and every later one are written here.
        return fallback.save(s);
      }
    },
    prepareWithin(definition, outOfTime) {
      return broken
        ? fallback.prepareWithin(definition, outOfTime)
        : sender.prepareWithin(definition, outOfTime);
    },
    forget(connectorId) {
      worker?.postMessage({ type: "forget", connectorId } satisfies DraftWriterRequest);
    },
    async close() {
      if (!worker) return;
      await request(worker, { type: "close", seq: ++seq }).catch(() => {});
    },
    stop() {
      fail(new Error("autosave stopped"));
    },
  };
}
