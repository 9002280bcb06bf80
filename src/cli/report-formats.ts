import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Severity } from "../model/diagnostic";
import type { SourceLocation } from "./source-locations";

/** SARIF result levels. */
export type SarifLevel = "error" | "warning" | "note";

/** One finding of `validate` or `diff`, ready for any output format. */
export interface Finding {
  ruleId: string;
  level: SarifLevel;
  message: string;
  /** The package file the JSON pointer is in (`apiDefinition.swagger.json`). */
  packageFile: string;
  pointer: string;
  location: SourceLocation;
}

/** A rule as the SARIF driver lists it: id, default level, a help text. */
export interface RuleDescription {
  id: string;
  level: SarifLevel;
  help: string;
}

export function levelOf(severity: Severity): SarifLevel {
  return severity === "info" ? "note" : severity;
}

const SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI = "https://www.npmjs.com/package/connector-studio";

/** A path as a SARIF URI reference: relative to the working folder (segments percent-encoded), else file://. */
export function artifactUri(file: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, path.resolve(cwd, file));
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative))
    return pathToFileURL(path.resolve(cwd, file)).href;
  return relative.split(path.sep).map(encodeURIComponent).join("/");
}

/**
 * A SARIF 2.1.0 log with one run: `tool.driver` lists every rule (id, default level, help text), each result
 * has its rule, level, message, a physical location (file, and line/column when known) and the JSON pointer as
 * its logical location.
 */
export function sarifLog(
  tool: { name: string; version: string },
  rules: readonly RuleDescription[],
  findings: readonly Finding[],
): object {
  const allRules = [...rules];
  const index = new Map(allRules.map((r, i) => [r.id, i]));
  for (const f of findings)
    if (!index.has(f.ruleId)) {
      index.set(f.ruleId, allRules.length);
      allRules.push({ id: f.ruleId, level: f.level, help: f.ruleId });
    }
  return {
    $schema: SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            informationUri: INFORMATION_URI,
            rules: allRules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.help },
              help: { text: r.help },
              defaultConfiguration: { level: r.level },
            })),
          },
        },
        columnKind: "utf16CodeUnits",
        results: findings.map((f) => ({
          ruleId: f.ruleId,
          ruleIndex: index.get(f.ruleId),
          level: f.level,
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: artifactUri(f.location.file) },
                ...(f.location.line !== undefined
                  ? { region: { startLine: f.location.line, startColumn: f.location.column ?? 1 } }
                  : {}),
              },
              logicalLocations: [
                {
                  name: f.pointer === "" ? "/" : f.pointer,
                  fullyQualifiedName: `${f.packageFile}#${f.pointer}`,
                },
              ],
            },
          ],
        })),
      },
    ],
  };
}

const escapeData = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/**
 * A GitHub Actions workflow command that annotates the file: `::error file=…,line=…,col=…,title=<ruleId>::…`
 * (`::warning` for warnings, `::notice` for notes); the file relative to the working folder.
 */
export function githubAnnotation(f: Finding, cwd = process.cwd()): string {
  const command = f.level === "note" ? "notice" : f.level;
  const file = path.relative(cwd, path.resolve(cwd, f.location.file)).split(path.sep).join("/");
  const props = [`file=${escapeProperty(file)}`];
  if (f.location.line !== undefined) props.push(`line=${f.location.line}`);
  if (f.location.column !== undefined) props.push(`col=${f.location.column}`);
  props.push(`title=${escapeProperty(f.ruleId)}`);
  const where = f.pointer === "" ? "" : ` (${f.packageFile} ${f.pointer})`;
  return `::${command} ${props.join(",")}::${escapeData(`${f.message}${where}`)}`;
}
