import { createContext, useContext, type ReactNode } from "react";
import { useStore, type StoreApi } from "zustand";
import type { WorkspaceState } from "./workspace-store";

const WorkspaceStoreContext = createContext<StoreApi<WorkspaceState> | null>(null);

export function WorkspaceStoreProvider({
  store,
  children,
}: {
  store: StoreApi<WorkspaceState>;
  children: ReactNode;
}) {
  return <WorkspaceStoreContext.Provider value={store}>{children}</WorkspaceStoreContext.Provider>;
}

/** The store itself, for imperative reads in event handlers. Throws outside the provider. */
export function useWorkspaceStoreApi(): StoreApi<WorkspaceState> {
  const store = useContext(WorkspaceStoreContext);
  if (!store) throw new Error("useWorkspace must be used inside <WorkspaceStoreProvider>");
  return store;
}

/** Subscribes to a slice of the workspace. */
export function useWorkspace<T>(selector: (state: WorkspaceState) => T): T {
  return useStore(useWorkspaceStoreApi(), selector);
}
