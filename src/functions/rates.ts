/**
 * Royalty rates: the 25% rule (RATE25) and its inverse (PROFITSHARE), the licensee's walk-away rate
 * (MAXRATE), relief from royalty (RFR) and the rate equivalent to a lump sum (EQUIVRATE).
 */
import { DEFAULT_LICENSOR_SHARE, equivalentRate, invalidValue, maxRate, parseTiming, profitShare, rate25, reliefFromRoyalty } from "../engine";
import { scalar, toMatrix, toNumber, toOptionalNumber, toVector } from "./excel";

/**
 * Royalty rate by the 25% rule of thumb: operating_margin × licensor_share. A cross-check only, not a basis on its own: the US Federal Circuit rejected the rule as a basis for damages (Uniloc v. Microsoft, Fed. Cir. 2011).
 * @customfunction RATE25
 * @helpurl https://localhost:3000/help.html#ipvalue-rate25
 * @param operating_margin Licensee operating profit before royalty ÷ net sales, a decimal up to 1 (0.2 = 20%).
 * @param [licensor_share] Share of that profit going to the licensor, a decimal from 0 to 1 (default 0.25).
 * @returns Royalty rate as a decimal of net sales.
 */
export function rate25Fn(operating_margin: number, licensor_share?: number): number | CustomFunctions.Error {
  return scalar(() => rate25(toNumber(operating_margin, "operating_margin"), toNumber(licensor_share, "licensor_share", DEFAULT_LICENSOR_SHARE)));
}

/**
 * Share of the licensee's operating profit before royalty that a royalty rate takes: royalty_rate ÷ operating_margin (the inverse of RATE25).
 * @customfunction PROFITSHARE
 * @helpurl https://localhost:3000/help.html#ipvalue-profitshare
 * @param royalty_rate Royalty rate, a decimal of net sales from 0 to 1.
 * @param operating_margin Licensee operating profit before royalty ÷ net sales, a decimal above 0 and up to 1.
 * @returns The licensor's share of operating profit, a decimal.
 */
export function profitShareFn(royalty_rate: number, operating_margin: number): number | CustomFunctions.Error {
  return scalar(() => profitShare(toNumber(royalty_rate, "royalty_rate"), toNumber(operating_margin, "operating_margin")));
}

/**
 * The licensee's walk-away royalty rate: the rate at which its NPV at the hurdle rate is zero, (p × PV(operating profit) × (1-T) - investment) ÷ (p × PV(sales) × (1-T)). A negative result means the project fails the hurdle even royalty-free.
 * @customfunction MAXRATE
 * @helpurl https://localhost:3000/help.html#ipvalue-maxrate
 * @param sales Licensee net sales per year, year 1 first (one row or column).
 * @param operating_profit Operating profit before royalty per year (same shape as sales), or one number: a margin applied to every year's sales.
 * @param hurdle_rate Licensee's required return, a decimal above -1.
 * @param [investment] Licensee outlay at year 0 (default 0).
 * @param [tax_rate] Licensee tax rate, a decimal from 0 to below 1 (default 0).
 * @param [success_probability] Chance the sales happen, a decimal above 0 up to 1 (default 1).
 * @param [timing] "end" (default), "mid" or "begin".
 * @returns Highest royalty rate the licensee can accept, a decimal of net sales.
 */
export function maxRateFn(
  sales: any[][],
  operating_profit: any[][],
  hurdle_rate: number,
  investment?: number,
  tax_rate?: number,
  success_probability?: number,
  timing?: string
): number | CustomFunctions.Error {
  return scalar(() => {
    const s = toVector(sales, "sales").values;
    const op = toMatrix(operating_profit, "operating_profit");
    let profit: number[];
    if (op.length === 1 && op[0].length === 1) {
      const margin = toNumber(op[0][0], "operating_profit");
      if (margin > 1) throw invalidValue("margin-as-profit", { got: margin });
      profit = s.map((x) => x * margin);
    } else {
      profit = toVector(op, "operating_profit").values;
    }
    return maxRate({
      sales: s,
      operatingProfit: profit,
      hurdleRate: toNumber(hurdle_rate, "hurdle_rate"),
      investment: toNumber(investment, "investment", 0),
      taxRate: toNumber(tax_rate, "tax_rate", 0),
      successProbability: toNumber(success_probability, "success_probability", 1),
      timing: parseTiming(timing),
    });
  });
}

/**
 * Relief-from-royalty value: the after-tax royalties the owner of the technology is spared, discounted. With amortization_years n, multiplied by the tax amortization benefit 1/(1 - T × AF/n), AF the n-year annuity factor at the discount rate.
 * @customfunction RFR
 * @helpurl https://localhost:3000/help.html#ipvalue-rfr
 * @param sales Net sales per year that would bear the royalty, year 1 first.
 * @param royalty_rate Royalty rate, a decimal from 0 to 1.
 * @param tax_rate Tax rate, a decimal from 0 to below 1.
 * @param discount_rate Discount rate, a decimal above -1.
 * @param [timing] "end" (default), "mid" or "begin".
 * @param [amortization_years] Tax amortization period in whole years; omit for no amortization benefit.
 * @returns Value of the technology today, in the currency of the sales.
 */
export function rfr(
  sales: any[][],
  royalty_rate: number,
  tax_rate: number,
  discount_rate: number,
  timing?: string,
  amortization_years?: number
): number | CustomFunctions.Error {
  return scalar(() =>
    reliefFromRoyalty(
      toVector(sales, "sales").values,
      toNumber(royalty_rate, "royalty_rate"),
      toNumber(tax_rate, "tax_rate"),
      toNumber(discount_rate, "discount_rate"),
      parseTiming(timing),
      toOptionalNumber(amortization_years, "amortization_years")
    )
  );
}

/**
 * The running royalty rate whose royalties on the given sales are worth lump_sum today: lump_sum ÷ PV(sales). Converts a lump sum into a running royalty and back.
 * @customfunction EQUIVRATE
 * @helpurl https://localhost:3000/help.html#ipvalue-equivrate
 * @param lump_sum Amount paid today, 0 or more.
 * @param sales Net sales per year, year 1 first.
 * @param discount_rate Discount rate, a decimal above -1.
 * @param [timing] "end" (default), "mid" or "begin".
 * @returns Equivalent royalty rate, a decimal of net sales.
 */
export function equivRate(lump_sum: number, sales: any[][], discount_rate: number, timing?: string): number | CustomFunctions.Error {
  return scalar(() =>
    equivalentRate(toNumber(lump_sum, "lump_sum"), toVector(sales, "sales").values, toNumber(discount_rate, "discount_rate"), parseTiming(timing))
  );
}
