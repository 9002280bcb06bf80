import { INDEPENDENT_PUBLISHER_BRAND_COLOR } from "../model/create-empty-connector";
import type { CommandSpec } from "./args";

/**
 * What each command accepts, for parsing, `--help` and the top-level usage. Kept apart from the commands so
 * that help and argument errors need none of the heavy modules (validation, importers).
 */
export const COMMAND_SPECS = {
  import: {
    name: "import",
    synopsis: "<input>...",
    summary:
      "Imports each input (a connector folder, a .zip, a Swagger 2.0 / OpenAPI 3 / Postman file) and writes it as a\n" +
      "connector package to <dir>/<input name>/, replacing that folder. One bad input does not stop the others.\n" +
      "Postman, OpenAPI and bare Swagger inputs come out export-ready: the validator's safe quick fixes run on\n" +
      'them, and each change is in the report ("fixed").',
    minPositionals: 1,
    options: [
      { name: "out", value: "<dir>", required: true, help: "Folder that receives one folder per input." },
      { name: "report", value: "<file.json>", help: "Also write what happened to each input as JSON." },
      {
        name: "include-tags",
        value: "<a,b>",
        help:
          "Keep operations with one of these tags (untagged ones by their first path segment after a\n" +
          "version, e.g. customers for /v1/customers/{id}).",
      },
      {
        name: "include-paths",
        value: "<glob,...>",
        help: "Keep operations whose path matches one of these globs (* within a segment, ** across).",
      },
      {
        name: "exclude-paths",
        value: "<glob,...>",
        help:
          "Drop operations whose path matches one of these globs. Definitions only the dropped operations\n" +
          "used are removed too; an input left with no operation fails.",
      },
    ],
    exitCodes: ["0  every input imported", "2  an input failed, or the arguments or outputs are wrong"],
  },
  validate: {
    name: "validate",
    synopsis: "<folder | file | zip>...",
    summary: "Validates connectors with the rules of the app (and of Microsoft's validator).",
    minPositionals: 1,
    options: [
      { name: "certification", help: "Also apply the certification rules." },
      {
        name: "each",
        help:
          "Each input is a folder of connector folders: validate every sub-folder. A sub-folder holding only\n" +
          "folders (certified-connectors/ in the certified-connector repository) is a group: its sub-folders are\n" +
          "validated instead.",
      },
      {
        name: "jobs",
        value: "<n>",
        help: "Validate up to n inputs at once on worker threads (default: the number of CPUs; 1 from source).",
      },
      {
        name: "format",
        value: "<text|json|sarif|github>",
        choices: ["text", "json", "sarif", "github"],
        help:
          "text (default): one line per problem; json: an array of diagnostics; sarif: a SARIF 2.1.0 log;\n" +
          "github: GitHub Actions annotations (::error file=…,line=…,col=…,title=<ruleId>::…).",
      },
    ],
    exitCodes: [
      "0  no errors",
      "1  an error was found",
      "2  an input cannot be read, or the arguments are wrong",
    ],
  },
  diff: {
    name: "diff",
    synopsis: "<old> <new>",
    summary: "Compares two versions of a connector and tells which changes break existing flows.",
    minPositionals: 2,
    maxPositionals: 2,
    options: [
      {
        name: "format",
        value: "<text|json|sarif|github>",
        choices: ["text", "json", "sarif", "github"],
        help:
          'text (default): one line per change; json: { "changes": [...] }; sarif: a SARIF 2.1.0 log;\n' +
          "github: GitHub Actions annotations (BreakingChange errors, Change notices).",
      },
    ],
    exitCodes: [
      "0  no breaking change",
      "1  a change breaks existing flows",
      "2  an input cannot be read, or the arguments are wrong",
    ],
  },
  package: {
    name: "package",
    synopsis: "<folder | zip | file>",
    summary:
      "Writes the certification package (the connectors repository layout) as a zip, after validating it in\n" +
      "certification mode (refused on errors, like Export for certification). With --target logic-apps, writes\n" +
      "the connector as an Azure Logic Apps custom connector (a Microsoft.Web/customApis resource): an ARM\n" +
      "template for --out <file.json>, a Bicep file for --out <file.bicep>, after validating it as Export does.",
    minPositionals: 1,
    maxPositionals: 1,
    options: [
      {
        name: "out",
        value: "<file.zip | file.json | file.bicep>",
        required: true,
        help: "The file to write (replaced if it exists): a zip, or for --target logic-apps .json or .bicep.",
      },
      {
        name: "target",
        value: "<certification|logic-apps>",
        choices: ["certification", "logic-apps"],
        help:
          "certification (default): the certification package; logic-apps: an ARM template or Bicep file\n" +
          "for Azure Logic Apps (OAuth client secrets become secure template parameters).",
      },
      {
        name: "independent-publisher",
        help: `independent-publisher-connectors/ layout: brand colour ${INDEPENDENT_PUBLISHER_BRAND_COLOR}, no icon (certification only).`,
      },
      {
        name: "intro",
        help: "Add intro.md (verified publishers attach it in ISV Studio; certification only).",
      },
      {
        name: "allow-errors",
        help: "Write the output even when validation has errors (they are still listed).",
      },
    ],
    exitCodes: [
      "0  the output was written",
      "1  validation errors (certification mode; plain mode for --target logic-apps), listed with their rule ids; nothing written unless --allow-errors",
      "2  the input cannot be read, or the arguments or output are wrong",
    ],
  },
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMAND_SPECS;
