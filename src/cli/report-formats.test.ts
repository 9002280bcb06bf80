import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import Ajv from "ajv-draft-04";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  GROUPING_RULE_IDS,
  RELATED_RULE_IDS,
  RULES,
  SCHEMA_CHECK_RULE_IDS,
} from "../validation/rule-catalog";
// The SARIF 2.1.0 (rtm.5) JSON Schema, as the @microsoft/jest-sarif package (MIT) ships it.
import sarifSchema from "./__fixtures__/sarif-2.1.0-rtm.5.json";
import { main } from "./main";
import { artifactUri, githubAnnotation } from "./report-formats";

const validateSarif = new Ajv({
  allErrors: true,
  strict: false,
  validateFormats: false,
  unicodeRegExp: false,
}).compile(sarifSchema as object);

/** A definition whose path parameter is not required (line 8, the parameter object at column 24). */
const BAD_DEFINITION = `{
  "swagger": "2.0",
  "info": { "title": "Contoso", "version": "1" },
  "paths": {
    "/x/{id}": {
      "get": {
        "operationId": "GetX",
        "parameters": [{ "name": "id", "in": "path", "required": false, "type": "string" }],
        "responses": { "200": { "description": "OK" } }
      }
    },
    "/y": { "get": { "operationId": "GetY", "responses": { "200": { "description": "OK" } } } }
  }
}
`;

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string };
      region?: { startLine: number; startColumn: number };
    };
    logicalLocations: { name: string; fullyQualifiedName: string }[];
  }[];
}
interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; defaultConfiguration: { level: string } }[] } };
    results: SarifResult[];
  }[];
}

describe("--format sarif and --format github", () => {
  let dir: string;
  let out: string[];
  let cwd: ReturnType<typeof vi.spyOn>;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "cs-formats-"));
    out = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => void out.push(line));
    vi.spyOn(console, "error").mockImplementation(() => {});
    cwd = vi.spyOn(process, "cwd").mockReturnValue(dir);
    await mkdir(path.join(dir, "My Connector"));
    await writeFile(path.join(dir, "My Connector", "apiDefinition.swagger.json"), BAD_DEFINITION);
  });
  afterEach(() => vi.restoreAllMocks());

  it("validate writes a SARIF 2.1.0 log with every rule and located results", async () => {
    expect(await main(["validate", path.join(dir, "My Connector"), "--format", "sarif"])).toBe(1);
    const log = JSON.parse(out.join("\n")) as SarifLog;
    expect(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
    const run = log.runs[0];
    if (!run) throw new Error("no run");
    const ids = run.tool.driver.rules.map((r) => r.id);
    const expected = [
      ...RULES.map((r) => r.id).filter((id) => !GROUPING_RULE_IDS.has(id)),
      ...Object.values(RELATED_RULE_IDS).flat(),
      ...SCHEMA_CHECK_RULE_IDS,
      "ValidatorRuleFailed",
    ];
    expect([...ids].sort()).toEqual([...new Set(expected)].sort());
    expect(new Set(ids).size).toBe(ids.length);
    const result = run.results.find((r) => r.ruleId === "PathParameterMustBeRequired");
    expect(result).toMatchObject({ level: "error" });
    expect(run.tool.driver.rules[result?.ruleIndex ?? -1]?.id).toBe("PathParameterMustBeRequired");
    expect(result?.locations[0]).toEqual({
      physicalLocation: {
        artifactLocation: { uri: "My%20Connector/apiDefinition.swagger.json" },
        region: { startLine: 8, startColumn: 24 },
      },
      logicalLocations: [
        {
          name: "/paths/~1x~1{id}/get/parameters/0",
          fullyQualifiedName: "apiDefinition.swagger.json#/paths/~1x~1{id}/get/parameters/0",
        },
      ],
    });
  });

  it("validate writes GitHub annotations with file, line, column and the rule id as title", async () => {
    expect(await main(["validate", path.join(dir, "My Connector"), "--format", "github"])).toBe(1);
    expect(out).toContain(
      '::error file=My Connector/apiDefinition.swagger.json,line=8,col=24,title=PathParameterMustBeRequired::The path parameter "id" must be required: a URL cannot be built without it. Set "required": true. (apiDefinition.swagger.json /paths/~1x~1{id}/get/parameters/0)',
    );
  });

  it("locates findings in a single YAML Swagger file", async () => {
    const yaml = [
      "swagger: '2.0'",
      "info: {title: Contoso, version: '1'}",
      "paths:",
      "  /x/{id}:",
      "    get:",
      "      operationId: GetX",
      "      parameters:",
      "        - {name: id, in: path, required: false, type: string}",
      "      responses: {'200': {description: OK}}",
      "",
    ].join("\n");
    await writeFile(path.join(dir, "api.yaml"), yaml);
    expect(await main(["validate", path.join(dir, "api.yaml"), "--format", "github"])).toBe(1);
    expect(out.find((l) => l.includes("PathParameterMustBeRequired"))).toMatch(
      /^::error file=api\.yaml,line=8,col=11,title=PathParameterMustBeRequired::/,
    );
  });

  it("diff writes SARIF and GitHub annotations; a removal points into the old version", async () => {
    const oldFile = path.join(dir, "My Connector", "apiDefinition.swagger.json");
    const definition = JSON.parse(BAD_DEFINITION) as { paths: Record<string, unknown> };
    delete definition.paths["/y"];
    await writeFile(path.join(dir, "new.json"), JSON.stringify(definition, null, 2));
    expect(await main(["diff", oldFile, path.join(dir, "new.json"), "--format", "sarif"])).toBe(1);
    const log = JSON.parse(out.join("\n")) as SarifLog;
    expect(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
    expect(log.runs[0]?.tool.driver.rules.map((r) => [r.id, r.defaultConfiguration.level])).toEqual([
      ["BreakingChange", "error"],
      ["Change", "note"],
    ]);
    out.length = 0;
    expect(await main(["diff", oldFile, path.join(dir, "new.json"), "--format", "github"])).toBe(1);
    expect(out).toEqual([
      '::error file=My Connector/apiDefinition.swagger.json,line=12,col=13,title=BreakingChange::GetY: Operation "GetY" was removed (GET /y). (apiDefinition.swagger.json /paths/~1y/get)',
    ]);
    cwd.mockRestore();
  });

  it("escapes what workflow commands reserve, and gives file URIs outside the working folder", () => {
    expect(
      githubAnnotation(
        {
          ruleId: "R,1",
          level: "note",
          message: "50% done\nnext",
          packageFile: "apiProperties.json",
          pointer: "",
          location: { file: "/w/a:b,c.json" },
        },
        "/w",
      ),
    ).toBe("::notice file=a%3Ab%2Cc.json,title=R%2C1::50%25 done%0Anext");
    expect(artifactUri("/elsewhere/x y.json", "/w")).toBe("file:///elsewhere/x%20y.json");
    expect(artifactUri("/w/a b/c.json", "/w")).toBe("a%20b/c.json");
  });
});
