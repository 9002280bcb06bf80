import { exportLogicApps, type LogicAppsFormat } from "../../export/logic-apps/custom-api-template";
import { buildCertificationPackage, certificationPackageZip } from "../../review/certification-package";
import { validateConnector } from "../../validation/validate-connector";
import { certificationSentence, decideVerdict, exportSentence } from "../../validation/verdict";
import type { ParsedArgs } from "../args";
import { CliError } from "../cli-error";
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
  if (values.target === "logic-apps") return runLogicAppsPackage(positionals[0] as string, out, flags);
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

/** The template format an output file name asks for: `.json` an ARM template, `.bicep` a Bicep file. */
function logicAppsFormat(out: string): LogicAppsFormat {
  if (/\.json$/i.test(out)) return "arm";
  if (/\.bicep$/i.test(out)) return "bicep";
  throw new CliError(
    `--out ${out}: with --target logic-apps, give a .json (ARM template) or .bicep (Bicep) file (see connector-studio package --help)`,
  );
}

/**
 * `package <input> --target logic-apps --out <file.json | file.bicep>`: the connector as a Logic Apps custom
 * connector. Validated as Export is (plain mode: errors refuse it unless --allow-errors); the options of the
 * certification package do not apply.
 */
async function runLogicAppsPackage(input: string, out: string, flags: Set<string>): Promise<number> {
  for (const flag of ["independent-publisher", "intro"])
    if (flags.has(flag))
      throw new CliError(
        `--${flag} only applies to the certification package, not to --target logic-apps (see connector-studio package --help)`,
      );
  const format = logicAppsFormat(out);
  await checkFileTarget(out, "--out");
  const loaded = await loadConnector(input);
  if (!loaded.ok) {
    for (const line of loaded.lines) console.error(line);
    return 2;
  }
  const diagnostics = await validateConnector(loaded.value.document);
  const verdict = decideVerdict({ plain: diagnostics });
  if (!verdict.exportable) {
    for (const d of verdict.exportErrors)
      console.error(`${d.file} ${d.path === "" ? "/" : d.path}: ${d.severity} ${d.ruleId} ${d.message}`);
    console.error(exportSentence(verdict));
    if (!flags.has("allow-errors")) {
      console.error("No template written; --allow-errors writes it anyway.");
      return 1;
    }
    console.error("--allow-errors: writing the template anyway.");
  }
  const exported = exportLogicApps(loaded.value.document, format);
  await writeFileAtomic(out, exported.text);
  console.log(
    `${out}: ${format === "arm" ? "ARM template" : "Bicep file"} with one Microsoft.Web/customApis resource`,
  );
  for (const note of exported.notes) console.log(`  note: ${note}`);
  return 0;
}
