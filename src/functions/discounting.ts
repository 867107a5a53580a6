/**
 * Discounting: the present value of yearly cash flows (DCF) and its risk-adjusted form (RNPV).
 * Timing ("end", "mid", "begin") and the discounting itself are the engine's; these adapters read
 * Excel's arguments.
 */
import { dcf as dcfCore, invalidValue, parseTiming, rnpv as rnpvCore } from "../engine";
import { scalar, toMatrix, toNumber, toVector } from "./excel";

/**
 * Present value of yearly cash flows (a row or a column). Flow i is discounted by (1+rate)^i at "end" (default; equals Excel's NPV), (1+rate)^(i-0.5) at "mid", (1+rate)^(i-1) at "begin". A blank cell is a zero flow whose year still passes (Excel's NPV skips blanks instead). Rates are decimals (0.1 = 10%).
 * @customfunction DCF
 * @helpurl https://localhost:3000/help.html#ipvalue-dcf
 * @param rate Discount rate per year, a decimal above -1 (0.1 = 10%).
 * @param cashflows Yearly cash flows, year 1 first: one row or one column, in your currency.
 * @param [timing] "end" (default), "mid" or "begin": when in each year the flows happen.
 * @returns Present value today, in the currency of the flows.
 */
export function dcf(rate: number, cashflows: any[][], timing?: string): number | CustomFunctions.Error {
  return scalar(() => dcfCore(toNumber(rate, "rate"), toVector(cashflows, "cashflows").values, parseTiming(timing)));
}

/**
 * Risk-adjusted NPV: the sum of probability × cash flow, discounted as in DCF. Probabilities are cumulative (the chance the project is still alive when that flow happens), decimals from 0 to 1.
 * @customfunction RNPV
 * @helpurl https://localhost:3000/help.html#ipvalue-rnpv
 * @param rate Discount rate per year, a decimal above -1.
 * @param cashflows Yearly cash flows, year 1 first: one row or one column.
 * @param probabilities One probability for every flow, or a range of the same shape with one per flow (0 to 1).
 * @param [timing] "end" (default), "mid" or "begin".
 * @returns Risk-adjusted present value today.
 */
export function rnpv(rate: number, cashflows: any[][], probabilities: any[][], timing?: string): number | CustomFunctions.Error {
  return scalar(() => {
    const flows = toVector(cashflows, "cashflows");
    const p = toMatrix(probabilities, "probabilities");
    if (p.length === 1 && p[0].length === 1) {
      return rnpvCore(toNumber(rate, "rate"), flows.values, toNumber(p[0][0], "probabilities"), parseTiming(timing));
    }
    const probs = toVector(p, "probabilities");
    // A blank probability is accepted only beside a zero flow (a year with nothing to weigh).
    for (const i of probs.blanks) {
      if (flows.values[i] !== 0) {
        throw invalidValue("probability-blank-beside-flow", { item: i + 1 });
      }
    }
    return rnpvCore(toNumber(rate, "rate"), flows.values, probs.values, parseTiming(timing));
  });
}
