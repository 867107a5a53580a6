/**
 * What every browser test needs: the built add-in (dist/) on a local server, Debian's Chromium with
 * the flags this machine needs, and the stand-ins installed before any page script (the
 * CustomFunctions runtime, and optionally the in-memory Excel).
 */
import * as fs from "fs";
import * as path from "path";
import { chromium, Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { serveDirectory } from "./static-server";

export const DIST = path.resolve(__dirname, "../../dist");
export const SCREENSHOTS = path.resolve(__dirname, "../../docs/images");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const STAND_IN = path.resolve(__dirname, "../setup/custom-functions-stand-in.js");
const FAKE_EXCEL = path.resolve(__dirname, "fake-excel.js");
/** Microsoft's CDN, which the pages load office.js from; served here from the pinned npm copy (no internet in the tests). */
export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const OFFICE_JS_COPY = path.resolve(__dirname, "../../node_modules/@microsoft/office-js/dist");

export interface BrowserSession {
  server: { url: string; close: () => Promise<void> };
  browser: Browser;
  context: BrowserContext;
  close: () => Promise<void>;
}

/** Serves dist/ and opens a browser context with the stand-ins in place (fails, not skips, without them). */
export async function openBrowser(options: BrowserContextOptions, stand_ins: { excel: boolean }): Promise<BrowserSession> {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
  const server = await serveDirectory(DIST);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const context = await browser.newContext(options);
  await context.addInitScript({ path: STAND_IN });
  await context.route(`${OFFICE_JS_CDN}**`, (route) => {
    const file = path.join(OFFICE_JS_COPY, new URL(route.request().url()).pathname.replace("/lib/1/hosted/", ""));
    if (!file.startsWith(OFFICE_JS_COPY + path.sep) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: "" });
    return route.fulfill({ status: 200, contentType: "text/javascript", body: fs.readFileSync(file) });
  });
  if (stand_ins.excel) await context.addInitScript({ path: FAKE_EXCEL });
  return {
    server,
    browser,
    context,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** A page of the pane on an empty stand-in workbook (reset, then reloaded), its script errors collected into `errors`. */
export async function openFreshPane(session: BrowserSession, errors: string[], timeout = 15000): Promise<Page> {
  const page = await session.context.newPage();
  page.setDefaultTimeout(timeout);
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(session.server.url + "taskpane.html");
  await page.evaluate(() => (window as any).__fakeExcel.reset());
  await page.reload();
  return page;
}
