import { openDB, type IDBPDatabase } from "idb";
import type { ConnectorDocument } from "../../model/connector-document";
import { documentForWriting } from "../../model/secrets";

/** A copy of a connector taken at an export, so that reviewers can compare with what was shipped. */
export interface ExportSnapshot {
  id?: number;
  connectorId: string;
  takenAt: number;
  title: string;
  document: ConnectorDocument;
}

const DB_NAME = "connector-studio-snapshots";
const STORE = "snapshots";
/** Older snapshots of one connector are dropped beyond this. */
const KEEP_PER_CONNECTOR = 10;

let database: Promise<IDBPDatabase> | null = null;

function db(): Promise<IDBPDatabase> {
  database ??= openDB(DB_NAME, 1, {
    upgrade(upgrade) {
      const store = upgrade.createObjectStore(STORE, { keyPath: "id", autoIncrement: true });
      store.createIndex("connectorId", "connectorId");
    },
  });
  return database;
}

/** The snapshot kept for an export: secrets left out (as every writer does), icon left out to keep it small. */
export function exportSnapshotOf(connectorId: string, doc: ConnectorDocument, now: number): ExportSnapshot {
  return {
    connectorId,
    takenAt: now,
    title: typeof doc.definition.info?.title === "string" ? doc.definition.info.title : "Connector",
    document: { ...documentForWriting(doc).document, icon: null },
  };
}

/** Records a snapshot of the connector as exported ({@link exportSnapshotOf}). */
export async function saveExportSnapshot(
  connectorId: string,
  doc: ConnectorDocument,
  now = Date.now(),
): Promise<void> {
  const snapshot = exportSnapshotOf(connectorId, doc, now);
  const handle = await db();
  await handle.add(STORE, snapshot);
  const keys = await handle.getAllKeysFromIndex(STORE, "connectorId", connectorId);
  for (const key of keys.slice(0, Math.max(0, keys.length - KEEP_PER_CONNECTOR)))
    await handle.delete(STORE, key);
}

/** The export snapshots of one connector, newest first. */
export async function listExportSnapshots(connectorId: string): Promise<ExportSnapshot[]> {
  const handle = await db();
  const all = (await handle.getAllFromIndex(STORE, "connectorId", connectorId)) as ExportSnapshot[];
  return all.sort((a, b) => b.takenAt - a.takenAt);
}
