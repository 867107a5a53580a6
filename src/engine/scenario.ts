/**
 * The scenario model: from market and licensee P&L assumptions to the licensor's value, the royalty
 * rate cross-checks and the licensee's walk-away rate; and the range across scenarios (low, base,
 * high) that a licensing committee sets its offer and floor from.
 */
import { Assumptions, Scenario } from "./assumptions";
import { discountFactors, newSeries, Series } from "./discount";
import { excerpt, excerptList, finiteResult, invalidValue, notAvailable, quoted, ValuationError } from "./errors";
import { royaltyStream, salesForecast } from "./forecast";
import { DEFAULT_RANGE_OUTPUTS, Output, OUTPUTS, outputSpec, RateSource } from "./outputs";
import { maxRate, rate25 } from "./rates";

export interface ScenarioModel {
  assumptions: Assumptions;
  market: Series;
  share: Series;
  sales: Series;
  royalty: Series;
  discountFactor: Series;
  presentValue: Series;
  /** Σ present values of the royalties (no upfront, no probability). */
  royaltyValue: number;
}

/** The yearly model of one scenario. */
export function runScenario(a: Assumptions): ScenarioModel {
  const { market, share, sales } = salesForecast({
    marketSize: a.market_size,
    marketGrowth: a.market_growth,
    peakShare: a.peak_share,
    yearsToPeak: a.years_to_peak,
    years: a.years,
    launchYear: a.launch_year,
  });
  const royalty = royaltyStream(sales, a.royalty_rate, a.annual_minimum, a.term_years);
  const discountFactor = discountFactors(a.discount_rate, a.timing, newSeries(a.years));
  const presentValue = newSeries(a.years);
  let royaltyValue = 0;
  for (let i = 0; i < a.years; i++) {
    presentValue[i] = royalty[i] * discountFactor[i];
    royaltyValue += presentValue[i];
  }
  finiteResult(royaltyValue, "The value of the royalties");
  return { assumptions: a, market, share, sales, royalty, discountFactor, presentValue, royaltyValue };
}

/** Reads an output name; `others` are further words the caller accepts itself (listed in the message). */
export function parseOutput(value: unknown, argument = "output", others: readonly string[] = []): Output {
  const key = typeof value === "string" ? value.trim().toLowerCase() : "";
  const found = OUTPUTS.find((o) => o.key === key);
  if (!found) throw invalidValue(`${argument} must be one of ${[...OUTPUTS.map((o) => o.key), ...others].join(", ")}; got ${excerpt(value)}`);
  return found.key;
}

/**
 * One output of a scenario model, from its declaration (outputs.ts): a rate, or an amount.
 * - npv: upfront + DCF of royalties at the discount rate
 * - rnpv: upfront + success_probability × DCF of royalties (the upfront is paid at signing, for sure)
 * - at_rate (value_rate25, value_maxrate): the rnpv if the royalty rate were that rate (held to 0..1):
 *   the rate cross-checks turned into money, so that they can stand beside the DCF on one football field.
 */
export function scenarioOutput(m: ScenarioModel, output: Output): number {
  const spec = outputSpec(output);
  const a = m.assumptions;
  switch (spec.money) {
    case "npv":
      return finiteResult(a.upfront + m.royaltyValue, "The licensor value");
    case "rnpv":
      return finiteResult(a.upfront + a.success_probability * m.royaltyValue, "The risk-adjusted licensor value");
    case "at_rate":
      return valueAtRate(m, rateOf(m, spec.rate!));
    case undefined:
      return rateOf(m, spec.rate!);
  }
}

/**
 * A royalty rate of a scenario model.
 * - royalty_rate: the rate assumed
 * - rate25: operating_margin × licensor_share
 * - maxrate: the licensee's walk-away rate; operating profit = margin × sales, the upfront fee counts
 *   in its year-0 outlay beside the investment, and the rate bears only on sales within the term.
 */
export function rateOf(m: ScenarioModel, rate: RateSource): number {
  const a = m.assumptions;
  switch (rate) {
    case "royalty_rate":
      return a.royalty_rate;
    case "rate25":
      return rate25(a.operating_margin, a.licensor_share);
    case "maxrate": {
      const n = a.years;
      const operatingProfit = newSeries(n);
      const royaltyBase = newSeries(n);
      for (let i = 0; i < n; i++) {
        operatingProfit[i] = a.operating_margin * m.sales[i];
        royaltyBase[i] = i < a.term_years ? m.sales[i] : 0;
      }
      return maxRate({
        sales: m.sales,
        operatingProfit,
        royaltyBase,
        hurdleRate: a.hurdle_rate,
        investment: a.investment + a.upfront,
        taxRate: a.tax_rate,
        successProbability: a.success_probability,
        timing: a.timing,
      });
    }
  }
}

/** upfront + success_probability × DCF of the royalties the scenario would earn at another rate. */
export function valueAtRate(m: ScenarioModel, rate: number): number {
  const a = m.assumptions;
  const royalty = royaltyStream(m.sales, Math.min(1, Math.max(0, rate)), a.annual_minimum, a.term_years);
  let pv = 0;
  for (let i = 0; i < royalty.length; i++) pv += royalty[i] * m.discountFactor[i];
  return finiteResult(a.upfront + a.success_probability * pv, "The risk-adjusted licensor value");
}

export const TABLE_HEADER = ["year", "market", "share", "sales", "royalty", "discount_factor", "present_value"] as const;

/** The yearly model with a header row, as IPVALUE.SCENARIO(..., "table") spills it. */
export function scenarioTable(m: ScenarioModel): (string | number)[][] {
  const rows: (string | number)[][] = [[...TABLE_HEADER]];
  for (let i = 0; i < m.assumptions.years; i++) {
    rows.push([i + 1, m.market[i], m.share[i], m.sales[i], m.royalty[i], m.discountFactor[i], m.presentValue[i]]);
  }
  return rows;
}

const BASE_NAMES = new Set(["base", "base case", "ベース", "基本", "基準", "標準", "中位"]);

/** Index of the scenario called `name`, or by default the one named Base, else the middle one. */
export function pickScenario(scenarios: readonly Scenario[], name?: string | null): number {
  if (name !== undefined && name !== null && name.trim() !== "") {
    const wanted = name.trim().toLowerCase();
    const i = scenarios.findIndex((s) => s.name.toLowerCase() === wanted);
    if (i < 0)
      throw notAvailable(
        `scenario ${quoted(name.trim(), "'")} is not in the table; it has ${excerptList(
          scenarios.map((s) => s.name),
          (n) => quoted(n, "'")
        )}`
      );
    return i;
  }
  const base = scenarios.findIndex((s) => BASE_NAMES.has(s.name.toLowerCase()));
  return base >= 0 ? base : Math.floor((scenarios.length - 1) / 2);
}

export interface RangeRow {
  output: Output;
  low: number;
  base: number;
  high: number;
}

/**
 * The valuation range: for each output, the lowest and highest value across all scenarios and the
 * value of the base scenario.
 */
export function valuationRange(scenarios: readonly Scenario[], outputs: readonly Output[] = DEFAULT_RANGE_OUTPUTS): RangeRow[] {
  return valuationRangeRows(scenarios, outputs).map((row) => {
    if (row instanceof ValuationError) throw row;
    return row;
  });
}

/**
 * The valuation range, one entry per output, where an output that has no answer in some scenario
 * (kind invalidNumber: a loss-making margin for rate25, no royalty base for maxrate) is that error
 * instead of failing the whole range. Each scenario's model runs once for all outputs.
 */
export function valuationRangeRows(scenarios: readonly Scenario[], outputs: readonly Output[] = DEFAULT_RANGE_OUTPUTS): (RangeRow | ValuationError)[] {
  if (scenarios.length === 0) throw invalidValue("assumptions has no scenario");
  const baseIndex = pickScenario(scenarios);
  const models = scenarios.map((s) => withScenario(s.name, () => runScenario(s.assumptions)));
  return outputs.map((output) => {
    let low = Infinity;
    let high = -Infinity;
    let base = NaN;
    try {
      models.forEach((m, i) => {
        const v = withScenario(scenarios[i].name, () => scenarioOutput(m, output));
        low = Math.min(low, v);
        high = Math.max(high, v);
        if (i === baseIndex) base = v;
      });
    } catch (e) {
      if (e instanceof ValuationError && e.kind === "invalidNumber") return e;
      throw e;
    }
    return { output, low, base, high };
  });
}

/** Prefixes an error with the scenario it came from, unless it already names it. */
export function withScenario<T>(name: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ValuationError && !e.message.startsWith("Scenario '")) throw new ValuationError(e.kind, `Scenario ${quoted(name, "'")}: ${e.message}`);
    throw e;
  }
}
