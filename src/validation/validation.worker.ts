/// <reference lib="webworker" />
import type { ConnectorDocument } from "../model/connector-document";
import type { SwaggerDocument } from "../model/swagger-types";
import { computeBudget, primeDefinitionText } from "./budget";
import { validateConnectorSync } from "./validate-connector";
import type { ValidationWorkerRequest, ValidationWorkerResponse } from "./validation-protocol";

// The validator itself needs no Node polyfills: the Swagger schema runs on ajv and the rules are plain
// TypeScript. swagger-parser (which needs Buffer) is deliberately not on this path; see docs/validation-rules.md.

let lastDefinition: SwaggerDocument | null = null;
/** The budget reads only the definition. */
const EMPTY_PARTS: Omit<ConnectorDocument, "definition"> = {
  properties: {},
  icon: null,
  script: null,
  settings: null,
};

function respond(message: ValidationWorkerResponse): void {
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);
}

self.onmessage = (event: MessageEvent<ValidationWorkerRequest>) => {
  const request = event.data;
  if (request.type !== "validate" && request.type !== "budget") return;
  const started = performance.now();
  try {
    if (request.definitionText !== null) {
      lastDefinition = JSON.parse(request.definitionText) as SwaggerDocument;
      // The client sends the compact text of the definition: its length is the minified size.
      primeDefinitionText(lastDefinition, request.definitionText);
    }
    if (!lastDefinition) throw new Error("No definition was sent.");
    if (request.type === "budget") {
      const budget = computeBudget({ ...EMPTY_PARTS, definition: lastDefinition });
      respond({ type: "budget", id: request.id, budget, elapsed: performance.now() - started });
      return;
    }
    const doc: ConnectorDocument = {
      definition: lastDefinition,
      properties: request.properties,
      icon: request.icon,
      script: request.script,
      settings: null,
    };
    const diagnostics = validateConnectorSync(doc, { certification: request.certification });
    respond({ type: "result", id: request.id, diagnostics, elapsed: performance.now() - started });
  } catch (error) {
    respond({
      type: "error",
      id: request.id,
      message: error instanceof Error ? error.message : String(error),
    });
  }
};
