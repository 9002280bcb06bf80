import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import { decodeText } from "../../src/model/text/decode-text";
import { parseJsonText } from "../../src/model/text/json-text";
import { parseYamlText } from "../../src/model/text/yaml-text";
import type { JsonObject, JsonValue } from "../../src/model/json-value";
import type { SecurityScheme } from "../../src/model/swagger-types";
import { listOperations } from "../../src/model/swagger-types";
import { convertOpenApi3, isOpenApi3 } from "../../src/importers/openapi3/convert-openapi3";
import { prepareSwagger2 } from "../../src/importers/openapi3/swagger2-input";
import { deriveConnectionProperties } from "../../src/importers/shared/derive-connection-parameters";
import type { ImportReportEntry } from "../../src/model/import-report";
import { DENY_EXTERNAL_REFS } from "../../src/validation/swagger-parser-check";
import type { CorpusSection, CorpusSectionResult } from "./corpus-section";

/** One input of the `openapi/` corpus folder: a single file, or a multi-file set with its entry. */
export interface OpenApiInput {
  name: string;
  entryPath: string;
  document: JsonValue;
  companions: Record<string, JsonValue>;
  /** The entry's text (for parse-floor timing). */
  text: string;
  /** Set when a file of the input could not be parsed (the input is then not converted). */
  parseError?: string;
}

function parseFile(path: string, display: string): JsonValue {
  const decoded = decodeText(readFileSync(path), display);
  const parsed = /\.ya?ml$/i.test(path)
    ? parseYamlText(decoded.text, display)
    : parseJsonText(decoded.text, display);
  if (!parsed.ok) throw new Error(`${display}: ${parsed.problem.message}`);
  return parsed.value;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...listFiles(full));
    else if (/\.(json|ya?ml)$/i.test(entry)) out.push(full);
  }
  return out;
}

/** Reads every OpenAPI/Swagger input in `<corpus>/openapi`, multi-file sets with their companions. */
export function loadOpenApiInputs(corpusDir: string): OpenApiInput[] {
  const root = join(corpusDir, "openapi");
  const inputs: OpenApiInput[] = [];
  for (const entry of readdirSync(root).sort()) {
    const full = join(root, entry);
    try {
      loadOne(root, entry, full, inputs);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      inputs.push({
        name: entry,
        entryPath: entry,
        document: null,
        companions: {},
        text: "",
        parseError: message,
      });
    }
  }
  return inputs;
}

function loadOne(_root: string, entry: string, full: string, inputs: OpenApiInput[]): void {
  {
    if (statSync(full).isDirectory()) {
      const files = listFiles(full);
      const companions: Record<string, JsonValue> = {};
      for (const file of files)
        companions[relative(full, file).split("\\").join("/")] = parseFile(
          file,
          `${entry}/${relative(full, file)}`,
        );
      const candidates = Object.keys(companions)
        .filter((p) => {
          const v = companions[p];
          return (
            typeof v === "object" && v !== null && !Array.isArray(v) && ("openapi" in v || "swagger" in v)
          );
        })
        .sort((a, b) => a.split("/").length - b.split("/").length || a.length - b.length);
      const entryPath = candidates[0];
      if (!entryPath) return;
      inputs.push({
        name: entry,
        entryPath,
        document: companions[entryPath] as JsonValue,
        companions,
        text: readFileSync(join(full, entryPath), "utf8"),
      });
    } else if (/\.(json|ya?ml)$/i.test(entry)) {
      inputs.push({
        name: entry,
        entryPath: entry,
        document: parseFile(full, entry),
        companions: {},
        text: readFileSync(full, "utf8"),
      });
    }
  }
}

export interface ConvertedInput {
  kind: "openapi3" | "swagger2";
  definition: JsonObject;
  properties: JsonObject;
  report: ImportReportEntry[];
}

/** OpenAPI 3 goes through the converter; Swagger 2.0 through the bundler and connection-parameter derivation. */
export function convertInput(input: OpenApiInput): ConvertedInput {
  if (isOpenApi3(input.document)) {
    const result = convertOpenApi3(input.document, {
      sourceName: input.entryPath,
      companions: input.companions,
    });
    return {
      kind: "openapi3",
      definition: result.document.definition,
      properties: result.document.properties,
      report: result.report,
    };
  }
  const prepared = prepareSwagger2(input.document, {
    sourceName: input.entryPath,
    companions: input.companions,
  });
  const definition = prepared.definition;
  const security = (definition.securityDefinitions ?? {}) as Record<string, SecurityScheme>;
  return {
    kind: "swagger2",
    definition,
    properties: { properties: deriveConnectionProperties(security) },
    report: prepared.report,
  };
}

export const section: CorpusSection = {
  name: "OpenAPI 3 / Swagger 2.0 documents → connector (swagger-parser validate)",
  async run(corpusDir: string): Promise<CorpusSectionResult> {
    const lines: string[] = [];
    let passed = 0;
    let failed = 0;
    const totals: Record<string, number> = {};
    for (const input of loadOpenApiInputs(corpusDir)) {
      if (input.parseError !== undefined) {
        failed++;
        lines.push(`FAIL ${input.name}: not parsed: ${input.parseError.split("\n")[0] ?? ""}`);
        continue;
      }
      let converted: ConvertedInput;
      try {
        converted = convertInput(input);
      } catch (error) {
        failed++;
        lines.push(
          `FAIL ${input.name}: conversion error: ${error instanceof Error ? error.message : String(error)}`,
        );
        continue;
      }
      const ops = listOperations(converted.definition).length;
      const kinds: Record<string, number> = {};
      for (const entry of converted.report) {
        kinds[entry.kind] = (kinds[entry.kind] ?? 0) + 1;
        totals[entry.kind] = (totals[entry.kind] ?? 0) + 1;
      }
      const summary = Object.entries(kinds)
        .map(([k, n]) => `${k} ${n}`)
        .join(", ");
      const params = converted.properties.properties as JsonObject;
      const auth =
        "connectionParameterSets" in params
          ? "parameter sets"
          : Object.keys((params.connectionParameters ?? {}) as JsonObject).join("+") || "none";
      try {
        await SwaggerParser.validate(
          structuredClone(converted.definition) as never,
          DENY_EXTERNAL_REFS as never,
        );
        passed++;
        lines.push(
          `ok   ${input.name} (${converted.kind}): ${ops} operations, auth ${auth}; report: ${summary || "empty"}`,
        );
      } catch (error) {
        failed++;
        lines.push(
          `FAIL ${input.name} (${converted.kind}): ${ops} operations; swagger-parser: ${error instanceof Error ? error.message.slice(0, 400) : String(error)}`,
        );
      }
    }
    lines.push(
      `report entries by kind over all inputs: ${Object.entries(totals)
        .map(([k, n]) => `${k} ${n}`)
        .join(", ")}`,
    );
    return { passed, failed, lines };
  },
};

const invokedDirectly = process.argv[1]?.endsWith("openapi3.ts") && process.argv[1].includes("corpus");
if (invokedDirectly) {
  const dir = process.argv[2] ?? "../shared/corpus";
  void section.run(dir).then((r) => {
    for (const line of r.lines) console.log(line);
    console.log(`passed ${r.passed}, failed ${r.failed}`);
    process.exitCode = r.failed > 0 ? 1 : 0;
  });
}
