/**
 * After signing: what the signed terms make due on the sales the licensee reports (ROYALTYDUE), the
 * audit of what it paid against that (AUDIT: shortfalls, interest, the claim) and the diligence check
 * of the signed scenario's plan against what happened (TRACK). The terms apply exactly as the scenario
 * model applies them (deal-terms.ts: tiers, post-expiry rate, annual minimum, annual fees).
 *
 * Conventions: a contract year counts from signing (year 1 = the first year after signing, as the
 * scenario model's years); nothing is due after term_years; the minimum applies from the first
 * reported year with sales above 0 through term_years (earlier years, reported or not, owe none); a
 * blank or negative report is refused, never read as 0.
 */
import { Assumptions, AssumptionKey, planKey, REQUIRED_KEYS, resolveAssumptions } from "./assumptions";
import { RawValue } from "./cells";
import { FeeTerms, RoyaltyTerms, runningRoyalty, yearlyPayments } from "./deal-terms";
import {
  describeCellIn,
  finiteResult,
  invalidValue,
  MAX_YEARS,
  phrase,
  requireFraction,
  requireNonNegative,
  requireWholeYears,
  ValuationError,
} from "./errors";
import { runScenario } from "./scenario";

/** What the signed terms need to turn a year's sales into what is due. */
export type SignedTerms = RoyaltyTerms & FeeTerms & Pick<Assumptions, "annual_minimum">;

/**
 * The required assumptions that are not terms of a signed license, and the neutral value each takes when
 * a term sheet leaves it out: years = MAX_YEARS so that term_years (which follows it) covers every
 * contract year unless the terms say otherwise. Given in the terms, they are checked as elsewhere.
 */
export const NOT_SIGNED_TERMS: Readonly<Partial<Record<AssumptionKey, number>>> = {
  market_size: 0,
  peak_share: 0,
  years: MAX_YEARS,
  operating_margin: 0,
  discount_rate: 0,
};

/**
 * The signed terms from a term sheet as readTerms reads it (key → value): the assumptions' defaults
 * and checks apply, so a bad term is the same named #VALUE! as in the assumptions table, prefixed with
 * the argument ("terms: royalty_rate must be …"). royalty_rate is required; plan rows (sales_<t> …)
 * are refused: the sales are the reports.
 */
export function resolveSignedTerms(terms: ReadonlyMap<string, RawValue>, argument = "terms"): SignedTerms {
  const raw: Partial<Record<AssumptionKey, RawValue>> = {};
  for (const [key, value] of terms) {
    if (planKey(key)) throw invalidValue("signed-plan-row", { argument, key });
    raw[key as AssumptionKey] = value;
  }
  for (const key of REQUIRED_KEYS) if (raw[key] === undefined && key in NOT_SIGNED_TERMS) raw[key] = NOT_SIGNED_TERMS[key];
  const prefix = `Scenario '${argument}': `;
  try {
    return resolveAssumptions(raw, argument);
  } catch (e) {
    if (e instanceof ValuationError && e.message.startsWith(prefix)) throw new ValuationError(e.kind, "in-argument", { argument, message: e.params.message });
    throw e;
  }
}

/**
 * A yearly report as read (null = a blank cell), checked: a number of 0 or more for every year, the
 * contract years within 1 … MAX_YEARS. Errors name the item and its contract year.
 */
export function reportedValues(values: readonly (number | null)[], argument: string, firstYear = 1): number[] {
  requireWholeYears(firstYear, "first_year");
  if (values.length === 0) throw invalidValue("empty", { argument });
  const last = firstYear + values.length - 1;
  if (last > MAX_YEARS) throw invalidValue("report-past-last-year", { argument, last, max: MAX_YEARS });
  return values.map((v, i) => {
    const where = () => phrase("report-item", { argument, item: i + 1, year: firstYear + i });
    if (v === null) throw invalidValue("report-blank", { where: where() });
    if (typeof v !== "number" || !Number.isFinite(v)) throw invalidValue("finite-number", { name: where(), got: describeCellIn(v) });
    if (v < 0) throw invalidValue("non-negative", { name: where(), got: v });
    return v;
  });
}

/** What the terms make due in each reported year: the royalty (tiers or post-expiry rate, at least the minimum) and the annual fee it adds. */
export interface PaymentsDue {
  royalty: number[];
  fee: number[];
  /** royalty + fee: the year's total. */
  due: number[];
}

/**
 * The payments due on reported sales, the i-th value in contract year firstYear + i, by the scenario
 * model's own rule (yearlyPayments): the years before firstYear count as years without sales.
 */
export function paymentsDue(sales: readonly number[], terms: SignedTerms, firstYear = 1): PaymentsDue {
  const offset = firstYear - 1;
  const series = new Array<number>(offset + sales.length).fill(0);
  sales.forEach((s, i) => (series[offset + i] = s));
  const p = yearlyPayments(series, terms, (s, year) => runningRoyalty(terms, s, year));
  const royalty = p.royalty.slice(offset) as number[];
  const fee = p.fee.slice(offset) as number[];
  return {
    royalty,
    fee,
    due: royalty.map((r, i) => finiteResult(r + fee[i], "what-royalty-due")),
  };
}

/**
 * ROYALTYDUE: the royalty and annual fees the signed terms make due on each reported year's net sales
 * (the i-th value in contract year firstYear + i). Years after term_years owe nothing; a year with no
 * sales before the first year with sales owes no minimum (an annual fee may still be due), one after it
 * owes the minimum.
 */
export function royaltyDue(sales: readonly (number | null)[], terms: SignedTerms, firstYear = 1): number[] {
  return paymentsDue(reportedValues(sales, "sales", firstYear), terms, firstYear).due;
}

export interface AuditOptions {
  /** The shortfall, as a share of the total due, from which the audit's cost is claimed (case 7: 0.05). */
  threshold?: number;
  /** Yearly interest on a shortfall, compounded to the last reported year. */
  interestRate?: number;
  auditCost?: number;
  firstYear?: number;
}

export interface AuditYear {
  year: number;
  sales: number;
  due: number;
  reported: number;
  /** max(0, due − reported): an overpayment is not netted against another year. */
  shortfall: number;
  /** shortfall ÷ due (0 when nothing was due). */
  share: number;
  interest: number;
  /** shortfall + interest. */
  claim: number;
}

export interface Audit {
  years: AuditYear[];
  total: Omit<AuditYear, "year">;
  /** The total shortfall is above 0 and at least threshold × the total due: the audit's cost is claimed. */
  auditCostDue: boolean;
}

export const DEFAULT_AUDIT_THRESHOLD = 0.05;

/**
 * AUDIT: each reported year's royalty due against what the licensee reported (paid): the shortfall
 * max(0, due − reported), its share of the due, and interest shortfall × ((1 + r)^(n − i) − 1) for the
 * i-th of n years (compounded yearly to the last reported year, which bears none). The claim is the
 * total shortfall plus the total interest, plus the audit's cost when the total shortfall is above 0
 * and at least threshold × the total due.
 */
export function audit(sales: readonly (number | null)[], reported: readonly (number | null)[], terms: SignedTerms, options: AuditOptions = {}): Audit {
  const firstYear = options.firstYear ?? 1;
  const threshold = requireFraction(options.threshold ?? DEFAULT_AUDIT_THRESHOLD, "threshold");
  const rate = requireNonNegative(options.interestRate ?? 0, "interest_rate");
  const cost = requireNonNegative(options.auditCost ?? 0, "audit_cost");
  const s = reportedValues(sales, "sales", firstYear);
  const paid = reportedValues(reported, "reported_royalty", firstYear);
  if (paid.length !== s.length) throw invalidValue("reports-lengths", { reported: paid.length, sales: s.length });
  const { due } = paymentsDue(s, terms, firstYear);
  const n = s.length;
  const years = s.map((sale, i): AuditYear => {
    const shortfall = Math.max(0, due[i] - paid[i]);
    // No shortfall, no interest (0 × an overflowing factor would be NaN).
    const interest = shortfall > 0 ? finiteResult(shortfall * Math.expm1((n - 1 - i) * Math.log1p(rate)), "what-interest") : 0;
    return {
      year: firstYear + i,
      sales: sale,
      due: due[i],
      reported: paid[i],
      shortfall,
      share: due[i] > 0 ? shortfall / due[i] : 0,
      interest,
      claim: shortfall + interest,
    };
  });
  const sum = (f: (y: AuditYear) => number) =>
    finiteResult(
      years.reduce((t, y) => t + f(y), 0),
      "what-audit-total"
    );
  const total = {
    sales: sum((y) => y.sales),
    due: sum((y) => y.due),
    reported: sum((y) => y.reported),
    shortfall: sum((y) => y.shortfall),
    interest: sum((y) => y.interest),
  };
  const share = total.due > 0 ? total.shortfall / total.due : 0;
  // The share against the threshold (not shortfall against threshold × due): 15 of 300 is 5 % exactly.
  const auditCostDue = total.shortfall > 0 && share >= threshold;
  const claim = finiteResult(total.shortfall + total.interest + (auditCostDue ? cost : 0), "what-claim");
  return { years, total: { ...total, share, claim }, auditCostDue };
}

export const AUDIT_HEADER = ["year", "sales", "due", "reported", "shortfall", "shortfall_share", "interest", "claim"] as const;

/** AUDIT's spill: the header, one row per year, the total row (its last cell the amount to claim). */
export function auditTable(a: Audit): (string | number)[][] {
  const row = (year: string | number, y: Omit<AuditYear, "year">) => [year, y.sales, y.due, y.reported, y.shortfall, y.share, y.interest, y.claim];
  return [[...AUDIT_HEADER], ...a.years.map((y) => row(y.year, y)), row("total", a.total)];
}

export interface TrackYear {
  year: number;
  planSales: number;
  actualSales: number;
  /** actual − plan. */
  variance: number;
  /** What the terms make due on the plan's sales (royalty and fees), as the scenario model has it. */
  planDue: number;
  /** What they make due on the actual sales. */
  actualDue: number;
  /** Cumulative actual ÷ cumulative plan sales; null while the plan has no sales yet. */
  ratio: number | null;
  belowTrigger: boolean;
  /** A royalty year whose running royalty on actual sales fell short of the annual minimum. */
  minimumNotReached: boolean;
}

export const DEFAULT_TRACK_TRIGGER = 0.5;

/**
 * TRACK: the signed scenario's plan against the actual sales, year 1 first (contract years as the model's
 * years). A year is flagged when cumulative actual sales fall below trigger × cumulative plan sales, or
 * when the minimum royalty applied because the running royalty did not reach it.
 */
export function track(a: Assumptions, actualSales: readonly (number | null)[], trigger = DEFAULT_TRACK_TRIGGER): TrackYear[] {
  requireFraction(trigger, "trigger");
  const actual = reportedValues(actualSales, "actual_sales");
  if (actual.length > a.years) throw invalidValue("actual-sales-too-long", { actual: actual.length, years: a.years });
  const plan = runScenario(a);
  const onActual = paymentsDue(actual, a);
  let cumPlan = 0;
  let cumActual = 0;
  return actual.map((s, i): TrackYear => {
    cumPlan += plan.sales[i];
    cumActual += s;
    const ratio = cumPlan > 0 ? finiteResult(cumActual / cumPlan, "what-cumulative-ratio") : null;
    return {
      year: i + 1,
      planSales: plan.sales[i],
      actualSales: s,
      variance: finiteResult(s - plan.sales[i], "what-variance"),
      planDue: finiteResult(plan.royalty[i] + plan.fee[i], "what-plan-royalty"),
      actualDue: onActual.due[i],
      ratio,
      belowTrigger: ratio !== null && ratio < trigger,
      // Outside the royalty years the royalty is 0, so only a year where the minimum applied can differ.
      minimumNotReached: onActual.royalty[i] > runningRoyalty(a, s, i + 1),
    };
  });
}

export const TRACK_HEADER = ["year", "plan_sales", "actual_sales", "variance", "plan_royalty", "royalty_due", "cumulative_ratio", "flag", "reason"] as const;

/** TRACK's spill: the header and one row per year; the ratio blank while the plan has no sales, the reason in words. */
export function trackTable(years: readonly TrackYear[]): (string | number | boolean)[][] {
  return [
    [...TRACK_HEADER],
    ...years.map((y) => {
      const reasons = [y.belowTrigger ? "below trigger" : "", y.minimumNotReached ? "minimum not reached" : ""].filter((r) => r !== "");
      return [y.year, y.planSales, y.actualSales, y.variance, y.planDue, y.actualDue, y.ratio ?? "", reasons.length > 0, reasons.join("; ")];
    }),
  ];
}
