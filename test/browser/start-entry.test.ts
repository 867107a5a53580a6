/**
 * The pane's two scripts, in headless Chromium against the built add-in (dist/) and the Excel
 * stand-in: the start view is drawn by the small entry (taskpane.js) before the editor's chunk
 * (editor.js) is asked for; that chunk is fetched right after, without a click; a start made on the
 * start view opens the editor as before (focus on the results, the set in the workbook); and on a
 * workbook with scenarios, an edit made in Excel while the editor's chunk is still on its way shows
 * once it is there; when the server refuses that chunk, the pane says so and its retry opens the editor.
 * In an Excel without ExcelApi 1.13 the page still says why the editor cannot run,
 * without the start view or the editor's chunk. Needs `npm run build` first.
 */
import { Page, Route } from "playwright-core";
import { BrowserSession, openBrowser, openFreshPane } from "./harness";

describe("the start view's entry and the editor's chunk", () => {
  let session: BrowserSession;
  let page: Page;
  const pageErrors: string[] = [];
  const byTestId = (id: string) => page.locator(`[data-testid="${id}"]`);

  beforeAll(async () => {
    session = await openBrowser({ locale: "en-US", viewport: { width: 420, height: 900 } }, { excel: true });
    // When the start view (or the editor) first appears, against the page's clock.
    await session.context.addInitScript(() => {
      const w = window as unknown as { __startShownAt?: number };
      new MutationObserver(() => {
        if (w.__startShownAt === undefined && document.querySelector('[data-testid="start-view"], [data-testid="editor"]'))
          w.__startShownAt = performance.now();
      }).observe(document, { childList: true, subtree: true });
    });
    page = await openFreshPane(session, pageErrors);
  });

  afterAll(async () => {
    await session?.close();
  });

  test("the start view is up before editor.js is asked for; it is fetched after, without a click", async () => {
    await byTestId("start-view").waitFor();
    await page.waitForFunction(() => performance.getEntriesByType("resource").some((e) => e.name.endsWith("/editor.js")));
    const { shownAt, editorAt, scripts } = await page.evaluate(() => {
      const entries = performance.getEntriesByType("resource");
      return {
        shownAt: (window as unknown as { __startShownAt: number }).__startShownAt,
        editorAt: entries.find((e) => e.name.endsWith("/editor.js"))!.startTime,
        scripts: entries.filter((e) => e.name.endsWith(".js")).map((e) => e.name.replace(/^.*\//, "")),
      };
    });
    expect(shownAt).toBeGreaterThan(0);
    expect(editorAt).toBeGreaterThanOrEqual(shownAt);
    expect(scripts).toEqual(expect.arrayContaining(["functions.js", "taskpane.js", "editor.js"]));
    expect(await byTestId("editor").count()).toBe(0); // nothing of the editor until she starts
  });

  test("an example chosen on the start view opens the editor on it, focus on its results, the set in the workbook", async () => {
    await byTestId("start-medical-device").click();
    await byTestId("editor").waitFor();
    await page.waitForFunction(() => document.activeElement?.id === "results-heading");
    await page.waitForFunction(() => document.getElementById("status")?.getAttribute("data-state") === "saved");
    const stored = await page.evaluate(() => {
      const fx = (window as any).__fakeExcel;
      return (fx.tableNames() as string[]).map((n) => fx.table(n).values[0][0]);
    });
    expect(stored.map((h) => String(h).toLowerCase())).toContain("key");
    expect(pageErrors).toEqual([]);
  });

  test("reopened on that workbook while editor.js is held back: a spinner, then the editor with an edit made in Excel meanwhile", async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const hold = async (route: Route) => {
      await held;
      await route.continue();
    };
    await session.context.route("**/editor.js", hold);
    try {
      await page.reload();
      await page.waitForFunction(() => performance.getEntriesByType("resource").some((e) => e.name.endsWith("/taskpane.js")));
      // The shell read the tables (the editor is needed) and waits for its chunk.
      await page.locator('[role="progressbar"], .fui-Spinner').first().waitFor();
      expect(await byTestId("start-view").count()).toBe(0);
      const address = await page.evaluate(() => {
        const fx = (window as any).__fakeExcel;
        for (const name of fx.tableNames() as string[]) {
          const t = fx.table(name);
          if ((t.values[0] as unknown[]).slice(0, 3).join("|").toLowerCase() !== "key|label|unit") continue;
          const row = (t.values as unknown[][]).findIndex((r) => r[0] === "royalty_rate");
          const m = /^(.*)!\$?([A-Z])\$?(\d+)/.exec(t.address)!;
          const letter = String.fromCharCode(m[2].charCodeAt(0) + 3); // the first scenario's column, after key, label and unit
          return `${m[1]}!${letter}${Number(m[3]) + row}`;
        }
        throw new Error("no assumptions table");
      });
      await page.evaluate((a) => (window as any).__fakeExcel.userEdit(a, 0.0375), address);
      await page.waitForTimeout(400); // past the port's re-read after the change event (150 ms)
      expect(await byTestId("editor").count()).toBe(0);
    } finally {
      release();
    }
    await byTestId("editor").waitFor();
    await page.waitForFunction(() => (document.querySelector('[data-testid="input-royalty_rate"]') as HTMLInputElement | null)?.value === "3.75");
    await session.context.unroute("**/editor.js", hold);
    expect(pageErrors).toEqual([]);
  });

  test("editor.js refused by the server: the pane says so in its language with a retry, and the retry opens the editor", async () => {
    const refuse = (route: Route) => route.fulfill({ status: 503, body: "" });
    await session.context.route("**/editor.js", refuse);
    try {
      await page.reload();
      await byTestId("editor-failed").waitFor();
      expect(await byTestId("editor-failed").innerText()).toMatch(
        /^The scenario editor could not be loaded from the add-in's server \(.+\)\. Nothing in the workbook has changed\./
      );
      expect(await byTestId("editor").count()).toBe(0);
    } finally {
      await session.context.unroute("**/editor.js", refuse);
    }
    await byTestId("editor-retry").click();
    await byTestId("editor").waitFor();
    expect(await byTestId("editor-failed").count()).toBe(0);
    expect(await page.locator('[data-testid="input-royalty_rate"]').inputValue()).toBe("3.75"); // the workbook's set, as it was
  });
});

describe("Excel without ExcelApi 1.13", () => {
  let session: BrowserSession;

  afterAll(async () => {
    await session?.close();
  });

  test("the page says why the editor cannot run: no start view, and editor.js is not fetched", async () => {
    session = await openBrowser({ locale: "en-US", viewport: { width: 420, height: 600 } }, { excel: false });
    // An Excel host that lacks the requirement set: Office.onReady says Excel, isSetSupported says no.
    await session.context.addInitScript(() => {
      let office: any;
      // office.js fills Office in late: its own onReady is kept (whenever it is set) and wrapped; once it is ready, the context is Excel's without 1.13.
      const context = { requirements: { isSetSupported: (set: string, v: string) => !(set === "ExcelApi" && v === "1.13") } };
      const dress = (o: any) => {
        if (!o || o.__older) return;
        Object.defineProperty(o, "__older", { value: true });
        let onReady = o.onReady;
        Object.defineProperty(o, "onReady", {
          configurable: true,
          get: () => (callback: (info: unknown) => void) =>
            onReady.call(o).then(() => {
              const info = { host: "Excel", platform: "PC" };
              // (Office.context itself is not configurable: its members are.)
              Object.defineProperty(o.context, "requirements", { configurable: true, value: context.requirements });
              callback(info);
              return info;
            }),
          set: (f) => (onReady = f),
        });
      };
      Object.defineProperty(window, "Office", {
        configurable: true,
        get: () => office,
        set: (o) => {
          office = o;
          dress(o);
        },
      });
    });
    const page = await session.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(session.server.url + "taskpane.html");
    await page.getByText("This version of Excel cannot run the scenario editor (it needs ExcelApi 1.13)").waitFor();
    await page.waitForTimeout(500);
    expect(await page.locator('[data-testid="start-view"]').count()).toBe(0);
    const scripts = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name.replace(/^.*\//, "")));
    expect(scripts).not.toContain("editor.js");
    expect(errors).toEqual([]);
  });
});
