// Runs the search of a Sphinx HTML tree's own page (its _static/searchtools.js, language_data.js and
// searchindex.js, unmodified but for one line) over queries, to compare rankings with.
// Usage: node sphinx-search.js HTML_ROOT < queries.json   (a JSON array of strings)
// Prints a JSON array: for each query, its results in the order the search page lists them, best
// first, as [docname, anchor] pairs.
"use strict";
const fs = require("fs");
const vm = require("vm");
const path = require("path");

const root = process.argv[2];
const read = (name) => fs.readFileSync(path.join(root, name), "utf8");

// The page's globals that the search reads; nothing here is drawn.
const context = {
  document: { getElementById: () => null },
  window: { location: { search: "" }, setTimeout: () => 0 },
  localStorage: { setItem: () => {} },
  SPHINX_HIGHLIGHT_ENABLED: false,
  DOCUMENTATION_OPTIONS: {},
  Documentation: { gettext: (s) => s },
  _: (s) => s,
  _ready: () => {}, // doctools.js: run when the page is loaded; there is no page
  console,
};
vm.createContext(context);
vm.runInContext(read("_static/language_data.js"), context);
// Search.query ends by handing its sorted results to the page ("_displayNextItem(results, ...)"),
// which pops them best first; keep them instead.
let tools = read("_static/searchtools.js").replace(
  /_displayNextItem\(results, results\.length, searchTerms, highlightTerms\);/,
  "Search.lastResults = results;"
);
if (!tools.includes("Search.lastResults = results;")) throw new Error("searchtools.js: unknown version");
vm.runInContext(tools + "\n;this.Search = Search;", context);
vm.runInContext(read("searchindex.js"), context);

const queries = JSON.parse(fs.readFileSync(0, "utf8"));
const answers = queries.map((q) => {
  context.Search.query(q);
  return context.Search.lastResults.slice().reverse().map((r) => [r[0], r[2]]);
});
process.stdout.write(JSON.stringify(answers));
