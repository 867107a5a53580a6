/**
 * The pane's charts at Excel's narrowest task pane (320 px) and a wide one (900 px): each is drawn as
 * wide as it is shown, so its SVG text renders at its font size — at least 11 px at 320 px, at most
 * about 14 px at 900 px — and none of it runs past the chart's edge; and the header's band is the
 * Office theme's brand colour with readable text, light and dark. Needs `npm run build` first.
 */
import { Page } from "playwright-core";
import { BrowserSession, openBrowser } from "./harness";

const CHARTS = ["football-field", "simulation-histogram", "tornado", "spider"];
/** Charts drawn side by side in a wide pane (each takes half the row). */
const PAIRED = new Set(["tornado", "spider"]);

/** Per chart: the smallest and largest rendered font size of its text (CSS px), and how far any text runs past the chart. */
async function chartText(page: Page) {
  return page.evaluate((charts) => {
    return charts.map((id) => {
      const svg = document.querySelector(`[data-testid="${id}"]`) as SVGSVGElement;
      const box = svg.getBoundingClientRect();
      const sizes: number[] = [];
      let overflow = 0;
      let worst = "";
      for (const t of Array.from(svg.querySelectorAll("text"))) {
        sizes.push(t.getScreenCTM()!.a * parseFloat(getComputedStyle(t).fontSize));
        const r = t.getBoundingClientRect();
        const out = Math.max(box.left - r.left, r.right - box.right);
        if (out > overflow) [overflow, worst] = [out, t.textContent ?? ""];
      }
      return { id, texts: sizes.length, min: Math.min(...sizes), max: Math.max(...sizes), overflow, worst, chart: box.width };
    });
  }, CHARTS);
}

describe("chart text and the header band at 320 and 900 px", () => {
  let session: BrowserSession;
  let page: Page;
  const pageErrors: string[] = [];
  const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);

  beforeAll(async () => {
    session = await openBrowser({ locale: "ja-JP", viewport: { width: 320, height: 900 } }, { excel: true });
    page = await session.context.newPage();
    page.setDefaultTimeout(20000);
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(session.server.url + "taskpane.html");
    await page.evaluate(() => (window as any).__fakeExcel.reset());
    await page.reload();
    await byTestId("start-medical-device").click();
    await byTestId("football-field").waitFor();
    await byTestId("simulation-run").click();
    await byTestId("tornado").waitFor();
  });

  afterAll(async () => {
    await session?.close();
  });

  test.each([
    ["ja", 320],
    ["en", 320],
    ["en", 900],
    ["ja", 900],
  ] as const)("%s at %i px: every chart's text renders between 11 and 14 px and stays inside the chart", async (language, width) => {
    await page.setViewportSize({ width, height: 900 });
    await page.locator(`#lang-${language}`).click();
    await page.waitForTimeout(300); // the resize observer's measurement and the re-render
    const charts = await chartText(page);
    console.log(`${language} ${width}px`, charts.map((c) => `${c.id} ${c.chart.toFixed(0)} px wide: ${c.min.toFixed(1)}–${c.max.toFixed(1)} px`).join("; "));
    for (const c of charts) {
      expect(c.texts).toBeGreaterThan(3);
      expect(c.min).toBeGreaterThanOrEqual(11);
      expect(c.max).toBeLessThanOrEqual(14);
      expect({ id: c.id, overflow: c.overflow <= 1 ? 0 : `${c.overflow.toFixed(1)} px: ${c.worst}` }).toEqual({ id: c.id, overflow: 0 });
    }
    // The charts use the wide pane: a chart alone on its row near its widest, the tornado and spider half the row each.
    if (width === 900) for (const c of charts) expect({ id: c.id, wide: c.chart > (PAIRED.has(c.id) ? 400 : 500) }).toEqual({ id: c.id, wide: true });
  });

  test.each([
    ["light", false, "rgb(15, 108, 189)"],
    ["dark", true, "rgb(17, 94, 163)"],
  ])("the header's band in Office's %s theme is that theme's brand background, its title readable on it", async (_, isDarkTheme, band) => {
    await page.evaluate(
      (dark) =>
        (window as any).__fakeExcel.setOfficeTheme({
          bodyBackgroundColor: dark ? "#262626" : "#ffffff",
          bodyForegroundColor: dark ? "#ffffff" : "#262626",
          controlBackgroundColor: dark ? "#363636" : "#ffffff",
          controlForegroundColor: dark ? "#ffffff" : "#262626",
          isDarkTheme: dark,
        }),
      isDarkTheme
    );
    await page.reload(); // the pane reads Office's theme as it opens (its change event is office-fit.test.ts's)
    await page.waitForFunction((b) => getComputedStyle(document.querySelector("header")!).backgroundColor === b, band);
    const ratio = await page.evaluate(() => {
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const lum = (c: string) => {
        const [r, g, b] = rgb(c).map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : Math.pow((v / 255 + 0.055) / 1.055, 2.4)));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const header = document.querySelector("header")!;
      const [hi, lo] = [lum(getComputedStyle(document.getElementById("title")!).color), lum(getComputedStyle(header).backgroundColor)].sort((a, b) => b - a);
      return (hi + 0.05) / (lo + 0.05);
    });
    expect(ratio).toBeGreaterThanOrEqual(4.5);
  });

  test("ran without script errors", () => {
    expect(pageErrors).toEqual([]);
  });
});
