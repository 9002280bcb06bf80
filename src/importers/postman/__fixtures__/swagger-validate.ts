import SwaggerParser from "@apidevtools/swagger-parser";
import type { SwaggerDocument } from "../../../model/swagger-types";
import { DENY_EXTERNAL_REFS } from "../../../validation/swagger-parser-check";

/** Validates a converted definition with swagger-parser (on a clone: validate dereferences in place). */
export async function swaggerProblem(definition: SwaggerDocument): Promise<string | undefined> {
  try {
    await SwaggerParser.validate(structuredClone(definition) as never, DENY_EXTERNAL_REFS as never);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
