/**
 * The simulation panel as a licensing manager uses it, in headless Chromium against the built add-in
 * (dist/) and the Excel stand-in (fake-excel.js), set up as test/browser/taskpane-ui.test.ts: a worked
 * example, a run, P10/P50/P90 each ± its standard error — the same bits the engine gives in Node, and the
 * same numbers =IPVALUE.SIMULATE gives on the stored table — Latin hypercube or plain Monte Carlo, the
 * advice to draw more when a percentile's standard error is above 1%, the histogram, the tornado and the spider, and the Simulation
 * sheet with its three native charts recorded by the stand-in. Takes the README's screenshots
 * docs/images/simulation-histogram.png, docs/images/tornado.png and docs/images/spider.png. Needs `npm run build` first.
 */
import * as fs from "fs";
import * as path from "path";
import { Page } from "playwright-core";
import { exampleSet } from "../../src/taskpane/model/examples";
import { setDecision } from "../../src/model/scenario-set";
import { DEFAULT_REQUEST, drawsAdvice, simulateSet } from "../../src/taskpane/model/simulation";
import { BrowserSession, openBrowser, SCREENSHOTS } from "./harness";

/** What the pane should show, computed by the engine here in Node: the example with a floor of 120 million. */
const SET = setDecision(exampleSet("medical-device", "en"), "floor", "120000000");
const EXPECTED = simulateSet(SET, "en", DEFAULT_REQUEST);

describe("the simulation panel, against the Excel stand-in", () => {
  let page: Page;
  let server: { url: string; close: () => Promise<void> };
  let session: BrowserSession;
  const pageErrors: string[] = [];
  const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);
  /** Runs, and waits until the pane shows the expected P50 (the defaults' run). */
  const runAndWaitForExpectedP50 = async () => {
    await byTestId("simulation-run").click();
    await page.waitForFunction(
      (p50) => document.querySelector('[data-stat="P50"] [data-value]')?.getAttribute("data-value") === String(p50),
      EXPECTED.result.percentiles[1].value
    );
  };
  /** What the pane shows per statistic (P10, P50, P90, mean, below-floor): the number behind each (data-value) or its standard error (data-se). */
  const shown = (attribute: "data-value" | "data-se") =>
    page.evaluate((a) => {
      const out: Record<string, number> = {};
      document.querySelectorAll('[data-testid="simulation-table"] tr').forEach((tr) => {
        out[tr.getAttribute("data-stat")!] = Number(tr.querySelector(`[${a}]`)!.getAttribute(a));
      });
      return out;
    }, attribute);
  const shownStats = () => shown("data-value");
  const shownErrors = () => shown("data-se");

  beforeAll(async () => {
    session = await openBrowser({ locale: "en-US", viewport: { width: 420, height: 900 } }, { excel: true });
    server = session.server;
    const context = session.context;
    page = await context.newPage();
    page.setDefaultTimeout(15000);
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(server.url + "taskpane.html");
    await page.evaluate(() => (window as any).__fakeExcel.reset());
    await page.reload();
  });

  afterAll(async () => {
    await session?.close();
  });

  test("starts the medical-device example with a walk-away floor; the panel waits for Run", async () => {
    await byTestId("start-view").waitFor();
    await byTestId("start-medical-device").click();
    await byTestId("simulation").waitFor();
    await byTestId("decision-floor").fill("120000000");
    await byTestId("decision-floor").press("Enter");
    expect(await byTestId("simulation-table").count()).toBe(0);
    expect(await byTestId("simulation-iterations").inputValue()).toBe("10000");
    expect(await byTestId("simulation-seed").inputValue()).toBe("1");
  });

  test("Run shows P10, P50, P90, the mean and P(below the floor): the bits the engine gives in Node", async () => {
    await byTestId("simulation-run").click();
    await byTestId("simulation-table").waitFor();
    const stats = await shownStats();
    expect(stats).toEqual({
      P10: EXPECTED.result.percentiles[0].value,
      P50: EXPECTED.result.percentiles[1].value,
      P90: EXPECTED.result.percentiles[2].value,
      mean: EXPECTED.result.mean,
      "below-floor": EXPECTED.result.below!.probability,
    });
    // the golden P50 of test/engine/simulate.test.ts (Latin hypercube, the default): Chromium's engine and Node's agree to the bit
    expect(stats.P50).toBe(156301899.76038203);
    const text = await byTestId("simulation-table").textContent();
    expect(text).toContain(Math.round(stats.P50).toLocaleString("en-US"));
    expect(text).toContain("Probability below the floor (120,000,000)");
    // each ± its standard error, the engine's (20 independent hypercubes)
    const e = EXPECTED.result.standardErrors!;
    expect(await shownErrors()).toEqual({ P10: e.percentiles[0], P50: e.percentiles[1], P90: e.percentiles[2], mean: e.mean, "below-floor": e.below });
    expect(text).toContain(`± ${Math.round(e.percentiles[1]).toLocaleString("en-US")}`);
    expect(await byTestId("simulation-sampling").inputValue()).toBe("lhs");
    expect(await byTestId("simulation-more-draws").count()).toBe(0); // every percentile within 1% at 10,000 draws
  });

  test("plain Monte Carlo: the numbers of the versions before Latin hypercube, with larger ±; then back to Latin hypercube", async () => {
    await byTestId("simulation-sampling").selectOption("mc");
    await byTestId("simulation-run").click();
    await page.waitForFunction(() => document.querySelector('[data-stat="P50"] [data-value]')?.getAttribute("data-value") === "156915450.8146959");
    const mc = simulateSet(SET, "en", { ...DEFAULT_REQUEST, sampling: "mc" });
    const stats = await shownStats();
    expect(stats.P50).toBe(mc.result.percentiles[1].value);
    const errors = await shownErrors();
    expect(errors.mean).toBe(mc.result.standardErrors!.mean);
    expect(errors.mean).toBeGreaterThan(2 * EXPECTED.result.standardErrors!.mean);
    await byTestId("simulation-sampling").selectOption("lhs");
    await runAndWaitForExpectedP50();
  });

  test("too few draws: the pane says which percentile is above 1% and offers the draws that bring it there", async () => {
    await byTestId("simulation-iterations").fill("100");
    await byTestId("simulation-run").click();
    await byTestId("simulation-more-draws").waitFor();
    const advice = drawsAdvice(simulateSet(SET, "en", { ...DEFAULT_REQUEST, iterations: 100 }))!;
    const text = await byTestId("simulation-more-draws").textContent();
    expect(text).toContain(`${advice.label}'s standard error is ${(advice.relative * 100).toFixed(2)}% of its value, above 1.00%`);
    expect(text).toContain(`run about ${advice.suggested.toLocaleString("en-US")} draws`);
    await byTestId("simulation-use-draws").click();
    expect(await byTestId("simulation-iterations").inputValue()).toBe(String(advice.suggested));
    await byTestId("simulation-iterations").fill("10000");
    await byTestId("simulation-run").click();
    await byTestId("simulation-more-draws").waitFor({ state: "detached" });
    expect(await shownStats()).toEqual({
      P10: EXPECTED.result.percentiles[0].value,
      P50: EXPECTED.result.percentiles[1].value,
      P90: EXPECTED.result.percentiles[2].value,
      mean: EXPECTED.result.mean,
      "below-floor": EXPECTED.result.below!.probability,
    });
  });

  test("the histogram marks P10, P50, P90 and the floor; its bars hold every draw", async () => {
    const marks = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-testid="simulation-histogram"] [data-percentile]')).map((g) => [
        g.getAttribute("data-percentile"),
        Number(g.getAttribute("data-value")),
      ])
    );
    expect(marks).toEqual(EXPECTED.result.percentiles.map((p) => [`P${p.p * 100}`, p.value]));
    const counts = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-testid="simulation-histogram"] [data-count]')).map((r) => Number(r.getAttribute("data-count")))
    );
    expect(counts).toEqual(EXPECTED.histogram.counts);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(10000);
    await expect(page.locator('[data-testid="simulation-histogram"] [data-mark="floor"]').count()).resolves.toBe(1);
    expect(await byTestId("simulation-histogram").getAttribute("aria-label")).toContain("P50 156,301,900");
  });

  test("the tornado lists every assumption that differs, largest swing on top", async () => {
    const keys = await page.evaluate(() => Array.from(document.querySelectorAll('[data-testid="tornado"] [data-key]')).map((g) => g.getAttribute("data-key")));
    expect(keys).toEqual(EXPECTED.tornado.rows.map((r) => r.key));
    expect(keys[0]).toBe("peak_share");
    expect(await byTestId("tornado").textContent()).toContain("Peak market share");
  });

  test("the spider draws one line per assumption, in order of spread, each point the engine's output there", async () => {
    const lines = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-testid="spider"] [data-key]')).map((g) => ({
        key: g.getAttribute("data-key"),
        points: Array.from(g.querySelectorAll("[data-position]")).map((c) => [Number(c.getAttribute("data-position")), Number(c.getAttribute("data-value"))]),
      }))
    );
    expect(lines.map((l) => l.key)).toEqual(EXPECTED.spider.lines.map((l) => l.key));
    expect(lines).toHaveLength(EXPECTED.tornado.rows.length);
    for (const [i, line] of EXPECTED.spider.lines.entries()) {
      expect(lines[i].points).toEqual(EXPECTED.spider.positions.map((p, j) => [p, line.outputs[j]]));
      // the ends are the tornado's bars
      const row = EXPECTED.tornado.rows.find((r) => r.key === line.key)!;
      expect([lines[i].points[0][1], lines[i].points[4][1]]).toEqual([row.outputLow, row.outputHigh]);
    }
    expect(await byTestId("spider").textContent()).toContain("Peak market share");
  });

  test("another seed gives another sample; the first seed gives the first numbers back", async () => {
    await byTestId("simulation-seed").fill("2");
    await byTestId("simulation-run").click();
    await page.waitForFunction(
      (p50) => document.querySelector('[data-stat="P50"] [data-value]')?.getAttribute("data-value") !== String(p50),
      EXPECTED.result.percentiles[1].value
    );
    const two = await shownStats();
    expect(Math.abs(two.P50 / EXPECTED.result.percentiles[1].value - 1)).toBeLessThan(0.02);
    await byTestId("simulation-seed").fill("1");
    await runAndWaitForExpectedP50();
  });

  test("iterations outside 100–1,000,000 are refused with the rule, and Run waits", async () => {
    await byTestId("simulation-iterations").fill("50");
    expect(await byTestId("simulation-run").isDisabled()).toBe(true);
    await expect(byTestId("simulation").textContent()).resolves.toContain("A whole number from 100 to 1,000,000.");
    await byTestId("simulation-iterations").fill("10,000");
    expect(await byTestId("simulation-run").isDisabled()).toBe(false);
  });

  test("inserting the Simulation sheet: live formulas, the histogram's counts and three native charts in the workbook", async () => {
    await byTestId("simulation-insert").click();
    await byTestId("simulation-inserted").waitFor();
    const workbook = await page.evaluate(() => {
      const fx = (window as any).__fakeExcel;
      return {
        sheets: fx.sheetNames(),
        charts: fx.charts("Simulation"),
        a6: fx.formulas("Simulation!A6")[0][0],
        d6: fx.formulas("Simulation!D6")[0][0],
        d18: fx.formulas("Simulation!D18")[0][0],
      };
    });
    expect(workbook.sheets).toContain("Simulation");
    expect(workbook.charts.map((c: { type: string; name: string }) => [c.type, c.name])).toEqual([
      ["ColumnStacked", "IPVALUE histogram"],
      ["BarStacked", "IPVALUE tornado"],
      ["Line", "IPVALUE spider"],
    ]);
    expect(workbook.a6).toMatch(/^=IPVALUE\.SIMULATE\(IpvalueAssumptions\[#All\],10000,1,\{0\.1,0\.5,0\.9\},"rnpv",IF\(.*\),"pert","lhs",,TRUE\)$/);
    expect(workbook.d6).toBe('=IPVALUE.SENSITIVITY(IpvalueAssumptions[#All],"rnpv")');
    expect(workbook.d18).toBe('=IPVALUE.SPIDER(IpvalueAssumptions[#All],"rnpv",5)'); // under SENSITIVITY's ten rows and a blank one
    const spider = workbook.charts[2] as { seriesBy: string; series: unknown[]; position: { start: string; end: string } };
    expect([spider.seriesBy, spider.series.length, spider.position]).toEqual(["Rows", EXPECTED.spider.lines.length, { start: "R44", end: "Z62" }]);
  });

  test("=IPVALUE.SIMULATE, run in the page on the stored table, gives the numbers the pane shows", async () => {
    const shown = await shownStats();
    const fromFunction = (await page.evaluate(() => {
      const fx = (window as any).__fakeExcel;
      const table = fx.table("IpvalueAssumptions").values;
      // the formula the Simulation sheet writes: sampling "lhs", no correlations, standard_error TRUE
      return (window as any).CustomFunctions.__associated.functions.SIMULATE(table, 10000, 1, [[0.1, 0.5, 0.9]], "rnpv", 120000000, "pert", "lhs", null, true);
    })) as [string, number, number][];
    const se = await shownErrors();
    expect(fromFunction).toEqual([
      ["P10", shown.P10, se.P10],
      ["P50", shown.P50, se.P50],
      ["P90", shown.P90, se.P90],
      ["mean", shown.mean, se.mean],
      ["P(<120000000)", shown["below-floor"], se["below-floor"]],
    ]);
  });

  test("an edit to the assumptions marks the results as out of date until the next run", async () => {
    await page.locator('[data-testid="input-royalty_rate"]').fill("4");
    await page.locator('[data-testid="input-royalty_rate"]').press("Enter");
    await byTestId("simulation-stale").waitFor();
    await byTestId("simulation-run").click();
    await byTestId("simulation-stale").waitFor({ state: "detached" });
  });

  test("screenshots for the README: the histogram and the tornado", async () => {
    // back to the example as it was, so that the pictures show the numbers the README quotes
    await page.locator('[data-testid="input-royalty_rate"]').fill("3");
    await page.locator('[data-testid="input-royalty_rate"]').press("Enter");
    await byTestId("simulation-run").click();
    await byTestId("simulation-stale").waitFor({ state: "detached" });
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await byTestId("simulation-histogram").scrollIntoViewIfNeeded();
    await byTestId("simulation-histogram").screenshot({ path: path.join(SCREENSHOTS, "simulation-histogram.png") });
    await byTestId("tornado").screenshot({ path: path.join(SCREENSHOTS, "tornado.png") });
    await byTestId("spider").screenshot({ path: path.join(SCREENSHOTS, "spider.png") });
    // (the short summary the pane keeps fixed at the top while the range is out of view would cover the panel)
    const hide = await page.addStyleTag({ content: '[data-testid="summary"] { display: none !important; }' });
    await byTestId("simulation").screenshot({ path: path.join(SCREENSHOTS, "simulation-panel.png") });
    await hide.evaluate((el) => (el as Element).remove());
  });

  test("the correlation editor: a pair is added and stored in IpvalueCorrelations; an impossible one is refused with the reason, nothing stored", async () => {
    await byTestId("correlation-first").selectOption("market_size");
    await byTestId("correlation-second").selectOption("peak_share");
    await byTestId("correlation-add").click();
    await byTestId("correlation-value-market_size-peak_share").waitFor();
    await byTestId("correlation-value-market_size-peak_share").fill("0.6");
    await byTestId("correlation-value-market_size-peak_share").press("Enter");
    const stored = () => page.evaluate(() => (window as any).__fakeExcel.table("IpvalueCorrelations")?.values ?? null);
    await page.waitForFunction(() => (window as any).__fakeExcel.table("IpvalueCorrelations")?.values?.[1]?.[2] === 0.6);
    expect(await stored()).toEqual([
      ["key", "market_size", "peak_share"],
      ["market_size", 1, 0.6],
      ["peak_share", 0.6, 1],
    ]);
    await byTestId("correlation-first").selectOption("peak_share");
    await byTestId("correlation-second").selectOption("success_probability");
    await byTestId("correlation-add").click();
    await byTestId("correlation-value-peak_share-success_probability").waitFor();
    await byTestId("correlation-value-peak_share-success_probability").fill("0.6");
    await byTestId("correlation-value-peak_share-success_probability").press("Enter");
    await byTestId("correlation-first").selectOption("market_size");
    await byTestId("correlation-second").selectOption("success_probability");
    await byTestId("correlation-add").click();
    await byTestId("correlation-value-market_size-success_probability").fill("-0.9");
    await byTestId("correlation-value-market_size-success_probability").press("Enter");
    await expect(byTestId("correlations").textContent()).resolves.toMatch(/not positive semi-definite/);
    // the refused value is not stored: the pair reaches the workbook at the 0.5 it was added with (waited
    // for by its own cell: the fourth column is there already once the second pair is saved) and stays there
    await page.waitForFunction(() => (window as any).__fakeExcel.table("IpvalueCorrelations")?.values?.[1]?.[3] === 0.5);
    const values = (await stored()) as unknown[][];
    expect(values[1][3]).toBe(0.5);
    expect(values.flat()).not.toContain(-0.9);
    // remove the pairs again, so the rest of the run is independent
    for (const id of ["market_size-success_probability", "peak_share-success_probability", "market_size-peak_share"])
      await byTestId(`correlation-remove-${id}`).click();
    await expect(byTestId("correlations").textContent()).resolves.toMatch(/No correlations/);
  });

  test("in Japanese", async () => {
    await page.click("#lang-ja");
    await expect(page.locator("#simulation-heading").textContent()).resolves.toBe("不確実性：モンテカルロ・シミュレーションと感応度");
    await expect(byTestId("simulation-table").textContent()).resolves.toContain("中央値");
    await expect(byTestId("simulation").textContent()).resolves.toContain("ラテン超方格法（既定）");
    await expect(byTestId("simulation").textContent()).resolves.toContain("± は標準誤差");
    await expect(byTestId("tornado").textContent()).resolves.toContain("ピーク時シェア");
    await expect(byTestId("spider").textContent()).resolves.toContain("低位");
    await expect(page.locator("[data-testid=spider] title").textContent()).resolves.toContain("スパイダー図");
  });

  test("ran without script errors", () => {
    expect(pageErrors).toEqual([]);
  });
});
