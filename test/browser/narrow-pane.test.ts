/**
 * The pane from Excel's narrowest task pane (320 px) to a wide one (900 px): no sideways page scroll,
 * every % field shows its suffix, the scenario tabs stay inside the pane, and the charts' text stays
 * no larger than about 12 px instead of growing with the pane. Needs `npm run build` first.
 */
import { Page } from "playwright-core";
import * as fs from "fs";
import * as path from "path";
import { BrowserSession, openBrowser, SCREENSHOTS } from "./harness";

describe("the pane at 320, 420 and 900 px", () => {
  let session: BrowserSession;
  let page: Page;
  const pageErrors: string[] = [];
  const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);

  beforeAll(async () => {
    session = await openBrowser({ locale: "ja-JP", viewport: { width: 420, height: 900 } }, { excel: true });
    page = await session.context.newPage();
    page.setDefaultTimeout(10000);
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(session.server.url + "taskpane.html");
    await byTestId("start-software").click();
    await byTestId("football-field").waitFor();
    await byTestId("simulation-run").click();
    await byTestId("simulation-histogram").waitFor();
  });

  afterAll(async () => {
    await session?.close();
  });

  test.each([320, 420, 900])("at %i px", async (width) => {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(200);
    const m = await page.evaluate(() => {
      const vw = window.innerWidth;
      const overflowing = Array.from(document.querySelectorAll("#root *"))
        .filter((e) => e.getBoundingClientRect().right > vw + 0.5 && e.getBoundingClientRect().width > 0)
        .map((e) => `${e.tagName.toLowerCase()}[${e.getAttribute("data-testid") ?? ""}]`);
      // A % field: its suffix (Fluent's contentAfter) is inside the field's box, not clipped away.
      const clipped = Array.from(document.querySelectorAll('[data-testid^="input-"]'))
        .map((input) => {
          const root = input.parentElement!;
          const suffix = Array.from(root.children).find((c) => c !== input && c.textContent === "%");
          if (!suffix) return null;
          const r = root.getBoundingClientRect();
          const s = suffix.getBoundingClientRect();
          return s.right <= r.right + 0.5 && s.left >= r.left && s.width > 0 ? null : input.getAttribute("data-testid");
        })
        .filter((x) => x !== null);
      const percentFields = Array.from(document.querySelectorAll('[data-testid^="input-"]')).filter((i) =>
        Array.from(i.parentElement!.children).some((c) => c.textContent === "%")
      ).length;
      const tabs = document.querySelector('[data-testid="scenario-tabs"]')!.getBoundingClientRect();
      // The drawn size of 11-unit text: the chart's width over its 400-unit viewBox.
      const chartText = ["football-field", "simulation-histogram", "tornado", "spider"].map((id) => {
        const svg = document.querySelector(`[data-testid="${id}"]`) as SVGSVGElement;
        return (11 * svg.getBoundingClientRect().width) / svg.viewBox.baseVal.width;
      });
      return { scrollWidth: document.scrollingElement!.scrollWidth, overflowing, clipped, percentFields, tabsRight: tabs.right, chartText };
    });
    expect(m.overflowing).toEqual([]);
    expect(m.scrollWidth).toBeLessThanOrEqual(width);
    expect(m.percentFields).toBeGreaterThan(3);
    expect(m.clipped).toEqual([]);
    expect(m.tabsRight).toBeLessThanOrEqual(width);
    for (const px of m.chartText) expect(px).toBeLessThanOrEqual(12.5);
    if (width === 320) {
      // For the README: Excel's narrowest task pane, from the top.
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(SCREENSHOTS, "pane-320.png") });
    }
  });

  test("the comparables dialog at 320 px: the source tabs, the conditions and each found term stay inside the dialog, nothing scrolls sideways", async () => {
    await page.setViewportSize({ width: 320, height: 900 });
    await byTestId("comparables-open").click();
    await byTestId("comparables-text").fill(
      "乙は甲に対し、契約一時金として金500万円を支払う。乙は、許諾製品の正味販売高の3％をランニング・ロイヤルティとして支払う。"
    );
    await byTestId("comparables-find").click();
    await byTestId("comparables-term").first().waitFor();
    const m = await page.evaluate(() => {
      const dialog = document.querySelector('[data-testid="comparables-dialog"]')!;
      const edge = dialog.getBoundingClientRect().right;
      const name = (e: Element) => `${e.tagName.toLowerCase()}[${e.getAttribute("data-testid") ?? ""}]`;
      const past = Array.from(dialog.querySelectorAll("*"))
        .filter((e) => e.getBoundingClientRect().width > 0 && e.getBoundingClientRect().right > edge + 0.5)
        .map(name);
      const scrolling = [dialog, ...Array.from(dialog.querySelectorAll("*"))]
        .filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== "visible")
        .map(name);
      return { past, scrolling, terms: dialog.querySelectorAll('[data-testid="comparables-term"]').length };
    });
    expect(m.terms).toBe(2);
    expect(m.past).toEqual([]);
    expect(m.scrolling).toEqual([]);
    await page.keyboard.press("Escape");
  });

  test("ran without script errors", () => {
    expect(pageErrors).toEqual([]);
  });
});
