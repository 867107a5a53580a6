/**
 * The deal terms year by year: what the signed terms make the licensee pay on given sales (royalty
 * with tiers, the post-expiry rate and the annual minimum; annual fees; the sublicense share; patent
 * cost repayments) and the lump sums (milestones, equity and success fee at the exit). Shared by the
 * scenario model (scenario.ts), the post-signing checks and the negotiator's native formulas, which
 * follow the same rules cell by cell.
 *
 * Conventions: years are model years, year 1 first; a royalty year is one from the first year with
 * sales through term_years; amounts are in the user's currency; rates are decimals.
 */
import type { Assumptions } from "./assumptions";
import { MILESTONE_COUNT, milestoneKey } from "./assumptions";
import { discountFactor, Series, Timing } from "./discount";

/** The royalty terms that turn one year's sales into a running royalty (before the annual minimum). */
export type RoyaltyTerms = Pick<
  Assumptions,
  "royalty_rate" | "tier_1_threshold" | "tier_1_rate" | "tier_2_threshold" | "tier_2_rate" | "claims_expire_year" | "post_expiry_rate"
>;

/**
 * The running royalty on one year's sales: marginal tiers while a valid claim covers the product
 * (sales up to tier 1 at the royalty rate, between the thresholds at the tier 1 rate, above tier 2 at
 * the tier 2 rate), the flat post-expiry rate after `claims_expire_year`. Without tiers it is
 * rate × sales, exactly. Thresholds out of order (only a simulation draw can make them so) are taken
 * in ascending order.
 */
export function runningRoyalty(t: RoyaltyTerms, sales: number, year: number): number {
  if (year > t.claims_expire_year) return t.post_expiry_rate * sales;
  const t1 = t.tier_1_threshold;
  if (t1 === null) return t.royalty_rate * sales;
  const t2 = t.tier_2_threshold === null ? Infinity : Math.max(t1, t.tier_2_threshold);
  let r = t.royalty_rate * Math.min(sales, t1);
  if (sales > t1) r += t.tier_1_rate * (Math.min(sales, t2) - t1);
  if (sales > t2) r += t.tier_2_rate * (sales - t2);
  return r;
}

/** The yearly payments the terms make due on a sales series (one entry per year). */
export interface YearlyPayments {
  /** Royalty per year: max(running royalty, annual minimum) in royalty years, else 0. */
  royalty: Series;
  /** The annual fee due per year, before any credit against the royalty. */
  feeDue: Series;
  /** What the fee adds to the royalty that year: feeDue, or max(0, feeDue − royalty) when creditable. */
  fee: Series;
}

export type FeeTerms = Pick<Assumptions, "annual_fee" | "annual_fee_from_year" | "annual_fee_until_sales" | "annual_fee_creditable" | "term_years">;

/**
 * Royalties and fees due on `sales`. `royaltyOf(s, year)` is the running royalty of a year with sales
 * s (the terms' tiers, or a flat rate when a cross-check replaces them); the minimum applies in every
 * royalty year, post-expiry years included.
 */
export function yearlyPayments(
  sales: ArrayLike<number>,
  terms: FeeTerms & { annual_minimum: number },
  royaltyOf: (s: number, year: number) => number,
  out?: YearlyPayments
): YearlyPayments {
  const n = sales.length;
  const o = out ?? { royalty: new Array<number>(n).fill(0), feeDue: new Array<number>(n).fill(0), fee: new Array<number>(n).fill(0) };
  const term = terms.term_years;
  let started = false;
  for (let i = 0; i < n; i++) {
    const s = sales[i];
    if (s > 0) started = true;
    const year = i + 1;
    const royalty = started && i < term ? Math.max(royaltyOf(s, year), terms.annual_minimum) : 0;
    const due = terms.annual_fee > 0 && year >= terms.annual_fee_from_year && year <= term && !(terms.annual_fee_until_sales && started) ? terms.annual_fee : 0;
    o.royalty[i] = royalty;
    o.feeDue[i] = due;
    o.fee[i] = terms.annual_fee_creditable ? Math.max(0, due - royalty) : due;
  }
  return o;
}

/** One lump sum: paid `year` years from signing with probability `probability`. */
export interface LumpSum {
  year: number;
  amount: number;
  probability: number;
}

/** The milestones the scenario gives (amount above 0), in key order. */
export function milestonesOf(a: Assumptions): LumpSum[] {
  const list: LumpSum[] = [];
  for (let n = 1; n <= MILESTONE_COUNT; n++) {
    const amount = a[milestoneKey(n, "amount")] as number;
    const year = a[milestoneKey(n, "year")] as number | null;
    if (amount > 0 && year !== null) list.push({ year, amount, probability: a[milestoneKey(n, "probability")] as number });
  }
  return list;
}

/** Equity worth equity_share·(1 − dilution)·exit_value and the success fee success_fee·exit_value, at the exit. */
export function exitProceeds(a: Assumptions): { equity: number; successFee: number; year: number } {
  if (a.exit_value === null || a.exit_year === null) return { equity: 0, successFee: 0, year: 0 };
  return { equity: a.equity_share * (1 - a.dilution) * a.exit_value, successFee: a.success_fee * a.exit_value, year: a.exit_year };
}

/** Σ amount·(1 + r)^−year, each weighted by its probability when `risked`. */
export function lumpSumValue(lumps: readonly LumpSum[], rate: number, risked: boolean): number {
  let v = 0;
  for (const m of lumps) v += (risked ? m.probability : 1) * m.amount * discountFactor(rate, m.year, "end");
  return v;
}

/**
 * The patent-cost repayments: patent_cost_reimbursement spread evenly over patent_cost_years from
 * year 1, discounted by the timing like other yearly flows; `years` entries (the model's) for the table.
 */
export function patentRepayments(a: Pick<Assumptions, "patent_cost_reimbursement" | "patent_cost_years">, years: number): Series {
  const out = new Array<number>(years).fill(0);
  if (a.patent_cost_reimbursement === 0) return out;
  const each = a.patent_cost_reimbursement / a.patent_cost_years;
  for (let i = 0; i < Math.min(years, a.patent_cost_years); i++) out[i] = each;
  return out;
}

/** PV of the patent repayments, all of them (they may run past the years modelled). */
export function patentValue(a: Pick<Assumptions, "patent_cost_reimbursement" | "patent_cost_years">, rate: number, timing: Timing): number {
  if (a.patent_cost_reimbursement === 0) return 0;
  const each = a.patent_cost_reimbursement / a.patent_cost_years;
  let v = 0;
  for (let t = 1; t <= a.patent_cost_years; t++) v += each * discountFactor(rate, t, timing);
  return v;
}
