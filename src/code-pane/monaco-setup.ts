import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import JsonWorker from "monaco-editor/languages/features/json/json.worker?worker";
import { configureMonacoYaml } from "monaco-yaml";
import { isDarkTheme, subscribeTheme } from "../lib/theme";
import { buildConnectorSchema, CONNECTOR_SCHEMA_URI, DRAFT04_SCHEMA } from "./connector-schema";
import * as monaco from "./monaco";
import YamlWorker from "./yaml.worker?worker";

export { monaco };

/** Model URIs of the Swagger editor; the schema is bound to them (and to nothing else). */
export const SWAGGER_JSON_URI = monaco.Uri.parse("inmemory://connector/apiDefinition.swagger.json");
export const SWAGGER_YAML_URI = monaco.Uri.parse("inmemory://connector/apiDefinition.swagger.yaml");

/** Monaco's vs-dark, with contrast fixed where it is below WCAG AA. */
const DARK_EDITOR_THEME = "connector-studio-dark";

let ready = false;

/**
 * Sets up Monaco once: workers from our own bundle (never a CDN), the JSON and YAML language services with
 * the connector schema, schema requests off (no request leaves the page's origin).
 */
export function setupMonaco(): typeof monaco {
  if (ready) return monaco;
  ready = true;

  (self as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = {
    getWorker(_workerId: string, label: string) {
      if (label === "json") return new JsonWorker();
      if (label === "yaml") return new YamlWorker();
      return new EditorWorker();
    },
  };

  // Monaco's theme is global: every editor (Swagger, C#, any diff) follows the app's theme. The dark one is
  // vs-dark with comments a shade lighter: vs-dark's #608b4e is 4.2:1 on its background, below WCAG AA.
  monaco.editor.defineTheme(DARK_EDITOR_THEME, {
    base: "vs-dark",
    inherit: true,
    rules: [{ token: "comment", foreground: "6a9955" }],
    colors: {},
  });
  const applyTheme = () => monaco.editor.setTheme(isDarkTheme() ? DARK_EDITOR_THEME : "vs");
  applyTheme();
  subscribeTheme(applyTheme);

  const schema = buildConnectorSchema();
  monaco.json.jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    enableSchemaRequest: false,
    schemaRequest: "ignore",
    schemaValidation: "warning",
    schemas: [
      { uri: CONNECTOR_SCHEMA_URI, fileMatch: [SWAGGER_JSON_URI.toString()], schema },
      DRAFT04_SCHEMA,
    ],
  });

  // monaco-yaml 5.5.1 asks for a worker with the pre-0.56 `createWebWorker({ moduleId, label, createData })`;
  // Monaco 0.57 only takes `{ worker }`. Hand it a Monaco whose createWebWorker starts our YAML worker with
  // the same "first message, then createData" handshake.
  const monacoForYaml = {
    ...monaco,
    editor: {
      ...monaco.editor,
      createWebWorker(options: { worker?: Worker; createData?: unknown }) {
        if (options.worker) return monaco.editor.createWebWorker(options as { worker: Worker });
        const worker = new YamlWorker();
        worker.postMessage("ignore");
        worker.postMessage(options.createData);
        return monaco.editor.createWebWorker({ worker });
      },
    },
  };
  configureMonacoYaml(monacoForYaml as never, {
    enableSchemaRequest: false,
    validate: true,
    hover: true,
    completion: true,
    format: { enable: false },
    schemas: [
      { uri: CONNECTOR_SCHEMA_URI, fileMatch: [SWAGGER_YAML_URI.toString()], schema: schema as never },
      { uri: DRAFT04_SCHEMA.uri, fileMatch: [], schema: DRAFT04_SCHEMA.schema as never },
    ],
  });
  return monaco;
}
