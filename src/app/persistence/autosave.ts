import type { StoreApi } from "zustand/vanilla";
import type { ConnectorDocument } from "../../model/connector-document";
import type { JsonValue } from "../../model/json-value";
import { connectorTitle } from "../../model/connector-document";
import type { RestoredConnector, WorkspaceState } from "../../store/workspace-store";
import { decodeDraft, DRAFT_VERSION, WORKSPACE_FORMAT, workspaceRecordSchema } from "./draft-format";
import {
  adoptStudioDb,
  deleteDraft,
  openStudioDb,
  readAllDrafts,
  readDraft,
  readWorkspace,
  returnNewerDraftsSetAside,
  setDraftAside,
  watchVersionChange,
  writeWorkspace,
  type StudioDatabase,
} from "./draft-database";
import { createDraftWriter } from "./draft-writer";
import { saveStatusStore } from "./save-status";
import { takeEarlyRead } from "./early-read";
import type { ReviewRecord } from "../../review/review-notes";

/** Quiet time after the last change before saving (typing bursts are written once). */
export const SAVE_DEBOUNCE_MS = 250;
/** Longest a change waits while edits keep coming: every change is stored within 500 ms. */
export const SAVE_MAX_WAIT_MS = 450;
/** The idle-time save after the debounce still starts within this long after the first pending change. */
const SAVE_IDLE_DEADLINE_MS = 500;
const CHANNEL = "connector-studio";

type ChannelMessage =
  | { type: "saved"; id: string; saveCount: number; owner: string }
  | { type: "deleted"; id: string; owner: string };

export interface AutosaveControls {
  /** Loads the other tab's version of a connector (ends a conflict). */
  reloadFromStorage(connectorId: string): Promise<void>;
  /** Keeps this tab's version and saves it over the other tab's (ends a conflict). */
  takeOver(connectorId: string): Promise<void>;
  /** Writes pending changes now (page hide, tests). */
  flush(): Promise<void>;
  /**
   * Deletes a connector's saved draft: called only for the user's own delete in the Connectors list (after
   * the connector left the workspace). The draft is deleted with the next save, unless the connector is back
   * in the workspace by then (the delete was undone); putting it back later saves it anew.
   */
  deleteDraft(connectorId: string): void;
  stop(): void;
}

function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error) && !(typeof DOMException !== "undefined" && error instanceof DOMException))
    return false;
  const e = error as { name?: string; message?: string };
  return e.name === "QuotaExceededError" || /quota|disk|space/i.test(e.message ?? "");
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/** What the user is told about drafts a newer version of the app wrote (left untouched). */
export function newerDraftsMessage(count: number): string {
  return `${count} ${plural(count, "draft was", "drafts were")} saved by a newer version of Connector Studio and ${plural(count, "is", "are")} kept as ${plural(count, "it is", "they are")}: this version cannot open ${plural(count, "it", "them")}. Open ${plural(count, "it", "them")} with the newer version.`;
}

function isVersionError(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === "VersionError";
}

function formatTime(ms: number): string {
  const date = new Date(ms);
  const sameDay = new Date().toDateString() === date.toDateString();
  return sameDay ? date.toLocaleTimeString() : date.toLocaleString();
}

const VERSION_CHANGE_MESSAGE =
  "Connector Studio was updated in another tab, so this tab stopped saving (everything up to now is saved). Reload this tab to go on.";

const reloadAction = { label: "Reload", run: () => window.location.reload() };

function offControls(): AutosaveControls {
  return {
    reloadFromStorage: async () => {},
    takeOver: async () => {},
    flush: async () => {},
    deleteDraft: () => {},
    stop: () => {},
  };
}

/**
 * Restores the saved workspace into the store, then saves every change to IndexedDB (debounced, see
 * {@link SAVE_DEBOUNCE_MS}). Another tab's saves are announced on a BroadcastChannel and checked against a
 * per-connector save count, so two tabs never silently overwrite each other: an untouched connector
 * follows the other tab, an edited one raises a conflict the user resolves.
 */
export async function startAutosave(store: StoreApi<WorkspaceState>): Promise<AutosaveControls> {
  const tabId = crypto.randomUUID();
  const setStatus = (patch: Partial<ReturnType<typeof saveStatusStore.getState>>) =>
    saveStatusStore.setState(patch);

  // The database is normally opened and read already (early-read.ts, started by the entry module).
  const early = takeEarlyRead();
  let db: StudioDatabase;
  try {
    db = early ? adoptStudioDb(await early.db) : await openStudioDb();
  } catch (error) {
    setStatus({ state: "off", restored: true });
    store
      .getState()
      .notify(
        "warning",
        isVersionError(error)
          ? "Autosave is off: your saved drafts were stored by a newer version of Connector Studio, so this version cannot open them; they are kept as they are. Open them with the newer version, or reload this page to get it. Export your connector to keep it."
          : `Autosave is off: this browser refused local storage (${error instanceof Error ? error.message : String(error)}). Export your connector to keep it.`,
      );
    return offControls();
  }
  if (early?.versionChanged) {
    // Another tab upgraded the database before this code arrived: the early connection was closed for it.
    db.close();
    setStatus({ state: "off", restored: true });
    store.getState().notify("warning", VERSION_CHANGE_MESSAGE, { action: reloadAction });
    return offControls();
  }
  /** Set when another tab upgrades the database: this connection is closed, nothing more is saved. */
  let closed = false;
  // Watched from the start (the early read's own handler is replaced here); what it does once saving runs is
  // set below.
  let onVersionChange = async () => {
    closed = true;
  };
  watchVersionChange(db, () => onVersionChange());

  /** The document last written or read per connector: a save happens only when the present differs. */
  const lastSaved = new Map<string, ConnectorDocument>();
  /** The review notes last written or read per connector (saved with the draft, see draft-format.ts). */
  const lastSavedReview = new Map<string, ReviewRecord | undefined>();
  const unsaved = (state: WorkspaceState, id: string) => {
    const present = state.histories[id]?.present;
    return (
      present !== undefined &&
      (present !== lastSaved.get(id) || state.reviews[id] !== lastSavedReview.get(id))
    );
  };
  /** The save count we last saw per connector (see saveDraftChecked). */
  const knownCount = new Map<string, number>();
  let lastWorkspaceKey = "";

  // ---- restore ----
  // Only the drafts restored into the workspace are known here (lastSaved); a draft this tab never loaded
  // is never deleted, and one deleted by the user only through deleteDraft.
  let newer = 0;
  try {
    const [rawDrafts, rawWorkspace] = early
      ? await early.contents.then((c) => [c.drafts, c.workspace] as const)
      : await Promise.all([readAllDrafts(db), readWorkspace(db)]);
    const workspace = workspaceRecordSchema.safeParse(rawWorkspace);
    const restored: (RestoredConnector & { savedAt: number })[] = [];
    for (const raw of rawDrafts) {
      const decoded = decodeDraft(raw);
      if (decoded.ok) {
        restored.push({
          id: decoded.record.id,
          doc: decoded.doc,
          updatedAt: decoded.record.savedAt,
          savedAt: decoded.record.savedAt,
          ...(decoded.record.review ? { review: decoded.record.review } : {}),
        });
        knownCount.set(decoded.record.id, decoded.record.saveCount);
      } else if (decoded.newer) {
        // Left where it is, untouched: the newer version reads it there.
        newer += 1;
      } else {
        await setDraftAside(db, decoded.id, raw, decoded.reason);
        store
          .getState()
          .notify(
            "warning",
            `A saved draft${decoded.name ? ` (“${decoded.name}”)` : ""} could not be read and was set aside: ${decoded.reason}.`,
          );
      }
    }
    if (restored.length > 0) {
      const order = workspace.success ? workspace.data.order : [];
      const rank = (id: string) => {
        const i = order.indexOf(id);
        return i === -1 ? Number.MAX_SAFE_INTEGER : i;
      };
      restored.sort((a, b) => rank(a.id) - rank(b.id) || a.savedAt - b.savedAt);
      const activeId = workspace.success ? workspace.data.activeId : null;
      // Added to whatever is in the workspace already (restore never replaces nor is skipped).
      store.getState().restoreWorkspace(restored, activeId);
      // A connector that was in the workspace already (React's StrictMode starts autosave twice in development)
      // keeps its stored save count, so that its next save is an ordinary one rather than a conflict.
      const histories = store.getState().histories;
      const reviews = store.getState().reviews;
      for (const r of restored) {
        if (histories[r.id]?.present !== r.doc) continue;
        lastSaved.set(r.id, r.doc);
        lastSavedReview.set(r.id, reviews[r.id]);
      }
      const latest = Math.max(...restored.map((r) => r.savedAt));
      store.getState().notify("info", `Restored your work from ${formatTime(latest)}.`);
      setStatus({ savedAt: latest });
    }
    if (rawWorkspace !== undefined && !workspace.success) {
      store
        .getState()
        .notify(
          "warning",
          "The saved list of connectors could not be read; every saved connector was restored anyway.",
        );
    }
  } catch (error) {
    store
      .getState()
      .notify(
        "error",
        `Your saved work could not be read: ${error instanceof Error ? error.message : String(error)}.`,
      );
  }
  if (closed) {
    setStatus({ state: "off", restored: true });
    store.getState().notify("warning", VERSION_CHANGE_MESSAGE, { action: reloadAction });
    return offControls();
  }
  setStatus({ state: "saved", restored: true });
  try {
    // Earlier builds moved newer drafts out of the way; they go back where the newer version reads them.
    newer += await returnNewerDraftsSetAside(db);
  } catch {
    // They stay where they are; nothing is lost.
  }
  if (newer > 0) store.getState().notify("warning", newerDraftsMessage(newer));

  // ---- other tabs ----
  const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(CHANNEL) : null;
  const post = (message: ChannelMessage) => channel?.postMessage(message);

  async function loadStored(id: string): Promise<boolean> {
    const raw = await readDraft(db, id);
    const decoded = decodeDraft(raw);
    if (!decoded.ok) return false;
    lastSaved.set(id, decoded.doc);
    knownCount.set(id, decoded.record.saveCount);
    store.getState().reloadConnector(id, decoded.doc, decoded.record.savedAt, decoded.record.review);
    lastSavedReview.set(id, store.getState().reviews[id]);
    return true;
  }

  if (channel) {
    channel.onmessage = (event: MessageEvent<ChannelMessage>) => {
      const message = event.data;
      if (message.owner === tabId || message.type !== "saved") return;
      const state = store.getState();
      const history = state.histories[message.id];
      if (!history) return;
      if (knownCount.get(message.id) === message.saveCount) return;
      const hasLocalEdits = unsaved(state, message.id);
      if (!hasLocalEdits) {
        // Nothing typed here since the last save: follow the other tab instead of raising a conflict.
        void loadStored(message.id);
        return;
      }
      state.setConflict({ connectorId: message.id, name: connectorTitle(history.present) });
    };
  }

  // ---- saving ----
  /** Writes the drafts: joining the text and copying it into the database happen in a worker. */
  const writer = createDraftWriter(db);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let idle: number | undefined;
  let firstPendingAt: number | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let quotaReported = false;
  const forced = new Set<string>();
  /** Drafts the user deleted (deleteDraft), deleted with the next save. */
  const pendingDeletes = new Set<string>();
  /** Connectors whose stored draft a newer version wrote: never overwritten. */
  const newerOwned = new Set<string>();

  async function saveOnce(): Promise<void> {
    if (closed) return;
    const state = store.getState();
    const conflicted = new Set(state.conflicts.map((c) => c.connectorId));
    let wrote = false;
    setStatus({ state: "saving" });
    try {
      for (const { id } of state.connectors) {
        const present = state.histories[id]?.present;
        if (!present || !unsaved(state, id)) continue;
        if (conflicted.has(id) && !forced.has(id)) continue;
        const review = state.reviews[id];
        if (newerOwned.has(id)) continue;
        const result = await writer.save({
          id,
          doc: present,
          savedAt: Date.now(),
          owner: tabId,
          review,
          knownCount: knownCount.get(id),
          force: forced.delete(id),
        });
        if (!result.ok) {
          if ("newer" in result) {
            newerOwned.add(id);
            store
              .getState()
              .notify(
                "warning",
                `“${connectorTitle(present)}” was not saved: a newer version of Connector Studio saved it meanwhile, and this version never overwrites that. Export it to keep this tab's version.`,
              );
          } else {
            store.getState().setConflict({ connectorId: id, name: connectorTitle(present) });
          }
          continue;
        }
        lastSaved.set(id, present);
        lastSavedReview.set(id, review);
        knownCount.set(id, result.saveCount);
        post({ type: "saved", id, saveCount: result.saveCount, owner: tabId });
        wrote = true;
      }
      const liveIds = new Set(state.connectors.map((c) => c.id));
      for (const id of [...pendingDeletes]) {
        pendingDeletes.delete(id);
        // Back in the workspace (the delete was undone): its draft stays.
        if (liveIds.has(id)) continue;
        await deleteDraft(db, id);
        writer.forget(id);
        lastSaved.delete(id);
        lastSavedReview.delete(id);
        knownCount.delete(id);
        post({ type: "deleted", id, owner: tabId });
      }
      const order = state.connectors.map((c) => c.id);
      const workspaceKey = JSON.stringify([order, state.activeId]);
      if (workspaceKey !== lastWorkspaceKey) {
        await writeWorkspace(db, {
          format: WORKSPACE_FORMAT,
          version: DRAFT_VERSION,
          order,
          activeId: state.activeId,
          savedAt: Date.now(),
        });
        lastWorkspaceKey = workspaceKey;
      }
      quotaReported = false;
      setStatus({ state: "saved", savedAt: wrote ? Date.now() : saveStatusStore.getState().savedAt });
    } catch (error) {
      setStatus({ state: "error" });
      if (isQuotaError(error)) {
        if (!quotaReported) {
          store
            .getState()
            .notify(
              "error",
              "Your latest changes could not be saved: the browser refused more storage (the disk may be full or the site's quota is used up). Free some space or export your connector to keep it.",
            );
          quotaReported = true;
        }
      } else {
        store
          .getState()
          .notify(
            "error",
            `Your latest changes could not be saved: ${error instanceof Error ? error.message : String(error)}.`,
          );
      }
    }
  }

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    if (idle !== undefined) cancelIdleCallback(idle);
    idle = undefined;
    firstPendingAt = null;
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await saveOnce();
      } while (again);
      running = null;
    })();
    return running;
  }

  function schedule(): void {
    // "Saving…" from the first change on, so that "Saved" always means every change is stored.
    if (saveStatusStore.getState().state !== "saving") setStatus({ state: "saving" });
    const now = Date.now();
    firstPendingAt ??= now;
    clearTimeout(timer);
    const wait = Math.min(SAVE_DEBOUNCE_MS, Math.max(0, firstPendingAt + SAVE_MAX_WAIT_MS - now));
    timer = setTimeout(whenIdle, wait);
  }

  /** Saves in idle time (after the next paint, between keystrokes), yet never later than the deadline. */
  function whenIdle(): void {
    timer = undefined;
    if (typeof requestIdleCallback !== "function" || firstPendingAt === null) {
      void flush();
      return;
    }
    if (idle !== undefined) return;
    const deadlineAt = firstPendingAt + SAVE_IDLE_DEADLINE_MS;
    const step = (deadline: IdleDeadline) => {
      idle = undefined;
      // The text of the changed parts of the definitions is written slice by slice in idle time (the cache
      // keeps the progress); the save itself then only sends it to the writer. Past the deadline the rest is done at once.
      if (writeTextsWithin(deadline) || deadline.didTimeout || Date.now() >= deadlineAt) void flush();
      else idle = requestIdleCallback(step, { timeout: Math.max(1, deadlineAt - Date.now()) });
    };
    idle = requestIdleCallback(step, { timeout: Math.max(1, deadlineAt - Date.now()) });
  }

  /** Prepares the compact text of every definition that will be saved; false when time ran out first. */
  function writeTextsWithin(deadline: IdleDeadline): boolean {
    const state = store.getState();
    for (const { id } of state.connectors) {
      const present = state.histories[id]?.present;
      if (!present || present === lastSaved.get(id)) continue;
      if (!writer.prepareWithin(present.definition as JsonValue, () => deadline.timeRemaining() < 3))
        return false;
    }
    return true;
  }

  const unsubscribe = store.subscribe((state, previous) => {
    if (
      state.histories !== previous.histories ||
      state.connectors !== previous.connectors ||
      state.activeId !== previous.activeId ||
      state.conflicts !== previous.conflicts ||
      state.reviews !== previous.reviews
    ) {
      schedule();
    }
  });
  // Closing or hiding the tab writes at once instead of waiting for the debounce.
  const onPageHide = () => void flush();
  const onVisibility = () => {
    if (document.visibilityState === "hidden") void flush();
  };
  window.addEventListener("pagehide", onPageHide);
  document.addEventListener("visibilitychange", onVisibility);
  // Asks the browser not to evict our data under storage pressure; a refusal changes nothing visible.
  void navigator.storage?.persist?.().catch(() => false);
  // A store change between restore and subscribe (an early drop) must not wait for the next edit.
  schedule();

  onVersionChange = async () => {
    // Another tab upgrades the database: write what is pending, then let go of the connection (closed by
    // watchVersionChange once this is done).
    unsubscribe();
    channel?.close();
    await flush();
    await writer.close();
    closed = true;
    setStatus({ state: "off" });
    store.getState().notify("warning", VERSION_CHANGE_MESSAGE, { action: reloadAction });
  };

  return {
    flush,
    deleteDraft(connectorId) {
      pendingDeletes.add(connectorId);
      schedule();
    },
    async reloadFromStorage(connectorId) {
      const ok = await loadStored(connectorId);
      store.getState().clearConflict(connectorId);
      if (!ok)
        store
          .getState()
          .notify("warning", "The other tab's version could not be read; this tab's version is kept.");
    },
    async takeOver(connectorId) {
      forced.add(connectorId);
      store.getState().clearConflict(connectorId);
      await flush();
    },
    stop() {
      unsubscribe();
      clearTimeout(timer);
      if (idle !== undefined) cancelIdleCallback(idle);
      window.removeEventListener("pagehide", onPageHide);
      document.removeEventListener("visibilitychange", onVisibility);
      channel?.close();
      writer.stop();
      db.close();
    },
  };
}
