import type { ImportReportEntry } from "../../model/import-report";
import { escapePointerToken } from "../../model/json-pointer";
import { isJsonObject, type JsonObject, type JsonValue } from "../../model/json-value";
import type { SwaggerDocument } from "../../model/swagger-types";
import { bundleExternalRefs } from "./external-refs";

export interface Swagger2Prepared {
  definition: SwaggerDocument;
  report: ImportReportEntry[];
}

/**
 * Prepares a bare Swagger 2.0 file for import: `$ref`s to other files are resolved from the dropped
 * companions only (a remote or missing one throws an error naming it; inside an `x-` extension it is
 * dropped and reported), and shapes swagger-parser rejects but tools emit are repaired and reported
 * (a formData array of files becomes one file parameter). Pair it with `deriveConnectionProperties`.
 */
export function prepareSwagger2(
  document: JsonValue,
  options: { sourceName: string; companions?: Record<string, JsonValue> },
): Swagger2Prepared {
  const bundled = bundleExternalRefs(document, {
    entryPath: options.sourceName,
    companions: options.companions ?? {},
    flavour: "swagger2",
  });
  const report = bundled.report;
  const definition = bundled.document as SwaggerDocument;
  const paths = isJsonObject(definition.paths) ? definition.paths : null;
  if (!paths) return { definition, report };
  let newPaths: JsonObject | null = null;
  for (const path of Object.keys(paths)) {
    const item = paths[path];
    if (!isJsonObject(item)) continue;
    let newItem: JsonObject | null = null;
    for (const method of Object.keys(item)) {
      const op = item[method];
      if (!isJsonObject(op) || !Array.isArray(op.parameters)) continue;
      let changed = false;
      const params = op.parameters.map((p, i) => {
        if (
          isJsonObject(p) &&
          p.in === "formData" &&
          p.type === "array" &&
          isJsonObject(p.items) &&
          p.items.type === "file"
        ) {
          changed = true;
          const pointer = `/paths/${escapePointerToken(path)}/${method}/parameters/${i}`;
          report.push({
            kind: "approximated",
            source: pointer,
            target: pointer,
            message: `The form field "${String(p.name)}" is an array of files, which Swagger 2.0 does not allow; it became one file.`,
          });
          const { items: _items, collectionFormat: _cf, ...rest } = p;
          return { ...rest, type: "file" };
        }
        return p;
      });
      if (changed) {
        newItem ??= { ...item };
        newItem[method] = { ...op, parameters: params };
      }
    }
    if (newItem) {
      newPaths ??= { ...paths };
      newPaths[path] = newItem;
    }
  }
  return {
    definition: newPaths ? { ...definition, paths: newPaths as SwaggerDocument["paths"] } : definition,
    report,
  };
}
