import { INDEPENDENT_PUBLISHER_BRAND_COLOR } from "../model/create-empty-connector";
import { zipSync } from "fflate";
import { exportPackageFiles, type PackageFile } from "../export/export-package";
import { connectorTitle, type ConnectorDocument } from "../model/connector-document";
import { isJsonObject } from "../model/json-value";
import { safeFileName } from "../model/safe-file-name";
import { clientSecretNote, documentForWriting } from "../model/secrets";
import { generateIntro, generateReadme } from "./readme-generator";

export interface CertificationPackageOptions {
  /** Independent publisher: `independent-publisher-connectors/`, brand colour {@link INDEPENDENT_PUBLISHER_BRAND_COLOR}, no icon. */
  independentPublisher: boolean;
  /** Adds `intro.md` (verified publishers attach it in ISV Studio). */
  includeIntro?: boolean;
}

export interface CertificationPackage {
  /** Folder in the connectors repository, e.g. `certified-connectors/Contoso`. */
  folder: string;
  files: PackageFile[];
  /** What was changed or left out, and what the author still has to do. */
  notes: string[];
}

/**
 * A folder name the repository accepts: the title as one safe path segment (no separators, no `.`/`..`, no
 * control characters, no reserved Windows names; dots inside the title stay).
 */
export function repositoryFolderName(doc: ConnectorDocument): string {
  return safeFileName(connectorTitle(doc));
}

/**
 * Builds the files of a pull request to the connectors repository: `apiDefinition.swagger.json`,
 * `apiProperties.json`, a generated `README.md`, `icon.png` for verified publishers, `intro.md` on request,
 * `script.csx` when there is custom code. Independent-publisher rules are applied to the copy, not to the
 * maker's document.
 */
export function buildCertificationPackage(
  source: ConnectorDocument,
  options: CertificationPackageOptions,
): CertificationPackage {
  // Every file below (the README too) is built from the document without its client secrets.
  const { document: doc, removed } = documentForWriting(source);
  const notes: string[] = removed.map(clientSecretNote);
  let packaged = doc;
  if (options.independentPublisher) {
    const props = isJsonObject(doc.properties.properties) ? doc.properties.properties : {};
    if (props.iconBrandColor !== INDEPENDENT_PUBLISHER_BRAND_COLOR) {
      notes.push(
        `iconBrandColor set to ${INDEPENDENT_PUBLISHER_BRAND_COLOR}, as the repository requires for independent publishers.`,
      );
    }
    packaged = {
      ...doc,
      icon: null,
      properties: {
        ...doc.properties,
        properties: { ...props, iconBrandColor: INDEPENDENT_PUBLISHER_BRAND_COLOR },
      },
    };
    if (doc.icon) notes.push("icon.png left out: independent-publisher connectors use the generic icon.");
    notes.push(`Title the pull request "${connectorTitle(doc)} (Independent Publisher)".`);
  } else if (!doc.icon) {
    notes.push("No icon: verified publishers submit icon.png (230×230 PNG).");
  }
  const folder = `${options.independentPublisher ? "independent-publisher-connectors" : "certified-connectors"}/${repositoryFolderName(doc)}`;
  const exported = exportPackageFiles(packaged);
  notes.push(...exported.notes);
  const encoder = new TextEncoder();
  const files: PackageFile[] = exported.files
    .filter((f) => f.path !== "settings.json")
    .map((f) => ({ path: `${folder}/${f.path}`, bytes: f.bytes }));
  files.push({
    path: `${folder}/README.md`,
    bytes: encoder.encode(generateReadme(packaged, { independentPublisher: options.independentPublisher })),
  });
  if (options.includeIntro)
    files.push({ path: `${folder}/intro.md`, bytes: encoder.encode(generateIntro(packaged)) });
  return { folder, files, notes };
}

/** The certification package as a zip. */
export function certificationPackageZip(pkg: CertificationPackage): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const file of pkg.files) entries[file.path] = file.bytes;
  return zipSync(entries, { level: 6 });
}
