/// <reference lib="webworker" />
// Autosave's writer: joins a definition's text from the parts the main thread sends (only what an edit
// changed) and writes the draft to IndexedDB, so that neither the 1 MB text nor its copy into the database
// costs the main thread anything per edit. The checks against other tabs' saves stay as they were
// (saveDraftChecked, one transaction).
import { openStudioDb, saveDraftChecked, type StudioDatabase } from "./draft-database";
import { draftRecordOf } from "./draft-format";
import { TextTreeReceiver } from "./draft-text-tree";
import type { DraftWriterReply, DraftWriterRequest } from "./draft-writer-protocol";

const scope = self as unknown as DedicatedWorkerGlobalScope;

const tree = new TextTreeReceiver();
let db: Promise<StudioDatabase> | null = null;
/** Requests run one after the other, in the order they came. */
let queue: Promise<void> = Promise.resolve();

function reply(message: DraftWriterReply): void {
  scope.postMessage(message);
}

async function handle(request: DraftWriterRequest): Promise<void> {
  if (request.type === "forget") {
    tree.drop(request.connectorId);
    return;
  }
  const seq = request.seq;
  try {
    if (request.type === "close") {
      const open = db;
      db = null;
      if (open) (await open).close();
      reply({ seq, ok: true, result: null, dropped: [] });
      return;
    }
    const text = tree.take(request.fields.id, request.definition);
    // The main thread handles another tab's upgrade (it flushes, then sends "close"): this connection is
    // not closed on its own before that, so that what is pending still gets written.
    if (!db) {
      const opening = openStudioDb();
      db = opening;
      // A refused open is tried again with the next save.
      opening.catch(() => {
        if (db === opening) db = null;
      });
    }
    const result = await saveDraftChecked(
      await db,
      (saveCount) => draftRecordOf(request.fields, text, saveCount),
      request.fields.id,
      request.knownCount,
      request.fields.owner,
      request.force,
    );
    reply({ seq, ok: true, result, dropped: tree.prune() });
  } catch (error) {
    const e = error as { name?: unknown; message?: unknown } | null;
    reply({
      seq,
      ok: false,
      error: { name: String(e?.name ?? "Error"), message: String(e?.message ?? error) },
      dropped: tree.prune(),
    });
  }
}

scope.onmessage = (event: MessageEvent<DraftWriterRequest>) => {
  const request = event.data;
  queue = queue.then(() => handle(request));
};
