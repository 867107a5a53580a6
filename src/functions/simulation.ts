/**
 * Uncertainty over an assumptions table: Monte Carlo percentiles of an output with their standard errors (SIMULATE) and the
 * tornado of each assumption's low and high (SENSITIVITY) and its spider, the output along each assumption's range (SPIDER).
 */
import {
  checkIterations,
  checkSpiderPoints,
  checkPercentile,
  checkSeed,
  DEFAULT_ITERATIONS,
  DEFAULT_SEED,
  excerptPlainIn,
  invalidValue,
  MAX_PERCENTILES,
  parseCorrelationTable,
  parseDistribution,
  parseSampling,
  phrase,
  quoted,
  runSimulation,
  sensitivity as sensitivityCore,
  simulationTable,
  DEFAULT_SPIDER_POINTS,
  spider as spiderCore,
  spiderTable,
  tornadoTable,
} from "../engine";
import { readOutput, readPlan } from "./arguments";
import { isBlankCell, isBlankRange, isOmitted, matrix, toExcelError, toMatrix, toBoolean, toNumber, toOptionalNumber, toOptionalText } from "./excel";

/**
 * Monte Carlo percentiles of an output of an assumptions table, by Latin hypercube sampling unless sampling says "mc". Each assumption that differs across the scenarios is drawn from a distribution between its lowest and highest value with the base scenario's value as the most likely (PERT by default); assumptions equal in every scenario stay fixed; whole years are rounded. The model runs once per draw. Spills one labelled row per percentile (default P10, P50, P90), the mean, and P(<threshold) when a threshold is given; with standard_error TRUE, each value's standard error in a third column. A fixed default seed: the same numbers on every recalculation and every machine.
 * @customfunction SIMULATE
 * @helpurl https://localhost:3000/help.html#ipvalue-simulate
 * @param assumptions The assumptions table, headers included (as SCENARIO and RANGE read it).
 * @param [iterations] Number of draws, a whole number from 100 to 1,000,000 (default 10,000).
 * @param [seed] Seed of the random numbers, a whole number from 0 to 4294967295 (default 1). Another seed gives another sample.
 * @param [percentiles] Percentiles to show, decimals between 0 and 1 (default 0.1, 0.5, 0.9 for P10, P50, P90), as a range or array such as {0.05,0.5,0.95}.
 * @param [output] The output simulated: "rnpv" (default, risk-adjusted licensor value), "npv", "rate25", "maxrate", "royalty_rate", "value_rate25", "value_maxrate", "licensee_npv" or "equivalent_rate".
 * @param [threshold] Adds the probability that the output falls below this value (e.g. the walk-away floor); "" or a blank cell for none.
 * @param [distribution] "pert" (default), "triangular", or "metalog" (low, base and high taken as P10, P50 and P90).
 * @param [sampling] "lhs" (default, Latin hypercube: each assumption's draws spread one per equal-probability bin, so fewer draws give the same precision), "mc" (plain Monte Carlo, the results of earlier versions for the same seed) or "sobol" (scrambled Sobol points, quasi-Monte Carlo: even in pairs of assumptions too).
 * @param [correlations] Rank correlations between assumptions that vary: a square range with the same assumption keys across its first row and down its first column, numbers from -1 to 1 inside, 1 on the diagonal (a blank takes its mirror's value, so one triangle is enough). Applied by the Iman-Conover method: each assumption's draws are kept, only paired anew.
 * @param [standard_error] TRUE adds a third column: the standard error of each value, how far it may move with another seed (default FALSE; the values themselves do not change). Plain Monte Carlo: from 20 batches of the draws in draw order. Latin hypercube: batches of one hypercube would show plain Monte Carlo's error, so it comes from a second run of 20 independent hypercubes of iterations/20 draws (seeded from seed): it doubles the time, and on average it is that of one hypercube or a little larger. A flag, like LINEST's stats, so that output keeps naming only the output.
 * @returns Label and value per row: the percentiles, the mean, and P(<threshold); with standard_error, each value's standard error beside it.
 */
export function simulateFn(
  assumptions: any[][],
  iterations?: number,
  seed?: number,
  percentiles?: any[][],
  output?: string,
  // any, not number: a formula that yields "" while no floor is set (IF(floor="","",floor)) must reach the function as "none", not #VALUE!
  threshold?: any,
  distribution?: string,
  sampling?: string,
  correlations?: any[][],
  // any: TRUE/FALSE, 1/0 or a blank cell (toBoolean)
  standard_error?: any
): any[][] {
  return matrix(() => {
    const plan = readPlan(assumptions);
    const result = runSimulation(plan, {
      iterations: checkIterations(toNumber(iterations, "iterations", DEFAULT_ITERATIONS)),
      seed: checkSeed(toNumber(seed, "seed", DEFAULT_SEED)),
      percentiles: readPercentiles(percentiles),
      output: readOutput(output),
      threshold: toOptionalNumber(threshold, "threshold"),
      distribution: parseDistribution(toOptionalText(distribution, "distribution")),
      sampling: parseSampling(toOptionalText(sampling, "sampling")),
      correlations: readCorrelations(correlations),
      standardError: toBoolean(standard_error, "standard_error", false),
    });
    return simulationTable(result);
  });
}

/** A correlation table; omitted, "" or a blank range for none. */
function readCorrelations(correlations: unknown) {
  if (isOmitted(correlations)) return undefined;
  const cells = toMatrix(correlations, "correlations");
  return isBlankRange(cells) ? undefined : parseCorrelationTable(cells);
}

/** Percentiles as a range, an array constant or one number; blank cells are skipped. */
function readPercentiles(percentiles: unknown): number[] | undefined {
  if (isOmitted(percentiles)) return undefined;
  const cells = toMatrix(percentiles, "percentiles").flat();
  const values: number[] = [];
  cells.forEach((c, i) => {
    if (isBlankCell(c)) return;
    if (typeof c !== "number")
      throw invalidValue("percentile-item", {
        item: i + 1,
        got: typeof c === "string" ? { en: `text ${quoted(c)}`, ja: `文字列 ${quoted(c)}` } : excerptPlainIn(c),
      });
    values.push(checkPercentile(c, phrase("item-of", { name: "percentiles", item: i + 1 })));
  });
  if (values.length === 0) return undefined;
  if (values.length > MAX_PERCENTILES) throw invalidValue("percentiles-too-many", { max: MAX_PERCENTILES, got: values.length });
  return values;
}

/**
 * Sensitivity of an output to each assumption (a tornado table): for every assumption that differs across the scenarios, the output with that assumption at its low and at its high across the scenarios, every other assumption at the base scenario's value. Spills a header row (assumption, low, high, output_at_low, output_at_high, swing), a base row, then one row per assumption sorted by swing, the largest first; a row whose output has no answer shows #NUM!.
 * @customfunction SENSITIVITY
 * @helpurl https://localhost:3000/help.html#ipvalue-sensitivity
 * @param assumptions The assumptions table, headers included.
 * @param [output] The output: "rnpv" (default, risk-adjusted licensor value), "npv", "rate25", "maxrate", "royalty_rate", "value_rate25", "value_maxrate", "licensee_npv" or "equivalent_rate".
 * @returns The tornado table under a header row.
 */
export function sensitivityFn(assumptions: any[][], output?: string): any[][] {
  return matrix(() => {
    const plan = readPlan(assumptions);
    return tornadoTable(sensitivityCore(plan, readOutput(output)), toExcelError);
  });
}

/**
 * The spider view of sensitivity: the output as each assumption that differs across the scenarios moves through its range at evenly spaced points, every other assumption at the base scenario's value. Positions run from -1 to 1: -1 is the assumption's low (its minimum across the scenarios), 0 the base scenario's value, 1 its high (its maximum); between them the assumption moves linearly from the low to the base and from the base to the high, so every line passes through the base output at 0. Whole years are rounded to the nearest year at each point. Spills a header row ("assumption", then the positions), a base row (the base scenario's output at every position), then one row per assumption, its output at each position, sorted by spread (largest output minus smallest along the row), the largest first; a point whose output has no answer shows #NUM!. Its two ends are SENSITIVITY's output_at_low and output_at_high.
 * @customfunction SPIDER
 * @helpurl https://localhost:3000/help.html#ipvalue-spider
 * @param assumptions The assumptions table, headers included.
 * @param [output] The output: "rnpv" (default, risk-adjusted licensor value), "npv", "rate25", "maxrate", "royalty_rate", "value_rate25", "value_maxrate", "licensee_npv" or "equivalent_rate".
 * @param [points] Number of points from the low to the high, a whole number from 2 to 21 (default 5: low, halfway to the base, base, halfway to the high, high). An odd number includes the base.
 * @returns The spider table under a header row of positions.
 */
export function spiderFn(assumptions: any[][], output?: string, points?: number): any[][] {
  return matrix(() => {
    const plan = readPlan(assumptions);
    const n = checkSpiderPoints(toNumber(points, "points", DEFAULT_SPIDER_POINTS));
    return spiderTable(spiderCore(plan, readOutput(output), n), toExcelError);
  });
}
