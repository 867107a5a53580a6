/**
 * What the pane shows as results: each scenario's outputs and the range across scenarios, computed
 * by the engine from exactly the table the functions read (so the pane and =IPVALUE.RANGE agree), and
 * the football field: one bar per method, from low to high, in money, with the decisions marked.
 */
import {
  AssumptionKey,
  BAND_RATE,
  BAND_RATE_LABEL,
  bandRateRange,
  BandSpread,
  FOOTBALL_OUTPUTS,
  mergeBands,
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
import { assumptionsTableValues, tableKeys } from "../../model/table-layout";
import type { Language } from "../../model/language";
import { inScope, type ScenarioSet } from "../../model/scenario-set";
import { isInternalBand, NO_SAVED_BANDS, SavedBands } from "./comparables";

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

/**
 * The band bar's label: how it spans the matching bands ("interquartile range of 7" / 「7件の四分位範囲」);
 * short, so that it fits the 320 px pane beside the bar's ends (the bar is the base scenario, risk-adjusted,
 * valued at the bands' rates; the internal ones are marked in the decisions' list of matching bands).
 */
export function bandBarLabel(count: number, spread: BandSpread): Text {
  return spread === "iqr"
    ? { en: `Bands: interquartile range of ${count}`, ja: `参考バンド：${count}件の四分位範囲` }
    : { en: `Bands: lowest to highest of ${count}`, ja: `参考バンド：${count}件の最小～最大` };
}

export interface FootballBar {
  output: RangeOutput;
  label: Text;
  low: number;
  base: number;
  high: number;
  /** The band bar only: the office's internal bands among those it spans (not for the counterparty). */
  internal?: string[];
}

/** Which scenarios the range (and the football field) covers: the committee's choice about internal ones. */
export interface RangeScope {
  /** The scenarios counted, in the table's order. */
  names: string[];
  /** The internal scenarios among them (none when the committee leaves them out). */
  internal: string[];
  /** The internal scenarios left out of the range by the committee's choice. */
  excluded: string[];
}

export interface Results {
  /** Set when the scenarios cannot be valued yet (a required value missing, a value refused). */
  problem?: string;
  scope: RangeScope;
  scenarios: ScenarioResult[];
  range: RangeResult[];
  football: FootballBar[];
}

const NO_SHARED_SCENARIO: Text = {
  en: "Every scenario is internal and the committee's range leaves internal scenarios out: mark a scenario shared, or count internal scenarios in the range.",
  ja: "すべてのシナリオが内部用で、委員会のレンジは内部シナリオを含めない設定です。いずれかのシナリオを共有にするか、レンジに内部シナリオを含めてください。",
};

/** The assumptions whose values are not the same in every scenario, in the table's order (the scenarios side by side). */
export function differingKeys(set: ScenarioSet): AssumptionKey[] {
  return tableKeys(set).filter((k) => new Set(set.scenarios.map((s) => JSON.stringify(s.values[k] ?? null))).size > 1);
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

/** The results of `set`; the band row and bar over the built-in bands and the workbook's own (`saved`). */
export function computeResults(set: ScenarioSet, language: Language, saved: SavedBands = NO_SAVED_BANDS): Results {
  const included = set.decisions.includeInternal.value;
  const noScope: RangeScope = { names: [], internal: [], excluded: [] };
  const empty: Results = { scope: noScope, scenarios: [], range: [], football: [] };
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
  // The committee's range: every scenario, or only those the counterparty may see.
  const counted = inScope(scenarios, included);
  const scope: RangeScope = {
    names: counted.map((s) => s.name),
    internal: counted.filter((s) => s.internal).map((s) => s.name),
    excluded: included ? [] : scenarios.filter((s) => s.internal).map((s) => s.name),
  };
  if (counted.length === 0) return { ...empty, scope, scenarios: perScenario, problem: NO_SHARED_SCENARIO[language] };
  let rows;
  try {
    rows = valuationRangeRows(
      counted,
      OUTPUTS.map((o) => o.key)
    );
  } catch (e) {
    if (e instanceof ValuationError) return { ...empty, scope, scenarios: perScenario, problem: e.in(language) };
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
    const { filter, spread } = set.decisions.bands;
    const b = bandRateRange(filter, mergeBands(saved.bands), spread);
    range.push({ output: BAND_RATE, label: BAND_RATE_LABEL, low: b.low, base: b.base, high: b.high });
    const model = runScenario(counted[pickScenario(counted)].assumptions);
    const at = (rate: number) => valueAtRate(model, rate);
    const internal = b.keys.filter((k) => isInternalBand(saved, k));
    const label = bandBarLabel(b.keys.length, spread);
    football.push({ output: BAND_RATE, label, low: at(b.low), base: at(b.base), high: at(b.high), internal });
  } catch (e) {
    if (!(e instanceof ValuationError)) throw e;
    const error = { error: e.in(language) };
    range.push({ output: BAND_RATE, label: BAND_RATE_LABEL, low: error, base: error, high: error });
  }
  return { scope, scenarios: perScenario, range, football };
}
