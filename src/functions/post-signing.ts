/**
 * After signing: the royalty the signed terms make due on reported sales (ROYALTYDUE), the audit of
 * what was paid (AUDIT) and the diligence check of the plan against actual sales (TRACK).
 */
import {
  audit as auditReports,
  auditTable,
  DEFAULT_AUDIT_THRESHOLD,
  DEFAULT_TRACK_TRIGGER,
  pickScenario,
  readTerms,
  reportedValues,
  resolveSignedTerms,
  royaltyDue as dueOn,
  track as trackPlan,
  trackTable,
  withScenario,
} from "../engine";
import { readScenarios } from "./arguments";
import { matrix, spill, toMatrix, toNumber, toOptionalName, toVector, Vector } from "./excel";

/** A yearly report (a row or column): blank cells as null, so that the engine refuses them by year. */
function reports(value: unknown, name: string): { values: (number | null)[]; orientation: Vector["orientation"] } {
  const v = toVector(value, name, 0);
  const values: (number | null)[] = [...v.values];
  for (const i of v.blanks) values[i] = null;
  return { values, orientation: v.orientation };
}

const signedTerms = (terms: unknown) => resolveSignedTerms(readTerms(toMatrix(terms, "terms")));

/**
 * The royalty the signed terms make due on the net sales reported each year, applying the royalty rate, the tiers, the post-expiry rate after claims_expire_year, the annual minimum and the annual fees exactly as the scenario model does (royalty plus the fee, or the larger of the two when the fee is creditable). Years after term_years owe nothing; years before the first year with sales owe no minimum (an annual fee may be due), every year after it owes at least the minimum. A blank or negative sales cell is refused. Spills one value per year in the orientation of sales.
 * @customfunction ROYALTYDUE
 * @helpurl https://localhost:3000/help.html#ipvalue-royaltydue
 * @param sales Reported net sales per year (one row or column), 0 for a year without sales.
 * @param terms The signed terms, two columns or more: the key (royalty_rate, tier_1_threshold, tier_1_rate, claims_expire_year, post_expiry_rate, annual_minimum, annual_fee, term_years …) and its value, as for OFFER; royalty_rate is required, blank terms take their defaults.
 * @param [first_year] The contract year of the first value (1 = the first year after signing, the default).
 * @returns The amount due for each year.
 */
export function royaltyDue(sales: any[][], terms: any[][], first_year?: number): any[][] {
  return matrix(() => {
    const s = reports(sales, "sales");
    return spill(dueOn(s.values, signedTerms(terms), toNumber(first_year, "first_year", 1)), s.orientation);
  });
}

/**
 * Audits the royalties reported (paid) against what the signed terms make due on the reported sales (as ROYALTYDUE). Spills a header (year, sales, due, reported, shortfall, shortfall_share, interest, claim), one row per year and a total row. Shortfall = max(0, due − reported): an overpayment is not netted against other years. Interest on the i-th of n years = shortfall × ((1 + interest_rate)^(n − i) − 1), compounded to the last reported year. The total row's claim = total shortfall + total interest, plus audit_cost when the total shortfall is above 0 and at least threshold × the total due. A blank cell is refused (0 for nothing paid).
 * @customfunction AUDIT
 * @helpurl https://localhost:3000/help.html#ipvalue-audit
 * @param sales Reported net sales per year (one row or column).
 * @param reported_royalty Royalty reported (paid) per year, as many years as sales.
 * @param terms The signed terms as for ROYALTYDUE (key and value).
 * @param [threshold] Shortfall as a share of the total due from which the audit's cost is claimed, a decimal from 0 to 1 (default 0.05, case 7's 5%).
 * @param [interest_rate] Yearly interest on a shortfall, a decimal of 0 or more (default 0).
 * @param [audit_cost] The audit's cost, claimed when the threshold is reached (default 0).
 * @param [first_year] The contract year of the first value (default 1).
 * @returns The audit table; the total row's last cell is the amount to claim.
 */
export function audit(
  sales: any[][],
  reported_royalty: any[][],
  terms: any[][],
  threshold?: number,
  interest_rate?: number,
  audit_cost?: number,
  first_year?: number
): any[][] {
  return matrix(() =>
    auditTable(
      auditReports(reports(sales, "sales").values, reports(reported_royalty, "reported_royalty").values, signedTerms(terms), {
        threshold: toNumber(threshold, "threshold", DEFAULT_AUDIT_THRESHOLD),
        interestRate: toNumber(interest_rate, "interest_rate", 0),
        auditCost: toNumber(audit_cost, "audit_cost", 0),
        firstYear: toNumber(first_year, "first_year", 1),
      })
    )
  );
}

/**
 * The signed scenario's plan against actual sales, year 1 first: spills a header (year, plan_sales, actual_sales, variance, plan_royalty, royalty_due, cumulative_ratio, flag, reason) and one row per year of actual_sales. Variance = actual − plan; plan_royalty and royalty_due are what the scenario's terms make due (royalty and fees) on the plan's and on the actual sales; cumulative_ratio = cumulative actual ÷ cumulative plan sales (blank while the plan has none). The flag is TRUE when that ratio falls below trigger or the running royalty did not reach the annual minimum: the diligence signal for renegotiation.
 * @customfunction TRACK
 * @helpurl https://localhost:3000/help.html#ipvalue-track
 * @param assumptions The assumptions table, headers included.
 * @param actual_sales Actual net sales per year from year 1 (one row or column), at most the scenario's years.
 * @param [scenario] The signed scenario (default: the one named Base, else the middle column).
 * @param [trigger] The cumulative ratio below which a year is flagged, a decimal from 0 to 1 (default 0.5).
 * @returns The plan against actual, one row per year.
 */
export function track(assumptions: any[][], actual_sales: any[][], scenario?: string, trigger?: number): any[][] {
  return matrix(() => {
    const scenarios = readScenarios(assumptions);
    const chosen = scenarios[pickScenario(scenarios, toOptionalName(scenario, "scenario"))];
    // The reports checked before the scenario: a blank is the argument's error, not the scenario's.
    const actual = reportedValues(reports(actual_sales, "actual_sales").values, "actual_sales");
    const level = toNumber(trigger, "trigger", DEFAULT_TRACK_TRIGGER);
    return trackTable(withScenario(chosen.name, () => trackPlan(chosen.assumptions, actual, level)));
  });
}
