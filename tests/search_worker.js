// Runs the site's search worker under Node, for tests/search_worker.py.
// stdin: {"analysis", "lunr", "lunrFolder" (a file: URL), "separator", "texts": [...]};
// stdout: {"terms": [[[key, spelling], ...] per text], "fold": [...], "latvian": [...],
// "latvianFolded": [...]} (the last three of each text as one word).
// With "render": {"config": a search_index.json's config, "query", "fragments": [...]}: stdout
// is [[{title, text} of each section of a fragment, as the worker renders it], ...].
"use strict";

const fs = require("fs");
const path = require("path");
const vm = require("vm");
const { fileURLToPath, pathToFileURL } = require("url");

const worker = path.resolve(__dirname, "../overrides/assets/javascripts/workers/help-search.js");
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
if (input.render) {
  const { config, query, fragments } = input.render;
  const engine = new context.Engine(config, input.lunrFolder);
  const terms = engine.parse(query);
  for (const term of terms) for (const part of term.parts) part.keys = new Set(part.computed);
  const value = { terms: new Set(terms.map((_, index) => index)), spellings: new Set() };
  const out = fragments.map((fragment) =>
    fragment.s.map((_, number) => {
      const item = engine.item(fragment, number, 1, value, terms);
      return { title: item.title, text: item.text, location: item.location };
    }),
  );
  process.stdout.write(JSON.stringify(out));
  process.exit(0);
}
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
