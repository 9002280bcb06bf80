// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

const PURE_LAYERS = [
  "src/model/**",
  "src/importers/**",
  "src/validation/**",
  "src/export/**",
  "src/review/**",
];
const UI_PACKAGES = [
  {
    name: "react",
    message:
      "The pure core (model, importers, validation, export, review) runs in Node, a Worker and the CLI: no React.",
  },
  { name: "react-dom", message: "No DOM in the pure core." },
  { name: "zustand", message: "State lives in src/store; the core is pure functions." },
  { name: "monaco-editor", message: "Monaco is only imported in src/code-pane." },
  { name: "@tanstack/react-query", message: "Async state belongs to the UI layer." },
  { name: "react-hook-form", message: "Forms belong to src/features." },
];

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
  {
    files: PURE_LAYERS,
    ignores: ["**/*.test.ts", "**/*.worker.ts", "**/*-client.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: UI_PACKAGES,
          patterns: [
            {
              group: ["**/store/**", "**/features/**", "**/code-pane/**", "**/app/**", "**/components/**"],
              message: "The pure core must not import the UI layers.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "window", message: "No DOM in the pure core." },
        { name: "document", message: "No DOM in the pure core." },
        { name: "localStorage", message: "No DOM in the pure core." },
        {
          name: "fetch",
          message: "The pure core never fetches: nothing is loaded from a URL inside a document.",
        },
      ],
    },
  },
  {
    files: ["src/features/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/app/**"], message: "Features do not import the app shell." },
            {
              group: ["../*/**", "!../../**", "../../features/**", "!../*.js"],
              message: "Features stay side by side: no imports between feature folders.",
            },
          ],
        },
      ],
    },
  },
);
