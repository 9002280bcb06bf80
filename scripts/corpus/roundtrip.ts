import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { InputFile } from "../../src/importers/import-types";
import type { ConnectorDocument } from "../../src/model/connector-document";
import { formatTextProblem, type TextProblem } from "../../src/model/diagnostic";
import type { JsonValue } from "../../src/model/json-value";
import { decodeText } from "../../src/model/text/decode-text";
import { parseJsonText, stringifyJson } from "../../src/model/text/json-text";
import type { CorpusSection } from "./corpus-section";
import { firstDifference, jsonTokens } from "./json-oracle";

/**
 * Round trip of every published connector: each connector folder under `connectors/` (a folder holding a
 * `*.swagger.json`, matched case-insensitively) is imported and exported the way the CLI does it
 * (`importFiles` + `exportPackageFiles`), and each JSON file that comes out is compared with the original by
 * an independent token-level oracle (`json-oracle.ts`). Known-broken files must fail with file, line and
 * column; files with duplicate keys pass when every duplicate is reported.
 */

type ImportFilesFn = (
  files: InputFile[],
) => { ok: true; document: ConnectorDocument; notes: TextProblem[] } | { ok: false; problems: TextProblem[] };
type ExportFn = (
  doc: ConnectorDocument,
) => { files: { path: string; bytes: Uint8Array }[] } | { path: string; bytes: Uint8Array }[];

interface Pipeline {
  name: string;
  importFiles: ImportFilesFn | null;
  exportFiles: ExportFn | null;
}

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

/** The CLI's import and export functions when they exist, else null (the text functions are used directly). */
export async function loadPipeline(): Promise<Pipeline> {
  let importFiles: ImportFilesFn | null = null;
  let exportFiles: ExportFn | null = null;
  if (existsSync(path.join(ROOT, "src/importers/import-files.ts"))) {
    const mod = (await import("../../src/importers/import-files.ts")) as { importFiles?: ImportFilesFn };
    importFiles = mod.importFiles ?? null;
  }
  if (existsSync(path.join(ROOT, "src/export/export-package.ts"))) {
    const mod = (await import("../../src/export/export-package.ts")) as { exportPackageFiles?: ExportFn };
    exportFiles = mod.exportPackageFiles ?? null;
  }
  const name =
    importFiles && exportFiles
      ? "importFiles + exportPackageFiles"
      : "decodeText + parseJsonText + stringifyJson";
  return { name, importFiles, exportFiles };
}

export interface ConnectorFolder {
  /** Path relative to `connectors/`. */
  rel: string;
  dir: string;
  /** `*.swagger.json` files and `apiProperties.json`, as file names. */
  jsonFiles: string[];
}

/** Every connector folder under `<corpus>/connectors` (a folder that holds a `*.swagger.json`). */
export function listConnectorFolders(corpusDir: string): ConnectorFolder[] {
  const root = path.join(corpusDir, "connectors");
  const out: ConnectorFolder[] = [];
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    const names = entries.filter((e) => e.isFile()).map((e) => e.name);
    const definitions = names.filter((n) => /\.swagger\.json$/i.test(n));
    if (definitions.length > 0) {
      const props = names.filter((n) => n.toLowerCase() === "apiproperties.json");
      out.push({ rel: path.relative(root, dir), dir, jsonFiles: [...definitions, ...props] });
    }
    for (const e of entries) if (e.isDirectory()) walk(path.join(dir, e.name));
  };
  walk(root);
  return out;
}

// Windows-1252's 0x80-0x9F as a string, written out here so the oracle does not share decodeText's table
// (and because Node's TextDecoder("windows-1252") decodes these bytes as ISO-8859-1 controls).
const CP1252 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

/** Decodes a file for the oracle, independently of decodeText: UTF-8, else Windows-1252. */
function oracleDecode(bytes: Uint8Array): { text: string; utf8: boolean; bom: boolean } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), utf8: true, bom };
  } catch {
    let text = "";
    for (const b of bytes) text += b >= 0x80 && b <= 0x9f ? CP1252[b - 0x80] : String.fromCharCode(b);
    return { text, utf8: false, bom };
  }
}

type Category = "identical" | "bom" | "not-utf8" | "crlf" | "duplicate-keys" | "secret-removed" | "broken";

interface FileCase {
  folder: ConnectorFolder;
  name: string;
  relPath: string;
  bytes: Uint8Array;
  original: ReturnType<typeof oracleDecode>;
  tokens: ReturnType<typeof jsonTokens>;
  isDefinition: boolean;
}

export const section: CorpusSection = {
  name: "roundtrip",
  async run(corpusDir) {
    const pipeline = await loadPipeline();
    const lines: string[] = [`pipeline: ${pipeline.name}`];
    const counts = new Map<Category, { passed: number; failed: number }>();
    const failures: string[] = [];
    const brokenLines: string[] = [];
    let passed = 0;
    let failed = 0;
    const tally = (cat: Category, ok: boolean, why?: string) => {
      const c = counts.get(cat) ?? { passed: 0, failed: 0 };
      if (ok) c.passed++;
      else c.failed++;
      counts.set(cat, c);
      if (ok) passed++;
      else {
        failed++;
        if (why) failures.push(why);
      }
    };

    const folders = listConnectorFolders(corpusDir);
    for (const folder of folders) {
      const cases: FileCase[] = folder.jsonFiles.map((name) => {
        const bytes = new Uint8Array(readFileSync(path.join(folder.dir, name)));
        const original = oracleDecode(bytes);
        return {
          folder,
          name,
          relPath: `${folder.rel}/${name}`,
          bytes,
          original,
          tokens: jsonTokens(original.text),
          isDefinition: /\.swagger\.json$/i.test(name),
        };
      });
      const inputs: InputFile[] = cases.map((c) => ({
        path: `${path.basename(folder.dir)}/${c.name}`,
        bytes: c.bytes,
      }));
      let whole: ReturnType<ImportFilesFn> | null = null;
      if (pipeline.importFiles) {
        try {
          whole = pipeline.importFiles(inputs);
        } catch (error) {
          for (const c of cases)
            tally(categoryOf(c), false, `${c.relPath}: import crashed: ${String(error)}`);
          continue;
        }
      }
      for (const c of cases) {
        const cat = categoryOf(c);
        try {
          const result = checkFile(c, whole, pipeline);
          if (cat === "broken" && result.ok && result.problem)
            brokenLines.push(formatTextProblem(result.problem));
          tally(result.category ?? cat, result.ok, result.ok ? undefined : `${c.relPath}: ${result.why}`);
        } catch (error) {
          tally(
            cat,
            false,
            `${c.relPath}: crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          );
        }
      }
    }

    lines.push(`${folders.length} connector folders, ${passed + failed} JSON files`);
    const order: Category[] = [
      "identical",
      "crlf",
      "bom",
      "not-utf8",
      "duplicate-keys",
      "secret-removed",
      "broken",
    ];
    for (const cat of order) {
      const c = counts.get(cat);
      if (c) lines.push(`  ${cat.padEnd(15)} passed ${c.passed}, failed ${c.failed}`);
    }
    if (brokenLines.length > 0) {
      lines.push("known-broken files (each must name line and column):");
      for (const b of brokenLines) lines.push(`  ${b}`);
    }
    if (failures.length > 0) {
      lines.push("FAILURES:");
      for (const f of failures.slice(0, 100)) lines.push(`  ${f}`);
      if (failures.length > 100) lines.push(`  … and ${failures.length - 100} more`);
    }
    return { passed, failed, lines };
  },
};

function categoryOf(c: FileCase): Category {
  if (!c.tokens) return "broken";
  if (c.tokens.duplicates.length > 0) return "duplicate-keys";
  if (!c.original.utf8) return "not-utf8";
  if (c.original.bom) return "bom";
  if (c.original.text.includes("\r\n")) return "crlf";
  return "identical";
}

interface CheckResult {
  ok: boolean;
  /** When the file passed in another category than its own (e.g. a client secret was left out). */
  category?: Category;
  why?: string;
  problem?: TextProblem;
}

function sameFile(problemFile: string, c: FileCase): boolean {
  return problemFile === c.name || problemFile.endsWith(`/${c.name}`);
}

function checkFile(c: FileCase, whole: ReturnType<ImportFilesFn> | null, pipeline: Pipeline): CheckResult {
  const fileName = `${path.basename(c.folder.dir)}/${c.name}`;
  // Broken: the import must fail, naming this file with line and column.
  if (!c.tokens) {
    let problem: TextProblem | undefined;
    if (whole) problem = whole.ok ? undefined : whole.problems.find((p) => sameFile(p.file, c));
    else {
      const parsed = parseJsonText(decodeText(c.bytes, fileName).text, fileName);
      problem = parsed.ok ? undefined : parsed.problem;
    }
    if (!problem) return { ok: false, why: "broken JSON was accepted or not reported for this file" };
    if (problem.line === undefined || problem.column === undefined)
      return { ok: false, why: `no line and column: ${formatTextProblem(problem)}` };
    return { ok: true, problem: { ...problem, file: c.relPath } };
  }

  // Parseable: export and compare with the original.
  const exported = exportOne(c, whole, pipeline, fileName);
  if ("why" in exported) return { ok: false, why: exported.why };
  const out = jsonTokens(exported.text);
  if (!out) return { ok: false, why: "the exported text is not JSON" };
  const notes = exported.notes.filter((n) => sameFile(n.file, c));

  if (!c.original.utf8 && !notes.some((n) => /UTF-8/.test(n.message)))
    return { ok: false, why: "not UTF-8, but the user was not told" };

  if (c.tokens.duplicates.length > 0) {
    const dupNotes = notes.filter(
      (n) => /duplicate/i.test(n.message) && n.line !== undefined && n.column !== undefined,
    );
    if (dupNotes.length !== c.tokens.duplicates.length)
      return {
        ok: false,
        why: `${c.tokens.duplicates.length} duplicate keys, ${dupNotes.length} reported with line and column`,
      };
    const expected = JSON.stringify(JSON.parse(stripBom(c.original.text)));
    if (JSON.stringify(JSON.parse(exported.text)) !== expected)
      return { ok: false, why: "content differs (duplicate-key file)" };
    return { ok: true };
  }
  const diff = firstDifference(c.tokens.tokens, out.tokens);
  if (diff && !c.isDefinition && c.tokens.tokens.includes('"clientSecret"')) {
    // The export leaves OAuth client secrets out on purpose (and says so): accept exactly that change.
    const expected = withoutMember(c.tokens.tokens, '"clientSecret"');
    if (!firstDifference(expected, out.tokens)) {
      if (!exported.exportNotes.some((n) => /secret/i.test(n)))
        return { ok: false, why: "a client secret was removed silently" };
      return { ok: true, category: "secret-removed" };
    }
  }
  return diff ? { ok: false, why: `differs at ${diff}` } : { ok: true };
}

/** Tokens without every `"name": <string>` member (and the comma that joined it). */
function withoutMember(tokens: readonly string[], name: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === name && tokens[i + 1] === ":" && tokens[i + 2]?.startsWith('"')) {
      if (tokens[i + 3] === ",") i += 3;
      else {
        if (out[out.length - 1] === ",") out.pop();
        i += 2;
      }
      continue;
    }
    out.push(tokens[i] as string);
  }
  return out;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const decoder = new TextDecoder();

/** The exported text of this file through the pipeline (the whole package, or this file alone if needed). */
function exportOne(
  c: FileCase,
  whole: ReturnType<ImportFilesFn> | null,
  pipeline: Pipeline,
  fileName: string,
): { text: string; notes: TextProblem[]; exportNotes: string[] } | { why: string } {
  const target = c.isDefinition ? "apiDefinition.swagger.json" : "apiProperties.json";
  if (pipeline.importFiles && pipeline.exportFiles) {
    let outcome = whole;
    // A broken sibling (e.g. apiProperties.json) stops the package import: import the definition alone.
    if (outcome && !outcome.ok && c.isDefinition)
      outcome = pipeline.importFiles([{ path: fileName, bytes: c.bytes }]);
    if (outcome && outcome.ok) {
      const result = pipeline.exportFiles(outcome.document);
      const files = Array.isArray(result) ? result : result.files;
      const exportNotes = Array.isArray(result) ? [] : ((result as { notes?: string[] }).notes ?? []);
      const file = files.find((f) => f.path === target);
      if (!file) return { why: `export has no ${target}` };
      return { text: decoder.decode(file.bytes), notes: outcome.notes, exportNotes };
    }
    if (outcome && !outcome.ok && c.isDefinition) {
      return { why: `import failed: ${outcome.problems.map(formatTextProblem).join("; ")}` };
    }
    // apiProperties.json next to a broken definition: the text functions alone.
  }
  const decoded = decodeText(c.bytes, fileName);
  const parsed = parseJsonText(decoded.text, fileName);
  if (!parsed.ok) return { why: `parse failed: ${formatTextProblem(parsed.problem)}` };
  return {
    text: stringifyJson(parsed.value as JsonValue, 4),
    notes: [...decoded.notes, ...parsed.notes],
    exportNotes: [],
  };
}
