/**
 * License monitoring's pure model: the figures the pane shows are the functions' own (IPVALUE.AUDIT and
 * IPVALUE.TRACK called as Excel calls them on the same reports, terms and plan), the signed terms are
 * the offer's over the Base scenario's, edits are checked, the reporting calendar follows case 7's
 * figures, and a save keeps what the grid changed meanwhile.
 */
import { exampleSet } from "../../../src/taskpane/model/examples";
import { setOfferTerm } from "../../../src/model/scenario-set";
import { assumptionsTableValues } from "../../../src/model/table-layout";
import {
  addReport,
  emptyMonitoring,
  mergeMonitoring,
  Monitoring,
  monitoringFigures,
  parsePeriod,
  removeReport,
  reportingCalendar,
  setReport,
  setReportPeriod,
  setSetting,
  signedTermRows,
} from "../../../src/taskpane/model/monitoring";
import { col, F, grid } from "../../functions/helpers";

const SET = exampleSet("medical-device", "en");
// Base's plan sales in years 1–5 (test/functions/post-signing.test.ts): none before launch in year 3.
const SALES = [0, 0, 405.6e6, 843.648e6, 1316.09088e6];
// Year 4 paid 7 % short; the rest as due (3 %, at least the 5e6 minimum from the first sale on).
const PAID = [0, 0, 12.168e6, 25.30944e6 * 0.93, 39.4827264e6];

function reports(sales: number[], paid: number[], from = 1): Monitoring {
  let m = emptyMonitoring();
  sales.forEach((s, i) => {
    m = addReport(m);
    const year = from + i;
    if (i === 0 && from !== 1) m = setReportPeriod(m, 1, String(from));
    m = setReport(setReport(m, year, "sales", String(s)), year, "royaltyPaid", String(paid[i]));
  });
  return m;
}

const settings = (m: Monitoring, threshold: string, rate: string, cost: string) =>
  setSetting(setSetting(setSetting(m, "threshold", threshold), "interestRate", rate), "auditCost", cost);

/** The pane's audit as AUDIT's spill: header, years, total. */
const asSpill = (m: Monitoring, set = SET) => {
  const a = monitoringFigures(set, m, "en").audit!;
  return [
    ["year", "sales", "due", "reported", "shortfall", "shortfall_share", "interest", "claim"],
    ...a.years.map((y) => [y.year, y.sales, y.due, y.reported, y.shortfall, y.share, y.interest, y.claim]),
    ["total", a.total.sales, a.total.due, a.total.reported, a.total.shortfall, a.total.share, a.total.interest, a.total.claim],
  ];
};

describe("license monitoring figures", () => {
  test("the audit equals IPVALUE.AUDIT on the same reports and the Base scenario's terms, above the threshold with interest and cost", () => {
    const m = settings(reports(SALES, PAID), "5", "6", "2000000");
    const terms = signedTermRows(SET, "en");
    expect(terms.scenario).toBe("Base");
    const expected = grid(F.AUDIT(col(...SALES), col(...PAID), [["key", "value"], ...terms.rows], 0.05, 0.06, 2e6, 1));
    expect(asSpill(m)).toEqual(expected);
    // The claim by hand: year 4's 7 % shortfall with a year's interest at 6 %; 7 % × 25.3e6 of 76.96e6 due is 2.3 % < 5 %: no audit cost.
    const shortfall = 25.30944e6 * 0.07;
    expect(monitoringFigures(SET, m, "en").audit!.total.claim).toBeCloseTo(shortfall * 1.06, 4);
    expect(monitoringFigures(SET, m, "en").audit!.auditCostDue).toBe(false);
    // At a 2 % threshold the audit's cost is claimed too.
    const low = setSetting(m, "threshold", "2");
    expect(monitoringFigures(SET, low, "en").audit!.total.claim).toBeCloseTo(shortfall * 1.06 + 2e6, 4);
    expect(asSpill(low)).toEqual(grid(F.AUDIT(col(...SALES), col(...PAID), [["key", "value"], ...terms.rows], 0.02, 0.06, 2e6, 1)));
  });

  test("the offer's term sheet is laid over the Base scenario's values: the audit uses the offer's rate", () => {
    const offered = setOfferTerm(SET, "royalty_rate", "4");
    const terms = signedTermRows(offered, "en");
    expect(new Map(terms.rows).get("royalty_rate")).toBe(0.04);
    expect(new Map(terms.rows).get("annual_minimum")).toBe(5e6); // the Base scenario's own
    const m = reports(SALES, PAID);
    expect(asSpill(m, offered)).toEqual(grid(F.AUDIT(col(...SALES), col(...PAID), [["key", "value"], ...terms.rows], 0.05, 0, 0, 1)));
    expect(monitoringFigures(offered, m, "en").audit!.years[2].due).toBeCloseTo(0.04 * 405.6e6, 4);
  });

  test("reports from a later contract year are audited from that year (first_year)", () => {
    const m = reports([900e6, 950e6], [27e6, 20e6], 4);
    expect(m.reports.map((r) => r.year)).toEqual([4, 5]);
    const terms = signedTermRows(SET, "en");
    expect(asSpill(m)).toEqual(grid(F.AUDIT(col(900e6, 950e6), col(27e6, 20e6), [["key", "value"], ...terms.rows], 0.05, 0, 0, 4)));
    expect(monitoringFigures(SET, m, "en").trackProblem!.en).toContain("from contract year 1");
  });

  test("the TRACK flags equal IPVALUE.TRACK on the Base scenario's plan", () => {
    // Sales well below plan from year 4: cumulative actual under half the plan.
    const sales = [0, 0, 300e6, 100e6, 50e6];
    const m = reports(sales, [0, 0, 9e6, 5e6, 5e6]);
    const table = assumptionsTableValues(SET, "en", true);
    const expected = grid(F.TRACK(table, col(...sales)));
    const shown = monitoringFigures(SET, m, "en").track!;
    expect(
      shown.map((y) => [y.year, y.planSales, y.actualSales, y.variance, y.planDue, y.actualDue, y.ratio ?? "", y.belowTrigger || y.minimumNotReached])
    ).toEqual(expected.slice(1).map((r) => r.slice(0, 8)));
    expect(shown.map((y) => y.belowTrigger)).toEqual([false, false, false, true, true]);
    // year 5: 3 % × 50e6 = 1.5e6 under the 5e6 minimum
    expect(shown[4].minimumNotReached).toBe(true);
  });

  test("a blank report or a gap in the years is said, not read as 0", () => {
    let m = addReport(reports([100e6], [3e6]));
    m = setReport(m, 2, "sales", "100000000");
    expect(monitoringFigures(SET, m, "en").auditProblem!.en).toContain("reported_royalty: item 2 (contract year 2) is blank");
    const gap = removeReport(reports([1, 2, 3], [0, 0, 0]), 2);
    expect(monitoringFigures(SET, gap, "ja").auditProblem!.ja).toContain("2年目がありません");
  });

  test("bad entries are refused with a reason in both languages", () => {
    const m = addReport(emptyMonitoring());
    expect(() => setReport(m, 1, "sales", "-5")).toThrow("Year 1 net sales: enter an amount of 0 or more");
    expect(() => setSetting(m, "threshold", "150")).toThrow("Audit threshold");
    expect(() => setSetting(m, "startDate", "2026-02-30")).toThrow("YYYY-MM-DD");
    expect(() => setSetting(m, "reportDueDays", "2.5")).toThrow("whole number");
    expect(() => setReportPeriod(addReport(m), 2, "1")).toThrow("Year 1 is reported already");
    expect(() => setReportPeriod(m, 1, "0")).toThrow("a contract year from 1 to 100");
    expect(setSetting(m, "startDate", "２０２６/４/１").settings.startDate).toBe("2026-04-01");
  });
});

describe("the reporting calendar", () => {
  const signed = setSetting(emptyMonitoring(), "startDate", "2026-04-01");

  test("case 7's figures: each report due 30 days after its contract year ends; the next audit at the first 12-month mark not past", () => {
    const m = setReport(setReport(addReport(addReport(signed)), 1, "sales", "10"), 1, "royaltyPaid", "1");
    const c = reportingCalendar(m, "2027-06-15")!;
    expect(c.reports.map((e) => [e.year, e.end, e.due, e.received, e.overdue])).toEqual([
      [1, "2027-03-31", "2027-04-30", true, false],
      [2, "2028-03-31", "2028-04-30", false, false],
      [3, "2029-03-31", "2029-04-30", false, false],
    ]);
    expect(c.nextReport!.year).toBe(2);
    expect(c.nextAudit).toBe("2028-04-01");
    // On the anniversary itself an audit may be made that day.
    expect(reportingCalendar(m, "2027-04-01")!.nextAudit).toBe("2027-04-01");
  });

  test("the settings move the dates; an unreceived report past its date is overdue; no start date, no calendar", () => {
    const m = setSetting(setSetting(signed, "reportDueDays", "60"), "auditIntervalMonths", "6");
    const c = reportingCalendar(m, "2027-07-01")!;
    expect(c.reports).toEqual([{ year: 1, quarter: null, end: "2027-03-31", due: "2027-05-30", received: false, overdue: true }]);
    expect(c.nextAudit).toBe("2027-10-01");
    expect(reportingCalendar(emptyMonitoring(), "2027-07-01")).toBeNull();
    // A start on 29 February: the anniversary falls on 28 February, so year 1 ends on the 27th.
    expect(reportingCalendar(setSetting(signed, "startDate", "2024-02-29"), "2024-03-01")!.reports[0].end).toBe("2025-02-27");
  });
});

describe("saving over what the grid changed", () => {
  const base = reports([100, 200], [3, 6]);

  test("the pane's edits and the grid's edits to other cells both stay; a cell both changed keeps the workbook's value", () => {
    const intended = setReport(addReport(base), 3, "sales", "300");
    const current = setReport(setReport(base, 2, "royaltyPaid", "7"), 1, "sales", "150");
    const paneAlso = setReport(intended, 1, "sales", "120");
    const merged = mergeMonitoring(base, paneAlso, current);
    expect(merged.monitoring.reports).toEqual([
      { year: 1, quarter: null, sales: 150, royaltyPaid: 3 },
      { year: 2, quarter: null, sales: 200, royaltyPaid: 7 },
      { year: 3, quarter: null, sales: 300, royaltyPaid: null },
    ]);
    expect(merged.kept.map((k) => k.text.en)).toEqual(["The workbook's year 1 sales (150) was kept."]);
  });

  test("a report removed in the pane but changed in the grid stays; settings merge cell by cell", () => {
    const intended = setSetting(removeReport(base, 2), "auditCost", "500");
    const current = setSetting(setReport(base, 2, "sales", "250"), "interestRate", "3");
    const merged = mergeMonitoring(base, intended, current);
    expect(merged.monitoring.reports.map((r) => r.year)).toEqual([1, 2]);
    expect(merged.monitoring.reports[1].sales).toBe(250);
    expect(merged.monitoring.settings.auditCost).toBe(500);
    expect(merged.monitoring.settings.interestRate).toBe(0.03);
  });
});

describe("quarterly reports", () => {
  // Years 1–2 reported whole (no sales), year 3 by quarter: 405.6e6 in all, paid 3 % of each quarter.
  const QUARTERS = [90e6, 100e6, 105.6e6, 110e6];
  function quarterly(upTo = 4): Monitoring {
    let m = reports([0, 0], [0, 0]);
    m = setReportPeriod(addReport(m), 3, "3Q1");
    for (let q = 1; q <= upTo; q++) {
      if (q > 1) m = addReport(m);
      const p = { year: 3, quarter: q as 1 | 2 | 3 | 4 };
      m = setReport(setReport(m, p, "sales", String(QUARTERS[q - 1])), p, "royaltyPaid", String(0.03 * QUARTERS[q - 1]));
    }
    return m;
  }

  test("periods are typed as a year or a year and its quarter, in either language's digits", () => {
    expect(parsePeriod("3")).toEqual({ year: 3, quarter: null });
    expect(["3Q1", "3 q1", "3-Q1", "３Ｑ１", "3年目第1四半期", "Year 3 Q1"].map(parsePeriod)).toEqual(new Array(6).fill({ year: 3, quarter: 1 }));
    expect(["3Q5", "0", "101", "Q1", "3.5"].map(parsePeriod)).toEqual([null, null, null, null, null]);
  });

  test("the next report follows the last: the next quarter, the next year's first after a fourth", () => {
    const m = quarterly();
    expect(m.reports.map((r) => [r.year, r.quarter])).toEqual([
      [1, null],
      [2, null],
      [3, 1],
      [3, 2],
      [3, 3],
      [3, 4],
    ]);
    expect(addReport(m).reports.slice(-1)[0]).toMatchObject({ year: 4, quarter: 1 });
  });

  test("the audit adds the quarters up to their contract year: the same as IPVALUE.AUDIT on the yearly totals", () => {
    const m = settings(quarterly(), "5", "6", "2000000");
    const terms = signedTermRows(SET, "en");
    const total = QUARTERS.reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(405.6e6, 0);
    const expected = grid(F.AUDIT(col(0, 0, total), col(0, 0, 0.03 * total), [["key", "value"], ...terms.rows], 0.05, 0.06, 2e6, 1));
    expect(asSpill(m)).toEqual(expected);
    expect(monitoringFigures(SET, m, "en").inProgress).toBeNull();
    // And TRACK on the yearly totals.
    const track = grid(F.TRACK(assumptionsTableValues(SET, "en", true), col(0, 0, total)));
    expect(monitoringFigures(SET, m, "en").track!.map((y) => y.actualSales)).toEqual(track.slice(1).map((r) => r[2]));
  });

  test("the minimum is per contract year: a year of small quarters owes the 5e6 minimum, not four quarters' 3 %", () => {
    let m = reports([0, 0], [0, 0]);
    m = setReportPeriod(addReport(m), 3, "3Q1");
    for (let q = 1; q <= 4; q++) {
      if (q > 1) m = addReport(m);
      const p = { year: 3, quarter: q as 1 | 2 | 3 | 4 };
      m = setReport(setReport(m, p, "sales", "10000000"), p, "royaltyPaid", "300000"); // 3 % of 10e6 a quarter
    }
    const y3 = monitoringFigures(SET, m, "en").audit!.years[2];
    expect(y3.sales).toBe(40e6);
    expect(y3.due).toBeCloseTo(5e6, 6); // 3 % × 40e6 = 1.2e6 < the 5e6 minimum
    expect(y3.shortfall).toBeCloseTo(5e6 - 1.2e6, 6);
  });

  test("the last year with a quarter missing is named and not audited yet; an earlier one is refused, not read as 0", () => {
    const partial = quarterly(3);
    const f = monitoringFigures(SET, partial, "en");
    expect(f.inProgress).toEqual({ year: 3, missing: [4] });
    expect(f.audit!.years.map((y) => y.year)).toEqual([1, 2]);
    // Q2 missing, and year 4 reported: year 3 cannot be totalled.
    let gap = removeReport(quarterly(), { year: 3, quarter: 2 });
    gap = setReport(setReport(addReport(addReport(gap)), { year: 4, quarter: 1 }, "sales", "1"), { year: 4, quarter: 1 }, "royaltyPaid", "1");
    const g = monitoringFigures(SET, gap, "ja");
    expect(g.audit).toBeNull();
    expect(g.auditProblem!.ja).toContain("3年目は四半期ごとの報告ですが、第2四半期がありません");
    expect(monitoringFigures(SET, gap, "en").auditProblem!.en).toContain("Year 3 is reported by quarter but Q2 is missing");
  });

  test("a year is reported whole or by quarter, not both; a period once only", () => {
    const m = quarterly();
    expect(() => setReportPeriod(m, 2, "3")).toThrow("Year 3 is reported by quarter");
    expect(() => setReportPeriod(m, 2, "3Q2")).toThrow("Year 3 Q2 is reported already");
    expect(() => setReportPeriod(m, { year: 3, quarter: 1 }, "2Q1")).toThrow("Year 2 is reported as a whole year");
    expect(setReportPeriod(m, 1, "1Q4").reports[0]).toMatchObject({ year: 1, quarter: 4 });
  });

  test("the calendar: each quarter's report due 30 days after it ends, a missing quarter overdue, then the next quarter", () => {
    let m = setSetting(emptyMonitoring(), "startDate", "2026-04-01");
    m = setReportPeriod(addReport(m), 1, "1Q1");
    m = setReport(setReport(m, { year: 1, quarter: 1 }, "sales", "5"), { year: 1, quarter: 1 }, "royaltyPaid", "1");
    m = addReport(addReport(m)); // 1Q2, 1Q3
    m = removeReport(m, { year: 1, quarter: 2 });
    m = setReport(setReport(m, { year: 1, quarter: 3 }, "sales", "5"), { year: 1, quarter: 3 }, "royaltyPaid", "1");
    const c = reportingCalendar(m, "2027-01-15")!;
    expect(c.reports.map((e) => [e.year, e.quarter, e.end, e.due, e.received, e.overdue])).toEqual([
      [1, 1, "2026-06-30", "2026-07-30", true, false],
      [1, 2, "2026-09-30", "2026-10-30", false, true],
      [1, 3, "2026-12-31", "2027-01-30", true, false],
      [1, 4, "2027-03-31", "2027-04-30", false, false],
      [2, 1, "2027-06-30", "2027-07-30", false, false],
    ]);
    expect(c.nextReport).toMatchObject({ year: 1, quarter: 2 });
  });

  test("a save merges quarter by quarter: the grid's quarter and the pane's quarter of the same year both stay", () => {
    const base = quarterly();
    const intended = setReport(base, { year: 3, quarter: 2 }, "royaltyPaid", "2000000");
    const current = setReport(base, { year: 3, quarter: 4 }, "sales", "120000000");
    const merged = mergeMonitoring(base, intended, current).monitoring.reports.filter((r) => r.year === 3);
    expect(merged.map((r) => [r.quarter, r.sales, r.royaltyPaid])).toEqual([
      [1, 90e6, 0.03 * 90e6],
      [2, 100e6, 2e6],
      [3, 105.6e6, 0.03 * 105.6e6],
      [4, 120e6, 0.03 * 110e6],
    ]);
  });
});
