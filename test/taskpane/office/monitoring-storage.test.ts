/**
 * License monitoring in the workbook (the "IPVALUE monitoring" sheet: tables IpvalueMonitoring,
 * IpvalueReports, IpvalueSigned and the live AUDIT / TRACK formulas), against the Excel stand-in: made
 * the first time, read back as saved, a save merged with what the grid typed meanwhile (nothing the
 * user typed lost), a table grown only over empty cells, a cell that cannot be read refused by address.
 */
import { fake } from "./fake";
import { EditError } from "../../../src/model/scenario-set";
import { exampleSet } from "../../../src/taskpane/model/examples";
import { addReport, emptyMonitoring, Monitoring, removeReport, setReport, setSetting, signedTermRows } from "../../../src/taskpane/model/monitoring";
import { AUDIT_FORMULA, MONITORING_SHEET, REPORTS_TABLE, SETTINGS_TABLE, SIGNED_TABLE, TRACK_FORMULA } from "../../../src/taskpane/model/monitoring-sheet";
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

test("the sheet is made in the functions' layout and read back as saved", async () => {
  expect(await port.loadMonitoring()).toEqual(emptyMonitoring());
  const m = typed();
  const saved = await port.saveMonitoring(emptyMonitoring(), m, SIGNED, "ja");
  expect(saved.monitoring).toEqual(m);
  expect(fake.sheetNames()).toContain(MONITORING_SHEET); // the same name in Japanese
  expect(fake.table(REPORTS_TABLE)!.values).toEqual([
    ["year", "sales", "royalty_paid"],
    [1, 0, 0],
    [2, 100e6, 3e6],
  ]);
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
    { year: 1, sales: 0, royaltyPaid: 0 },
    { year: 2, sales: 100e6, royaltyPaid: 2.5e6 },
    { year: 3, sales: 200e6, royaltyPaid: 6e6 },
  ]);
  expect(saved.monitoring.settings.interestRate).toBe(0.04);
  expect(saved.monitoring.settings.auditCost).toBe(1e6);
  expect(fake.table(REPORTS_TABLE)!.address).toBe("'IPVALUE monitoring'!D4:F7");
  // Removing year 3 shrinks the table and clears its row.
  await port.saveMonitoring(saved.monitoring, removeReport(saved.monitoring, 3), SIGNED, "en");
  expect(fake.table(REPORTS_TABLE)!.address).toBe("'IPVALUE monitoring'!D4:F6");
  expect(fake.values("'IPVALUE monitoring'!D7:F7")).toEqual([["", "", ""]]);
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
