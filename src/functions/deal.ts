/**
 * Deals: the value of a whole deal to the licensor, upfront, milestones and royalties (DEAL), and the
 * likelihood of reaching the market from stage-transition probabilities (LOA).
 */
import { cumulativeProbabilities, dealValue, invalidValue, likelihoodOfSuccess, Milestone, parseTiming } from "../engine";
import { isBlankCell, isBlankRange, isOmitted, matrix, scalar, spill, toBoolean, toMatrix, toNumber, toVector } from "./excel";

/**
 * Today's value of a whole deal to the licensor: the upfront fee at signing, each milestone at its year (weighted by its probability when a third column gives one), and the royalty stream discounted as in DCF.
 * @customfunction DEAL
 * @param discount_rate Discount rate, a decimal above -1.
 * @param upfront Fee paid at signing (year 0).
 * @param milestones Two columns, year and amount (a third, optional: probability 0 to 1, blank = 1); blank rows are skipped. Use "" for none.
 * @param royalties Royalties per year, year 1 first (one row or column). Use "" for none.
 * @param [timing] "end" (default), "mid" or "begin", for the royalties.
 * @param [royalty_probabilities] Probability that royalties are paid: one number or one per year (default 1).
 * @returns Value of the deal today.
 */
export function deal(
  discount_rate: number,
  upfront: number,
  milestones: any[][],
  royalties: any[][],
  timing?: string,
  royalty_probabilities?: any[][]
): number | CustomFunctions.Error {
  return scalar(() => {
    const list: Milestone[] = [];
    const m = toMatrix(milestones, "milestones");
    if (!isBlankRange(m)) {
      if (m[0].length < 2 || m[0].length > 3) {
        throw invalidValue(`milestones must have 2 columns (year, amount) or 3 (year, amount, probability); got ${m[0].length}`);
      }
      m.forEach((row, i) => {
        if (row.every(isBlankCell)) return;
        const label = `milestones (row ${i + 1})`;
        list.push({
          year: toNumber(row[0], `${label} year`),
          amount: toNumber(row[1], `${label} amount`),
          probability: row.length > 2 ? toNumber(row[2], `${label} probability`, 1) : 1,
        });
      });
    }
    const r = toMatrix(royalties, "royalties");
    const flows = isBlankRange(r) ? undefined : toVector(r, "royalties").values;
    let probs: number | number[] | undefined;
    if (!isOmitted(royalty_probabilities)) {
      const p = toMatrix(royalty_probabilities, "royalty_probabilities");
      probs = p.length === 1 && p[0].length === 1 ? toNumber(p[0][0], "royalty_probabilities", 1) : toVector(p, "royalty_probabilities", null).values;
    }
    return dealValue({
      discountRate: toNumber(discount_rate, "discount_rate"),
      upfront: toNumber(upfront, "upfront", 0),
      milestones: list,
      royalties: flows,
      royaltyProbabilities: probs,
      timing: parseTiming(timing),
    });
  });
}

/**
 * Likelihood of reaching the market: the product of the stage-transition probabilities (e.g. phase I→II, II→III, III→filing, filing→approval). With cumulative TRUE, spills the running product after each stage, ready for RNPV.
 * @customfunction LOA
 * @param phase_probabilities Transition probabilities of each stage, decimals from 0 to 1 (one row or column).
 * @param [cumulative] FALSE (default): one number, the overall likelihood. TRUE: the probability after each stage, same orientation.
 * @returns Likelihood of success as a decimal, or the cumulative probabilities.
 */
export function loa(phase_probabilities: any[][], cumulative?: boolean): any[][] {
  return matrix(() => {
    const v = toVector(phase_probabilities, "phase_probabilities", null);
    if (!toBoolean(cumulative, "cumulative", false)) return [[likelihoodOfSuccess(v.values)]];
    return spill(cumulativeProbabilities(v.values), v.orientation);
  });
}
