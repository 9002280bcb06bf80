import { readFileSync } from "node:fs";
import path from "node:path";
import { load as jsYamlLoad, CORE_SCHEMA } from "js-yaml";
import { parse as yamlParse } from "yaml";
import type { InputFile } from "../../src/importers/import-types";
import { decodeText } from "../../src/model/text/decode-text";
import { parseJsonText, stringifyJson } from "../../src/model/text/json-text";
import { parseYamlText } from "../../src/model/text/yaml-text";
import { loadPipeline } from "../corpus/roundtrip";
import type { BenchSection } from "./bench-section";
import {
  formatBytes,
  formatMs,
  formatRatio,
  listFiles,
  readCorpusConnectors,
  retainedHeap,
  table,
  timeAlternating,
  timeInterleaved,
  type CorpusConnector,
} from "./bench-util";

/**
 * Reading and writing connector files, against the floor `JSON.parse` + `JSON.stringify(…, 4)` of the same
 * files (text already decoded), measured in the same run:
 * - decode + parse + stringify with `src/model/text` (bytes in, text out);
 * - the CLI path: `importFiles` + `exportPackageFiles` per connector folder (bytes in, bytes out); target ≤ 2.0x;
 * - Encodian (the largest connector) alone;
 * - heap kept by the parsed corpus against the heap kept by `JSON.parse` values;
 * - YAML: js-yaml (what parseYamlText uses) against the `yaml` package on the corpus YAML files.
 */
export const section: BenchSection = {
  name: "roundtrip",
  async run(corpusDir, { runs }) {
    const lines: string[] = [];
    const connectors = readCorpusConnectors(corpusDir);
    const pipeline = await loadPipeline();

    // The same files for the floor and the subjects: the connector folders that import (all their JSON parses).
    const plainDecoder = new TextDecoder();
    const parses = (bytes: Uint8Array) => {
      try {
        JSON.parse(plainDecoder.decode(bytes)); // decode drops a BOM; invalid UTF-8 becomes U+FFFD
        return true;
      } catch {
        return false;
      }
    };
    const okConnectors = connectors.filter((c) =>
      pipeline.importFiles ? pipeline.importFiles(toInputs(c)).ok : c.files.every((f) => parses(f.bytes)),
    );
    const parseable = okConnectors.flatMap((c) =>
      c.files
        .filter((f) => parses(f.bytes))
        .map((f) => ({ text: plainDecoder.decode(f.bytes), bytes: f.bytes })),
    );
    const totalBytes = parseable.reduce((n, f) => n + f.bytes.length, 0);
    lines.push(
      `${parseable.length} parseable JSON files (${formatBytes(totalBytes)}), ${okConnectors.length} importable connector folders; ` +
        `median of ${runs} runs, floor and subjects alternating per connector`,
    );

    // Timed per connector folder, the floor and the subjects one after the other (see timeAlternating).
    const encoder = new TextEncoder();
    const items = okConnectors.map((c) => ({
      texts: c.files.filter((f) => parses(f.bytes)).map((f) => plainDecoder.decode(f.bytes)),
      bytes: c.files.filter((f) => parses(f.bytes)).map((f) => f.bytes),
      inputs: toInputs(c),
    }));
    type Item = (typeof items)[number];
    const fns: Record<string, (item: Item) => unknown> = {
      floor: (item) => {
        for (const text of item.texts) JSON.stringify(JSON.parse(text), null, 4);
      },
      ours: (item) => {
        for (const bytes of item.bytes) {
          const outcome = parseJsonText(decodeText(bytes, "f.json").text, "f.json");
          if (outcome.ok) stringifyJson(outcome.value, 4);
        }
      },
    };
    const { importFiles, exportFiles } = pipeline;
    fns.cli =
      importFiles && exportFiles
        ? (item) => {
            const outcome = importFiles(item.inputs);
            if (outcome.ok) exportFiles(outcome.document);
          }
        : (item) => {
            for (const bytes of item.bytes) {
              const outcome = parseJsonText(decodeText(bytes, "f.json").text, "f.json");
              if (outcome.ok) encoder.encode(stringifyJson(outcome.value, 4));
            }
          };
    const t = timeAlternating(items, fns, runs);
    const rows: string[][] = [["whole corpus", "median", "ratio vs floor"]];
    rows.push(["floor: JSON.parse + JSON.stringify(…, 4)", formatMs(t.floor as number), "1.00x"]);
    rows.push([
      "decodeText + parseJsonText + stringifyJson",
      formatMs(t.ours as number),
      formatRatio(t.ours as number, t.floor as number),
    ]);
    rows.push([
      `CLI path: ${importFiles && exportFiles ? "importFiles + exportPackageFiles" : "text functions + encode"} (target ≤ 2.00x)`,
      formatMs(t.cli as number),
      formatRatio(t.cli as number, t.floor as number),
    ]);
    lines.push(...table(rows));

    // Encodian alone.
    const encodian = connectors.find((c) => c.name === "Encodian");
    if (encodian) {
      const def = encodian.files.find((f) => /\.swagger\.json$/i.test(f.name));
      if (def) {
        const text = plainDecoder.decode(def.bytes);
        const e: Record<string, () => unknown> = {
          floor: () => JSON.stringify(JSON.parse(text), null, 4),
          ours: () => {
            const outcome = parseJsonText(decodeText(def.bytes, "f.json").text, "f.json");
            if (outcome.ok) stringifyJson(outcome.value, 4);
          },
        };
        if (importFiles && exportFiles) {
          const input = toInputs(encodian);
          e.cli = () => {
            const outcome = importFiles(input);
            if (outcome.ok) exportFiles(outcome.document);
          };
        }
        const te = timeInterleaved(e, Math.max(runs, 15));
        const erows: string[][] = [
          [`Encodian (${formatBytes(def.bytes.length)})`, "median", "ratio vs floor"],
        ];
        erows.push(["floor", formatMs(te.floor as number), "1.00x"]);
        erows.push([
          "decode + parse + stringify",
          formatMs(te.ours as number),
          formatRatio(te.ours as number, te.floor as number),
        ]);
        if (te.cli !== undefined)
          erows.push(["CLI path", formatMs(te.cli), formatRatio(te.cli, te.floor as number)]);
        lines.push("", ...table(erows));
      }
    }

    // Memory: heap kept by the parsed corpus.
    const floorHeap = retainedHeap(() => parseable.map(({ text }) => JSON.parse(text) as unknown));
    const oursHeap = retainedHeap(() =>
      parseable.map(({ bytes }) => parseJsonText(decodeText(bytes, "f.json").text, "f.json")),
    );
    lines.push(
      "",
      ...table([
        ["heap kept after parsing the corpus", "heap", "ratio vs floor"],
        ["floor: JSON.parse values", formatBytes(floorHeap), "1.00x"],
        ["parseJsonText outcomes", formatBytes(oursHeap), formatRatio(oursHeap, floorHeap)],
      ]),
    );

    // YAML parser choice.
    const yamlFiles = listFiles(path.join(corpusDir, "openapi"), /\.ya?ml$/i).filter(
      (f) => !f.includes(".multifile"),
    );
    const yamlTexts = yamlFiles
      .map((f) => readFileSync(f, "utf8"))
      .filter((text) => {
        try {
          yamlParse(text);
          return true;
        } catch {
          return false; // the Docker spec: js-yaml reads it, `yaml` refuses it (shared/corpus/SOURCES-inputs.md)
        }
      });
    if (yamlTexts.length > 0) {
      const yamlBytes = yamlTexts.reduce((n, s) => n + s.length, 0);
      const ty = timeAlternating(
        yamlTexts,
        {
          jsyaml: (text) => jsYamlLoad(text, { schema: CORE_SCHEMA }),
          ours: (text) => parseYamlText(text, "f.yaml"),
          yaml: (text) => yamlParse(text),
        },
        Math.max(3, Math.min(runs, 5)),
      );
      lines.push(
        "",
        ...table([
          [
            `YAML: ${yamlTexts.length} corpus files (${formatBytes(yamlBytes)}) that both parsers read`,
            "median",
            "ratio vs js-yaml",
          ],
          ["floor: js-yaml load (core schema)", formatMs(ty.jsyaml as number), "1.00x"],
          [
            "parseYamlText (js-yaml + key-order/duplicate listener)",
            formatMs(ty.ours as number),
            formatRatio(ty.ours as number, ty.jsyaml as number),
          ],
          [
            "yaml package parse",
            formatMs(ty.yaml as number),
            formatRatio(ty.yaml as number, ty.jsyaml as number),
          ],
        ]),
      );
    }
    return lines;
  },
};

function toInputs(c: CorpusConnector): InputFile[] {
  return c.files.map((f) => ({ path: `${c.name}/${f.name}`, bytes: f.bytes }));
}
