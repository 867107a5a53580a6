/**
 * The pane in the order of the work, in headless Chromium against the built add-in (dist/) and the
 * Excel stand-in: scenarios and assumptions first, then the results with the football field and the
 * scenarios side by side, the simulation, the committee's decision, sharing and monitoring. Every range
 * says which scenarios it covers; the committee leaves the internal ones out of its range (stored in
 * the workbook, read back after a reload); a new scenario starts as a copy of the selected one; the
 * "inserted" notice shows next to its button. Needs `npm run build` first.
 */
import { Page } from "playwright-core";
import { exampleSet } from "../../src/taskpane/model/examples";
import { computeResults, differingKeys } from "../../src/taskpane/model/results";
import { setIncludeInternal, setInternal } from "../../src/model/scenario-set";
import { BrowserSession, openBrowser, openFreshPane } from "./harness";

const EXAMPLE = exampleSet("medical-device", "en");
// High marked internal, then left out of the committee's range: the range of Low and Base, in Node.
const LEFT_OUT = computeResults(setIncludeInternal(setInternal(EXAMPLE, 2, true), false), "en");

describe("the pane in the order of the work", () => {
  let session: BrowserSession;
  let page: Page;
  const pageErrors: string[] = [];
  const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);
  const text = (id: string) => byTestId(id).textContent();
  const tab = (name: string) => page.locator(`[data-testid="scenario-tab"][data-name="${name}"]`);
  const shownHigh = (output: string) =>
    page.locator(`[data-testid="range-table"] tbody[data-output="${output}"] [data-col="high"] [data-value]`).getAttribute("data-value").then(Number);

  beforeAll(async () => {
    session = await openBrowser({ locale: "en-US", viewport: { width: 420, height: 1000 } }, { excel: true });
    page = await openFreshPane(session, pageErrors);
    await byTestId("start-medical-device").click();
    await byTestId("football-field").waitFor();
  });

  afterAll(async () => {
    await session?.close();
  });

  test("top to bottom: scenarios, assumptions, results, football field, side by side, simulation, decisions, sharing, monitoring", async () => {
    const order = [
      "scenario-tabs",
      "input-market_size",
      "results",
      "football-field",
      "scenario-compare",
      "simulation",
      "decisions",
      "insert-sheet",
      "share-section",
      "monitoring",
    ];
    // The simulation panel is its own chunk, loaded on demand: wait until every section is in the page.
    for (const id of order) await byTestId(id).first().waitFor({ state: "attached" });
    const tops = await page.evaluate(
      (ids) => ids.map((id) => document.querySelector(`[data-testid="${id}"]`)!.getBoundingClientRect().top + window.scrollY),
      order
    );
    const sorted = [...tops].sort((a, b) => a - b);
    expect(tops).toEqual(sorted);
  });

  test("the scenarios side by side show exactly the assumptions that differ", async () => {
    const keys = await page.locator('[data-testid="scenario-compare"] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-compare-key")));
    expect(keys).toEqual(differingKeys(EXAMPLE));
    expect(keys).not.toContain("tax_rate"); // the same in every scenario
  });

  test("every range says which scenarios it covers", async () => {
    for (const id of ["range-scope", "football-scope", "simulation-scope"])
      await expect(text(id)).resolves.toBe("Covers: Low, Base, High (no internal scenario)");
    await tab("High").click();
    await byTestId("scenario-internal").click();
    for (const id of ["range-scope", "football-scope", "simulation-scope"])
      await page.waitForFunction(
        (i) => document.querySelector(`[data-testid="${i}"]`)?.textContent === "Covers: Low, Base, High (includes internal scenarios)",
        id
      );
  });

  test("the committee leaves internal scenarios out of its range: the range is Low and Base's, stored in the workbook, kept after a reload", async () => {
    await byTestId("decision-include-internal").click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid="range-scope"]')?.textContent === "Covers: Low, Base (no internal scenario; internal scenarios left out: High)"
    );
    await expect(text("simulation-scope")).resolves.toBe("Covers: Low, Base (no internal scenario; internal scenarios left out: High)");
    const rnpv = LEFT_OUT.range.find((r) => r.output === "rnpv")!;
    expect(await shownHigh("rnpv")).toBe(rnpv.high);
    await page.waitForFunction(() => document.getElementById("status")?.getAttribute("data-state") === "saved");
    const stored = await page.evaluate(() => (window as any).__fakeExcel.table("IpvalueDecisions").values as unknown[][]);
    expect(stored.find((r) => r[0] === "include_internal")!.slice(0, 2)).toEqual(["include_internal", false]);
    await page.reload();
    await byTestId("range-scope").waitFor();
    expect(await byTestId("decision-include-internal").isChecked()).toBe(false);
    expect(await shownHigh("rnpv")).toBe(rnpv.high);
    await byTestId("decision-include-internal").click();
    await page.waitForFunction(() => document.querySelector('[data-testid="range-scope"]')?.textContent?.includes("includes internal scenarios"));
  });

  test("a new scenario starts as a copy of the selected one, under its new name; Undo removes it", async () => {
    await tab("Base").click();
    const values = () =>
      page.locator('[data-testid^="input-"]').evaluateAll((inputs) => inputs.map((i) => [i.getAttribute("data-testid"), (i as HTMLInputElement).value]));
    const base = await values();
    await byTestId("new-scenario-name").fill("Stress");
    await byTestId("add-scenario").click();
    await page.locator('[data-testid="scenario-tab"][data-name="Stress"][aria-selected="true"]').waitFor();
    expect(await values()).toEqual(base);
    await byTestId("undo").click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="scenario-tab"][data-name="Stress"]'));
  });

  test("the inserted notice shows right under the button that inserted, not at the top of the pane", async () => {
    await byTestId("insert-sheet").click();
    await byTestId("inserted").waitFor();
    const [button, notice] = await Promise.all(
      ["insert-sheet", "inserted"].map((id) => byTestId(id).evaluate((e) => e.getBoundingClientRect().top + window.scrollY))
    );
    expect(notice).toBeGreaterThan(button);
    expect(notice - button).toBeLessThan(120);
  });

  test("no script errors", () => {
    expect(pageErrors).toEqual([]);
  });
});
