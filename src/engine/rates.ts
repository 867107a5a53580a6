import { annuityFactor, newSeries, presentValue, Timing } from "./discount";
import {
  finiteResult,
  invalidNumber,
  invalidValue,
  keyName,
  phrase,
  requireAtMostOne,
  requireFinite,
  requireFraction,
  requireNonNegative,
  requireRate,
  requireWholeYears,
} from "./errors";

/**
 * The 25% rule: the licensor takes about a quarter of the licensee's operating profit.
 * A cross-check only: the US Federal Circuit rejected it as a basis for damages
 * (Uniloc USA v. Microsoft, 632 F.3d 1292, Fed. Cir. 2011).
 */
/** The licensor's share of the licensee's operating profit by the 25% rule. */
export const DEFAULT_LICENSOR_SHARE = 0.25;

export function rate25(operatingMargin: number, licensorShare = DEFAULT_LICENSOR_SHARE): number {
  requireAtMostOne(operatingMargin, "operating_margin");
  requireFraction(licensorShare, "licensor_share");
  if (operatingMargin < 0) throw invalidNumber("margin-negative", { name: keyName("operating_margin"), margin: operatingMargin });
  return operatingMargin * licensorShare;
}

/** Share of the licensee's operating profit (before royalty) that a royalty rate takes: rate / margin. */
export function profitShare(royaltyRate: number, operatingMargin: number): number {
  requireFraction(royaltyRate, "royalty_rate");
  requireFinite(operatingMargin, "operating_margin");
  if (operatingMargin > 1) throw invalidValue("at-most-one", { name: keyName("operating_margin"), got: operatingMargin });
  if (operatingMargin <= 0) throw invalidNumber("margin-not-positive", { name: keyName("operating_margin"), got: operatingMargin });
  return royaltyRate / operatingMargin;
}

export interface LicenseeEconomics {
  sales: ArrayLike<number>;
  /** Operating profit before royalty, year by year (same length as sales). */
  operatingProfit: ArrayLike<number>;
  hurdleRate: number;
  /** Licensee's outlay at year 0 (plant, launch, any upfront fee). */
  investment?: number;
  taxRate?: number;
  successProbability?: number;
  timing?: Timing;
  /** Sales that bear the royalty, if not all of `sales` (e.g. only the royalty term). */
  royaltyBase?: ArrayLike<number>;
}

/**
 * The licensee's walk-away royalty rate: the rate at which its NPV at the hurdle rate is zero,
 * (p·PV(OP)·(1−T) − I) / (p·PV(royalty base)·(1−T)). Negative means the project fails its hurdle
 * even royalty-free.
 */
export function maxRate(e: LicenseeEconomics): number {
  const investment = requireNonNegative(e.investment ?? 0, "investment");
  const tax = requireFraction(e.taxRate ?? 0, "tax_rate", { below1: true });
  const p = requireFraction(e.successProbability ?? 1, "success_probability", { above0: true });
  requireRate(e.hurdleRate, "hurdle_rate");
  if (e.operatingProfit.length !== e.sales.length) {
    throw invalidValue("profit-per-sales-year", { got: e.operatingProfit.length, years: e.sales.length });
  }
  const timing = e.timing ?? "end";
  const base = e.royaltyBase ?? e.sales;
  const denominator = p * presentValue(e.hurdleRate, base, timing) * (1 - tax);
  if (!(denominator > 0)) throw invalidNumber("no-sales-walk-away");
  const numerator = p * presentValue(e.hurdleRate, e.operatingProfit, timing) * (1 - tax) - investment;
  return finiteResult(numerator / denominator, "what-walk-away-rate");
}

/**
 * Relief from royalty: the after-tax royalties the owner is spared, discounted; with an amortization
 * period n, times the tax amortization benefit 1/(1 − T·AF/n), AF the n-year annuity factor.
 */
export function reliefFromRoyalty(
  sales: ArrayLike<number>,
  royaltyRate: number,
  taxRate: number,
  discountRate: number,
  timing: Timing = "end",
  amortizationYears?: number
): number {
  requireFraction(royaltyRate, "royalty_rate");
  requireFraction(taxRate, "tax_rate", { below1: true });
  requireRate(discountRate, "discount_rate");
  const value = royaltyRate * (1 - taxRate) * presentValue(discountRate, sales, timing);
  if (amortizationYears === undefined) return finiteResult(value, "what-relief-from-royalty");
  requireWholeYears(amortizationYears, "amortization_years");
  const shield = (taxRate * annuityFactor(discountRate, amortizationYears, timing)) / amortizationYears;
  if (!(shield < 1)) throw invalidNumber("amortization-benefit-infinite", { shield });
  return finiteResult(value / (1 - shield), "what-relief-from-royalty");
}

/** The running royalty rate whose discounted royalties equal `lumpSum` today. */
export function equivalentRate(lumpSum: number, sales: ArrayLike<number>, discountRate: number, timing: Timing = "end"): number {
  requireNonNegative(lumpSum, "lump_sum");
  requireRate(discountRate, "discount_rate");
  const pv = presentValue(discountRate, sales, timing);
  if (!(pv > 0)) throw invalidNumber("sales-worthless-equivalent");
  return finiteResult(lumpSum / pv, "what-equivalent-rate");
}

/** Chance of passing every stage: the product of the stage-transition probabilities. */
export function likelihoodOfSuccess(transitions: ArrayLike<number>): number {
  let p = 1;
  for (let i = 0; i < transitions.length; i++) p *= requireFraction(transitions[i], phrase("item-of", { name: "phase_probabilities", item: i + 1 }));
  return p;
}

/** Cumulative probability after each stage: the running product of the transitions. */
export function cumulativeProbabilities(transitions: ArrayLike<number>): number[] {
  const out = newSeries(transitions.length);
  let p = 1;
  for (let i = 0; i < transitions.length; i++) {
    p *= requireFraction(transitions[i], phrase("item-of", { name: "phase_probabilities", item: i + 1 }));
    out[i] = p;
  }
  return out;
}
