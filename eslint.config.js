// ESLint for the site's own scripts (overrides/assets/javascripts): run by `make lint`.
// The reader's hover script runs in the page (browser globals, Material's document$), the search
// worker in a Web Worker (importScripts, postMessage). KaTeX (overrides/assets/katex/) is vendored
// byte for byte from node_modules/katex/dist (tests/site/test_katex_assets.py): not ours to lint.
"use strict";

const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  {
    ignores: [
      ".venv/",
      "node_modules/",
      "site/",
      "docs/",
      "test-output/",
      ".cache/",
      "overrides/assets/katex/",
    ],
  },
  js.configs.recommended,
  {
    files: ["overrides/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
    },
    rules: {
      eqeqeq: ["error", "always"],
      "no-implicit-globals": "error",
      "no-shadow": "error",
      "no-var": "off",
    },
  },
  {
    files: ["overrides/assets/javascripts/*.js"],
    languageOptions: {
      globals: { ...globals.browser, document$: "readonly" },
    },
    rules: { strict: ["error", "function"] },
  },
  {
    files: ["overrides/assets/javascripts/workers/**/*.js"],
    languageOptions: { globals: { ...globals.worker } },
    // A worker's global scope is its own: nothing of the page can see or clash with it.
    rules: { "no-implicit-globals": "off", strict: ["error", "global"] },
  },
  {
    files: ["eslint.config.js"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
  },
];
