import type { JsonObject } from "./json-value";
import type { SwaggerDocument } from "./swagger-types";

/** The icon file of a connector (`icon.png`; JPEG is accepted on input). */
export interface ConnectorIcon {
  bytes: Uint8Array;
  mediaType: "image/png" | "image/jpeg" | string;
}

/**
 * One connector: the four files a connector package holds, as one immutable value. Every edit returns a
 * new document sharing the branches it did not touch.
 */
export interface ConnectorDocument {
  /** `apiDefinition.swagger.json`: Swagger 2.0 with `x-ms-*` extensions. */
  definition: SwaggerDocument;
  /** `apiProperties.json` as a whole (`{ "properties": { … } }`), unknown keys kept. */
  properties: JsonObject;
  /** `icon.png`, when the connector has one. */
  icon: ConnectorIcon | null;
  /** `script.csx` (custom code), when the connector has it. */
  script: string | null;
  /** `settings.json` as imported (paconn's argument store), kept so it round-trips; null when absent. */
  settings: JsonObject | null;
}

/** The file names of a connector package, as paconn and pac connector expect them. */
export const PACKAGE_FILES = {
  definition: "apiDefinition.swagger.json",
  properties: "apiProperties.json",
  icon: "icon.png",
  script: "script.csx",
  settings: "settings.json",
} as const;

/** The display name of a connector: the definition's `info.title`, or a fallback. */
export function connectorTitle(doc: ConnectorDocument): string {
  const title = doc.definition.info?.title;
  return typeof title === "string" && title.trim() !== "" ? title : "Untitled connector";
}
