import { buildCertificationPackage, certificationPackageZip } from "../../review/certification-package";
import type { ParsedArgs } from "../args";
import { loadConnector } from "../load-connector";
import { checkFileTarget, writeFileAtomic } from "../output-files";

/**
 * `connector-studio package <input> --out <file.zip> [--independent-publisher] [--intro]`: the certification
 * package in the repository layout. `--out` is checked before the input is read and written through a temporary
 * file, so a failure leaves nothing behind.
 */
export async function runPackage({ positionals, values, flags }: ParsedArgs): Promise<number> {
  const out = values.out as string;
  await checkFileTarget(out, "--out");
  const loaded = await loadConnector(positionals[0] as string);
  if (!loaded.ok) {
    for (const line of loaded.lines) console.error(line);
    return 2;
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
