/**
 * What the pane shows as results: each scenario's outputs and the range across scenarios, computed
 * by the engine from exactly the table the functions read (so the pane and =IPVALUE.RANGE agree), and
 * the football field: one bar per method, from low to high, in money, with the decisions marked.
 */
import { OUTPUTS, Output, parseAssumptionsTable, RawValue, runScenario, scenarioOutput, Text, valuationRangeRows, ValuationError } from "../../engine";
import { assumptionsTableValues } from "./table-layout";
import { Language, ScenarioSet } from "./scenario-set";

export type OutputValue = number | { error: string };

export interface ScenarioResult {
  name: string;
  internal: boolean;
  outputs: Record<Output, OutputValue>;
}

export interface RangeResult {
  output: Output;
  label: Text;
  low: OutputValue;
  base: OutputValue;
  high: OutputValue;
}

export interface FootballBar {
  output: Output;
  label: Text;
  low: number;
  base: number;
  high: number;
}

export interface Results {
  /** Set when the scenarios cannot be valued yet (a required value missing, a value refused). */
  problem?: string;
  scenarios: ScenarioResult[];
  range: RangeResult[];
  football: FootballBar[];
}

/** The outputs the pane lists, in order. */
export const PANE_OUTPUTS: readonly Output[] = ["rnpv", "npv", "rate25", "maxrate", "value_rate25", "value_maxrate"];
/** The football field's methods, all in money. */
export const FOOTBALL_OUTPUTS: readonly Output[] = ["npv", "rnpv", "value_rate25", "value_maxrate"];

const labelOf = (o: Output): Text => OUTPUTS.find((x) => x.key === o)!.label;
const asValue = (f: () => number): OutputValue => {
  try {
    return f();
  } catch (e) {
    if (e instanceof ValuationError) return { error: e.message };
    throw e;
  }
};

export function computeResults(set: ScenarioSet, language: Language): Results {
  const empty: Results = { scenarios: [], range: [], football: [] };
  let scenarios;
  try {
    scenarios = parseAssumptionsTable(assumptionsTableValues(set, language) as RawValue[][]);
  } catch (e) {
    if (e instanceof ValuationError) return { ...empty, problem: e.message };
    throw e;
  }
  const perScenario: ScenarioResult[] = scenarios.map((s) => {
    const outputs = {} as Record<Output, OutputValue>;
    let model: ReturnType<typeof runScenario> | undefined;
    const modelError = asValue(() => {
      model = runScenario(s.assumptions);
      return 0;
    });
    for (const o of OUTPUTS) outputs[o.key] = model ? asValue(() => scenarioOutput(model!, o.key)) : modelError;
    return { name: s.name, internal: s.internal, outputs };
  });
  let rows;
  try {
    rows = valuationRangeRows(scenarios, OUTPUTS.map((o) => o.key));
  } catch (e) {
    if (e instanceof ValuationError) return { ...empty, scenarios: perScenario, problem: e.message };
    throw e;
  }
  const range: RangeResult[] = rows.map((r, i) => {
    const output = OUTPUTS[i].key;
    if (r instanceof ValuationError) {
      const error = { error: r.message };
      return { output, label: labelOf(output), low: error, base: error, high: error };
    }
    return { output, label: labelOf(output), low: r.low, base: r.base, high: r.high };
  });
  const football: FootballBar[] = [];
  for (const output of FOOTBALL_OUTPUTS) {
    const r = range.find((x) => x.output === output)!;
    if (typeof r.low === "number" && typeof r.base === "number" && typeof r.high === "number") {
      football.push({ output, label: r.label, low: r.low, base: r.base, high: r.high });
    }
  }
  return { scenarios: perScenario, range, football };
}
