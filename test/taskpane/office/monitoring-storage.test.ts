/**
 * License monitoring in the workbook (the "IPVALUE monitoring" sheet: tables IpvalueMonitoring,
 * IpvalueReports, IpvalueSigned and the live AUDIT / TRACK formulas), against the Excel stand-in: made
 * the first time, read back as saved, a save merged with what the grid typed meanwhile (nothing the
 * user typed lost), a table grown only over empty cells, a cell that cannot be read refused by address.
 */
import { fake } from "./fake";
import { EditError } from "../../../src/model/scenario-set";
import { exampleSet } from "../../../src/taskpane/model/examples";
import {
  addReport,
  emptyMonitoring,
  Monitoring,
  monitoringFigures,
  removeReport,
  setReport,
  setReportPeriod,
  setSetting,
  signedTermRows,
} from "../../../src/taskpane/model/monitoring";
import {
  AUDIT_FORMULA,
  AUDIT_YEARLY_FORMULA,
  MONITORING_SHEET,
  REPORTS_TABLE,
  SETTINGS_TABLE,
  SIGNED_TABLE,
  TRACK_FORMULA,
  TRACK_YEARLY_FORMULA,
  YEARLY_TABLE,
} from "../../../src/taskpane/model/monitoring-sheet";
import { officeWorkbook } from "../../../src/taskpane/office/workbook";
import { F, grid } from "../../functions/helpers";
import type { WorkbookPort } from "../../../src/taskpane/ui/port";

const SET = exampleSet("medical-device", "en");
const SIGNED = signedTermRows(SET, "en").rows;
let port: WorkbookPort;
beforeEach(() => {
  fake.reset();
  port = officeWorkbook({ debounceMs: 10 });
});

function typed(): Monitoring {
  let m = emptyMonitoring();
  for (const [sales, paid] of [
    [0, 0],
    [100e6, 3e6],
  ]) {
    m = addReport(m);
    const y = m.reports.length;
    m = setReport(setReport(m, y, "sales", String(sales)), y, "royaltyPaid", String(paid));
  }
  return setSetting(setSetting(setSetting(m, "startDate", "2026-04-01"), "interestRate", "6"), "auditCost", "2000000");
}

/** Year 3 reported by quarter after typed()'s two years. */
function withQuarters(m: Monitoring, quarters: [number, number][]): Monitoring {
  quarters.forEach(([sales, paid], i) => {
    m = addReport(m);
    const p = { year: 3, quarter: (i + 1) as 1 | 2 | 3 | 4 };
    if (i === 0) m = setReportPeriod(m, 3, "3Q1");
    m = setReport(setReport(m, p, "sales", String(sales)), p, "royaltyPaid", String(paid));
  });
  return m;
}

/** A version-1 sheet, as IPVALUE wrote it before quarters: the reports table without its quarter column. */
async function versionOne(): Promise<Monitoring> {
  const m = typed();
  await port.saveMonitoring(emptyMonitoring(), m, SIGNED, "en");
  fake.userReplaceTable(REPORTS_TABLE, [
    ["year", "sales", "royalty_paid"],
    [1, 0, 0],
    [2, 100e6, 3e6],
  ]);
  fake.userEdit("'IPVALUE monitoring'!G4:G6", [[""], [""], [""]]);
  return m;
}

test("the sheet is made in the functions' layout and read back as saved", async () => {
  expect(await port.loadMonitoring()).toEqual(emptyMonitoring());
  const m = typed();
  const saved = await port.saveMonitoring(emptyMonitoring(), m, SIGNED, "ja");
  expect(saved.monitoring).toEqual(m);
  expect(fake.sheetNames()).toContain(MONITORING_SHEET); // the same name in Japanese
  expect(fake.table(REPORTS_TABLE)!.values).toEqual([
    ["year", "sales", "royalty_paid", "quarter"],
    [1, 0, 0, ""],
    [2, 100e6, 3e6, ""],
  ]);
  expect(fake.table(YEARLY_TABLE)).toBeNull(); // only once a quarter is reported
  expect(fake.table(SETTINGS_TABLE)!.values).toEqual([
    ["item", "value"],
    ["start_date", "2026-04-01"],
    ["report_due_days", 30],
    ["audit_interval_months", 12],
    ["threshold", 0.05],
    ["interest_rate", 0.06],
    ["audit_cost", 2e6],
  ]);
  expect(fake.formulas("'IPVALUE monitoring'!K4")).toEqual([[AUDIT_FORMULA]]);
  expect(fake.formulas("'IPVALUE monitoring'!T4")).toEqual([[TRACK_FORMULA]]);
  // The signed-terms table is a terms range AUDIT reads: the same audit as the pane's terms.
  const signedTable = fake.table(SIGNED_TABLE)!.values;
  expect(grid(F.AUDIT([[0], [100e6]], [[0], [3e6]], signedTable, 0.05, 0.06, 2e6, 1))).toEqual(
    grid(F.AUDIT([[0], [100e6]], [[0], [3e6]], [["key", "value"], ...SIGNED], 0.05, 0.06, 2e6, 1))
  );
  // A fresh pane reads it all back.
  expect(await officeWorkbook().loadMonitoring()).toEqual(m);
});

test("a save keeps what the grid typed meanwhile; rows grow and shrink", async () => {
  const base = (await port.saveMonitoring(emptyMonitoring(), typed(), SIGNED, "en")).monitoring;
  // Meanwhile in the grid: year 2's royalty corrected, and the interest rate changed.
  fake.userEdit("'IPVALUE monitoring'!F6", 2.5e6);
  fake.userEdit("'IPVALUE monitoring'!B9", 0.04);
  // The pane adds year 3 and changes the audit cost, from what it last read.
  let intended = addReport(base);
  intended = setReport(setReport(intended, 3, "sales", "200000000"), 3, "royaltyPaid", "6000000");
  intended = setSetting(intended, "auditCost", "1000000");
  const saved = await port.saveMonitoring(base, intended, SIGNED, "en");
  expect(saved.monitoring.reports).toEqual([
    { year: 1, quarter: null, sales: 0, royaltyPaid: 0 },
    { year: 2, quarter: null, sales: 100e6, royaltyPaid: 2.5e6 },
    { year: 3, quarter: null, sales: 200e6, royaltyPaid: 6e6 },
  ]);
  expect(saved.monitoring.settings.interestRate).toBe(0.04);
  expect(saved.monitoring.settings.auditCost).toBe(1e6);
  expect(fake.table(REPORTS_TABLE)!.address).toBe("'IPVALUE monitoring'!D4:G7");
  // Removing year 3 shrinks the table and clears its row.
  await port.saveMonitoring(saved.monitoring, removeReport(saved.monitoring, 3), SIGNED, "en");
  expect(fake.table(REPORTS_TABLE)!.address).toBe("'IPVALUE monitoring'!D4:G6");
  expect(fake.values("'IPVALUE monitoring'!D7:G7")).toEqual([["", "", "", ""]]);
});

test("a cell that cannot be read is refused by address; a table with no room to grow writes nothing", async () => {
  const base = (await port.saveMonitoring(emptyMonitoring(), typed(), SIGNED, "en")).monitoring;
  fake.userEdit("'IPVALUE monitoring'!E6", "lots");
  const e = await port.loadMonitoring().catch((x) => x);
  expect(e).toBeInstanceOf(EditError);
  expect((e as EditError).reason.en).toBe("'IPVALUE monitoring'!E6: enter an amount of 0 or more.");
  fake.userEdit("'IPVALUE monitoring'!E6", 100e6);
  fake.userEdit("'IPVALUE monitoring'!D7", "my note");
  const before = fake.snapshot();
  const grown = addReport(base);
  await expect(port.saveMonitoring(base, grown, SIGNED, "en")).rejects.toThrow("IPVALUE needs the empty cells below its table");
  expect(fake.snapshot()).toEqual(before);
});

test("a version-1 sheet (yearly reports, no quarter column) reads the same and stays so while every report is a whole year", async () => {
  const m = await versionOne();
  expect(fake.table(REPORTS_TABLE)!.address).toBe("'IPVALUE monitoring'!D4:F6");
  const read = await officeWorkbook().loadMonitoring();
  expect(read).toEqual(m);
  expect(read.reports.map((r) => r.quarter)).toEqual([null, null]);
  // A yearly report added: still three columns, the old formulas untouched.
  let next = addReport(read);
  next = setReport(setReport(next, 3, "sales", "50000000"), 3, "royaltyPaid", "1500000");
  const saved = await port.saveMonitoring(read, next, SIGNED, "en");
  expect(saved.monitoring).toEqual(next);
  expect(fake.table(REPORTS_TABLE)!.values).toEqual([
    ["year", "sales", "royalty_paid"],
    [1, 0, 0],
    [2, 100e6, 3e6],
    [3, 50e6, 1.5e6],
  ]);
  expect(fake.formulas("'IPVALUE monitoring'!K4")).toEqual([[AUDIT_FORMULA]]);
  expect(fake.table(YEARLY_TABLE)).toBeNull();
});

test("a quarter reported: the reports table gains its quarter column, the yearly totals are written and K4 / T4 read them", async () => {
  const base = await versionOne();
  const quarters: [number, number][] = [
    [40e6, 1.2e6],
    [50e6, 1.5e6],
    [60e6, 1.8e6],
    [70e6, 1.0e6],
  ];
  const intended = withQuarters(base, quarters);
  const saved = await port.saveMonitoring(base, intended, SIGNED, "ja");
  expect(saved.monitoring).toEqual(intended);
  expect(fake.table(REPORTS_TABLE)!.values).toEqual([
    ["year", "sales", "royalty_paid", "quarter"],
    [1, 0, 0, ""],
    [2, 100e6, 3e6, ""],
    ...quarters.map(([s, p], i) => [3, s, p, i + 1]),
  ]);
  const yearly = fake.table(YEARLY_TABLE)!;
  expect(yearly.address).toBe("'IPVALUE monitoring'!AD4:AG7");
  expect(yearly.values).toEqual([
    ["year", "sales", "royalty_paid", "quarters"],
    [1, 0, 0, ""],
    [2, 100e6, 3e6, ""],
    [3, 220e6, 5.5e6, 4],
  ]);
  expect(fake.formulas("'IPVALUE monitoring'!K4")).toEqual([[AUDIT_YEARLY_FORMULA]]);
  expect(fake.formulas("'IPVALUE monitoring'!T4")).toEqual([[TRACK_YEARLY_FORMULA]]);
  // What K4 computes from the yearly table is the pane's audit.
  const col = (k: number) => yearly.values.slice(1).map((r) => [r[k]]);
  const sheetAudit = grid(F.AUDIT(col(1), col(2), fake.table(SIGNED_TABLE)!.values, 0.05, 0.06, 2e6, 1));
  const pane = monitoringFigures(SET, saved.monitoring, "en").audit!;
  expect(sheetAudit[sheetAudit.length - 1][7]).toBeCloseTo(pane.total.claim, 6);
  expect(sheetAudit.slice(1, -1).map((r) => r[2])).toEqual(pane.years.map((y) => y.due));
  // A fresh pane reads the quarters back.
  expect(await officeWorkbook().loadMonitoring()).toEqual(intended);
});

test("the last year's missing quarter leaves that year out of the totals; an earlier one leaves its amounts blank for AUDIT to refuse", async () => {
  const base = (await port.saveMonitoring(emptyMonitoring(), typed(), SIGNED, "en")).monitoring;
  const three = withQuarters(base, [
    [40e6, 1.2e6],
    [50e6, 1.5e6],
    [60e6, 1.8e6],
  ]);
  const saved = await port.saveMonitoring(base, three, SIGNED, "en");
  expect(fake.table(YEARLY_TABLE)!.values.map((r) => r[0])).toEqual(["year", 1, 2]);
  // Year 4 reported whole while year 3 still lacks Q4: year 3's amounts blank.
  let later = addReport(saved.monitoring); // 3Q4
  later = setReportPeriod(later, { year: 3, quarter: 4 }, "4");
  later = setReport(setReport(later, 4, "sales", "1"), 4, "royaltyPaid", "1");
  await port.saveMonitoring(saved.monitoring, later, SIGNED, "en");
  expect(fake.table(YEARLY_TABLE)!.values.slice(1)).toEqual([
    [1, 0, 0, ""],
    [2, 100e6, 3e6, ""],
    [3, "", "", 3],
    [4, 1, 1, ""],
  ]);
  const yearly = fake.table(YEARLY_TABLE)!.values.slice(1);
  const refused = F.AUDIT(
    yearly.map((r) => [r[1]]),
    yearly.map((r) => [r[2]]),
    fake.table(SIGNED_TABLE)!.values
  )[0][0] as { code: string; message: string };
  expect(refused.code).toBe("#VALUE!");
  expect(refused.message).toContain("item 3 (contract year 3) is blank");
});

test("K4 and T4 are switched only while they hold IPVALUE's formula; a quarter column refused where the cells beside are not empty", async () => {
  const base = await versionOne();
  fake.userEdit("'IPVALUE monitoring'!K4", "=SUM(E5:E6)");
  fake.userEdit("'IPVALUE monitoring'!G6", "my note");
  const before = fake.snapshot();
  const intended = withQuarters(base, [[1, 1]]);
  await expect(port.saveMonitoring(base, intended, SIGNED, "en")).rejects.toThrow("IPVALUE needs the empty cells at 'IPVALUE monitoring'!G4");
  expect(fake.snapshot()).toEqual(before);
  fake.userEdit("'IPVALUE monitoring'!G6", "");
  await port.saveMonitoring(base, intended, SIGNED, "en");
  expect(fake.formulas("'IPVALUE monitoring'!K4")).toEqual([["=SUM(E5:E6)"]]);
  expect(fake.formulas("'IPVALUE monitoring'!T4")).toEqual([[TRACK_YEARLY_FORMULA]]);
});

test("a quarter typed in the grid: Q2 or 2 reads as the quarter; 5, or a year both whole and by quarter, is refused by address", async () => {
  await port.saveMonitoring(emptyMonitoring(), typed(), SIGNED, "en");
  fake.userEdit("'IPVALUE monitoring'!G6", "Q2");
  fake.userEdit("'IPVALUE monitoring'!G5", 5);
  const bad = await port.loadMonitoring().catch((x) => x);
  expect((bad as EditError).reason.en).toBe("'IPVALUE monitoring'!G5: the quarter must be 1, 2, 3 or 4, or blank for the whole year.");
  fake.userEdit("'IPVALUE monitoring'!G5", 1);
  expect((await port.loadMonitoring()).reports.map((r) => [r.year, r.quarter])).toEqual([
    [1, 1],
    [2, 2],
  ]);
  fake.userEdit("'IPVALUE monitoring'!D6", 1);
  fake.userEdit("'IPVALUE monitoring'!G6", "");
  const both = await port.loadMonitoring().catch((x) => x);
  expect((both as EditError).reason.ja).toBe("'IPVALUE monitoring'!G6：1年目が年単位と四半期ごとの両方で報告されています。どちらか一方にしてください。");
});

describe("watching the monitoring sheet while it is edited in the grid", () => {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  async function waitFor(predicate: () => boolean, what: string, ms = 2000): Promise<void> {
    const until = Date.now() + ms;
    while (!predicate()) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await sleep(5);
    }
  }

  test("an edit in the reports or settings table calls back with the re-read monitoring; the port's own saves do not", async () => {
    const base = (await port.saveMonitoring(emptyMonitoring(), typed(), SIGNED, "en")).monitoring;
    const seen: (Monitoring | EditError)[] = [];
    const stop = await port.watchMonitoring((r) => seen.push(r));
    expect(fake.handlerCount(REPORTS_TABLE)).toBe(1);
    expect(fake.handlerCount(SETTINGS_TABLE)).toBe(1);
    expect(fake.handlerCount(SIGNED_TABLE)).toBe(0); // written by the pane only
    await port.saveMonitoring(base, setSetting(base, "auditCost", "5"), SIGNED, "en");
    await sleep(80);
    expect(seen).toEqual([]);
    fake.userEdit("'IPVALUE monitoring'!E6", 120e6);
    await waitFor(() => seen.length > 0, "the callback");
    expect((seen[0] as Monitoring).reports[1]).toEqual({ year: 2, quarter: null, sales: 120e6, royaltyPaid: 3e6 });
    fake.userEdit("'IPVALUE monitoring'!B9", 0.08);
    await waitFor(() => seen.length > 1, "the second callback");
    expect((seen[1] as Monitoring).settings.interestRate).toBe(0.08);
    await sleep(50);
    expect(seen).toHaveLength(2);
    await stop();
    expect(fake.handlerCount(REPORTS_TABLE)).toBe(0);
    fake.userEdit("'IPVALUE monitoring'!E6", 130e6);
    await sleep(60);
    expect(seen).toHaveLength(2);
  });

  test("watching before the sheet exists: the save that makes it attaches the handlers; a quarter typed in the grid arrives as a quarter", async () => {
    const seen: (Monitoring | EditError)[] = [];
    const stop = await port.watchMonitoring((r) => seen.push(r));
    expect(fake.handlerCount(REPORTS_TABLE)).toBe(0);
    await port.saveMonitoring(emptyMonitoring(), typed(), SIGNED, "en");
    expect(fake.handlerCount(REPORTS_TABLE)).toBe(1);
    fake.userEdit("'IPVALUE monitoring'!G6", 1);
    await waitFor(() => seen.length > 0, "the callback");
    expect((seen[0] as Monitoring).reports.map((r) => [r.year, r.quarter])).toEqual([
      [1, null],
      [2, 1],
    ]);
    await stop();
  });

  test("an edit that cannot be read calls back with the EditError naming the cell; fixing it calls back with the monitoring", async () => {
    await port.saveMonitoring(emptyMonitoring(), typed(), SIGNED, "en");
    const seen: (Monitoring | EditError)[] = [];
    const stop = await port.watchMonitoring((r) => seen.push(r));
    fake.userEdit("'IPVALUE monitoring'!F6", "lots");
    await waitFor(() => seen.length > 0, "the callback");
    expect(seen[0]).toBeInstanceOf(EditError);
    expect((seen[0] as EditError).reason.ja).toBe("'IPVALUE monitoring'!F6：0以上の金額を入力してください。");
    fake.userEdit("'IPVALUE monitoring'!F6", 2e6);
    await waitFor(() => seen.length > 1, "the second callback");
    expect((seen[1] as Monitoring).reports[1].royaltyPaid).toBe(2e6);
    await stop();
  });

  test("the scenario tables' watch and the monitoring watch are separate: an edit in one does not call the other", async () => {
    await port.saveMonitoring(emptyMonitoring(), typed(), SIGNED, "en");
    await port.save(exampleSet("medical-device", "en"), "en");
    const sets: unknown[] = [];
    const monitorings: unknown[] = [];
    const stopSets = await port.watch((r) => sets.push(r));
    const stopMonitoring = await port.watchMonitoring((r) => monitorings.push(r));
    fake.userEdit("'IPVALUE monitoring'!E6", 110e6);
    await waitFor(() => monitorings.length > 0, "the monitoring callback");
    await sleep(50);
    expect(sets).toEqual([]);
    await stopSets();
    await stopMonitoring();
  });
});
