import type { ConnectorDocument } from "../model/connector-document";
import { isJsonObject, type JsonObject } from "../model/json-value";
import { listOperations, type OperationRef, type Parameter } from "../model/swagger-types";
import type { TryItValues } from "./prepare-request";

/** Where a dynamic dropdown takes its values from: the source operation and how to read its answer. */
export interface DynamicSource {
  operationId: string;
  /** Inputs of the source operation: literal values, or references to this operation's inputs. */
  parameters: Record<string, { value: string } | { reference: string }>;
  collectionPath: string;
  valuePath: string;
  titlePath: string;
}

/** One choice of a dynamic dropdown. */
export interface DynamicOption {
  value: string;
  title: string;
}

function str(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

/**
 * Reads `x-ms-dynamic-values` (or its successor `x-ms-dynamic-list`) of a parameter. Built-in operations and
 * capabilities (file picker) have no source operation in the connector and give null.
 */
export function dynamicSource(parameter: Parameter): DynamicSource | null {
  const values = parameter["x-ms-dynamic-values"];
  const list = parameter["x-ms-dynamic-list"];
  const ext = isJsonObject(values) ? values : isJsonObject(list) ? list : null;
  if (!ext || typeof ext.operationId !== "string") return null;
  const isList = ext === list;
  const parameters: DynamicSource["parameters"] = {};
  const raw = isJsonObject(ext.parameters) ? ext.parameters : {};
  for (const [name, spec] of Object.entries(raw)) {
    if (isJsonObject(spec)) {
      const ref = str(spec.parameter) ?? str(spec.parameterReference);
      if (ref !== undefined) parameters[name] = { reference: ref };
      else if (str(spec.value) !== undefined) parameters[name] = { value: str(spec.value) as string };
    } else if (str(spec) !== undefined) {
      parameters[name] = { value: str(spec) as string };
    }
  }
  return {
    operationId: ext.operationId,
    parameters,
    collectionPath: str(isList ? ext.itemsPath : ext["value-collection"]) ?? "",
    valuePath: str(isList ? ext.itemValuePath : ext["value-path"]) ?? "",
    titlePath: str(isList ? ext.itemTitlePath : ext["value-title"]) ?? "",
  };
}

/** The source operation in the document, or null when it is missing. */
export function findOperation(doc: ConnectorDocument, operationId: string): OperationRef | null {
  return listOperations(doc.definition).find((ref) => ref.operation.operationId === operationId) ?? null;
}

/**
 * Inputs for the source operation. Returns the names of this operation's inputs it still needs when a
 * referenced one is empty (the dropdown waits for them).
 */
export function sourceInputs(
  source: DynamicSource,
  values: TryItValues,
): { values: TryItValues; waitingFor: string[] } {
  const out: TryItValues = {};
  const waitingFor: string[] = [];
  for (const [name, spec] of Object.entries(source.parameters)) {
    if ("value" in spec) out[name] = spec.value;
    else {
      const v = values[spec.reference.split("/")[0] ?? spec.reference];
      if (typeof v === "string" && v !== "") out[name] = v;
      else waitingFor.push(spec.reference);
    }
  }
  return { values: out, waitingFor };
}

/** Follows a `/`- or `.`-separated path into a JSON value. An empty path is the value itself. */
function follow(value: unknown, path: string): unknown {
  if (path === "") return value;
  let current: unknown = value;
  for (const segment of path.split(/[/.]/).filter((s) => s !== "")) {
    if (Array.isArray(current) && /^\d+$/.test(segment)) current = current[Number(segment)];
    else if (isJsonObject(current)) current = (current as JsonObject)[segment];
    else return undefined;
  }
  return current;
}

/** The dropdown's choices from the source operation's answer. */
export function extractOptions(source: DynamicSource, body: unknown): DynamicOption[] | { error: string } {
  const collection = follow(body, source.collectionPath);
  if (!Array.isArray(collection))
    return {
      error: `The answer of ${source.operationId} has no list at "${source.collectionPath || "(the body)"}".`,
    };
  const options: DynamicOption[] = [];
  for (const item of collection) {
    const value = str(follow(item, source.valuePath));
    if (value === undefined) continue;
    options.push({ value, title: str(follow(item, source.titlePath)) ?? value });
  }
  return options;
}
