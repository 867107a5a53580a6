/**
 * Report periods after signing: a licensee reports a contract year whole or quarter by quarter. The
 * yearly checks (tiers, the annual minimum, the fees: ROYALTYDUE, AUDIT, TRACK) apply per contract year,
 * so quarters are added up to their year first; a year with some quarters but not all four is reported
 * as incomplete (its missing quarters named), never completed with zeros. And the reporting calendar:
 * each period's end counted from the contract's start, its report due a number of days after it.
 *
 * Conventions: contract year y runs from the start date's (y − 1)-th anniversary to the day before its
 * y-th; its quarter q ends the day before 3q months into it (a start on the 31st ends a quarter on the
 * month's last day but one where the month is shorter, as addMonths keeps the day where the month has it).
 */

export type Quarter = 1 | 2 | 3 | 4;
export const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];

/** One report as typed: a contract year, and the quarter it covers (null = the whole year); null amounts = blank. */
export interface PeriodReport {
  year: number;
  quarter: Quarter | null;
  sales: number | null;
  royaltyPaid: number | null;
}

/** A contract year's reports added up. */
export interface ReportedYear {
  year: number;
  /** The quarters reported, ascending; null when the year is reported whole. */
  quarters: Quarter[] | null;
  /** The quarters not reported in a year reported by quarter (empty when complete or whole). */
  missing: Quarter[];
  /** The year's total; null when a period's amount is blank, or a quarter is missing (the total is not known). */
  sales: number | null;
  royaltyPaid: number | null;
}

export type PeriodProblem = { kind: "year-and-quarters"; year: number } | { kind: "period-twice"; year: number; quarter: Quarter | null };

/** The reports added up by contract year, in year order, with what prevents a year's total. */
export interface YearlyReports {
  years: ReportedYear[];
  /** A year reported both whole and by quarter, or a period reported twice: that year has no total. */
  problems: PeriodProblem[];
}

const sumOrNull = (xs: readonly (number | null)[]): number | null => (xs.some((x) => x === null) ? null : xs.reduce<number>((t, x) => t + (x as number), 0));

/**
 * The reports added up by contract year: a whole-year report as it is, four quarters as their sums
 * (tiers and the minimum then apply to the year, not to each quarter); a year with quarters missing
 * lists them and has no total.
 */
export function yearlyReports(reports: readonly PeriodReport[]): YearlyReports {
  const problems: PeriodProblem[] = [];
  const byYear = new Map<number, PeriodReport[]>();
  for (const r of reports) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r]);
  const years = [...byYear.keys()]
    .sort((a, b) => a - b)
    .map((year): ReportedYear => {
      const list = byYear.get(year)!;
      const whole = list.filter((r) => r.quarter === null);
      const byQuarter = list.filter((r) => r.quarter !== null);
      const seen = new Set<Quarter | null>();
      for (const r of list) {
        if (seen.has(r.quarter)) problems.push({ kind: "period-twice", year, quarter: r.quarter });
        seen.add(r.quarter);
      }
      if (whole.length > 0 && byQuarter.length > 0) problems.push({ kind: "year-and-quarters", year });
      const clash = problems.some((p) => p.year === year);
      if (byQuarter.length === 0) {
        const r = whole[0];
        return { year, quarters: null, missing: [], sales: clash ? null : r.sales, royaltyPaid: clash ? null : r.royaltyPaid };
      }
      const quarters = QUARTERS.filter((q) => byQuarter.some((r) => r.quarter === q));
      const missing = QUARTERS.filter((q) => !quarters.includes(q));
      const known = !clash && missing.length === 0;
      return {
        year,
        quarters,
        missing,
        sales: known ? sumOrNull(byQuarter.map((r) => r.sales)) : null,
        royaltyPaid: known ? sumOrNull(byQuarter.map((r) => r.royaltyPaid)) : null,
      };
    });
  return { years, problems };
}

// ---- the reporting calendar ----

/** The date `months` months after d, the day kept where the month has it, else the month's last day. */
export function addMonths(d: Date, months: number): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last)));
}

export const addDays = (d: Date, days: number): Date => new Date(d.getTime() + days * 86400000);

/** The last day of a period: contract year `year` whole (quarter null) or its quarter, counted from the start date. */
export const periodEnd = (start: Date, year: number, quarter: Quarter | null = null): Date =>
  addDays(addMonths(start, 12 * (year - 1) + (quarter === null ? 12 : 3 * quarter)), -1);

/** The day a period's report is due: `dueDays` days after the period's end. */
export const reportDue = (start: Date, year: number, quarter: Quarter | null, dueDays: number): Date => addDays(periodEnd(start, year, quarter), dueDays);

/** The period after a report: the next quarter (the next year's first after a fourth), or the next year. */
export const nextPeriod = (year: number, quarter: Quarter | null): { year: number; quarter: Quarter | null } =>
  quarter === null ? { year: year + 1, quarter: null } : quarter === 4 ? { year: year + 1, quarter: 1 } : { year, quarter: (quarter + 1) as Quarter };

/** The earliest date an audit may next be made: the first end of an audit interval from the start that is `today` or later. */
export function nextAuditDate(start: Date, intervalMonths: number, today: Date): Date {
  let k = 1;
  while (addMonths(start, k * intervalMonths) < today) k++;
  return addMonths(start, k * intervalMonths);
}
