import SwaggerParser from "@apidevtools/swagger-parser";
import type { Diagnostic } from "../model/diagnostic";
import type { SwaggerDocument } from "../model/swagger-types";
import { DEFINITION_FILE } from "./rule-types";

/**
 * swagger-parser options that never load anything: no http, no file reads, and a resolver that matches every
 * external URL and throws, so an external `$ref` becomes an error naming the URL instead of a request.
 */
export const DENY_EXTERNAL_REFS = {
  resolve: {
    http: false as const,
    file: false as const,
    denyExternal: {
      order: 1,
      canRead: true,
      read: (file: { url: string }): never => {
        throw new Error(`External $ref not allowed: ${file.url}`);
      },
    },
  },
};

/**
 * Runs swagger-parser's own `validate` (schema + spec checks) on a copy of the definition with external
 * references denied, as one diagnostic. Not on the keystroke path: the rule engine covers its spec checks
 * (path parameters, duplicate parameters, operationId uniqueness, `$ref` existence, array items) at a
 * fraction of the cost; this is the baseline the corpus and the benchmark compare against. In a browser
 * it needs the Buffer polyfill first.
 */
export async function checkWithSwaggerParser(definition: SwaggerDocument): Promise<Diagnostic[]> {
  try {
    // validate() dereferences in place: give it a copy.
    await SwaggerParser.validate(structuredClone(definition) as never, DENY_EXTERNAL_REFS as never);
    return [];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [{ ruleId: "SwaggerParser", severity: "error", file: DEFINITION_FILE, path: "", message }];
  }
}
