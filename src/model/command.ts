import type { ConnectorDocument } from "./connector-document";

/**
 * An edit of the connector document: a label for the undo menu and a pure function that returns the
 * next document (or the same one when there is nothing to change). Commands are built by the factories in
 * `model/operations/*`; features and the Swagger editor dispatch them through the store.
 */
export interface Command {
  /** Stable name for logs and tests, `area:verb:object` (e.g. `definition:set:operation-summary`). */
  name: string;
  /** Human label, sentence case (e.g. "Change summary"). */
  label: string;
  apply(doc: ConnectorDocument): ConnectorDocument;
}

/** Combines several commands into one undo step, applied in order. */
export function batchCommands(name: string, label: string, commands: readonly Command[]): Command {
  return {
    name,
    label,
    apply: (doc) => commands.reduce((current, command) => command.apply(current), doc),
  };
}
