import { readFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { mapStrings, unescapeArmString } from "../../src/export/logic-apps/arm-strings";
import { backendServiceUrl, exportLogicApps } from "../../src/export/logic-apps/custom-api-template";
import { importFiles } from "../../src/importers/import-files";
import type { ConnectorDocument } from "../../src/model/connector-document";
import { isJsonObject, type JsonObject, type JsonValue } from "../../src/model/json-value";
import { withoutClientSecrets } from "../../src/model/secrets";
import type { CorpusSection, CorpusSectionResult } from "./corpus-section";
import { listConnectorFolders } from "./roundtrip";

/** A value as JSON says it (side tables and key order aside), for deep equality. */
function plain(value: JsonValue | undefined): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

function apiProperties(doc: ConnectorDocument): JsonObject {
  const props = withoutClientSecrets(doc.properties).properties.properties;
  return isJsonObject(props) ? props : {};
}

/**
 * Every connector of the corpus is exported for Azure Logic Apps (the ARM template and the Bicep file) and the
 * template is imported back. A connector passes when the template holds one `Microsoft.Web/customApis`
 * resource (API version 2016-06-01) with its display name, backend URL, brand colour, capabilities and
 * connection parameters, whose `swagger` (as ARM reads it: `[[…]` is the literal `[…]`) deep-equals the
 * definition, and when the re-import gives the same definition, connection parameters (client secrets aside),
 * brand colour and capabilities.
 */
export const section: CorpusSection = {
  name: "logic-apps",
  async run(corpusDir: string): Promise<CorpusSectionResult> {
    const lines: string[] = [];
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    let escapedConnectors = 0;
    let withSecrets = 0;
    let armBytes = 0;
    let bicepBytes = 0;
    const losses = new Map<string, number>();
    for (const folder of listConnectorFolders(corpusDir)) {
      const inputs = folder.jsonFiles.map((name) => ({
        path: `${path.basename(folder.dir)}/${name}`,
        bytes: new Uint8Array(readFileSync(path.join(folder.dir, name))),
      }));
      const imported = importFiles(inputs);
      if (!imported.ok) {
        // Known-broken inputs of the corpus (the roundtrip section checks how they fail).
        skipped++;
        continue;
      }
      const doc = imported.document;
      const why: string[] = [];
      try {
        const arm = exportLogicApps(doc, "arm");
        const bicep = exportLogicApps(doc, "bicep");
        armBytes += arm.text.length;
        bicepBytes += bicep.text.length;
        if (!bicep.text.includes("resource customApi 'Microsoft.Web/customApis@2016-06-01' = {"))
          why.push("the Bicep file has no customApis resource");
        for (const note of arm.notes) {
          const kind = note
            .replace(/^\d+ /, "N ")
            .replace(/"[^"]*"/g, '"…"')
            .slice(0, 60);
          losses.set(kind, (losses.get(kind) ?? 0) + 1);
        }
        if (arm.notes.some((n) => n.includes('written as "[[…]"'))) escapedConnectors++;
        const template = JSON.parse(arm.text) as JsonObject;
        const resources = Array.isArray(template.resources) ? template.resources : [];
        const resource = resources[0];
        if (resources.length !== 1 || !isJsonObject(resource)) throw new Error("not one resource");
        if (resource.type !== "Microsoft.Web/customApis" || resource.apiVersion !== "2016-06-01")
          why.push(`resource ${String(resource.type)}@${String(resource.apiVersion)}`);
        if (
          resource.name !== "[parameters('customApiName')]" ||
          resource.location !== "[parameters('location')]"
        )
          why.push("name or location is not a template parameter");
        const props = mapStrings(resource.properties as JsonValue, unescapeArmString) as JsonObject;
        const source = apiProperties(doc);
        if (props.displayName !== (doc.definition.info?.title || "Untitled connector"))
          why.push("displayName");
        const url = backendServiceUrl(doc);
        if (url !== null && !isDeepStrictEqual(props.backendService, { serviceUrl: url }))
          why.push("backendService.serviceUrl");
        if (typeof source.iconBrandColor === "string" && props.brandColor !== source.iconBrandColor)
          why.push("brandColor");
        if (
          Array.isArray(source.capabilities) &&
          !isDeepStrictEqual(plain(props.capabilities), plain(source.capabilities))
        )
          why.push("capabilities");
        if (isJsonObject(source.connectionParameters) && !isJsonObject(props.connectionParameters))
          why.push("connectionParameters");
        const secrets = Object.keys(template.parameters as JsonObject).filter((p) =>
          p.endsWith("ClientSecret"),
        );
        if (secrets.length > 0) withSecrets++;
        for (const secret of secrets)
          if (
            (template.parameters as JsonObject)[secret] === undefined ||
            ((template.parameters as JsonObject)[secret] as JsonObject).type !== "securestring"
          )
            why.push(`${secret} is not a securestring`);
        if (!isDeepStrictEqual(props.swagger, plain(doc.definition)))
          why.push("swagger differs from the definition");

        const back = importFiles([{ path: "template.json", bytes: new TextEncoder().encode(arm.text) }]);
        if (!back.ok) why.push(`re-import failed: ${back.problems.map((p) => p.message).join("; ")}`);
        else {
          const again = back.document;
          if (!isDeepStrictEqual(plain(again.definition), plain(doc.definition)))
            why.push("re-import: definition differs");
          const reread = apiProperties(again);
          for (const key of ["connectionParameters", "iconBrandColor", "capabilities"])
            if (source[key] !== undefined && !isDeepStrictEqual(plain(reread[key]), plain(source[key])))
              why.push(`re-import: ${key} differs`);
        }
      } catch (error) {
        why.push(`crashed: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (why.length === 0) passed++;
      else {
        failed++;
        lines.push(`✗ ${folder.rel}: ${why.join("; ")}`);
      }
    }
    lines.unshift(
      `${passed + failed} connectors exported for Logic Apps (${skipped} broken inputs skipped); ` +
        `${withSecrets} with an OAuth client secret parameter, ${escapedConnectors} with "[…]" strings escaped; ` +
        `ARM ${(armBytes / 1e6).toFixed(1)} MB, Bicep ${(bicepBytes / 1e6).toFixed(1)} MB in all`,
      "notes of the exports (what does not carry over), by kind:",
      ...[...losses.entries()].sort((a, b) => b[1] - a[1]).map(([k, n]) => `  ${n} × ${k}`),
    );
    return { passed, failed, lines };
  },
};
