import { isJsonObject, type JsonObject } from "./json-value";
import type { Operation, SwaggerDocument } from "./swagger-types";

/** The connector-level extension that keeps an imported WSDL (lossless) for the Logic Apps export. */
export const WSDL_EXTENSION = "x-connector-studio-wsdl";
/** The operation-level extension that marks a SOAP pass-through operation (its body is the envelope). */
export const SOAP_OPERATION_EXTENSION = "x-connector-studio-soap";

export type SoapVersion = "1.1" | "1.2";

/** What `x-connector-studio-wsdl` holds. */
export interface WsdlExtension extends JsonObject {
  content: string;
  /** The chosen service and port, in Clark notation (`{namespace}Name`), as Logic Apps' wsdlDefinition names them. */
  service: { qualifiedName: string; endpointQualifiedNames: string[] };
  soapVersion: SoapVersion;
  endpoint: string;
}

/** What `x-connector-studio-soap` holds on an operation. */
export interface SoapOperationExtension extends JsonObject {
  version: SoapVersion;
  operation: string;
  action: string;
}

/** The WSDL a connector was imported from, when it was (and the extension is still whole). */
export function wsdlOf(definition: SwaggerDocument): WsdlExtension | null {
  const value = definition[WSDL_EXTENSION];
  if (!isJsonObject(value) || typeof value.content !== "string" || !isJsonObject(value.service)) return null;
  if (typeof value.service.qualifiedName !== "string") return null;
  return value as WsdlExtension;
}

/** The SOAP pass-through marker of an operation, or null for a REST operation. */
export function soapOperationOf(
  operation: Operation | JsonObject | undefined,
): SoapOperationExtension | null {
  const value = operation?.[SOAP_OPERATION_EXTENSION];
  if (!isJsonObject(value) || (value.version !== "1.1" && value.version !== "1.2")) return null;
  if (typeof value.action !== "string" || typeof value.operation !== "string") return null;
  return value as SoapOperationExtension;
}
