/**
 * The football field people can read, in headless Chromium against the built add-in (dist/) and the
 * Excel stand-in: the medical-device example with a 4-year royalty term at 1 %, which makes the
 * licensee's walk-away rate worth over 50 times the other methods' median high (3.65億 beside bars
 * near 0.5億, checked in Node below), and the committee's floor, offer and ceiling set close together.
 * At 320 and 900 px: the outlier is clipped (drawn to the axis end, its value printed), the offer,
 * floor and ceiling labels overlap neither each other nor any bar label, and the committee's zone
 * (floor to ceiling) is wide enough to read. Methods can be hidden and shown again (remembered for
 * the session, across a reload). Needs `npm run build` first.
 */
import { Page } from "playwright-core";
import { exampleSet } from "../../src/taskpane/model/examples";
import { computeResults } from "../../src/taskpane/model/results";
import { setDecision, setValue } from "../../src/model/scenario-set";
import { formatCompact } from "../../src/taskpane/ui/format";
import { fieldScale } from "../../src/model/football";
import { BrowserSession, openBrowser, openFreshPane } from "./harness";

// The set the test types into the pane, valued in Node: the outlier and the others.
let SET = exampleSet("medical-device", "ja");
for (let i = 0; i < 3; i++) SET = setValue(setValue(SET, i, "term_years", "4"), i, "royalty_rate", "1");
const MARKS = { floor: "40000000", offer: "45000000", ceiling: "50000000" };
for (const [k, v] of Object.entries(MARKS)) SET = setDecision(SET, k as "offer", v);
const BARS = computeResults(SET, "ja").football;
const OUTLIER = BARS.find((b) => b.output === "value_maxrate")!;
const OTHERS = BARS.filter((b) => b !== OUTLIER).map((b) => b.high);
const MEDIAN = [...OTHERS].sort((a, b) => a - b)[Math.floor(OTHERS.length / 2) - (OTHERS.length % 2 ? 0 : 1)];

type Box = { left: number; right: number; top: number; bottom: number };
const overlap = (a: Box, b: Box) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;

describe("the football field with an outlier method and close marks", () => {
  let session: BrowserSession;
  let page: Page;
  const pageErrors: string[] = [];
  const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);

  /** The drawn boxes of the mark labels, the bar labels, and the committee's zone (floor to ceiling line), in px. */
  const measure = () =>
    page.evaluate(() => {
      const svg = document.querySelector('[data-testid="football-field"]')!;
      const box = (e: Element) => {
        const r = e.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      };
      const marks = Object.fromEntries(Array.from(svg.querySelectorAll("[data-mark-label]")).map((e) => [e.getAttribute("data-mark-label"), box(e)]));
      const bars = Array.from(svg.querySelectorAll("[data-bar-label]")).map((e) => ({ name: e.getAttribute("data-bar-label"), ...box(e) }));
      const line = (k: string) => svg.querySelector(`line[data-mark="${k}"]`)!.getBoundingClientRect().left;
      return { marks, bars, zone: line("ceiling") - line("floor"), width: svg.getBoundingClientRect().width };
    });

  beforeAll(async () => {
    session = await openBrowser({ locale: "ja-JP", viewport: { width: 900, height: 1000 } }, { excel: true });
    page = await openFreshPane(session, pageErrors);
    await byTestId("start-medical-device").click();
    await byTestId("football-field").waitFor();
    const tabs = page.locator('[data-testid="scenario-tab"]');
    for (let i = 0; i < 3; i++) {
      await tabs.nth(i).click();
      for (const [key, value] of [
        ["term_years", "4"],
        ["royalty_rate", "1"],
      ]) {
        await byTestId(`input-${key}`).fill(value);
        await byTestId(`input-${key}`).press("Enter");
      }
    }
    for (const [k, v] of Object.entries(MARKS)) {
      await byTestId(`decision-${k}`).fill(v);
      await byTestId(`decision-${k}`).press("Enter");
    }
    await page.locator('[data-testid="football-field"] line[data-mark="ceiling"]').waitFor({ state: "attached" });
  });

  afterAll(async () => {
    await session?.close();
  });

  test("the case: the walk-away rate's bar is over 50 times the other methods' median high", () => {
    expect(OUTLIER.high / MEDIAN).toBeGreaterThan(50);
  });

  test.each([320, 900])("at %i px the marks' labels overlap nothing and the committee's zone is readable", async (width) => {
    await page.setViewportSize({ width, height: 1000 });
    await page.waitForTimeout(200);
    const m = await measure();
    const names = ["offer", "floor", "ceiling"];
    expect(Object.keys(m.marks).sort()).toEqual([...names].sort());
    // Every bar has its labels (a name, its range), each tagged with the bar's output.
    expect(new Set(m.bars.map((b) => b.name)).size).toBe(BARS.length);
    const collisions: string[] = [];
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) if (overlap(m.marks[names[i]], m.marks[names[j]])) collisions.push(`${names[i]}/${names[j]}`);
      for (const b of m.bars) if (overlap(m.marks[names[i]], b)) collisions.push(`${names[i]}/${b.name}`);
    }
    console.log(`football field at ${width} px: zone ${m.zone.toFixed(1)} px of ${m.width.toFixed(0)}; collisions ${JSON.stringify(collisions)}`);
    expect(collisions).toEqual([]);
    // The floor-to-ceiling zone: at least 10 % of the chart's width, and 25 px at the narrowest pane.
    expect(m.zone).toBeGreaterThanOrEqual(Math.max(25, m.width * 0.1));
  });

  test("the outlier is drawn to the axis end, marked clipped, with its value printed", async () => {
    const bar = page.locator('[data-testid="football-field"] [data-output="value_maxrate"]');
    expect(await bar.getAttribute("data-clipped")).toBe("high");
    await expect(page.locator('[data-clipped-value="value_maxrate"]').textContent()).resolves.toContain(formatCompact(OUTLIER.high, "ja"));
    expect(await page.locator('[data-testid="football-field"] [data-output="value_maxrate"] [data-clip-mark]').count()).toBe(1);
  });

  test("a method hidden leaves the chart and the axis, stays hidden after a reload, and comes back", async () => {
    const axisEnd = () =>
      page.locator('[data-testid="football-field"] [data-tick]').evaluateAll((ts) => Math.max(...ts.map((t) => Number(t.getAttribute("data-tick")))));
    const marks = Object.values(MARKS).map(Number);
    const HIDE = ["npv", "value_rate25"];
    const all = fieldScale(BARS, marks).max;
    const fewer = fieldScale(
      BARS.filter((b) => !HIDE.includes(b.output)),
      marks
    ).max;
    expect(fewer).not.toBe(all);
    expect(await axisEnd()).toBe(all);
    for (const o of HIDE) await page.locator(`[data-testid="football-method"][data-output="${o}"]`).click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="football-field"] [data-output="npv"]'));
    expect(await axisEnd()).toBe(fewer);
    await page.reload();
    await byTestId("football-field").waitFor();
    expect(await page.locator('[data-testid="football-field"] [data-output="npv"]').count()).toBe(0);
    expect(await page.locator('[data-testid="football-method"][data-output="npv"]').getAttribute("aria-pressed")).toBe("false");
    for (const o of HIDE) await page.locator(`[data-testid="football-method"][data-output="${o}"]`).click();
    await page.locator('[data-testid="football-field"] [data-output="npv"]').waitFor();
    expect(await axisEnd()).toBe(all);
  });

  test("no script errors", () => {
    expect(pageErrors).toEqual([]);
  });
});
