import { isJsonObject, type JsonValue } from "../model/json-value";

const OPENAPI_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** How many requests a Postman collection holds (v1 `requests`, v2 items with a `request`, folders walked). */
export function countPostmanRequests(collection: JsonValue): number {
  if (!isJsonObject(collection)) return 0;
  if (Array.isArray(collection.requests)) return collection.requests.length;
  let count = 0;
  const stack: JsonValue[] = Array.isArray(collection.item) ? [...collection.item] : [];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!isJsonObject(item)) continue;
    if (item.request !== undefined) count++;
    if (Array.isArray(item.item)) stack.push(...item.item);
  }
  return count;
}

/** How many operations an OpenAPI 3 document declares under `paths`. */
export function countOpenApiOperations(document: JsonValue): number {
  if (!isJsonObject(document) || !isJsonObject(document.paths)) return 0;
  let count = 0;
  for (const item of Object.values(document.paths))
    if (isJsonObject(item)) for (const m of OPENAPI_METHODS) if (isJsonObject(item[m])) count++;
  return count;
}
