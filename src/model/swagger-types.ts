import type { JsonObject, JsonValue } from "./json-value";

/**
 * Swagger 2.0 shapes as connectors use them. Every object keeps an index signature: unknown keys and
 * `x-ms-*` extensions are part of the document and must survive every edit.
 */
export interface SwaggerDocument extends JsonObject {
  swagger?: string;
  info?: SwaggerInfo;
  host?: string;
  basePath?: string;
  schemes?: string[];
  consumes?: string[];
  produces?: string[];
  paths?: Record<string, PathItem>;
  definitions?: Record<string, Schema>;
  parameters?: Record<string, Parameter>;
  responses?: Record<string, Response>;
  securityDefinitions?: Record<string, SecurityScheme>;
  security?: Record<string, string[]>[];
  tags?: JsonObject[];
}

export interface SwaggerInfo extends JsonObject {
  title?: string;
  description?: string;
  version?: string;
  contact?: JsonObject;
}

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface PathItem extends JsonObject {
  parameters?: (Parameter | Reference)[];
}

export interface Operation extends JsonObject {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  consumes?: string[];
  produces?: string[];
  parameters?: (Parameter | Reference)[];
  responses?: Record<string, Response | Reference>;
  deprecated?: boolean;
}

export interface Reference extends JsonObject {
  $ref: string;
}

export interface Parameter extends JsonObject {
  name?: string;
  in?: "query" | "header" | "path" | "formData" | "body";
  required?: boolean;
  type?: string;
  format?: string;
  schema?: Schema;
  description?: string;
}

export interface Response extends JsonObject {
  description?: string;
  schema?: Schema;
  headers?: Record<string, JsonObject>;
}

export interface Schema extends JsonObject {
  $ref?: string;
  type?: string;
  format?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  required?: string[];
  enum?: JsonValue[];
}

export interface SecurityScheme extends JsonObject {
  type?: "basic" | "apiKey" | "oauth2";
  name?: string;
  in?: "header" | "query";
  flow?: string;
  authorizationUrl?: string;
  tokenUrl?: string;
  scopes?: Record<string, string>;
}

/** One operation located in the document. */
export interface OperationRef {
  path: string;
  method: HttpMethod;
  operation: Operation;
}

/** Lists every operation in document order. */
export function listOperations(definition: SwaggerDocument): OperationRef[] {
  const result: OperationRef[] = [];
  const paths = definition.paths;
  if (!paths || typeof paths !== "object") return result;
  for (const [path, item] of Object.entries(paths)) {
    if (!item || typeof item !== "object") continue;
    for (const method of Object.keys(item)) {
      if ((HTTP_METHODS as readonly string[]).includes(method)) {
        const operation = item[method];
        if (operation && typeof operation === "object" && !Array.isArray(operation)) {
          result.push({ path, method: method as HttpMethod, operation: operation as Operation });
        }
      }
    }
  }
  return result;
}
