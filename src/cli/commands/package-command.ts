import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildCertificationPackage, certificationPackageZip } from "../../review/certification-package";
import { validateConnector } from "../../validation/validate-connector";
import { certificationSentence, decideVerdict } from "../../validation/verdict";
import { loadConnector } from "../load-connector";
import { parseArgs } from "../read-inputs";

const USAGE =
  "usage: connector-studio package <folder | zip | file> --out <file.zip> [--independent-publisher] [--intro] [--allow-errors]";

/**
 * `connector-studio package <input> --out <file.zip>`: the certification package in the repository layout. Exit 1
 * (nothing written) when certification-mode validation has errors, unless `--allow-errors`; 2 on bad input.
 */
export async function runPackage(args: string[]): Promise<number> {
  const { positionals, values, flags, errors } = parseArgs(args, {
    values: ["out"],
    flags: ["independent-publisher", "intro", "allow-errors"],
  });
  if (errors.length > 0 || positionals.length !== 1 || !values.out) {
    console.error([...errors, USAGE].join("\n"));
    return 2;
  }
  const loaded = await loadConnector(positionals[0] as string);
  if (!loaded.ok) {
    for (const line of loaded.lines) console.error(line);
    return 2;
  }
  // The certification package is refused on certification-mode errors, as Export for certification is: the
  // same verdict, the same rule ids as `validate --certification`.
  const diagnostics = await validateConnector(loaded.value.document, { certification: true });
  const verdict = decideVerdict({ plain: [], certification: diagnostics });
  if (!verdict.certifiable) {
    for (const d of verdict.certificationErrors ?? [])
      console.error(`${d.file} ${d.path === "" ? "/" : d.path}: ${d.severity} ${d.ruleId} ${d.message}`);
    console.error(certificationSentence(verdict));
    if (!flags.has("allow-errors")) {
      console.error("No package written; --allow-errors writes it anyway.");
      return 1;
    }
    console.error("--allow-errors: writing the package anyway.");
  }
  const pkg = buildCertificationPackage(loaded.value.document, {
    independentPublisher: flags.has("independent-publisher"),
    includeIntro: flags.has("intro"),
  });
  await mkdir(path.dirname(path.resolve(values.out)), { recursive: true });
  await writeFile(values.out, certificationPackageZip(pkg));
  console.log(`${values.out}: ${pkg.files.map((f) => f.path).join(", ")}`);
  for (const note of pkg.notes) console.log(`  note: ${note}`);
  return 0;
}
