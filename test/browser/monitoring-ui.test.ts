/**
 * License monitoring in headless Chromium against the built add-in (dist/) and the Excel stand-in: the
 * medical-device example's first four years of reports typed in, year 4 paid 7 % short; the claim shown
 * is the engine's AUDIT in Node on the same reports and terms; the reports and settings land on the
 * "IPVALUE monitoring" sheet with the live formula; Undo takes a report back; a reload reads it all
 * again; an edit typed in the sheet shows in the pane at once, the pane's own edit kept beside it; a
 * quarter's report is named as not complete and moves the live formulas to the yearly totals. Takes
 * docs/images/monitoring.png (the section). Needs `npm run build` first.
 */
import * as path from "path";
import { Page } from "playwright-core";
import { exampleSet } from "../../src/taskpane/model/examples";
import { addReport, emptyMonitoring, Monitoring, monitoringFigures, setReport, setSetting } from "../../src/taskpane/model/monitoring";
import { AUDIT_FORMULA, AUDIT_YEARLY_FORMULA } from "../../src/taskpane/model/monitoring-sheet";
import { BrowserSession, openBrowser, SCREENSHOTS } from "./harness";

const SALES = [0, 0, 405.6e6, 843.648e6];
const PAID = [0, 0, 12.168e6, 23537779];

function expected(): Monitoring {
  let m = setSetting(setSetting(emptyMonitoring(), "interestRate", "6"), "auditCost", "2000000");
  SALES.forEach((s, i) => {
    m = addReport(m);
    m = setReport(setReport(m, i + 1, "sales", String(s)), i + 1, "royaltyPaid", String(PAID[i]));
  });
  return m;
}
const SET = exampleSet("medical-device", "en");
const AUDIT = monitoringFigures(SET, expected(), "en").audit!;

describe("license monitoring, against the Excel stand-in", () => {
  let page: Page;
  let session: BrowserSession;
  const pageErrors: string[] = [];
  const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);
  const type = async (id: string, value: string) => {
    await byTestId(id).fill(value);
    await byTestId(id).press("Enter");
  };
  const claim = () => byTestId("monitoring-claim").getAttribute("data-value");

  beforeAll(async () => {
    session = await openBrowser({ locale: "en-US", viewport: { width: 420, height: 1400 } }, { excel: true });
    page = Object.assign(await session.context.newPage(), {});
    page.on("pageerror", (e) => pageErrors.push(e.message));
    page.setDefaultTimeout(15000);
    // A fresh workbook: the stand-in keeps the last one in localStorage.
    await page.goto(session.server.url + "taskpane.html");
    await page.evaluate(() => (window as any).__fakeExcel.reset());
    await page.reload();
    await byTestId("start-medical-device").click();
    await byTestId("monitoring").waitFor();
  });
  afterAll(() => session?.close());

  test("typing four years of reports shows the claim the engine's AUDIT gives", async () => {
    await type("monitoring-setting-interestRate", "6");
    await type("monitoring-setting-auditCost", "2000000");
    for (let i = 0; i < SALES.length; i++) {
      await byTestId("report-add").click();
      await type(`report-sales-${i + 1}`, String(SALES[i]));
      await type(`report-royaltyPaid-${i + 1}`, String(PAID[i]));
    }
    await byTestId("monitoring-claim").waitFor();
    expect(AUDIT.total.shortfall).toBeGreaterThan(0);
    expect(Number(await claim())).toBe(AUDIT.total.claim);
    // 7 % of year 4 is 2.3 % of all that was due: under 5 %, no audit cost.
    expect(await byTestId("monitoring-claim-note").getAttribute("data-audit-cost")).toBe("false");
    expect(await page.locator('[data-testid="monitoring-audit"] tr[data-year="4"] [data-column="shortfall"]').getAttribute("data-value")).toBe(
      String(AUDIT.years[3].shortfall)
    );
    await byTestId("monitoring").screenshot({ path: path.join(SCREENSHOTS, "monitoring.png") });
  });

  test("the reports are on the monitoring sheet in the functions' layout, with the live AUDIT formula", async () => {
    await page.waitForFunction(() => {
      const t = (window as any).__fakeExcel.table("IpvalueReports");
      return t && t.values.length === 5 && t.values[4][2] === 23537779;
    });
    const stored = await page.evaluate(() => (window as any).__fakeExcel.table("IpvalueReports").values);
    expect(stored).toEqual([["year", "sales", "royalty_paid", "quarter"], ...SALES.map((s, i) => [i + 1, s, PAID[i], ""])]);
    expect(await page.evaluate(() => (window as any).__fakeExcel.formulas("'IPVALUE monitoring'!K4"))).toEqual([[AUDIT_FORMULA]]);
  });

  test("Undo takes the last edit back; a reload reads the sheet again", async () => {
    await byTestId("report-add").click();
    await page.locator('[data-testid="monitoring-report"][data-year="5"]').waitFor();
    await byTestId("undo").click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="monitoring-report"][data-year="5"]'));
    await page.waitForFunction(() => (window as any).__fakeExcel.table("IpvalueReports").values.length === 5);
    await page.waitForTimeout(500);
    await page.reload();
    await byTestId("monitoring-claim").waitFor();
    expect(Number(await claim())).toBe(AUDIT.total.claim);
    expect(pageErrors).toEqual([]);
  });

  test("an edit typed in the monitoring sheet shows in the pane without a reload; the pane's edit made meanwhile is kept", async () => {
    const fake = (f: string, ...args: unknown[]) =>
      page.evaluate(([f, args]) => (window as any).__fakeExcel[f as string](...(args as unknown[])), [f, args] as const);
    // Year 3's royalty corrected in the grid: F7 (year 3 is the table's third row, D4 the header).
    await fake("userEdit", "'IPVALUE monitoring'!F7", 12.5e6);
    await page.waitForFunction(() => (document.querySelector('[data-testid="report-royaltyPaid-3"]') as HTMLInputElement | null)?.value === "12500000");
    // The pane types year 4's sales while the grid changes year 1's: both stay, in the pane and the sheet.
    await type("report-sales-4", "900000000");
    await fake("userEdit", "'IPVALUE monitoring'!E5", 1000);
    await page.waitForFunction(() => {
      const v = (window as any).__fakeExcel.table("IpvalueReports").values;
      return v[4][1] === 900e6 && v[1][1] === 1000;
    });
    await page.waitForFunction(() => (document.querySelector('[data-testid="report-sales-1"]') as HTMLInputElement | null)?.value === "1000");
    expect(await byTestId("report-sales-4").inputValue()).toBe("900000000");
    expect(pageErrors).toEqual([]);
  });

  test("a quarter's report: the year not complete is named, the audit left as it was, the live formula reads the yearly totals", async () => {
    const before = await claim();
    await byTestId("report-add").click();
    await type("report-year-5", "5Q1");
    await type("report-sales-5Q1", "300000000");
    await type("report-royaltyPaid-5Q1", "9000000");
    await byTestId("monitoring-in-progress").waitFor();
    expect(await byTestId("monitoring-in-progress").textContent()).toContain("Year 5 is not complete (Q2, Q3, Q4 not reported)");
    expect(await claim()).toBe(before);
    await page.waitForFunction(() => (window as any).__fakeExcel.table("IpvalueYearly")?.values.length === 5);
    expect(await page.evaluate(() => (window as any).__fakeExcel.formulas("'IPVALUE monitoring'!K4"))).toEqual([[AUDIT_YEARLY_FORMULA]]);
    // The next report is the next quarter.
    await byTestId("report-add").click();
    await page.locator('[data-testid="monitoring-report"][data-period="5Q2"]').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
