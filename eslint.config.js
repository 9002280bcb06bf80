// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

/*
 * The layers (docs/architecture.md). Each folder may import only the folders below it:
 *   model → validation, export, try-it-core → importers → review → store → components, code-pane → features → app
 * (cli sits beside app and uses the pure core). A folder's own files are always allowed.
 */
const ALL_FOLDERS = [
  "model",
  "validation",
  "export",
  "try-it-core",
  "importers",
  "review",
  "store",
  "components",
  "code-pane",
  "features",
  "app",
  "cli",
];
/** For each folder, the folders it must not import (everything above it, and its siblings). */
const FORBIDDEN = {
  model: ALL_FOLDERS.filter((f) => f !== "model"),
  validation: [
    "export",
    "try-it-core",
    "importers",
    "review",
    "store",
    "components",
    "code-pane",
    "features",
    "app",
    "cli",
  ],
  export: [
    "validation",
    "try-it-core",
    "importers",
    "review",
    "store",
    "components",
    "code-pane",
    "features",
    "app",
    "cli",
  ],
  "try-it-core": [
    "validation",
    "export",
    "importers",
    "review",
    "store",
    "components",
    "code-pane",
    "features",
    "app",
    "cli",
  ],
  importers: ["try-it-core", "review", "store", "components", "code-pane", "features", "app", "cli"],
  review: ["try-it-core", "store", "components", "code-pane", "features", "app", "cli"],
  store: ["components", "code-pane", "features", "app", "cli"],
  components: ["store", "code-pane", "features", "app", "cli"],
  "code-pane": ["components", "features", "app", "cli"],
  features: ["app", "cli"],
  app: ["cli"],
};
const PURE_LAYERS = ["model", "validation", "export", "try-it-core", "importers", "review"];
const UI_PACKAGES = [
  {
    name: "react",
    message:
      "The pure core (model, validation, export, try-it-core, importers, review) runs in Node, a Worker and the CLI: no React.",
  },
  { name: "react-dom", message: "No DOM in the pure core." },
  { name: "zustand", message: "State lives in src/store; the core is pure functions." },
  { name: "monaco-editor", message: "Monaco is only imported in src/code-pane." },
  { name: "@tanstack/react-query", message: "Async state belongs to the UI layer." },
  { name: "react-hook-form", message: "Forms belong to src/features." },
  { name: "idb", message: "Storage belongs to src/app/persistence." },
];
const DOM_GLOBALS = [
  { name: "window", message: "No DOM in the pure core." },
  { name: "document", message: "No DOM in the pure core." },
  { name: "localStorage", message: "No DOM in the pure core." },
  { name: "sessionStorage", message: "No DOM in the pure core." },
  { name: "indexedDB", message: "Storage belongs to src/app/persistence." },
  {
    name: "fetch",
    message:
      "The pure core never fetches: nothing is loaded from a URL inside a document (Test's transport is injected).",
  },
];

/** Matches a relative import that climbs out to one of `folders` under src/ (`../model/x`, `../../store/y`). */
function folderRegex(folders) {
  return `^(\\.\\./)+(${folders.join("|")})(/|$)`;
}

/** The import rule of one folder: the folders above it, and for pure layers the UI packages. */
function layerRule(folder) {
  const patterns = [
    {
      regex: folderRegex(FORBIDDEN[folder]),
      message: `src/${folder} may not import this layer: imports go one way (docs/architecture.md).`,
    },
  ];
  if (folder === "features") {
    // The snapshots taken at each export are read by Review's Compare; the rest of the shell stays out of reach.
    patterns[0] = {
      regex: `(?!^(\\.\\./)+app/persistence/export-snapshots$)${folderRegex(FORBIDDEN[folder])}`,
      message: patterns[0].message,
    };
    patterns.push({
      group: ["../*/**", "!../../**", "../../features/**", "!../*.js"],
      message: "Features stay side by side: no imports between feature folders.",
    });
  }
  return ["error", { paths: PURE_LAYERS.includes(folder) ? UI_PACKAGES : [], patterns }];
}

/** One config block per layer. Tests may reach across layers (a round-trip test drives every writer). */
const LAYER_CONFIGS = Object.keys(FORBIDDEN).map((folder) => ({
  files: [`src/${folder}/**/*.{ts,tsx}`],
  ignores: ["**/*.test.ts", "**/*.test.tsx"],
  rules: { "no-restricted-imports": layerRule(folder) },
}));

export default tseslint.config(
  {
    ignores: [
      "node_modules",
      "dist",
      ".e2e-build",
      "test-results",
      "playwright-report",
      "bench-results",
      "public",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      "no-console": "off",
      eqeqeq: ["error", "smart"],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  ...LAYER_CONFIGS,
  {
    files: PURE_LAYERS.map((f) => `src/${f}/**/*.{ts,tsx}`),
    ignores: ["**/*.test.ts", "**/*.worker.ts", "**/*-client.ts"],
    rules: { "no-restricted-globals": ["error", ...DOM_GLOBALS] },
  },
  {
    // Connector rules have one home (src/model): the policy key and the default brand colour are named there
    // (POLICY_OPERATIONS_KEY, DEFAULT_BRAND_COLOR) and imported everywhere else.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/model/**", "**/*.test.ts", "**/*.test.tsx", "**/__fixtures__/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "Literal[value='x-ms-apimTemplate-operationName']",
          message: "Use POLICY_OPERATIONS_KEY from src/model/api-properties.ts.",
        },
        {
          selector: "Literal[value=/^#007ee5$/i]",
          message: "Use DEFAULT_BRAND_COLOR from src/model/create-empty-connector.ts.",
        },
      ],
    },
  },
);
