/**
 * The built add-in as Excel loads it: headless Chromium opens dist/taskpane.html (the shared runtime
 * page) from a local server, with a stand-in CustomFunctions that records every associate call.
 * Needs `npm run build` first (npm test does it) and Debian's /usr/bin/chromium.
 */
import * as fs from "fs";
import * as path from "path";
import { Page } from "playwright-core";
import { BrowserSession, DIST, OFFICE_JS_CDN, openBrowser, SCREENSHOTS } from "./harness";

describe("the built add-in in headless Chromium", () => {
  let page: Page;
  let server: { url: string; close: () => Promise<void> };
  let session: BrowserSession;
  const requests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    session = await openBrowser({ locale: "en-US" }, { excel: false });
    server = session.server;
    const context = session.context;
    page = await context.newPage();
    page.on("request", (r) => requests.push(r.url()));
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(server.url + "taskpane.html");
    // The pane has tried the workbook (there is no Excel here) and says where it runs.
    await page.waitForFunction(() => document.getElementById("status")?.getAttribute("data-state") === "offline", undefined, { timeout: 30000 });
  });

  afterAll(async () => {
    await session?.close();
  });

  const metadata = () => JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8")) as { functions: { id: string; parameters: unknown[] }[] };

  test("every function id in functions.json is associated exactly once, and nothing else", async () => {
    const calls: string[] = await page.evaluate(() => (window as any).CustomFunctions.__associated.calls);
    const ids = metadata().functions.map((f) => f.id);
    expect([...calls].sort()).toEqual([...ids].sort());
    expect(new Set(calls).size).toBe(calls.length);
  });

  test("the page loads office.js from Microsoft's CDN and everything else from its own origin only", () => {
    expect(requests).toContain(`${OFFICE_JS_CDN}office.js`);
    const foreign = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith("data:") && !u.startsWith(OFFICE_JS_CDN));
    expect(foreign).toEqual([]);
    expect(fs.existsSync(path.join(DIST, "office-js"))).toBe(false); // no 14 MB copy in the default build
  });

  test("the page's Content-Security-Policy is in force: a connection or an image from another origin is refused", async () => {
    const refused = await page.evaluate(async () => {
      const seen: string[] = [];
      document.addEventListener("securitypolicyviolation", (e) => seen.push(e.effectiveDirective));
      await fetch("https://example.com/inputs", { method: "POST", body: "confidential" }).catch(() => undefined);
      await new Promise<void>((resolve) => {
        const img = new Image();
        img.onerror = img.onload = () => resolve();
        img.src = "https://example.com/pixel.png";
      });
      await new Promise((r) => setTimeout(r, 50)); // the violation events are queued as tasks
      return seen;
    });
    expect(refused).toEqual(expect.arrayContaining(["connect-src", "img-src"]));
  });

  test("the page runs without script errors and says it is outside Office", async () => {
    expect(pageErrors).toEqual([]);
    expect(await page.textContent("#status")).toContain("outside Excel");
  });

  // Each function called through what `associate` received, with arguments shaped as Excel sends them.
  const call = (id: string, ...args: unknown[]) =>
    page.evaluate(
      async ([fid, fargs]) => {
        // Awaited: the first call waits for the functions' code (functions-impl.js), as Excel would; an error
        // it throws is what Excel shows, as one it returns.
        let r: unknown;
        try {
          r = await (window as any).CustomFunctions.__associated.functions[fid as string](...(fargs as unknown[]));
        } catch (e) {
          r = e;
        }
        const plain = (x: any): any =>
          x && typeof x === "object" && "code" in x ? { error: x.code, message: x.message } : Array.isArray(x) ? x.map(plain) : x;
        return plain(r);
      },
      [id, args] as const
    );

  const fetched = (file: string) => requests.filter((u) => u === `${server.url}${file}`).length;

  test("the functions' code is fetched on the first call, once, and later calls answer at once", async () => {
    // The pane has opened its start view and fetched the editor (and the engine it shares with the functions), not the functions' code.
    expect(fetched("functions-impl.js")).toBe(0);
    const first = await page.evaluate(async () => {
      const r = (window as any).CustomFunctions.__associated.functions.RATE25(0.2, null);
      return { promise: r instanceof Promise, value: await r };
    });
    expect(first).toEqual({ promise: true, value: 0.05 });
    expect(fetched("functions-impl.js")).toBe(1);
    const later = await page.evaluate(() => (window as any).CustomFunctions.__associated.functions.RATE25(0.3, 0.25));
    expect(later).toBeCloseTo(0.075, 12);
    expect(await page.evaluate(() => (window as any).CustomFunctions.__associated.functions.RATE25(0.3, 0.25) instanceof Promise)).toBe(false);
    expect(fetched("functions-impl.js")).toBe(1);
    expect(fetched("engine.js")).toBe(1);
  });

  test("when the functions' code cannot be fetched, a call answers #N/A saying so, and the next call fetches it again", async () => {
    const other = await session.context.newPage();
    try {
      await other.route("**/functions-impl.js", (route) => route.abort());
      await other.goto(server.url + "taskpane.html");
      await other.waitForFunction(() => (window as any).CustomFunctions?.__associated?.functions?.DCF !== undefined);
      const dcf = () =>
        other.evaluate(async () => {
          try {
            return await (window as any).CustomFunctions.__associated.functions.DCF(0.1, [[0], [0], [1000]], null);
          } catch (e) {
            return { error: (e as { code: string }).code, message: (e as { message: string }).message };
          }
        });
      expect(await dcf()).toEqual({
        error: "#N/A",
        message: expect.stringMatching(/^IPVALUE's functions could not be loaded \(.+\); recalculate to try again$/),
      });
      await other.unroute("**/functions-impl.js");
      expect(await dcf()).toBeCloseTo(751.31, 2);
    } finally {
      await other.close();
    }
  });

  const table = [
    ["key", "Low", "Base", "High"],
    ["market_size", 1e9, 2e9, 3e9],
    ["peak_share", 0.05, 0.1, 0.15],
    ["years", 10, 10, 10],
    ["royalty_rate", 0.02, 0.03, 0.04],
    ["discount_rate", 0.12, 0.1, 0.08],
    ["operating_margin", 0.15, 0.2, 0.25],
    ["success_probability", 0.5, 0.6, 0.7],
  ];

  test.each([
    ["DCF", [0.1, [[0], [0], [1000]], null], 751.31],
    ["DCF", [0.1, [[0, 0, 1000]], "mid"], 787.99],
    ["RNPV", [0.1, [[0], [0], [1000]], [[0.5]], null], 375.66],
    ["RATE25", [0.2, null], 0.05],
    ["PROFITSHARE", [0.04, 0.6], 0.0667],
    ["MAXRATE", [[[100], [100]], [[0.2]], 0, null, null, null, null], 0.2],
    ["RFR", [[[100]], 0.1, 0, 0, null, null], 10],
    ["EQUIVRATE", [10, [[100]], 0, null], 0.1],
    ["DEAL", [0, 5, [[1, 10]], [[1], [2]], null, null], 18],
  ])("%s returns the expected number from Excel-shaped arguments (%#)", async (id, args, expected) => {
    const r = await call(id as string, ...(args as unknown[]));
    expect(typeof r).toBe("number");
    expect(r as number).toBeCloseTo(expected as number, 2);
  });

  test("spilling functions return 2-D arrays: SALES, ROYALTIES, LOA, SCENARIO table, RANGE", async () => {
    expect(await call("SALES", 100, 0, 0.5, 2, 3, null)).toEqual([[25], [50], [50]]);
    expect(await call("ROYALTIES", [[0, 100, 200]], 0.1, 15, null)).toEqual([[0, 15, 20]]);
    const loa = (await call("LOA", [[0.5], [0.5]], true)) as number[][];
    expect(loa).toEqual([[0.5], [0.25]]);
    const model = (await call("SCENARIO", table, "Base", "table")) as unknown[][];
    expect(model[0]).toEqual(["year", "market", "share", "sales", "royalty", "discount_factor", "present_value", "annual_fee", "sublicense", "patent_cost"]);
    expect(model).toHaveLength(11);
    const range = (await call("RANGE", table, null, null)) as unknown[][];
    expect(range[0]).toEqual(["output", "low", "base", "high"]);
    expect(range.map((r) => r[0])).toEqual(["output", "rnpv", "npv", "rate25", "maxrate"]);
    for (const row of range.slice(1)) {
      const [, low, base, high] = row as number[];
      expect(low).toBeLessThanOrEqual(base);
      expect(base).toBeLessThanOrEqual(high);
    }
  });

  test("bad input comes back as an Excel error with a message naming the argument", async () => {
    expect(await call("DCF", -1, [[1]], null)).toEqual({ error: "#VALUE!", message: expect.stringContaining("rate") });
    expect(await call("SALES", 100, 0, 1.5, 1, 3, null)).toEqual([[{ error: "#VALUE!", message: expect.stringContaining("peak_share") }]]);
    expect(await call("SCENARIO", table, "Nope", null)).toEqual([[{ error: "#N/A", message: expect.stringContaining("Nope") }]]);
    expect(await call("EQUIVRATE", 10, [[0]], 0.1, null)).toEqual({ error: "#NUM!" });
  });

  test("the pane switches between English and Japanese", async () => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.setViewportSize({ width: 360, height: 520 });
    const start = page.locator('[data-testid="start-view"]');
    expect(await page.textContent("header")).toContain("License valuation");
    expect(await start.textContent()).toContain("Start a valuation");
    await page.screenshot({ path: path.join(SCREENSHOTS, "taskpane-en.png") });
    await page.click("#lang-ja");
    expect(await page.textContent("header")).toContain("ライセンス評価");
    expect(await start.textContent()).toContain("評価を始める");
    expect(await page.textContent("#status")).toContain("Excel の外で実行中");
    expect(await page.getAttribute("html", "lang")).toBe("ja");
    await page.mouse.move(180, 400); // no hover left on the language switch
    await page.screenshot({ path: path.join(SCREENSHOTS, "taskpane-ja.png") });
    await page.click("#lang-en");
    expect(await page.textContent("#status")).toContain("outside Excel");
  });
});
