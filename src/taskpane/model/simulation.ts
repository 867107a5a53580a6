/**
 * The pane's Monte Carlo: the scenario set laid out as the functions read it, simulated and its
 * tornado computed by the engine — the same numbers =IPVALUE.SIMULATE and =IPVALUE.SENSITIVITY give on
 * the stored table with the same iterations, seed and distribution. The Simulation sheet's layout is
 * in simulation-sheet.ts.
 */
import {
  DEFAULT_ITERATIONS,
  DEFAULT_SEED,
  DEFAULT_SIMULATION_OUTPUT,
  Distribution,
  histogram,
  Histogram,
  MONEY_OUTPUTS,
  Output,
  planFromTable,
  RawValue,
  runSimulation,
  sensitivity,
  SimulationResult,
  Tornado,
} from "../../engine";
import type { Language } from "../../model/language";
import type { ScenarioSet } from "../../model/scenario-set";
import { assumptionsTableValues } from "../../model/table-layout";

export interface SimulationRequest {
  iterations: number;
  seed: number;
  distribution: Distribution;
  output: Output;
}

export const DEFAULT_REQUEST: SimulationRequest = {
  iterations: DEFAULT_ITERATIONS,
  seed: DEFAULT_SEED,
  distribution: "pert",
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
  /** The threshold of P(below), when the committee has set a walk-away floor. */
  floor: number | null;
}

/** Simulates the set (throws the engine's ValuationError when it cannot: what to fix is in the message). */
export function simulateSet(set: ScenarioSet, language: Language, request: SimulationRequest = DEFAULT_REQUEST): SimulationView {
  const plan = planFromTable(assumptionsTableValues(set, language, true) as RawValue[][]);
  const floor = set.decisions.floor.value;
  const result = runSimulation(plan, {
    iterations: request.iterations,
    seed: request.seed,
    distribution: request.distribution,
    output: request.output,
    percentiles: PANE_PERCENTILES,
    threshold: floor ?? undefined,
  });
  return { request, result, histogram: histogram(result.sorted, 28), tornado: sensitivity(plan, request.output), floor };
}
