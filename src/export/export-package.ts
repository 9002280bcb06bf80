import { zipSync } from "fflate";
import { connectorTitle, PACKAGE_FILES, type ConnectorDocument } from "../model/connector-document";
import type { JsonObject } from "../model/json-value";
import { clientSecretNote, documentForWriting } from "../model/secrets";
import { stringifyJson } from "../model/text/json-text";

/** One file of an exported connector package. */
export interface PackageFile {
  path: string;
  bytes: Uint8Array;
}

export interface ExportOptions {
  /** Indentation of the JSON files: 4 spaces (what certification asks) unless told otherwise; 0 minifies. */
  indent?: number;
}

export interface ExportedPackage {
  files: PackageFile[];
  /** Things the user should know (e.g. a client secret was left out). */
  notes: string[];
}

const encoder = new TextEncoder();

/**
 * The `settings.json` that paconn (`paconn create -s settings.json`) and pac connector read: the file names of
 * the package, plus whatever the imported settings had (connectorId, environment, URLs).
 */
export function buildSettings(doc: ConnectorDocument): JsonObject {
  const settings: JsonObject = { ...(doc.settings ?? {}) };
  settings.apiDefinition = PACKAGE_FILES.definition;
  settings.apiProperties = PACKAGE_FILES.properties;
  if (doc.icon) settings.icon = PACKAGE_FILES.icon;
  else delete settings.icon;
  if (doc.script !== null) settings.script = PACKAGE_FILES.script;
  else delete settings.script;
  settings.powerAppsUrl ??= "https://api.powerapps.com";
  settings.powerAppsApiVersion ??= "2016-11-01";
  return settings;
}

/**
 * The files of a connector package: `apiDefinition.swagger.json`, `apiProperties.json` (every client secret
 * value left out, see {@link documentForWriting}), `icon.png` and `script.csx` when the connector has them,
 * and `settings.json` for paconn. JSON is written with 4-space indentation and the source key order, so an
 * untouched import exports the same JSON (but for a client secret value).
 */
export function exportPackageFiles(source: ConnectorDocument, options: ExportOptions = {}): ExportedPackage {
  const indent = options.indent ?? 4;
  const { document: doc, removed } = documentForWriting(source);
  const notes = removed.map(clientSecretNote);
  const text = (value: JsonObject) => encoder.encode(stringifyJson(value, indent === 0 ? "" : indent));
  const files: PackageFile[] = [
    { path: PACKAGE_FILES.definition, bytes: text(doc.definition) },
    { path: PACKAGE_FILES.properties, bytes: text(doc.properties) },
  ];
  if (doc.icon) files.push({ path: PACKAGE_FILES.icon, bytes: doc.icon.bytes });
  if (doc.script !== null) files.push({ path: PACKAGE_FILES.script, bytes: encoder.encode(doc.script) });
  files.push({ path: PACKAGE_FILES.settings, bytes: text(buildSettings(doc)) });
  return { files, notes };
}

/** The connector package as a zip (the files at the root of the archive). */
export function exportPackageZip(doc: ConnectorDocument, options: ExportOptions = {}): Uint8Array {
  const { files } = exportPackageFiles(doc, options);
  const entries: Record<string, Uint8Array> = {};
  for (const file of files) entries[file.path] = file.bytes;
  return zipSync(entries, { level: 6 });
}

/**
 * `<connector name>.zip`: characters that Windows refuses in file names become `-`, and trailing dots and
 * spaces (which Windows drops) are removed.
 */
export function packageFileName(doc: ConnectorDocument): string {
  const name = Array.from(connectorTitle(doc), (ch) =>
    ch.charCodeAt(0) < 0x20 || '<>:"/\\|?*'.includes(ch) ? "-" : ch,
  )
    .join("")
    .replace(/[. ]+$/, "")
    .trim();
  return `${name || "connector"}.zip`;
}
