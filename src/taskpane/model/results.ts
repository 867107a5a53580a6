/**
 * What the pane shows as results: each scenario's outputs and the range across scenarios, computed
 * by the engine from exactly the table the functions read (so the pane and =IPVALUE.RANGE agree), and
 * the football field: one bar per method, from low to high, in money, with the decisions marked.
 */
import {
  BAND_RATE,
  BAND_RATE_LABEL,
  bandRateRange,
  FOOTBALL_OUTPUTS,
  OUTPUTS,
  Output,
  outputLabel,
  parseAssumptionsTable,
  pickScenario,
  RangeOutput,
  RawValue,
  RESULT_OUTPUTS,
  runScenario,
  scenarioOutput,
  Text,
  valuationRangeRows,
  ValuationError,
  valueAtRate,
} from "../../engine";
import { assumptionsTableValues } from "../../model/table-layout";
import type { Language } from "../../model/language";
import type { ScenarioSet } from "../../model/scenario-set";

export type OutputValue = number | { error: string };

export interface ScenarioResult {
  name: string;
  internal: boolean;
  outputs: Record<Output, OutputValue>;
}

export interface RangeResult {
  output: RangeOutput;
  label: Text;
  low: OutputValue;
  base: OutputValue;
  high: OutputValue;
}

export const BAND_VALUE_LABEL: Text = { en: "Reference bands (base scenario, risk-adjusted)", ja: "参考バンド（基準シナリオ・リスク調整後）" };

export interface FootballBar {
  output: RangeOutput;
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
export const PANE_OUTPUTS: readonly Output[] = RESULT_OUTPUTS;

const asValue = (f: () => number, language: Language): OutputValue => {
  try {
    return f();
  } catch (e) {
    if (e instanceof ValuationError) return { error: e.in(language) };
    throw e;
  }
};

export function computeResults(set: ScenarioSet, language: Language): Results {
  const empty: Results = { scenarios: [], range: [], football: [] };
  let scenarios;
  try {
    scenarios = parseAssumptionsTable(assumptionsTableValues(set, language, true) as RawValue[][]);
  } catch (e) {
    if (e instanceof ValuationError) return { ...empty, problem: e.in(language) };
    throw e;
  }
  const perScenario: ScenarioResult[] = scenarios.map((s) => {
    const outputs = {} as Record<Output, OutputValue>;
    let model: ReturnType<typeof runScenario> | undefined;
    const modelError = asValue(() => {
      model = runScenario(s.assumptions);
      return 0;
    }, language);
    for (const o of OUTPUTS) outputs[o.key] = model ? asValue(() => scenarioOutput(model!, o.key), language) : modelError;
    return { name: s.name, internal: s.internal, outputs };
  });
  let rows;
  try {
    rows = valuationRangeRows(
      scenarios,
      OUTPUTS.map((o) => o.key)
    );
  } catch (e) {
    if (e instanceof ValuationError) return { ...empty, scenarios: perScenario, problem: e.in(language) };
    throw e;
  }
  const range: RangeResult[] = rows.map((r, i) => {
    const output = OUTPUTS[i].key;
    if (r instanceof ValuationError) {
      const error = { error: r.in(language) };
      return { output, label: outputLabel(output), low: error, base: error, high: error };
    }
    return { output, label: outputLabel(output), low: r.low, base: r.base, high: r.high };
  });
  const football: FootballBar[] = [];
  for (const output of FOOTBALL_OUTPUTS) {
    const r = range.find((x) => x.output === output)!;
    if (typeof r.low === "number" && typeof r.base === "number" && typeof r.high === "number") {
      football.push({ output, label: r.label, low: r.low, base: r.base, high: r.high });
    }
  }
  // Reference bands: their royalty-rate range, and in money the base scenario's risk-adjusted value
  // at the lowest, the typical and the highest published rate.
  try {
    const b = bandRateRange(set.decisions.bands.filter);
    range.push({ output: BAND_RATE, label: BAND_RATE_LABEL, low: b.low, base: b.base, high: b.high });
    const model = runScenario(scenarios[pickScenario(scenarios)].assumptions);
    const at = (rate: number) => valueAtRate(model, rate);
    football.push({ output: BAND_RATE, label: BAND_VALUE_LABEL, low: at(b.low), base: at(b.base), high: at(b.high) });
  } catch (e) {
    if (!(e instanceof ValuationError)) throw e;
    const error = { error: e.in(language) };
    range.push({ output: BAND_RATE, label: BAND_RATE_LABEL, low: error, base: error, high: error });
  }
  return { scenarios: perScenario, range, football };
}
