/**
 * The scenario model: from market and licensee P&L assumptions to the licensor's value, the royalty
 * rate cross-checks and the licensee's walk-away rate; and the range across scenarios (low, base,
 * high) that a licensing committee sets its offer and floor from.
 */
import { Assumptions, Scenario } from "./assumptions";
import { discountFactors, newSeries, presentValue, Series } from "./discount";
import {
  excerptIn,
  excerptListIn,
  finiteResult,
  invalidNumber,
  invalidValue,
  keyName,
  notAvailable,
  quotedName,
  ValuationError,
  wordList,
  wrapped,
} from "./errors";
import { exitProceeds, LumpSum, lumpSumValue, milestonesOf, patentRepayments, patentValue, runningRoyalty, yearlyPayments } from "./deal-terms";
import { salesForecast } from "./forecast";
import { DEFAULT_RANGE_OUTPUTS, Output, OUTPUTS, outputSpec, RateSource } from "./outputs";
import { maxRate, rate25 } from "./rates";

export interface ScenarioModel {
  assumptions: Assumptions;
  /** The market and share of the forecast; null when the sales come from the plan's sales_<t> rows. */
  market: Series | null;
  share: Series | null;
  sales: Series;
  royalty: Series;
  discountFactor: Series;
  presentValue: Series;
  /** Σ present values of the royalties (no upfront, no probability, no ownership share). */
  royaltyValue: number;
  /** The annual fee due each year, and what it adds to the royalty (less when creditable). */
  feeDue: Series;
  fee: Series;
  /** The licensor's share of the licensee's sublicense income per year. */
  sublicense: Series;
  /** Patent-cost repayments per year (within the years modelled). */
  patent: Series;
  /** Present values at the discount rate (no probability, no ownership share). */
  feeValue: number;
  sublicenseValue: number;
  patentValue: number;
  milestones: LumpSum[];
  exit: { equity: number; successFee: number; year: number };
}

/** The yearly model of one scenario. */
export function runScenario(a: Assumptions): ScenarioModel {
  const fromPlan = a.plan?.sales ?? null;
  let market: Series | null = null;
  let share: Series | null = null;
  let sales: Series;
  if (fromPlan) {
    sales = newSeries(a.years);
    for (let i = 0; i < Math.min(a.years, fromPlan.length); i++) sales[i] = fromPlan[i];
  } else {
    ({ market, share, sales } = salesForecast({
      marketSize: a.market_size,
      marketGrowth: a.market_growth,
      peakShare: a.peak_share,
      yearsToPeak: a.years_to_peak,
      years: a.years,
      launchYear: a.launch_year,
    }));
  }
  const { royalty, feeDue, fee } = yearlyPayments(sales, a, (s, year) => runningRoyalty(a, s, year));
  const discountFactor = discountFactors(a.discount_rate, a.timing, newSeries(a.years));
  const presentValue = newSeries(a.years);
  const sublicense = newSeries(a.years);
  const sublicenseYearly = a.sublicense_share * a.sublicense_income;
  let royaltyValue = 0;
  let feeValue = 0;
  let sublicenseValue = 0;
  for (let i = 0; i < a.years; i++) {
    presentValue[i] = royalty[i] * discountFactor[i];
    royaltyValue += presentValue[i];
    feeValue += fee[i] * discountFactor[i];
    if (i < a.term_years) sublicense[i] = sublicenseYearly;
    sublicenseValue += sublicense[i] * discountFactor[i];
  }
  finiteResult(royaltyValue, "what-royalty-value");
  finiteResult(feeValue + sublicenseValue, "what-fee-sublicense-value");
  return {
    assumptions: a,
    market,
    share,
    sales,
    royalty,
    discountFactor,
    presentValue,
    royaltyValue,
    feeDue,
    fee,
    sublicense,
    patent: patentRepayments(a, a.years),
    feeValue,
    sublicenseValue,
    patentValue: patentValue(a, a.discount_rate, a.timing),
    milestones: milestonesOf(a),
    exit: exitProceeds(a),
  };
}

/** The exit's equity and success fee, discounted as a lump sum at the discount rate. */
function exitValue(m: ScenarioModel, rate: number): { equity: number; successFee: number } {
  const d = m.exit.equity === 0 && m.exit.successFee === 0 ? 0 : Math.pow(1 + rate, -m.exit.year);
  return { equity: m.exit.equity * d, successFee: m.exit.successFee * d };
}

/**
 * The licensor's value of a scenario, given the PV of its royalties and fees (the scenario's own, or
 * at another rate): ownership × (upfront + PV of royalties, fees, sublicense share and patent costs +
 * milestones + equity + success fee), and risk-adjusted: the upfront and patent costs certain, the
 * running flows × success_probability, each milestone × its probability, the exit × exit_probability.
 */
function licensorValue(m: ScenarioModel, risked: boolean, royaltyValue: number, feeValue: number): number {
  const a = m.assumptions;
  const r = a.discount_rate;
  const exit = exitValue(m, r);
  const lumps = lumpSumValue(m.milestones, r, risked);
  const v = risked
    ? a.upfront +
      m.patentValue +
      a.success_probability * (royaltyValue + feeValue + m.sublicenseValue) +
      lumps +
      a.exit_probability * (exit.equity + exit.successFee)
    : a.upfront + (royaltyValue + feeValue + m.sublicenseValue + m.patentValue) + lumps + (exit.equity + exit.successFee);
  return a.licensor_ownership * v;
}

/** The licensor's value by component (npv and rnpv columns), as SCENARIO(…, "components") spills it. */
export const COMPONENTS = ["upfront", "royalties", "annual_fees", "milestones", "sublicense", "equity", "success_fee", "patent_costs", "total"] as const;

export function scenarioComponents(m: ScenarioModel): (string | number)[][] {
  const a = m.assumptions;
  const own = a.licensor_ownership;
  const p = a.success_probability;
  const ep = a.exit_probability;
  const exit = exitValue(m, a.discount_rate);
  const parts: [number, number][] = [
    [a.upfront, a.upfront],
    [m.royaltyValue, p * m.royaltyValue],
    [m.feeValue, p * m.feeValue],
    [lumpSumValue(m.milestones, a.discount_rate, false), lumpSumValue(m.milestones, a.discount_rate, true)],
    [m.sublicenseValue, p * m.sublicenseValue],
    [exit.equity, ep * exit.equity],
    [exit.successFee, ep * exit.successFee],
    [m.patentValue, m.patentValue],
  ];
  const rows: (string | number)[][] = [["component", "npv", "rnpv"]];
  parts.forEach(([npv, rnpv], i) => rows.push([COMPONENTS[i], own * npv, own * rnpv]));
  rows.push(["total", scenarioOutput(m, "npv"), scenarioOutput(m, "rnpv")]);
  return rows;
}

/**
 * What the licensee pays or spends outside the running years' profit, today at its hurdle rate: year-0
 * investment and upfront, the later investments (timing applies), each milestone × its probability
 * (lump sums), the patent-cost repayments. Not weighted by success.
 */
function licenseeOutlay(m: ScenarioModel): number {
  const a = m.assumptions;
  const h = a.hurdle_rate;
  const later = a.plan?.investment ? presentValue(h, a.plan.investment.slice(0, a.years), a.timing) : 0;
  return a.investment + a.upfront + (later + lumpSumValue(m.milestones, h, true) + patentValue(a, h, a.timing));
}

/** Operating profit before royalty in year i + 1: the plan's operating_profit_<t> where given, else margin × sales. */
function operatingProfit(m: ScenarioModel, i: number): number {
  const given = m.assumptions.plan?.operating_profit?.[i];
  return given === null || given === undefined ? m.assumptions.operating_margin * m.sales[i] : given;
}

/**
 * The licensee's NPV of the product under the deal, at its hurdle rate: p × PV((operating profit −
 * royalty and fee payments) × (1 − T)) − the outlays (licenseeOutlay). Equity, success fee and
 * sublicensing are outside the product's NPV.
 */
export function licenseeNpv(m: ScenarioModel): number {
  const a = m.assumptions;
  const net = newSeries(a.years);
  for (let i = 0; i < a.years; i++) net[i] = operatingProfit(m, i) - (m.royalty[i] + m.fee[i]);
  return finiteResult(a.success_probability * presentValue(a.hurdle_rate, net, a.timing) * (1 - a.tax_rate) - licenseeOutlay(m), "what-licensee-npv");
}

/** Reads an output name; `others` are further words the caller accepts itself (listed in the message). */
export function parseOutput(value: unknown, argument = "output", others: readonly string[] = []): Output {
  const key = typeof value === "string" ? value.trim().toLowerCase() : "";
  const found = OUTPUTS.find((o) => o.key === key);
  if (!found)
    throw invalidValue("one-of", { argument: keyName(argument), allowed: wordList([...OUTPUTS.map((o) => o.key), ...others]), got: excerptIn(value) });
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
  switch (spec.money) {
    case "npv":
      return finiteResult(licensorValue(m, false, m.royaltyValue, m.feeValue), "what-licensor-value");
    case "rnpv":
      return finiteResult(licensorValue(m, true, m.royaltyValue, m.feeValue), "what-risk-adjusted-licensor-value");
    case "at_rate":
      return valueAtRate(m, rateOf(m, spec.rate!));
    case "licensee":
      return licenseeNpv(m);
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
      const profit = newSeries(n);
      const royaltyBase = newSeries(n);
      for (let i = 0; i < n; i++) {
        // The annual fee counts in full (creditable or not): the walk-away rate replaces the royalty terms only.
        profit[i] = operatingProfit(m, i) - m.feeDue[i];
        royaltyBase[i] = i < a.term_years ? m.sales[i] : 0;
      }
      return maxRate({
        sales: m.sales,
        operatingProfit: profit,
        royaltyBase,
        hurdleRate: a.hurdle_rate,
        investment: licenseeOutlay(m),
        taxRate: a.tax_rate,
        successProbability: a.success_probability,
        timing: a.timing,
      });
    }
    case "equivalent_rate": {
      let pv = 0;
      for (let i = 0; i < Math.min(a.years, a.term_years); i++) pv += m.sales[i] * m.discountFactor[i];
      const denominator = a.licensor_ownership * a.success_probability * pv;
      if (!(denominator > 0)) throw invalidNumber("no-sales-in-term-equivalent");
      return finiteResult(scenarioOutput(m, "rnpv") / denominator, "what-equivalent-rate");
    }
  }
}

/**
 * The rnpv if one flat rate (held to 0..1) replaced the royalty rate, tiers and post-expiry rate on the
 * sales within the term, the annual minimum and every other term as given.
 */
export function valueAtRate(m: ScenarioModel, rate: number): number {
  const a = m.assumptions;
  const held = Math.min(1, Math.max(0, rate));
  const { royalty, fee } = yearlyPayments(m.sales, a, (s) => held * s);
  let pv = 0;
  let feeValue = 0;
  for (let i = 0; i < royalty.length; i++) {
    pv += royalty[i] * m.discountFactor[i];
    feeValue += fee[i] * m.discountFactor[i];
  }
  return finiteResult(licensorValue(m, true, pv, feeValue), "what-risk-adjusted-licensor-value");
}

export const TABLE_HEADER = [
  "year",
  "market",
  "share",
  "sales",
  "royalty",
  "discount_factor",
  "present_value",
  "annual_fee",
  "sublicense",
  "patent_cost",
] as const;

/**
 * The yearly model with a header row, as IPVALUE.SCENARIO(..., "table") spills it. Market and share
 * are blank when the sales come from the plan's rows. The licensor's flows before the ownership share.
 */
export function scenarioTable(m: ScenarioModel): (string | number)[][] {
  const rows: (string | number)[][] = [[...TABLE_HEADER]];
  for (let i = 0; i < m.assumptions.years; i++) {
    rows.push([
      i + 1,
      m.market ? m.market[i] : "",
      m.share ? m.share[i] : "",
      m.sales[i],
      m.royalty[i],
      m.discountFactor[i],
      m.presentValue[i],
      m.fee[i],
      m.sublicense[i],
      m.patent[i],
    ]);
  }
  return rows;
}

const BASE_NAMES = new Set(["base", "base case", "ベース", "基本", "基準", "標準", "中位"]);

/** Index of the scenario called `name`, or by default the one named Base, else the middle one. */
export function pickScenario(scenarios: readonly Pick<Scenario, "name">[], name?: string | null): number {
  if (name !== undefined && name !== null && name.trim() !== "") {
    const wanted = name.trim().toLowerCase();
    const i = scenarios.findIndex((s) => s.name.toLowerCase() === wanted);
    if (i < 0)
      throw notAvailable("scenario-not-in-table", {
        scenario: quotedName(name.trim()),
        has: excerptListIn(
          scenarios.map((s) => s.name),
          (n) => quotedName(n)
        ),
      });
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
  if (scenarios.length === 0) throw invalidValue("no-scenario");
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
    if (e instanceof ValuationError && !e.message.startsWith("Scenario '")) throw wrapped(e, "in-scenario", { scenario: quotedName(name) });
    throw e;
  }
}
