/**
 * The Code step as pure functions: custom code (`script.csx`) and the operations it runs for
 * (`apiProperties.properties.scriptOperations`; none listed means every operation).
 */
import type { Command } from "../command";
import type { ConnectorDocument } from "../connector-document";
import { getAtPointer, removeAtPointer, setAtPointer } from "../json-pointer";
import { listOperations } from "../swagger-types";

/** The platform's limit for custom code. */
export const SCRIPT_MAX_BYTES = 1024 * 1024;

export const SCRIPT_OPERATIONS_POINTER = "/properties/scriptOperations";

/** The starting template of the script class, as the platform expects it. */
export const SCRIPT_TEMPLATE = `public class Script : ScriptBase
{
    public override async Task<HttpResponseMessage> ExecuteAsync()
    {
        // Runs for the operations chosen under Operations (all of them when none is chosen).
        // Forward the request unchanged; change this.Context.Request before sending, or the response after.
        HttpResponseMessage response = await this.Context.SendAsync(this.Context.Request, this.CancellationToken)
            .ConfigureAwait(continueOnCapturedContext: false);
        return response;
    }
}
`;

export interface CodeFormValues {
  enabled: boolean;
  script: string;
  operations: string[];
}

/** Reads the Code form values. */
export function toCodeFormValues(doc: ConnectorDocument): CodeFormValues {
  const ops = getAtPointer(doc.properties, SCRIPT_OPERATIONS_POINTER);
  return {
    enabled: doc.script !== null,
    script: doc.script ?? "",
    operations: Array.isArray(ops) ? ops.filter((op): op is string => typeof op === "string") : [],
  };
}

/**
 * Whether the platform runs the connector's custom code for an operation: there is a script and its
 * operation list is empty (every operation) or names this one.
 */
export function scriptRunsFor(doc: ConnectorDocument, operationId: string | undefined): boolean {
  if (doc.script === null) return false;
  const { operations } = toCodeFormValues(doc);
  return operations.length === 0 || (operationId !== undefined && operations.includes(operationId));
}

/** Operation ids of the definition, in path order, for the Operations picker. */
export function operationIds(doc: ConnectorDocument): string[] {
  return listOperations(doc.definition)
    .map((ref) => ref.operation.operationId)
    .filter((id): id is string => typeof id === "string" && id !== "");
}

/** Size of a script in UTF-8 bytes (what the 1 MB limit counts). */
export function scriptByteLength(script: string): number {
  return new TextEncoder().encode(script).length;
}

/** Why a script cannot be stored (over 1 MB), or null. */
export function scriptSizeProblem(script: string): string | null {
  const bytes = scriptByteLength(script);
  if (bytes <= SCRIPT_MAX_BYTES) return null;
  return `Custom code is ${(bytes / 1024 / 1024).toFixed(2)} MB; the platform accepts at most 1 MB. Move code out or shorten it.`;
}

/** Problems with an uploaded code file name (.cs or .csx only), or null. */
export function codeFileProblem(fileName: string): string | null {
  return /\.(csx?|CSX?)$/.test(fileName) ? null : "Choose a C# file (.cs or .csx).";
}

/**
 * Turns custom code on (with the starting template) or off. Turning it off removes the script and the
 * operation list in one command, so Undo brings both back.
 */
export function setCodeEnabled(enabled: boolean): Command {
  return {
    name: "code:set:enabled",
    label: enabled ? "Enable custom code" : "Disable custom code",
    apply: (doc) => {
      if (enabled) return doc.script !== null ? doc : { ...doc, script: SCRIPT_TEMPLATE };
      if (doc.script === null) return doc;
      const hasOps = getAtPointer(doc.properties, SCRIPT_OPERATIONS_POINTER) !== undefined;
      return {
        ...doc,
        script: null,
        properties: hasOps ? removeAtPointer(doc.properties, SCRIPT_OPERATIONS_POINTER) : doc.properties,
      };
    },
  };
}

/** Replaces the script text. Scripts over 1 MB are refused (the command is a no-op); check first. */
export function setScriptText(script: string): Command {
  return {
    name: "code:set:script",
    label: "Edit custom code",
    apply: (doc) => (doc.script === script || scriptSizeProblem(script) !== null ? doc : { ...doc, script }),
  };
}

/** Sets which operations run the code. An empty list removes the key (the code then runs for all). */
export function setScriptOperations(operations: readonly string[]): Command {
  return {
    name: "code:set:script-operations",
    label: "Change code operations",
    apply: (doc) => {
      const current = toCodeFormValues(doc).operations;
      if (current.length === operations.length && current.every((op, i) => op === operations[i])) return doc;
      if (operations.length === 0)
        return { ...doc, properties: removeAtPointer(doc.properties, SCRIPT_OPERATIONS_POINTER) };
      return { ...doc, properties: setAtPointer(doc.properties, SCRIPT_OPERATIONS_POINTER, [...operations]) };
    },
  };
}

/** True when a place in the connector belongs to the Code step (for focus requests). */
export function isCodePointer(file: string, path: string): boolean {
  if (file === "script.csx") return true;
  return (
    file === "apiProperties.json" &&
    (path === SCRIPT_OPERATIONS_POINTER || path.startsWith(SCRIPT_OPERATIONS_POINTER + "/"))
  );
}
