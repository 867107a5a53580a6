/**
 * The pane's Monte Carlo: the scenario set laid out as the functions read it, simulated and its
 * tornado and spider computed by the engine — the same numbers =IPVALUE.SIMULATE, =IPVALUE.SENSITIVITY and =IPVALUE.SPIDER give on
 * the stored table with the same iterations, seed, distribution and sampling — each statistic with its
 * standard error (SIMULATE's standard_error), and the advice to draw more when a percentile's is above
 * 1% of it. The Simulation sheet's layout is in simulation-sheet.ts.
 */
import {
  DEFAULT_ITERATIONS,
  DEFAULT_SAMPLING,
  DEFAULT_SEED,
  DEFAULT_SIMULATION_OUTPUT,
  Distribution,
  histogram,
  Histogram,
  MAX_ITERATIONS,
  MONEY_OUTPUTS,
  Output,
  percentileLabel,
  planFromTable,
  ASSUMPTION_KEYS,
  AssumptionKey,
  checkCorrelations,
  RawValue,
  runSimulation,
  SimulationPlan,
  Sampling,
  sensitivity,
  SimulationResult,
  spider,
  Spider,
  Tornado,
  ValuationError,
} from "../../engine";
import type { Language } from "../../model/language";
import { Correlation, toEngineCorrelations, withPair } from "../../model/correlations";
import { EditError, scopedScenarios, type ScenarioSet } from "../../model/scenario-set";
import { assumptionsTableValues } from "../../model/table-layout";

export interface SimulationRequest {
  iterations: number;
  seed: number;
  distribution: Distribution;
  /** "lhs" (Latin hypercube, the default), "mc" (plain Monte Carlo) or "sobol" (scrambled Sobol points). */
  sampling: Sampling;
  output: Output;
}

export const DEFAULT_REQUEST: SimulationRequest = {
  iterations: DEFAULT_ITERATIONS,
  seed: DEFAULT_SEED,
  distribution: "pert",
  sampling: DEFAULT_SAMPLING,
  output: DEFAULT_SIMULATION_OUTPUT,
};

/** Outputs the pane offers to simulate: the money ones (the histogram and the tornado are in money). */
export const SIMULATION_OUTPUTS: readonly Output[] = MONEY_OUTPUTS;

/** Percentiles the pane shows and marks on the histogram. */
export const PANE_PERCENTILES: readonly number[] = [0.1, 0.5, 0.9];

export interface SimulationView {
  request: SimulationRequest;
  result: SimulationResult;
  histogram: Histogram;
  tornado: Tornado;
  /** The spider at SPIDER's default points (low, halfway, base, halfway, high). */
  spider: Spider;
  /** The threshold of P(below), when the committee has set a walk-away floor. */
  floor: number | null;
}

/** Simulates the set (throws the engine's ValuationError when it cannot: what to fix is in the message). */
export function simulateSet(set: ScenarioSet, language: Language, request: SimulationRequest = DEFAULT_REQUEST): SimulationView {
  const plan = planOfSet(set, language);
  const floor = set.decisions.floor.value;
  const result = runSimulation(plan, {
    iterations: request.iterations,
    seed: request.seed,
    distribution: request.distribution,
    sampling: request.sampling,
    output: request.output,
    correlations: toEngineCorrelations(set.correlations) ?? undefined,
    percentiles: PANE_PERCENTILES,
    threshold: floor ?? undefined,
    standardError: true,
  });
  return { request, result, histogram: histogram(result.sorted, 28), tornado: sensitivity(plan, request.output), spider: spider(plan, request.output), floor };
}

/** The plan the pane simulates: the scenarios the committee's range covers (without the internal ones when it leaves them out). */
function planOfSet(set: ScenarioSet, language: Language): SimulationPlan {
  return planFromTable(assumptionsTableValues(scopedScenarios(set), language, true) as RawValue[][]);
}

/** The assumptions the correlation editor offers: those that vary across the scenarios simulated, in the table's order. */
export function correlatableKeys(set: ScenarioSet, language: Language): AssumptionKey[] {
  return planOfSet(set, language).uncertain.map((u) => u.key);
}

/**
 * The set with one correlation set (0 removes it), checked as SIMULATE checks its `correlations`
 * argument — both keys vary, the matrix is positive semi-definite — so that what the pane stores, the
 * Simulation sheet's formula can use. Refuses with the engine's words as an EditError (en and ja).
 */
export function setCorrelation(set: ScenarioSet, language: Language, a: AssumptionKey, b: AssumptionKey, value: number): ScenarioSet {
  const pairs: Correlation[] = withPair(set.correlations, a, b, value);
  const engine = toEngineCorrelations(pairs);
  try {
    if (engine) checkCorrelations(engine, correlatableKeys(set, language), ASSUMPTION_KEYS, "correlations");
  } catch (e) {
    if (e instanceof ValuationError) throw new EditError({ en: e.in("en"), ja: e.in("ja") });
    throw e;
  }
  return { ...set, correlations: pairs };
}

/**
 * A percentile whose standard error is above this share of its value asks for more draws: 1% keeps
 * each percentile's second significant digit steady from seed to seed (±2 standard errors ≈ ±2%), which
 * is as close as a committee reads a valuation whose low and high cases are themselves judgements.
 */
export const RELATIVE_ERROR_LIMIT = 0.01;

export interface DrawsAdvice {
  /** The percentile with the largest relative standard error, e.g. "P10". */
  label: string;
  /** Its standard error over |its value|. */
  relative: number;
  /**
   * Draws that bring it to the limit (the error falls as 1/√draws), rounded up to two significant
   * digits and at most 1,000,000; equal to the draws run when they are already 1,000,000.
   */
  suggested: number;
}

/** The advice to draw more, or null when every percentile's relative standard error is within the limit. */
export function drawsAdvice(view: SimulationView, limit = RELATIVE_ERROR_LIMIT): DrawsAdvice | null {
  const e = view.result.standardErrors;
  if (!e) return null;
  let worst: { label: string; relative: number } | null = null;
  view.result.percentiles.forEach((p, i) => {
    const se = e.percentiles[i];
    const relative = se === 0 ? 0 : p.value === 0 ? Infinity : se / Math.abs(p.value);
    if (relative > limit && (!worst || relative > worst.relative)) worst = { label: percentileLabel(p.p), relative };
  });
  if (!worst) return null;
  const { label, relative } = worst as { label: string; relative: number };
  const n = view.result.iterations;
  const needed = Number.isFinite(relative) ? n * (relative / limit) ** 2 : MAX_ITERATIONS;
  return { label, relative, suggested: Math.max(n, Math.min(MAX_ITERATIONS, roundUp2(needed))) };
}

/** Rounds up to two significant digits: 28,900 → 29,000. */
function roundUp2(x: number): number {
  const step = Math.pow(10, Math.max(0, Math.floor(Math.log10(x)) - 1));
  return Math.ceil(x / step - 1e-9) * step;
}
