import { useEffect } from "react";
import type { StoreApi } from "zustand/vanilla";
import type { WorkspaceState } from "../store/workspace-store";

/** True for targets that handle their own undo: Monaco (it dispatches to the same history) and dialogs. */
function handlesOwnUndo(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return !!target.closest(".monaco-editor, dialog, [data-own-undo]");
}

/**
 * Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl+Y redo, on the one document history. Form fields are views
 * of the document, so the document's undo is the right one there too; Monaco keeps its keys.
 */
export function useUndoShortcuts(store: StoreApi<WorkspaceState>): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey) return;
      const mod = event.ctrlKey || event.metaKey;
      if (!mod || handlesOwnUndo(event.target)) return;
      const key = event.key.toLowerCase();
      const isUndo = key === "z" && !event.shiftKey;
      const isRedo = (key === "z" && event.shiftKey) || (key === "y" && event.ctrlKey && !event.shiftKey);
      if (!isUndo && !isRedo) return;
      event.preventDefault();
      if (isUndo) store.getState().undo();
      else store.getState().redo();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [store]);
}
