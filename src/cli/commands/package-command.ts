import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildCertificationPackage, certificationPackageZip } from "../../review/certification-package";
import { loadConnector } from "../load-connector";
import { parseArgs } from "../read-inputs";

const USAGE =
  "usage: connector-studio package <folder | zip | file> --out <file.zip> [--independent-publisher] [--intro]";

/** `connector-studio package <input> --out <file.zip>`: the certification package in the repository layout. */
export async function runPackage(args: string[]): Promise<number> {
  const { positionals, values, flags, errors } = parseArgs(args, {
    values: ["out"],
    flags: ["independent-publisher", "intro"],
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
