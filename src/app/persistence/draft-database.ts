import { openDB, unwrap, wrap, type DBSchema, type IDBPDatabase } from "idb";
import { DB_NAME, DB_VERSION, upgradeStudioDb, WORKSPACE_KEY } from "./database-schema";
import { isNewerDraft, type DraftRecord, type WorkspaceRecord } from "./draft-format";

/**
 * A draft of this version that could not be read: kept aside (never deleted) so nothing is lost for good.
 * Drafts of a newer version are never set aside (they stay in `drafts` for the newer version to read).
 */
export interface SetAsideRecord {
  raw: unknown;
  reason: string;
  at: number;
}

interface StudioDb extends DBSchema {
  drafts: { key: string; value: DraftRecord };
  workspace: { key: string; value: WorkspaceRecord };
  "set-aside": { key: number; value: SetAsideRecord };
}

export { DB_NAME };

export type StudioDatabase = IDBPDatabase<StudioDb>;

export function openStudioDb(): Promise<StudioDatabase> {
  return openDB<StudioDb>(DB_NAME, DB_VERSION, {
    upgrade(db) {
      upgradeStudioDb(unwrap(db));
    },
    // A newer build opening the database in another tab (`versionchange`) is handled by autosave, which
    // closes this connection so that the upgrade is not blocked (see watchVersionChange).
  });
}

/**
 * Calls `onChange` once when another tab asks to upgrade (or delete) the database, then closes this
 * connection so that the other tab is not blocked (it waits only for what `onChange` still writes). The
 * connection cannot be used afterwards.
 */
export function watchVersionChange(db: StudioDatabase, onChange: () => Promise<void>): void {
  const raw = unwrap(db);
  raw.onversionchange = () => {
    raw.onversionchange = null;
    void onChange()
      .catch(() => {})
      .finally(() => db.close());
  };
}

/** Takes over a connection opened without idb (the early read at start-up, see early-read.ts). */
export function adoptStudioDb(db: IDBDatabase): StudioDatabase {
  return wrap(db) as unknown as StudioDatabase;
}

/** Every stored draft, unchecked (the caller validates each one). */
export async function readAllDrafts(db: StudioDatabase): Promise<unknown[]> {
  return db.getAll("drafts");
}

export async function readDraft(db: StudioDatabase, id: string): Promise<unknown> {
  return db.get("drafts", id);
}

export async function readWorkspace(db: StudioDatabase): Promise<unknown> {
  return db.get("workspace", WORKSPACE_KEY);
}

export async function writeWorkspace(db: StudioDatabase, record: WorkspaceRecord): Promise<void> {
  await db.put("workspace", record, WORKSPACE_KEY);
}

export async function deleteDraft(db: StudioDatabase, id: string): Promise<void> {
  await db.delete("drafts", id);
}

/** Moves an unreadable draft out of the way, in one transaction. */
export async function setDraftAside(
  db: StudioDatabase,
  key: string | null,
  raw: unknown,
  reason: string,
): Promise<void> {
  const tx = db.transaction(["drafts", "set-aside"], "readwrite");
  await tx.objectStore("set-aside").add({ raw, reason, at: Date.now() });
  if (key !== null) await tx.objectStore("drafts").delete(key);
  await tx.done;
}

export type SaveResult =
  | { ok: true; saveCount: number }
  | { ok: false; conflict: true; theirs: number }
  | { ok: false; newer: true };

/**
 * Saves a draft unless another tab saved this connector since we last read or wrote it (`knownCount`):
 * then nothing is written and the conflict is returned. `force` writes anyway (take over).
 */
export async function saveDraftChecked(
  db: StudioDatabase,
  build: (saveCount: number) => DraftRecord,
  id: string,
  knownCount: number | undefined,
  owner: string,
  force: boolean,
): Promise<SaveResult> {
  const tx = db.transaction("drafts", "readwrite");
  const store = tx.objectStore("drafts");
  const existing = (await store.get(id)) as Partial<DraftRecord> | undefined;
  if (existing && isNewerDraft(existing)) {
    // Written by a newer version of the app: never overwritten by this one.
    await tx.done;
    return { ok: false, newer: true };
  }
  const theirs = typeof existing?.saveCount === "number" ? existing.saveCount : 0;
  if (!force && existing && existing.owner !== owner && theirs !== (knownCount ?? 0)) {
    await tx.done;
    return { ok: false, conflict: true, theirs };
  }
  const saveCount = theirs + 1;
  await store.put(build(saveCount));
  await tx.done;
  return { ok: true, saveCount };
}

/**
 * Puts drafts of a newer version back where that version reads them: earlier builds moved them to the
 * `set-aside` store, which no code reads. A draft whose id is taken again stays aside. Returns how many
 * were put back.
 */
export async function returnNewerDraftsSetAside(db: StudioDatabase): Promise<number> {
  const tx = db.transaction(["drafts", "set-aside"], "readwrite");
  const aside = tx.objectStore("set-aside");
  const drafts = tx.objectStore("drafts");
  let returned = 0;
  for (let cursor = await aside.openCursor(); cursor; cursor = await cursor.continue()) {
    const raw = cursor.value.raw;
    if (!isNewerDraft(raw)) continue;
    const id = (raw as { id?: unknown }).id;
    if (typeof id !== "string" || id === "" || (await drafts.getKey(id)) !== undefined) continue;
    await drafts.add(raw as DraftRecord);
    await cursor.delete();
    returned += 1;
  }
  await tx.done;
  return returned;
}
