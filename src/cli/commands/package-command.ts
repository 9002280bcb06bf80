import { buildCertificationPackage, certificationPackageZip } from "../../review/certification-package";
import { validateConnector } from "../../validation/validate-connector";
import { certificationSentence, decideVerdict } from "../../validation/verdict";
import type { ParsedArgs } from "../args";
import { loadConnector } from "../load-connector";
import { checkFileTarget, writeFileAtomic } from "../output-files";

/**
 * `connector-studio package <input> --out <file.zip> [--independent-publisher] [--intro] [--allow-errors]`: the
 * certification package in the repository layout. Exit 1 (nothing written) when certification-mode validation
 * has errors, unless `--allow-errors`; 2 on bad input. `--out` is checked before the input is read and written
 * through a temporary file, so a failure leaves nothing behind.
 */
export async function runPackage({ positionals, values, flags }: ParsedArgs): Promise<number> {
  const out = values.out as string;
  await checkFileTarget(out, "--out");
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
  await writeFileAtomic(out, certificationPackageZip(pkg));
  console.log(`${out}: ${pkg.files.map((f) => f.path).join(", ")}`);
  for (const note of pkg.notes) console.log(`  note: ${note}`);
  return 0;
}
