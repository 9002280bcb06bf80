/** The IndexedDB database of the app: its name, version and stores (no dependencies, see early-read.ts). */
export const DB_NAME = "connector-studio";
export const DB_VERSION = 1;
/** The key of the one record in the `workspace` store. */
export const WORKSPACE_KEY = "workspace";

/** Creates the stores a new (or older) database is missing. Called from `onupgradeneeded`. */
export function upgradeStudioDb(db: IDBDatabase): void {
  if (!db.objectStoreNames.contains("drafts")) db.createObjectStore("drafts", { keyPath: "id" });
  if (!db.objectStoreNames.contains("workspace")) db.createObjectStore("workspace");
  if (!db.objectStoreNames.contains("set-aside")) db.createObjectStore("set-aside", { autoIncrement: true });
}
