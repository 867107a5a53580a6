/**
 * Report periods worked by hand: quarters added up to their contract year before the yearly checks, so
 * the tiers and the minimum apply to the year (5 % up to 1,000 of yearly sales, 3 % above; a minimum of
 * 40); a missing quarter named and the year left without a total; the calendar's period ends and dues.
 */
import { audit, nextAuditDate, nextPeriod, PeriodReport, periodEnd, Quarter, reportDue, resolveSignedTerms, royaltyDue, yearlyReports } from "../../src/engine";

const TERMS = resolveSignedTerms(
  new Map<string, number>([
    ["royalty_rate", 0.05],
    ["tier_1_threshold", 1000],
    ["tier_1_rate", 0.03],
    ["annual_minimum", 40],
  ])
);
const q = (year: number, quarter: Quarter | null, sales: number | null, royaltyPaid: number | null): PeriodReport => ({ year, quarter, sales, royaltyPaid });
const day = (d: Date) => d.toISOString().slice(0, 10);

describe("yearlyReports", () => {
  test("four quarters add up to their year; a whole-year report stays as it is", () => {
    const y = yearlyReports([q(2, 1, 500, 25), q(1, null, 0, 0), q(2, 3, 500, 25), q(2, 2, 500, 25), q(2, 4, 500, 5)]);
    expect(y.problems).toEqual([]);
    expect(y.years).toEqual([
      { year: 1, quarters: null, missing: [], sales: 0, royaltyPaid: 0 },
      { year: 2, quarters: [1, 2, 3, 4], missing: [], sales: 2000, royaltyPaid: 80 },
    ]);
  });

  test("the tiers apply to the year's total, not to each quarter: 5 % × 1,000 + 3 % × 1,000 = 80, not 4 × 5 % × 500 = 100", () => {
    const y = yearlyReports([1, 2, 3, 4].map((k) => q(1, k as Quarter, 500, 20)));
    expect(royaltyDue([y.years[0].sales], TERMS)).toEqual([expect.closeTo(80, 12)]);
    // Paid 20 a quarter, 80 in all: no shortfall on the year, though the first quarter alone "owed" 25.
    const a = audit([y.years[0].sales], [y.years[0].royaltyPaid], TERMS);
    expect(a.total.shortfall).toBeCloseTo(0, 12);
  });

  test("the minimum is per contract year: quarters of 0, 0, 0 and 100 owe 40 for the year, not 5", () => {
    const y = yearlyReports([q(1, 1, 0, 0), q(1, 2, 0, 0), q(1, 3, 0, 0), q(1, 4, 100, 5)]);
    expect(y.years[0].sales).toBe(100);
    const a = audit([y.years[0].sales], [y.years[0].royaltyPaid], TERMS);
    expect(a.years[0].due).toBeCloseTo(40, 12);
    expect(a.years[0].shortfall).toBeCloseTo(35, 12);
  });

  test("a year with a quarter missing names it and has no total: never completed with a zero", () => {
    const y = yearlyReports([q(3, 1, 100, 5), q(3, 2, 100, 5), q(3, 4, 100, 5)]);
    expect(y.years).toEqual([{ year: 3, quarters: [1, 2, 4], missing: [3], sales: null, royaltyPaid: null }]);
  });

  test("a blank amount in one quarter leaves the year's total blank (the audit then refuses it by year)", () => {
    const y = yearlyReports([q(1, 1, 100, 5), q(1, 2, 100, null), q(1, 3, 100, 5), q(1, 4, 100, 5)]);
    expect(y.years[0]).toMatchObject({ sales: 400, royaltyPaid: null, missing: [] });
    expect(() => audit([y.years[0].sales], [y.years[0].royaltyPaid], TERMS)).toThrow(/blank/);
  });

  test("a year reported both whole and by quarter, or a quarter twice, is a problem and has no total", () => {
    const y = yearlyReports([q(1, null, 400, 20), q(1, 1, 100, 5), q(2, 2, 100, 5), q(2, 2, 50, 5)]);
    expect(y.problems).toEqual([
      { kind: "year-and-quarters", year: 1 },
      { kind: "period-twice", year: 2, quarter: 2 },
    ]);
    expect(y.years.map((r) => r.sales)).toEqual([null, null]);
  });
});

describe("the reporting calendar", () => {
  const start = new Date(Date.UTC(2026, 3, 1)); // 2026-04-01

  test("a contract year ends the day before its anniversary; its quarters every three months", () => {
    expect(day(periodEnd(start, 1))).toBe("2027-03-31");
    expect([1, 2, 3, 4].map((k) => day(periodEnd(start, 1, k as Quarter)))).toEqual(["2026-06-30", "2026-09-30", "2026-12-31", "2027-03-31"]);
    expect(day(periodEnd(start, 3, 2))).toBe("2028-09-30");
  });

  test("a report is due the set number of days after its period's end (case 7: 30)", () => {
    expect(day(reportDue(start, 1, 1, 30))).toBe("2026-07-30");
    expect(day(reportDue(start, 1, 3, 30))).toBe("2027-01-30");
    expect(day(reportDue(start, 2, null, 45))).toBe("2028-05-15");
  });

  test("a start on the 31st: the quarter ends the day before the same day three months on, or the month's last day", () => {
    const late = new Date(Date.UTC(2026, 0, 31)); // 2026-01-31 → 2026-04-30 → the quarter ends 2026-04-29
    expect(day(periodEnd(late, 1, 1))).toBe("2026-04-29");
    expect(day(periodEnd(late, 1, 4))).toBe("2027-01-30");
  });

  test("the next period: the next quarter, the next year's first after a fourth, or the next year", () => {
    expect(nextPeriod(2, 3)).toEqual({ year: 2, quarter: 4 });
    expect(nextPeriod(2, 4)).toEqual({ year: 3, quarter: 1 });
    expect(nextPeriod(2, null)).toEqual({ year: 3, quarter: null });
  });

  test("the next audit: the first end of an interval from the start that is today or later", () => {
    expect(day(nextAuditDate(start, 12, new Date(Date.UTC(2027, 5, 15))))).toBe("2028-04-01");
    expect(day(nextAuditDate(start, 12, new Date(Date.UTC(2027, 3, 1))))).toBe("2027-04-01");
    expect(day(nextAuditDate(start, 6, new Date(Date.UTC(2027, 5, 15))))).toBe("2027-10-01");
  });
});
