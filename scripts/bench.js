#!/usr/bin/env node
/**
 * npm run bench: speed of the valuation core and the custom functions, measured in one run.
 *  (a) IPVALUE.DCF calls per second (the custom function as Excel calls it, with a 2-D column, and the
 *      bare engine dcf) against @formulajs/formulajs NPV on the same 20-year flows.
 *  (b) yearly models of a 20-year scenario per second (engine runScenario + scenarioOutput "npv")
 *      against a plain Float64Array loop doing the same arithmetic, measured in the same run.
 *  (c) gzipped size of the built functions code: dist/functions.js (what the page runs at start: the
 *      associations) and with the chunks a first call fetches (functions-impl.js, engine.js); "not built" if absent.
 *  (d) Monte Carlo draws of a 20-year scenario per second: the engine's simulation kernel against a
 *      plain Float64Array loop doing the same arithmetic and against NumPy doing the same simulation,
 *      cold (glibc's default malloc trims NumPy's temporaries back to the OS each call) and warm
 *      (MALLOC_MMAP_THRESHOLD_ / MALLOC_TRIM_THRESHOLD_ raised, as in a long-running process), the kernel
 *      re-measured between the NumPy processes for those ratios (scripts/bench/simulation.js;
 *      "numpy: not installed" without /usr/bin/python3 and numpy).
 *  (e) IPVALUE.BAND with an unknown key and 1,000 user bands: the "did you mean" lookup as it was
 *      (edit distance against every key, kept in scripts/bench/band-lookup.js as the baseline) against
 *      the engine's bounded one, for a 32,767-character key and for an ordinary typo.
 *  (f) cold load of the built pane to its start view in headless Chromium against Microsoft's React
 *      template built in the same run (scripts/bench/cold-load.js; "not built" without dist/).
 *  (g) one 1,000,000-draw IPVALUE.SIMULATE ("mc", "lhs", "lhs" correlated) from the built functions in headless
 *      Chromium and in Node, rounds interleaved, Chromium's bits checked against Node's (scripts/bench/simulate-million.js).
 * TypeScript is transpiled on the fly with the installed compiler (scripts/bench/load.js); each figure
 * is the median of several timed rounds after a warm-up.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { loadSources, ROOT } = require("./bench/load");
const { measure, getSink } = require("./bench/measure");
const { simulationBench, YEARS: SIM_YEARS, DRAWS: SIM_DRAWS } = require("./bench/simulation");
const { bandLookupBench, USER_BANDS, LONG_KEY_CHARS } = require("./bench/band-lookup");
const formulajs = require("@formulajs/formulajs");

const started = Date.now();
const ROUNDS = 7;
const { engine, functions: F, cleanup } = loadSources();

// ----- deterministic inputs -----------------------------------------------------------------------
// The engine's own seeded generator (xoroshiro128+ from pure-rand), for inputs identical on every run.
const generator = engine.seededGenerator(42);
const rand = () => engine.uniformOpen(generator);
const YEARS = 20;
const K = 64; // distinct inputs, cycled through
const MASK = K - 1;

// (a) 20-year flows: an investment in years 1-2, then returns; rates 1 %..30 %.
const dcfInputs = Array.from({ length: K }, (_, k) => {
  const flat = Array.from({ length: YEARS }, (_, i) => (i < 2 ? -1e6 * (1 + rand()) : 1e5 * (1 + 4 * rand())));
  return { rate: 0.01 + (0.29 * k) / (K - 1), flat, column: flat.map((x) => [x]) };
});

// (b) 20-year scenarios.
const scenarioRaws = Array.from({ length: 16 }, (_, k) => ({
  market_size: 1e8 * (1 + rand()),
  market_growth: 0.08 * rand() - 0.02,
  peak_share: 0.05 + 0.3 * rand(),
  years_to_peak: 1 + (k % 6),
  launch_year: 1 + (k % 3),
  years: YEARS,
  term_years: YEARS - (k % 4),
  royalty_rate: 0.01 + 0.07 * rand(),
  annual_minimum: k % 2 ? 2e5 : 0,
  operating_margin: 0.1 + 0.3 * rand(),
  discount_rate: 0.05 + 0.2 * rand(),
  upfront: 1e6 * rand(),
  timing: ["end", "mid", "begin"][k % 3],
}));
const scenarios = scenarioRaws.map((raw, k) => engine.resolveAssumptions(raw, `s${k}`));
const S_MASK = scenarios.length - 1;
const tables = scenarioRaws.map((raw) => [["key", "Base"], ...Object.entries(raw).map(([key, v]) => [key, v])]);

/** The same arithmetic as runScenario + scenarioOutput("npv"), as one loop over preallocated arrays. */
const buf = {
  market: new Float64Array(YEARS),
  share: new Float64Array(YEARS),
  sales: new Float64Array(YEARS),
  royalty: new Float64Array(YEARS),
  df: new Float64Array(YEARS),
  pv: new Float64Array(YEARS),
};
const OFFSET = { end: 0, mid: 0.5, begin: 1 };
function plainModel(a) {
  const n = a.years;
  const v = 1 / (1 + a.discount_rate);
  let df = Math.pow(1 + a.discount_rate, -(1 - OFFSET[a.timing]));
  let market = a.market_size;
  let started = false;
  let sum = 0;
  for (let t = 1; t <= n; t++) {
    const i = t - 1;
    const k = t - a.launch_year + 1;
    const share = k < 1 ? 0 : a.years_to_peak <= k ? a.peak_share : (a.peak_share * k) / a.years_to_peak;
    const sales = market * share;
    if (sales > 0) started = true;
    const royalty = started && i < a.term_years ? Math.max(a.royalty_rate * sales, a.annual_minimum) : 0;
    buf.market[i] = market;
    buf.share[i] = share;
    buf.sales[i] = sales;
    buf.royalty[i] = royalty;
    buf.df[i] = df;
    buf.pv[i] = royalty * df;
    sum += buf.pv[i];
    market *= 1 + a.market_growth;
    df *= v;
  }
  return a.upfront + sum;
}

/** The same loop, allocating the six arrays per model as runScenario does (shows what allocation costs). */
function plainModelAllocating(a) {
  const n = a.years;
  buf.market = new Array(n).fill(0);
  buf.share = new Array(n).fill(0);
  buf.sales = new Array(n).fill(0);
  buf.royalty = new Array(n).fill(0);
  buf.df = new Array(n).fill(0);
  buf.pv = new Array(n).fill(0);
  return plainModel(a);
}

// ----- sanity: everyone computes the same numbers ---------------------------------------------------
let maxRel = 0;
const rel = (a, b) => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300);
for (const d of dcfInputs) {
  const ref = formulajs.NPV(d.rate, d.column);
  for (const x of [F.dcf(d.rate, d.column, null), engine.dcf(d.rate, d.flat), formulajs.NPV(d.rate, ...d.flat)]) {
    if (typeof x !== "number") throw new Error(`DCF returned ${JSON.stringify(x)}`);
    maxRel = Math.max(maxRel, rel(x, ref));
  }
}
scenarios.forEach((a, k) => {
  const ref = plainModel(a);
  const e = engine.scenarioOutput(engine.runScenario(a), "npv");
  const f = F.scenario(tables[k], null, "npv")[0][0];
  if (typeof f !== "number") throw new Error(`SCENARIO returned ${JSON.stringify(f)}`);
  maxRel = Math.max(maxRel, rel(e, ref), rel(f, ref));
});
if (maxRel > 1e-12) throw new Error(`The benchmarked implementations disagree (max relative difference ${maxRel})`);

// ----- (a) DCF ---------------------------------------------------------------------------------------
const opts = { rounds: ROUNDS };
const fjsColumn = measure((i) => {
  const d = dcfInputs[i & MASK];
  return formulajs.NPV(d.rate, d.column);
}, opts);
const fjsFlat = measure((i) => {
  const d = dcfInputs[i & MASK];
  return formulajs.NPV(d.rate, d.flat);
}, opts);
const cfDcf = measure((i) => {
  const d = dcfInputs[i & MASK];
  return F.dcf(d.rate, d.column, null);
}, opts);
const coreDcf = measure((i) => {
  const d = dcfInputs[i & MASK];
  return engine.dcf(d.rate, d.flat);
}, opts);

// ----- (b) scenario yearly model ----------------------------------------------------------------------
const plain = measure((i) => plainModel(scenarios[i & S_MASK]), opts);
const plainAlloc = measure((i) => plainModelAllocating(scenarios[i & S_MASK]), opts);
const coreModel = measure((i) => engine.scenarioOutput(engine.runScenario(scenarios[i & S_MASK]), "npv"), opts);
const cfScenario = measure((i) => F.scenario(tables[i & S_MASK], null, "npv")[0][0], opts);

// ----- (c) bundle size -------------------------------------------------------------------------------
const functionFiles = ["functions.js", "functions-impl.js", "engine.js"].map((f) => path.join(ROOT, "dist", f));
const sizeOf = (files) => {
  const contents = files.map((f) => fs.readFileSync(f));
  const raw = contents.reduce((n, c) => n + c.length, 0);
  const gz = contents.reduce((n, c) => n + zlib.gzipSync(c, { level: 9 }).length, 0); // each file as it is served
  return `${(gz / 1024).toFixed(1)} KiB gzipped (${gz} bytes; ${(raw / 1024).toFixed(1)} KiB raw)`;
};
const sizeLine = functionFiles.every((f) => fs.existsSync(f))
  ? `${sizeOf(functionFiles.slice(0, 1))}; with the code its first call fetches (functions-impl.js, engine.js) ${sizeOf(functionFiles)}`
  : "not built (run `npm run build` first)";

// ----- (d) Monte Carlo ---------------------------------------------------------------------------------
const sim = simulationBench({ engine, functions: F, measure, rounds: ROUNDS });

// ----- (e) BAND's did-you-mean -----------------------------------------------------------------------
const bandBench = bandLookupBench({ engine, functions: F, measure, rounds: ROUNDS });

cleanup();

// ----- report ----------------------------------------------------------------------------------------
const fmt = (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)} k` : x >= 10 ? x.toFixed(0) : x.toFixed(2)).padStart(9);
const times = (x) => `${x >= 10 ? x.toFixed(0) : x.toFixed(2)}×`;
const spread = (m) => `±${(((m.max - m.min) / 2 / m.median) * 100).toFixed(0)}%`.padStart(5);
const perCallOf = (m) => `${((1e3 * SIM_DRAWS) / m.median).toFixed(2)} ms`;
const line = (label, m, vs) => console.log(`  ${label.padEnd(50)}${fmt(m.median)}/s ${spread(m)}  ${vs}`);

console.log(`IPVALUE bench — Node ${process.version}, median of ${ROUNDS} timed rounds after warm-up (± = half the min–max spread)`);
console.log(`(a) DCF of ${YEARS} yearly flows, ${K} flow sets at rates 1–30 %                 calls`);
line("@formulajs/formulajs NPV(rate, 2-D column)", fjsColumn, "baseline");
line("@formulajs/formulajs NPV(rate, flat array)", fjsFlat, times(fjsFlat.median / fjsColumn.median));
line("IPVALUE.DCF custom function (2-D column, as Excel)", cfDcf, `${times(cfDcf.median / fjsColumn.median)} formulajs`);
line("engine dcf (flat array)", coreDcf, `${times(coreDcf.median / fjsColumn.median)} formulajs`);
console.log(`(b) yearly model of a ${YEARS}-year scenario, ${scenarios.length} scenario sets                 models`);
line("plain Float64Array loop, same arithmetic (baseline)", plain, "baseline");
line("same loop, allocating 6 plain arrays per model", plainAlloc, `${times(plainAlloc.median / plain.median)} baseline`);
line(
  "engine runScenario + scenarioOutput(npv)",
  coreModel,
  `${times(coreModel.median / plain.median)} baseline (loop ${times(plain.median / coreModel.median)} faster)`
);
line('IPVALUE.SCENARIO(table, , "npv") custom function', cfScenario, `${times(cfScenario.median / plain.median)} baseline (parses the table too)`);
console.log(`(c) dist/functions.js: ${sizeLine}`);
console.log(
  `(d) Monte Carlo, ${SIM_YEARS}-year scenario, ${sim.uncertain} assumptions drawn (PERT), risk-adjusted value, ${SIM_DRAWS.toLocaleString("en-US")} draws per call   draws`
);
line("plain Float64Array loop, same arithmetic (baseline)", sim.plain, "baseline");
line(
  "engine Simulator.run (the kernel)",
  sim.kernel,
  `${times(sim.kernel.median / sim.plain.median)} baseline (loop ${times(sim.plain.median / sim.kernel.median)} faster; aim ≤ 1.5×)`
);
line("IPVALUE.SIMULATE (table parsed, sorted, stats)", sim.fn, `${times(sim.fn.median / sim.plain.median)} baseline (Latin hypercube, the default)`);
line(
  'Simulator.run "lhs" (Latin hypercube)',
  sim.lhs,
  `${times(sim.lhs.median / sim.plain.median)} baseline (${times(sim.lhs.median / sim.kernel.median)} "mc")`
);
line(
  'Simulator.run "lhs", 4 assumptions correlated',
  sim.correlated,
  `${times(sim.correlated.median / sim.plain.median)} baseline (${times(sim.correlated.median / sim.lhs.median)} uncorrelated)`
);
line(
  'Simulator.run "mc", 4 assumptions correlated',
  sim.mcCorrelated,
  `${times(sim.mcCorrelated.median / sim.plain.median)} baseline (${times(sim.mcCorrelated.median / sim.kernel.median)} uncorrelated)`
);
line("Iman–Conover alone, 4 columns (draws reordered per second)", sim.imanConover, `${perCallOf(sim.imanConover)} per 10,000-draw call`);
line(
  "Simulator.run with deal terms (scenario model per draw)",
  sim.general,
  `${times(sim.general.median / sim.plain.median)} baseline (kernel ${times(sim.kernel.median / sim.general.median)} faster)`
);
if (sim.numpy) {
  const { cold, warm, kernel: k } = sim.numpy;
  const vs = (m, np) => times(m.median / np.median);
  line("kernel again, rounds between the NumPy processes", k, `${times(k.median / sim.kernel.median)} the kernel line (the NumPy ratios use this)`);
  line(`NumPy ${sim.numpy.version} cold (Generator.beta, vectorised)`, cold, `kernel ${vs(k, cold)} NumPy cold (aim: > 1×; glibc trims its heap each call)`);
  line(
    `NumPy ${sim.numpy.version} warm (malloc thresholds 1e9)`,
    warm,
    `kernel ${vs(k, warm)} NumPy warm (aim: > 1×; NumPy warm ${vs(warm, cold)} cold, as a long-running process)`
  );
  console.log(
    `    against NumPy warm (plain Monte Carlo): kernel "mc" ${vs(k, warm)}, "lhs" ${vs(sim.lhs, warm)}, "lhs" 4 correlated ${vs(sim.correlated, warm)}, ` +
      `"mc" 4 correlated ${vs(sim.mcCorrelated, warm)}; NumPy ${cold.rounds} rounds each from ${sim.numpy.processes} processes, cold and warm alternating`
  );
  const pct = (a, b) => `${(((a - b) / b) * 100).toFixed(2)}%`;
  const ours = sim.long.percentiles.map((x) => x.value);
  console.log(
    `    200,000 draws each: P10/P50/P90/mean IPVALUE ${ours.map((v) => (v / 1e6).toFixed(1)).join(" / ")} / ${(sim.long.mean / 1e6).toFixed(1)} M, ` +
      `NumPy ${[sim.numpy.p10, sim.numpy.p50, sim.numpy.p90, sim.numpy.mean].map((v) => (v / 1e6).toFixed(1)).join(" / ")} M ` +
      `(differences ${[pct(ours[0], sim.numpy.p10), pct(ours[1], sim.numpy.p50), pct(ours[2], sim.numpy.p90), pct(sim.long.mean, sim.numpy.mean)].join(", ")}: different generators)`
  );
} else {
  console.log("  numpy: not installed (apt-get install python3-numpy; the bench uses /usr/bin/python3)");
}
const perCall = (m) => {
  const seconds = 1 / m.median;
  return seconds >= 1 ? `${seconds.toFixed(2)} s a call` : `${(seconds * 1e3).toFixed(2)} ms a call`;
};
const longKey = `${LONG_KEY_CHARS.toLocaleString("en-US")}-char key`;
const { long, typo } = bandBench;
console.log(`(e) IPVALUE.BAND, unknown key, ${USER_BANDS.toLocaleString("en-US")} user bands (${bandBench.rows} keys in all)                     lookups`);
line(`${longKey}: did-you-mean as before (baseline)`, long.before, `baseline, ${perCall(long.before)}`);
line(`${longKey}: engine similarKeys (bounded)`, long.after, `${times(long.after.median / long.before.median)} baseline, ${perCall(long.after)}`);
line(`${longKey}: whole IPVALUE.BAND call`, long.band, `${perCall(long.band)} (1,000 bands parsed, #N/A built)`);
line("ordinary typo: did-you-mean as before (baseline)", typo.before, "baseline (same suggestions, checked)");
line("ordinary typo: engine similarKeys (bounded)", typo.after, `${times(typo.after.median / typo.before.median)} baseline`);
line("ordinary typo: whole IPVALUE.BAND call", typo.band, perCall(typo.band));
console.log(
  `results agree to ${maxRel.toExponential(1)} relative; run took ${((Date.now() - started) / 1000).toFixed(1)} s (sink ${getSink() > 0 ? "+" : "-"})`
);

// ----- (f) cold load in the browser (its own process: Chromium, and webpack for the template) ------------
{
  const { spawnSync } = require("child_process");
  const run = spawnSync(process.execPath, [path.join(__dirname, "bench", "cold-load.js")], { encoding: "utf8" });
  const r = run.status === 0 ? JSON.parse(run.stdout.trim().split("\n").pop()) : { error: (run.stderr || "").trim().split("\n")[0] };
  if (r.error) console.log(`(f) cold load to the start view: ${r.error}`);
  else {
    const kib = (b) => `${(b / 1024).toFixed(0)} KiB`;
    const ms = (m) => `${m.median.toFixed(0)} ms (${m.min.toFixed(0)}–${m.max.toFixed(0)})`;
    console.log(`(f) cold load to the start view, headless Chromium, ${r.rounds} alternating runs each, median (min–max)`);
    console.log(
      `  Microsoft's React template (baseline)                 ${ms(r.template)}, own JS ${kib(r.template.js.raw)} / ${kib(r.template.js.gz)} gzipped`
    );
    console.log(
      `  IPVALUE pane (dist/)                                  ${ms(r.ipvalue)}, own JS ${kib(r.ipvalue.js.raw)} / ${kib(r.ipvalue.js.gz)} gzipped: ${r.ratio.toFixed(2)}× the template`
    );
  }
}

// ----- (g) a 1,000,000-draw SIMULATE in Chromium and in Node (its own process: a fresh heap for Node's figure) -----
{
  const { spawnSync } = require("child_process");
  const { reportLines } = require("./bench/simulate-million");
  const run = spawnSync(process.execPath, [path.join(__dirname, "bench", "simulate-million.js"), "--json"], { encoding: "utf8", maxBuffer: 1 << 24 });
  const r = run.status === 0 ? JSON.parse(run.stdout.trim().split("\n").pop()) : { error: (run.stderr || "").trim().split("\n")[0] };
  for (const l of reportLines(r)) console.log(l);
}
