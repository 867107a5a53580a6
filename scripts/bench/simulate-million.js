#!/usr/bin/env node
/**
 * Bench (g): one =IPVALUE.SIMULATE of 1,000,000 draws (SIMULATE's maximum, MAX_ITERATIONS) on the bench's
 * 20-year table (TABLE of ./simulation.js), timed in headless Chromium and in Node in the same run.
 * Both run the same code, the built custom functions (dist/functions.js, `npm run build` first): the page
 * loads it after the CustomFunctions stand-in, as the pane's shared runtime does; Node evaluates the same
 * file with the same stand-in. Three cases: plain Monte Carlo ("mc"), Latin hypercube ("lhs", the
 * default) and Latin hypercube with 4 assumptions rank-correlated (Iman–Conover), default percentiles,
 * no standard errors. Each round runs every case in Node then in Chromium, so that load from other work
 * on the machine falls on both alike; one untimed 100,000-draw call of each case first warms each JIT.
 * The time is the call alone (performance.now() around it, in the page for Chromium). Chromium's result
 * is checked to be Node's to the last bit.
 *   node scripts/bench/simulate-million.js [rounds]         a report (npm run bench prints it as (g))
 *   node scripts/bench/simulate-million.js [rounds] --json  one JSON line, for scripts/bench.js
 */
"use strict";
/* global window -- the functions given to page.evaluate run in the page */
const fs = require("fs");
const http = require("http");
const path = require("path");
const { CHROMIUM, launchChromium, median } = require("./chromium");
const vm = require("vm");
const { TABLE } = require("./simulation");

const ROOT = path.resolve(__dirname, "../..");
const BUNDLE = path.join(ROOT, "dist", "functions.js");
const STAND_IN = path.join(ROOT, "test/setup/custom-functions-stand-in.js");
const DRAWS = 1000000;
const WARM_DRAWS = 100000;
/** Five rounds: about a minute in all (the correlated case is 4–5 s a call), and a median that one slow round (another process on the machine) does not move. */
const ROUNDS = 5;

/** The correlations of bench (d), as the range SIMULATE's `correlations` reads: keys across and down, one triangle. */
const CORRELATIONS = [
  ["", "market_size", "peak_share", "royalty_rate", "discount_rate"],
  ["market_size", 1, "", "", ""],
  ["peak_share", 0.6, 1, "", ""],
  ["royalty_rate", -0.3, 0, 1, ""],
  ["discount_rate", 0, 0, 0.2, 1],
];

/** SIMULATE's arguments after the table and iterations: seed, percentiles, output, threshold, distribution, sampling, correlations. */
const CASES = [
  { name: "mc", label: '"mc" (plain Monte Carlo)', rest: [1, null, null, null, null, "mc", null] },
  { name: "lhs", label: '"lhs" (Latin hypercube, the default)', rest: [1, null, null, null, null, "lhs", null] },
  { name: "lhsCorrelated", label: '"lhs", 4 assumptions correlated', rest: [1, null, null, null, null, "lhs", CORRELATIONS] },
];

/**
 * The functions' code besides functions.js, which its first call fetches (src/functions/lazy.ts): run here
 * after functions.js, each chunk is installed as a page's script tag would install it.
 */
const CHUNKS = ["functions-impl.js", "engine.js"].map((f) => path.join(ROOT, "dist", f));

/** SIMULATE from the built bundle, evaluated in this process with the stand-in (webpack's runtime asks for self and document.currentScript). */
async function nodeSimulate() {
  require(STAND_IN);
  const g = globalThis;
  g.self = g;
  g.document = { currentScript: { src: "http://localhost/functions.js", tagName: "SCRIPT" }, getElementsByTagName: () => [] };
  try {
    for (const file of [BUNDLE, ...CHUNKS]) vm.runInThisContext(fs.readFileSync(file, "utf8"), { filename: file });
  } finally {
    delete g.document;
  }
  const functions = g.CustomFunctions.__associated.functions;
  await functions.RATE25(0.2, null); // the first call takes the code in; SIMULATE is then called directly
  return functions.SIMULATE;
}

/** A page that loads the stand-in and then the bundle, and the bundle itself. */
async function serve() {
  const files = {
    "/": ["text/html; charset=utf-8", '<!doctype html><meta charset="utf-8"><script src="stand-in.js"></script><script src="functions.js"></script>'],
    "/stand-in.js": ["text/javascript; charset=utf-8", fs.readFileSync(STAND_IN)],
    "/functions.js": ["text/javascript; charset=utf-8", fs.readFileSync(BUNDLE)],
    ...Object.fromEntries(CHUNKS.map((f) => [`/${path.basename(f)}`, ["text/javascript; charset=utf-8", fs.readFileSync(f)]])),
  };
  const server = http.createServer((req, res) => {
    const file = files[new URL(req.url, "http://x").pathname];
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": file[0] });
    res.end(file[1]);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}

const summary = (ms) => ({ median: median(ms), min: Math.min(...ms), max: Math.max(...ms), drawsPerSecond: (DRAWS * 1000) / median(ms) });

async function simulateMillionBench(rounds = ROUNDS) {
  if (!fs.existsSync(BUNDLE)) return { error: "dist/ not built (run `npm run build` first)" };
  if (!fs.existsSync(CHROMIUM)) return { error: `${CHROMIUM} missing (apt-get install chromium)` };
  if (!CHUNKS.every((f) => fs.existsSync(f))) return { error: "dist/ has functions.js without its chunks (run `npm run build`)" };
  const simulate = await nodeSimulate();
  let server;
  let browser;
  try {
    server = await serve();
    browser = await launchChromium();
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => window.CustomFunctions?.__associated?.functions?.SIMULATE !== undefined);
    await page.evaluate(() => window.CustomFunctions.__associated.functions.RATE25(0.2, null)); // the functions' code fetched, as by a first formula
    const inNode = (draws, rest) => {
      const t0 = performance.now();
      const result = simulate(TABLE, draws, ...rest);
      return { ms: performance.now() - t0, result };
    };
    const inChromium = (draws, rest) =>
      page.evaluate(
        ([table, n, args]) => {
          const t0 = performance.now();
          const result = window.CustomFunctions.__associated.functions.SIMULATE(table, n, ...args);
          return { ms: performance.now() - t0, result };
        },
        [TABLE, draws, rest]
      );
    for (const c of CASES) {
      inNode(WARM_DRAWS, c.rest);
      await inChromium(WARM_DRAWS, c.rest);
    }
    const times = Object.fromEntries(CASES.map((c) => [c.name, { node: [], chromium: [] }]));
    const results = {};
    for (let round = 0; round < rounds; round++) {
      for (const c of CASES) {
        const n = inNode(DRAWS, c.rest);
        const b = await inChromium(DRAWS, c.rest);
        if (!Array.isArray(n.result) || n.result[0][0] !== "P10") throw new Error(`SIMULATE ${c.name} returned ${JSON.stringify(n.result)}`);
        // Same bits: the doubles as strings, which round-trip exactly.
        const bits = (r) => JSON.stringify(r.map(([k, v]) => [k, String(v)]));
        if (bits(n.result) !== bits(b.result)) throw new Error(`${c.name}: Chromium ${JSON.stringify(b.result)} is not Node's ${JSON.stringify(n.result)}`);
        times[c.name].node.push(n.ms);
        times[c.name].chromium.push(b.ms);
        results[c.name] = n.result;
      }
    }
    const chromiumVersion = browser.version();
    const cases = CASES.map((c) => {
      const node = summary(times[c.name].node);
      const chromium = summary(times[c.name].chromium);
      return { name: c.name, label: c.label, node, chromium, ratio: chromium.median / node.median, result: results[c.name] };
    });
    return { rounds, draws: DRAWS, node: process.version, chromium: chromiumVersion, cases };
  } finally {
    if (browser) await browser.close();
    if (server) await server.close();
  }
}

/** The report's lines (npm run bench prints them as section (g)). */
function reportLines(r) {
  if (r.error) return [`(g) 1,000,000-draw IPVALUE.SIMULATE in Chromium: ${r.error}`];
  const ms = (m) => `${m.median.toFixed(0).padStart(5)} ms (${m.min.toFixed(0)}–${m.max.toFixed(0)})`;
  const rate = (m) => `${(m.drawsPerSecond / 1e6).toFixed(2)} M draws/s`;
  return [
    `(g) one IPVALUE.SIMULATE of ${r.draws.toLocaleString("en-US")} draws (its maximum), 20-year table, the built functions (dist/functions.js and the chunks its first call fetches) in headless Chromium ${r.chromium} and in Node ${r.node}, median (min–max) of ${r.rounds} rounds; Chromium's results = Node's, bit for bit`,
    ...r.cases.map(
      (c) =>
        `  ${c.label.padEnd(38)} Chromium ${ms(c.chromium)}, ${rate(c.chromium)}   Node ${ms(c.node)}, ${rate(c.node)}   Chromium ${c.ratio.toFixed(2)}× Node's time`
    ),
  ];
}

module.exports = { simulateMillionBench, reportLines, DRAWS };

if (require.main === module) {
  const json = process.argv.includes("--json");
  const rounds = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a))) || ROUNDS;
  simulateMillionBench(rounds).then(
    (r) => console.log(json ? JSON.stringify(r) : reportLines(r).join("\n")),
    (e) => {
      console.error(e);
      process.exit(1);
    }
  );
}
