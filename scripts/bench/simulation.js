/**
 * Bench (d): Monte Carlo draws of a 20-year scenario per second.
 *  - the engine's kernel (Simulator.run, plain Monte Carlo "mc": PERT draws of 8 assumptions, the yearly model, the
 *    risk-adjusted value into a Float64Array), 10,000 draws per call, as IPVALUE.SIMULATE runs it;
 *  - a plain Float64Array loop doing the same arithmetic, written for this one table (the same
 *    generator and the same gamma sampler, the 8 assumptions and the model inlined, no dispatch):
 *    the floor the kernel is measured against, in the same run, and checked to give the same bits;
 *  - IPVALUE.SIMULATE as Excel calls it (table parsed, draws sorted, percentiles and mean; Latin hypercube, its default);
 *  - the kernel with Latin hypercube sampling, and with 4 of the 8 assumptions rank-correlated (Iman–Conover),
 *    and Iman–Conover alone on 4 columns of 10,000 draws;
 *  - NumPy doing the same simulation (Generator.beta for PERT, the model vectorised over the draws,
 *    10,000 draws per call), through Debian's /usr/bin/python3 when numpy is installed: "cold" (glibc's
 *    default malloc, which returns the temporary arrays to the OS each call) and "warm" (malloc's mmap and
 *    trim thresholds raised, as a long-running NumPy process ends up), processes alternating, with kernel
 *    rounds measured between them.
 */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");

const YEARS = 20;
const DRAWS = 10000;
const PYTHON = process.env.IPVALUE_PYTHON || "/usr/bin/python3";

/** The 20-year scenario: eight assumptions differ across Low / Base / High. */
const TABLE = [
  ["key", "Low", "Base", "High"],
  ["market_size", 8e9, 10e9, 13e9],
  ["market_growth", 0.02, 0.04, 0.07],
  ["peak_share", 0.05, 0.08, 0.12],
  ["years_to_peak", 6, 4, 3],
  ["launch_year", 2, 2, 2],
  ["years", YEARS, YEARS, YEARS],
  ["term_years", 18, 18, 18],
  ["royalty_rate", 0.02, 0.03, 0.045],
  ["annual_minimum", 2e6, 5e6, 8e6],
  ["operating_margin", 0.2, 0.2, 0.2],
  ["discount_rate", 0.14, 0.11, 0.09],
  ["success_probability", 0.4, 0.55, 0.7],
  ["upfront", 1e7, 1e7, 1e7],
  ["timing", "mid", "mid", "mid"],
];
const VARYING = ["market_size", "market_growth", "peak_share", "years_to_peak", "royalty_rate", "annual_minimum", "discount_rate", "success_probability"];

/** PERT parameters of each varying assumption: low, high − low, and the Marsaglia–Tsang constants of Gamma(α), Gamma(β). */
function pertParams(plan) {
  const keys = plan.uncertain.map((u) => u.key);
  if (JSON.stringify(keys) !== JSON.stringify(VARYING)) throw new Error(`bench table varies ${keys.join(", ")}`);
  const q = new Float64Array(6 * keys.length);
  plan.uncertain.forEach((u, j) => {
    const a = 1 + (4 * (u.base - u.low)) / (u.high - u.low);
    const b = 1 + (4 * (u.high - u.base)) / (u.high - u.low);
    q.set([u.low, u.high - u.low, a - 1 / 3, 1 / Math.sqrt(9 * (a - 1 / 3)), b - 1 / 3, 1 / Math.sqrt(9 * (b - 1 / 3))], 6 * j);
  });
  return q;
}

function makePlainLoop(engine, plan) {
  const q = pertParams(plan);
  const { standardGamma, seededGenerator } = engine;
  const launch = plan.base.launch_year;
  const term = plan.base.term_years;
  const upfront = plan.base.upfront;
  const x = new Float64Array(8);
  /** The same draws and the same model as the kernel, for this table only (rnpv, mid-year). */
  return function plainLoop(draws, seed, out) {
    const g = seededGenerator(seed);
    for (let it = 0; it < draws; it++) {
      for (let j = 0; j < 8; j++) {
        const p = 6 * j;
        const ga = standardGamma(g, q[p + 2], q[p + 3]);
        const gb = standardGamma(g, q[p + 4], q[p + 5]);
        x[j] = q[p] + q[p + 1] * (ga / (ga + gb));
      }
      const peak = x[2];
      const toPeak = x[3];
      const rate = x[4];
      const minimum = x[5];
      const growth = 1 + x[1];
      const step = 1 / (1 + x[6]);
      let df = 1 / Math.sqrt(1 + x[6]);
      let market = x[0];
      let started = false;
      let value = 0;
      for (let i = 0; i < YEARS; i++) {
        const k = i + 2 - launch;
        const share = k < 1 ? 0 : toPeak <= k ? peak : (peak * k) / toPeak;
        const s = market * share;
        if (s > 0) started = true;
        value += (started && i < term ? Math.max(rate * s, minimum) : 0) * df;
        market *= growth;
        df *= step;
      }
      out[it] = upfront + x[7] * value;
    }
    return out;
  };
}

const NUMPY_SCRIPT = String.raw`
import json, sys, time
try:
    import numpy as np
except ImportError:
    print(json.dumps({"missing": True})); sys.exit(0)
cfg = json.loads(sys.argv[1])
Y, N, launch, term, upfront = cfg["years"], cfg["draws"], cfg["launch"], cfg["term"], cfg["upfront"]
P = cfg["pert"]  # [low, base, high] per varying assumption, in the kernel's order
rng = np.random.default_rng(1)
def pert(lo, m, hi, n):
    a = 1 + 4 * (m - lo) / (hi - lo); b = 1 + 4 * (hi - m) / (hi - lo)
    return lo + (hi - lo) * rng.beta(a, b, n)
def simulate(n):
    ms, g, peak, to_peak, rate, minimum, r, p = (pert(*P[j], n) for j in range(8))
    step = 1 / (1 + r); df = 1 / np.sqrt(1 + r)
    market = ms.copy(); value = np.zeros(n); started = np.zeros(n, dtype=bool); growth = 1 + g
    for i in range(Y):
        k = i + 2 - launch
        share = np.zeros(n) if k < 1 else np.where(to_peak <= k, peak, peak * k / to_peak)
        s = market * share
        started |= s > 0
        if i < term:
            value += np.where(started, np.maximum(rate * s, minimum), 0.0) * df
        market *= growth; df *= step
    return upfront + p * value
def measure(rounds, round_s=0.25, warm_s=0.4):
    simulate(N)  # one untimed call first, then about warm_s of untimed calls
    t = time.perf_counter()
    while time.perf_counter() - t < warm_s: simulate(N)
    rates = []
    for _ in range(rounds):
        t = time.perf_counter(); calls = 0
        while True:
            simulate(N); calls += 1
            dt = time.perf_counter() - t
            if dt >= round_s: break
        rates.append(calls * N / dt)
    return rates
out = {"version": np.__version__, "rates": measure(cfg["rounds"])}
if cfg["stats"]:
    big = np.sort(simulate(200000))
    q = lambda p: float(np.percentile(big, 100 * p))  # numpy's default "linear" = PERCENTILE.INC
    out.update({"p10": q(0.1), "p50": q(0.5), "p90": q(0.9), "mean": float(big.mean())})
print(json.dumps(out))
`;

/**
 * glibc's malloc hands NumPy's temporary arrays (80 KB each at 10,000 draws) back to the OS on every call
 * (heap trimming), so each call page-faults them in again: the "cold" figure. A long-running NumPy process
 * whose heap has grown keeps them; these two thresholds give the same "warm" steady state from the start.
 */
const WARM_ENV = { MALLOC_MMAP_THRESHOLD_: "1000000000", MALLOC_TRIM_THRESHOLD_: "1000000000" };
const NUMPY_PAIRS = 3; // cold and warm processes, alternating, with kernel rounds before each
const NUMPY_ROUNDS = 3; // timed rounds per process

/** Rates of the median, min and max of several rounds. */
function summary(rates) {
  const r = [...rates].sort((a, b) => a - b);
  return { median: r[Math.floor(r.length / 2)], min: r[0], max: r[r.length - 1], rounds: r.length };
}

/**
 * Runs the NumPy version, cold (the environment as it is) and warm (WARM_ENV), NUMPY_PAIRS processes of each
 * alternating, with `between()` (kernel rounds) run before each process; null when numpy (or that python) is not installed.
 */
function numpyBench(plan, between) {
  if (!fs.existsSync(PYTHON)) return null;
  const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ipvalue-numpy-")), "simulate.py");
  fs.writeFileSync(script, NUMPY_SCRIPT);
  const base = {
    years: YEARS,
    draws: DRAWS,
    launch: plan.base.launch_year,
    term: plan.base.term_years,
    upfront: plan.base.upfront,
    pert: plan.uncertain.map((u) => [u.low, u.base, u.high]),
    rounds: NUMPY_ROUNDS,
  };
  const run = (env, stats) => {
    const r = spawnSync(PYTHON, [script, JSON.stringify({ ...base, stats })], { encoding: "utf8", timeout: 120000, env });
    if (r.status !== 0) throw new Error(`numpy bench failed: ${r.stderr || r.error}`);
    return JSON.parse(r.stdout.trim().split("\n").pop());
  };
  try {
    const coldEnv = { ...process.env };
    for (const k of Object.keys(WARM_ENV)) delete coldEnv[k];
    const warmEnv = { ...process.env, ...WARM_ENV };
    const cold = [];
    const warm = [];
    let first = null;
    for (let pair = 0; pair < NUMPY_PAIRS; pair++) {
      between();
      const c = run(coldEnv, pair === 0);
      if (c.missing) return null;
      if (pair === 0) first = c;
      cold.push(...c.rates);
      between();
      warm.push(...run(warmEnv, false).rates);
    }
    const { version, p10, p50, p90, mean } = first;
    return { version, p10, p50, p90, mean, cold: summary(cold), warm: summary(warm), warmEnv: WARM_ENV, processes: NUMPY_PAIRS };
  } finally {
    fs.rmSync(path.dirname(script), { recursive: true, force: true });
  }
}

function simulationBench({ engine, functions: F, measure, rounds }) {
  const plan = engine.planFromTable(TABLE);
  const sim = new engine.Simulator(plan, "pert", "rnpv", "mc");
  const plainLoop = makePlainLoop(engine, plan);
  const a = new Float64Array(DRAWS);
  const b = new Float64Array(DRAWS);

  // Same seed, same bits: the plain loop is the kernel's arithmetic and nothing else.
  for (const seed of [1, 2, 12345]) {
    sim.run(DRAWS, seed, a);
    plainLoop(DRAWS, seed, b);
    for (let i = 0; i < DRAWS; i++) if (!Object.is(a[i], b[i])) throw new Error(`kernel and plain loop differ at draw ${i} (seed ${seed}): ${a[i]} vs ${b[i]}`);
  }
  const simulateTable = F.simulateFn(TABLE, DRAWS, 1, null, null, null, null);
  if (!Array.isArray(simulateTable) || simulateTable[0][0] !== "P10") throw new Error(`SIMULATE returned ${JSON.stringify(simulateTable)}`);

  const opts = { rounds };
  const perDraw = (m) => ({ ...m, median: m.median * DRAWS, min: m.min * DRAWS, max: m.max * DRAWS });
  const kernel = perDraw(measure((i) => sim.run(DRAWS, 1 + (i & 1023), a)[DRAWS - 1], opts));
  const plain = perDraw(measure((i) => plainLoop(DRAWS, 1 + (i & 1023), b)[DRAWS - 1], opts));
  const fn = perDraw(measure((i) => F.simulateFn(TABLE, DRAWS, 1 + (i & 1023), null, null, null, null)[1][1], opts));
  // The same scenario with deal terms (a know-how rate after the claims expire, a milestone): each draw
  // runs the scenario model itself, the price of drawing any term.
  const dealPlan = engine.planFromTable([
    ...TABLE,
    ["claims_expire_year", 12, 14, 16],
    ["post_expiry_rate", 0.01, 0.015, 0.02],
    ["milestone_1_year", 3, 3, 3],
    ["milestone_1_amount", 2e7, 3e7, 5e7],
  ]);
  if (!dealPlan.general) throw new Error("the deal-terms table did not take the general path");
  const dealSim = new engine.Simulator(dealPlan, "pert", "rnpv", "mc");
  const general = perDraw(measure((i) => dealSim.run(DRAWS, 1 + (i & 1023), a)[DRAWS - 1], opts));

  // Latin hypercube (the default) and correlated runs of the same table: the kernel with columns drawn first,
  // and Iman–Conover's own cost (scores, their correlation, ranking) measured apart from the draws.
  const lhsSim = new engine.Simulator(plan, "pert", "rnpv", "lhs");
  const lhs = perDraw(measure((i) => lhsSim.run(DRAWS, 1 + (i & 1023), a)[DRAWS - 1], opts));
  const correlations = {
    keys: ["market_size", "peak_share", "royalty_rate", "discount_rate"],
    matrix: [
      [1, 0.6, -0.3, 0],
      [0.6, 1, 0, 0],
      [-0.3, 0, 1, 0.2],
      [0, 0, 0.2, 1],
    ],
  };
  const corrSim = new engine.Simulator(plan, "pert", "rnpv", "lhs", correlations);
  const correlated = perDraw(measure((i) => corrSim.run(DRAWS, 1 + (i & 1023), a)[DRAWS - 1], opts));
  const columns = correlations.keys.map(() => new Float64Array(DRAWS));
  const g = engine.seededGenerator(3);
  for (const c of columns) for (let i = 0; i < DRAWS; i++) c[i] = engine.uniformOpen(g);
  const imanConover = perDraw(
    measure((i) => {
      engine.imanConover(columns, correlations.matrix, engine.seededGenerator(1 + (i & 1023)));
      return columns[0][0];
    }, opts)
  );
  const mcCorrSim = new engine.Simulator(plan, "pert", "rnpv", "mc", correlations);
  const mcCorrelated = perDraw(measure((i) => mcCorrSim.run(DRAWS, 1 + (i & 1023), a)[DRAWS - 1], opts));

  // Percentiles of a long run, to compare with NumPy's (different generators: close, not equal).
  const long = engine.runSimulation(plan, { iterations: 200000, seed: 1, sampling: "mc" });
  // NumPy cold and warm, with kernel rounds measured between its processes (the ratios against NumPy use these).
  const kernelRates = [];
  const numpy = numpyBench(plan, () => {
    const m = measure((i) => sim.run(DRAWS, 1 + (i & 1023), a)[DRAWS - 1], { rounds: 3, warmupSeconds: 0.1 });
    kernelRates.push(m.min, m.median, m.max); // with 3 rounds, every round's rate
  });
  if (numpy) numpy.kernel = perDraw(summary(kernelRates));
  return { kernel, plain, fn, general, lhs, correlated, mcCorrelated, imanConover, long, numpy, uncertain: plan.uncertain.length };
}

module.exports = { simulationBench, TABLE, YEARS, DRAWS };

// `node scripts/bench/simulation.js`: section (d)'s kernel and NumPy figures alone, without the rest of the bench.
if (require.main === module) {
  const { loadSources } = require("./load");
  const { measure } = require("./measure");
  const { engine, functions, cleanup } = loadSources();
  try {
    const r = simulationBench({ engine, functions, measure, rounds: 7 });
    const m = (x) => `${(x.median / 1e6).toFixed(2)} M/s`;
    console.log(`kernel ${m(r.kernel)}, plain loop ${m(r.plain)}, "lhs" ${m(r.lhs)}, "lhs" correlated ${m(r.correlated)}`);
    if (!r.numpy) console.log("numpy: not installed");
    else {
      const { kernel: k, cold, warm } = r.numpy;
      console.log(`NumPy ${r.numpy.version} cold ${m(cold)}, warm ${m(warm)}; kernel between the NumPy processes ${m(k)}`);
      console.log(
        `kernel/NumPy cold ${(k.median / cold.median).toFixed(2)}×, kernel/NumPy warm ${(k.median / warm.median).toFixed(2)}×, ` +
          `"lhs"/warm ${(r.lhs.median / warm.median).toFixed(2)}×, "lhs" correlated/warm ${(r.correlated.median / warm.median).toFixed(2)}×`
      );
    }
  } finally {
    cleanup();
  }
}
