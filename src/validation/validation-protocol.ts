import type { ConnectorIcon } from "../model/connector-document";
import type { Diagnostic } from "../model/diagnostic";
import type { JsonObject } from "../model/json-value";

/**
 * A validation request to the worker. The definition travels as JSON text: serialising it on the main
 * thread is cheaper than structured-cloning the object (measured in scripts/bench/validation.ts), and
 * `definitionText: null` means "the same definition as the last request" so unchanged definitions are not
 * sent again.
 */
export interface ValidateRequest {
  type: "validate";
  id: number;
  definitionText: string | null;
  properties: JsonObject;
  script: string | null;
  icon: ConnectorIcon | null;
  certification: boolean;
}

export type ValidationWorkerRequest = ValidateRequest;

export type ValidationWorkerResponse =
  | { type: "result"; id: number; diagnostics: Diagnostic[]; /** Worker time in ms. */ elapsed: number }
  | { type: "error"; id: number; message: string };
