/**
 * Every number the scenario model gave before the deal terms existed, recomputed: the three worked
 * examples and the README's table in every timing, each output of each scenario, the yearly table, a
 * simulation and a tornado. test/fixtures/golden-before-deal-terms.json holds what commit f89146c (the
 * last one without deal terms) computed with this same function; deal-terms.test.ts compares bit for bit.
 */
import {
  Output,
  parseAssumptionsTable,
  planFromTable,
  RawValue,
  runScenario,
  runSimulation,
  scenarioOutput,
  scenarioTable,
  sensitivity,
  ValuationError,
} from "../../src/engine";
import { MEDICAL_DEVICE } from "../fixtures/medical-device";
import { EXAMPLES } from "../../src/taskpane/model/examples";

/** The outputs that existed before the deal terms. */
export const GOLDEN_OUTPUTS: readonly Output[] = ["rnpv", "npv", "rate25", "maxrate", "royalty_rate", "value_rate25", "value_maxrate"];
/** The examples that existed before the deal terms. */
const GOLDEN_EXAMPLES = ["medical-device", "drug-candidate", "software"];

function tables(): Record<string, RawValue[][]> {
  const out: Record<string, RawValue[][]> = {};
  for (const timing of ["end", "mid", "begin"]) {
    out[`readme-${timing}`] = MEDICAL_DEVICE.map((row) => (row[0] === "timing" ? [row[0], row[1], timing, timing, timing] : row));
  }
  for (const e of EXAMPLES.filter((x) => GOLDEN_EXAMPLES.includes(x.id))) {
    const rows: RawValue[][] = [["key", "Low", "Base", "High"]];
    for (const [key, triple] of Object.entries(e.values)) rows.push([key, ...(triple as RawValue[])]);
    out[e.id] = rows;
  }
  return out;
}

const value = (f: () => number): number | string => {
  try {
    return f();
  } catch (e) {
    if (e instanceof ValuationError) return `${e.kind}: ${e.message}`;
    throw e;
  }
};

export function goldenValues(): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, cells] of Object.entries(tables())) {
    for (const s of parseAssumptionsTable(cells)) {
      const m = runScenario(s.assumptions);
      for (const o of GOLDEN_OUTPUTS) result[`${name}/${s.name}/${o}`] = value(() => scenarioOutput(m, o));
      // The yearly table's first seven columns (the deal terms add columns after them).
      result[`${name}/${s.name}/table`] = scenarioTable(m).map((row) => row.slice(0, 7));
    }
    const plan = planFromTable(cells);
    for (const output of ["rnpv", "maxrate", "value_maxrate"] as Output[]) {
      for (const distribution of ["pert", "triangular"] as const) {
        try {
          // Plain Monte Carlo, as every simulation was before Latin hypercube became the default.
          const r = runSimulation(plan, { iterations: 2000, seed: 7, output, distribution, sampling: "mc" });
          result[`${name}/simulate/${output}/${distribution}`] = [...r.percentiles.map((p) => p.value), r.mean];
        } catch (e) {
          if (!(e instanceof ValuationError)) throw e;
          result[`${name}/simulate/${output}/${distribution}`] = `${e.kind}: ${e.message}`;
        }
      }
    }
    const t = sensitivity(plan, "rnpv");
    result[`${name}/tornado`] = t.rows.map((r) => [
      r.key,
      r.outputLow instanceof ValuationError ? "none" : r.outputLow,
      r.outputHigh instanceof ValuationError ? "none" : r.outputHigh,
    ]);
  }
  return result;
}
