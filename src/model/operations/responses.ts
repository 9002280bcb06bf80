import type { Command } from "../command";
import { removeAtPointer, setAtPointer } from "../json-pointer";
import { isJsonObject, type JsonObject, type JsonValue } from "../json-value";
import type { Response, Schema } from "../swagger-types";
import { getOperation, type OperationLocation } from "./operations";
import { mergeSampleKeepingEdits, parseHeaderLines, schemaFromSample } from "./parameters";

/** What the Add default response dialog collects. */
export interface ResponseSample {
  /** One `Name: value` per line. */
  headers: string;
  /** JSON text (may be empty). */
  body: string;
}

/** Parses a response sample; clear messages for bad header lines or a body that is not JSON. */
export function parseResponseSample(
  sample: ResponseSample,
):
  | { ok: true; headers: { name: string; value: string }[]; body: JsonValue | undefined }
  | { ok: false; errors: string[] } {
  const { headers, errors } = parseHeaderLines(sample.headers);
  let body: JsonValue | undefined;
  if (sample.body.trim() !== "") {
    try {
      body = JSON.parse(sample.body) as JsonValue;
    } catch (error) {
      errors.push(`The body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, headers, body };
}

const SKIPPED_RESPONSE_HEADERS = new Set([
  "content-type",
  "content-length",
  "date",
  "server",
  "connection",
  "transfer-encoding",
]);

/**
 * Add default response from a sample: the schema goes on `200` (a `default` response with a schema is
 * rejected by certification, rule DefaultResponseHasSchema). A response that exists is merged: the maker's
 * edits to properties stay, new properties are added; sample headers become response headers.
 */
export function importResponseSample(
  location: OperationLocation,
  sample: { headers: { name: string; value: string }[]; body: JsonValue | undefined },
  status = "200",
): Command {
  return {
    name: "definition:import:response-sample",
    label: "Add default response",
    apply: (doc) => {
      const operation = getOperation(doc.definition, location);
      if (!operation) return doc;
      const responses: JsonObject = isJsonObject(operation.responses) ? operation.responses : {};
      const existing = isJsonObject(responses[status]) ? (responses[status] as Response) : undefined;
      let response: Response = existing ?? { description: status === "200" ? "OK" : status };
      if (sample.body !== undefined) {
        const inferred = schemaFromSample(sample.body);
        response = {
          ...response,
          schema: mergeSampleKeepingEdits(
            isJsonObject(response.schema) ? (response.schema as Schema) : undefined,
            inferred,
          ),
        };
      }
      const headers = sample.headers.filter((h) => !SKIPPED_RESPONSE_HEADERS.has(h.name.toLowerCase()));
      if (headers.length > 0) {
        const current: JsonObject = isJsonObject(response.headers) ? response.headers : {};
        const next: JsonObject = { ...current };
        for (const h of headers)
          if (next[h.name] === undefined) next[h.name] = { type: "string", description: h.name };
        response = { ...response, headers: next as Response["headers"] };
      }
      return {
        ...doc,
        definition: setAtPointer(
          doc.definition,
          ["paths", location.path, location.method, "responses", status],
          response,
        ),
      };
    },
  };
}

/** Adds a response for a status code (or `default`) with a description. No-op when it exists. */
export function addResponse(location: OperationLocation, status: string, description: string): Command {
  return {
    name: "definition:add:response",
    label: `Add ${status} response`,
    apply: (doc) => {
      const operation = getOperation(doc.definition, location);
      if (!operation) return doc;
      if (!/^([1-5]\d\d|default)$/.test(status)) return doc;
      if (isJsonObject(operation.responses) && operation.responses[status] !== undefined) return doc;
      return {
        ...doc,
        definition: setAtPointer(
          doc.definition,
          ["paths", location.path, location.method, "responses", status],
          {
            description: description || status,
          },
        ),
      };
    },
  };
}

/** Removes the response of a status code. */
export function removeResponse(location: OperationLocation, status: string): Command {
  return {
    name: "definition:remove:response",
    label: `Remove ${status} response`,
    apply: (doc) => {
      const operation = getOperation(doc.definition, location);
      if (!operation || !isJsonObject(operation.responses) || operation.responses[status] === undefined)
        return doc;
      return {
        ...doc,
        definition: removeAtPointer(doc.definition, [
          "paths",
          location.path,
          location.method,
          "responses",
          status,
        ]),
      };
    },
  };
}

/** Status codes in document order. */
export function responseStatuses(responses: unknown): string[] {
  return isJsonObject(responses) ? Object.keys(responses) : [];
}
