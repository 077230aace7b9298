// Runs queries through the site's own search worker under Node, against a built site's files:
// the worker's parse, rank and render, as a browser runs them (help-search.js, unchanged), its
// fetches answered from the site folder. For tests/benchmarks/bench_search_languages.py.
// stdin: {"site": folder, "prefix": "de/" or "", "worker": the worker's path in the site,
//         "lunrFolder": a file: URL, "queries": [...], "most": 5};
// stdout: [[location of each of the first `most` results, without its #anchor], ...].
"use strict";

const fs = require("fs");
const path = require("path");
const vm = require("vm");
const { fileURLToPath, pathToFileURL } = require("url");

const input = JSON.parse(fs.readFileSync(0, "utf8"));
const worker = path.join(input.site, input.worker);
const context = {
  URL,
  URLSearchParams,
  Intl,
  setTimeout,
  addEventListener() {},
  postMessage() {},
  location: { href: pathToFileURL(worker).href, search: "" },
  fetch(url) {
    return new Promise((resolve) => {
      const file = fileURLToPath(url);
      const ok = fs.existsSync(file);
      resolve({ ok, status: ok ? 200 : 404, json: async () => JSON.parse(fs.readFileSync(file, "utf8")) });
    });
  },
};
context.self = context;
context.importScripts = (...urls) => {
  for (const url of urls) vm.runInContext(fs.readFileSync(fileURLToPath(url), "utf8"), context);
};
vm.createContext(context);
vm.runInContext(fs.readFileSync(worker, "utf8"), context, { filename: worker });

const index = path.join(input.site, input.prefix, "search", "search_index.json");
const config = JSON.parse(fs.readFileSync(index, "utf8")).config;
const engine = new context.Engine(config, input.lunrFolder);
const most = input.most || 5;

async function run() {
  const out = [];
  for (const query of input.queries) {
    const terms = engine.parse(query);
    if (!terms.length) {
      out.push([]);
      continue;
    }
    const ranked = await engine.rank(terms);
    const groups = await engine.render(ranked.slice(0, most), terms);
    out.push(groups.map((items) => String(items[0].location).split("#")[0]));
  }
  process.stdout.write(JSON.stringify(out));
}
run().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error));
  process.exit(1);
});
