import type { ConnectorIcon } from "../model/connector-document";
import type { Diagnostic } from "../model/diagnostic";
import type { JsonObject } from "../model/json-value";
import type { Budget } from "./budget";

/**
 * The definition travels as JSON text: serialising it on the main thread is cheaper than structured-cloning
 * the object (measured in scripts/bench/validation.ts), and `definitionText: null` means "the same definition
 * as the last request" so an unchanged definition is not sent again (the Validation panel, the Review
 * checklist and the export gate ask about the same document one after the other).
 */
interface WithDefinition {
  id: number;
  definitionText: string | null;
}

/** Validate the connector, plain (what the export gate checks) or in certification mode. */
export interface ValidateRequest extends WithDefinition {
  type: "validate";
  properties: JsonObject;
  script: string | null;
  icon: ConnectorIcon | null;
  certification: boolean;
}

/** The platform budget of the definition (size, operations, schemas per body) for the Review step. */
export interface BudgetRequest extends WithDefinition {
  type: "budget";
}

export type ValidationWorkerRequest = ValidateRequest | BudgetRequest;

export type ValidationWorkerResponse =
  | { type: "result"; id: number; diagnostics: Diagnostic[]; /** Worker time in ms. */ elapsed: number }
  | { type: "budget"; id: number; budget: Budget; /** Worker time in ms. */ elapsed: number }
  | { type: "error"; id: number; message: string };
