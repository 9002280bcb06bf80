import { useEffect } from "react";
import type { StoreApi } from "zustand/vanilla";
import type { WorkspaceState } from "../../store/workspace-store";

/**
 * Opens a connector shared by link (`#connector=…`) as a NEW connector, never overwriting one, then clears the
 * fragment so that a reload does not import it twice. Mounted once by the shell.
 */
export function useShareLinkImport(store: StoreApi<WorkspaceState>, ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    const hash = window.location.hash;
    if (!hash.startsWith("#connector=")) return;
    void import("../../review/share-link").then(({ decodeShareFragment }) => {
      try {
        const doc = decodeShareFragment(hash);
        store.getState().addConnector(doc, { source: "import" });
        store.getState().notify("info", "Opened the shared connector as a new connector.");
      } catch (error) {
        store.getState().notify("error", error instanceof Error ? error.message : String(error));
      }
      history.replaceState(null, "", window.location.pathname + window.location.search);
    });
  }, [store, ready]);
}
