/**
 * Deals: the value of a whole deal to the licensor, upfront, milestones and royalties (DEAL), the
 * likelihood of reaching the market from stage-transition probabilities (LOA), and published license
 * models as deal terms (TERMS).
 */
import { cumulativeProbabilities, dealValue, invalidValue, likelihoodOfSuccess, Milestone, parseTiming, termsPreset } from "../engine";
import { isBlankCell, isBlankRange, isOmitted, matrix, scalar, spill, toBoolean, toMatrix, toNumber, toOptionalName, toVector } from "./excel";

/**
 * Today's value of a whole deal to the licensor: the upfront fee at signing, each milestone at its year (weighted by its probability when a third column gives one), and the royalty stream discounted as in DCF.
 * @customfunction DEAL
 * @helpurl https://localhost:3000/help.html#ipvalue-deal
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
        throw invalidValue("milestones-columns", { got: m[0].length });
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
 * @helpurl https://localhost:3000/help.html#ipvalue-loa
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

/**
 * A published license model as deal terms, ready for OFFER or to copy into the assumptions table: a header row (key, value, unit, citation, note_en, note_ja) and one row per term, each an assumption key (royalty_rate, post_expiry_rate, upfront, annual_fee, equity_share, success_fee …) with the source's figure. Presets: case7_a, case7_b_no_approval, case7_b_approval (US express licenses), case6_startup, case6_large (a French tech-transfer office), from the JPO 2026 case collection. Amounts are in the source's currency (USD or EUR) times exchange_rate; rates and shares are decimals (0.05 = 5%) and are not converted, nor are years and TRUE/FALSE. A blank value depends on the deal (its note says what to enter); OFFER keeps the scenario's own value there.
 * @customfunction TERMS
 * @helpurl https://localhost:3000/help.html#ipvalue-terms
 * @param preset The license model: case7_a, case7_b_no_approval, case7_b_approval, case6_startup or case6_large (case does not matter).
 * @param [exchange_rate] Units of the model's currency per unit of the source's currency (e.g. 150 for yen per US dollar); a number above 0, default 1.
 * @returns The preset's terms under a header row.
 */
export function terms(preset: string, exchange_rate?: number): any[][] {
  return matrix(() => termsPreset(toOptionalName(preset, "preset") ?? "", toNumber(exchange_rate, "exchange_rate", 1)));
}
