import { discountFactor, presentValue, rnpv, Timing } from "./discount";
import { finiteResult, phrase, requireFinite, requireFraction, requireNonNegative, requireRate } from "./errors";

export interface Milestone {
  /** When it is paid, in years from signing (2 = end of year 2; fractions allowed). */
  year: number;
  amount: number;
  /** Chance it is paid (default 1). */
  probability?: number;
}

export interface Deal {
  discountRate: number;
  upfront: number;
  milestones?: readonly Milestone[];
  /** Yearly royalties, year 1 first. */
  royalties?: ArrayLike<number>;
  /** One number or one per royalty year; default 1. */
  royaltyProbabilities?: number | ArrayLike<number>;
  timing?: Timing;
}

/** Today's value of a deal to the licensor: upfront now, milestones at their year, royalties by timing. */
export function dealValue(d: Deal): number {
  requireRate(d.discountRate, "discount_rate");
  let value = requireFinite(d.upfront, "upfront");
  (d.milestones ?? []).forEach((m, i) => {
    const row = (part: "year" | "amount" | "probability") => () => phrase(`milestone-row-${part}`, { row: i + 1 });
    requireNonNegative(m.year, row("year")); // a payment before signing is not a milestone
    requireFinite(m.amount, row("amount"));
    const p = requireFraction(m.probability ?? 1, row("probability"));
    value += p * m.amount * discountFactor(d.discountRate, m.year, "end");
  });
  if (d.royalties && d.royalties.length > 0) {
    value +=
      d.royaltyProbabilities === undefined
        ? presentValue(d.discountRate, d.royalties, d.timing ?? "end")
        : rnpv(d.discountRate, d.royalties, d.royaltyProbabilities, d.timing ?? "end", "royalty_probabilities");
  }
  return finiteResult(value, "what-deal-value");
}
