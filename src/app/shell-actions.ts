import { createContext, useContext } from "react";
import type { ImportSource } from "./import/import-protocol";

/** What the shell's controls can ask for; provided once by the app so that every button does the same. */
export interface ShellActions {
  importFiles(files: ImportSource[]): Promise<void>;
  /** Opens the file chooser of the hidden "Import file" input. */
  chooseFiles(): void;
  openPaste(): void;
  /** Opens the Go to dialog (also Ctrl/Cmd+K). */
  openGoTo(): void;
  exportActive(): Promise<void>;
  /** Deletes a connector's saved draft: only for the user's own delete (see AutosaveControls.deleteDraft). */
  deleteDraft(connectorId: string): void;
  reloadFromStorage(connectorId: string): void;
  takeOver(connectorId: string): void;
}

export const ShellActionsContext = createContext<ShellActions | null>(null);

export function useShellActions(): ShellActions {
  const actions = useContext(ShellActionsContext);
  if (!actions) throw new Error("useShellActions must be used inside the app shell");
  return actions;
}
