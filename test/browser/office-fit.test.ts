/**
 * The pane in Office's frame: it follows Office's theme (Office.context.officeTheme and its change
 * event, set through the Excel stand-in), its charts take the theme's colours with readable contrast,
 * and keyboard focus goes somewhere sensible after an example is chosen and back to the opening
 * button after each dialog. Needs `npm run build` first and Debian's /usr/bin/chromium.
 */
import { Page } from "playwright-core";
import * as fs from "fs";
import * as path from "path";
import { BrowserSession, openBrowser, SCREENSHOTS } from "./harness";

// Office's Black theme as Excel reports it, and its White theme.
const BLACK = {
  bodyBackgroundColor: "#262626",
  bodyForegroundColor: "#ffffff",
  controlBackgroundColor: "#363636",
  controlForegroundColor: "#ffffff",
  isDarkTheme: true,
};
const WHITE = {
  bodyBackgroundColor: "#ffffff",
  bodyForegroundColor: "#262626",
  controlBackgroundColor: "#ffffff",
  controlForegroundColor: "#262626",
  isDarkTheme: false,
};

/** WCAG contrast of two computed CSS colours (rgb()/rgba()), in the page. */
async function chartContrast(page: Page): Promise<{ background: string; lowest: number; texts: number; halo: string }> {
  return page.evaluate(() => {
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
    const app = document.querySelector("#root > div > div") as HTMLElement;
    const background = getComputedStyle(app).backgroundColor;
    const texts = Array.from(document.querySelectorAll('[data-testid="football-field"] text'));
    const lowest = Math.min(...texts.map((t) => ratio(getComputedStyle(t).fill, background)));
    const halo = getComputedStyle(
      document.querySelector('[data-testid="football-field"] text[style*="paint-order"], [data-testid="football-field"] g[style*="paint-order"]')!
    ).stroke;
    return { background, lowest, texts: texts.length, halo };
  });
}

describe("the pane fits Office: theme and keyboard", () => {
  let session: BrowserSession;
  let page: Page;
  const pageErrors: string[] = [];
  const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);
  const focused = () =>
    page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? document.activeElement?.id ?? document.activeElement?.tagName);
  const background = () => page.evaluate(() => getComputedStyle(document.querySelector("#root > div > div") as HTMLElement).backgroundColor);

  beforeAll(async () => {
    session = await openBrowser({ locale: "en-US", viewport: { width: 420, height: 900 } }, { excel: true });
    page = await session.context.newPage();
    page.setDefaultTimeout(10000);
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(session.server.url + "taskpane.html");
    await byTestId("start-view").waitFor();
  });

  afterAll(async () => {
    await session?.close();
  });

  test("without an Office theme the pane is light", async () => {
    expect(await background()).toBe("rgb(255, 255, 255)");
  });

  test("after choosing an example with the keyboard, focus is on the results heading, not <body>", async () => {
    await byTestId("start-medical-device").focus();
    await page.keyboard.press("Enter");
    await byTestId("results").waitFor();
    await page.waitForFunction(() => document.activeElement?.id === "results-heading");
    expect(await focused()).toBe("results-heading");
  });

  test.each([
    ["the share dialog, closed with Close", "share-open", "share-dialog", "share-close"],
    ["the share dialog, closed with Escape", "share-open", "share-dialog", "Escape"],
    ["the freeze dialog, closed with Close", "freeze-open", "freeze-dialog", "freeze-close"],
    ["the freeze dialog, closed with Escape", "freeze-open", "freeze-dialog", "Escape"],
    ["the delete confirmation, closed with Escape", "delete", "", "Escape"],
  ])("%s gives focus back to the button that opened it", async (_, opener, dialog, close) => {
    await byTestId(opener).focus();
    await page.keyboard.press("Enter");
    if (dialog) await byTestId(dialog).waitFor();
    else await page.getByRole("dialog").waitFor();
    if (close === "Escape") await page.keyboard.press("Escape");
    else await byTestId(close).click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await page.waitForTimeout(300); // long enough for a dialog's unmounting to drop focus, as it did
    expect(await focused()).toBe(opener);
  });

  test("deleting a scenario from the confirmation leaves focus on Delete, or on the selected tab when Delete is disabled", async () => {
    const tabs = async () => byTestId("scenario-tab").count();
    while ((await tabs()) > 1) {
      const last = (await tabs()) === 2;
      await byTestId("delete").focus();
      await page.keyboard.press("Enter");
      await byTestId("confirm-delete").click();
      await page.getByRole("dialog").waitFor({ state: "detached" });
      await page.waitForTimeout(300);
      if (last) {
        expect(await byTestId("delete").isDisabled()).toBe(true);
        expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("tab");
      } else expect(await focused()).toBe("delete");
    }
  });

  test("Office's Black theme: the pane opens dark, and the football field's text keeps its contrast", async () => {
    const light = await chartContrast(page);
    await page.evaluate((theme) => (window as any).__fakeExcel.setOfficeTheme(theme), BLACK);
    await page.reload();
    await byTestId("football-field").waitFor();
    expect(await background()).toBe("rgb(41, 41, 41)"); // webDarkTheme's colorNeutralBackground1
    const dark = await chartContrast(page);
    expect(dark.texts).toBeGreaterThan(5);
    expect(dark.lowest).toBeGreaterThanOrEqual(4.5); // WCAG AA for text
    expect(light.lowest).toBeGreaterThanOrEqual(4.5);
    expect(dark.halo).toBe(dark.background); // the labels' outline is the background, not white
    expect(light.halo).toBe("rgb(255, 255, 255)");
    // For the README: the medical-device example, new, under Office's Black theme (kept across the reset).
    await page.evaluate(() => (window as any).__fakeExcel.reset());
    await page.reload();
    await byTestId("start-medical-device").click();
    await byTestId("football-field").waitFor();
    expect(await background()).toBe("rgb(41, 41, 41)");
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SCREENSHOTS, "pane-dark.png") });
  });

  test("a theme change in Office (OfficeThemeChanged) turns the open pane light again, and back", async () => {
    await page.evaluate((theme) => (window as any).__fakeExcel.setOfficeTheme(theme), WHITE);
    await page.waitForFunction(() => getComputedStyle(document.querySelector("#root > div > div") as HTMLElement).backgroundColor === "rgb(255, 255, 255)");
    await page.evaluate((theme) => (window as any).__fakeExcel.setOfficeTheme(theme), BLACK);
    await page.waitForFunction(() => getComputedStyle(document.querySelector("#root > div > div") as HTMLElement).backgroundColor === "rgb(41, 41, 41)");
    expect((await chartContrast(page)).lowest).toBeGreaterThanOrEqual(4.5);
  });

  test("ran without script errors", () => {
    expect(pageErrors).toEqual([]);
  });
});
