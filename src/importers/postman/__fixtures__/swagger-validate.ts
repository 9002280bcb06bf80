import SwaggerParser from "@apidevtools/swagger-parser";
import type { SwaggerDocument } from "../../../model/swagger-types";

/** swagger-parser options that never read a file or URL: an external `$ref` fails and is named. */
const DENY_EXTERNAL = {
  resolve: {
    http: false,
    file: false,
    denyExternal: {
      order: 1,
      canRead: true,
      read: (file: { url: string }) => {
        throw new Error(`External $ref not allowed: ${file.url}`);
      },
    },
  },
};

/** Validates a converted definition with swagger-parser (on a clone: validate dereferences in place). */
export async function swaggerProblem(definition: SwaggerDocument): Promise<string | undefined> {
  try {
    await SwaggerParser.validate(structuredClone(definition) as never, DENY_EXTERNAL as never);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
