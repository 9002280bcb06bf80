import { createStore } from "zustand/vanilla";

/** What the header shows about autosave. `off` means the browser gives us no storage at all. */
export interface SaveStatus {
  state: "starting" | "saving" | "saved" | "error" | "off";
  savedAt: number | null;
  /** Set once the saved workspace has been restored (or found empty): the app is ready. */
  restored: boolean;
}

/** Shared by the lazily loaded autosave module and the header, so it lives apart from both. */
export const saveStatusStore = createStore<SaveStatus>()(() => ({
  state: "starting",
  savedAt: null,
  restored: false,
}));
