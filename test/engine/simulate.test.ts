/**
 * The Monte Carlo engine: the generator and its published reference values, the samplers against
 * closed forms (statistical tests with stated tolerances), determinism (bit-identical runs, golden
 * values), the kernel against the scenario model draw by draw, and the statistics of the result
 * against mathjs.
 */
import fc from "fast-check";
import { create, meanDependencies, quantileSeqDependencies } from "mathjs";
import { xoroshiro128plusFromState } from "pure-rand/generator/xoroshiro128plus";
import {
  ALLOWED,
  ASSUMPTION_KEYS,
  AssumptionKey,
  Assumptions,
  resolveAssumptions,
  assumptionSpec,
  countBelow,
  exp,
  FOLLOWS,
  histogram,
  log,
  mean,
  METALOG_FEASIBLE,
  metalogCoefficients,
  NUMERIC_KEYS,
  Output,
  OUTPUTS,
  percentileInc,
  percentileLabel,
  planFromTable,
  runScenario,
  runSimulation,
  Sampling,
  SAMPLINGS,
  scenarioOutput,
  seededGenerator,
  simulationTable,
  Simulator,
  splitMix64,
  standardGamma,
  standardNormal,
  uniformOpen,
  ValuationError,
  WHOLE_KEYS,
} from "../../src/engine";
import { MEDICAL_DEVICE } from "../fixtures/medical-device";
import { caught } from "./helpers";

/** mathjs, imported through its factory functions: an independent check of the statistics. */
const math = create({ quantileSeqDependencies, meanDependencies });

/** A table with one scenario per column; `rows` are [key, ...values]. */
const table = (names: string[], rows: (string | number | null)[][]) => [["key", ...names], ...rows];

/** A small model in which only the keys given vary (Low / Base / High). */
function smallTable(varying: Record<string, [number, number, number]> = {}) {
  const fixed: Record<string, number | string> = {
    market_size: 1000,
    peak_share: 1,
    years: 3,
    royalty_rate: 0.03,
    operating_margin: 0.2,
    discount_rate: 0.1,
  };
  const rows: (string | number)[][] = Object.entries(fixed)
    .filter(([k]) => !(k in varying))
    .map(([k, v]) => [k, v, v, v]);
  for (const [k, v] of Object.entries(varying)) rows.push([k, ...v]);
  return table(["Low", "Base", "High"], rows);
}

/** `n` draws of one assumption: the simulated output royalty_rate is the drawn rate itself. */
function drawsOf(
  low: number,
  base: number,
  high: number,
  distribution: "pert" | "triangular" | "metalog",
  n: number,
  seed = 7,
  sampling: Sampling = "mc"
): Float64Array {
  const plan = planFromTable(smallTable({ royalty_rate: [low, base, high] }));
  return new Simulator(plan, distribution, "royalty_rate", sampling).run(n, seed);
}

const sortedCopy = (x: ArrayLike<number>) => Float64Array.from(x).sort();
const variance = (x: ArrayLike<number>) => {
  const m = mean(x);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] - m) * (x[i] - m);
  return s / (x.length - 1);
};

// ------------------------------------------------------------------ the generator

/** The deal terms' defaults that follow another assumption (left blank: they follow it in each draw). */
const DEAL_FOLLOWS = [
  { key: "tier_1_rate", driver: "royalty_rate" },
  { key: "tier_2_rate", driver: "tier_1_rate" },
  { key: "claims_expire_year", driver: "term_years" },
  { key: "exit_probability", driver: "success_probability" },
];

describe("the generator", () => {
  test("SplitMix64 gives Vigna's reference outputs (splitmix64.c)", () => {
    expect(splitMix64(0, 3).map((x) => x.toString(16))).toEqual(["e220a8397b1dcdaf", "6e789e6aa1b965f4", "6c45d188009454f"]);
    expect(splitMix64(1234567, 5).map(String)).toEqual([
      "6457827717110365317",
      "3203168211198807973",
      "9817491932198370423",
      "4593380528125082431",
      "16408922859458223821",
    ]);
  });

  test("pure-rand's xoroshiro128plus is xoroshiro128+ (Blackman & Vigna; a=24, b=16, c=37): its outputs are the low 32 bits of the reference", () => {
    const M = (BigInt(1) << BigInt(64)) - BigInt(1);
    const rotl = (x: bigint, k: number) => ((x << BigInt(k)) | (x >> BigInt(64 - k))) & M;
    for (const seed of [0, 1, 42, 4294967295]) {
      let [s0, s1] = splitMix64(seed, 2);
      const g = seededGenerator(seed);
      for (let i = 0; i < 1000; i++) {
        const result = (s0 + s1) & M;
        expect(g.next()).toBe(Number(BigInt.asIntN(32, result)));
        s1 ^= s0;
        s0 = rotl(s0, 24) ^ s1 ^ ((s1 << BigInt(16)) & M);
        s1 = rotl(s1, 37);
      }
    }
  });

  test("a seed's state is its first two SplitMix64 outputs, as pure-rand stores them", () => {
    const [s0, s1] = splitMix64(1, 2);
    const hi = (x: bigint) => Number(BigInt.asIntN(32, x >> BigInt(32)));
    const lo = (x: bigint) => Number(BigInt.asIntN(32, x));
    expect(seededGenerator(1).getState()).toEqual([hi(s0), lo(s0), hi(s1), lo(s1)]);
    const g = xoroshiro128plusFromState([hi(s0), lo(s0), hi(s1), lo(s1)]);
    const h = seededGenerator(1);
    for (let i = 0; i < 10; i++) expect(h.next()).toBe(g.next());
  });

  test("uniforms lie strictly inside (0, 1) and are multiples of 2^-52 offset by half a step", () => {
    const g = seededGenerator(3);
    let bad = 0;
    for (let i = 0; i < 100000; i++) {
      const u = uniformOpen(g);
      if (!(u > 0 && u < 1) || !Number.isInteger(u * 2 ** 52 - 0.5)) bad++;
    }
    expect(bad).toBe(0);
  });
});

// ------------------------------------------------------------------ log and exp

describe("fdlibm log and exp", () => {
  /** Distance in units in the last place between two doubles of the same sign. */
  const ulps = (a: number, b: number) => {
    if (a === b) return 0;
    const buf = new DataView(new ArrayBuffer(16));
    buf.setFloat64(0, a);
    buf.setFloat64(8, b);
    return Math.abs(Number(buf.getBigInt64(0) - buf.getBigInt64(8)));
  };

  test("agree with Math.log and Math.exp to 1 ulp over a wide range (V8 runs the same fdlibm code: exactly)", () => {
    const g = seededGenerator(11);
    let worst = 0;
    for (let i = 0; i < 200000; i++) {
      const x = Math.pow(10, 40 * uniformOpen(g) - 20);
      worst = Math.max(worst, ulps(log(x), Math.log(x)));
      const y = 1400 * uniformOpen(g) - 700;
      worst = Math.max(worst, ulps(exp(y), Math.exp(y)));
    }
    expect(worst).toBeLessThanOrEqual(1);
  });

  test("special values", () => {
    expect(log(1)).toBe(0);
    expect(log(0)).toBe(-Infinity);
    expect(log(-0)).toBe(-Infinity);
    expect(log(-1)).toBeNaN();
    expect(log(NaN)).toBeNaN();
    expect(log(Infinity)).toBe(Infinity);
    expect(log(Math.E)).toBeCloseTo(1, 15);
    expect(log(5e-324)).toBe(Math.log(5e-324)); // subnormal
    expect(log(1e-310)).toBe(Math.log(1e-310));
    expect(log(Number.MAX_VALUE)).toBe(Math.log(Number.MAX_VALUE));
    expect(exp(0)).toBe(1);
    expect(exp(1)).toBe(Math.E); // special-cased as in V8: fdlibm's reduction is 1 ulp off there
    expect(exp(-Infinity)).toBe(0);
    expect(exp(Infinity)).toBe(Infinity);
    expect(exp(NaN)).toBeNaN();
    expect(exp(710)).toBe(Infinity);
    expect(exp(-746)).toBe(0);
    expect(exp(709.7)).toBe(Math.exp(709.7)); // k = 1024
    expect(exp(-740)).toBe(Math.exp(-740)); // subnormal result
    expect(exp(1e-30)).toBe(1);
  });
});

// ------------------------------------------------------------------ samplers against closed forms

describe("samplers against closed forms", () => {
  const N = 200000;

  test("uniform: the mean is within 4 standard errors of 1/2, and P5…P95 within 4 standard errors of p", () => {
    const g = seededGenerator(21);
    const xs = new Float64Array(N);
    for (let i = 0; i < N; i++) xs[i] = uniformOpen(g);
    expect(Math.abs(mean(xs) - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / N));
    const sorted = sortedCopy(xs);
    for (const p of [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95]) {
      // standard error of a sample quantile: √(p(1−p)/n) / f(Q(p)), f = 1 for the uniform
      expect(Math.abs(percentileInc(sorted, p) - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N));
    }
  });

  test("normal (ziggurat): mean 0 and variance 1 within 4 standard errors; P2.5, P16, P50, P84, P97.5 near ±1.96, ±0.994, 0", () => {
    const g = seededGenerator(22);
    const xs = new Float64Array(N);
    for (let i = 0; i < N; i++) xs[i] = standardNormal(g);
    expect(Math.abs(mean(xs))).toBeLessThan(4 * Math.sqrt(1 / N));
    expect(Math.abs(variance(xs) - 1)).toBeLessThan(4 * Math.sqrt(2 / N));
    const sorted = sortedCopy(xs);
    const phi = (z: number) => Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);
    for (const [p, z] of [
      [0.025, -1.959964],
      [0.16, -0.994458],
      [0.5, 0],
      [0.84, 0.994458],
      [0.975, 1.959964],
    ]) {
      expect(Math.abs(percentileInc(sorted, p) - z)).toBeLessThan((4 * Math.sqrt((p * (1 - p)) / N)) / phi(z));
    }
    // the tail beyond the base layer (3.654) is reached
    expect(sorted[N - 1] > 3.654 || sorted[0] < -3.654).toBe(true);
  });

  test.each([1, 1.4, 2.6, 3, 5])("gamma(%s) (Marsaglia–Tsang): mean and variance equal the shape within 4 standard errors", (shape) => {
    const g = seededGenerator(23);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    const xs = new Float64Array(N);
    for (let i = 0; i < N; i++) xs[i] = standardGamma(g, d, c);
    expect(Math.abs(mean(xs) - shape)).toBeLessThan(4 * Math.sqrt(shape / N));
    // Var of the sample variance of a gamma: (μ4 − σ⁴)/n, μ4 = 3k(k+2) for scale 1
    expect(Math.abs(variance(xs) - shape)).toBeLessThan(4 * Math.sqrt((3 * shape * (shape + 2) - shape * shape) / N));
  });

  describe.each(SAMPLINGS.map((s) => [s]))("%s draws", (sampling) => {
    test.each([
      [0.02, 0.03, 0.04],
      [0.02, 0.025, 0.06],
      [0.02, 0.02, 0.05], // base = low: α = 1
      [0.01, 0.05, 0.05], // base = high: β = 1
      [0, 0.9, 1],
    ])("PERT(%s, %s, %s): the sample mean is within 3 standard errors of (a + 4m + b)/6, and every draw within [a, b]", (a, m, b) => {
      const n = 100000;
      const xs = drawsOf(a, m, b, "pert", n, 7, sampling);
      const expected = (a + 4 * m + b) / 6;
      const se = Math.sqrt(variance(xs) / n);
      expect(Math.abs(mean(xs) - expected)).toBeLessThan(3 * se);
      // and the variance is PERT's, (μ − a)(b − μ)/7, within 5%
      expect(variance(xs) / (((expected - a) * (b - expected)) / 7)).toBeCloseTo(1, 1);
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(a);
      expect(Math.max(...xs)).toBeLessThanOrEqual(b);
    });

    test.each([
      [0.02, 0.03, 0.05],
      [0.01, 0.01, 0.04],
      [0.01, 0.04, 0.04],
    ])("triangular(%s, %s, %s): P5…P95 within 4 standard errors of the closed form", (a, m, b) => {
      const n = 200000;
      const sorted = sortedCopy(drawsOf(a, m, b, "triangular", n, 7, sampling));
      const fc = (m - a) / (b - a);
      const quantile = (p: number) => (p < fc ? a + Math.sqrt(p * (b - a) * (m - a)) : b - Math.sqrt((1 - p) * (b - a) * (b - m)));
      const density = (x: number) => (x < m ? (2 * (x - a)) / ((b - a) * (m - a)) : (2 * (b - x)) / ((b - a) * (b - m)));
      for (const p of [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95]) {
        const q = quantile(p);
        expect(Math.abs(percentileInc(sorted, p) - q)).toBeLessThan((4 * Math.sqrt((p * (1 - p)) / n)) / density(q));
      }
    });

    test("metalog: the draws' P10, P50 and P90 are the low, base and high it was fitted to", () => {
      const n = 200000;
      const [low, base, high] = [0.02, 0.03, 0.05];
      const sorted = sortedCopy(drawsOf(low, base, high, "metalog", n, 7, sampling));
      // tolerance: 4 standard errors of a quantile, with the density estimated from the sample
      for (const [p, target] of [
        [0.1, low],
        [0.5, base],
        [0.9, high],
      ]) {
        const f = 0.02 / (percentileInc(sorted, p + 0.01) - percentileInc(sorted, p - 0.01));
        expect(Math.abs(percentileInc(sorted, p) - target)).toBeLessThan((4 * Math.sqrt((p * (1 - p)) / n)) / f);
      }
    });

    test("metalog draws outside what the assumption allows are drawn again (royalty_rate ≥ 0)", () => {
      const xs = drawsOf(0.001, 0.01, 0.03, "metalog", 50000, 7, sampling);
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...xs)).toBeGreaterThan(0.03); // unbounded above, as a metalog is
    });
  });

  test("metalog coefficients and Keelin's feasibility bound", () => {
    const [a1, a2, a3] = metalogCoefficients(2, 3, 5);
    const L = Math.log(9);
    const q = (y: number) => a1 + a2 * Math.log(y / (1 - y)) + a3 * (y - 0.5) * Math.log(y / (1 - y));
    expect(q(0.1)).toBeCloseTo(2, 12);
    expect(q(0.5)).toBeCloseTo(3, 12);
    expect(q(0.9)).toBeCloseTo(5, 12);
    expect(a2).toBeCloseTo(3 / (2 * L), 12);
    expect(METALOG_FEASIBLE).toBe(1.66711);
    const e = caught(() => new Simulator(planFromTable(MEDICAL_DEVICE), "metalog"));
    expect(e.kind).toBe("invalidValue");
    expect(e.message).toMatch(
      /^distribution "metalog": .*launch_year \(P10 2, P50 3, P90 3\); discount_rate \(P10 0\.1, P50 0\.1, P90 0\.12\)\. Use "pert" or "triangular"\.$/
    );
  });
});

// ------------------------------------------------------------------ determinism

describe("determinism", () => {
  const plan = planFromTable(MEDICAL_DEVICE);

  test("the same seed gives bit-identical draws: twice in a row, from two kernels, and through runSimulation", () => {
    const sim = new Simulator(plan);
    const a = sim.run(10000, 1);
    const b = sim.run(10000, 1);
    const c = new Simulator(plan).run(10000, 1);
    const d = runSimulation(plan).draws;
    let differ = 0;
    for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i]) || !Object.is(a[i], c[i]) || !Object.is(a[i], d[i])) differ++;
    expect(differ).toBe(0);
  });

  test('golden values: the medical-device example, plain Monte Carlo ("mc"; 10,000 draws, seed 1, PERT, rnpv)', () => {
    // Computed once with this code (Node 20) and written here: a change to the generator, the samplers,
    // the model or the statistics shows as a difference. Every operation behind them is exactly rounded
    // (random.ts), so any IEEE-754 JavaScript engine gives these bits. These were the defaults before
    // Latin hypercube sampling: "mc" gives them unchanged.
    const r = runSimulation(plan, { sampling: "mc" });
    expect(Array.from(r.draws.slice(0, 3))).toEqual([106840020.37133154, 154139307.197059, 146294046.31283918]);
    expect(r.percentiles).toEqual([
      { p: 0.1, value: 115674245.60863008 },
      { p: 0.5, value: 156915450.8146959 },
      { p: 0.9, value: 208200315.7852781 },
    ]);
    expect(r.mean).toBe(159952358.141564);
    expect(seededGenerator(1).getState()).toEqual([-1861603860, -1996333887, -1091859039, 1703865447]);
  });

  test("golden values: the medical-device example, defaults (Latin hypercube, 10,000 draws, seed 1, PERT, rnpv)", () => {
    // Computed once with this code (Node 20), as above; test/browser/sampling.test.ts checks Chromium gives the same bits.
    const r = runSimulation(plan);
    expect(r.sampling).toBe("lhs");
    expect(Array.from(r.draws.slice(0, 3))).toEqual([133352743.06629403, 185016412.87551674, 134187773.15808676]);
    expect(r.percentiles).toEqual([
      { p: 0.1, value: 116242741.2613073 },
      { p: 0.5, value: 156301899.76038203 },
      { p: 0.9, value: 209294564.58276927 }, // ...58276940 before the Newton start of BetaTable.quantile (2026-12-03)
    ]);
    expect(r.mean).toBe(159929591.16716525);
  });

  test('golden values: the medical-device example, scrambled Sobol points ("sobol"; 10,000 draws, seed 1, PERT, rnpv)', () => {
    // Computed once with this code (Node 20), as above; test/browser/sampling.test.ts checks Chromium gives the same bits.
    const r = runSimulation(plan, { sampling: "sobol", standardError: true });
    expect(Array.from(r.draws.slice(0, 3))).toEqual([105418025.82619041, 201553943.0257209, 138960609.2839687]);
    expect(r.percentiles).toEqual([
      { p: 0.1, value: 116085276.58577624 },
      { p: 0.5, value: 156609307.20850658 },
      { p: 0.9, value: 208894129.35817596 },
    ]);
    expect(r.mean).toBe(159963407.5981506);
    expect(r.standardErrors!.method).toBe("replicated scrambles");
    expect([...r.standardErrors!.percentiles, r.standardErrors!.mean]).toEqual([177242.95033883993, 168966.7334297374, 322610.9646482042, 10814.257991944383]);
  });

  test.each([
    [
      "lhs",
      [227686368.61602262, 169641600.2855444, 147279970.27101037],
      [108943322.00045274, 157297685.11767846, 220273655.70257378],
      161726103.11052325,
      [228057.2340626699, 284899.5154607704, 434285.2844414915, 33176.95300156644],
    ],
    [
      "mc",
      [134220561.34069866, 168172146.21135634, 112137765.31410763],
      [108099153.55388145, 157508442.44083688, 221166675.21506488],
      161742273.17245594,
      [445651.4615059498, 488172.17683820607, 948638.0329431001, 386296.0850975799],
    ],
  ])(
    "golden values with correlations (market ↔ share 0.6, market ↔ growth −0.3): %s, 10,000 draws, seed 1, with standard errors",
    (sampling, first, p, m, se) => {
      // Computed with the Iman–Conover of commit a4f15a3 (sort and binary search; the standard errors of
      // "lhs" after the Newton start of 4bcd88f): the radix ranking gives the same bits.
      const correlations = {
        keys: ["market_size", "peak_share", "market_growth"] as AssumptionKey[],
        matrix: [
          [1, 0.6, -0.3],
          [0.6, 1, 0],
          [-0.3, 0, 1],
        ],
      };
      const r = runSimulation(plan, { sampling: sampling as Sampling, correlations, standardError: true });
      expect(Array.from(r.draws.slice(0, 3))).toEqual(first);
      expect(r.percentiles.map((x) => x.value)).toEqual(p);
      expect(r.mean).toBe(m);
      expect([...r.standardErrors!.percentiles, r.standardErrors!.mean]).toEqual(se);
    }
  );

  test("different seeds give different draws, and percentiles that differ by sampling error only", () => {
    const one = runSimulation(plan, { seed: 1 });
    const two = runSimulation(plan, { seed: 2 });
    let same = 0;
    for (let i = 0; i < one.draws.length; i++) if (one.draws[i] === two.draws[i]) same++;
    expect(same).toBe(0);
    one.percentiles.forEach((x, i) => {
      expect(x.value).not.toBe(two.percentiles[i].value);
      expect(Math.abs(x.value / two.percentiles[i].value - 1)).toBeLessThan(0.02);
    });
    // neighbouring seeds start far apart (SplitMix64 seeding): their first uniforms are unrelated
    const firsts = Array.from({ length: 64 }, (_, s) => uniformOpen(seededGenerator(s)));
    expect(new Set(firsts.map((u) => Math.floor(u * 8))).size).toBe(8);
  });
});

// ------------------------------------------------------------------ the kernel is the scenario model

/** A table whose scenarios all compute, with 2-4 scenarios and some keys left blank. */
const validTable = fc.integer({ min: 2, max: 4 }).chain((n) => {
  const per = <T>(a: fc.Arbitrary<T>) => fc.array(a, { minLength: n, maxLength: n });
  return fc
    .record({
      market_size: per(fc.double({ min: 1e6, max: 1e10, noNaN: true })),
      market_growth: per(fc.double({ min: -0.2, max: 0.3, noNaN: true })),
      peak_share: per(fc.double({ min: 0.001, max: 0.5, noNaN: true })),
      years_to_peak: per(fc.double({ min: 0, max: 8, noNaN: true })),
      years: per(fc.integer({ min: 1, max: 25 })),
      launch_year: per(fc.integer({ min: 1, max: 4 })),
      royalty_rate: per(fc.double({ min: 0, max: 0.2, noNaN: true })),
      annual_minimum: per(fc.double({ min: 0, max: 1e6, noNaN: true })),
      operating_margin: per(fc.double({ min: 0.01, max: 0.6, noNaN: true })),
      tax_rate: per(fc.double({ min: 0, max: 0.5, noNaN: true })),
      discount_rate: per(fc.double({ min: 0, max: 0.4, noNaN: true })),
      success_probability: per(fc.double({ min: 0.05, max: 1, noNaN: true })),
      upfront: per(fc.double({ min: 0, max: 1e7, noNaN: true })),
      investment: per(fc.double({ min: 0, max: 1e8, noNaN: true })),
      licensor_share: per(fc.double({ min: 0, max: 1, noNaN: true })),
      timing: fc.constantFrom("end", "mid", "begin"),
      termBlank: fc.boolean(),
      hurdleBlank: fc.boolean(),
    })
    .map((v) => {
      const rows: (string | number | null)[][] = [];
      for (const [k, vals] of Object.entries(v)) if (Array.isArray(vals)) rows.push([k, ...vals]);
      rows.push(["timing", ...Array(n).fill(v.timing)]);
      rows.push(["term_years", ...(v.termBlank ? Array(n).fill(null) : v.years.map((y) => Math.max(1, y - 1)))]);
      rows.push(["hurdle_rate", ...(v.hurdleBlank ? Array(n).fill(null) : v.discount_rate.map((r) => r + 0.02))]);
      const names = ["Low", "Base", "High", "Other"].slice(0, n);
      return table(names, rows);
    });
});

const RATE_OUTPUTS = new Set<Output>(["rate25", "maxrate", "royalty_rate"]);

describe("the kernel computes what runScenario and scenarioOutput compute, draw by draw", () => {
  test.each(OUTPUTS.map((o) => [o.key]))("%s, PERT and triangular, random tables", (output) => {
    fc.assert(
      fc.property(validTable, fc.constantFrom("pert" as const, "triangular" as const), fc.integer({ min: 0, max: 1000 }), (cells, distribution, seed) => {
        const plan = planFromTable(cells);
        const drawn: Assumptions[] = [];
        const inspect = (values: Float64Array) => {
          const a = { ...plan.base } as unknown as Record<string, number | string>;
          for (const key of NUMERIC_KEYS) a[key] = values[ASSUMPTION_KEYS.indexOf(key)];
          drawn.push(a as unknown as Assumptions);
        };
        let out: Float64Array;
        try {
          out = new Simulator(plan, distribution, output).run(200, seed, undefined, inspect);
        } catch (e) {
          // No answer in some draw: the scenario model has none for that draw either.
          expect(e).toBeInstanceOf(ValuationError);
          expect((e as ValuationError).kind).toBe("invalidNumber");
          expect(
            drawn.some((a) => {
              try {
                scenarioOutput(runScenario(a), output);
                return false;
              } catch {
                return true;
              }
            })
          ).toBe(true);
          return;
        }
        const problems: string[] = [];
        drawn.forEach((a, i) => {
          const expected = scenarioOutput(runScenario(a), output);
          const tolerance = RATE_OUTPUTS.has(output) ? 1e-9 * (Math.abs(expected) + 1) : 1e-11 * Math.abs(expected) + 1e-6;
          if (!(Math.abs(out[i] - expected) <= tolerance)) problems.push(`draw ${i}: kernel ${out[i]}, model ${expected}`);
          // what varies stays within the scenarios' range; whole years are whole; followers follow
          for (const u of plan.uncertain) {
            const x = a[u.key] as number;
            if (!(x >= u.low && x <= u.high) || (u.whole && !Number.isInteger(x))) problems.push(`draw ${i}: ${u.key} = ${x} outside ${u.low}..${u.high}`);
          }
          for (const f of plan.follows) if (a[f.key] !== a[f.driver]) problems.push(`draw ${i}: ${f.key} does not follow ${f.driver}`);
        });
        expect(problems).toEqual([]);
      }),
      { numRuns: 40 }
    );
  });

  test("with nothing uncertain every draw is the base scenario's output", () => {
    const cells = smallTable();
    const plan = planFromTable(cells);
    expect(plan.uncertain).toEqual([]);
    const base = scenarioOutput(runScenario(plan.base), "rnpv");
    const out = new Simulator(plan).run(100, 5);
    for (const x of out) expect(Math.abs(x - base)).toBeLessThanOrEqual(1e-12 * base);
  });

  test("an output without an answer in some draws is #NUM!, saying in how many", () => {
    const plan = planFromTable(smallTable({ operating_margin: [-0.1, 0.05, 0.2] }));
    const e = caught(() => new Simulator(plan, "pert", "rate25").run(1000, 1));
    expect(e.kind).toBe("invalidNumber");
    expect(e.message).toMatch(/^rate25 has no answer in \d+ of 1000 draws: operating_margin is negative/);
  });
});

// ------------------------------------------------------------------ the plan

describe("the plan: what varies, between what", () => {
  test("the medical-device example: low = min, high = max, base = the Base scenario; the rest fixed", () => {
    const plan = planFromTable(MEDICAL_DEVICE);
    expect(plan.scenario).toBe("Base");
    expect(plan.uncertain).toEqual([
      { key: "market_size", low: 20e9, base: 30e9, high: 40e9, whole: false },
      { key: "market_growth", low: 0.02, base: 0.04, high: 0.06, whole: false },
      { key: "peak_share", low: 0.03, base: 0.05, high: 0.08, whole: false },
      { key: "years_to_peak", low: 3, base: 4, high: 5, whole: false },
      { key: "launch_year", low: 2, base: 3, high: 3, whole: true },
      { key: "operating_margin", low: 0.18, base: 0.22, high: 0.26, whole: false },
      { key: "discount_rate", low: 0.1, base: 0.1, high: 0.12, whole: false },
      { key: "success_probability", low: 0.5, base: 0.6, high: 0.7, whole: false },
    ]);
    expect(plan.follows).toEqual(DEAL_FOLLOWS); // term_years and hurdle_rate are given; the deal terms are blank
    expect(plan.general).toBe(false); // no deal terms: the kernel's own loop
    expect(plan.base.timing).toBe("mid");
  });

  test("term_years and hurdle_rate left blank everywhere follow years and discount_rate in each draw", () => {
    const plan = planFromTable(smallTable({ years: [5, 8, 10], discount_rate: [0.08, 0.1, 0.12] }));
    expect(plan.follows).toEqual([{ key: "term_years", driver: "years" }, { key: "hurdle_rate", driver: "discount_rate" }, ...DEAL_FOLLOWS]);
    expect(plan.uncertain.map((u) => u.key)).toEqual(["years", "discount_rate"]);
    const seen = new Set<number>();
    new Simulator(plan, "pert", "maxrate").run(500, 3, undefined, (v) => {
      expect(v[ASSUMPTION_KEYS.indexOf("term_years")]).toBe(v[ASSUMPTION_KEYS.indexOf("years")]);
      expect(v[ASSUMPTION_KEYS.indexOf("hurdle_rate")]).toBe(v[ASSUMPTION_KEYS.indexOf("discount_rate")]);
      seen.add(v[ASSUMPTION_KEYS.indexOf("years")]);
    });
    expect([...seen].every(Number.isInteger)).toBe(true);
    expect(seen.size).toBeGreaterThan(3); // 5 … 10, rounded
  });

  test("FOLLOWS is every default that follows another assumption, and a blank takes that assumption's value", () => {
    expect(FOLLOWS).toEqual({
      term_years: "years",
      hurdle_rate: "discount_rate",
      tier_1_rate: "royalty_rate",
      tier_2_rate: "tier_1_rate",
      claims_expire_year: "term_years",
      exit_probability: "success_probability",
    });
    const resolved = resolveAssumptions({ market_size: 1, peak_share: 0.1, years: 7, royalty_rate: 0.03, operating_margin: 0.2, discount_rate: 0.07 }, "t");
    for (const [key, driver] of Object.entries(FOLLOWS) as [AssumptionKey, AssumptionKey][]) expect(resolved[key]).toBe(resolved[driver]);
    expect([resolved.term_years, resolved.hurdle_rate]).toEqual([7, 0.07]);
  });

  test("WHOLE_KEYS are the assumptions whose check refuses a fraction that lies between accepted whole values", () => {
    for (const key of NUMERIC_KEYS) {
      const check = assumptionSpec(key).check;
      const ok = (x: number) => {
        try {
          check(x, key);
          return true;
        } catch {
          return false;
        }
      };
      expect([key, ok(10) && ok(11) && !ok(10.5)]).toEqual([key, WHOLE_KEYS.has(key)]);
    }
  });

  test("ALLOWED matches each assumption's check at and beyond its ends", () => {
    expect(Object.keys(ALLOWED).sort()).toEqual([...NUMERIC_KEYS].sort());
    for (const key of NUMERIC_KEYS) {
      const [lo, hi, loOpen, hiOpen] = ALLOWED[key];
      const check = assumptionSpec(key).check;
      const ok = (x: number) => {
        try {
          check(x, key);
          return true;
        } catch {
          return false;
        }
      };
      if (Number.isFinite(lo)) {
        expect([key, "low end", ok(lo)]).toEqual([key, "low end", !loOpen]);
        expect([key, "below", ok(lo - 1e-6)]).toEqual([key, "below", false]);
      }
      if (Number.isFinite(hi)) {
        expect([key, "high end", ok(hi)]).toEqual([key, "high end", !hiOpen]);
        expect([key, "above", ok(hi + 1e-6)]).toEqual([key, "above", false]);
      }
      const middle = Number.isFinite(lo) && Number.isFinite(hi) ? (lo + hi) / 2 : Number.isFinite(lo) ? lo + 1 : hi - 1;
      const inside = WHOLE_KEYS.has(key) ? Math.round(middle) : middle;
      expect([key, "inside", ok(inside)]).toEqual([key, "inside", true]);
    }
  });
});

// ------------------------------------------------------------------ statistics of the result

describe("statistics of the result", () => {
  test("percentiles are Excel's PERCENTILE.INC", () => {
    // =PERCENTILE.INC({1,2,3,4}, 0.1) → 1.3; ({15,20,35,40,50}, 0.4) → 29; 0.5 of 1..10 → 5.5
    expect(percentileInc([1, 2, 3, 4], 0.1)).toBeCloseTo(1.3, 14);
    expect(percentileInc([15, 20, 35, 40, 50], 0.4)).toBe(29);
    expect(percentileInc([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5)).toBe(5.5);
    expect(percentileInc([7], 0.9)).toBe(7);
    expect(percentileInc([1, 2], 1)).toBe(2);
  });

  test("percentiles and mean agree with mathjs's quantileSeq and mean, where quantileSeq answers", () => {
    const r = runSimulation(planFromTable(MEDICAL_DEVICE), { percentiles: [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99] });
    const sorted = Array.from(r.sorted);
    for (const { p, value } of r.percentiles) {
      const m = math.quantileSeq(sorted, p, true) as number;
      expect(Math.abs(value - m)).toBeLessThanOrEqual(1e-12 * Math.abs(m));
    }
    expect(Math.abs(r.mean - (math.mean(Array.from(r.draws)) as number))).toBeLessThanOrEqual(1e-12 * r.mean);
    // Why the engine does not call quantileSeq: where (n − 1)·p is a hair off a whole number, mathjs 15.2
    // answers undefined (sorted) — P7 of 10,001 draws. Ours answers.
    const xs = Array.from({ length: 10001 }, (_, i) => i / 10);
    expect(percentileInc(xs, 0.07)).toBeCloseTo(70, 9);
    expect([undefined, expect.closeTo(70, 9)]).toContainEqual(math.quantileSeq(xs, 0.07, true));
  });

  test("P(below a threshold) is the share of draws strictly below it", () => {
    const sorted = [1, 2, 2, 3, 5];
    expect(countBelow(sorted, 2)).toBe(1);
    expect(countBelow(sorted, 2.5)).toBe(3);
    expect(countBelow(sorted, 0)).toBe(0);
    expect(countBelow(sorted, 9)).toBe(5);
    const r = runSimulation(planFromTable(MEDICAL_DEVICE), { threshold: 120e6 });
    expect(r.below!.probability).toBe(r.draws.filter((x) => x < 120e6).length / 10000);
    expect(r.below!.probability).toBeGreaterThan(0.1);
    expect(r.below!.probability).toBeLessThan(0.2); // P10 is 116 million
  });

  test("the table SIMULATE spills: a labelled row per percentile, the mean, P(<threshold)", () => {
    const r = runSimulation(planFromTable(MEDICAL_DEVICE), { percentiles: [0.05, 0.5, 0.975], threshold: 1e8 });
    const t = simulationTable(r);
    expect(t.map((row) => row[0])).toEqual(["P5", "P50", "P97.5", "mean", "P(<100000000)"]);
    expect(percentileLabel(0.1)).toBe("P10");
    expect(percentileLabel(0.07)).toBe("P7");
    expect(percentileLabel(0.001)).toBe("P0.1");
  });

  test("histogram: round-width bins that hold every draw once", () => {
    const r = runSimulation(planFromTable(MEDICAL_DEVICE));
    const h = histogram(r.sorted, 24);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(10000);
    expect(h.edges.length).toBe(h.counts.length + 1);
    expect(h.edges[0]).toBeLessThanOrEqual(r.sorted[0]);
    expect(h.edges[h.edges.length - 1]).toBeGreaterThanOrEqual(r.sorted[9999]);
    expect(h.counts.length).toBeGreaterThanOrEqual(12);
    expect(h.counts.length).toBeLessThanOrEqual(50);
    const width = h.edges[1] - h.edges[0];
    expect(width / Math.pow(10, Math.floor(Math.log10(width)))).toBeCloseTo(
      [1, 2, 5].find((f) => Math.abs(width / Math.pow(10, Math.floor(Math.log10(width))) - f) < 1e-9)!,
      9
    );
    let i = 0;
    let misplaced = 0;
    h.counts.forEach((c, b) => {
      for (let k = 0; k < c; k++, i++) {
        if (r.sorted[i] < h.edges[b] || (b < h.counts.length - 1 && r.sorted[i] >= h.edges[b + 1])) misplaced++;
      }
    });
    expect(misplaced).toBe(0);
    expect(histogram([3, 3, 3])).toEqual({ edges: [3, 3], counts: [3] });
  });

  test("options are checked: iterations, seed, percentiles", () => {
    const plan = planFromTable(MEDICAL_DEVICE);
    expect(caught(() => runSimulation(plan, { iterations: 99 })).message).toBe("iterations must be a whole number from 100 to 1,000,000; got 99");
    expect(caught(() => runSimulation(plan, { iterations: 1000001 })).kind).toBe("invalidValue");
    expect(caught(() => runSimulation(plan, { iterations: 500.5 })).kind).toBe("invalidValue");
    expect(caught(() => runSimulation(plan, { seed: -1 })).message).toBe("seed must be a whole number from 0 to 4294967295; got -1");
    expect(caught(() => runSimulation(plan, { seed: 2 ** 32 })).kind).toBe("invalidValue");
    expect(caught(() => runSimulation(plan, { percentiles: [0.5, 1] })).message).toBe(
      "percentiles must be a decimal between 0 and 1, exclusive (0.1 = P10); got 1"
    );
    expect(caught(() => runSimulation(plan, { percentiles: [] })).kind).toBe("invalidValue");
    expect(runSimulation(plan, { iterations: 100, seed: 4294967295 }).draws.length).toBe(100);
  });
});
