/**
 * Sharing from the task pane, in headless Chromium against the built add-in (dist/) and the Excel
 * stand-in (fake-excel.js), as taskpane-ui.test.ts runs it: a licensing manager marks a scenario,
 * the floor and the committee's notes internal, opens "Prepare negotiator workbook", finds the internal
 * items unticked, is asked to confirm each time she ticks one, and builds the workbook. The file Excel
 * receives (Excel.createWorkbook, recorded by the stand-in) or the download offered where Excel
 * cannot open it is unzipped here and searched: no internal string in any part. Then "Freeze for
 * sharing" on the Valuation sheet. Needs `npm run build` first and Debian's /usr/bin/chromium.
 */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { BrowserContext, Page } from "playwright-core";
import { BrowserSession, openBrowser, SCREENSHOTS } from "./harness";

const INTERNAL_SCENARIO = "Board upside case";
const FLOOR = "187,654,321";
const NOTE = "Between us: we would settle at 2.5% if they push on the upfront fee.";
const OFFER = "250,000,000";

/** Every part of an .xlsx as text, entities decoded. */
async function partsOf(bytes: Buffer): Promise<{ name: string; text: string }[]> {
  const zip = await JSZip.loadAsync(bytes);
  const out: { name: string; text: string }[] = [];
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir) continue;
    const raw = await zip.files[name].async("string");
    out.push({
      name,
      text: raw
        .replace(/&apos;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&amp;/g, "&"),
    });
  }
  return out;
}
const found = (parts: { name: string; text: string }[], needle: string) =>
  parts.filter((p) => p.name.includes(needle) || p.text.toLowerCase().includes(needle.toLowerCase())).map((p) => p.name);

describe("sharing from the task pane", () => {
  let context: BrowserContext;
  let page: Page;
  let server: { url: string; close: () => Promise<void> };
  let session: BrowserSession;
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    session = await openBrowser({ locale: "en-US", viewport: { width: 420, height: 900 }, acceptDownloads: true }, { excel: true });
    server = session.server;
    context = session.context;
    page = await context.newPage();
    page.setDefaultTimeout(15000);
    page.on("pageerror", (e) => pageErrors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    await page.goto(server.url + "taskpane.html");
    await page.evaluate(() => (window as any).__fakeExcel.reset());
    await page.reload();
  });

  afterAll(async () => {
    await session?.close();
  });

  const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);
  const scenarioBox = (name: string) => page.locator(`[data-testid="share-scenario"][data-name="${name}"]`);
  const fx = <T>(f: string, ...args: unknown[]) =>
    page.evaluate(([f, args]) => (window as any).__fakeExcel[f as string](...(args as unknown[])), [f, args] as const) as Promise<T>;
  async function saved() {
    await page.waitForFunction(() => document.getElementById("status")?.getAttribute("data-state") === "saved", undefined, { timeout: 10000 });
  }
  /** The workbook the last build produced: what Excel.createWorkbook received, or the download. */
  async function lastWorkbook(): Promise<Buffer> {
    const created = await fx<string[]>("createdWorkbooks");
    return Buffer.from(created[created.length - 1], "base64");
  }

  test("she starts the medical-device example and marks a scenario, the floor and her notes internal", async () => {
    await byTestId("start-view").waitFor();
    await byTestId("start-medical-device").click();
    await byTestId("scenario-tabs").waitFor();
    // A fourth scenario for the board only: a copy of High, renamed, marked internal.
    await page.locator('[data-testid="scenario-tab"][data-name="High"]').click();
    await byTestId("duplicate").click();
    await byTestId("rename").click();
    await byTestId("rename-input").fill(INTERNAL_SCENARIO);
    await byTestId("rename-save").click();
    await byTestId("scenario-internal").check();
    await byTestId("decision-offer").fill(OFFER);
    await byTestId("decision-offer").press("Enter");
    await byTestId("internal-offer").uncheck(); // the offer is for the other side
    await byTestId("decision-floor").fill(FLOOR);
    await byTestId("decision-floor").press("Enter");
    await byTestId("decision-notes").fill(NOTE);
    await byTestId("decision-notes").blur();
    await saved();
    expect(await byTestId("internal-floor").isChecked()).toBe(true);
    expect(await byTestId("internal-notes").isChecked()).toBe(true);
  });

  test("the dialog leaves every internal item unticked, and shares the rest", async () => {
    await byTestId("share-open").click();
    await byTestId("share-dialog").waitFor();
    for (const name of ["Low", "Base", "High"]) expect(await scenarioBox(name).isChecked()).toBe(true);
    expect(await scenarioBox(INTERNAL_SCENARIO).isChecked()).toBe(false);
    expect(await byTestId("share-decision-offer").isChecked()).toBe(true);
    expect(await byTestId("share-decision-floor").isChecked()).toBe(false);
    expect(await byTestId("share-decision-notes").isChecked()).toBe(false);
    expect(await byTestId("share-bands").isChecked()).toBe(true);
    await page.waitForTimeout(600); // the dialog's opening animation
    await page.screenshot({ path: path.join(SCREENSHOTS, "negotiator-dialog.png") }); // for the README
    const summary = await byTestId("share-summary").textContent();
    expect(summary).toContain("Left out:");
    for (const left of [INTERNAL_SCENARIO, "Walk-away floor", "Committee notes"]) expect(summary).toContain(left);
  });

  test("ticking an internal item asks for a confirmation, every time", async () => {
    // Ticking asks; keeping it out leaves it unticked.
    await scenarioBox(INTERNAL_SCENARIO).click();
    await byTestId("share-confirm").waitFor();
    expect(await byTestId("share-confirm").textContent()).toContain(`"${INTERNAL_SCENARIO}" is internal.`);
    expect(await scenarioBox(INTERNAL_SCENARIO).isChecked()).toBe(false);
    expect(await byTestId("share-build").isDisabled()).toBe(true); // nothing is built while a question is open
    await byTestId("share-confirm-keep-out").click();
    await byTestId("share-confirm").waitFor({ state: "detached" });
    expect(await scenarioBox(INTERNAL_SCENARIO).isChecked()).toBe(false);
    // Asked again; included only on "Include it".
    await scenarioBox(INTERNAL_SCENARIO).click();
    await byTestId("share-confirm-include").click();
    expect(await scenarioBox(INTERNAL_SCENARIO).isChecked()).toBe(true);
    // Unticked and ticked again: a confirmation given before does not count.
    await scenarioBox(INTERNAL_SCENARIO).click();
    expect(await scenarioBox(INTERNAL_SCENARIO).isChecked()).toBe(false);
    await scenarioBox(INTERNAL_SCENARIO).click();
    await byTestId("share-confirm").waitFor();
    await byTestId("share-confirm-keep-out").click();
    expect(await scenarioBox(INTERNAL_SCENARIO).isChecked()).toBe(false);
    // The same for the floor and the notes.
    for (const k of ["floor", "notes"]) {
      await byTestId(`share-decision-${k}`).click();
      await byTestId("share-confirm").waitFor();
      await byTestId("share-confirm-keep-out").click();
      expect(await byTestId(`share-decision-${k}`).isChecked()).toBe(false);
    }
  });

  test("building opens the workbook in Excel (Excel.createWorkbook), and it holds no internal string", async () => {
    await byTestId("share-currency").fill("JPY");
    await byTestId("share-build").click();
    await byTestId("share-opened").waitFor();
    const bytes = await lastWorkbook();
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    const parts = await partsOf(bytes);
    for (const secret of [INTERNAL_SCENARIO, "187654321", FLOOR, "Walk-away floor", "最低受入価格", NOTE, "settle at 2.5%", "internal", "社外秘"]) {
      expect([secret, found(parts, secret)]).toEqual([secret, []]);
    }
    // What was shared is there (the search can fail): the offer, the scenarios, their model sheets.
    expect(found(parts, "250000000").length).toBeGreaterThan(0);
    const workbook = parts.find((p) => p.name === "xl/workbook.xml")!.text;
    for (const sheet of ["Summary", "Assumptions", "Model - Low", "Model - Base", "Model - High", "Reference bands", "Notes"])
      expect(workbook).toContain(`name="${sheet}"`);
    expect(found(parts, "JPY").length).toBeGreaterThan(0);
    expect(parts.flatMap((p) => [...p.text.matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1])).filter((f) => /IPVALUE/i.test(f))).toEqual([]);
  });

  test("where Excel cannot open a new workbook, the file is offered as a download; in Japanese when chosen", async () => {
    await fx("setCreateWorkbookSupported", false);
    await byTestId("share-language-ja").click();
    await byTestId("share-build").click();
    await byTestId("share-unsupported").waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), byTestId("share-download").click()]);
    expect(download.suggestedFilename()).toMatch(/^交渉用ブック \d{4}-\d{2}-\d{2}\.xlsx$/);
    const bytes = fs.readFileSync((await download.path())!);
    const parts = await partsOf(bytes);
    const workbook = parts.find((p) => p.name === "xl/workbook.xml")!.text;
    for (const sheet of ["概要", "前提条件", "モデル - Base", "参考バンド", "注記"]) expect(workbook).toContain(`name="${sheet}"`);
    for (const secret of [INTERNAL_SCENARIO, "187654321", FLOOR, "最低受入価格", NOTE, "社外秘"]) expect([secret, found(parts, secret)]).toEqual([secret, []]);
    await fx("setCreateWorkbookSupported", true);
    await byTestId("share-close").click();
    await byTestId("share-dialog").waitFor({ state: "detached" });
  });

  test("a confirmed internal scenario is included; reopening the dialog starts from nothing internal again", async () => {
    await byTestId("share-open").click();
    await scenarioBox(INTERNAL_SCENARIO).click();
    await byTestId("share-confirm-include").click();
    await byTestId("share-build").click();
    await byTestId("share-opened").waitFor();
    expect(found(await partsOf(await lastWorkbook()), INTERNAL_SCENARIO).length).toBeGreaterThan(0);
    await byTestId("share-close").click();
    await byTestId("share-open").click();
    expect(await scenarioBox(INTERNAL_SCENARIO).isChecked()).toBe(false);
    await byTestId("share-close").click();
  });

  test("Freeze for sharing: a copy of the Valuation sheet with values where =IPVALUE formulas were, and the list of changes", async () => {
    await byTestId("insert-sheet").click();
    await byTestId("inserted").waitFor();
    // What Excel would have calculated: the RANGE spills and each scenario's cells, from the real functions.
    // Awaited: a function's first call may wait for the functions' code (src/functions/lazy.ts), as Excel would.
    await page.evaluate(async () => {
      const fx = (window as any).__fakeExcel;
      const f = (window as any).CustomFunctions.__associated.functions;
      const table = fx.table("IpvalueAssumptions").values;
      fx.calculate("Valuation!A6", await f.RANGE(table, null, null));
      fx.calculate("Valuation!A13", await f.RANGE(table, [["npv,rnpv,value_rate25,value_maxrate"]], null));
      const names: string[] = table[0].slice(3);
      for (const [i, name] of names.entries()) {
        fx.calculate(`Valuation!B${21 + i}`, (await f.SCENARIO(table, name, "rnpv"))[0][0]);
        fx.calculate(`Valuation!C${21 + i}`, (await f.SCENARIO(table, name, "npv"))[0][0]);
      }
    });
    await byTestId("freeze-open").click();
    await byTestId("freeze-dialog").waitFor();
    await page.locator('[data-testid="freeze-sheet"][data-name="Valuation"]').waitFor();
    expect(await page.locator('[data-testid="freeze-sheet"][data-name="Valuation"]').isChecked()).toBe(true);
    expect(await page.locator('[data-testid="freeze-sheet"][data-name="IPVALUE"]').isChecked()).toBe(false);
    expect(await byTestId("freeze-dialog").textContent()).toContain("internal scenarios and decisions included");
    await byTestId("freeze-run").click();
    await byTestId("freeze-result").waitFor();
    const rows = await page
      .locator('[data-testid="freeze-change"]')
      .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute("data-address"), tr.getAttribute("data-kind")]));
    expect(rows.slice(0, 2)).toEqual([
      ["A6:D10", "value"],
      ["A13:D17", "value"],
    ]);
    expect(rows.filter((r) => r[1] === "value")).toHaveLength(2 + 2 * 4);
    expect(rows.filter((r) => r[1] === "reference").length).toBeGreaterThan(0);
    expect(await byTestId("freeze-result").textContent()).toContain("frozen in Valuation (shared)");
    const sheets = await fx<string[]>("sheetNames");
    expect(sheets).toContain("Valuation (shared)");
    const formulas = await fx<unknown[][]>("formulas", "'Valuation (shared)'!A1:I30");
    expect(formulas.flat().filter((f) => typeof f === "string" && /IPVALUE\./.test(f))).toEqual([]);
    await byTestId("freeze-close").click();
  });

  test("ran without script errors; the workbook builder's code loaded on demand from the add-in's origin", () => {
    expect(pageErrors).toEqual([]);
    // (office.js outside Office tries to frame its telemetry page; the add-in's CSP blocks that on purpose.)
    const refused = consoleErrors.filter((e) => /Content Security Policy|Refused|ChunkLoadError|Loading chunk/i.test(e) && !/frame-src/.test(e));
    expect(refused).toEqual([]);
  });
});
