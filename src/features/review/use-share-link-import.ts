import { useCallback, useEffect, useState } from "react";
import type { StoreApi } from "zustand/vanilla";
import type { SharedConnector } from "../../review/share-link";
import type { WorkspaceState } from "../../store/workspace-store";

export interface ShareLinkImport {
  /** A shared connector read from the link, waiting for the user to open it or not. */
  pending: SharedConnector | null;
  /** Opens the pending connector as a new connector. */
  open(): void;
  /** Leaves the workspace as it was. */
  cancel(): void;
}

function clearFragment(): void {
  history.replaceState(null, "", window.location.pathname + window.location.search);
}

/**
 * Reads a connector shared by link (`#connector=…`, on load or when the fragment changes) within the link limits
 * and holds it until the user confirms: {@link ShareLinkImport.open} adds it as a NEW connector, never overwriting
 * one; {@link ShareLinkImport.cancel} changes nothing. Either way the fragment is cleared so that a reload does not
 * ask again. A link that is damaged or too big is refused with a notice. Mounted once by the shell.
 */
export function useShareLinkImport(store: StoreApi<WorkspaceState>, ready: boolean): ShareLinkImport {
  const [pending, setPending] = useState<SharedConnector | null>(null);
  useEffect(() => {
    if (!ready) return;
    let stopped = false;
    const read = () => {
      const hash = window.location.hash;
      if (!hash.startsWith("#connector=")) return;
      void import("../../review/share-link").then(({ readShareFragment }) => {
        if (stopped) return;
        try {
          setPending(readShareFragment(hash));
        } catch (error) {
          clearFragment();
          store.getState().notify("error", error instanceof Error ? error.message : String(error));
        }
      });
    };
    read();
    window.addEventListener("hashchange", read);
    return () => {
      stopped = true;
      window.removeEventListener("hashchange", read);
    };
  }, [store, ready]);
  const open = useCallback(() => {
    if (!pending) return;
    clearFragment();
    setPending(null);
    store.getState().addConnector(pending.document, { source: "import" });
    store.getState().notify("info", "Opened the shared connector as a new connector.");
  }, [store, pending]);
  const cancel = useCallback(() => {
    clearFragment();
    setPending(null);
  }, []);
  return { pending, open, cancel };
}
