/**
 * The standard error beside each statistic of the simulation: batch means of the run's own draws for
 * plain Monte Carlo, replicated hypercubes for Latin hypercube. What it reports is compared with what it
 * estimates — the standard deviation of the statistic across 50 seeds — and it is shown that batch means
 * of one hypercube would report plain Monte Carlo's error instead.
 */
import { parseCorrelationTable, planFromTable, runSimulation, Sampling, SE_GROUPS, simulationTable, SimulationPlan } from "../../src/engine";
import { caught } from "./helpers";
import { MEDICAL_DEVICE } from "../fixtures/medical-device";

const sd = (a: readonly number[]) => {
  const m = a.reduce((x, y) => x + y, 0) / a.length;
  return Math.sqrt(a.reduce((x, y) => x + (y - m) ** 2, 0) / (a.length - 1));
};
const average = (a: readonly number[]) => a.reduce((x, y) => x + y, 0) / a.length;
const SEEDS = 50;
const N = 1000;
const THRESHOLD = 120e6;
const NAMES = ["P10", "P50", "P90", "mean", "P(<120M)"];

/** Over 50 seeds: the spread of each statistic (observed) and the average standard error reported. */
function observedAndReported(plan: SimulationPlan, sampling: Sampling, n = N) {
  const values: number[][] = NAMES.map(() => []);
  const reported: number[][] = NAMES.map(() => []);
  for (let seed = 1; seed <= SEEDS; seed++) {
    const r = runSimulation(plan, { iterations: n, seed, sampling, threshold: THRESHOLD, standardError: true });
    const e = r.standardErrors!;
    [...r.percentiles.map((p) => p.value), r.mean, r.below!.probability].forEach((v, i) => values[i].push(v));
    [...e.percentiles, e.mean, e.below!].forEach((v, i) => reported[i].push(v));
  }
  return NAMES.map((name, i) => ({ name, observed: sd(values[i]), reported: average(reported[i]) }));
}

const show = (label: string, rows: { name: string; observed: number; reported: number }[]) =>
  console.log(
    `${label}: ` +
      rows
        .map((r) => `${r.name} reported ${r.reported.toPrecision(3)} vs observed ${r.observed.toPrecision(3)} (×${(r.reported / r.observed).toFixed(2)})`)
        .join("; ")
  );

describe("the standard error of SIMULATE's statistics", () => {
  const plan = planFromTable(MEDICAL_DEVICE);

  test.each([["mc"], ["lhs"]] as [Sampling][])("%s: the reported standard error is within a factor of the spread across 50 seeds (1,000 draws)", (sampling) => {
    const rows = observedAndReported(plan, sampling);
    show(`${sampling}, ${SEEDS} seeds × ${N} draws`, rows);
    for (const r of rows) {
      expect([r.name, r.reported / r.observed]).toEqual([r.name, expect.any(Number)]);
      expect(r.reported / r.observed).toBeGreaterThan(0.6);
      expect(r.reported / r.observed).toBeLessThan(1.6);
    }
  });

  test("sobol: the reported standard error is never below the spread across 50 seeds (replicated scrambles of n/20 points are conservative)", () => {
    // Scrambled Sobol points converge faster than 1/√n, so 20 scrambles of n/20 points vary more than one
    // scramble of n points: the reported error is an upper estimate, by far for the mean.
    const rows = observedAndReported(plan, "sobol");
    show(`sobol, ${SEEDS} seeds × ${N} draws`, rows);
    for (const r of rows) expect([r.name, r.reported / r.observed > 0.8]).toEqual([r.name, true]);
  });

  test("batch means of one Latin hypercube run would report about plain Monte Carlo's error, not the hypercube's: hence the replicated hypercubes", () => {
    const naive: number[] = [];
    const means: number[] = [];
    for (let seed = 1; seed <= SEEDS; seed++) {
      const r = runSimulation(plan, { iterations: N, seed, sampling: "lhs" });
      means.push(r.mean);
      const batch = Array.from({ length: SE_GROUPS }, (_, b) => average(Array.from(r.draws.subarray((b * N) / SE_GROUPS, ((b + 1) * N) / SE_GROUPS))));
      naive.push(sd(batch) / Math.sqrt(SE_GROUPS));
    }
    const mc = observedAndReported(plan, "mc")[3].observed;
    console.log(
      `the mean, lhs: batch means of one run report ${average(naive).toPrecision(3)}, observed across seeds ${sd(means).toPrecision(3)} (×${(average(naive) / sd(means)).toFixed(2)}); plain Monte Carlo's observed ${mc.toPrecision(3)}`
    );
    expect(average(naive) / sd(means)).toBeGreaterThan(3);
    expect(average(naive) / mc).toBeGreaterThan(0.7);
    expect(average(naive) / mc).toBeLessThan(1.3);
  });

  test("asking for it changes no statistic: the same values, a third column with the errors; the same seed gives the same errors", () => {
    const METHOD = { mc: "batch means", lhs: "replicated hypercubes", sobol: "replicated scrambles" };
    for (const sampling of ["mc", "lhs", "sobol"] as Sampling[]) {
      const options = { iterations: 2000, seed: 7, sampling, threshold: THRESHOLD };
      const without = simulationTable(runSimulation(plan, options));
      const withErrors = simulationTable(runSimulation(plan, { ...options, standardError: true }));
      expect(withErrors.map((row) => row.slice(0, 2))).toEqual(without);
      expect(without.every((row) => row.length === 2)).toBe(true);
      expect(withErrors.every((row) => row.length === 3 && typeof row[2] === "number" && row[2] > 0)).toBe(true);
      expect(simulationTable(runSimulation(plan, { ...options, standardError: true }))).toEqual(withErrors);
      expect(runSimulation(plan, { ...options, standardError: true }).standardErrors!.method).toBe(METHOD[sampling]);
    }
  });

  test("the error shrinks as the draws grow, about as 1/√n", () => {
    for (const sampling of ["mc", "lhs"] as Sampling[]) {
      const at = (iterations: number) => runSimulation(plan, { iterations, seed: 3, sampling, standardError: true }).standardErrors!.percentiles[1];
      const ratio = at(2000) / at(32000);
      expect([sampling, ratio > 2.5 && ratio < 6.5]).toEqual([sampling, true]);
    }
  });

  test("nothing uncertain: every error is 0", () => {
    const fixed = planFromTable(MEDICAL_DEVICE.map((row) => [row[0], row[3]])); // the Base column alone
    const e = runSimulation(fixed, { iterations: 100, standardError: true }).standardErrors!;
    expect([...e.percentiles, e.mean]).toEqual([0, 0, 0, 0]);
  });

  test("Latin hypercube with correlations needs hypercubes of more draws than correlated assumptions: #VALUE! says how many", () => {
    const correlations = parseCorrelationTable([
      ["", "market_size", "peak_share", "market_growth", "operating_margin"],
      ["market_size", 1, 0.5, "", ""],
      ["peak_share", 0.5, 1, "", ""],
      ["market_growth", "", "", 1, ""],
      ["operating_margin", "", "", "", 1],
    ]);
    const e = caught(() => runSimulation(plan, { iterations: 100, sampling: "lhs", correlations, standardError: true }));
    expect(e.message).toContain("iterations must be at least 120; got 100");
    expect(runSimulation(plan, { iterations: 120, sampling: "lhs", correlations, standardError: true }).standardErrors!.mean).toBeGreaterThan(0);
    expect(runSimulation(plan, { iterations: 100, sampling: "mc", correlations, standardError: true }).standardErrors!.mean).toBeGreaterThan(0);
  });
});
