import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

// The plugin's configs attach the TS/office-addins/prettier rules only to *.{js,mjs,cjs,ts,cts,mts}: widen to tsx.
const widened = officeAddins.configs.react.map((c) =>
  c.files && c.files.includes("**/*.{js,mjs,cjs,ts,cts,mts}")
    ? { ...c, files: ["**/*.{js,mjs,cjs,ts,cts,mts,tsx,jsx}"] }
    : c
);

const nodeGlobals = {
  require: "readonly",
  module: "writable",
  process: "readonly",
  __dirname: "readonly",
  __filename: "readonly",
  Buffer: "readonly",
  console: "readonly",
  setTimeout: "readonly",
  clearTimeout: "readonly",
  URL: "readonly",
};

export default [
  {
    ignores: [
      "dist/**",
      "dist-wps/**",
      "node_modules/**",
      "coverage/**",
      "out/**",
      "test-results/**",
      "bench/tmp/**",
    ],
  },
  ...widened,
  {
    languageOptions: {
      parser: tsParser,
      globals: {
        Office: "readonly",
        Excel: "readonly",
        OfficeExtension: "readonly",
        console: "readonly",
        document: "readonly",
        window: "readonly",
        navigator: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        Blob: "readonly",
        URL: "readonly",
        performance: "readonly",
      },
    },
    rules: { "react/react-in-jsx-scope": "off" },
  },
  {
    // The WPS add-in's pages are plain DOM.
    files: ["src/wps-addin/**/*.ts"],
    languageOptions: { globals: { HTMLElement: "readonly", HTMLElementTagNameMap: "readonly" } },
  },
  {
    // Only the WPS host (src/hosts/wps) touches the globals WPS injects.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/hosts/wps/**"],
    rules: {
      "no-restricted-globals": [
        "error",
        { name: "wps", message: "Only src/hosts/wps may touch the WPS object model." },
        { name: "Application", message: "Only src/hosts/wps may touch the WPS object model." },
      ],
    },
  },
  {
    // The engine is pure: no host, UI, DOM or file-system imports.
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["react", "react-*", "@fluentui/*"],
              message: "The engine must not import UI code.",
            },
            {
              group: ["fs", "fs/*", "node:*", "path", "os", "child_process"],
              message: "The engine must not touch Node APIs.",
            },
            {
              group: ["exceljs", "office-js", "@microsoft/*", "office-addin-*"],
              message: "The engine must not import a host.",
            },
            {
              group: ["**/hosts/**", "**/taskpane/**", "**/commands/**", "**/cli/**"],
              message: "The engine must not import hosts or UIs.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "Excel", message: "The engine must not touch Excel." },
        { name: "Office", message: "The engine must not touch Office." },
        { name: "document", message: "The engine must not touch the DOM." },
        { name: "window", message: "The engine must not touch the DOM." },
        { name: "wps", message: "The engine must not touch WPS." },
        { name: "Application", message: "The engine must not touch WPS." },
      ],
    },
  },
  {
    files: [
      "scripts/**",
      "bench/**",
      "src/cli/**",
      "src/hosts/xlsx/**",
      "bin/**",
      "*.js",
      "*.cjs",
      "tests/**",
    ],
    languageOptions: { globals: nodeGlobals },
  },
  {
    files: ["tests/**/*.{ts,tsx}"],
    languageOptions: {
      globals: {
        describe: "readonly",
        test: "readonly",
        it: "readonly",
        expect: "readonly",
        jest: "readonly",
        beforeEach: "readonly",
        afterEach: "readonly",
        beforeAll: "readonly",
        afterAll: "readonly",
        global: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
];
