import type { ConnectorDocument } from "../model/connector-document";
import type { Diagnostic } from "../model/diagnostic";

export interface ValidateOptions {
  /** Adds the certification content rules. */
  certification?: boolean;
}

/**
 * Validates a connector (schema, swagger-parser semantics and the validator rules) and returns every
 * diagnostic. Runs in Node (CLI), in a Worker, and in tests.
 * TODO(validation): implement.
 */
export async function validateConnector(
  doc: ConnectorDocument,
  options: ValidateOptions = {},
): Promise<Diagnostic[]> {
  void doc;
  void options;
  return [];
}
