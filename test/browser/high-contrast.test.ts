/**
 * Windows' contrast themes (forced colours, as Office runs under "High contrast" on Windows): the
 * browser replaces the page's colours with the system's, and the pane must stay readable: its text,
 * the football field's labels and its bars against the background. Emulated by Chromium's
 * forced-colors media (page.emulateMedia), the nearest thing to Windows' contrast themes here.
 * Needs `npm run build` first and Debian's /usr/bin/chromium.
 */
import { Page } from "playwright-core";
import { BrowserSession, openBrowser } from "./harness";

/** The lowest WCAG contrast of the texts under `selector` against the pane's background, and how many were measured. */
async function lowestContrast(page: Page, selector: string): Promise<{ lowest: number; count: number; background: string; worst: string }> {
  return page.evaluate((sel) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const lum = (c: string) => {
      const [r, g, b] = rgb(c).map((v) => {
        const x = v / 255;
        return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4);
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a: string, b: string) => {
      const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    };
    const background = getComputedStyle(document.querySelector("#root > div > div") as HTMLElement).backgroundColor;
    // What a text stands on: the nearest box (itself or an ancestor) that paints an opaque background.
    const ground = (e: Element) => {
      for (let n: Element | null = e; n; n = n.parentElement) {
        const c = getComputedStyle(n).backgroundColor;
        if (!/rgba\(.*,\s*0\)$/.test(c) && c !== "transparent") return c;
      }
      return background;
    };
    let lowest = Infinity;
    let worst = "";
    let count = 0;
    for (const e of Array.from(document.querySelectorAll(sel))) {
      const svg = e instanceof SVGElement;
      const text = svg ? e.tagName === "text" : Array.from(e.childNodes).some((n) => n.nodeType === 3 && n.textContent!.trim() !== "");
      if (!text || (e as HTMLElement).getBoundingClientRect().width === 0) continue;
      const style = getComputedStyle(e);
      const c = ratio(svg ? style.fill : style.color, svg ? background : ground(e));
      count++;
      if (c < lowest) {
        lowest = c;
        worst = `${e.tagName.toLowerCase()} "${(e.textContent ?? "").trim().slice(0, 30)}"`;
      }
    }
    return { lowest, count, background, worst };
  }, selector);
}

/** The lowest contrast of the given CSS colours against the pane's background. */
async function lowestContrastOf(page: Page, colours: string[]): Promise<number> {
  return page.evaluate((cs) => {
    const lum = (c: string) => {
      const [r, g, b] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
        const x = Number(v) / 255;
        return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4);
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const bg = lum(getComputedStyle(document.querySelector("#root > div > div") as HTMLElement).backgroundColor);
    return Math.min(...cs.map((c) => (Math.max(lum(c), bg) + 0.05) / (Math.min(lum(c), bg) + 0.05)));
  }, colours);
}

describe("the pane under a Windows contrast theme (forced colours)", () => {
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
    await byTestId("start-medical-device").click();
    await byTestId("football-field").waitFor();
    // An offer and a floor, so that their lines and labels are drawn too.
    await byTestId("decision-offer").fill("250000000");
    await byTestId("decision-offer").press("Enter");
    await byTestId("decision-floor").fill("120000000");
    await byTestId("decision-floor").press("Enter");
    await byTestId("decision-floor").blur();
  });

  afterAll(async () => {
    await session?.close();
  });

  test.each(["dark", "light"] as const)(
    "%s contrast theme: every text of the pane and the football field's labels reach 7:1, its bars' outlines 3:1",
    async (scheme) => {
      await page.emulateMedia({ forcedColors: "active", colorScheme: scheme });
      await page.waitForTimeout(200);
      const pane = await lowestContrast(page, "#root *");
      const chart = await lowestContrast(page, '[data-testid="football-field"] text');
      expect(pane.count).toBeGreaterThan(50);
      expect(chart.count).toBeGreaterThan(5);
      // The bars: a graphical object needs 3:1 against what it stands on (WCAG 1.4.11), here its outline.
      const bars = await page.evaluate(() =>
        Array.from(document.querySelectorAll('[data-testid="football-field"] rect[rx]')).map((r) => getComputedStyle(r).stroke)
      );
      const outline = await lowestContrastOf(page, bars);
      expect(chart.count).toBeGreaterThan(8); // method labels, values, the offer's and the floor's
      expect(pane.lowest).toBeGreaterThanOrEqual(7);
      expect(chart.lowest).toBeGreaterThanOrEqual(7);
      expect(bars.length).toBeGreaterThan(3);
      expect(outline).toBeGreaterThanOrEqual(3);
    }
  );

  test("ran without script errors", () => {
    expect(pageErrors).toEqual([]);
  });
});
