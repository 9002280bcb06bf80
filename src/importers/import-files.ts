import type { ConnectorDocument } from "../model/connector-document";
import { createEmptyConnector } from "../model/create-empty-connector";
import type { TextProblem } from "../model/diagnostic";
import type { ImportReportEntry } from "../model/import-report";
import { isJsonObject, type JsonObject, type JsonValue } from "../model/json-value";
import type { SecurityScheme, SwaggerDocument } from "../model/swagger-types";
import { decodeText } from "../model/text/decode-text";
import { parseJsonText, parseJsonValues, type ParseOutcome } from "../model/text/json-text";
import { LineIndex } from "../model/text/line-index";
import { jsonPointerRanges, yamlPointerRanges, type PointerRange } from "../model/text/pointer-range";
import { parseYamlText } from "../model/text/yaml-text";
import type { FurtherConnector, ImportOutcome, ImportSourceKind, InputFile } from "./import-types";
import { convertCustomApis, isCustomApiInput } from "./logic-apps/convert-custom-api";
import { makeImportReady, withPlaceholderHostNote } from "./make-ready";
import { countOpenApiOperations, countPostmanRequests } from "./input-count";
import { convertOpenApi3, isOpenApi3 } from "./openapi3/convert-openapi3";
import { convertPostman, isPostmanCollection } from "./postman/convert-postman";
import { prepareSwagger2 } from "./openapi3/swagger2-input";
import { withoutUrlCredentials } from "../model/credentials";
import { convertWsdl, looksLikeWsdl, WsdlImportError } from "./wsdl/convert-wsdl";
import { deriveConnectionProperties } from "./shared/derive-connection-parameters";
import { readZip } from "./shared/read-zip";

/** What a file of the input turned out to be. */
type FileRole =
  | "definition"
  | "properties"
  | "icon"
  | "script"
  | "settings"
  | "postman"
  | "postman-environment"
  | "openapi3"
  | "logic-apps"
  | "wsdl"
  | "structured"
  | "ignored";

interface ParsedFile {
  file: InputFile;
  role: FileRole;
  value?: JsonValue;
  text?: string;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function baseName(path: string): string {
  const parts = path.split("/");
  return parts[parts.length - 1] ?? path;
}

function isZip(file: InputFile): boolean {
  return file.path.toLowerCase().endsWith(".zip") || ZIP_MAGIC.every((b, i) => file.bytes[i] === b);
}

/** Zip entries an import never looks at, not even to list them: macOS resource forks. */
function isMacMetadata(path: string): boolean {
  return path.startsWith("__MACOSX/") || baseName(path).startsWith("._");
}

/**
 * Expands `.zip` inputs into their files (paths prefixed by nothing: a package zip holds the files at its root).
 * Only the entries an import can use are inflated, within {@link readZip}'s limits; the others are listed as
 * ignored.
 */
function expandZips(files: readonly InputFile[], problems: TextProblem[], notes: TextProblem[]): InputFile[] {
  const result: InputFile[] = [];
  for (const file of files) {
    if (!isZip(file)) {
      result.push(file);
      continue;
    }
    const outcome = readZip(file.bytes, (path) => !isMacMetadata(path) && roleFromName(path) !== null);
    if (!outcome.ok) {
      problems.push({ file: file.path, message: outcome.message });
      continue;
    }
    result.push(...outcome.files);
    for (const path of outcome.skipped)
      if (!isMacMetadata(path))
        notes.push({ file: path, message: "Ignored: not part of a connector package." });
  }
  return result;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function roleFromName(path: string): FileRole | null {
  const name = baseName(path).toLowerCase();
  if (name.endsWith(".swagger.json")) return "definition";
  if (name === "apiproperties.json") return "properties";
  if (name === "settings.json") return "settings";
  if (name.endsWith(".postman_environment.json")) return "postman-environment";
  if (name.endsWith(".postman_collection.json")) return "postman";
  if (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg")) return "icon";
  if (name.endsWith(".csx") || name.endsWith(".cs")) return "script";
  if (/\.(json|ya?ml)$/.test(name)) return "structured";
  if (name.endsWith(".wsdl") || name.endsWith(".xml")) return "wsdl";
  return null;
}

/** Line and column (of the key, else the value) of each pointer that exists exactly in a JSON or YAML text. */
function locatePointers(
  text: string,
  path: string,
  pointers: readonly string[],
): Map<string, { line: number; column: number }> {
  const out = new Map<string, { line: number; column: number }>();
  let ranges: Map<string, PointerRange>;
  try {
    const first = text.trimStart()[0];
    const json = !/\.ya?ml$/i.test(path) && (first === "{" || first === "[");
    ranges = json ? jsonPointerRanges(text, pointers) : yamlPointerRanges(text, pointers);
  } catch {
    return out; // the text parsed already; a scanner disagreement only costs the positions
  }
  const lines = new LineIndex(text);
  for (const [pointer, range] of ranges) {
    if (range.exact) out.set(pointer, lines.at(range.keyStart ?? range.start));
  }
  return out;
}

function parseStructured(text: string, path: string, valuesOnly = false): ParseOutcome<JsonValue> {
  const first = text.trimStart()[0];
  const isYamlName = /\.ya?ml$/i.test(path);
  if (!isYamlName && (first === "{" || first === "[")) {
    return valuesOnly ? parseJsonValues(text, path) : parseJsonText(text, path);
  }
  if (isYamlName || first !== undefined) return parseYamlText(text, path);
  return parseJsonText(text, path);
}

function sniffRole(value: JsonValue): FileRole {
  if (!isJsonObject(value)) return "ignored";
  if (value.swagger === "2.0") return "definition";
  if (isOpenApi3(value)) return "openapi3";
  if (isPostmanCollection(value)) return "postman";
  if (isCustomApiInput(value)) return "logic-apps";
  if (
    Array.isArray(value.values) &&
    (typeof value._postman_variable_scope === "string" || typeof value.name === "string")
  )
    return "postman-environment";
  const props = value.properties;
  if (
    isJsonObject(props) &&
    ("connectionParameters" in props || "iconBrandColor" in props || "capabilities" in props)
  )
    return "properties";
  return "structured";
}

/** The name of an import: the common top folder, else the main file's name without its extensions. */
function importName(files: readonly InputFile[], main: InputFile | undefined): string {
  const tops = new Set(files.map((f) => (f.path.includes("/") ? f.path.split("/")[0] : "")));
  if (tops.size === 1) {
    const [top] = tops;
    if (top) return top;
  }
  const source = main ? baseName(main.path) : "connector";
  return (
    source
      .replace(/\.(swagger|postman_collection|openapi)?\.?(json|ya?ml|zip|wsdl|xml)$/i, "")
      .replace(/\.$/, "") || "connector"
  );
}

export interface ImportOptions {
  /**
   * Take a Swagger 2.0 file exactly as it is, as a package is taken: for checking or comparing a definition
   * (CLI validate, diff, package; Compare with…), where fixing it on the way in would hide what it holds.
   */
  swaggerAsIs?: boolean;
  /**
   * Only the values will be read (CLI `validate`): the package's JSON files (definition, properties,
   * settings, known by their names) are parsed without the side tables that keep key order and number
   * lexemes for writing them back. Other files, which a converter may write out again, keep them.
   */
  valuesOnly?: boolean;
}

/**
 * Imports what a user dropped, picked or pasted: a connector package (its files, a folder or a `.zip`), a Swagger
 * 2.0 file (JSON or YAML), a Postman collection (with an optional environment) or an OpenAPI 3 document (with the
 * other files of a multi-file set). Pure and synchronous: the app runs it in a Worker, the CLI in Node.
 * Broken input never yields a partial connector: the outcome lists each problem with file, line and column.
 * A conversion, and a bare Swagger file neither written for the platform nor read `swaggerAsIs`, comes out
 * export-ready (see `makeImportReady`).
 */
export function importFiles(input: readonly InputFile[], options: ImportOptions = {}): ImportOutcome {
  const problems: TextProblem[] = [];
  const notes: TextProblem[] = [];
  const files = expandZips(input, problems, notes);
  if (problems.length > 0) return { ok: false, problems };
  if (files.length === 0) {
    const message =
      notes.length > 0
        ? "Nothing to import: none of its files is part of a connector package."
        : "Nothing to import: no files.";
    return { ok: false, problems: [{ file: input.map((f) => f.path).join(", ") || "(input)", message }] };
  }

  const parsed: ParsedFile[] = [];
  for (const file of files) {
    const role = roleFromName(file.path);
    if (role === null) {
      notes.push({ file: file.path, message: "Ignored: not part of a connector package." });
      continue;
    }
    if (role === "icon") {
      parsed.push({ file, role });
      continue;
    }
    const decoded = decodeText(file.bytes, file.path);
    notes.push(...decoded.notes);
    if (role === "script") {
      parsed.push({ file, role, text: decoded.text });
      continue;
    }
    if (role === "wsdl") {
      // XML is read by the WSDL converter; an XML file that is not a WSDL is not part of a connector.
      if (file.path.toLowerCase().endsWith(".wsdl") || looksLikeWsdl(decoded.text))
        parsed.push({ file, role, text: decoded.text });
      else notes.push({ file: file.path, message: "Ignored: an XML file that is not a WSDL 1.1 document." });
      continue;
    }
    const packageFile = role === "definition" || role === "properties" || role === "settings";
    const outcome = parseStructured(decoded.text, file.path, options.valuesOnly === true && packageFile);
    if (!outcome.ok) {
      problems.push(outcome.problem);
      continue;
    }
    notes.push(...outcome.notes);
    parsed.push({
      file,
      role: role === "structured" ? sniffRole(outcome.value) : role,
      value: outcome.value,
      text: decoded.text,
    });
  }
  if (problems.length > 0) return { ok: false, problems };

  const byRole = (role: FileRole) => parsed.filter((p) => p.role === role);
  const definitions = byRole("definition");
  const postman = byRole("postman");
  const openapi = byRole("openapi3");
  const mains = [...definitions, ...postman, ...openapi, ...byRole("logic-apps"), ...byRole("wsdl")];
  if (mains.length === 0) {
    return {
      ok: false,
      problems: [
        {
          file: files.map((f) => f.path).join(", "),
          message:
            "No API definition found: expected a Swagger 2.0 file (*.swagger.json, JSON or YAML), a Postman collection, an OpenAPI 3 document, a Logic Apps (customApis) template or a WSDL 1.1 file." +
            (files.some((f) => /\.bicep$/i.test(f.path))
              ? " A Bicep file is not read: import the ARM template (JSON) of the connector instead."
              : ""),
        },
      ],
    };
  }
  if (mains.length > 1) {
    return {
      ok: false,
      problems: [
        {
          file: mains.map((m) => m.file.path).join(", "),
          message: "Several API definitions were given together; import them one at a time.",
        },
      ],
    };
  }
  const main = mains[0] as ParsedFile;
  const hasProperties = parsed.some((p) => p.role === "properties");
  // A bare Swagger file may be one of a multi-file set: its companions are read, never ignored.
  const takesCompanions = main.role === "openapi3" || (main.role === "definition" && !hasProperties);
  for (const extra of byRole("structured")) {
    if (!takesCompanions)
      notes.push({ file: extra.file.path, message: "Ignored: not part of a connector package." });
  }

  let document: ConnectorDocument;
  let report: ImportReportEntry[];
  let kind: ImportSourceKind;
  let inputCount: { count: number; noun: string } | undefined;
  let name: string | undefined;
  let more: FurtherConnector[] = [];
  try {
    if (main.role === "postman") {
      const environment = byRole("postman-environment")[0]?.value;
      const result = convertPostman(main.value as JsonValue, {
        sourceName: main.file.path,
        ...(environment !== undefined ? { environment } : {}),
      });
      ({ document, report } = result);
      kind = "postman";
      inputCount = { count: countPostmanRequests(main.value as JsonValue), noun: "requests" };
    } else if (main.role === "logic-apps") {
      const [first, ...rest] = convertCustomApis(main.value as JsonValue, main.file.path);
      if (!first) throw new Error(`${main.file.path}: no Microsoft.Web/customApis resource.`);
      ({ document, report, name } = first);
      more = rest;
      kind = "logic-apps";
    } else if (main.role === "wsdl") {
      ({ document, report } = convertWsdl(main.text ?? "", main.file.path));
      kind = "wsdl";
      inputCount = { count: Object.keys(document.definition.paths ?? {}).length, noun: "SOAP operations" };
    } else if (main.role === "openapi3") {
      const companions: Record<string, JsonValue> = {};
      for (const p of parsed) {
        if (p !== main && p.value !== undefined && (p.role === "structured" || p.role === "definition")) {
          companions[p.file.path] = p.value;
        }
      }
      const result = convertOpenApi3(main.value as JsonValue, {
        sourceName: main.file.path,
        companions,
        locate: (pointers) => locatePointers(main.text ?? "", main.file.path, pointers),
      });
      ({ document, report } = result);
      kind = "openapi3";
      inputCount = { count: countOpenApiOperations(main.value as JsonValue), noun: "OpenAPI operations" };
    } else {
      const built = buildFromPackage(main, parsed, notes);
      document = built.document;
      kind = built.kind;
      report = built.report;
    }
  } catch (error) {
    const at =
      error instanceof WsdlImportError && error.line !== undefined
        ? { line: error.line, ...(error.column !== undefined ? { column: error.column } : {}) }
        : {};
    return {
      ok: false,
      problems: [{ file: main.file.path, ...at, message: withoutUrlCredentials(errorMessage(error)) }],
    };
  }
  const takenAsIs =
    kind === "connector-package" ||
    kind === "logic-apps" ||
    (kind === "swagger" && (options.swaggerAsIs === true || isWrittenForThePlatform(document.definition)));
  if (!takenAsIs) {
    // A conversion (or a bare Swagger file not written for the platform) comes out export-ready: the validator's safe quick fixes run on
    // it and each change is in the report. A package is taken as it is, so that it round-trips unchanged.
    const ready = makeImportReady(document);
    document = ready.document;
    report = withPlaceholderHostNote(document.definition, [...report, ...ready.report]);
  }

  return {
    ok: true,
    document,
    kind,
    name: name ?? importName(files, main.file),
    report: report.map(withoutCredentialsInEntry),
    notes,
    ...(inputCount ? { input: inputCount } : {}),
    ...(more.length > 0
      ? { more: more.map((c) => ({ ...c, report: c.report.map(withoutCredentialsInEntry) })) }
      : {}),
  };
}

/**
 * The last guard before the Import report (panel, CLI `--report`, logs): no URL in an entry keeps its user
 * name and password, whichever converter wrote it. The converters already cut them off and say so.
 */
function withoutCredentialsInEntry(entry: ImportReportEntry): ImportReportEntry {
  const source = withoutUrlCredentials(entry.source);
  const message = withoutUrlCredentials(entry.message);
  return source === entry.source && message === entry.message ? entry : { ...entry, source, message };
}

/** Extensions only a definition written for Power Platform carries (Azure's AutoRest ones do not count). */
const PLATFORM_EXTENSIONS = ["x-ms-summary", "x-ms-visibility", "x-ms-trigger", "x-ms-dynamic-values"];

/**
 * Whether a Swagger 2.0 definition was written for the platform (a connector's definition given without its
 * apiProperties.json): then it is the maker's own and is taken as it is, like a package; the import's fixes are
 * for API descriptions from elsewhere.
 */
function isWrittenForThePlatform(definition: SwaggerDocument): boolean {
  if (definition["x-ms-connector-metadata"] !== undefined) return true;
  const paths = isJsonObject(definition.paths) ? definition.paths : {};
  for (const item of Object.values(paths)) {
    if (!isJsonObject(item)) continue;
    for (const operation of Object.values(item)) {
      if (!isJsonObject(operation)) continue;
      if (PLATFORM_EXTENSIONS.some((key) => operation[key] !== undefined)) return true;
      const parameters = Array.isArray(operation.parameters) ? operation.parameters : [];
      for (const parameter of parameters)
        if (isJsonObject(parameter) && PLATFORM_EXTENSIONS.some((key) => parameter[key] !== undefined))
          return true;
    }
  }
  return false;
}

function buildFromPackage(
  main: ParsedFile,
  parsed: readonly ParsedFile[],
  notes: TextProblem[],
): { document: ConnectorDocument; kind: ImportSourceKind; report: ImportReportEntry[] } {
  if (!isJsonObject(main.value)) throw new Error("The API definition must be a JSON object.");
  const propertiesFile = parsed.find((p) => p.role === "properties");
  let definition = main.value as SwaggerDocument;
  let report: ImportReportEntry[] = [];
  if (!propertiesFile) {
    // A bare Swagger file (not a package): resolve $refs into the files dropped with it, repair what the
    // platform rejects, and report it. A package is taken as it is, so that it round-trips unchanged.
    const companions: Record<string, JsonValue> = {};
    for (const p of parsed) {
      if (p !== main && p.value !== undefined && p.role === "structured") companions[p.file.path] = p.value;
    }
    const prepared = prepareSwagger2(main.value as JsonValue, { sourceName: main.file.path, companions });
    definition = prepared.definition;
    report = prepared.report;
  }
  const settingsFile = parsed.find((p) => p.role === "settings");
  const iconFile = parsed.find((p) => p.role === "icon");
  const scriptFile = parsed.find((p) => p.role === "script");

  let properties: JsonObject;
  if (propertiesFile && isJsonObject(propertiesFile.value)) {
    properties = propertiesFile.value;
  } else {
    const defaults = createEmptyConnector().properties.properties as JsonObject;
    const securityDefinitions = (
      isJsonObject(definition.securityDefinitions) ? definition.securityDefinitions : {}
    ) as Record<string, SecurityScheme>;
    properties = { properties: { ...defaults, ...deriveConnectionProperties(securityDefinitions) } };
    if (Object.keys(securityDefinitions).length > 0) {
      notes.push({
        file: main.file.path,
        message: `apiProperties.json was not given; connection parameters were created from ${Object.keys(securityDefinitions).length} security definition(s).`,
      });
    }
  }
  const icon = iconFile
    ? {
        bytes: iconFile.file.bytes,
        mediaType: /\.jpe?g$/i.test(iconFile.file.path) ? "image/jpeg" : "image/png",
      }
    : null;
  return {
    document: {
      definition,
      properties,
      icon,
      script: scriptFile?.text ?? null,
      settings: settingsFile && isJsonObject(settingsFile.value) ? settingsFile.value : null,
    },
    kind: propertiesFile ? "connector-package" : "swagger",
    report,
  };
}
