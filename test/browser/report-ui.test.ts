/**
 * The committee report from the task pane (ReportButton in the sharing section): the licensing
 * manager starts the medical-device example, marks a scenario internal and sets a floor, and asks
 * for the report; Excel.createWorkbook (recorded by the stand-in) receives an .xlsx whose one sheet
 * is the report, marked internal, with the internal scenario in the committee's range; unticking
 * "internal scenarios count" gives a report that says it left the scenario out.
 */
import JSZip from "jszip";
import { Page } from "playwright-core";
import { BrowserSession, openBrowser } from "./harness";

const INTERNAL_SCENARIO = "Board upside case";

async function sheetXml(base64: string): Promise<{ book: string; strings: string; sheet: string }> {
  const zip = await JSZip.loadAsync(Buffer.from(base64, "base64"));
  const read = (name: string) => zip.file(name)?.async("string") ?? Promise.resolve("");
  return { book: await read("xl/workbook.xml"), strings: await read("xl/sharedStrings.xml"), sheet: await read("xl/worksheets/sheet1.xml") };
}

describe("the committee report from the task pane", () => {
  let session: BrowserSession;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    session = await openBrowser({ locale: "en-US", viewport: { width: 420, height: 900 } }, { excel: true });
    page = await session.context.newPage();
    page.setDefaultTimeout(20000);
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(session.server.url + "taskpane.html");
    await page.evaluate(() => (window as any).__fakeExcel.reset());
    await page.reload();
  });

  afterAll(async () => {
    await session?.close();
  });

  const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);
  const created = () => page.evaluate(() => (window as any).__fakeExcel.createdWorkbooks()) as Promise<string[]>;

  test("the report opens as a new workbook: one sheet, marked internal, the internal scenario in the range by default", async () => {
    await byTestId("start-view").waitFor();
    await byTestId("start-medical-device").click();
    await byTestId("scenario-tabs").waitFor();
    await page.locator('[data-testid="scenario-tab"][data-name="High"]').click();
    await byTestId("duplicate").click();
    await byTestId("rename").click();
    await byTestId("rename-input").fill(INTERNAL_SCENARIO);
    await byTestId("rename-save").click();
    await byTestId("scenario-internal").check();
    await byTestId("decision-floor").fill("150,000,000");
    await byTestId("decision-floor").press("Enter");
    await page.waitForFunction(() => document.getElementById("status")?.getAttribute("data-state") === "saved", undefined, { timeout: 10000 });

    await byTestId("report-open").click();
    await byTestId("report-opened").waitFor();
    const first = await sheetXml((await created()).pop()!);
    expect(first.book).toContain('name="Committee report"');
    expect(first.sheet).toContain("Internal — committee use only");
    expect(first.strings).toContain(`Includes internal scenarios (${INTERNAL_SCENARIO})`);

    await byTestId("report-include-internal").uncheck();
    await byTestId("report-open").click();
    await byTestId("report-opened").waitFor();
    const second = await sheetXml((await created()).pop()!);
    expect(second.strings).toContain(`Internal scenarios left out of the range: ${INTERNAL_SCENARIO}`);
    expect(second.strings).not.toContain("Includes internal scenarios");
    expect(pageErrors).toEqual([]);
  });
});
