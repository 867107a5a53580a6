/**
 * One-at-a-time sensitivity (the tornado): for each assumption that differs across the scenarios, the
 * output with that assumption at its low and at its high (the minimum and maximum across scenarios,
 * as in the simulation), every other assumption at the base scenario's value. Rows are sorted by
 * swing, |output at high − output at low|, the largest first.
 *
 * An assumption that another follows by default (years → term_years left blank, discount_rate →
 * hurdle_rate left blank) carries its follower with it, as in the simulation. The model is the
 * scenario model itself (runScenario, scenarioOutput), so the base row equals IPVALUE.SCENARIO.
 */
import { AssumptionKey, Assumptions } from "./assumptions";
import { ValuationError } from "./errors";
import type { Output } from "./outputs";
import { runScenario, scenarioOutput, withScenario } from "./scenario";
import { SimulationPlan } from "./simulate";

export interface TornadoRow {
  key: AssumptionKey;
  /** The assumption's low and high input. */
  low: number;
  high: number;
  /** The output with the assumption at its low / high, or why it has no answer there. */
  outputLow: number | ValuationError;
  outputHigh: number | ValuationError;
  /** |outputHigh − outputLow|; undefined when either has no answer. */
  swing: number | undefined;
}

export interface Tornado {
  output: Output;
  scenario: string;
  /** The output of the base scenario. */
  base: number;
  rows: TornadoRow[];
}

/** The output of the base scenario with some assumptions changed. */
export function outputWith(plan: SimulationPlan, output: Output, changes: Partial<Record<AssumptionKey, number>>): number {
  const a: Assumptions = { ...plan.base };
  const changed = new Set<AssumptionKey>();
  for (const [key, value] of Object.entries(changes) as [AssumptionKey, number][]) {
    (a as unknown as Record<string, number>)[key] = value;
    changed.add(key);
  }
  // In list order, so a default that follows a follower (claims_expire_year ← term_years ← years) follows too.
  for (const f of plan.follows) {
    if (!changed.has(f.driver)) continue;
    (a as unknown as Record<string, unknown>)[f.key] = a[f.driver];
    changed.add(f.key);
  }
  return scenarioOutput(runScenario(a), output);
}

/** f's number, or the ValuationError that says the output has no answer there (any other error is thrown). */
export function outputAnswer(f: () => number): number | ValuationError {
  try {
    return f();
  } catch (e) {
    if (e instanceof ValuationError && e.kind === "invalidNumber") return e;
    throw e;
  }
}

/** The tornado of a plan: one row per uncertain assumption, sorted by swing (rows without an answer last). */
export function sensitivity(plan: SimulationPlan, output: Output = "rnpv"): Tornado {
  const base = withScenario(plan.scenario, () => outputWith(plan, output, {}));
  const rows: TornadoRow[] = plan.uncertain.map((u) => {
    const outputLow = outputAnswer(() => outputWith(plan, output, { [u.key]: u.low }));
    const outputHigh = outputAnswer(() => outputWith(plan, output, { [u.key]: u.high }));
    const swing = typeof outputLow === "number" && typeof outputHigh === "number" ? Math.abs(outputHigh - outputLow) : undefined;
    return { key: u.key, low: u.low, high: u.high, outputLow, outputHigh, swing };
  });
  // Stable: equal swings keep the order of the assumptions table.
  rows.sort((x, y) => (x.swing === undefined ? (y.swing === undefined ? 0 : 1) : y.swing === undefined ? -1 : y.swing - x.swing));
  return { output, scenario: plan.scenario, base, rows };
}

export const TORNADO_HEADER = ["assumption", "low", "high", "output_at_low", "output_at_high", "swing"] as const;

/**
 * The table IPVALUE.SENSITIVITY spills: the header, a `base` row (the base scenario's output in both
 * output columns, swing 0), then one row per assumption. A row without an answer holds the error in
 * its three output cells.
 */
export function tornadoTable<E>(t: Tornado, error: (e: ValuationError) => E): (string | number | E)[][] {
  const rows: (string | number | E)[][] = [[...TORNADO_HEADER], ["base", "", "", t.base, t.base, 0]];
  for (const r of t.rows) {
    if (typeof r.outputLow === "number" && typeof r.outputHigh === "number" && r.swing !== undefined) {
      rows.push([r.key, r.low, r.high, r.outputLow, r.outputHigh, r.swing]);
    } else {
      const e = error(r.outputLow instanceof ValuationError ? r.outputLow : (r.outputHigh as ValuationError));
      rows.push([r.key, r.low, r.high, e, e, e]);
    }
  }
  return rows;
}
