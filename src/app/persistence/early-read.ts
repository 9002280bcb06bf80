import { DB_NAME, DB_VERSION, upgradeStudioDb, WORKSPACE_KEY } from "./database-schema";

/** What was stored when the page opened, read before the app's code has rendered anything. */
export interface StoredContents {
  drafts: unknown[];
  workspace: unknown;
}

/**
 * The database opened and read as soon as the page's code starts, so that IndexedDB works while React
 * starts. `db` fails when the browser refuses storage; `contents` fails then too, or when the read fails.
 */
export interface EarlyRead {
  db: Promise<IDBDatabase>;
  contents: Promise<StoredContents>;
  /**
   * Set when another tab asked to upgrade the database before autosave took the connection over: the
   * connection was closed then so as not to block that tab (autosave tells the user to reload).
   */
  versionChanged?: boolean;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB request failed"));
  });
}

function openRaw(onVersionChange: () => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => upgradeStudioDb(req.result);
    req.onsuccess = () => {
      const db = req.result;
      // Replaced by autosave's own handler when it takes the connection over.
      db.onversionchange = () => {
        db.close();
        onVersionChange();
      };
      resolve(db);
    };
    req.onerror = () => reject(req.error ?? new Error("IndexedDB could not be opened"));
    req.onblocked = () => {
      // Another tab holds an older version open; the open completes once it closes (as with idb's openDB).
    };
  });
}

async function readContents(db: IDBDatabase): Promise<StoredContents> {
  const tx = db.transaction(["drafts", "workspace"], "readonly");
  const [drafts, workspace] = await Promise.all([
    request(tx.objectStore("drafts").getAll()),
    request(tx.objectStore("workspace").get(WORKSPACE_KEY)),
  ]);
  return { drafts, workspace };
}

let early: EarlyRead | null = null;
let nothing: Promise<boolean> = Promise.resolve(false);

/** Set by the inline script of index.html, which starts the same read before the app's code has loaded. */
declare global {
  interface Window {
    __csEarlyRead?: EarlyRead;
  }
}

function setEarly(read: EarlyRead): void {
  early = read;
  nothing = read.contents.then(
    (c) => c.drafts.length === 0,
    () => false,
  );
}

/**
 * Starts opening and reading the database (once), or takes over the read that index.html started. Safe to
 * call where IndexedDB is missing.
 */
export function startEarlyRead(): void {
  if (early) return;
  const fromPage = typeof window !== "undefined" ? window.__csEarlyRead : undefined;
  if (fromPage) {
    delete window.__csEarlyRead;
    setEarly(fromPage);
    return;
  }
  if (typeof indexedDB === "undefined") return;
  let db: Promise<IDBDatabase>;
  let versionChanged = false;
  try {
    db = openRaw(() => {
      versionChanged = true;
    });
  } catch (error) {
    db = Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  const contents = db.then(readContents);
  // The consumer handles failures; these only keep an unconsumed failure from being reported as unhandled.
  db.catch(() => {});
  contents.catch(() => {});
  setEarly({
    db,
    contents,
    get versionChanged() {
      return versionChanged;
    },
  });
}

/**
 * Hands the early read over to its one consumer (autosave); later calls get null and open their own
 * connection (React's StrictMode starts autosave twice in development, and the first one closes its db).
 */
export function takeEarlyRead(): EarlyRead | null {
  const taken = early;
  early = null;
  return taken;
}

/**
 * Resolves true when the database holds no draft: there is nothing to restore, and the app can show itself
 * ready without waiting for the autosave code (which still checks the stored list of connectors). False when there is something to restore, when
 * the read failed (autosave reports that) or when no early read was started.
 */
export function storedNothing(): Promise<boolean> {
  return nothing;
}
