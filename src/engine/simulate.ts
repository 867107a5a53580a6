/**
 * Monte Carlo simulation of the scenario model: each assumption that differs across the scenarios
 * becomes a distribution between its lowest and highest value, with the base scenario's value as
 * its most likely one; the model runs once per draw; the result is the distribution of one output.
 *
 * - Which values: low = the minimum across all scenarios, high = the maximum, base = the value in
 *   the base scenario (pickScenario: the one named Base, else the middle one). Assumptions equal in
 *   every scenario stay fixed. Timing (text) is the base scenario's.
 * - Whole years (years, launch_year, term_years) are drawn on the continuous distribution and rounded
 *   to the nearest whole year, so a launch can slip by a year. years_to_peak is not a whole number
 *   and is drawn as it is.
 * - Defaults that follow another assumption follow it in every draw: term_years left blank in every
 *   scenario is the drawn `years`; hurdle_rate left blank is the drawn discount_rate.
 * - Sampling (sampling.ts): "lhs" (the default), Latin hypercube: each assumption's uniforms are
 *   stratified into as many equal bins as draws, one draw per bin, the bins shuffled by the seed, and a
 *   draw is the inverse distribution function at its uniform; "mc", plain Monte Carlo, each draw
 *   independent (the method and the numbers of the versions before Latin hypercube, bit for bit);
 *   "sobol", scrambled Sobol points (sobol.ts): assumption j takes dimension j of the sequence, each
 *   dimension scrambled by the seed, and a draw is the inverse distribution function at its point.
 * - Assumptions are drawn independently of one another unless `correlations` names some: their draws
 *   are then paired anew by Iman–Conover to have those rank correlations, each marginal unchanged.
 * - A draw stays within [low, high] (metalog: within what the assumption allows), so every draw is a
 *   valid set of assumptions. An output with no answer in some draw (rate25 with a negative margin,
 *   maxrate with no sales in the term) makes the whole simulation #NUM!, saying in how many draws.
 *
 * Distributions (a = low, m = base, b = high):
 *  - "pert" (default): a + (b − a)·Beta(α, β), α = 1 + 4(m − a)/(b − a), β = 1 + 4(b − m)/(b − a): mean
 *    (a + 4m + b)/6. Beta(α, β) = Gα/(Gα + Gβ) with gamma variates by Marsaglia & Tsang and normals by
 *    the ziggurat (random.ts), the algorithms of NumPy's Generator.beta.
 *  - "triangular": by the inverse of its distribution function.
 *  - "metalog": the three-term metalog (Keelin 2016) through low, base and high as P10, P50 and P90.
 *    It is unbounded: draws beyond the values the assumption allows are drawn again. It exists only
 *    when the base is not too close to low or high (|a₃|/a₂ < 1.66711); otherwise #VALUE! says so.
 *
 * The kernel (Simulator) allocates its buffers once and reuses them for every draw: typed arrays,
 * running discount factors, no object created per draw. Its arithmetic is that of runScenario and
 * scenarioOutput, except that the first discount factor is taken as 1/(1+r) (end), 1/√(1+r) (mid) or 1
 * (begin) rather than through Math.pow, so that every operation is exactly rounded (see random.ts).
 *
 * Statistics of the result: percentiles as Excel's PERCENTILE.INC (R's type 7: the sorted values at
 * rank h = (n − 1)·p, interpolated linearly between neighbours) and the mean, computed here rather
 * than by mathjs — see `percentileInc` for why.
 */
import {
  ASSUMPTION_KEYS,
  AssumptionKey,
  Assumptions,
  assumptionSpec,
  FOLLOWS,
  hasDealTerms,
  MILESTONE_COUNT,
  milestoneKey,
  RawScenario,
  readAssumptionsTable,
  resolveScenarios,
} from "./assumptions";
import { isBlank, RawValue } from "./cells";
import {
  EXCERPT_ITEMS,
  excerptIn,
  excerptListIn,
  excerptPlainIn,
  invalidNumber,
  invalidValue,
  keyName,
  Localized,
  MAX_YEARS,
  Param,
  phrase,
  quotedName,
  ValuationError,
  wordList,
} from "./errors";
import { Generator, log, MAX_SEED, seededGenerator, standardGamma, uniformOpen } from "./random";
import { sobolDimension, sobolUniforms } from "./sobol";
import { BetaTable, betaTable, checkCorrelations, Correlations, DEFAULT_SAMPLING, imanConover, Sampling, shuffle, stratifiedUniforms } from "./sampling";
import { atRanks } from "./order-statistics";
import { Output, outputSpec } from "./outputs";
import { pickScenario, runScenario, scenarioOutput } from "./scenario";

// ------------------------------------------------------------------ options

export type Distribution = "pert" | "triangular" | "metalog";
export const DISTRIBUTIONS: readonly Distribution[] = ["pert", "triangular", "metalog"];

export const DEFAULT_ITERATIONS = 10000;
export const MIN_ITERATIONS = 100;
export const MAX_ITERATIONS = 1000000;
/** The fixed default seed: the same formula gives the same numbers on every machine and every recalculation. */
export const DEFAULT_SEED = 1;
export const DEFAULT_PERCENTILES: readonly number[] = [0.1, 0.5, 0.9];
export const DEFAULT_SIMULATION_OUTPUT: Output = "rnpv";
export const MAX_PERCENTILES = 100;
/** Groups of draws behind a standard error: batches in draw order ("mc"), independent hypercubes ("lhs") or scrambles ("sobol"). */
export const SE_GROUPS = 20;

export function parseDistribution(value: unknown, argument = "distribution"): Distribution {
  if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) return "pert";
  const word = typeof value === "string" ? value.trim().toLowerCase() : "";
  const found = DISTRIBUTIONS.find((d) => d === word);
  if (!found) throw invalidValue("one-of", { argument, allowed: wordList(DISTRIBUTIONS), got: excerptIn(value) });
  return found;
}

export function checkIterations(n: number, argument = "iterations"): number {
  if (typeof n !== "number" || !Number.isInteger(n) || n < MIN_ITERATIONS || n > MAX_ITERATIONS) {
    throw invalidValue("iterations-range", { argument, got: excerptPlainIn(n) });
  }
  return n;
}

export function checkSeed(seed: number, argument = "seed"): number {
  if (typeof seed !== "number" || !Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw invalidValue("seed-range", { argument, max: MAX_SEED, got: excerptPlainIn(seed) });
  }
  return seed;
}

export function checkPercentile(p: number, argument: string | Localized = "percentiles"): number {
  if (typeof p !== "number" || !Number.isFinite(p) || p <= 0 || p >= 1) {
    throw invalidValue("percentile-range", { argument, got: excerptPlainIn(p) });
  }
  return p;
}

// ------------------------------------------------------------------ the plan: what varies, between what

export interface UncertainAssumption {
  key: AssumptionKey;
  low: number;
  base: number;
  high: number;
  /** Drawn values are rounded to whole years. */
  whole: boolean;
}

export interface SimulationPlan {
  /** Name of the base scenario. */
  scenario: string;
  /** The base scenario, resolved: the value of every assumption that does not vary. */
  base: Assumptions;
  /** The assumptions that differ across scenarios, in the order of the assumptions table. */
  uncertain: readonly UncertainAssumption[];
  /** Defaults left blank in every scenario that follow another assumption, draw by draw. */
  follows: readonly { key: AssumptionKey; driver: AssumptionKey }[];
  /**
   * Some scenario uses deal terms or plan rows: each draw runs the scenario model itself (runScenario,
   * scenarioOutput) rather than the kernel's own loop over today's terms.
   */
  general: boolean;
}

/**
 * Terms whose blank means "none" and which only matter when another term is there: a milestone's
 * year (with its amount), the exit's year and value (with equity or a success fee). Where the term is
 * absent, the plan fills them from the base scenario (else the first that gives them), which changes
 * nothing in that scenario and lets the draw vary them between the scenarios that use them.
 */
const ONLY_WITH: readonly { key: AssumptionKey; absent: (a: Assumptions) => boolean }[] = [
  ...Array.from({ length: MILESTONE_COUNT }, (_, i) => ({
    key: milestoneKey(i + 1, "year") as AssumptionKey,
    absent: (a: Assumptions) => a[milestoneKey(i + 1, "amount")] === 0,
  })),
  ...(["exit_year", "exit_value"] as const).map((key) => ({
    key: key as AssumptionKey,
    absent: (a: Assumptions) => a.equity_share === 0 && a.success_fee === 0,
  })),
];

function fillAbsentTerms(resolved: readonly Assumptions[], baseIndex: number): Assumptions[] {
  const filled = resolved.map((a) => ({ ...a }));
  for (const { key, absent } of ONLY_WITH) {
    const donor = [resolved[baseIndex], ...resolved].find((a) => a[key] !== null);
    if (!donor) continue;
    for (const a of filled) if (a[key] === null && absent(a)) (a as Record<string, unknown>)[key] = donor[key];
  }
  return filled;
}

/** The assumptions a draw can vary: all but the text one (timing), those with an interval. */
export const NUMERIC_KEYS: readonly AssumptionKey[] = ASSUMPTION_KEYS.filter((k) => assumptionSpec(k).interval !== undefined);

/** Assumptions that are whole numbers of years. */
export const WHOLE_KEYS: ReadonlySet<AssumptionKey> = new Set<AssumptionKey>(NUMERIC_KEYS.filter((k) => assumptionSpec(k).interval!.whole));

/**
 * What each assumption allows, as [low, high, low open, high open]: its interval (assumptions.ts).
 * Only metalog draws can leave [low, high] of the scenarios; they are drawn again when they leave this.
 */
export const ALLOWED: Readonly<Record<string, readonly [number, number, boolean, boolean]>> = Object.fromEntries(
  NUMERIC_KEYS.map((k) => {
    const i = assumptionSpec(k).interval!;
    return [k, [i.min, i.max, i.minOpen, i.maxOpen] as const];
  })
);

/**
 * The simulation plan of the scenarios of an assumptions table (as readAssumptionsTable reads them):
 * every scenario is resolved and checked as SCENARIO and RANGE do, so a table they refuse is refused
 * here with the same message.
 */
export function simulationPlan(raws: readonly RawScenario[]): SimulationPlan {
  if (raws.length === 0) throw invalidValue("no-scenario");
  const scenarios = resolveScenarios(raws);
  const baseIndex = pickScenario(scenarios);
  const resolved = fillAbsentTerms(
    scenarios.map((s) => s.assumptions),
    baseIndex
  );
  const base = resolved[baseIndex];
  const follows: { key: AssumptionKey; driver: AssumptionKey }[] = [];
  const uncertain: UncertainAssumption[] = [];
  for (const key of NUMERIC_KEYS) {
    const driver = FOLLOWS[key];
    if (driver && raws.every((r) => isBlank(r.values[key]))) {
      follows.push({ key, driver });
      continue;
    }
    const given = resolved.map((a) => a[key] as number | null);
    if (given.every((v) => v === null)) continue;
    const blankIn = given.findIndex((v) => v === null);
    if (blankIn >= 0) {
      const givenIn = given.findIndex((v) => v !== null);
      throw invalidValue("term-blank-in-scenario", { key: keyName(key), given: quotedName(raws[givenIn].name), blank: quotedName(raws[blankIn].name) });
    }
    const values = given as number[];
    const low = Math.min(...values);
    const high = Math.max(...values);
    if (low === high) continue;
    uncertain.push({ key, low, base: base[key] as number, high, whole: WHOLE_KEYS.has(key) });
  }
  const general = scenarios.some((s) => hasDealTerms(s.assumptions));
  return { scenario: raws[baseIndex].name, base, uncertain, follows, general };
}

/** The plan of an assumptions table given as cells (the layout IPVALUE.SCENARIO reads). */
export function planFromTable(cells: readonly (readonly RawValue[])[], argument = "assumptions"): SimulationPlan {
  return simulationPlan(readAssumptionsTable(cells, argument));
}

// ------------------------------------------------------------------ the kernel

const KIND_PERT = 0;
const KIND_TRIANGULAR = 1;
const KIND_METALOG = 2;
/** Parameters per uncertain assumption in the kernel's Float64Array. */
const NP = 10;

// An output's two parts (outputs.ts) as the kernel's codes: the rate it is or is valued at, and how it is money.
// equivalent_rate and licensee_npv have no loop of their own here: the general path runs the scenario model.
const RATE_CODE = { royalty_rate: 0, rate25: 1, maxrate: 2, equivalent_rate: 3 } as const;
const NO_RATE = -1;
const MONEY_CODE = { npv: 0, rnpv: 1, at_rate: 2, licensee: 3 } as const;
const NOT_MONEY = -1;
const R_ROYALTY = RATE_CODE.royalty_rate;
const R_RATE25 = RATE_CODE.rate25;
const R_MAXRATE = RATE_CODE.maxrate;
const M_NPV = MONEY_CODE.npv;
const M_RNPV = MONEY_CODE.rnpv;
const M_AT_RATE = MONEY_CODE.at_rate;
const TIMING_CODE = { end: 0, mid: 1, begin: 2 } as const;

const index = (k: AssumptionKey) => ASSUMPTION_KEYS.indexOf(k);
const I_MARKET_SIZE = index("market_size");
const I_MARKET_GROWTH = index("market_growth");
const I_PEAK_SHARE = index("peak_share");
const I_YEARS_TO_PEAK = index("years_to_peak");
const I_LAUNCH_YEAR = index("launch_year");
const I_YEARS = index("years");
const I_TERM_YEARS = index("term_years");
const I_ROYALTY_RATE = index("royalty_rate");
const I_ANNUAL_MINIMUM = index("annual_minimum");
const I_OPERATING_MARGIN = index("operating_margin");
const I_TAX_RATE = index("tax_rate");
const I_DISCOUNT_RATE = index("discount_rate");
const I_HURDLE_RATE = index("hurdle_rate");
const I_SUCCESS_PROBABILITY = index("success_probability");
const I_UPFRONT = index("upfront");
const I_INVESTMENT = index("investment");
const I_LICENSOR_SHARE = index("licensor_share");

/** Keelin's feasibility bound of the three-term metalog: |a₃|/a₂ below it. */
export const METALOG_FEASIBLE = 1.66711;
const LN9 = 2.1972245773362196; // ln(0.9/0.1)

/** The three-term metalog through (0.1, low), (0.5, base), (0.9, high): Q(y) = a₁ + a₂·L + a₃·(y − ½)·L, L = ln(y/(1−y)). */
export function metalogCoefficients(low: number, base: number, high: number): [number, number, number] {
  return [base, (high - low) / (2 * LN9), (high + low - 2 * base) / (0.8 * LN9)];
}

/**
 * Draws of the scenario model with buffers allocated once. `run` fills a Float64Array with one
 * output per draw; the same seed gives the same array, bit for bit.
 */
export class Simulator {
  readonly plan: SimulationPlan;
  readonly distribution: Distribution;
  readonly output: Output;
  readonly sampling: Sampling;
  private readonly count: number;
  private readonly keyIndex: Int32Array;
  private readonly kind: Int32Array;
  private readonly whole: Uint8Array;
  private readonly params: Float64Array;
  /** Where each draw is held: [low, high] of the scenarios (metalog: what the assumption allows). */
  private readonly lows: Float64Array;
  private readonly highs: Float64Array;
  private readonly followKey: Int32Array;
  private readonly followDriver: Int32Array;
  /** The current draw's assumptions, indexed as ASSUMPTION_KEYS (timing's slot unused). */
  private readonly values: Float64Array;
  private readonly baseValues: Float64Array;
  private readonly sales: Float64Array;
  private readonly discount: Float64Array;
  private readonly rateCode: number;
  private readonly moneyCode: number;
  private readonly timingCode: number;
  /** Each draw runs the scenario model (deal terms, or an output the kernel's loop does not compute). */
  private readonly general: boolean;
  /** The keys each draw sets in the general path: the uncertain ones and their followers. */
  private readonly drawnKeys: readonly AssumptionKey[];
  private readonly drawnIndex: Int32Array;
  /** Positions in `uncertain` of the correlated assumptions, and their rank correlations (none: empty). */
  private readonly correlated: Int32Array;
  private readonly correlationMatrix: readonly (readonly number[])[];
  /** PERT's Beta inverse per uncertain assumption, built on the first Latin hypercube run. */
  private betas: (BetaTable | null)[] | null = null;
  /** Each uncertain assumption's draws in draw order (Latin hypercube, or correlated draws). */
  private columns: Float64Array[] = [];
  /** Latin hypercube: each correlated column's draws before their shuffle, in bin order (Iman–Conover needs them sorted). */
  private ascending: (Float64Array | null)[] = [];
  /** Draws of the last run whose output had no answer (a reason as in scenarioOutput). */
  private noAnswer = 0;
  private noAnswerReason: (() => Param) | undefined;

  constructor(
    plan: SimulationPlan,
    distribution: Distribution = "pert",
    output: Output = DEFAULT_SIMULATION_OUTPUT,
    sampling: Sampling = DEFAULT_SAMPLING,
    correlations?: Correlations
  ) {
    this.plan = plan;
    this.distribution = distribution;
    this.output = output;
    this.sampling = sampling;
    const varying = plan.uncertain.map((u) => u.key);
    if (correlations) checkCorrelations(correlations, varying, ASSUMPTION_KEYS);
    const some = correlations !== undefined && correlations.keys.length >= 2;
    this.correlated = Int32Array.from(some ? correlations.keys.map((k) => varying.indexOf(k)) : []);
    this.correlationMatrix = some ? correlations.matrix : [];
    const spec = outputSpec(output);
    this.rateCode = spec.rate ? RATE_CODE[spec.rate] : NO_RATE;
    this.moneyCode = spec.money ? MONEY_CODE[spec.money] : NOT_MONEY;
    this.timingCode = TIMING_CODE[plan.base.timing];
    this.general = plan.general || this.rateCode === RATE_CODE.equivalent_rate || this.moneyCode === MONEY_CODE.licensee;
    this.drawnKeys = [...plan.uncertain.map((u) => u.key), ...plan.follows.map((f) => f.key)];
    this.drawnIndex = Int32Array.from(this.drawnKeys, index);
    const n = plan.uncertain.length;
    this.count = n;
    this.keyIndex = new Int32Array(n);
    this.kind = new Int32Array(n);
    this.whole = new Uint8Array(n);
    this.params = new Float64Array(n * NP);
    this.lows = Float64Array.from(plan.uncertain, (u) => (distribution === "metalog" ? -Infinity : u.low));
    this.highs = Float64Array.from(plan.uncertain, (u) => (distribution === "metalog" ? Infinity : u.high));
    this.baseValues = new Float64Array(ASSUMPTION_KEYS.length);
    for (const key of NUMERIC_KEYS) this.baseValues[index(key)] = (plan.base[key] as number | null) ?? 0;
    this.values = Float64Array.from(this.baseValues);
    this.followKey = Int32Array.from(plan.follows.map((f) => index(f.key)));
    this.followDriver = Int32Array.from(plan.follows.map((f) => index(f.driver)));
    let maxYears = plan.base.years;
    const infeasible: string[] = [];
    plan.uncertain.forEach((u, j) => {
      this.keyIndex[j] = index(u.key);
      this.whole[j] = u.whole ? 1 : 0;
      if (u.key === "years") maxYears = Math.max(maxYears, u.high);
      const p = j * NP;
      const { low: a, base: m, high: b } = u;
      if (distribution === "pert") {
        const alpha = 1 + (4 * (m - a)) / (b - a);
        const beta = 1 + (4 * (b - m)) / (b - a);
        this.kind[j] = KIND_PERT;
        this.params[p] = a;
        this.params[p + 1] = b - a;
        // Marsaglia–Tsang constants of Gamma(α) and Gamma(β): d = shape − 1/3, c = 1/√(9d).
        this.params[p + 2] = alpha - 1 / 3;
        this.params[p + 3] = 1 / Math.sqrt(9 * (alpha - 1 / 3));
        this.params[p + 4] = beta - 1 / 3;
        this.params[p + 5] = 1 / Math.sqrt(9 * (beta - 1 / 3));
      } else if (distribution === "triangular") {
        this.kind[j] = KIND_TRIANGULAR;
        this.params[p] = a;
        this.params[p + 1] = b;
        this.params[p + 2] = (m - a) / (b - a);
        this.params[p + 3] = (b - a) * (m - a);
        this.params[p + 4] = (b - a) * (b - m);
      } else {
        const [a1, a2, a3] = metalogCoefficients(a, m, b);
        if (!(Math.abs(a3) / a2 < METALOG_FEASIBLE)) infeasible.push(`${u.key} (P10 ${a}, P50 ${m}, P90 ${b})`);
        const [lo, hi, loOpen, hiOpen] = ALLOWED[u.key];
        this.kind[j] = KIND_METALOG;
        this.params[p] = a1;
        this.params[p + 1] = a2;
        this.params[p + 2] = a3;
        this.params[p + 3] = lo;
        this.params[p + 4] = hi;
        this.params[p + 5] = loOpen ? 1 : 0;
        this.params[p + 6] = hiOpen ? 1 : 0;
        // What a Latin hypercube draw spans: the uniforms whose draw the assumption allows.
        const [yLo, yHi] = metalogSpan(this.params, p, u.whole);
        this.params[p + 7] = yLo;
        this.params[p + 8] = yHi;
        if (u.key === "years") maxYears = MAX_YEARS;
      }
    });
    if (infeasible.length > 0) {
      // Each item starts with its key ("peak_share (P10 …)"): named by its label in Japanese.
      const item = (s: string): Localized => ({ en: s, ja: s.replace(/^\w+/, (k) => keyName(k).ja) });
      throw invalidValue("metalog-infeasible", { items: excerptListIn(infeasible, item, EXCERPT_ITEMS, { en: "; ", ja: "；" }) });
    }
    this.sales = new Float64Array(maxYears);
    this.discount = new Float64Array(maxYears);
  }

  /**
   * Fills `out` (default: a new array) with the output of `iterations` draws from `seed`. `inspect`,
   * when given, sees each draw's assumptions (indexed as ASSUMPTION_KEYS; for tests and diagnostics).
   */
  run(
    iterations: number,
    seed: number = DEFAULT_SEED,
    out: Float64Array = new Float64Array(iterations),
    inspect?: (values: Float64Array, draw: number) => void
  ): Float64Array {
    checkIterations(iterations);
    checkSeed(seed);
    if (out.length < iterations) throw invalidValue("buffer-too-small", { length: out.length, iterations });
    this.noAnswer = 0;
    const nonFinite = this.draw(iterations, seededGenerator(seed), out, inspect);
    return this.checked(out, iterations, nonFinite);
  }

  /**
   * The standard error's draws for Latin hypercube: `groups` independent hypercubes of about
   * iterations/groups draws each (group b holds draws ⌊b·n/groups⌋ … ⌊(b+1)·n/groups⌋ − 1), from the
   * seed's generator jumped 2⁶⁴ steps ahead, so that they never share a random number with run(seed).
   */
  replicates(iterations: number, seed: number = DEFAULT_SEED, groups: number = SE_GROUPS): Float64Array {
    checkIterations(iterations);
    checkSeed(seed);
    const k = this.correlated.length;
    const smallest = Math.floor(iterations / groups);
    if (k > 0 && smallest < k + 2) {
      throw invalidValue("standard-error-iterations", { k, groups, each: k + 2, least: groups * (k + 2), got: iterations });
    }
    const g = seededGenerator(seed);
    g.jump();
    const out = new Float64Array(iterations);
    this.noAnswer = 0;
    let nonFinite = 0;
    for (let b = 0; b < groups; b++) {
      const from = Math.floor((b * iterations) / groups);
      const to = Math.floor(((b + 1) * iterations) / groups);
      nonFinite += this.draw(to - from, g, out.subarray(from, to));
    }
    return this.checked(out, iterations, nonFinite);
  }

  /** Draws `iterations` outputs into `out` from the generator; returns how many were not finite. */
  private draw(iterations: number, g: Generator, out: Float64Array, inspect?: (values: Float64Array, draw: number) => void): number {
    const { count, keyIndex, kind, whole, params, values, followKey, followDriver, lows, highs } = this;
    const follows = followKey.length;
    let nonFinite = 0;
    // Latin hypercube or correlated: every column first. Plain Monte Carlo: each draw as it comes (as before).
    const columns = this.sampling !== "mc" || this.correlated.length > 0 ? this.drawColumns(iterations, g) : null;
    if (columns && this.correlated.length > 0) this.correlate(g);
    for (let it = 0; it < iterations; it++) {
      if (columns) for (let j = 0; j < count; j++) values[keyIndex[j]] = columns[j][it];
      else for (let j = 0; j < count; j++) values[keyIndex[j]] = mcDraw(g, kind[j], params, j * NP, whole[j] === 1, lows[j], highs[j]);
      for (let f = 0; f < follows; f++) values[followKey[f]] = values[followDriver[f]];
      if (inspect) inspect(values, it);
      const y = this.general ? this.generalModel() : this.model();
      if (!Number.isFinite(y)) nonFinite++;
      out[it] = y;
    }
    return nonFinite;
  }

  private checked(out: Float64Array, iterations: number, nonFinite: number): Float64Array {
    if (this.noAnswer > 0) {
      throw invalidNumber("draws-no-answer", { output: this.output, count: this.noAnswer, iterations, reason: this.noAnswerReason!() });
    }
    if (nonFinite > 0) throw invalidNumber("draws-not-finite", { output: this.output, count: nonFinite, iterations });
    return out;
  }

  /**
   * Every uncertain assumption's draws, one column each in draw order. Latin hypercube: per assumption,
   * n stratified uniforms in bin order through the inverse distribution function, then shuffled. Plain
   * Monte Carlo (with correlations): the draws of the plain loop, in its order, so that the marginals
   * are those of the same seed without correlations.
   */
  private drawColumns(n: number, g: Generator): Float64Array[] {
    const { count, kind, whole, params, lows, highs } = this;
    if (this.columns.length !== count || (count > 0 && this.columns[0].length !== n)) {
      this.columns = Array.from({ length: count }, () => new Float64Array(n));
    }
    const columns = this.columns;
    if (this.sampling === "mc") {
      for (let it = 0; it < n; it++) for (let j = 0; j < count; j++) columns[j][it] = mcDraw(g, kind[j], params, j * NP, whole[j] === 1, lows[j], highs[j]);
      return columns;
    }
    if (!this.betas) {
      this.betas = this.plan.uncertain.map((u, j) =>
        kind[j] === KIND_PERT ? betaTable(1 + (4 * (u.base - u.low)) / (u.high - u.low), 1 + (4 * (u.high - u.base)) / (u.high - u.low)) : null
      );
    }
    const sobol = this.sampling === "sobol";
    for (let j = 0; j < count; j++) {
      // Latin hypercube: stratified uniforms in bin order, shuffled below. Sobol: dimension j's points, scrambled.
      const column = sobol ? sobolUniforms(sobolDimension(j, g), n, columns[j]) : stratifiedUniforms(n, g, columns[j]);
      const p = j * NP;
      const w = whole[j] === 1;
      const lo = lows[j];
      const hi = highs[j];
      if (kind[j] === KIND_PERT) {
        const beta = this.betas[j]!;
        const a = params[p];
        const span = params[p + 1];
        if (sobol) for (let i = 0; i < n; i++) column[i] = beta.quantile(column[i]);
        else beta.quantilesAscending(column);
        for (let i = 0; i < n; i++) column[i] = held(a + span * column[i], lo, hi, w);
      } else if (kind[j] === KIND_TRIANGULAR) {
        for (let i = 0; i < n; i++) column[i] = held(triangularAt(params, p, column[i]), lo, hi, w);
      } else {
        for (let i = 0; i < n; i++) column[i] = metalogAt(params, p, column[i], w);
      }
      if (sobol) continue; // in point order: no shuffle
      const c = this.correlated.indexOf(j);
      if (c >= 0) {
        if (this.ascending[c]?.length !== n) this.ascending[c] = new Float64Array(n);
        this.ascending[c]!.set(column);
      }
      shuffle(column, g);
    }
    return columns;
  }

  /** Pairs the correlated assumptions' columns anew (Iman–Conover), each column's values unchanged. */
  private correlate(g: Generator): void {
    imanConover(
      Array.from(this.correlated, (j) => this.columns[j]),
      this.correlationMatrix,
      g,
      this.sampling === "lhs" ? this.ascending : undefined
    );
  }

  /** One draw's output from `values`, with the arithmetic of runScenario and scenarioOutput. */
  private model(): number {
    const v = this.values;
    const rateCode = this.rateCode;
    const moneyCode = this.moneyCode;
    const margin = v[I_OPERATING_MARGIN];
    if (rateCode === R_RATE25) {
      if (margin < 0) return this.noAnswerFor(() => phrase("draw-margin-negative", { name: keyName("operating_margin") }));
      if (moneyCode === NOT_MONEY) return margin * v[I_LICENSOR_SHARE];
    }
    if (rateCode === R_ROYALTY && moneyCode === NOT_MONEY) return v[I_ROYALTY_RATE];

    const years = v[I_YEARS];
    const launch = v[I_LAUNCH_YEAR];
    const term = v[I_TERM_YEARS];
    const peak = v[I_PEAK_SHARE];
    const toPeak = v[I_YEARS_TO_PEAK];
    const rate = v[I_ROYALTY_RATE];
    const minimum = v[I_ANNUAL_MINIMUM];
    const growth = 1 + v[I_MARKET_GROWTH];
    const r = v[I_DISCOUNT_RATE];
    const step = 1 / (1 + r);
    let df = this.timingCode === 0 ? step : this.timingCode === 1 ? 1 / Math.sqrt(1 + r) : 1;
    const needHurdle = rateCode === R_MAXRATE;
    const keep = moneyCode === M_AT_RATE; // the value at another rate needs a second pass over the years
    const h = v[I_HURDLE_RATE];
    const hStep = 1 / (1 + h);
    let hdf = this.timingCode === 0 ? hStep : this.timingCode === 1 ? 1 / Math.sqrt(1 + h) : 1;
    const sales = this.sales;
    const discount = this.discount;
    let market = v[I_MARKET_SIZE];
    let started = false;
    let value = 0;
    let pvProfit = 0;
    let pvBase = 0;
    for (let i = 0; i < years; i++) {
      const k = i + 2 - launch; // k-th sales year of year i + 1
      const share = k < 1 ? 0 : toPeak <= k ? peak : (peak * k) / toPeak;
      const s = market * share;
      if (s > 0) started = true;
      const royalty = started && i < term ? Math.max(rate * s, minimum) : 0;
      value += royalty * df;
      if (needHurdle) {
        pvProfit += margin * s * hdf;
        pvBase += (i < term ? s : 0) * hdf;
        hdf *= hStep;
      }
      if (keep) {
        sales[i] = s;
        discount[i] = df;
      }
      market *= growth;
      df *= step;
    }
    const upfront = v[I_UPFRONT];
    const p = v[I_SUCCESS_PROBABILITY];
    if (moneyCode === M_NPV) return upfront + value;
    if (moneyCode === M_RNPV) return upfront + p * value;
    let at: number;
    if (rateCode === R_RATE25) at = margin * v[I_LICENSOR_SHARE];
    else if (rateCode === R_ROYALTY) at = rate;
    else {
      const keepAfterTax = 1 - v[I_TAX_RATE];
      const denominator = p * pvBase * keepAfterTax;
      if (!(denominator > 0)) return this.noAnswerFor(() => phrase("draw-no-sales-walk-away"));
      const walkAway = (p * pvProfit * keepAfterTax - (v[I_INVESTMENT] + upfront)) / denominator;
      if (moneyCode === NOT_MONEY) return walkAway;
      at = walkAway;
    }
    // value at another rate (held to 0..1), as valueAtRate
    const heldRate = Math.min(1, Math.max(0, at));
    let pv = 0;
    started = false;
    for (let i = 0; i < years; i++) {
      const s = sales[i];
      if (s > 0) started = true;
      pv += (started && i < term ? Math.max(heldRate * s, minimum) : 0) * discount[i];
    }
    return upfront + p * pv;
  }

  /** One draw through the scenario model itself: the base scenario with the drawn values set. */
  private generalModel(): number {
    const a: Assumptions = { ...this.plan.base };
    const keys = this.drawnKeys;
    for (let k = 0; k < keys.length; k++) (a as unknown as Record<string, number>)[keys[k]] = this.values[this.drawnIndex[k]];
    try {
      return scenarioOutput(runScenario(a), this.output);
    } catch (e) {
      if (e instanceof ValuationError && e.kind === "invalidNumber") return this.noAnswerFor(() => e);
      throw e;
    }
  }

  /** Counts a draw with no answer; the first one's reason is kept (made only then: a run may have a million). */
  private noAnswerFor(reason: () => Param): number {
    if (this.noAnswer++ === 0) this.noAnswerReason = reason;
    return 0;
  }
}

/** One plain Monte Carlo draw of the assumption whose parameters start at p, held to [lo, hi] and rounded. */
function mcDraw(g: Generator, kind: number, params: Float64Array, p: number, whole: boolean, lo: number, hi: number): number {
  let x: number;
  switch (kind) {
    case KIND_PERT: {
      const ga = standardGamma(g, params[p + 2], params[p + 3]);
      const gb = standardGamma(g, params[p + 4], params[p + 5]);
      x = params[p] + params[p + 1] * (ga / (ga + gb));
      break;
    }
    case KIND_TRIANGULAR:
      x = triangularAt(params, p, uniformOpen(g));
      break;
    default:
      x = metalogDraw(g, params, p, whole);
  }
  return held(x, lo, hi, whole);
}

/** Triangular's inverse distribution function at u. */
function triangularAt(q: Float64Array, p: number, u: number): number {
  return u < q[p + 2] ? q[p] + Math.sqrt(u * q[p + 3]) : q[p + 1] - Math.sqrt((1 - u) * q[p + 4]);
}

/**
 * A draw held to [lo, hi], whole years rounded. Rounding can put lo + span·β a hair outside [low, high]
 * (lo + (hi − lo) need not be hi): held to it, a draw is always a value the assumption allows.
 */
function held(x: number, lo: number, hi: number, whole: boolean): number {
  if (x < lo) x = lo;
  else if (x > hi) x = hi;
  return whole ? Math.round(x) : x;
}

/** The metalog's quantile function at y, rounded for whole years. */
function metalogQuantile(q: Float64Array, p: number, y: number, whole: boolean): number {
  const l = log(y / (1 - y));
  const x = q[p] + q[p + 1] * l + q[p + 2] * (y - 0.5) * l;
  return whole ? Math.round(x) : x;
}

function metalogAllows(q: Float64Array, p: number, x: number): boolean {
  const aboveLow = q[p + 5] === 1 ? x > q[p + 3] : x >= q[p + 3];
  const belowHigh = q[p + 6] === 1 ? x < q[p + 4] : x <= q[p + 4];
  return aboveLow && belowHigh;
}

const TINY = 1.1102230246251565e-16; // 2^-53

/**
 * The uniforms [yLo, yHi] whose metalog draw the assumption allows (the quantile function rises, and
 * the base, at ½, is allowed): found by bisection, so that a Latin hypercube draw y = yLo + (yHi − yLo)·u
 * is the plain loop's draw-again-until-allowed, stratified.
 */
function metalogSpan(q: Float64Array, p: number, whole: boolean): [number, number] {
  const edge = (outside: number): number => {
    if (metalogAllows(q, p, metalogQuantile(q, p, outside, whole))) return outside < 0.5 ? 0 : 1;
    let bad = outside;
    let good = 0.5;
    for (let i = 0; i < 64; i++) {
      const mid = 0.5 * (bad + good);
      if (metalogAllows(q, p, metalogQuantile(q, p, mid, whole))) good = mid;
      else bad = mid;
    }
    return good;
  };
  return [edge(TINY), edge(1 - TINY)];
}

/** A Latin hypercube metalog draw at u: within what the assumption allows, by construction. */
function metalogAt(q: Float64Array, p: number, u: number, whole: boolean): number {
  const yLo = q[p + 7];
  const yHi = q[p + 8];
  const x = metalogQuantile(q, p, yLo + (yHi - yLo) * u, whole);
  if (metalogAllows(q, p, x)) return x;
  // a hair past an end by rounding: the end's own draw
  return metalogQuantile(q, p, u < 0.5 ? Math.max(yLo, TINY) : Math.min(yHi, 1 - TINY), whole);
}

/** One metalog draw, drawn again until it lies in what the assumption allows. */
function metalogDraw(g: Generator, q: Float64Array, p: number, whole: boolean): number {
  const lo = q[p + 3];
  const hi = q[p + 4];
  const loOpen = q[p + 5] === 1;
  const hiOpen = q[p + 6] === 1;
  for (;;) {
    const y = uniformOpen(g);
    const l = log(y / (1 - y));
    let x = q[p] + q[p + 1] * l + q[p + 2] * (y - 0.5) * l;
    if (whole) x = Math.round(x);
    const aboveLow = loOpen ? x > lo : x >= lo;
    const belowHigh = hiOpen ? x < hi : x <= hi;
    if (aboveLow && belowHigh) return x;
  }
}

// ------------------------------------------------------------------ statistics of the result

/**
 * The p-th percentile of sorted values as Excel's PERCENTILE.INC (R's type 7): rank h = (n − 1)·p,
 * x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]).
 *
 * Not mathjs's quantileSeq, for two reasons found while trying it: (1) in mathjs 15.2 it returns
 * undefined (sorted input) or throws (unsorted) when (n − 1)·p is within its tolerance of a whole
 * number without being one — P7 of 10,001 draws, (n − 1)·p = 700.0000000000001 — which the property
 * tests hit at once; (2) imported through its factory functions, quantileSeq and mean still bring
 * mathjs's typed dispatch and matrix types into the custom-functions bundle: 27 KiB → 83 KiB gzipped,
 * for two formulas of a few lines. The tests check these against mathjs where mathjs answers.
 */
export function percentileInc(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw invalidValue("no-values-percentile");
  const h = (n - 1) * p;
  const i = Math.floor(h);
  if (i >= n - 1) return sorted[n - 1];
  return sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]);
}

/** The ranks percentileInc reads for each p on n values: ⌊(n−1)p⌋ and the one after it (the last at most). */
export function percentileRanks(n: number, ps: readonly number[]): number[] {
  const out: number[] = [];
  for (const p of ps) {
    const i = Math.floor((n - 1) * p);
    out.push(Math.min(i, n - 1), Math.min(i + 1, n - 1));
  }
  return out;
}

/** Arithmetic mean, summed in draw order. */
export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}

export interface SimulationOptions {
  iterations?: number;
  seed?: number;
  distribution?: Distribution;
  /** "lhs" (default) or "mc". */
  sampling?: Sampling;
  /** Rank correlations between assumptions that vary (Iman–Conover). */
  correlations?: Correlations;
  output?: Output;
  percentiles?: readonly number[];
  /** Adds the probability that the output falls below this value. */
  threshold?: number;
  /** Adds the standard error of each statistic (see `standardErrors`). */
  standardError?: boolean;
}

/**
 * The standard error of each statistic, from SE_GROUPS groups of draws: the standard deviation of the
 * statistic across the groups over √groups (batch means: Law & Kelton, "Simulation Modeling and
 * Analysis", §9.5.3).
 * - "mc": the run's own draws in 20 batches in draw order. The draws are independent, so the batches
 *   are, and a batch of n/20 draws has about 20 times the variance of the whole run.
 * - "lhs": batches of one Latin hypercube run are not a fair measure: each assumption's n bins are
 *   dealt out among the batches, so a batch is a random subset of bins — its statistic varies as a plain
 *   Monte Carlo sample's does, and the batches are not independent (together they hold every bin once).
 *   Their spread would report plain Monte Carlo's error, not the hypercube's. So the error comes from a
 *   second run of the same size: 20 independent hypercubes of n/20 draws (replicated Latin hypercube,
 *   McKay, Beckman & Conover 1979; Owen 1992), from the seed's generator jumped past everything the
 *   first run draws. It measures the error of a replicated design, which to first order is that of one
 *   hypercube of n draws and otherwise larger (the part of the output additive in the assumptions is
 *   stratified within n/20 draws, not n): on average it does not understate. The statistics themselves stay
 *   those of the one hypercube of n draws, the numbers without the standard error.
 * - "sobol": the same, with 20 independent scrambles of the first n/20 Sobol points (randomized
 *   quasi-Monte Carlo's usual error estimate: Owen 1997, L'Ecuyer & Lemieux 2002).
 */
export interface StandardErrors {
  method: "batch means" | "replicated hypercubes" | "replicated scrambles";
  groups: number;
  /** Beside each percentile, in the order of `percentiles`. */
  percentiles: number[];
  mean: number;
  /** Of P(output < threshold), when a threshold was given. */
  below?: number;
}

/** How each sampling's standard error is found (see StandardErrors). */
const STANDARD_ERROR_METHOD: Record<Sampling, StandardErrors["method"]> = {
  mc: "batch means",
  lhs: "replicated hypercubes",
  sobol: "replicated scrambles",
};

export interface SimulationResult {
  iterations: number;
  seed: number;
  distribution: Distribution;
  sampling: Sampling;
  output: Output;
  /** The output of each draw, in draw order. */
  draws: Float64Array;
  /** The same, sorted ascending. */
  sorted: Float64Array;
  percentiles: { p: number; value: number }[];
  mean: number;
  /** P(output < threshold), when a threshold was given. */
  below?: { threshold: number; probability: number };
  /** When asked for (options.standardError). */
  standardErrors?: StandardErrors;
}

/** Runs the simulation of a plan and summarises it. */
export function runSimulation(plan: SimulationPlan, options: SimulationOptions = {}): SimulationResult {
  const iterations = checkIterations(options.iterations ?? DEFAULT_ITERATIONS);
  const seed = checkSeed(options.seed ?? DEFAULT_SEED);
  const distribution = options.distribution ?? "pert";
  const sampling = options.sampling ?? DEFAULT_SAMPLING;
  const output = options.output ?? DEFAULT_SIMULATION_OUTPUT;
  const wanted = (options.percentiles ?? DEFAULT_PERCENTILES).map((p) => checkPercentile(p));
  if (wanted.length === 0) throw invalidValue("percentiles-empty");
  if (wanted.length > MAX_PERCENTILES) throw invalidValue("percentiles-too-many", { max: MAX_PERCENTILES, got: wanted.length });
  const simulator = new Simulator(plan, distribution, output, sampling, options.correlations);
  const draws = simulator.run(iterations, seed);
  // The percentiles read only the ranks around them (a quickselect, not a full sort); the sorted draws
  // are made when asked for (the pane's histogram).
  const ranked = atRanks(draws, percentileRanks(iterations, wanted));
  let sorted: Float64Array | undefined;
  const result: SimulationResult = {
    iterations,
    seed,
    distribution,
    sampling,
    output,
    draws,
    get sorted() {
      return (sorted ??= Float64Array.from(draws).sort());
    },
    percentiles: wanted.map((p) => ({ p, value: percentileInc(ranked, p) })),
    mean: mean(draws),
  };
  if (options.threshold !== undefined) {
    const t = options.threshold;
    if (!Number.isFinite(t)) throw invalidValue("finite-number", { name: "threshold", got: excerptPlainIn(t) });
    result.below = { threshold: t, probability: countBelow(draws, t) / iterations };
  }
  if (options.standardError) {
    const method = STANDARD_ERROR_METHOD[sampling];
    result.standardErrors = groupErrors(method === "batch means" ? draws : simulator.replicates(iterations, seed), wanted, options.threshold, method);
  }
  return result;
}

/** The standard errors from SE_GROUPS groups of draws (group b: ⌊b·n/groups⌋ … ⌊(b+1)·n/groups⌋ − 1). */
function groupErrors(draws: Float64Array, wanted: readonly number[], threshold: number | undefined, method: StandardErrors["method"]): StandardErrors {
  const n = draws.length;
  const groups = SE_GROUPS;
  const stats: number[][] = Array.from({ length: wanted.length + 2 }, () => []);
  for (let b = 0; b < groups; b++) {
    const group = draws.subarray(Math.floor((b * n) / groups), Math.floor(((b + 1) * n) / groups));
    const ranked = atRanks(group, percentileRanks(group.length, wanted));
    wanted.forEach((p, i) => stats[i].push(percentileInc(ranked, p)));
    stats[wanted.length].push(mean(group));
    if (threshold !== undefined) stats[wanted.length + 1].push(countBelow(group, threshold) / group.length);
  }
  // deviations from the first group's value: exact 0 when every group agrees (nothing uncertain)
  const se = (values: readonly number[]) => {
    const d = values.map((v) => v - values[0]);
    const m = mean(d);
    let ss = 0;
    for (const v of d) ss += (v - m) * (v - m);
    return Math.sqrt(ss / (values.length - 1) / values.length);
  };
  const errors: StandardErrors = { method, groups, percentiles: wanted.map((_, i) => se(stats[i])), mean: se(stats[wanted.length]) };
  if (threshold !== undefined) errors.below = se(stats[wanted.length + 1]);
  return errors;
}

/** How many values are strictly below t, in any order (a count: the draws need not be sorted). */
export function countBelow(values: ArrayLike<number>, t: number): number {
  let c = 0;
  for (let i = 0; i < values.length; i++) if (values[i] < t) c++;
  return c;
}

/** "P10" for 0.1, "P2.5" for 0.025. */
export function percentileLabel(p: number): string {
  return `P${Number((p * 100).toPrecision(10))}`;
}

/** The label of the threshold row: P(<100000000). */
export function belowLabel(threshold: number): string {
  return `P(<${threshold})`;
}

/**
 * The table IPVALUE.SIMULATE spills: one labelled row per percentile, then the mean, then P(< threshold);
 * with the standard errors, each row's in a third column.
 */
export function simulationTable(r: SimulationResult): (string | number)[][] {
  const e = r.standardErrors;
  const rows: (string | number)[][] = r.percentiles.map((x, i) => (e ? [percentileLabel(x.p), x.value, e.percentiles[i]] : [percentileLabel(x.p), x.value]));
  rows.push(e ? ["mean", r.mean, e.mean] : ["mean", r.mean]);
  if (r.below) rows.push(e ? [belowLabel(r.below.threshold), r.below.probability, e.below!] : [belowLabel(r.below.threshold), r.below.probability]);
  return rows;
}

export interface Histogram {
  /** bins + 1 edges, ascending; bin i holds edges[i] ≤ x < edges[i + 1] (the last bin includes its upper edge). */
  edges: number[];
  counts: number[];
}

/** A round bin width near span / count (1, 2 or 5 times a power of ten). */
export function roundStep(span: number, count: number): number {
  const raw = span / count;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

/** Counts of sorted values in about `bins` bins of a round width. */
export function histogram(sorted: ArrayLike<number>, bins = 24): Histogram {
  const n = sorted.length;
  if (n === 0) return { edges: [], counts: [] };
  const lo = sorted[0];
  const hi = sorted[n - 1];
  if (!(hi > lo)) return { edges: [lo, lo], counts: [n] };
  const step = roundStep(hi - lo, bins);
  const start = Math.floor(lo / step) * step;
  const count = Math.max(1, Math.ceil((hi - start) / step));
  const edges = Array.from({ length: count + 1 }, (_, i) => start + i * step);
  const counts = new Array<number>(count).fill(0);
  let bin = 0;
  for (let i = 0; i < n; i++) {
    while (bin < count - 1 && sorted[i] >= edges[bin + 1]) bin++;
    counts[bin]++;
  }
  return { edges, counts };
}
