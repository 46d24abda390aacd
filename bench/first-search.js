// The first search on a built site, in node (V8, the engine of Chromium): loading the search data
// and MiniSearch's index as the page does, then one query. Prints the time and the heap it takes.
//   node bench/first-search.js SITE [QUERY]
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const site = process.argv[2];
const query = process.argv[3] || "replication lag";
global.gc && global.gc();
const heap0 = process.memoryUsage().heapUsed;
const t0 = process.hrtime.bigint();
const page = { window: {} };
page.window.window = page.window;
vm.createContext(page.window);
// as the page does: the two scripts, then MiniSearch.loadJSON (see opsbook.js)
vm.runInContext(fs.readFileSync(path.join(site, "assets/minisearch.js"), "utf8"), page.window);
vm.runInContext(fs.readFileSync(path.join(site, "assets/search-index.js"), "utf8"), page.window);
const t1 = process.hrtime.bigint();
const index = page.window.MiniSearch.loadJSON(page.window.OPSBOOK_SEARCH.index,
    { fields: ["t", "a", "h", "s", "b"], idField: "i" });
const t2 = process.hrtime.bigint();
const results = index.search(query, { boost: { t: 10, a: 8, h: 3, s: 2 }, prefix: true,
    fuzzy: (term) => term.length > 4 ? 1 : false });
const t3 = process.hrtime.bigint();
global.gc && global.gc();
const ms = (a, b) => Number(b - a) / 1e6;
console.log("first search: scripts %d ms, index loaded %d ms, query %d ms (%d results); heap %d MB; %d documents",
    Math.round(ms(t0, t1)), Math.round(ms(t1, t2)), Math.round(ms(t2, t3)), results.length,
    Math.round((process.memoryUsage().heapUsed - heap0) / 1e6), page.window.OPSBOOK_SEARCH.docs.length);
