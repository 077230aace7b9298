// Runs the site's search worker's analysis under Node for tests/site/test_search_analysis.py.
// stdin: {"analysis", "lunr", "lunrFolder" (a file: URL), "separator", "texts": [...]};
// stdout: {"terms": [[[key, spelling], ...] per text], "fold": [...], "latvian": [...],
// "latvianFolded": [...]} (the last three of each text as one word).
"use strict";

const fs = require("fs");
const path = require("path");
const vm = require("vm");
const { fileURLToPath, pathToFileURL } = require("url");

const worker = path.resolve(__dirname, "../../overrides/assets/javascripts/workers/help-search.js");
const context = {
  URL,
  URLSearchParams,
  addEventListener() {},
  postMessage() {},
  location: { href: pathToFileURL(worker).href, search: "" },
};
context.self = context;
context.importScripts = (...urls) => {
  for (const url of urls) vm.runInContext(fs.readFileSync(fileURLToPath(url), "utf8"), context);
};
vm.createContext(context);
vm.runInContext(fs.readFileSync(worker, "utf8"), context, { filename: worker });

const input = JSON.parse(fs.readFileSync(0, "utf8"));
const analyzer = context.analysis(input.analysis, input.lunr, input.lunrFolder);
const separator = new RegExp(input.separator);
const out = {
  terms: input.texts.map((text) =>
    context.tokens(text, separator).flatMap((word) => context.wordTerms(analyzer, word)),
  ),
  fold: input.texts.map((text) => context.fold(text)),
  latvian: input.texts.map((text) => context.stemLatvian(text)),
  latvianFolded: input.texts.map((text) => context.stemLatvianFolded(text)),
};
process.stdout.write(JSON.stringify(out));
