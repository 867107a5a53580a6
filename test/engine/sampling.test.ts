/**
 * Latin hypercube sampling and Iman–Conover rank correlation: the tabulated Beta inverse and the
 * normal scores against jStat (a library we did not write), exact stratification, the standard error
 * against plain Monte Carlo's over 50 seeds, the rank correlations reached, the marginals kept, the
 * effect on the spread of the licensor value, and the refusals.
 */
import {
  AssumptionKey,
  ASSUMPTION_KEYS,
  BetaTable,
  cholesky,
  Correlations,
  imanConover,
  metalogCoefficients,
  normalQuantile,
  parseCorrelationTable,
  planFromTable,
  runSimulation,
  Sampling,
  seededGenerator,
  Simulator,
  spearman,
} from "../../src/engine";
import { SOBOL_DIMENSIONS } from "../../src/engine/sobol";
import { MEDICAL_DEVICE } from "../fixtures/medical-device";
import { caught } from "./helpers";

// jStat comes with @formulajs/formulajs; its Beta distribution function and normal quantile are the oracle.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const jStat = require("jstat") as { beta: { cdf(x: number, a: number, b: number): number }; normal: { inv(p: number, m: number, s: number): number } };

const table = (rows: (string | number)[][]) => [["key", "Low", "Base", "High"], ...rows];

/** A small model in which only the keys given vary. */
function smallTable(varying: Record<string, [number, number, number]>) {
  const fixed: Record<string, number> = { market_size: 1000, peak_share: 1, years: 3, royalty_rate: 0.03, operating_margin: 0.2, discount_rate: 0.1 };
  const rows: (string | number)[][] = Object.entries(fixed)
    .filter(([k]) => !(k in varying))
    .map(([k, v]) => [k, v, v, v]);
  for (const [k, v] of Object.entries(varying)) rows.push([k, ...v]);
  return table(rows);
}

/** Every draw's value of the given keys (the inspect hook of Simulator.run). */
function drawsOfKeys(sim: Simulator, n: number, seed: number, keys: readonly AssumptionKey[]): Float64Array[] {
  const cols = keys.map(() => new Float64Array(n));
  const at = keys.map((k) => ASSUMPTION_KEYS.indexOf(k));
  sim.run(n, seed, undefined, (v, i) => at.forEach((a, c) => (cols[c][i] = v[a])));
  return cols;
}

const sorted = (x: Float64Array) => Float64Array.from(x).sort();
const sd = (a: number[]) => {
  const m = a.reduce((x, y) => x + y, 0) / a.length;
  return Math.sqrt(a.reduce((x, y) => x + (y - m) ** 2, 0) / (a.length - 1));
};

describe("the tabulated Beta inverse (PERT under Latin hypercube)", () => {
  // PERT's shapes: α = 1 + 4t, β = 5 − 4t for the base at t of the way from low to high.
  const worstError = (t: BetaTable, F: (x: number) => number) => {
    let worst = 0;
    for (let i = 0; i <= 4000; i++) {
      worst = Math.max(worst, Math.abs(t.cdfAt(i / 4000) - F(i / 4000)));
      const u = (i + 0.5) / 4001;
      worst = Math.max(worst, Math.abs(F(t.quantile(u)) - u)); // the inverse's error, in probability
    }
    return worst;
  };

  test.each([
    [1, 5, (x: number) => 1 - (1 - x) ** 5],
    [5, 1, (x: number) => x ** 5],
    [3, 3, (x: number) => x ** 3 * (10 - 15 * x + 6 * x * x)],
    [2, 4, (x: number) => 1 - (1 - x) ** 4 * (1 + 4 * x)],
  ])("Beta(%s, %s), whose distribution function is a polynomial: within 1e-12, and quantile inverts it", (a, b, F) => {
    expect(worstError(new BetaTable(a, b), F)).toBeLessThan(1e-12);
  });

  test.each([
    [1.04, 4.96],
    [1.5, 4.5],
    [2.6, 3.4],
    [4.2, 1.8],
    [4.99, 1.01],
  ])("Beta(%s, %s): within jStat's own accuracy of its distribution function (its continued fraction stops at 3e-7 relative)", (a, b) => {
    expect(worstError(new BetaTable(a, b), (x) => jStat.beta.cdf(x, a, b))).toBeLessThan(2e-8);
  });

  test("quantilesAscending gives quantile's numbers bit for bit, ascending input or not", () => {
    for (const [a, b] of [
      [1.04, 4.96],
      [2.6, 3.4],
      [4.99, 1.01],
      [3, 3],
    ]) {
      const t = new BetaTable(a, b);
      const n = 5000;
      const ascending = Float64Array.from({ length: n }, (_, i) => (i + 0.37) / n);
      const mixed = Float64Array.from({ length: n }, (_, i) => ((i * 7919) % n) / n + 0.1 / n); // a permutation of bins
      for (const us of [ascending, mixed]) {
        const expected = Array.from(us, (u) => t.quantile(u));
        const got = Array.from(t.quantilesAscending(Float64Array.from(us)));
        expect(got.filter((x, i) => !Object.is(x, expected[i])).length).toBe(0);
      }
    }
  });

  test("the normal scores' quantile is jStat's within 1e-8", () => {
    let worst = 0;
    for (let i = 1; i < 10000; i++) {
      const p = i / 10000;
      worst = Math.max(worst, Math.abs(normalQuantile(p) - jStat.normal.inv(p, 0, 1)));
    }
    for (const p of [1e-6, 1e-9, 1 - 1e-6]) worst = Math.max(worst, Math.abs(normalQuantile(p) - jStat.normal.inv(p, 0, 1)) / Math.abs(normalQuantile(p)));
    expect(worst).toBeLessThan(1e-8);
  });
});

describe("Latin hypercube: one draw per equal-probability bin", () => {
  const n = 1000;
  /** The k-th smallest draw's probability lies in bin k: [k/n, (k+1)/n], within the inverse's error. */
  const stratified = (draws: Float64Array, cdf: (x: number) => number) => {
    const s = sorted(draws);
    const off: string[] = [];
    s.forEach((x, k) => {
      const u = cdf(x);
      if (!(u >= k / n - 1e-9 && u <= (k + 1) / n + 1e-9)) off.push(`draw ${k}: F = ${u}`);
    });
    return off;
  };
  const [lo, m, hi] = [0.02, 0.03, 0.05];
  const one = (distribution: "pert" | "triangular" | "metalog", sampling: Sampling) =>
    new Simulator(planFromTable(smallTable({ royalty_rate: [lo, m, hi] })), distribution, "royalty_rate", sampling).run(n, 11);
  const pertCdf = (x: number) => jStat.beta.cdf((x - lo) / (hi - lo), 1 + (4 * (m - lo)) / (hi - lo), 1 + (4 * (hi - m)) / (hi - lo));
  const triCdf = (x: number) => (x < m ? (x - lo) ** 2 / ((hi - lo) * (m - lo)) : 1 - (hi - x) ** 2 / ((hi - lo) * (hi - m)));
  const [a1, a2, a3] = metalogCoefficients(lo, m, hi);
  const metalogCdf = (x: number) => {
    // the metalog's distribution function, by bisection on its quantile function (Math.log: an independent path)
    let a = 1e-15;
    let b = 1 - 1e-15;
    for (let i = 0; i < 200; i++) {
      const y = (a + b) / 2;
      const l = Math.log(y / (1 - y));
      if (a1 + a2 * l + a3 * (y - 0.5) * l < x) a = y;
      else b = y;
    }
    return (a + b) / 2;
  };

  // royalty_rate is at least 0: the metalog is drawn again below it, so its draws follow the metalog held above 0.
  const heldCdf = (x: number) => (metalogCdf(x) - metalogCdf(0)) / (1 - metalogCdf(0));
  test.each([
    ["pert", pertCdf],
    ["triangular", triCdf],
    ["metalog", heldCdf],
  ] as const)("%s: the draws' probabilities fall one in each of the 1,000 bins (plain Monte Carlo's do not)", (distribution, cdf) => {
    expect(stratified(one(distribution, "lhs"), cdf)).toEqual([]);
    expect(stratified(one(distribution, "mc"), cdf).length).toBeGreaterThan(500);
  });

  test("every assumption is stratified in a run of the medical-device example, whole years rounded after", () => {
    const plan = planFromTable(MEDICAL_DEVICE);
    const keys = plan.uncertain.map((u) => u.key);
    const cols = drawsOfKeys(new Simulator(plan), n, 3, keys);
    plan.uncertain.forEach((u, c) => {
      if (u.whole) return;
      const a = 1 + (4 * (u.base - u.low)) / (u.high - u.low);
      const b = 1 + (4 * (u.high - u.base)) / (u.high - u.low);
      expect([u.key, stratified(cols[c], (x) => jStat.beta.cdf((x - u.low) / (u.high - u.low), a, b))]).toEqual([u.key, []]);
    });
  });

  test("the standard error of the mean and of P10/P50/P90 across 50 seeds at 1,000 draws is well below plain Monte Carlo's", () => {
    const plan = planFromTable(MEDICAL_DEVICE);
    const spread = (sampling: Sampling) => {
      const stats: number[][] = [[], [], [], []];
      for (let seed = 1; seed <= 50; seed++) {
        const r = runSimulation(plan, { iterations: 1000, seed, sampling });
        [r.mean, ...r.percentiles.map((p) => p.value)].forEach((v, i) => stats[i].push(v));
      }
      return stats.map(sd);
    };
    const mc = spread("mc");
    const lhs = spread("lhs");
    const ratio = lhs.map((s, i) => s / mc[i]);
    console.log(
      `standard error, Latin hypercube / plain Monte Carlo (50 seeds, 1,000 draws): mean ${ratio[0].toFixed(3)}, P10 ${ratio[1].toFixed(3)}, P50 ${ratio[2].toFixed(3)}, P90 ${ratio[3].toFixed(3)}`
    );
    expect(ratio[0]).toBeLessThan(0.3); // the mean: mostly additive in the draws, the case LHS helps most
    expect(ratio[1]).toBeLessThan(0.8);
    expect(ratio[2]).toBeLessThan(0.8);
    expect(ratio[3]).toBeLessThan(1); // the upper tail gains least (0.83 over 300 seeds)
    // one assumption, the output its own draw: LHS's percentiles barely move from seed to seed
    const single = planFromTable(smallTable({ royalty_rate: [0.02, 0.03, 0.05] }));
    const p50 = (sampling: Sampling) =>
      sd(Array.from({ length: 50 }, (_, s) => runSimulation(single, { iterations: 1000, seed: s + 1, sampling, output: "royalty_rate" }).percentiles[1].value));
    expect(p50("lhs") / p50("mc")).toBeLessThan(0.05);
  });

  test("same seed, same bits; another seed, another design", () => {
    const plan = planFromTable(MEDICAL_DEVICE);
    const a = new Simulator(plan).run(2000, 5);
    const b = new Simulator(plan).run(2000, 5);
    const c = new Simulator(plan).run(2000, 6);
    expect(Array.from(a).every((x, i) => Object.is(x, b[i]))).toBe(true);
    expect(Array.from(a).filter((x, i) => x === c[i]).length).toBe(0);
  });
});

describe("scrambled Sobol points", () => {
  const plan = planFromTable(MEDICAL_DEVICE);

  test("there are direction numbers for every assumption at once", () => {
    expect(SOBOL_DIMENSIONS).toBeGreaterThanOrEqual(ASSUMPTION_KEYS.length);
  });

  test("at 2^m draws every assumption has one draw in each of the 2^m equal-probability bins", () => {
    const n = 1024;
    const cols = drawsOfKeys(
      new Simulator(plan, "pert", "rnpv", "sobol"),
      n,
      5,
      plan.uncertain.map((u) => u.key)
    );
    plan.uncertain.forEach((u, c) => {
      if (u.whole) return;
      const a = 1 + (4 * (u.base - u.low)) / (u.high - u.low);
      const b = 1 + (4 * (u.high - u.base)) / (u.high - u.low);
      const off = sorted(cols[c]).filter((x, k) => {
        const p = jStat.beta.cdf((x - u.low) / (u.high - u.low), a, b);
        return !(p >= k / n - 1e-9 && p <= (k + 1) / n + 1e-9);
      });
      expect([u.key, off.length]).toEqual([u.key, 0]);
    });
  });

  test("the standard error of the mean and of P10/P50/P90 across 50 seeds at 1,024 draws is below Latin hypercube's, far below plain Monte Carlo's", () => {
    const spread = (sampling: Sampling) => {
      const stats: number[][] = [[], [], [], []];
      for (let seed = 1; seed <= 50; seed++) {
        const r = runSimulation(plan, { iterations: 1024, seed, sampling });
        [r.mean, ...r.percentiles.map((p) => p.value)].forEach((v, i) => stats[i].push(v));
      }
      return stats.map(sd);
    };
    const [mc, lhs, sobol] = (["mc", "lhs", "sobol"] as Sampling[]).map(spread);
    const show = (base: number[]) => ["mean", "P10", "P50", "P90"].map((name, i) => `${name} ${(sobol[i] / base[i]).toFixed(3)}`).join(", ");
    console.log(`standard error across 50 seeds, 1,024 draws: Sobol / plain Monte Carlo ${show(mc)}; Sobol / Latin hypercube ${show(lhs)}`);
    expect(sobol[0] / mc[0]).toBeLessThan(0.05);
    expect(sobol[0] / lhs[0]).toBeLessThan(0.3);
    for (let i = 1; i < 4; i++) {
      expect(sobol[i] / mc[i]).toBeLessThan(0.6);
      expect(sobol[i] / lhs[i]).toBeLessThan(0.9);
    }
  });

  test("same seed, same bits; another seed, another scramble; a draw count that is not a power of 2 works too", () => {
    const a = runSimulation(plan, { iterations: 3000, seed: 9, sampling: "sobol" });
    const b = runSimulation(plan, { iterations: 3000, seed: 9, sampling: "sobol" });
    const c = runSimulation(plan, { iterations: 3000, seed: 10, sampling: "sobol" });
    expect(Array.from(a.draws).every((x, i) => Object.is(x, b.draws[i]))).toBe(true);
    expect(Array.from(a.draws).filter((x, i) => x === c.draws[i]).length).toBeLessThan(10);
    expect(Math.abs(a.percentiles[1].value / c.percentiles[1].value - 1)).toBeLessThan(0.01);
  });
});

describe("Iman–Conover rank correlation", () => {
  const n = 5000;
  const plan = planFromTable(MEDICAL_DEVICE);
  const pair = (x: AssumptionKey, y: AssumptionKey, r: number): Correlations => ({
    keys: [x, y],
    matrix: [
      [1, r],
      [r, 1],
    ],
  });
  /** 4 standard errors of Spearman's r on Fisher's scale (var ≈ 1.06/(n − 3), Fieller, Hartley & Pearson 1957). */
  const withinSamplingError = (got: number, target: number) => Math.abs(Math.atanh(got) - Math.atanh(target)) < 4 * Math.sqrt(1.06 / (n - 3));

  test.each([-0.9, -0.5, 0.3, 0.9])("market_size ↔ peak_share at %s: Spearman within sampling error of it, marginals the same sorted values", (r) => {
    for (const sampling of ["lhs", "mc", "sobol"] as const) {
      const keys: AssumptionKey[] = ["market_size", "peak_share", "operating_margin"];
      const [x, y, z] = drawsOfKeys(new Simulator(plan, "pert", "rnpv", sampling, pair("market_size", "peak_share", r)), n, 7, keys);
      const [x0, y0, z0] = drawsOfKeys(new Simulator(plan, "pert", "rnpv", sampling), n, 7, keys);
      const got = spearman(x, y);
      expect([sampling, r, got, withinSamplingError(got, r)]).toEqual([sampling, r, got, true]);
      expect(Math.abs(spearman(x0, y0))).toBeLessThan(4 / Math.sqrt(n)); // independent without
      expect(sorted(x)).toEqual(sorted(x0));
      expect(sorted(y)).toEqual(sorted(y0));
      expect(z).toEqual(z0); // an assumption not named keeps its draws, in their order
    }
  });

  test("three at once (−0.5, 0.3, 0.6): each pair within sampling error", () => {
    const c: Correlations = {
      keys: ["market_size", "peak_share", "success_probability"],
      matrix: [
        [1, -0.5, 0.3],
        [-0.5, 1, 0.6],
        [0.3, 0.6, 1],
      ],
    };
    const [a, b, d] = drawsOfKeys(new Simulator(plan, "pert", "rnpv", "lhs", c), n, 9, c.keys);
    expect(withinSamplingError(spearman(a, b), -0.5)).toBe(true);
    expect(withinSamplingError(spearman(a, d), 0.3)).toBe(true);
    expect(withinSamplingError(spearman(b, d), 0.6)).toBe(true);
  });

  test("plain Monte Carlo with correlations keeps the plain draws themselves: same sorted values as the same seed without", () => {
    const keys = plan.uncertain.map((u) => u.key);
    const correlated = drawsOfKeys(new Simulator(plan, "pert", "rnpv", "mc", pair("market_size", "peak_share", 0.7)), 1000, 1, keys);
    const plain = drawsOfKeys(new Simulator(plan, "pert", "rnpv", "mc"), 1000, 1, keys);
    keys.forEach((k, c) => expect([k, sorted(correlated[c])]).toEqual([k, sorted(plain[c])]));
  });

  test("a positive market ↔ share correlation widens P10–P90 of the licensor value, a negative one narrows it", () => {
    // rNPV grows with market × share: Var(XY) rises with Cov(X, Y), so the spread does too.
    const width = (c?: Correlations) => {
      const r = runSimulation(plan, { iterations: 10000, seed: 1, correlations: c });
      return r.percentiles[2].value - r.percentiles[0].value;
    };
    const none = width();
    const plus = width(pair("market_size", "peak_share", 0.8));
    const minus = width(pair("market_size", "peak_share", -0.8));
    console.log(
      `P10–P90 of rNPV, medical-device example: independent ${(none / 1e6).toFixed(1)} M, +0.8 ${(plus / 1e6).toFixed(1)} M, −0.8 ${(minus / 1e6).toFixed(1)} M`
    );
    expect(plus).toBeGreaterThan(1.1 * none);
    expect(minus).toBeLessThan(0.9 * none);
  });

  test("the same seed gives the same bits with correlations", () => {
    const c = pair("market_size", "peak_share", 0.5);
    const a = new Simulator(plan, "pert", "rnpv", "lhs", c).run(3000, 4);
    const b = new Simulator(plan, "pert", "rnpv", "lhs", c).run(3000, 4);
    expect(Array.from(a).every((x, i) => Object.is(x, b[i]))).toBe(true);
  });

  test("the correlated scores reach the wanted Pearson correlation exactly (the Iman–Conover transform)", () => {
    const g = seededGenerator(2);
    const cols = [Float64Array.from({ length: 500 }, (_, i) => i), Float64Array.from({ length: 500 }, (_, i) => i * i)];
    imanConover(
      cols,
      [
        [1, 1],
        [1, 1],
      ],
      g
    );
    // rank correlation 1: the two columns in the same order
    for (let i = 0; i < 500; i++) expect(cols[1][i]).toBe(cols[0][i] * cols[0][i]);
  });
});

describe("correlations refused by name", () => {
  const plan = planFromTable(MEDICAL_DEVICE);
  const refuse = (c: Correlations) => caught(() => new Simulator(plan, "pert", "rnpv", "lhs", c));
  test.each([
    [
      {
        keys: ["market_size", "peak_share"],
        matrix: [
          [1, 0.5],
          [0.4, 1],
        ],
      },
      /^correlations is not symmetric: market_size–peak_share is 0\.5 but peak_share–market_size is 0\.4$/,
    ],
    [
      {
        keys: ["market_size", "peak_share"],
        matrix: [
          [1, 1.2],
          [1.2, 1],
        ],
      },
      /^correlations: market_size–peak_share must be a number from −1 to 1; got 1\.2$/,
    ],
    [
      {
        keys: ["market_size", "peak_share"],
        matrix: [
          [1, NaN],
          [NaN, 1],
        ],
      },
      /must be a number from −1 to 1; got NaN$/,
    ],
    [
      {
        keys: ["market_size", "peak_share"],
        matrix: [
          [0.5, 0],
          [0, 1],
        ],
      },
      /^correlations: the diagonal must be 1 .*market_size–market_size is 0\.5$/,
    ],
    [
      {
        keys: ["market_size", "market_size"],
        matrix: [
          [1, 0],
          [0, 1],
        ],
      },
      /^correlations names market_size twice$/,
    ],
    [
      {
        keys: ["market_size", "royalty_rate"],
        matrix: [
          [1, 0],
          [0, 1],
        ],
      },
      /^correlations names royalty_rate, which is the same in every scenario/,
    ],
    [
      {
        keys: ["market_size", "tax_rate", "years"],
        matrix: [
          [1, 0, 0],
          [0, 1, 0],
          [0, 0, 1],
        ],
      },
      /^correlations names tax_rate, years, which are the same in every scenario/,
    ],
    [{ keys: ["market_size", "peak_share"], matrix: [[1, 0.5]] }, /^correlations must be a square table: 2 keys need 2 × 2 correlations$/],
    [
      {
        keys: ["market_size", "peak_share", "market_growth"],
        matrix: [
          [1, 0.9, -0.9],
          [0.9, 1, 0.9],
          [-0.9, 0.9, 1],
        ],
      },
      /^correlations is not positive semi-definite: the correlations among market_size, peak_share, market_growth contradict one another/,
    ],
  ] as [Correlations, RegExp][])("%#: %j", (c, message) => {
    const e = refuse(c);
    expect(e.kind).toBe("invalidValue");
    expect(e.message).toMatch(message);
  });

  test("an unknown key is named (from a typed table)", () => {
    const c = parseCorrelationTable([
      ["", "market size", "Peak-Share", "shares"],
      ["market_size", 1, "", ""],
      ["peak_share", 0.4, 1, ""],
      ["shares", 0, 0, 1],
    ]);
    expect(c.keys).toEqual(["market_size", "peak_share", "shares"]);
    expect(c.matrix).toEqual([
      [1, 0.4, 0],
      [0.4, 1, 0],
      [0, 0, 1],
    ]);
    expect(refuse(c).message).toBe('correlations names "shares", not an assumption key');
  });

  test("positive semi-definite but singular is accepted (a correlation of 1); Cholesky refuses what is not", () => {
    expect(
      cholesky([
        [1, 1],
        [1, 1],
      ]).L
    ).toEqual([
      [1, 0],
      [1, 0],
    ]);
    expect(
      cholesky([
        [1, 2],
        [2, 1],
      ]).failedAt
    ).toBe(1);
    expect(() =>
      new Simulator(plan, "pert", "rnpv", "lhs", {
        keys: ["market_size", "peak_share"],
        matrix: [
          [1, 1],
          [1, 1],
        ],
      }).run(500, 1)
    ).not.toThrow();
  });
});
