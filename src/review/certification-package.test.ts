import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { createEmptyConnector } from "../model/create-empty-connector";
import type { ConnectorDocument } from "../model/connector-document";
import { buildCertificationPackage, certificationPackageZip } from "./certification-package";
import { generateReadme } from "./readme-generator";
import { decodeShareFragment, encodeShareFragment, isShareFragment } from "./share-link";

const doc: ConnectorDocument = {
  ...createEmptyConnector("Contoso Tasks"),
  icon: { bytes: new Uint8Array([1, 2]), mediaType: "image/png" },
};
doc.definition = {
  ...doc.definition,
  info: { title: "Contoso Tasks", description: "Manage Contoso tasks.", version: "1.0" },
  paths: {
    "/tasks": {
      get: {
        operationId: "ListTasks",
        summary: "List tasks",
        description: "Lists every task.",
        responses: {},
      },
      post: { operationId: "Hidden", summary: "Hidden", "x-ms-visibility": "internal", responses: {} },
    },
  },
  securityDefinitions: { "API Key": { type: "apiKey", in: "header", name: "X-Api-Key" } },
};

describe("README generator", () => {
  it("has every section of the repository template, with operations and credentials from the definition", () => {
    const readme = generateReadme(doc, { independentPublisher: false });
    for (const section of [
      "## Publisher",
      "## Prerequisites",
      "## Supported Operations",
      "## Obtaining Credentials",
      "## Getting Started",
      "## Known Issues and Limitations",
      "## Frequently Asked Questions",
      "## Deployment Instructions",
    ]) {
      expect(readme).toContain(section);
    }
    expect(readme).toContain("#### List tasks\nLists every task.");
    expect(readme).not.toContain("Hidden");
    expect(readme).toContain("header `X-Api-Key`");
    expect(readme).toContain(
      "paconn create --api-def apiDefinition.swagger.json --api-prop apiProperties.json",
    );
    expect(readme).toContain("pac connector create --api-definition-file apiDefinition.swagger.json");
  });
});

describe("certification package", () => {
  it("lays out a verified-publisher package with the icon and intro.md", () => {
    const pkg = buildCertificationPackage(doc, { independentPublisher: false, includeIntro: true });
    const zip = unzipSync(certificationPackageZip(pkg));
    expect(Object.keys(zip).sort()).toEqual([
      "certified-connectors/Contoso Tasks/README.md",
      "certified-connectors/Contoso Tasks/apiDefinition.swagger.json",
      "certified-connectors/Contoso Tasks/apiProperties.json",
      "certified-connectors/Contoso Tasks/icon.png",
      "certified-connectors/Contoso Tasks/intro.md",
    ]);
  });

  it("applies the independent-publisher rules to the copy only", () => {
    const pkg = buildCertificationPackage(doc, { independentPublisher: true });
    const zip = unzipSync(certificationPackageZip(pkg));
    const folder = "independent-publisher-connectors/Contoso Tasks";
    expect(zip[`${folder}/icon.png`]).toBeUndefined();
    const props = JSON.parse(strFromU8(zip[`${folder}/apiProperties.json`] as Uint8Array));
    expect(props.properties.iconBrandColor).toBe("#da3b01");
    expect(strFromU8(zip[`${folder}/README.md`] as Uint8Array)).toMatch(
      /^# Contoso Tasks \(Independent Publisher\)/,
    );
    expect((doc.properties.properties as { iconBrandColor: string }).iconBrandColor).toBe("#007ee5");
  });

  it("names the folder with one safe path segment, whatever the title", () => {
    const titled = (title: string): ConnectorDocument => ({
      ...doc,
      definition: { ...doc.definition, info: { title, version: "1.0" } },
    });
    const cases: [string, string][] = [
      ["..", "Connector"],
      [".", "Connector"],
      ["../../escape", "....escape"],
      ["a/b\\c", "abc"],
      ["Tab\tNew\nLine", "TabNewLine"],
      ["CON", "CON_"],
      ["Tomorrow.io", "Tomorrow.io"],
    ];
    for (const [title, folder] of cases) {
      const pkg = buildCertificationPackage(titled(title), { independentPublisher: false });
      expect(pkg.folder).toBe(`certified-connectors/${folder}`);
      for (const name of Object.keys(unzipSync(certificationPackageZip(pkg)))) {
        const segments = name.split("/");
        expect(segments).toHaveLength(3);
        expect(segments.every((s) => s !== "." && s !== ".." && s !== "")).toBe(true);
      }
    }
  });
});

describe("share link", () => {
  it("round-trips a connector through the URL fragment without secrets or icon", () => {
    const withSecret: ConnectorDocument = {
      ...doc,
      properties: {
        properties: { connectionParameters: { token: { oAuthSettings: { clientSecret: "real-secret" } } } },
      },
    };
    const fragment = encodeShareFragment(withSecret);
    expect(fragment).not.toBeNull();
    expect(isShareFragment(`#${fragment}`)).toBe(true);
    const back = decodeShareFragment(`#${fragment}`);
    expect(back.definition).toEqual(doc.definition);
    expect(JSON.stringify(back.properties)).not.toContain("real-secret");
    expect(back.icon).toBeNull();
  });

  it("refuses connectors too large for a link and damaged links", () => {
    const big: ConnectorDocument = {
      ...doc,
      script: Array.from({ length: 60_000 }, (_, i) => `line ${i * 7919}`).join("\n"),
    };
    expect(encodeShareFragment(big)).toBeNull();
    expect(() => decodeShareFragment("#connector=abc")).toThrow(/damaged/);
  });
});
