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
  removeReport,
  reportingCalendar,
  setReport,
  setReportYear,
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
    if (i === 0 && from !== 1) m = setReportYear(m, 1, String(from));
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
    expect(() => setReportYear(addReport(m), 2, "1")).toThrow("Year 1 is reported already");
    expect(() => setReportYear(m, 1, "0")).toThrow("whole number from 1 to 100");
    expect(setSetting(m, "startDate", "２０２６/４/１").settings.startDate).toBe("2026-04-01");
  });
});

describe("the reporting calendar", () => {
  const signed = setSetting(emptyMonitoring(), "startDate", "2026-04-01");

  test("case 7's figures: each report due 30 days after its contract year ends; the next audit at the first 12-month mark not past", () => {
    const m = setReport(setReport(addReport(addReport(signed)), 1, "sales", "10"), 1, "royaltyPaid", "1");
    const c = reportingCalendar(m, "2027-06-15")!;
    expect(c.reports.map((e) => [e.year, e.yearEnd, e.due, e.received, e.overdue])).toEqual([
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
    expect(c.reports).toEqual([{ year: 1, yearEnd: "2027-03-31", due: "2027-05-30", received: false, overdue: true }]);
    expect(c.nextAudit).toBe("2027-10-01");
    expect(reportingCalendar(emptyMonitoring(), "2027-07-01")).toBeNull();
    // A start on 29 February: the anniversary falls on 28 February, so year 1 ends on the 27th.
    expect(reportingCalendar(setSetting(signed, "startDate", "2024-02-29"), "2024-03-01")!.reports[0].yearEnd).toBe("2025-02-27");
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
      { year: 1, sales: 150, royaltyPaid: 3 },
      { year: 2, sales: 200, royaltyPaid: 7 },
      { year: 3, sales: 300, royaltyPaid: null },
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
